/// The paths pages link to. The web module registers routes on the same values (SiteURL there
/// maps onto these), so no path is typed twice.
public enum Links {
  public static let home = "/"
  public static let login = "/login"
  public static let logout = "/logout"
  public static let setup = "/setup"
  public static let staffHome = "/staff"
  public static let staffProfile = "/staff/profile"
  /// The counties of a deployment that serves several: a visitor picks theirs.
  public static let counties = "/counties"
  public static func county(_ code: String) -> String { "/counties/\(percentEncode(code))" }
  /// A city account's overview of its counties, and where it chooses the one it works in.
  public static let city = "/city"
  public static let cityCounty = "/city/county"
  public static let stylesheet = "/assets/onewindow.css"

  public static let status = "/status"
  public static let statusResultPath = "/status/result"
  /// The applicant's download of an electronic result: number and phone, as on the status page.
  public static func statusResult(_ number: String, _ phone: String) -> String {
    statusResultPath + query([("number", number), ("phone", phone)])
  }

  // Catalog (public)
  public static let items = "/items"
  public static let bundles = "/bundles"
  public static func item(_ code: String, version: Int? = nil) -> String {
    "/items/\(percentEncode(code))" + (version.map { "?version=\($0)" } ?? "")
  }
  public static func bundle(_ id: String) -> String { "/bundles/\(percentEncode(id))" }

  // Catalog administration
  public static let adminItems = "/admin/items"
  /// A material's blank form or sample as the guide offers it (`kind`: blank or sample).
  public static func guideFile(_ code: String, _ kind: String, _ material: String) -> String {
    "/items/\(percentEncode(code))/files/\(kind)/\(percentEncode(material))"
  }
  public static func adminGuideFiles(_ code: String) -> String { "/admin/items/\(percentEncode(code))/guide-files" }
  public static let adminNewItem = "/admin/items/new"
  public static func adminItem(_ code: String) -> String { "/admin/items/\(percentEncode(code))" }
  public static func adminItemAction(_ code: String) -> String { "/admin/items/\(percentEncode(code))/status" }
  public static let adminAgreements = "/admin/agreements"
  public static let adminBundles = "/admin/bundles"
  public static let adminProxyLists = "/admin/proxy-lists"
  public static func adminProxyList(_ region: String) -> String { "/admin/proxy-lists/\(percentEncode(region))" }
  public static let adminImport = "/admin/catalog/import"
  /// The whole of an import's problems or plan as CSV (the page lists a part).
  public static let adminImportReport = "/admin/catalog/import/report.csv"
  public static let adminExport = "/admin/catalog/export.xlsx"

  // The window, the back office and result delivery
  public static let window = "/window"
  public static let windowIntake = "/window/intake"
  public static let windowBundleIntake = "/window/intake/bundle"
  public static func windowBundleIntake(_ bundleID: String) -> String {
    "/window/intake/bundle?bundle=\(percentEncode(bundleID))"
  }
  public static let caseLookup = "/cases"
  public static let office = "/office"
  public static let delivery = "/delivery"
  public static func casePage(_ number: String) -> String { "/cases/\(percentEncode(number))" }
  public static func caseStep(_ number: String, _ step: String) -> String {
    "/cases/\(percentEncode(number))/steps/\(percentEncode(step))"
  }
  public static func caseFile(_ number: String, _ key: String) -> String {
    "/cases/\(percentEncode(number))/files/\(percentEncode(key))"
  }
  public static func caseRecheck(_ number: String) -> String { "/cases/\(percentEncode(number))/recheck" }
  public static func caseNotice(_ number: String, _ kind: String) -> String {
    "/cases/\(percentEncode(number))/notices/\(percentEncode(kind))"
  }
  // The citizen portal (网上办事大厅)
  public static let favicon = "/favicon.ico"
  public static let myCases = "/my"
  public static let myMessages = "/my/messages"
  public static let portalSignUp = "/my/signup"
  public static let portalSignUpConfirm = "/my/signup/confirm"
  public static let portalLogin = "/my/login"
  public static let portalLogout = "/my/logout"
  public static let portalApply = "/my/apply"
  public static func myCase(_ number: String) -> String { "/my/cases/\(percentEncode(number))" }
  public static func myCaseDelete(_ number: String) -> String { "/my/cases/\(percentEncode(number))/delete" }
  public static func myCaseFile(_ number: String, _ key: String) -> String {
    "/my/cases/\(percentEncode(number))/files/\(percentEncode(key))"
  }

