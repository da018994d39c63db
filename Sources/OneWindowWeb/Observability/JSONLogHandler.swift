import Foundation
import Logging
import NIOConcurrencyHelpers
import OneWindowDomain

/// One JSON object per line on standard error (`ONEWINDOW_LOG_FORMAT=json`), for a log collector: time (UTC, ms),
/// level, logger label, message and every metadata value as a string — the request id among them
/// (`RequestLogMiddleware`). Lines are written whole, so concurrent requests never interleave within a line.
public struct JSONLogHandler: LogHandler {
  public var logLevel: Logger.Level
  public var metadata: Logger.Metadata = [:]
  private let label: String
  private static let output = NIOLockedValueBox(FileHandle.standardError)

  public init(label: String, level: Logger.Level) {
    self.label = label
    self.logLevel = level
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var metadata = self.metadata
    if let explicit = event.metadata { metadata.merge(explicit) { $1 } }
    if let error = event.error { metadata["error"] = .string(String(describing: error)) }
    let line = Self.line(
      time: Date(), level: event.level, label: label, message: event.message.description, metadata: metadata)
    Self.output.withLockedValue { $0.write(Data(line.utf8)) }
  }

  /// The line for one record, ending in a newline.
  static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata)
    -> String
  {
    var fields: [(String, String)] = [
      ("time", timestamp(time)), ("level", level.rawValue), ("logger", label), ("message", message),
    ]
    for key in metadata.keys.sorted() where !["time", "level", "logger", "message"].contains(key) {
      fields.append((key, "\(metadata[key]!)"))
    }
    return "{" + fields.map { "\(quoted($0.0)):\(quoted($0.1))" }.joined(separator: ",") + "}\n"
  }

  /// `2026-12-06T08:30:00.123Z`, without a formatter object per line.
  static func timestamp(_ date: Date) -> String {
    let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    var seconds = time_t(millis / 1000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(millis % 1000))
  }

  /// A JSON string literal: a message may quote user input.
  static func quoted(_ text: String) -> String { JSONString.literal(text) }

}
