import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// Catalog search latency: a mix of the searches the portal and the window make, each timed on its own.
struct CatalogSearchBenchCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "queries", help: "How many searches to time (default 2000)")
    var queries: Int?
  }

  var help: String { "Time catalog searches (pinyin, Chinese text, code, filters) and print p50/p90/p99" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let count = signature.queries ?? 2_000
    let catalog = CatalogRepository(context.application.db)
    let total = try await catalog.count()
    let filters = Self.mix(count: count + 200, templates: DemoCounty.shared.items, synthetic: total - 310)
    var latencies: [Double] = []
    var kinds: [String: [Double]] = [:]
    var found = 0
    var slowest: [(Double, String)] = []
    for (index, (kind, filter)) in filters.enumerated() {
      let started = ContinuousClock.now
      let result = try await catalog.search(filter)
      let elapsed = ContinuousClock.now - started
      guard index >= 200 else { continue }  // warm-up
      let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
      latencies.append(milliseconds)
      kinds[kind, default: []].append(milliseconds)
      found += result.items.count
      slowest.append((milliseconds, "\(kind) \(filter.text ?? "")\(filter.departmentID.map { " " + $0 } ?? "")"))
    }
    context.console.print("catalog search over \(total) items, \(latencies.count) searches (page of 20 + total count):")
    context.console.print("  all          \(Self.summary(latencies))")
    for kind in kinds.keys.sorted() {
      context.console.print(
        "  \(kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(Self.summary(kinds[kind]!))")
    }
    context.console.print("  (\(found) items returned in all)")
    let worst = slowest.sorted { $0.0 > $1.0 }.prefix(5).map { "\($0.1) \(String(format: "%.1f", $0.0)) ms" }
    context.console.print("  slowest: \(worst.joined(separator: "; "))")
  }

  static func summary(_ values: [Double]) -> String {
    let sorted = values.sorted()
    func at(_ p: Double) -> String {
      String(format: "%.2f", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))])
    }
    return
      "n=\(sorted.count) p50=\(at(0.5)) ms p90=\(at(0.9)) ms p99=\(at(0.99)) ms max=\(String(format: "%.2f", sorted.last ?? 0)) ms"
  }

  /// A deterministic mix: pinyin initials 35 %, Chinese text 30 %, exact code 10 %, department and level 15 %,
  /// theme with text 10 %.
  static func mix(count: Int, templates: [ServiceItem], synthetic: Int) -> [(String, CatalogFilter)] {
    var generator = SplitMix(seed: 42)
    return (0..<count).map { _ in
      let item = templates[Int(generator.next() % UInt64(templates.count))]
      var filter = CatalogFilter()
      let roll = generator.next() % 100
      let kind: String
      switch roll {
      case 0..<35:
        let key = PinyinInitials.key(of: item.name)
        filter.text = String(key.prefix(2 + Int(generator.next() % 3)))
        kind = "pinyin"
      case 35..<65:
        let name = Array(item.name)
        let length = min(name.count, 2 + Int(generator.next() % 3))
        let start = Int(generator.next() % UInt64(max(1, name.count - length + 1)))
        filter.text = String(name[start..<start + length])
        kind = "chinese"
      case 65..<75:
        let index = synthetic > 0 ? Int(generator.next() % UInt64(synthetic)) : 0
        filter.text = synthetic > 0 ? SyntheticCatalog.item(index, templates: templates).code : item.code
        kind = "code"
      case 75..<90:
        filter.departmentID = item.departmentID
        filter.level = item.orderedLevels.last
        kind = "department"
      default:
        filter.theme = item.themes.first
        filter.text = String(item.name.prefix(2))
        kind = "theme+text"
      }
      return (kind, filter)
    }
  }
}

/// A small deterministic random generator (SplitMix64), so benchmark runs repeat themselves.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
