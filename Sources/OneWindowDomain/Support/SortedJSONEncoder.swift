import Foundation
import Synchronization

/// Writes `Encodable` values as JSON with sorted keys, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` (and `.convertToSnakeCase` when asked), several times faster: every
/// case write stores its body and every API answer carries the whole case, and Foundation's encoder was a quarter
/// of the server's time under load. It writes straight into one byte array (no intermediate tree), converts each
/// key name to snake_case once per process, and sorts an object's members only when it is closed.
///
/// What it does not do that `JSONEncoder` does: `Data`, `URL` and `Decimal` values (no case holds one; encoding one
/// throws `Unsupported` rather than writing something different).
public struct SortedJSONEncoder: Sendable {
  public enum Keys: Sendable {
    /// The names as declared (`acceptedAt`).
    case asDeclared
    /// snake_case as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` spells it (`accepted_at`).
    case snakeCase
  }

  public enum Dates: Sendable {
    case millisecondsSince1970
    /// A string made by the given function (e.g. ISO 8601 in the site's time zone).
    case text(@Sendable (Date) -> String)
  }

  public var keys: Keys
  public var dates: Dates

  /// Names as declared, dates in milliseconds: how case bodies and trail payloads are stored (and hashed).
  public static let stored = SortedJSONEncoder(keys: .asDeclared, dates: .millisecondsSince1970)

  public init(keys: Keys = .asDeclared, dates: Dates = .millisecondsSince1970) {
    self.keys = keys
    self.dates = dates
  }

  public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let sink = JSONSink(keys: keys, dates: dates)
    try sink.writeValue(value)
    return sink.bytes
  }

  public func encodeToString<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encode(value), as: UTF8.self)
  }

  public struct Unsupported: Error, CustomStringConvertible {
    public let typeName: String
    public var description: String { "SortedJSONEncoder does not encode \(typeName)" }
  }
}

/// The output and the settings of one `encode` call.
final class JSONSink {
  // The encoder's state is only ever touched by the one `encode` call that made it, one member at a time, so the
  // run-time exclusivity checks on these properties (a fifth of the encoding time) guard against nothing.
  @exclusivity(unchecked) var bytes: [UInt8] = []
  let snakeCase: Bool
  let dates: SortedJSONEncoder.Dates

  init(keys: SortedJSONEncoder.Keys, dates: SortedJSONEncoder.Dates) {
    snakeCase = keys == .snakeCase
    self.dates = dates
    bytes.reserveCapacity(2048)
  }

  /// Any value: the special cases `JSONEncoder` makes, else the value's own `encode(to:)`.
  func writeValue<T: Encodable>(_ value: T) throws {
    // Exact-type checks are pointer comparisons; the casts after them cannot fail.
    if T.self == String.self {
      writeString(value as! String)
    } else if T.self == Int.self {
      writeInteger(value as! Int)
    } else if T.self == Bool.self {
      writeRaw(value as! Bool ? "true" : "false")
    } else if T.self == Date.self {
      try writeDate(value as! Date)
    } else if Self.otherIntegers.contains(ObjectIdentifier(T.self)) {
      bytes.append(contentsOf: "\(value)".utf8)
    } else if T.self == Double.self {
      try writeFloatingPoint(value as! Double)
    } else if T.self == Float.self {
      try writeFloatingPoint(value as! Float)
    } else if Self.unsupported.contains(ObjectIdentifier(T.self)) {
      throw SortedJSONEncoder.Unsupported(typeName: "\(T.self)")
    } else if let dictionary = value as? any StringKeyedDictionary {
      try dictionary.writeMembers(to: self)
    } else {
      let encoder = ValueEncoder(sink: self)
      try value.encode(to: encoder)
      encoder.finish()
    }
  }

  private static let otherIntegers: Set<ObjectIdentifier> = [
    ObjectIdentifier(Int8.self), ObjectIdentifier(Int16.self), ObjectIdentifier(Int32.self),
    ObjectIdentifier(Int64.self), ObjectIdentifier(UInt.self), ObjectIdentifier(UInt8.self),
    ObjectIdentifier(UInt16.self), ObjectIdentifier(UInt32.self), ObjectIdentifier(UInt64.self),
  ]
  private static let unsupported: Set<ObjectIdentifier> = [
    ObjectIdentifier(Data.self), ObjectIdentifier(URL.self), ObjectIdentifier(Decimal.self),
  ]

