import Foundation
import OneWindowDomain

/// 帮办代办员公示 (阳光台): every village station's agent with photo, service phone, hours and residents' rating.
public enum AgentBoardPage {
  public struct Entry: Sendable {
    public let station: Site
    public let name: String
    public let staffID: String
    public let profile: AgentProfile?
    public let rating: (average: Double, count: Int)?

    public init(station: Site, name: String, staffID: String, profile: AgentProfile?, rating: (Double, Int)?) {
      self.station = station
      self.name = name
      self.staffID = staffID
      self.profile = profile
      self.rating = rating.map { (average: $0.0, count: $0.1) }
    }
  }

  /// `halls`: the sites whose window staff have their own board (阳光台), linked beside the agents'.
  public static func render(_ entries: [Entry], halls: [Site] = [], _ context: PageContext) -> HTML {
    let cards = entries.map { entry -> HTML in
      let photo: HTML =
        entry.profile?.photo != nil
        ? "<img class=\"agent-photo\" src=\"\(Links.agentPhoto(entry.staffID))\" alt=\"\(entry.name)\">"
        : "<div class=\"agent-photo placeholder\" aria-hidden=\"true\">\(String(entry.name.prefix(1)))</div>"
      let rating = ratingText(entry.rating, context)
      return """
        <div class="card agent-card">\(photo)<div><h3>\(entry.name)</h3>\
        <p class="meta">\(entry.station.name)</p>\
        <p>\(context.t("服务电话：", "Phone: "))\(entry.profile?.phone ?? entry.station.phone)</p>\
        <p>\(context.t("服务时间：", "Hours: "))\(entry.profile?.hours ?? entry.station.openingHours.weekdays)</p>\
        <p class="meta">\(rating)</p></div></div>
        """
    }
    let body: HTML = """
      <h1>\(context.t("帮办代办员公示", "Village proxy agents"))</h1>
      <p class="lead">\(context.t("村（社区）帮办代办员免费为群众代办政务服务事项。", "Village agents apply for residents free of charge."))</p>
      \(halls.isEmpty ? .empty : "<p id=\"hall-boards\">\(context.t("窗口工作人员公示：", "Window staff on duty: "))\(halls.map { "<a href=\"\(Links.windowStaff($0.id))\">\($0.name)</a> " as HTML })</p>" as HTML)
      <div class="cards" id="agents">\(cards)</div>
      """
    return Layout.page(context, title: context.t("帮办代办员公示", "Village proxy agents"), body: body)
  }

  /// Residents' rating of an agent, as the board and the agent's own desk show it.
  static func ratingText(_ rating: (average: Double, count: Int)?, _ context: PageContext) -> String {
    rating.map {
      context.t(
        "群众评价 \(String(format: "%.1f", $0.average)) 分（\($0.count) 次）",
        "Rated \(String(format: "%.1f", $0.average)) (\($0.count))")
    } ?? context.t("暂无群众评价", "Not rated yet")
  }
}
