import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow directory export FILE` and `onewindow directory import FILE [--dry-run]`: the county's regions, sites,
/// departments, windows, staff and duties as one .xlsx workbook (docs/directory-workbook.md).
struct DirectoryCommand: AsyncCommandGroup {
  var help: String { "The county's directory (机构与人员) as an Excel workbook" }

  var commands: [String: any AnyAsyncCommand] {
    ["import": DirectoryImportCommand(), "export": DirectoryExportCommand()]
  }

  /// The county a command works on: `--county`, else the only one.
  static func county(_ code: String?, _ db: any Database) async throws -> RegionCode {
    let counties = try await DirectoryRepository(db).counties()
    if let code {
      guard let county = counties.first(where: { $0.code.value == code }) else {
        throw ValidationError(field: "--county", zh: "没有县级区划 \(code)", en: "No county \(code)")
      }
      return county.code
    }
    guard counties.count == 1, let county = counties.first else {
      throw ValidationError(
        field: "--county", zh: counties.isEmpty ? "数据库中还没有县，请先运行 onewindow init" : "有多个县，请用 --county 指定",
        en: counties.isEmpty ? "No county yet; run onewindow init first" : "Several counties; choose one with --county")
    }
    return county.code
  }
}

struct DirectoryExportCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Argument(name: "file", help: "The .xlsx file to write (sheets 区划, 场所, 部门, 窗口, 人员, 岗位)")
    var file: String

    @Option(name: "county", help: "The county's 6-digit code (needed only when the database holds several)")
    var county: String?
  }

  var help: String { "Write the county's directory to an .xlsx workbook" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let db = context.application.db
    let bytes = try await DirectoryWorkbook.export(db, county: try await DirectoryCommand.county(signature.county, db))
    try Data(bytes).write(to: URL(fileURLWithPath: signature.file), options: .atomic)
    context.console.print("Wrote \(signature.file) (\(bytes.count) bytes).")
  }
}

struct DirectoryImportCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Argument(name: "file", help: "An .xlsx workbook in the layout of docs/directory-workbook.md")
    var file: String

    @Flag(name: "dry-run", help: "Check the file and print what would change, without writing")
    var dryRun: Bool

    @Option(name: "county", help: "The county's 6-digit code (needed only when the database holds several)")
    var county: String?

    @Option(name: "links", help: "Write the new accounts' one-time password links to this CSV file")
    var links: String?
  }

  var help: String {
    "Import the directory: every row is checked in one transaction; nothing changes if any is wrong (Ctrl-C too)"
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    guard let data = FileManager.default.contents(atPath: signature.file) else {
      throw ValidationError(field: "file", zh: "读不到文件 \(signature.file)", en: "Cannot read \(signature.file)")
    }
    let app = context.application
    let county = try await DirectoryCommand.county(signature.county, app.db)
    let commandLine = StaffIdentity(
      id: "cli", username: "cli", displayName: "命令行导入", role: .admin, scope: Scope(regionCode: county))
    let console = context.console
    console.print("Checking \(signature.file)…")
    let started = Date()
    let outcome = try await DirectoryWorkbook.run(
      Array(data), by: commandLine, dryRun: signature.dryRun, app, db: app.db, now: Date(),
      progress: { console.print("  \($0)") })
    guard outcome.problems.isEmpty else {
      for problem in outcome.problems.prefix(200) { console.error("\(signature.file): \(problem)") }
      if outcome.problems.count > 200 { console.error("… and \(outcome.problems.count - 200) more") }
      throw ValidationError(
        field: "file", zh: "文件有 \(outcome.problems.count) 处错误，未导入任何内容",
        en: "\(outcome.problems.count) problems; nothing was imported")
    }
    for sheet in DirectorySheet.layout {
      console.print(
        "  \(sheet.name): +\(outcome.created[sheet.name] ?? 0) ~\(outcome.updated[sheet.name] ?? 0) "
          + "=\(outcome.unchanged[sheet.name] ?? 0)")
    }
    let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
    guard !signature.dryRun else {
      console.print("Dry run in \(seconds) s: nothing written.")
      return
    }
    if let links = signature.links, !outcome.newAccounts.isEmpty {
      let base = app.configuration.publicURL ?? "http://127.0.0.1:8080"
      let csv =
        (["用户名,姓名,设置密码链接"]
        + outcome.newAccounts.map { "\($0.username),\($0.name),\(base)/account/password/\($0.token)" })
        .joined(separator: "\n") + "\n"
      FileManager.default.createFile(
        atPath: links, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600])
      console.print("Wrote \(outcome.newAccounts.count) one-time password links to \(links) (7 days; hand each over).")
    } else if !outcome.newAccounts.isEmpty {
      console.print("\(outcome.newAccounts.count) new accounts have no password; give --links FILE to get their links.")
    }
    console.print("Imported in \(seconds) s.")
  }
}
