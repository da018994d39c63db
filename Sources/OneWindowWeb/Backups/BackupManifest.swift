import Foundation

/// What a backup folder holds (`manifest.json`): written last, so a folder without it is not a finished backup.
struct BackupManifest: Codable, Sendable, Equatable {
  static let fileName = "manifest.json"
  static let currentFormat = 1

  enum Kind: String, Codable, Sendable {
    /// `onewindow.sqlite`, a page-by-page copy through SQLite's online backup API.
    case sqlite
    /// `onewindow.pgdump`, `pg_dump --format=custom` (one consistent snapshot, restored with `pg_restore`).
    case postgres

    var databaseFile: String {
      switch self {
      case .sqlite: "onewindow.sqlite"
      case .postgres: "onewindow.pgdump"
      }
    }
  }

  let format: Int
  let version: String
  let created: Date
  let database: Kind
  /// Uploaded files (`files/ab/cd/<sha256>`), each named by the SHA-256 of its content.
  let files: Int
  let fileBytes: Int64

  static func read(from folder: String) throws -> BackupManifest {
    guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else {
      throw Backups.Failure("\(folder) holds no \(fileName): not a finished OneWindow backup (不是完整的备份)")
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    let manifest = try decoder.decode(BackupManifest.self, from: data)
    guard manifest.format == currentFormat else {
      throw Backups.Failure("\(folder) is a backup of format \(manifest.format); this version reads \(currentFormat)")
    }
    return manifest
  }

  func write(to folder: String) throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: URL(fileURLWithPath: folder + "/" + Self.fileName), options: .atomic)
  }
}
