import Foundation
import OneWindowDomain

/// 监察预警: what the anomaly rules found, each with the trail events that prove it (linked to the case's trail), to
/// be looked into and settled as explained or confirmed, or followed up with a 督办 ticket.
public enum RuleHitsPage {
  public struct Model: Sendable {
    public let hits: [RuleHit]
    public let total: Int
    public let state: RuleHit.State?
    public let rule: AnomalyRule?
    public let openCounts: [AnomalyRule: Int]
    public let settings: AnomalySettings
    public let names: DirectoryNames
    public let clock: CaseClock
    public let maySettle: Bool
    public let errors: [ValidationError]
    public let erroredID: String?

    public init(
      hits: [RuleHit], total: Int, state: RuleHit.State?, rule: AnomalyRule?, openCounts: [AnomalyRule: Int],
      settings: AnomalySettings, names: DirectoryNames, clock: CaseClock, maySettle: Bool,
      errors: [ValidationError] = [], erroredID: String? = nil
    ) {
      self.hits = hits
      self.total = total
      self.state = state
      self.rule = rule
      self.openCounts = openCounts
      self.settings = settings
      self.names = names
      self.clock = clock
      self.maySettle = maySettle
      self.errors = errors
      self.erroredID = erroredID
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let states: [(RuleHit.State?, String)] =
      RuleHit.State.allCases.map { ($0, context.t($0.name)) } + [(nil, context.t("全部", "All"))]
    let tabs = states.map { state, name -> HTML in
      let href = Links.ruleHits + Links.query([("state", state?.rawValue ?? "all"), ("rule", model.rule?.rawValue)])
      return state == model.state ? "<b aria-current=\"page\">\(name)</b>" : "<a href=\"\(href)\">\(name)</a>"
    }
    let rules = AnomalyRule.allCases.map { rule -> HTML in
      let href = Links.ruleHits + Links.query([("state", model.state?.rawValue ?? "all"), ("rule", rule.rawValue)])
      return """
        <li><a href="\(href)"\(rule == model.rule ? " aria-current=\"page\"" as HTML : .empty)>\(context.t(rule.name))</a> \
        <span class="meta">（\(context.t("待核查 \(model.openCounts[rule] ?? 0)", "\(model.openCounts[rule] ?? 0) open"))）\
        \(context.t(rule.definition(model.settings)))</span></li>
        """
    }
    let items = model.hits.map { hit -> HTML in
      let evidence = hit.evidence.map { sequence -> HTML in
        "<a href=\"\(Links.casePage(hit.caseNumber))#event-\(sequence)\">\(context.t("第 \(sequence) 条留痕", "event #\(sequence)"))</a>"
      }
      let f = FormParts(context: context, errors: model.erroredID == hit.id ? model.errors : [])
      let settle: HTML =
        hit.state == .open && model.maySettle
        ? """
        <form method="post" action="\(Links.ruleHit(hit.id))" class="settle" novalidate>\(context.csrfField)\(f.summary())\
        \(f.area("finding", context.t("核查情况", "What the look into it found"), ""))\
        <p><button type="submit" name="state" value="confirmed">\(context.t("确认违规", "Confirm"))</button> \
        <button type="submit" name="state" value="explained" class="secondary">\(context.t("已说明，不属违规", "Explained"))</button> \
        <a class="button secondary" href="\(Links.supervisionTickets)?subject_kind=rule_hit&amp;subject_id=\(hit.id)&amp;department_id=\(hit.departmentID)#open-ticket">\(context.t("督办", "Open a ticket"))</a></p>
        </form>
        """
        : hit.finding.map {
          "<p><b>\(context.t(hit.state.name))</b> · \(hit.findingBy ?? "") \(hit.findingAt.map(model.clock.time) ?? "")：\($0)</p>"
        } ?? .empty
      return """
        <article class="panel rule-hit" id="hit-\(hit.id)">
        <h2>\(context.t(hit.rule.name)) · \(subject(hit, context))</h2>
        <p class="meta">\(model.names.department(hit.departmentID)) · \(model.names.site(hit.siteID)) · \
        \(context.t("发现于", "found")) \(model.clock.time(hit.foundAt)) · \(context.t(hit.state.name))</p>
        <p>\(hit.note)</p>
        \(evidence.isEmpty ? .empty : "<p class=\"evidence\">\(context.t("证据（全程留痕）：", "Evidence in the trail: "))\(evidence)</p>" as HTML)
        \(settle)
        </article>
        """
    }
    let body: HTML = """
      <h1>\(context.t("监察预警", "Rule hits"))</h1>
      <p class="tabs">\(tabs.map { "\($0) " as HTML }) · \(context.t("共 \(model.total) 条", "\(model.total) in all"))</p>
      <details id="rules"><summary>\(context.t("监察规则", "The rules"))</summary><ul>\(rules)</ul></details>
      \(items.isEmpty ? "<p class=\"empty\" id=\"hits-empty\">\(context.t("没有预警。", "No hits."))</p>" as HTML : "\(items)")
      """
    return Layout.page(context, title: context.t("监察预警", "Rule hits"), body: body)
  }

  /// What a hit is about, linked: its case, and the package or rectification of a scan's hit.
  static func subject(_ hit: RuleHit, _ context: PageContext) -> HTML {
    let caseLink: HTML =
      hit.caseNumber.contains(":") ? .empty : "<a href=\"\(Links.casePage(hit.caseNumber))\">\(hit.caseNumber)</a>"
    switch hit.subject {
    case .shipment?:
      return "\(caseLink) · <a href=\"\(Links.shipments)\">\(context.t("物料流转", "Shipments"))</a>"
    case .rectification(let id)?:
      return
        "\(hit.caseNumber.contains(":") ? .empty : "\(caseLink) · " as HTML)<a href=\"\(Links.rectification(id))\">\(context.t("差评整改", "The rectification"))</a>"
    case .staff?:
      return "<a href=\"\(Links.assessment)\">\(context.t("人员考核", "The clerks' assessment"))</a>"
    case nil:
      return caseLink
    }
  }
}
