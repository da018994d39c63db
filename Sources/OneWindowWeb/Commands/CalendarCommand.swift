import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow calendar import FILE` and `onewindow calendar list [--year Y]`.
struct CalendarCommand: AsyncCommandGroup {
  var help: String { "The work calendar (工作日历): holidays and make-up workdays" }

  var commands: [String: any AnyAsyncCommand] { ["import": CalendarImportCommand(), "list": CalendarListCommand()] }
}

struct CalendarImportCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Argument(name: "file", help: "Lines of YYYY-MM-DD,holiday|workday,name (# starts a comment)")
    var file: String

    @Option(name: "county", help: "County code the days apply to (default: the national schedule, 000000)")
    var county: String?

    @Flag(name: "dry-run", help: "Check the file and print what would change, without writing")
    var dryRun: Bool
  }

  var help: String { "Import holidays and 调休 workdays from a file (all lines or none)" }

  func run(using context: CommandContext, signature: Signature) async throws {
    guard let data = FileManager.default.contents(atPath: signature.file) else {
      throw ValidationError(field: "file", zh: "读不到文件 \(signature.file)", en: "Cannot read \(signature.file)")
    }
    let county = signature.county ?? CalendarRepository.national
    if county != CalendarRepository.national { _ = try RegionCode.parse(county, field: "--county") }
    let days: [CalendarDay]
    do {
      days = try CalendarDay.parseFile(String(decoding: data, as: UTF8.self))
    } catch {
      for problem in error.errors {
        context.console.error("\(signature.file): \(problem.message.zh) / \(problem.message.en)")
      }
      throw ValidationError(
        field: "file", zh: "文件有 \(error.errors.count) 处错误，未导入", en: "\(error.errors.count) errors; nothing imported")
    }
    for day in days { context.console.print("  \(day.date) \(day.kind.rawValue) \(day.name)") }
    guard !signature.dryRun else {
      context.console.print("Dry run: \(days.count) days would be written for \(county).")
      return
    }
    try await CalendarRepository(context.application.db).save(days, county: county)
    context.console.print("Imported \(days.count) days for \(county).")
  }
}

struct CalendarListCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "year", help: "Only this year")
    var year: String?

    @Option(name: "county", help: "County code (default: the national schedule)")
    var county: String?
  }

  var help: String { "List the holidays and make-up workdays in force" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let days = try await CalendarRepository(context.application.db).days(
      county: signature.county ?? CalendarRepository.national)
    for day in days where signature.year.map({ day.date.iso.hasPrefix($0 + "-") }) ?? true {
      context.console.print("\(day.date)\t\(day.kind.rawValue)\t\(day.name)")
    }
  }
}
