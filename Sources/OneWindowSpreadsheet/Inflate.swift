/// DEFLATE decompression (RFC 1951), the way .xlsx files from Excel and WPS store their parts. A direct reading
/// of the format after Mark Adler's `puff.c`: canonical Huffman codes decoded bit by bit.
enum Inflate {
  enum Failure: Error {
    case truncated
    case invalid(String)
    case tooLarge
  }

  /// Decompresses `input`, which must come to at most `limit` bytes (a zip bomb stops there, not in memory).
  static func decompress(_ input: [UInt8], expectedSize: Int = 0, limit: Int = .max) throws -> [UInt8] {
    var state = State(input: input)
    state.limit = limit
    state.output.reserveCapacity(min(expectedSize, limit))
    var last = false
    repeat {
      last = try state.bits(1) == 1
      switch try state.bits(2) {
      case 0: try state.stored()
      case 1: try state.codes(Fixed.lengths, Fixed.distances)
      case 2: try state.dynamic()
      default: throw Failure.invalid("block type 3")
      }
    } while !last
    return state.output
  }

  struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int]

    init(lengths: ArraySlice<Int>) {
      symbols = [Int](repeating: 0, count: lengths.count)
      for length in lengths { counts[length] += 1 }
      var offsets = [Int](repeating: 0, count: 16)
      for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
      for (symbol, length) in lengths.enumerated() where length != 0 {
        symbols[offsets[length]] = symbol
        offsets[length] += 1
      }
    }
  }

  enum Fixed {
    static let lengths = Huffman(
      lengths: ArraySlice(
        [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112) + [Int](repeating: 7, count: 24)
          + [Int](repeating: 8, count: 8)))
    static let distances = Huffman(lengths: ArraySlice([Int](repeating: 5, count: 30)))
  }

  static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
  ]
  static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]
  static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  struct State {
    let input: [UInt8]
    var position = 0
    var bitBuffer = 0
    var bitCount = 0
    var output: [UInt8] = []
    var limit = Int.max

    init(input: [UInt8]) {
      self.input = input
    }

    mutating func bits(_ count: Int) throws -> Int {
      while bitCount < count {
        guard position < input.count else { throw Failure.truncated }
        bitBuffer |= Int(input[position]) << bitCount
        position += 1
        bitCount += 8
      }
      let value = bitBuffer & ((1 << count) - 1)
      bitBuffer >>= count
      bitCount -= count
      return value
    }

    mutating func stored() throws {
      bitBuffer = 0
      bitCount = 0
      guard position + 4 <= input.count else { throw Failure.truncated }
      let length = Int(input[position]) | Int(input[position + 1]) << 8
      let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
      guard length == ~complement & 0xFFFF else { throw Failure.invalid("stored block length") }
      position += 4
      guard position + length <= input.count else { throw Failure.truncated }
      guard output.count + length <= limit else { throw Failure.tooLarge }
      output.append(contentsOf: input[position..<position + length])
      position += length
    }

    mutating func decode(_ huffman: Huffman) throws -> Int {
      var code = 0
      var first = 0
      var index = 0
      for length in 1...15 {
        code |= try bits(1)
        let count = huffman.counts[length]
        if code - count < first { return huffman.symbols[index + (code - first)] }
        index += count
        first += count
        first <<= 1
        code <<= 1
      }
      throw Failure.invalid("Huffman code")
    }

    mutating func codes(_ lengths: Huffman, _ distances: Huffman) throws {
      while true {
        var symbol = try decode(lengths)
        if symbol < 256 {
          guard output.count < limit else { throw Failure.tooLarge }
          output.append(UInt8(symbol))
        } else if symbol == 256 {
          return
        } else {
          symbol -= 257
          guard symbol < 29 else { throw Failure.invalid("length symbol") }
          let length = lengthBase[symbol] + (try bits(lengthExtra[symbol]))
          let distanceSymbol = try decode(distances)
          guard distanceSymbol < 30 else { throw Failure.invalid("distance symbol") }
          let distance = distanceBase[distanceSymbol] + (try bits(distanceExtra[distanceSymbol]))
          guard distance <= output.count else { throw Failure.invalid("distance too far back") }
          guard output.count + length <= limit else { throw Failure.tooLarge }
          let start = output.count - distance
          for offset in 0..<length { output.append(output[start + offset]) }
        }
      }
    }

    mutating func dynamic() throws {
      let literalCount = try bits(5) + 257
      let distanceCount = try bits(5) + 1
      let codeCount = try bits(4) + 4
      guard literalCount <= 286, distanceCount <= 30 else { throw Failure.invalid("code counts") }
      var lengths = [Int](repeating: 0, count: 19)
      for index in 0..<codeCount { lengths[codeLengthOrder[index]] = try bits(3) }
      let lengthCode = Huffman(lengths: lengths[...])
      var all = [Int](repeating: 0, count: literalCount + distanceCount)
      var index = 0
      while index < all.count {
        let symbol = try decode(lengthCode)
        if symbol < 16 {
          all[index] = symbol
          index += 1
          continue
        }
        var repeated = 0
        var times: Int
        switch symbol {
        case 16:
          guard index > 0 else { throw Failure.invalid("repeat without a length") }
          repeated = all[index - 1]
          times = 3 + (try bits(2))
        case 17: times = 3 + (try bits(3))
        default: times = 11 + (try bits(7))
        }
        guard index + times <= all.count else { throw Failure.invalid("too many lengths") }
        for _ in 0..<times {
          all[index] = repeated
          index += 1
        }
      }
      try codes(Huffman(lengths: all[0..<literalCount]), Huffman(lengths: all[literalCount...]))
    }
  }
}
