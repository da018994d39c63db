import Foundation
import OneWindowDomain

/// What supervision has on one case: the rule hits with their evidence and the 督办 tickets, shown on the case's page
/// to everyone who may see the case; supervisors also get the form that opens a ticket on it.
public struct CaseSupervision: Sendable {
  public let hits: [RuleHit]
  public let tickets: [SupervisionTicket]
  public let mayOpenTicket: Bool
  /// Whether the reader may open the rule-hit list, and which of the tickets: others see them named, not linked.
  public let mayReadHits: Bool
  public let readableTickets: Set<String>
  public let errors: [ValidationError]
  public let values: [String: String]

  public init(
    hits: [RuleHit], tickets: [SupervisionTicket], mayOpenTicket: Bool, mayReadHits: Bool,
    readableTickets: Set<String>, errors: [ValidationError] = [], values: [String: String] = [:]
  ) {
    self.hits = hits
    self.tickets = tickets
    self.mayOpenTicket = mayOpenTicket
    self.mayReadHits = mayReadHits
    self.readableTickets = readableTickets
    self.errors = errors
    self.values = values
  }
}

enum CaseSupervisionPart {
  static func render(_ s: CaseSupervision, _ c: ServiceCase, _ model: CasePage.Model, _ context: PageContext) -> HTML {
    guard !s.hits.isEmpty || !s.tickets.isEmpty || s.mayOpenTicket else { return .empty }
    let hits = s.hits.map { hit -> HTML in
      let evidence = hit.evidence.map { "<a href=\"#event-\($0)\">\(context.t("第 \($0) 条", "#\($0)"))</a>" as HTML }
      let name: HTML =
        s.mayReadHits
        ? "<a href=\"\(Links.ruleHits)?state=all#hit-\(hit.id)\">\(context.t(hit.rule.name))</a>"
        : "\(context.t(hit.rule.name))"
      return
        "<li>\(name)（\(context.t(hit.state.name))）\(hit.note)\(evidence.isEmpty ? .empty : " · \(context.t("证据", "evidence")) \(evidence.map { "\($0) " as HTML })" as HTML)</li>"
    }
    let tickets = s.tickets.map { t -> HTML in
      let name: HTML =
        s.readableTickets.contains(t.id)
        ? "<a href=\"\(Links.supervisionTicket(t.id))\">\(t.instruction)</a>" : "\(t.instruction)"
      return "<li>\(name) · \(context.t("答复期限", "reply by")) \(t.dueDate.iso) · \(context.t(t.state.name))</li>"
    }
    let form: HTML =
      s.mayOpenTicket
      ? SupervisionTicketPages.openForm(
        subject: .serviceCase(c.number), departments: [], fixedDepartment: c.departmentID, errors: s.errors,
        values: s.values, context) : .empty
    return """
      <section class="panel" id="case-supervision"><h2>\(context.t("电子监察", "Supervision"))</h2>
      \(hits.isEmpty ? .empty : "<h3>\(context.t("监察预警", "Rule hits"))</h3><ul class=\"plain\" id=\"case-hits\">\(hits)</ul>" as HTML)
      \(tickets.isEmpty ? .empty : "<h3>\(context.t("督办", "Tickets"))</h3><ul class=\"plain\" id=\"case-tickets\">\(tickets)</ul>" as HTML)
      \(form)
      </section>
      """
  }
}
