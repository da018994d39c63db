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

      // Accepted at the town, the resident rates the agent from the status page, once.
      let townAPI = try await APIClient.signIn(app, "townclerk")
      #expect(try await townAPI.step(number, "accept").status == .ok)
      // The acceptance notice is signed by the clerk who accepted, with the agent as 代办人.
      let staff = StaffRepository(app.db)
      let townClerkName = try #require(try await staff.find(username: "townclerk")?.identity.displayName)
      let agentName = try #require(try await staff.find(username: "agent")?.identity.displayName)
      _ = try await town.get("/cases/\(number)/notices/acceptance")
      #expect(town.lastBody.contains(#"<span id="notice-clerk">\#(townClerkName)</span>"#), "\(town.lastBody)")
      #expect(town.lastBody.contains(#"<span id="notice-agent">\#(agentName)</span>"#))
      var resident = TestBrowser(app)
      _ = try await resident.get("/status?number=\(number)&phone=13907950001")
      #expect(resident.lastBody.contains(#"id="rate-agent""#))
      // Not concluded yet: only the agent can be rated so far, not the case.
      #expect(!resident.lastBody.contains(#"id="rate-case""#))
      var rating = FormFields.read(resident.lastBody, formID: "rate-agent")
      let noScore = try await resident.post("/status/rate", form: rating)
      #expect(noScore.status == .unprocessableEntity && resident.lastBody.contains(#"id="level-error""#))
      rating = FormFields.read(resident.lastBody, formID: "rate-agent")
      rating["level"] = "5"
      #expect(try await resident.post("/status/rate", form: rating).status == .seeOther)
      #expect(try await resident.post("/status/rate", form: rating).status == .unprocessableEntity)
      _ = try await resident.get("/status?number=\(number)&phone=13907950001")
      #expect(!resident.lastBody.contains(#"id="rate-agent""#))

      // The agent's public profile: a wrong phone is named; a photo shows on the board with the rating.
      _ = try await agent.get("/agent")
      var profile = FormFields.read(agent.lastBody, action: "/agent/profile")
      profile["phone"] = "12"
      let badPhone = try await agent.post("/agent/profile", form: profile, files: [])
      #expect(badPhone.status == .unprocessableEntity && agent.lastBody.contains(#"id="phone-error""#))
      profile["phone"] = "0795-7213399"
      let profileSaved = try await agent.post(
        "/agent/profile", form: profile, files: [("photo", "谢文斌.png", "image/png", WindowScanTests.png)])
      #expect(profileSaved.status == .seeOther, "\(agent.lastBody.prefix(1000))")
      var visitor = TestBrowser(app)
      _ = try await visitor.get("/agents")
      #expect(visitor.lastBody.contains("0795-7213399") && visitor.lastBody.contains("群众评价 5.0 分（1 次）"))
      #expect(visitor.lastBody.contains("/photo\""))
      _ = try await agent.get("/agent")
      #expect(agent.lastBody.contains(#"id="trail-log""#) && agent.lastBody.contains("提交"))
      var otherAgentView = TestBrowser(app)
      _ = try await otherAgentView.signIn("clerk")
      #expect(try await otherAgentView.get("/cases/\(number)").status == .notFound)
    }
  }

  @Test(
    "paper travels station → town → county center, each hop confirmed by the receiving side; the center sees stuck ones",
    arguments: TestDatabase.all)
  func shipments(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      // A case at the town center, whose paper the town sends on to the county center.
      let town = try await APIClient.signIn(app, "townclerk")
      let number = try #require(try await town.createCase()["number"].string)
      var townDesk = TestBrowser(app)
      _ = try await townDesk.signIn("townclerk")
      _ = try await townDesk.get("/shipments")
      #expect(townDesk.lastBody.contains(#"name="case_\#(number)""#))
      var pack = FormFields.read(townDesk.lastBody, action: "/shipments")
      let empty = try await townDesk.post("/shipments", form: pack)
      #expect(empty.status == .unprocessableEntity && townDesk.lastBody.contains(#"id="to_site_id-error""#))
      pack["to_site_id"] = "site-center"
      pack["case_\(number)"] = "on"
      #expect(try await townDesk.post("/shipments", form: pack).status == .seeOther)
      let shipment = try #require(try await ShipmentRepository(app.db).list(site: "site-center").first)
      #expect(shipment.caseNumbers == [number] && shipment.state == .packed)
      let send = "/shipments/\(shipment.id)/send"
      _ = try await townDesk.get("/shipments")
      let token = try #require(townDesk.csrfToken)
      let noCarrier = try await townDesk.post(send, form: ["_csrf": token, "tracking_number": "1180"])
      #expect(noCarrier.status == .unprocessableEntity && townDesk.lastBody.contains("请填写快递公司"))
      #expect(
        try await townDesk.post(send, form: ["_csrf": token, "carrier": "EMS", "tracking_number": "1180000001"]).status
          == .seeOther)
      // Only the receiving side confirms.
      let early = try await townDesk.post("/shipments/\(shipment.id)/receive", form: ["_csrf": token])
      #expect(early.status == .unprocessableEntity && townDesk.lastBody.contains("须由接收场所确认"))
      var center = TestBrowser(app)
      _ = try await center.signIn("clerk")
      _ = try await center.get("/shipments")
      let centerToken = try #require(center.csrfToken)
      #expect(
        try await center.post("/shipments/\(shipment.id)/receive", form: ["_csrf": centerToken]).status == .seeOther)
      #expect(
        try await center.post("/shipments/\(shipment.id)/hand-over", form: ["_csrf": centerToken, "note": "交市场监管局"])
          .status == .seeOther)
      #expect(try await ShipmentRepository(app.db).find(shipment.id)?.state == .handedOver)

      // A package sent three days ago and never received shows at the center.
      var late = try Shipment(
        id: "late", from: "site-360999100", to: "site-center", caseNumbers: [number], by: "x", byName: "潘晓敏",
        at: WindowPagesTests.monday.addingTimeInterval(-72 * 3600))
      try late.apply(
        .send(carrier: "EMS", trackingNumber: "1180000002", byHand: false), atSite: "site-360999100", by: "x",
        byName: "潘晓敏", at: WindowPagesTests.monday.addingTimeInterval(-72 * 3600))
      try await ShipmentRepository(app.db).create(late, county: "360999", now: WindowPagesTests.monday)
      _ = try await center.get("/shipments")
      #expect(center.lastBody.contains(#"id="stuck""#) && center.lastBody.contains("1180000002"))
    }
  }
}
