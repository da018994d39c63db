import Foundation
import OneWindowDomain

/// The clock a case screen reads times with: the deadline rule (time zone, work calendar) and the current moment.
public struct CaseClock: Sendable {
  public let rule: DeadlineRule
  public let now: Date

  public init(rule: DeadlineRule, now: Date) {
    self.rule = rule
    self.now = now
  }

  /// `2026-11-24 10:30` in the site's time zone, or a dash.
  public func time(_ date: Date?) -> String {
    guard let date else { return "—" }
    return String(rule.iso8601(date).prefix(16)).replacingOccurrences(of: "T", with: " ")
  }

  /// `2026-11-24`, or a dash.
  public func day(_ date: Date?) -> String {
    date.map { rule.civilDate(of: $0).iso } ?? "—"
  }

  public var today: CivilDate { rule.civilDate(of: now) }
}

/// Names of departments and sites by id, for screens that show cases from several of them.
public struct DirectoryNames: Sendable {
  public let departments: [String: String]
  public let sites: [String: String]
  /// The names records had before a rename, oldest first: a record made before `until` shows `name`.
  public let oldNames: [String: [(until: Date, name: String)]]

  public init(
    departments: [String: String], sites: [String: String], oldNames: [String: [(until: Date, name: String)]] = [:]
  ) {
    self.departments = departments
    self.sites = sites
    self.oldNames = oldNames
  }

  public func department(_ id: String) -> String { departments[id] ?? id }
  public func site(_ id: String) -> String { sites[id] ?? id }

  /// The department's name as it was at `date` (a notice printed next year shows the name of its day).
  public func department(_ id: String, at date: Date) -> String { name(id, at: date) ?? department(id) }
  public func site(_ id: String, at date: Date) -> String { name(id, at: date) ?? site(id) }

  private func name(_ id: String, at date: Date) -> String? {
    oldNames[id]?.first { date < $0.until }?.name
  }
}

/// Small pieces of case screens: state tags, warning badges, masked applicants.
enum CaseText {
  static func state(_ state: CaseState, _ context: PageContext) -> HTML {
    "<span class=\"tag state-\(state.rawValue)\">\(context.t(state.name))</span>"
  }

  static func warning(_ status: DeadlineStatus?, _ context: PageContext) -> HTML {
    guard let status else { return .empty }
    let remaining: String =
      switch status.remainingWorkdays {
      case let days? where days < 0: context.t("超期 \(-days) 个工作日", "\(-days) working days overdue")
      case _ where status.warning == .red: context.t("已超期", "overdue")
      case let days?: context.t("剩 \(days) 个工作日", "\(days) working days left")
      case nil: context.t("计时暂停", "clock stopped")
      }
    return
      "<span class=\"warn warn-\(status.warning.rawValue)\">\(context.t(status.warning.name)) · \(remaining)</span>"
  }

  /// The applicant as staff screens show them: name, masked ID and phone.
  static func applicant(_ applicant: Applicant) -> String {
    "\(applicant.name)（\(applicant.idType) \(Masking.idNumber(applicant.idNumber))，\(Masking.phone(applicant.phone))）"
  }

  static func delivery(_ delivery: ResultDelivery, _ names: DirectoryNames, _ context: PageContext) -> String {
    switch delivery {
    case .pickup(let site): context.t("到「\(names.site(site))」窗口领取", "Pick up at \(names.site(site))")
    case .mail(let address): context.t("邮寄送达：\(address)", "Mailed to \(address)")
    case .electronic: context.t("电子证照，网上下载", "Electronic, downloaded online")
    }
  }
}