  // Proxy agents (帮办代办)
  public static let agentDesk = "/agent"
  public static let agentPowers = "/agent/powers"
  public static let agentProfile = "/agent/profile"
  /// The public board of village proxy agents.
  public static let agents = "/agents"
  /// 阳光台: who serves at each window of a hall today.
  public static func windowStaff(_ siteID: String) -> String { "/hall/sites/\(percentEncode(siteID))/staff" }
  /// 请假与替岗.
  public static let adminLeaves = "/admin/leaves"
  /// The workbench's 驻厅签到.
  public static let staffSignIn = "/staff/sign-in"
  public static func agentPhoto(_ staffID: String) -> String { "/agents/\(percentEncode(staffID))/photo" }
  public static func agentApply(_ powerID: String, _ itemCode: String) -> String {
    "/agent/powers/\(percentEncode(powerID))/apply?item=\(percentEncode(itemCode))"
  }

  // 物料流转
  // The service hall (取号、叫号、预约).
  public static func kiosk(_ siteID: String) -> String { "/hall/sites/\(percentEncode(siteID))/kiosk" }
  public static func kioskTake(_ siteID: String) -> String { "/hall/sites/\(percentEncode(siteID))/tickets" }
  public static func kioskCheckIn(_ siteID: String) -> String { "/hall/sites/\(percentEncode(siteID))/check-in" }
  public static func kioskStatus(_ siteID: String) -> String { "/hall/sites/\(percentEncode(siteID))/kiosk/status" }
  public static func hallDisplay(_ siteID: String) -> String { "/hall/sites/\(percentEncode(siteID))/display" }
  public static func hallEvents(_ siteID: String) -> String { "/hall/sites/\(percentEncode(siteID))/events" }
  public static func ticket(_ id: String) -> String { "/hall/tickets/\(percentEncode(id))" }
  public static func ticketPosition(_ id: String) -> String { "/hall/tickets/\(percentEncode(id))/position" }
  public static func pad(_ windowID: String) -> String { "/hall/windows/\(percentEncode(windowID))/pad" }
  public static func padRate(_ windowID: String) -> String { "/hall/windows/\(percentEncode(windowID))/pad/rate" }
  /// A clerk's 签到 at the window, on its pad.
  public static func padSignIn(_ windowID: String) -> String {
    "/hall/windows/\(percentEncode(windowID))/pad/sign-in"
  }
  public static let deskCall = "/hall/desk/call"
  public static func deskTicket(_ id: String, _ action: String) -> String {
    "/hall/desk/tickets/\(percentEncode(id))/\(action)"
  }
  public static let hallFigures = "/hall/figures"
  public static let adminDirectory = "/admin/directory"
  public static let accountPassword = "/account/password"
  public static let adminDirectoryExport = "/admin/directory/export.xlsx"
  public static let adminDirectoryImport = "/admin/directory/import"
  public static let adminHall = "/admin/hall"
  public static let adminNotifications = "/admin/notifications"
  public static let adminNotificationsRetry = "/admin/notifications/retry"

