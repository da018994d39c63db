import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow catalog export FILE` and `onewindow catalog import FILE [--dry-run]`: the catalog as .xlsx.
struct CatalogCommand: AsyncCommandGroup {
  var help: String { "The service-item catalog (事项目录) as an Excel workbook" }

  var commands: [String: any AnyAsyncCommand] { ["import": CatalogImportCommand(), "export": CatalogExportCommand()] }
}

struct CatalogExportCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Argument(name: "file", help: "The .xlsx file to write (sheets 事项, 材料, 流程)")
    var file: String

    @Option(name: "county", help: "The county's 6-digit code (needed only when the database holds several)")
    var county: String?
  }

  var help: String { "Write every item that is not cancelled to an .xlsx workbook" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let db = context.application.db
    let county = try await DirectoryCommand.county(signature.county, db)
    let bytes = try await CatalogSpreadsheet.export(county: county.value, db)
    try Data(bytes).write(to: URL(fileURLWithPath: signature.file), options: .atomic)
    context.console.print("Wrote \(signature.file) (\(bytes.count) bytes).")
  }
}

struct CatalogImportCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Argument(name: "file", help: "An .xlsx workbook in the layout of docs/catalog-spreadsheet.md")
    var file: String

    @Flag(name: "dry-run", help: "Check the file and print what would change, without writing")
    var dryRun: Bool

    @Option(name: "by", help: "Who the new versions are recorded as (default: import)")
    var by: String?

    @Option(name: "county", help: "The county's 6-digit code (needed only when the database holds several)")
    var county: String?
  }

  var help: String {
    "Import items from an .xlsx workbook: every row is checked first; nothing is imported if any is wrong"
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    guard let data = FileManager.default.contents(atPath: signature.file) else {
      throw ValidationError(field: "file", zh: "读不到文件 \(signature.file)", en: "Cannot read \(signature.file)")
    }
    let db = context.application.db
    let county = try await DirectoryCommand.county(signature.county, db)
    context.console.print("Checking \(signature.file)…")
    // A province's list is read through the column mapping saved on the import page, or failing that the best guess.
    let bytes = Array(data)
    let saved = try await CatalogMappingRepository(db).mapping(county: county.value)
    let mapping = saved ?? CatalogSpreadsheet.sheets(bytes).flatMap { CatalogColumnMapping.guess($0, saved: nil) }
    let reading = try await CatalogSpreadsheet.read(bytes, mapping: mapping, county: county.value, db)
    let items = reading.items
    let problems = reading.problems
    guard problems.isEmpty else {
      for department in reading.unknownDepartments {
        context.console.error("\(signature.file): 未知的实施主体「\(department.name)」（\(department.rows) 行）")
      }
      for problem in problems { context.console.error("\(signature.file): \(problem)") }
      throw ValidationError(
        field: "file", zh: "文件有 \(problems.count) 处错误，未导入任何内容",
        en: "\(problems.count) problems; nothing was imported")
    }
    let catalog = CatalogRepository(db)
    let plan = try await catalog.plan(items)
    for item in plan.created { context.console.print("  + \(item.code) \(item.name)") }
    for (item, changes) in plan.updated {
      context.console.print("  ~ \(item.code) \(item.name): \(changes.map(\.element.zh).joined(separator: "、"))")
    }
    let drafts = (plan.created + plan.updated.map(\.item)).filter { !$0.isComplete }.count
    let summary =
      "\(plan.created.count) new, \(plan.updated.count) changed, \(plan.unchanged.count) unchanged"
      + (drafts > 0 ? " (\(drafts) as drafts: elements not provided)" : "")
    guard !signature.dryRun else {
      context.console.print("Dry run: \(summary); nothing written.")
      return
    }
    let console = context.console
    try await catalog.apply(
      plan, by: signature.by ?? "import", note: "Excel 导入", county: county.value, now: Date(),
      progress: { done, total in console.print("  \(done)/\(total)") })
    context.console.print("Imported: \(summary).")
  }
}
