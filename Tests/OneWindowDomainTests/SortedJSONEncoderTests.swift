import Foundation
import OneWindowDomain
import Testing

/// `SortedJSONEncoder` stands in for Foundation's `JSONEncoder` on the hot paths (stored case bodies, trail
/// payloads, API answers), so its output must be the same bytes: hashes of the trail and every client rely on it.
@Suite("SortedJSONEncoder writes what JSONEncoder writes")
struct SortedJSONEncoderTests {
  static let rule = DeadlineRule()

  static func foundation(snakeCase: Bool) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    if snakeCase {
      encoder.keyEncodingStrategy = .convertToSnakeCase
      encoder.dateEncodingStrategy = .custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(rule.iso8601(date))
      }
    } else {
      encoder.dateEncodingStrategy = .millisecondsSince1970
    }
    return encoder
  }

  static let stored = SortedJSONEncoder(keys: .asDeclared, dates: .millisecondsSince1970)
  static let api = SortedJSONEncoder(keys: .snakeCase, dates: .text { rule.iso8601($0) })

  func expectSame<T: Encodable>(_ value: T, _ label: String) throws {
    let plain = try Self.stored.encodeToString(value)
    let snake = try Self.api.encodeToString(value)
    #expect(plain == String(decoding: try Self.foundation(snakeCase: false).encode(value), as: UTF8.self), "\(label)")
    #expect(snake == String(decoding: try Self.foundation(snakeCase: true).encode(value), as: UTF8.self), "\(label)")
  }

  @Test("every case every step can make, and every step itself")
  func casesInEveryState() throws {
    var compared = 0
    for state in CaseState.allCases {
      for (action, actor, _) in CaseStateMachineTests.steps {
        let before = CaseStateMachineTests.fixture(state, for: action)
        try expectSame(action, "\(action.name)")
        guard let after = try? CaseStateMachine.apply(action, to: before, by: actor, at: CaseStateMachineTests.now)
        else { continue }
        try expectSame(after, "\(action.name) from \(state)")
        compared += 1
      }
    }
    #expect(compared >= 30)
  }

  @Test("a case with everything filled in, dates with fractions of a millisecond, and text that needs escaping")
  func fullCase() throws {
    var c = CaseStateMachineTests.makeCase()
    let odd = Date(timeIntervalSince1970: 1_764_547_200.123_456)
    c = try CaseStateMachine.apply(.submit, to: c, by: CaseStateMachineTests.clerk, at: odd)
    c = try CaseStateMachine.apply(
      .accept(.withDeficiency(materials: ["身份证\n复印件", "\"引号\" \\ / \u{1}"], dueDate: CaseStateMachineTests.later)),
      to: c, by: CaseStateMachineTests.clerk, at: odd)
    c.intake = CaseIntake(
      materials: [
        CaseMaterial(name: "营业执照", required: true, deferrable: false, status: .received),
        CaseMaterial(
          name: "Tab\there", required: false, deferrable: true, status: .deferred, problem: "缺页",
          attachments: [Attachment(fileID: String(repeating: "b", count: 64), name: "扫描件.pdf", kind: .pdf, size: 1024)]),
      ],
      route: .direct, resultDelivery: .mail(address: "云溪县城关镇\r\n人民路 1 号"))
    try expectSame(c, "full case")
    try expectSame(["b": 1, "a": 2, "ä": 3, "A": 4], "string dictionary")
    try expectSame(CaseTrail.canonicalJSON(["item": "食品经营许可", "state": "accepted"]), "canonical JSON")
  }

  @Test("key names convert to snake_case as JSONEncoder converts them")
  func snakeCase() throws {
    struct Names: Encodable {
      let myURLProperty = 1
      let siteID = 2
      let id = 3
      let _leading = 4
      let allCAPS = 5
      let x1Y2 = 6
      let lastXYZ = 7
      let aB = 8
    }
    try expectSame(Names(), "names")
  }

  @Test("names that are not plain ASCII, and a name written twice (the later value counts)")
  func unusualNames() throws {
    struct Odd: Encodable {
      struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
      }
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let names = [
          "名称Name", "zeta", "quote\"d", "ÄpfelBirnen", "zeta", "alphaBeta", "a", "URLx", "A", "trailing_", "ab_CD", "",
        ]
        for (index, name) in names.enumerated() {
          try container.encode(index, forKey: Key(stringValue: name))
        }
      }
    }
    try expectSame(Odd(), "odd names")
    try expectSame([Odd(), Odd()], "odd names twice")
  }

  @Test("nested containers opened by hand, members out of order")
  func nestedContainers() throws {
    struct Custom: Encodable {
      enum Keys: String, CodingKey { case zeta, alpha, mid, list, inner, deep }
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode("z", forKey: .zeta)
        var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
        try inner.encode(2, forKey: .mid)
        try inner.encode(1, forKey: .alpha)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try list.encode("b")
        var object = list.nestedContainer(keyedBy: Keys.self)
        try object.encode(true, forKey: .zeta)
        try object.encodeNil(forKey: .alpha)
        try list.encode(Int64(-3))
        try container.encode(["y": [1], "x": [2]], forKey: .mid)
        try Self.Leaf().encode(to: container.superEncoder(forKey: .deep))
        try container.encode("a", forKey: .alpha)
      }
      struct Leaf: Encodable {
        let b = 1
        let a = 2
      }
    }
    try expectSame(Custom(), "hand-written encode(to:)")
    try expectSame([Custom(), Custom()], "in an array")
  }

  @Test("numbers of every kind")
  func numbers() throws {
    try expectSame([0.1, 1.0, -2.5, 1e20, 123.456, 1e-7, 1_764_547_200_123.456], "doubles")
    try expectSame([Float(0.1), 1, 3.25], "floats")
    try expectSame([Int64.min, 0, 9, 10, Int64.max], "integers")
    try expectSame([UInt8(255)], "bytes")
    #expect(throws: SortedJSONEncoder.Unsupported.self) { try Self.stored.encode([Double.nan]) }
  }
}
