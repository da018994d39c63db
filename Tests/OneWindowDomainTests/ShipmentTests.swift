import Foundation
import OneWindowDomain
import Testing

@Suite("物料流转: each hop confirmed by the side that must confirm it")
struct ShipmentTests {
  static let now = Date(timeIntervalSince1970: 1_795_000_000)

  static func packed() throws -> Shipment {
    try Shipment(
      id: "s1", from: "station", to: "town", caseNumbers: ["360999-20261124-00001"], by: "a1", byName: "谢文斌",
      at: now)
  }

  @Test("packed → sent by the sender → received, handed over or returned by the receiver")
  func path() throws {
    var s = try Self.packed()
    try s.apply(
      .send(carrier: "", trackingNumber: "谢文斌", byHand: true), atSite: "station", by: "a1", byName: "谢文斌", at: Self.now)
    #expect(s.state == .sent && s.carrier == "专人送达")
    try s.apply(.receive, atSite: "town", by: "c1", byName: "潘晓敏", at: Self.now)
    try s.apply(.handOver(note: "交市场监管所"), atSite: "town", by: "c1", byName: "潘晓敏", at: Self.now)
    #expect(s.state == .handedOver && s.hops.map(\.state) == [.packed, .sent, .received, .handedOver])
  }

  @Test("the wrong side, the wrong state or a missing field changes nothing")
  func refusals() throws {
    var s = try Self.packed()
    let before = s
    #expect(throws: ValidationError.self) { try s.apply(.receive, atSite: "town", by: "c1", byName: "x", at: Self.now) }
    #expect(throws: ValidationError.self) {
      try s.apply(
        .send(carrier: "EMS", trackingNumber: "1", byHand: false), atSite: "town", by: "c1", byName: "x", at: Self.now)
    }
    do {
      try s.apply(
        .send(carrier: "", trackingNumber: "", byHand: false), atSite: "station", by: "a1", byName: "x", at: Self.now)
      Issue.record("sent without a carrier")
    } catch {
      #expect(error.field == "carrier")
    }
    #expect(s == before)
    #expect(throws: ValidationErrors.self) {
      try Shipment(id: "s2", from: "a", to: "a", caseNumbers: [], by: "x", byName: "x", at: Self.now)
    }
  }

  @Test("a package on the way longer than the limit is stuck")
  func stuck() throws {
    var s = try Self.packed()
    try s.apply(
      .send(carrier: "EMS", trackingNumber: "1180", byHand: false), atSite: "station", by: "a1", byName: "x",
      at: Self.now)
    #expect(!s.isStuck(now: Self.now.addingTimeInterval(3600), limit: 48 * 3600))
    #expect(s.isStuck(now: Self.now.addingTimeInterval(49 * 3600), limit: 48 * 3600))
  }
}