  /// As `JSONEncoder` writes them: the shortest form that reads back the same, without a trailing ".0"; not a
  /// number or infinite is an error.
  func writeFloatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws {
    guard value.isFinite else { throw SortedJSONEncoder.Unsupported(typeName: "\(value)") }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  func writeDate(_ date: Date) throws {
    switch dates {
    case .millisecondsSince1970:
      // The double JSONEncoder writes: its shortest form, without a trailing ".0".
      let millis = date.timeIntervalSince1970 * 1000
      if millis == millis.rounded(), abs(millis) < 9e15 {
        writeInteger(Int(millis))
      } else {
        try writeFloatingPoint(millis)
      }
    case .text(let format): writeString(format(date))
    }
  }

  func writeRaw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  func writeInteger<I: BinaryInteger>(_ value: I) {
    if value >= 0 && value < 10 {
      bytes.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
    } else {
      bytes.append(contentsOf: String(value).utf8)
    }
  }

  func writeString(_ string: String) {
    bytes.append(0x22)
    var string = string
    string.withUTF8 { utf8 in
      var start = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        appendEscaped(byte)
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(0x22)
  }

  private func appendEscaped(_ byte: UInt8) {
    bytes.append(0x5C)
    switch byte {
    case 0x22, 0x5C: bytes.append(byte)
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    default:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
    }
  }

  /// Writes a member name, quotes included. A plain ASCII name (every synthesized coding key) is written, and
  /// converted to snake_case, straight into the output; any other is converted once per process.
  func writeKey(_ key: any CodingKey) {
    var name = key.stringValue
    guard snakeCase else { return writeString(name) }
    let written = name.withUTF8 { utf8 -> Bool in
      guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }) else { return false }
      bytes.append(0x22)
      SnakeCase.appendASCII(utf8, to: &bytes)
      bytes.append(0x22)
      return true
    }
    guard !written else { return }
    if let known = Self.snakeKeys.withLock({ $0[name] }) { return bytes.append(contentsOf: known) }
    let converted = Self.quoted(SnakeCase.convert(name))
    Self.snakeKeys.withLock { $0[name] = converted }
    bytes.append(contentsOf: converted)
  }

  private static let snakeKeys = Mutex<[String: [UInt8]]>([:])

  static func quoted(_ name: String) -> [UInt8] {
    let sink = JSONSink(keys: .asDeclared, dates: .millisecondsSince1970)
    sink.writeString(name)
    return sink.bytes
  }
}

/// `convertToSnakeCase` as Foundation's `JSONEncoder` defines it: words start at an upper-case letter; a run of
/// upper-case letters is one word, whose last letter starts the next word when a lower-case letter follows
/// (`myURLProperty` → `my_url_property`).
enum SnakeCase {
  static func convert(_ key: String) -> String {
    let characters = Array(key)
    var words: [String] = []
    forEachWord(
      count: characters.count, isUpper: { characters[$0].isUppercase }, isLower: { characters[$0].isLowercase }
    ) {
      words.append(String(characters[$0]).lowercased())
    }
    return words.joined(separator: "_")
  }

  /// `convert` for a name of ASCII letters, digits and punctuation, written to `bytes` without building strings.
  static func appendASCII(_ key: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
    func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    var wroteWord = false
    forEachWord(count: key.count, isUpper: { isUpper(key[$0]) }, isLower: { key[$0] >= 0x61 && key[$0] <= 0x7A }) {
      if wroteWord { bytes.append(UInt8(ascii: "_")) }
      wroteWord = true
      for index in $0 { bytes.append(isUpper(key[index]) ? key[index] | 0x20 : key[index]) }
    }
  }

  /// The words of a name of `count` letters, in order (none for an empty name).
  private static func forEachWord(
    count: Int, isUpper: (Int) -> Bool, isLower: (Int) -> Bool, _ body: (Range<Int>) -> Void
  ) {
    guard count > 0 else { return }
    var wordStart = 0
    var searchStart = 1
    while let upper = (searchStart..<count).first(where: isUpper) {
      body(wordStart..<upper)
      guard let lower = (upper..<count).first(where: isLower) else {
        wordStart = upper
        break
      }
      if lower == upper + 1 {
        wordStart = upper
      } else {
        body(upper..<(lower - 1))
        wordStart = lower - 1
      }
      searchStart = lower + 1
    }
    body(wordStart..<count)
  }
}

/// `[String: V]`: its keys are written as they are (`JSONEncoder` converts no dictionary key), sorted.
protocol StringKeyedDictionary {
  func writeMembers(to sink: JSONSink) throws
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
  func writeMembers(to sink: JSONSink) throws {
    sink.bytes.append(UInt8(ascii: "{"))
    for (index, key) in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
      if index > 0 { sink.bytes.append(UInt8(ascii: ",")) }
      sink.writeString(key)
      sink.bytes.append(UInt8(ascii: ":"))
      try sink.writeValue(self[key]!)
    }
    sink.bytes.append(UInt8(ascii: "}"))
  }
}