  // 好差评
  public static let serviceDesk = "/service/evaluations"
  public static let serviceDeskPhone = "/service/evaluations/phone"
  public static func rectification(_ id: String) -> String { "/service/rectifications/\(percentEncode(id))" }
  public static let evaluationFigures = "/service/figures"
  public static let myEvaluations = "/staff/evaluations"
  /// The staff member's 我的消息 (warnings about cases and rectifications).
  public static let staffMessages = "/staff/messages"
  public static func evaluationAppeal(_ id: String) -> String { "/staff/evaluations/\(percentEncode(id))/appeal" }
  public static let appeals = "/supervision/appeals"
  public static let supervision = "/supervision"
  public static let statistics = "/statistics"
  public static let statisticsReport = "/statistics/report"
  public static let statisticsTargets = "/statistics/targets"
  public static func statisticsDepartment(_ id: String) -> String { "/statistics/departments/\(percentEncode(id))" }
  public static func statisticsTown(_ code: String) -> String { "/statistics/towns/\(percentEncode(code))" }
  public static let supervisionCases = "/supervision/cases"
  public static let supervisionExport = "/supervision/board.xlsx"
  public static let followUps = "/follow-ups"
  // 诉求: the portal's form, the inquirer's page (with its access key), the service desk, the knowledge base
  public static let newInquiry = "/inquiries/new"
  public static let inquiries = "/inquiries"
  public static func newInquiry(case number: String? = nil, item: String? = nil, kind: String? = nil) -> String {
    newInquiry + query([("case", number), ("item", item), ("kind", kind)])
  }
  public static func inquiry(_ number: String, key: String) -> String {
    "/inquiries/\(percentEncode(number))" + query([("key", key)])
  }
  public static func inquiryRate(_ number: String) -> String { "/inquiries/\(percentEncode(number))/rate" }
  public static let myInquiries = "/my/inquiries"
  public static let publicRequests = "/requests"
  public static let inquiryDesk = "/service/inquiries"
  public static let inquiryDeskNew = "/service/inquiries/new"
  public static func inquiryDesk(_ number: String) -> String { "/service/inquiries/\(percentEncode(number))" }
  public static func inquiryDeskStep(_ number: String, _ step: String) -> String {
    "/service/inquiries/\(percentEncode(number))/\(percentEncode(step))"
  }
  public static let knowledge = "/knowledge"
  public static func knowledge(search text: String) -> String { knowledge + query([("q", text)]) }
  public static func knowledgeEntry(_ id: String) -> String { "/knowledge/\(percentEncode(id))" }
  public static let knowledgeDesk = "/service/knowledge"
  public static func knowledgeDeskEntry(_ id: String) -> String { "/service/knowledge/\(percentEncode(id))" }
  public static func knowledgeFromInquiry(_ number: String) -> String {
    "/service/knowledge/new" + query([("from", number)])
  }

  public static let supervisionTickets = "/supervision/tickets"
  public static func supervisionTicket(_ id: String) -> String { "/supervision/tickets/\(percentEncode(id))" }
  public static func supervisionTicketStep(_ id: String, _ step: String) -> String {
    "/supervision/tickets/\(percentEncode(id))/\(percentEncode(step))"
  }
  public static let ruleHits = "/supervision/hits"
  public static let spotChecks = "/supervision/spot-checks"
  public static let assessment = "/supervision/assessment"
  public static func spotCheck(_ id: String) -> String { "/supervision/spot-checks/\(percentEncode(id))" }
  public static func spotCheckItem(_ id: String, _ number: String) -> String {
    "/supervision/spot-checks/\(percentEncode(id))/items/\(percentEncode(number))"
  }
  public static func ruleHit(_ id: String) -> String { "/supervision/hits/\(percentEncode(id))" }
  public static func appealDecision(_ id: String) -> String { "/supervision/appeals/\(percentEncode(id))" }
  public static let publicEvaluations = "/ratings"
  public static let statusRate = "/status/rate"
  public static func myCaseRate(_ number: String) -> String { "/my/cases/\(percentEncode(number))/rate" }
  public static let adminHallGroups = "/admin/hall/groups"
  public static let adminHallPolicy = "/admin/hall/policy"
  public static let appointments = "/appointments"
  public static let onlineTicket = "/queue"
  public static let deskTake = "/hall/desk/take"
  public static let appointmentCancel = "/appointments/cancel"

  public static let shipments = "/shipments"
  public static func shipmentStep(_ id: String, _ action: String) -> String {
    "/shipments/\(percentEncode(id))/\(percentEncode(action))"
  }

  /// Switches large text (适老化) on or off and goes back to the page.
  public static func textSize(_ size: String, returnTo path: String) -> String {
    "/text-size/\(size)?to=\(percentEncode(path))"
  }

  /// A query string from name–value pairs, leaving out empty values.
  public static func query(_ pairs: [(String, String?)]) -> String {
    let parts = pairs.compactMap { name, value -> String? in
      guard let value, !value.isEmpty else { return nil }
      return "\(name)=\(percentEncode(value))"
    }
    return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
  }

  /// The current page in another language.
  public static func language(_ code: String, returnTo path: String) -> String {
    "/lang/\(code)?to=\(percentEncode(path))"
  }

  public static func percentEncodePath(_ text: String) -> String { percentEncode(text) }

  static func percentEncode(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      let char = Character(UnicodeScalar(byte))
      if char.isASCII && (char.isLetter || char.isNumber || "-._~/".contains(char)) {
        result.append(char)
      } else {
        result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
      }
    }
    return result
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
