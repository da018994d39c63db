extension QRCode {
  /// The module grid while a symbol is built: which modules are function patterns, and their colors.
  struct Grid {
    let version: Int
    let size: Int
    var modules: [[Bool]]
    var isFunction: [[Bool]]

    init(version: Int) {
      self.version = version
      size = version * 4 + 17
      modules = Array(repeating: Array(repeating: false, count: size), count: size)
      isFunction = modules
    }

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
      modules[y][x] = dark
      isFunction[y][x] = true
    }

    mutating func drawFunctionPatterns() {
      for i in 0..<size {
        set(6, i, i % 2 == 0)
        set(i, 6, i % 2 == 0)
      }
      for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
        for dy in -4...4 {
          for dx in -4...4 where (0..<size).contains(x + dx) && (0..<size).contains(y + dy) {
            let distance = max(abs(dx), abs(dy))
            set(x + dx, y + dy, distance != 2 && distance != 4)
          }
        }
      }
      let positions = alignmentPositions
      for (i, x) in positions.enumerated() {
        for (j, y) in positions.enumerated() {
          let last = positions.count - 1
          if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
          for dy in -2...2 {
            for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
          }
        }
      }
      drawFormat(mask: 0)  // reserves the format area; drawn again once the mask is chosen
      if version >= 7 {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for i in 0..<18 {
          let dark = (bits >> i) & 1 == 1
          let a = size - 11 + i % 3
          let b = i / 3
          set(a, b, dark)
          set(b, a, dark)
        }
      }
    }

    private var alignmentPositions: [Int] {
      guard version > 1 else { return [] }
      let count = version / 7 + 2
      let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
      var result: [Int] = []
      var position = size - 7
      for _ in 0..<(count - 1) {
        result.insert(position, at: 0)
        position -= step
      }
      return [6] + result
    }

    /// Format information: level M (bits 00) and the mask, BCH-protected, in both copies.
    mutating func drawFormat(mask: Int) {
      let data = 0b00 << 3 | mask
      var remainder = data
      for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
      let bits = (data << 10 | remainder) ^ 0x5412
      func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
      for i in 0...5 { set(8, i, bit(i)) }
      set(8, 7, bit(6))
      set(8, 8, bit(7))
      set(7, 8, bit(8))
      for i in 9..<15 { set(14 - i, 8, bit(i)) }
      for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
      for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
      set(8, size - 8, true)
    }

    /// Places the codewords in the zigzag order, two columns at a time from the right, skipping column 6.
    mutating func drawCodewords(_ data: [UInt8]) {
      var index = 0
      var right = size - 1
      while right >= 1 {
        if right == 6 { right = 5 }
        for vertical in 0..<size {
          for j in 0..<2 {
            let x = right - j
            let upward = (right + 1) & 2 == 0
            let y = upward ? size - 1 - vertical : vertical
            if !isFunction[y][x] && index < data.count * 8 {
              modules[y][x] = (data[index >> 3] >> UInt8(7 - index & 7)) & 1 == 1
              index += 1
            }
          }
        }
        right -= 2
      }
    }

    mutating func apply(mask: Int) {
      for y in 0..<size {
        for x in 0..<size where !isFunction[y][x] {
          let invert: Bool
          switch mask {
          case 0: invert = (x + y) % 2 == 0
          case 1: invert = y % 2 == 0
          case 2: invert = x % 3 == 0
          case 3: invert = (x + y) % 3 == 0
          case 4: invert = (x / 3 + y / 2) % 2 == 0
          case 5: invert = x * y % 2 + x * y % 3 == 0
          case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
          default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
          }
          if invert { modules[y][x].toggle() }
        }
      }
    }

    /// The standard's penalty score (runs, 2×2 blocks, finder-like patterns, dark balance); lower reads better.
    var penalty: Int {
      var score = 0
      let columns = (0..<size).map { x in (0..<size).map { modules[$0][x] } }
      for line in modules + columns {
        var run = 1
        for i in 1..<size {
          if line[i] == line[i - 1] {
            run += 1
          } else {
            if run >= 5 { score += run - 2 }
            run = 1
          }
        }
        if run >= 5 { score += run - 2 }
        for i in 0...(size - 11) {
          let window = Array(line[i..<i + 11])
          if window == Self.finderLeft || window == Self.finderRight { score += 40 }
        }
      }
      for y in 0..<(size - 1) {
        for x in 0..<(size - 1) {
          let color = modules[y][x]
          if modules[y][x + 1] == color && modules[y + 1][x] == color && modules[y + 1][x + 1] == color {
            score += 3
          }
        }
      }
      let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
      let percent = dark * 100 / (size * size)
      score += abs(percent - 50) / 5 * 10
      return score
    }

    private static let finderLeft = [true, false, true, true, true, false, true, false, false, false, false]
    private static let finderRight = [false, false, false, false, true, false, true, true, true, false, true]
  }
}
