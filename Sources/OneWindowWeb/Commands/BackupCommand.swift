import Foundation
import OneWindowDomain
import Vapor

/// `onewindow backup --to FOLDER`: the database and the uploaded files, while the server runs (see `Backups`).
struct BackupCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "to", help: "A new folder to write the backup into")
    var to: String?
  }

  var help: String { "Back up the database and the uploaded files into a new folder (备份), while the server runs" }

  func run(using context: CommandContext, signature: Signature) async throws {
    guard let folder = signature.to, !folder.isEmpty else {
      throw ValidationError(field: "--to", zh: "请用 --to 指定备份目录", en: "name the backup folder with --to")
    }
    let console = context.console
    let started = Date()
    console.print("Backing up \(context.application.configuration.database) and its files into \(folder) …")
    let manifest = try await Backups.make(context.application, into: folder) { console.print($0) }
    console.print(
      "OK: backup in \(folder) — \(manifest.database.databaseFile), \(manifest.files) files, "
        + String(format: "%.1f s", Date().timeIntervalSince(started)))
  }
}

/// `onewindow restore --from FOLDER`: into an empty database and data folder, then every trail verified.
struct RestoreCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "from", help: "The backup folder (made by onewindow backup)")
    var from: String?
  }

  var help: String {
    "Restore a backup into an empty database and data folder (恢复), then verify every trail"
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    guard let folder = signature.from, !folder.isEmpty else {
      throw ValidationError(field: "--from", zh: "请用 --from 指定备份目录", en: "name the backup folder with --from")
    }
    let console = context.console
    let started = Date()
    console.print("Restoring \(folder) into \(context.application.configuration.database) …")
    let (manifest, trails) = try await Backups.restore(context.application, from: folder) { console.print($0) }
    console.print(
      "OK: restored the backup of \(manifest.created) (\(manifest.files) files, \(trails) trails verified) in "
        + String(format: "%.1f s", Date().timeIntervalSince(started)))
  }
}
