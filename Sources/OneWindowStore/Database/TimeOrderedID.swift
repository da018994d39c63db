import Foundation

/// Row ids for the tables every case write appends to (trail events, outbox rows, follow-up tasks): UUIDs in the
/// layout of RFC 9562's version 7 — the first 48 bits are the Unix time in milliseconds, the rest random — so new
/// ids sort after older ones. A random (version 4) id puts each insert on a random page of the primary-key index:
/// under load that is a page read, a page dirtied and, after each checkpoint, a full-page image in PostgreSQL's
/// write-ahead log per insert; time-ordered ids keep the inserts on the index's last pages.
public enum TimeOrderedID {
  public static func make(at instant: Date = Date()) -> UUID {
    var generator = SystemRandomNumberGenerator()
    let millis = UInt64(max(0, OneWindowStore.millis(instant)))
    let random = (generator.next() as UInt64, generator.next() as UInt64)
    return UUID(
      uuid: (
        UInt8(truncatingIfNeeded: millis >> 40), UInt8(truncatingIfNeeded: millis >> 32),
        UInt8(truncatingIfNeeded: millis >> 24), UInt8(truncatingIfNeeded: millis >> 16),
        UInt8(truncatingIfNeeded: millis >> 8), UInt8(truncatingIfNeeded: millis),
        0x70 | UInt8(truncatingIfNeeded: random.0 >> 60), UInt8(truncatingIfNeeded: random.0 >> 52),
        0x80 | UInt8(truncatingIfNeeded: random.0 >> 46) & 0x3F, UInt8(truncatingIfNeeded: random.0 >> 38),
        UInt8(truncatingIfNeeded: random.1 >> 56), UInt8(truncatingIfNeeded: random.1 >> 48),
        UInt8(truncatingIfNeeded: random.1 >> 40), UInt8(truncatingIfNeeded: random.1 >> 32),
        UInt8(truncatingIfNeeded: random.1 >> 24), UInt8(truncatingIfNeeded: random.1 >> 16)
      ))
  }

  /// The smallest id of `instant`'s millisecond: every id made at or after it sorts at or after this one, every id
  /// made before it sorts before (a bound for reading rows in time order).
  public static func lowest(at instant: Date) -> UUID {
    let millis = UInt64(max(0, OneWindowStore.millis(instant)))
    return UUID(
      uuid: (
        UInt8(truncatingIfNeeded: millis >> 40), UInt8(truncatingIfNeeded: millis >> 32),
        UInt8(truncatingIfNeeded: millis >> 24), UInt8(truncatingIfNeeded: millis >> 16),
        UInt8(truncatingIfNeeded: millis >> 8), UInt8(truncatingIfNeeded: millis), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      ))
  }

  /// `count` ids for rows written at one instant, in ascending order: the rows of one write sort in the order they
  /// were given (the outbox sends a recipient's notifications in that order).
  public static func make(count: Int, at instant: Date = Date()) -> [UUID] {
    (0..<count).map { _ in make(at: instant) }.sorted { $0.uuidString < $1.uuidString }
  }
}
