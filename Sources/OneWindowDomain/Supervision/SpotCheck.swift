import Foundation

/// 随机抽查 (seed 000): a random sample of the cases a department concluded, or a proxy agent filed, in a period, each
/// checked against its file and its trail, with the finding recorded. The sample is drawn from the seed alone, so
/// anyone can draw it again from the same cases and see that nobody chose which cases to check.
public struct SpotCheck: Sendable, Hashable, Codable {
  /// Whose work is sampled.
  public enum Target: Sendable, Hashable, Codable {
    /// Cases the department concluded in the period.
    case department(String)
    /// Cases the proxy agent filed in the period (帮办代办台账).
    case agent(String)

    public var kind: String {
      switch self {
      case .department: "department"
      case .agent: "agent"
      }
    }

    public var id: String {
      switch self {
      case .department(let id), .agent(let id): id
      }
    }

    public init?(kind: String, id: String) {
      let id = id.trimmingCharacters(in: .whitespaces)
      guard !id.isEmpty else { return nil }
      switch kind {
      case "department": self = .department(id)
      case "agent": self = .agent(id)
      default: return nil
      }
    }
  }

  public enum Result: String, Sendable, Hashable, Codable, CaseIterable {
    /// 合规
    case compliant
    /// 存在问题
    case problem

    public var name: LocalizedText {
      switch self {
      case .compliant: LocalizedText(zh: "合规", en: "Compliant")
      case .problem: LocalizedText(zh: "存在问题", en: "Problem found")
      }
    }
  }

  public struct Finding: Sendable, Hashable, Codable {
    public let result: Result
    public let note: String
    public let by: String
    public let byName: String
    public let at: Date
  }

  public struct Item: Sendable, Hashable, Codable {
    public let caseNumber: String
    public var finding: Finding?
  }

  public let id: String
  public let target: Target
  public let from: CivilDate
  public let through: CivilDate
  /// The draw's seed: a number of up to nine digits, printed with the check so that anyone can draw again.
  public let seed: Int
  /// How many cases there were to draw from.
  public let population: Int
  public private(set) var items: [Item]
  public let openedBy: String
  public let openedAt: Date

  public static let maxSize = 200
  public static let maxDays = 366
  public static let seeds = 0...999_999_999

  /// Checks the request; the caller then reads the candidates and `draw`s.
  public static func validate(from: CivilDate?, through: CivilDate?, size: Int?, seed: Int?) throws(ValidationErrors) {
    var errors: [ValidationError] = []
    if let seed, !seeds.contains(seed) {
      errors.append(ValidationError(field: "seed", zh: "随机种子应为 0–999999999 的整数", en: "The seed is 0–999999999"))
    }
    if from == nil {
      errors.append(ValidationError(field: "from", zh: "请填写开始日期（YYYY-MM-DD）", en: "Enter the first day"))
    }
    if through == nil {
      errors.append(ValidationError(field: "through", zh: "请填写结束日期（YYYY-MM-DD）", en: "Enter the last day"))
    }
    if let from, let through {
      if through < from {
        errors.append(ValidationError(field: "through", zh: "结束日期不能早于开始日期", en: "The last day is before the first"))
      } else if through.dayNumber - from.dayNumber >= maxDays {
        errors.append(
          ValidationError(field: "through", zh: "抽查期间不超过 \(maxDays) 天", en: "A period is at most \(maxDays) days"))
      }
    }
    if !(1...maxSize).contains(size ?? 0) {
      errors.append(ValidationError(field: "size", zh: "抽查数量应为 1–\(maxSize) 件", en: "Sample 1–\(maxSize) cases"))
    }
    if !errors.isEmpty { throw ValidationErrors(errors) }
  }

  /// Draws `size` of `candidates` (all of them when there are fewer) from `seed`: the same candidates and seed draw
  /// the same sample, whatever order the candidates came in.
  public static func draw(_ candidates: [String], size: Int, seed: Int) -> [String] {
    var pool = Array(Set(candidates)).sorted()
    var random = SplitMix64(seed: UInt64(truncatingIfNeeded: seed))
    let count = min(size, pool.count)
    for index in 0..<count {
      let pick = index + Int(random.next() % UInt64(pool.count - index))
      pool.swapAt(index, pick)
    }
    return pool.prefix(count).sorted()
  }

  public init(
    id: String, target: Target, from: CivilDate, through: CivilDate, seed: Int, candidates: [String], size: Int,
    by actor: StaffIdentity, at now: Date
  ) throws(ValidationError) {
    guard Authorization.can(actor, .superviseCases) else {
      throw ValidationError(field: "target", zh: "只有电子监察人员可以抽查", en: "Only supervisors draw spot checks")
    }
    guard !candidates.isEmpty else {
      throw ValidationError(
        field: "target", zh: "该期间没有可抽查的办件", en: "There are no cases to draw from in that period")
    }
    self.id = id
    self.target = target
    self.from = from
    self.through = through
    self.seed = seed
    population = Set(candidates).count
    items = Self.draw(candidates, size: size, seed: seed).map { Item(caseNumber: $0) }
    openedBy = actor.displayName
    openedAt = now
  }

  /// Records what checking one sampled case found (a supervisor; a problem needs its description).
  public mutating func record(
    _ result: Result, note: String, on caseNumber: String, by actor: StaffIdentity, at now: Date
  ) throws(ValidationError) {
    guard Authorization.can(actor, .superviseCases) else {
      throw ValidationError(field: "result", zh: "只有电子监察人员可以记录抽查结果", en: "Only supervisors record findings")
    }
    guard let index = items.firstIndex(where: { $0.caseNumber == caseNumber }) else {
      throw ValidationError(field: "case_number", zh: "该办件不在本次抽查样本中", en: "That case is not in the sample")
    }
    let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
    if result == .problem && text.isEmpty {
      throw ValidationError(field: "note", zh: "请写明发现的问题", en: "Describe the problem found")
    }
    items[index].finding = Finding(result: result, note: text, by: actor.id, byName: actor.displayName, at: now)
  }

  public var checked: Int { items.filter { $0.finding != nil }.count }
  public var problems: Int { items.filter { $0.finding?.result == .problem }.count }
  public var isComplete: Bool { checked == items.count }
}

/// SplitMix64 (Steele, Lea and Flood): a small generator whose whole state is the seed, so a draw can be repeated
/// anywhere from the seed alone.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
