import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow floor roster --site ID [--date D]` and `onewindow floor leave --staff USER --from D --to D [--stand-in
/// USER] --reason TEXT`: 驻厅管理 from the shell (docs/floor.md), by the pages' rules.
struct FloorCommand: AsyncCommandGroup {
  var help: String { "驻厅管理: who serves at each window, and leaves with their stand-ins" }

  var commands: [String: any AnyAsyncCommand] { ["roster": FloorRosterCommand(), "leave": FloorLeaveCommand()] }
}

struct FloorRosterCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "site", help: "The site's id (the directory's 场所 tab)")
    var site: String?

    @Option(name: "date", help: "The day, YYYY-MM-DD (default: today)")
    var date: String?
  }

  var help: String { "Print who serves at each window of a site on a day, and why" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let db = context.application.db
    let directory = DirectoryRepository(db)
    guard let site = try await directory.site(signature.site ?? "") else {
      throw ValidationError(
        field: "--site", zh: "没有场所「\(signature.site ?? "")」", en: "No site '\(signature.site ?? "")'")
    }
    let rule = DeadlineRule()
    let day = try signature.date.map { try FloorLeaveCommand.day($0, field: "--date") } ?? rule.civilDate(of: Date())
    let windows = try await directory.windows(site: site.id).filter { !$0.isRetired }
      .sorted { ($0.number.count, $0.number) < ($1.number.count, $1.number) }
    let serving = try await FloorRosterRepository(db).serving(
      windows: windows.map(\.id), on: day, county: site.regionCode.county.value)
    let names = try await StaffRepository(db).displayNames(ids: Set(serving.values.map(\.staffID)))
    context.console.print("\(site.name) \(day.iso)")
    for window in windows {
      guard let who = serving[window.id] else {
        context.console.print("  \(window.number) \(window.name): 无人在岗")
        continue
      }
      let name = names[FloorRosterRepository.canonical(who.staffID)] ?? who.staffID
      context.console.print("  \(window.number) \(window.name): \(name)（\(who.basis.name.zh)）")
    }
  }
}

struct FloorLeaveCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "staff", help: "Who is away: their username")
    var staff: String?

    @Option(name: "from", help: "The first day away, YYYY-MM-DD")
    var from: String?

    @Option(name: "to", help: "The last day away, YYYY-MM-DD")
    var to: String?

    @Option(name: "stand-in", help: "Who stands in at their windows: a username (default: the B post)")
    var standIn: String?

    @Option(name: "reason", help: "Why, e.g. 病假")
    var reason: String?
  }

  var help: String { "Record a leave and who stands in; every problem is named and nothing is saved" }

  static func day(_ text: String, field: String) throws -> CivilDate {
    guard let day = CivilDate(iso: text) else {
      throw ValidationError(field: field, zh: "日期格式应为 YYYY-MM-DD", en: "Dates are YYYY-MM-DD")
    }
    return day
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    let db = context.application.db
    let people = StaffRepository(db)
    guard let away = try await people.find(username: signature.staff ?? "") else {
      throw ValidationError(
        field: "--staff", zh: "没有用户「\(signature.staff ?? "")」", en: "No user '\(signature.staff ?? "")'")
    }
    var standIn: String?
    if let name = signature.standIn {
      guard let person = try await people.find(username: name) else {
        throw ValidationError(field: "--stand-in", zh: "没有用户「\(name)」", en: "No user '\(name)'")
      }
      standIn = person.identity.id
    }
    let leave = StaffLeave(
      id: UUID().uuidString, staffID: away.identity.id, firstDay: try Self.day(signature.from ?? "", field: "--from"),
      lastDay: try Self.day(signature.to ?? "", field: "--to"), standInID: standIn, reason: signature.reason ?? "")
    let flags = ["last_day": "--to", "stand_in_id": "--stand-in", "reason": "--reason", "staff_id": "--staff"]
    do {
      try await FloorRosterRepository(db).add(
        leave, county: away.identity.scope.regionCode.county, by: "cli", now: Date())
    } catch let errors as ValidationErrors {
      guard let first = errors.errors.first else { throw errors }
      throw ValidationError(field: flags[first.field] ?? first.field, message: first.message)
    }
    context.console.print(
      "Recorded: \(away.identity.displayName) away \(leave.firstDay.iso)–\(leave.lastDay.iso)"
        + (standIn == nil ? ", the B post stands in." : ", \(signature.standIn ?? "") stands in."))
  }
}
