import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@Suite("Proxy agents (帮办代办), on SQLite and PostgreSQL")
struct AgentTests {
  static let disabilityCard = "360715001000"  // 残疾人证新办: on 西郊村's proxy list, handled by the town

  @Test(
    "a power of attorney needs its signed scan; a case filed under it goes to the town's pre-review and into the work log",
    arguments: TestDatabase.all)
  func proxyApplication(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      var agent = TestBrowser(app)
      _ = try await agent.signIn("agent")
      _ = try await agent.get("/agent")
      #expect(agent.lastBody.contains(#"name="item_\#(Self.disabilityCard)""#))
      var fields = FormFields.read(agent.lastBody, action: "/agent/powers")
      let missing = try await agent.post("/agent/powers", form: fields, files: [])
      #expect(missing.status == .unprocessableEntity)
      for field in ["applicant.name", "item_codes", "signed_scan"] {
        #expect(agent.lastBody.contains(#"id="\#(field)-error""#), "\(field)")
      }
      _ = try await agent.get("/agent")
      #expect(agent.lastBody.contains("还没有委托单"), "nothing was saved")
      fields = FormFields.read(agent.lastBody, action: "/agent/powers")
      fields["applicant.name"] = "李桂兰"
      fields["applicant.id_number"] = "11010519491231002X"
      fields["applicant.phone"] = "13907950001"
      fields["item_\(Self.disabilityCard)"] = "on"
      let saved = try await agent.post(
        "/agent/powers", form: fields, files: [("signed_scan", "委托单.pdf", "application/pdf", WindowScanTests.pdf)])
      #expect(saved.status == .seeOther, "\(agent.lastBody.prefix(1500))")
      _ = try await agent.get("/agent")
      let link = try #require(
        agent.lastBody.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
          .first { $0.contains("/apply?item=\(Self.disabilityCard)") })
      _ = try await agent.get(String(link).replacingOccurrences(of: "&amp;", with: "&"))
      let form = FormFields.read(agent.lastBody, action: String(link.prefix { $0 != "?" }))
      let rows = agent.lastBody.components(separatedBy: #"type="file""#).count - 1
      let files = (0..<rows).map { ("material_\($0)_file", "材料\($0).pdf", "application/pdf", WindowScanTests.pdf) }
      let sent = try await agent.post(String(link.prefix { $0 != "?" }), form: form, files: files)
      #expect(sent.status == .seeOther, "\(agent.lastBody.prefix(1500))")
      let number = try #require(sent.headers.first(name: .location)?.components(separatedBy: "sent=").last)
      let c = try #require(try await CaseRepository(app.db, rule: DeadlineRule()).find(number))
      #expect(c.channel == .proxy && c.state == .submitted && c.siteID == "site-360999100")
      #expect(c.proxy?.stationSiteID == "site-360999100201" && c.applicant.name == "李桂兰")
      _ = try await agent.get("/agent")
      #expect(agent.lastBody.contains(#"id="work-log""#) && agent.lastBody.contains(number))
      #expect(try await agent.get("/cases/\(number)").status == .ok, "the agent follows the case they filed")

      var town = TestBrowser(app)
      _ = try await town.signIn("townclerk")
      _ = try await town.get("/window")
      #expect(town.lastBody.contains(#"id="online""#) && town.lastBody.contains(number))
      var otherAgentView = TestBrowser(app)
      _ = try await otherAgentView.signIn("clerk")
      #expect(try await otherAgentView.get("/cases/\(number)").status == .notFound)
    }
  }
}
