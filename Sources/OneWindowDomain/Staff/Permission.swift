/// What a staff member may do. `Authorization` decides, from role and scope, who holds which.
public enum Permission: String, Sendable, Codable, CaseIterable {
  case viewWorkbench
  case manageStaff
  case manageCatalog
  case manageSites
  case manageCalendar
  case intakeCases
  case reviewCases
  case deliverResults
  case proxyApply
  case callTickets
  case viewCases
  case superviseCases
  case handleInquiries
  case handleRectifications
  case viewStatistics
  case setTargets

  public var name: LocalizedText {
    switch self {
    case .viewWorkbench: LocalizedText(zh: "进入工作台", en: "Open the workbench")
    case .manageStaff: LocalizedText(zh: "管理工作人员账号", en: "Manage staff accounts")
    case .manageCatalog: LocalizedText(zh: "维护事项目录", en: "Maintain the item catalog")
    case .manageSites: LocalizedText(zh: "维护场所、部门与窗口", en: "Maintain sites, departments, windows")
    case .manageCalendar: LocalizedText(zh: "维护工作日历", en: "Maintain the work calendar")
    case .intakeCases: LocalizedText(zh: "综合受理办件", en: "Accept cases at the window")
    case .reviewCases: LocalizedText(zh: "审核审批办件", en: "Review and decide cases")
    case .deliverResults: LocalizedText(zh: "统一出件", en: "Deliver results")
    case .proxyApply: LocalizedText(zh: "帮办代办申请", en: "Apply on a resident's behalf")
    case .callTickets: LocalizedText(zh: "叫号", en: "Call tickets")
    case .viewCases: LocalizedText(zh: "查看办件", en: "View cases")
    case .superviseCases: LocalizedText(zh: "电子监察", en: "Supervise cases")
    case .handleInquiries: LocalizedText(zh: "处理咨询投诉", en: "Handle inquiries and complaints")
    case .handleRectifications: LocalizedText(zh: "差评整改", en: "Handle negative ratings")
    case .viewStatistics: LocalizedText(zh: "查看统计", en: "View statistics")
    case .setTargets: LocalizedText(zh: "设置统计目标", en: "Set statistics targets")
    }
  }
}
