import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// Scans uploaded with a form (window intake, online and proxy applications): checked files go into the file store
/// and onto the checklist row their field names (`material_N_file`).
enum Scans {
  /// Puts checked scans into the file store; the attachments per checklist row (`material_N_file`).
  static func store(_ scans: [(FormBody.FilePart, FileKind)], _ req: Request) async throws -> [Int: [Attachment]] {
    var result: [Int: [Attachment]] = [:]
    let store = try req.application.fileStore
    for (file, kind) in scans {
      let parts = file.field.split(separator: "_")
      guard parts.count == 3, parts[0] == "material", parts[2] == "file", let index = Int(parts[1]) else { continue }
      let key = try await store.put(file.bytes)
      result[index, default: []].append(
        Attachment(fileID: key, name: file.fileName, kind: kind, size: file.bytes.count))
    }
    return result
  }

  /// Stores checked scans and adds each to its checklist row.
  static func attach(_ scans: [(FormBody.FilePart, FileKind)], to checklist: inout [CaseMaterial], _ req: Request)
    async throws
  {
    for (index, attachments) in try await store(scans, req) where checklist.indices.contains(index) {
      checklist[index].attachments += attachments
    }
  }
}

extension ValidationError {
  /// One message per field: an unchecked row is not also told it is missing.
  static func firstPerField(_ errors: [ValidationError]) -> [ValidationError] {
    var seen = Set<String>()
    return errors.filter { seen.insert($0.field).inserted }
  }
}
