/// A QR Code (ISO/IEC 18004) in byte mode at error-correction level M, versions 1–10 (up to 213 bytes: any
/// address a printed guide or notice links to). Written here because no QR package is available to the project.
/// The structure follows the standard's order: encode, add Reed–Solomon codewords, place, mask, format.
public struct QRCode: Sendable {
  public let size: Int
  /// `modules[y][x]`: true is dark.
  public let modules: [[Bool]]
  public let version: Int
  public let mask: Int

  public enum Failure: Error {
    case tooLong(Int)
  }

  /// Level M: error-correction codewords per block and number of blocks, versions 1–10.
  private static let eccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
  private static let blocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

  public init(_ text: String, mask fixedMask: Int? = nil) throws {
    let bytes = Array(text.utf8)
    guard let version = (1...10).first(where: { Self.dataCapacity($0) * 8 >= 4 + Self.countBits($0) + bytes.count * 8 })
    else { throw Failure.tooLong(bytes.count) }
    var grid = Grid(version: version)
    grid.drawFunctionPatterns()
    let codewords = Self.interleave(Self.encode(bytes, version: version), version: version)
    grid.drawCodewords(codewords)
    let mask =
      fixedMask
      ?? (0..<8).min { a, b in
        var first = grid
        first.apply(mask: a)
        first.drawFormat(mask: a)
        var second = grid
        second.apply(mask: b)
        second.drawFormat(mask: b)
        return (first.penalty, a) < (second.penalty, b)
      }!
    grid.apply(mask: mask)
    grid.drawFormat(mask: mask)
    self.size = grid.size
    self.modules = grid.modules
    self.version = version
    self.mask = mask
  }

  /// An SVG drawing with a four-module quiet zone, one path for all dark modules.
  public func svg(title: String) -> String {
    var path = ""
    for y in 0..<size {
      for x in 0..<size where modules[y][x] {
        path += "M\(x + 4) \(y + 4)h1v1h-1z"
      }
    }
    let side = size + 8
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" class=\"qr\" role=\"img\" "
      + "aria-label=\"\(HTML.escape(title))\" shape-rendering=\"crispEdges\"><rect width=\"\(side)\" height=\"\(side)\" "
      + "fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
  }

  // MARK: data

  private static func rawModules(_ version: Int) -> Int {
    var result = (16 * version + 128) * version + 64
    if version >= 2 {
      let alignments = version / 7 + 2
      result -= (25 * alignments - 10) * alignments - 55
      if version >= 7 { result -= 36 }
    }
    return result
  }

  private static func dataCapacity(_ version: Int) -> Int {
    rawModules(version) / 8 - eccPerBlock[version] * blocks[version]
  }

  private static func countBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }

  /// Mode indicator, count, the bytes, terminator and padding, as data codewords.
  private static func encode(_ bytes: [UInt8], version: Int) -> [UInt8] {
    var bits: [Bool] = []
    func append(_ value: Int, _ count: Int) {
      for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
    }
    append(0b0100, 4)
    append(bytes.count, countBits(version))
    for byte in bytes { append(Int(byte), 8) }
    let capacity = dataCapacity(version) * 8
    append(0, min(4, capacity - bits.count))
    append(0, (8 - bits.count % 8) % 8)
    var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
      (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[start + $1] ? 1 : 0) }
    }
    var pad: UInt8 = 0xEC
    while codewords.count < capacity / 8 {
      codewords.append(pad)
      pad ^= 0xEC ^ 0x11
    }
    return codewords
  }

  /// Splits into blocks, adds each block's error-correction codewords, and interleaves.
  private static func interleave(_ data: [UInt8], version: Int) -> [UInt8] {
    let blockCount = blocks[version]
    let eccLength = eccPerBlock[version]
    let raw = rawModules(version) / 8
    let shortBlocks = blockCount - raw % blockCount
    let shortLength = raw / blockCount
    let divisor = ReedSolomon.divisor(degree: eccLength)
    var all: [[UInt8]] = []
    var start = 0
    for index in 0..<blockCount {
      let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
      var block = Array(data[start..<start + length])
      start += length
      let ecc = ReedSolomon.remainder(block, divisor: divisor)
      if index < shortBlocks { block.append(0) }
      all.append(block + ecc)
    }
    var result: [UInt8] = []
    for i in 0..<all[0].count {
      for j in 0..<all.count where i != shortLength - eccLength || j >= shortBlocks {
        result.append(all[j][i])
      }
    }
    return result
  }
}

/// Reed–Solomon error correction over GF(2⁸) with the QR polynomial 0x11D.
enum ReedSolomon {
  static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
    var z = 0
    for i in stride(from: 7, through: 0, by: -1) {
      z = (z << 1) ^ ((z >> 7) * 0x11D)
      z ^= Int((y >> UInt8(i)) & 1) * Int(x)
    }
    return UInt8(z & 0xFF)
  }

  static func divisor(degree: Int) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: degree)
    result[degree - 1] = 1
    var root: UInt8 = 1
    for _ in 0..<degree {
      for j in 0..<degree {
        result[j] = multiply(result[j], root)
        if j + 1 < degree { result[j] ^= result[j + 1] }
      }
      root = multiply(root, 0x02)
    }
    return result
  }

  static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: divisor.count)
    for byte in data {
      let factor = byte ^ result.removeFirst()
      result.append(0)
      for i in 0..<result.count { result[i] ^= multiply(divisor[i], factor) }
    }
    return result
  }
}
