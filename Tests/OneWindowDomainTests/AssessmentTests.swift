import OneWindowDomain
import Testing

@Suite("Assessment (考核): shares, weighted scores over what is known, ranks, weights")
struct AssessmentTests {
  /// A clerk-like record: 10 concluded (1 late, 4 early, 2 corrections), 8 accepted, 2 refused, 3 rule hits.
  static func busy() -> Assessment.Record {
    var cases = CaseTally()
    cases.filed = 12
    cases.accepted = 8
    cases.refused = 2
    cases.ended = 12
    cases.concluded = 10
    cases.decidedLate = 1
    cases.decidedEarly = 4
    cases.corrections = 2
    var record = Assessment.Record(key: "a", name: "李国平", cases: cases)
    record.ratings = SatisfactionFigures(levels: [5: 3, 4: 1, 2: 1], negatives: 1, rectified: 1, rectifiedOnTime: 0)
    record.ruleHits = 3
    record.spotChecks = (compliant: 4, checked: 5)
    record.attendance = (present: 18, due: 20)
    return record
  }

  @Test("each criterion's share from hand-built counts; nothing to count is unknown")
  func shares() {
    let record = Self.busy()
    let expected: [Assessment.Criterion: Double] = [
      .onTime: 0.9, .early: 0.4, .firstTime: 0.8, .notRefused: 0.8, .goodRatings: 0.8, .rectifiedOnTime: 0,
      .noRuleHits: 0.75, .spotChecks: 0.8, .attendance: 0.9,
    ]
    for (criterion, value) in expected {
      #expect(abs((record.share(criterion) ?? -1) - value) < 1e-9, "\(criterion)")
    }
    #expect(record.handled == 12)
    let idle = Assessment.Record(key: "b", name: "新人", cases: CaseTally())
    for criterion in Assessment.Criterion.allCases { #expect(idle.share(criterion) == nil, "\(criterion)") }
  }

  @Test("the score is the weighted mean over known criteria; thin bases are shown but not ranked; ties share a rank")
  func scores() throws {
    let weights = Assessment.defaultWeights
    #expect(weights.values.reduce(0, +) == 100)
    // 0.9×25 + 0.4×10 + 0.8×10 + 0.8×5 + 0.8×20 + 0×10 + 0.75×10 + 0.8×5 + 0.9×5 = 70.5
    var twin = Self.busy()
    twin = Assessment.Record(key: "c", name: "王芳", cases: twin.cases)
    twin.ratings = Self.busy().ratings
    twin.ruleHits = 3
    twin.spotChecks = (4, 5)
    twin.attendance = (18, 20)
    // Known on on-time, early and first-time only (45 of 100): a fine score, but unranked.
    var thin = CaseTally()
    thin.concluded = 2
    thin.decidedEarly = 2
    let assessment = Assessment(
      records: [
        Assessment.Record(key: "t", name: "潘晓敏", cases: thin), Self.busy(), twin,
        Assessment.Record(key: "n", name: "无数据", cases: CaseTally()),
      ],
      weights: weights)
    let lines = assessment.lines
    #expect(lines.map(\.record.key) == ["a", "c", "t", "n"])
    #expect(abs((lines[0].score ?? 0) - 70.5) < 1e-9)
    #expect(lines[0].rank == 1 && lines[1].rank == 1, "equal scores share a rank")
    #expect(lines[2].score == 100 && lines[2].rank == nil && abs(lines[2].basis - 0.45) < 1e-9)
    #expect(lines[3].score == nil && lines[3].rank == nil)
    // With only punctuality weighted, the thin record is fully measured and first.
    var onlyOnTime = Dictionary(uniqueKeysWithValues: Assessment.Criterion.allCases.map { ($0, 0) })
    onlyOnTime[.onTime] = 1
    let strict = Assessment(
      records: [Self.busy(), Assessment.Record(key: "t", name: "潘晓敏", cases: thin)], weights: onlyOnTime)
    #expect(strict.lines.map(\.record.key) == ["t", "a"] && strict.lines.map(\.rank) == [1, 2])
  }

  @Test("weights are whole numbers from 0 to 100, at least one above 0; the field is named")
  func weights() {
    var form = Dictionary(uniqueKeysWithValues: Assessment.Criterion.allCases.map { ($0.rawValue, "10") })
    guard case .success(let parsed) = Assessment.validate(weights: form) else {
      Issue.record("ten each is fine")
      return
    }
    #expect(parsed[.attendance] == 10)
    form["early"] = "abc"
    if case .failure(let error) = Assessment.validate(weights: form) {
      #expect(error.field == "early")
    } else {
      Issue.record("abc is not a weight")
    }
    form["early"] = "101"
    if case .failure(let error) = Assessment.validate(weights: form) {
      #expect(error.field == "early")
    } else {
      Issue.record("101 is too much")
    }
    let zeros = Dictionary(uniqueKeysWithValues: Assessment.Criterion.allCases.map { ($0.rawValue, "0") })
    if case .failure(let error) = Assessment.validate(weights: zeros) {
      #expect(error.field == "on_time")
    } else {
      Issue.record("all zero weighs nothing")
    }
  }
}
