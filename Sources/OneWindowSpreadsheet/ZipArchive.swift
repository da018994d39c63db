/// A .zip container as .xlsx uses it: read entries stored or deflated, write entries stored. ZIP64, encryption
/// and multi-disk archives are refused with an error rather than misread.
public struct ZipArchive: Sendable {
  public struct Entry: Sendable {
    public let name: String
    public let data: [UInt8]

    public init(name: String, data: [UInt8]) {
      self.name = name
      self.data = data
    }
  }

  public enum Failure: Error, Equatable {
    case notAZip
    case unsupported(String)
    case corrupt(String)
  }

  public var entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries
  }

  public func entry(_ name: String) -> Entry? {
    entries.first { $0.name == name }
  }

  // MARK: reading

  /// The most an archive may expand to, all entries together (a 510 KB file expanded to 512 MB before this). A
  /// 5,000-item catalog workbook is a few tens of megabytes unpacked.
  public static let maxExpandedBytes = 256 * 1024 * 1024

  public init(bytes: [UInt8], maxExpandedBytes: Int = ZipArchive.maxExpandedBytes) throws {
    var expanded = 0
    guard bytes.count >= 22 else { throw Failure.notAZip }
    var end = -1
    var index = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 65_535)
    while index >= lowest {
      if Self.uint32(bytes, index) == 0x0605_4b50 {
        end = index
        break
      }
      index -= 1
    }
    guard end >= 0 else { throw Failure.notAZip }
    let count = Self.uint16(bytes, end + 10)
    var offset = Self.uint32(bytes, end + 16)
    guard count != 0xFFFF, offset != 0xFFFF_FFFF else { throw Failure.unsupported("ZIP64") }
    var entries: [Entry] = []
    for _ in 0..<count {
      guard offset + 46 <= bytes.count, Self.uint32(bytes, offset) == 0x0201_4b50 else {
        throw Failure.corrupt("central directory")
      }
      let flags = Self.uint16(bytes, offset + 8)
      let method = Self.uint16(bytes, offset + 10)
      let crc = UInt32(Self.uint32(bytes, offset + 16))
      let compressedSize = Self.uint32(bytes, offset + 20)
      let size = Self.uint32(bytes, offset + 24)
      let nameLength = Self.uint16(bytes, offset + 28)
      let extraLength = Self.uint16(bytes, offset + 30)
      let commentLength = Self.uint16(bytes, offset + 32)
      let local = Self.uint32(bytes, offset + 42)
      guard offset + 46 + nameLength <= bytes.count else { throw Failure.corrupt("entry name") }
      let name = String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self)
      guard flags & 1 == 0 else { throw Failure.unsupported("encrypted entry \(name)") }
      guard local + 30 <= bytes.count, Self.uint32(bytes, local) == 0x0403_4b50 else {
        throw Failure.corrupt("local header of \(name)")
      }
      let start = local + 30 + Self.uint16(bytes, local + 26) + Self.uint16(bytes, local + 28)
      guard start + compressedSize <= bytes.count else { throw Failure.corrupt("data of \(name)") }
      // The declared size is checked before inflating, and inflating stops at it: the header cannot lie either way.
      expanded += size
      guard expanded <= maxExpandedBytes else {
        throw Failure.unsupported("more than \(maxExpandedBytes / 1024 / 1024) MB once unpacked")
      }
      let raw = Array(bytes[start..<start + compressedSize])
      let data: [UInt8]
      switch method {
      case 0: data = raw
      case 8:
        do { data = try Inflate.decompress(raw, expectedSize: size, limit: size) } catch {
          throw Failure.corrupt("deflate data of \(name)")
        }
      default: throw Failure.unsupported("compression method \(method) of \(name)")
      }
      guard data.count == size, CRC32.checksum(data) == crc else { throw Failure.corrupt("checksum of \(name)") }
      if !name.hasSuffix("/") { entries.append(Entry(name: name, data: data)) }
      offset += 46 + nameLength + extraLength + commentLength
    }
    self.entries = entries
  }

  private static func uint16(_ bytes: [UInt8], _ at: Int) -> Int {
    Int(bytes[at]) | Int(bytes[at + 1]) << 8
  }

  private static func uint32(_ bytes: [UInt8], _ at: Int) -> Int {
    Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
  }

  // MARK: writing

  /// The archive with every entry stored (not compressed), names in UTF-8.
  public func bytes() -> [UInt8] {
    var output: [UInt8] = []
    var central: [UInt8] = []
    func put16(_ value: Int, _ into: inout [UInt8]) {
      into += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]
    }
    func put32(_ value: Int, _ into: inout [UInt8]) {
      into += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF)]
    }
    let time = 0  // 00:00:00
    let date = (2026 - 1980) << 9 | 1 << 5 | 1  // fixed, so the same catalog gives the same file
    for entry in entries {
      let name = Array(entry.name.utf8)
      let crc = Int(CRC32.checksum(entry.data))
      let offset = output.count
      put32(0x0403_4b50, &output)
      put16(20, &output)
      put16(0x0800, &output)
      put16(0, &output)
      put16(time, &output)
      put16(date, &output)
      put32(crc, &output)
      put32(entry.data.count, &output)
      put32(entry.data.count, &output)
      put16(name.count, &output)
      put16(0, &output)
      output += name
      output += entry.data

      put32(0x0201_4b50, &central)
      put16(20, &central)
      put16(20, &central)
      put16(0x0800, &central)
      put16(0, &central)
      put16(time, &central)
      put16(date, &central)
      put32(crc, &central)
      put32(entry.data.count, &central)
      put32(entry.data.count, &central)
      put16(name.count, &central)
      put16(0, &central)
      put16(0, &central)
      put16(0, &central)
      put16(0, &central)
      put32(0, &central)
      put32(offset, &central)
      central += name
    }
    let centralOffset = output.count
    output += central
    put32(0x0605_4b50, &output)
    put16(0, &output)
    put16(0, &output)
    put16(entries.count, &output)
    put16(entries.count, &output)
    put32(central.count, &output)
    put32(centralOffset, &output)
    put16(0, &output)
    return output
  }
}

/// CRC-32 (IEEE 802.3), as zip entries carry it.
enum CRC32 {
  static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