/// The `Encoder` handed to one value's `encode(to:)`. Containers write in place; a container is closed (its
/// members sorted, its bracket written) when the value is done or when its parent moves on to the next member.
final class ValueEncoder: Encoder {
  let sink: JSONSink
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  @exclusivity(unchecked) private var object: ObjectState?
  @exclusivity(unchecked) private var array: ArrayState?
  @exclusivity(unchecked) private var wroteSingle = false

  init(sink: JSONSink) {
    self.sink = sink
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if object == nil { object = ObjectState(sink: sink) }
    return KeyedEncodingContainer(ObjectContainer<Key>(state: object!))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if array == nil { array = ArrayState(sink: sink) }
    return ArrayContainer(state: array!)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleContainer(encoder: self)
  }

  func markSingle() { wroteSingle = true }

  /// Closes what the value opened; a value that wrote nothing is `{}`, as with `JSONEncoder`.
  func finish() {
    if let object {
      object.close()
    } else if let array {
      array.close()
    } else if !wroteSingle {
      sink.bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
    }
  }
}

/// A nested container or encoder not yet closed.
protocol OpenPart: AnyObject {
  func close()
}

extension ValueEncoder: OpenPart {
  func close() { finish() }
}

/// One JSON object being written: where its members start and where each one's name and value lie.
final class ObjectState: OpenPart {
  /// A member as written: its quoted name from `start` to `nameEnd`, then ":" and the value up to `end`.
  private struct Member {
    var start: Int
    var nameEnd: Int
    var end: Int
  }

  let sink: JSONSink
  let start: Int
  @exclusivity(unchecked) private var members: [Member] = []
  @exclusivity(unchecked) private var open: (any OpenPart)?
  @exclusivity(unchecked) private var closed = false

  init(sink: JSONSink) {
    self.sink = sink
    sink.bytes.append(UInt8(ascii: "{"))
    start = sink.bytes.count
  }

  /// Starts a member: closes the previous one and writes `"name":`.
  func begin(_ key: any CodingKey) {
    finishMember()
    if !members.isEmpty { sink.bytes.append(UInt8(ascii: ",")) }
    let memberStart = sink.bytes.count
    sink.writeKey(key)
    members.append(Member(start: memberStart, nameEnd: sink.bytes.count, end: 0))
    sink.bytes.append(UInt8(ascii: ":"))
  }

  /// The member being written goes on in a nested container or encoder, closed when the member ends.
  func hold(_ part: any OpenPart) { open = part }

  /// Ends the member being written: closes what it holds open, then notes where it ends.
  private func finishMember() {
    if let open {
      self.open = nil
      open.close()
    }
    if !members.isEmpty && members[members.count - 1].end == 0 { members[members.count - 1].end = sink.bytes.count }
  }

  func close() {
    guard !closed else { return }
    finishMember()
    closed = true
    sortMembers()
    sink.bytes.append(UInt8(ascii: "}"))
  }

  /// Rewrites the members in the order of their names' bytes (`.sortedKeys`); a later member of the same name
  /// replaces an earlier one, as in `JSONEncoder`'s dictionary. Names are compared where they were written.
  private func sortMembers() {
    guard members.count > 1 else { return }
    let order: [Int]? = sink.bytes.withUnsafeBufferPointer { written in
      func compare(_ a: Member, _ b: Member) -> Int {
        let lengthA = a.nameEnd - a.start
        let lengthB = b.nameEnd - b.start
        let common = memcmp(written.baseAddress! + a.start, written.baseAddress! + b.start, min(lengthA, lengthB))
        return common != 0 ? Int(common) : lengthA - lengthB
      }
      guard (1..<members.count).contains(where: { compare(members[$0 - 1], members[$0]) >= 0 }) else { return nil }
      // Equal names stay in writing order, so the last of a run is the one that counts.
      let sorted = members.indices.sorted {
        let order = compare(members[$0], members[$1])
        return order < 0 || (order == 0 && $0 < $1)
      }
      return sorted.indices.compactMap { position in
        let next = position + 1
        guard next < sorted.count, compare(members[sorted[position]], members[sorted[next]]) == 0 else {
          return sorted[position]
        }
        return nil
      }
    }
    guard let order else { return }
    var rewritten: [UInt8] = []
    rewritten.reserveCapacity(sink.bytes.count - start)
    for index in order {
      if !rewritten.isEmpty { rewritten.append(UInt8(ascii: ",")) }
      rewritten.append(contentsOf: sink.bytes[members[index].start..<members[index].end])
    }
    sink.bytes.replaceSubrange(start..., with: rewritten)
  }
}

struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let state: ObjectState
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil(forKey key: Key) throws {
    state.begin(key)
    state.sink.writeRaw("null")
  }

  mutating func encode(_ value: String, forKey key: Key) throws {
    state.begin(key)
    state.sink.writeString(value)
  }

  mutating func encode(_ value: Int, forKey key: Key) throws {
    state.begin(key)
    state.sink.writeInteger(value)
  }

  mutating func encode(_ value: Bool, forKey key: Key) throws {
    state.begin(key)
    state.sink.writeRaw(value ? "true" : "false")
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }

  mutating func encode(_ value: Double, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: Int8, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: Int16, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: UInt, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: UInt8, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    state.begin(key)
    try state.sink.writeValue(value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    state.begin(key)
    let nested = ObjectState(sink: state.sink)
    state.hold(nested)
    return KeyedEncodingContainer(ObjectContainer<NestedKey>(state: nested))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    state.begin(key)
    let nested = ArrayState(sink: state.sink)
    state.hold(nested)
    return ArrayContainer(state: nested)
  }

  mutating func superEncoder() -> any Encoder {
    superEncoder(forKey: Key(stringValue: "super")!)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    state.begin(key)
    let nested = ValueEncoder(sink: state.sink)
    state.hold(nested)
    return nested
  }
}

/// One JSON array being written.
final class ArrayState: OpenPart {
  let sink: JSONSink
  @exclusivity(unchecked) var count = 0
  @exclusivity(unchecked) private var open: (any OpenPart)?
  @exclusivity(unchecked) private var closed = false

  init(sink: JSONSink) {
    self.sink = sink
    sink.bytes.append(UInt8(ascii: "["))
  }

  func begin() {
    if let open {
      self.open = nil
      open.close()
    }
    if count > 0 { sink.bytes.append(UInt8(ascii: ",")) }
    count += 1
  }

  func hold(_ part: any OpenPart) { open = part }

  func close() {
    guard !closed else { return }
    if let open {
      self.open = nil
      open.close()
    }
    closed = true
    sink.bytes.append(UInt8(ascii: "]"))
  }
}

struct ArrayContainer: UnkeyedEncodingContainer, OtherNumbers {
  let state: ArrayState
  var codingPath: [any CodingKey] { [] }
  var count: Int { state.count }

  mutating func encodeNil() throws {
    state.begin()
    state.sink.writeRaw("null")
  }

  mutating func encode(_ value: String) throws {
    state.begin()
    state.sink.writeString(value)
  }

  mutating func encode(_ value: Int) throws {
    state.begin()
    state.sink.writeInteger(value)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    state.begin()
    try state.sink.writeValue(value)
  }

  mutating func write<T: Encodable>(_ value: T) throws { try encode(value) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    state.begin()
    let nested = ObjectState(sink: state.sink)
    state.hold(nested)
    return KeyedEncodingContainer(ObjectContainer<NestedKey>(state: nested))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    state.begin()
    let nested = ArrayState(sink: state.sink)
    state.hold(nested)
    return ArrayContainer(state: nested)
  }

  mutating func superEncoder() -> any Encoder {
    state.begin()
    let nested = ValueEncoder(sink: state.sink)
    state.hold(nested)
    return nested
  }
}

struct SingleContainer: SingleValueEncodingContainer, OtherNumbers {
  let encoder: ValueEncoder
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws {
    encoder.markSingle()
    encoder.sink.writeRaw("null")
  }

  mutating func encode(_ value: String) throws {
    encoder.markSingle()
    encoder.sink.writeString(value)
  }

  mutating func encode(_ value: Int) throws {
    encoder.markSingle()
    encoder.sink.writeInteger(value)
  }

  mutating func encode(_ value: Bool) throws {
    encoder.markSingle()
    encoder.sink.writeRaw(value ? "true" : "false")
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    encoder.markSingle()
    try encoder.sink.writeValue(value)
  }

  mutating func write<T: Encodable>(_ value: T) throws { try encode(value) }
}

/// The number types besides `Int` that the unkeyed and single-value containers must each take: all go through the
/// container's generic `encode`, which `JSONSink.writeValue` writes (integers) or refuses.
protocol OtherNumbers {
  mutating func write<T: Encodable>(_ value: T) throws
}

extension OtherNumbers {
  mutating func encode(_ value: Double) throws { try write(value) }
  mutating func encode(_ value: Float) throws { try write(value) }
  mutating func encode(_ value: Int8) throws { try write(value) }
  mutating func encode(_ value: Int16) throws { try write(value) }
  mutating func encode(_ value: Int32) throws { try write(value) }
  mutating func encode(_ value: Int64) throws { try write(value) }
  mutating func encode(_ value: UInt) throws { try write(value) }
  mutating func encode(_ value: UInt8) throws { try write(value) }
  mutating func encode(_ value: UInt16) throws { try write(value) }
  mutating func encode(_ value: UInt32) throws { try write(value) }
  mutating func encode(_ value: UInt64) throws { try write(value) }
}
