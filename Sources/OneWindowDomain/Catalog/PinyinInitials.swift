/// 拼音首字母: the search key that lets `hjqy` find 户籍迁移.
///
/// A character with several readings (行 xíng/háng) would multiply the keys of a name, so a name gets its
/// most common reading plus one variant per other reading of a single character: `yhkh` and `yxkh` for 银行开户,
/// not every combination.
public enum PinyinInitials {
  /// Every key of `text`, the most common reading first. Letters and digits are kept (lowercased);
  /// punctuation and characters outside GB2312 are dropped.
  public static func variants(of text: String, limit: Int = 8) -> [String] {
    var letters: [Character] = []
    var others: [(index: Int, letters: [Character])] = []
    for character in text {
      if let initial = table.primary[character] {
        if let more = table.alternatives[character] {
          others.append((letters.count, more))
        }
        letters.append(initial)
      } else if character.isASCII, character.isLetter || character.isNumber {
        letters.append(Character(character.lowercased()))
      }
    }
    var keys = [String(letters)]
    for other in others {
      for letter in other.letters where keys.count < limit {
        var variant = letters
        variant[other.index] = letter
        keys.append(String(variant))
      }
    }
    return keys
  }

  /// The key of the most common reading.
  public static func key(of text: String) -> String {
    variants(of: text, limit: 1)[0]
  }

  private struct Table: Sendable {
    var primary: [Character: Character] = [:]
    var alternatives: [Character: [Character]] = [:]
  }

  private static let table: Table = {
    var table = Table()
    table.primary.reserveCapacity(6_800)
    for line in PinyinTable.primary.split(separator: "\n") {
      guard let letter = line.first else { continue }
      for character in line.dropFirst() {
        table.primary[character] = letter
      }
    }
    for entry in PinyinTable.alternatives.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      guard let character = entry.first else { continue }
      table.alternatives[character] = Array(entry.dropFirst())
    }
    return table
  }()
}
