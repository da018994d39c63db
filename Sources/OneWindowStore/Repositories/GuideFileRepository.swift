import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// The files of the guides' blank forms and samples; the bytes are in the file store, by content.
public struct GuideFileRepository: Sendable {
  let db: any Database
  private var sql: any SQLDatabase { db as! any SQLDatabase }

  public init(_ db: any Database) {
    self.db = db
  }

  /// Every file of an item's materials.
  public func files(of itemCode: String) async throws -> [GuideFile] {
    try await sql.raw("SELECT * FROM guide_files WHERE item_code = \(bind: itemCode) ORDER BY material, kind").all()
      .compactMap(Self.decode)
  }

  public func file(of itemCode: String, material: String, kind: GuideFile.Kind) async throws -> GuideFile? {
    try await sql.raw(
      """
      SELECT * FROM guide_files
      WHERE item_code = \(bind: itemCode) AND material = \(bind: material) AND kind = \(bind: kind.rawValue)
      """
    ).first().flatMap(Self.decode)
  }

  /// Puts the file in place of the material's earlier one of the same kind.
  public func put(_ file: GuideFile, by staffID: String, county: String, now: Date) async throws {
    try await db.transaction { db in
      let sql = db as! any SQLDatabase
      try await sql.raw(
        """
        DELETE FROM guide_files
        WHERE item_code = \(bind: file.itemCode) AND material = \(bind: file.material) AND kind = \(bind: file.kind.rawValue)
        """
      ).run()
      try await sql.raw(
        """
        INSERT INTO guide_files (item_code, material, kind, file_id, file_name, file_kind, size, uploaded_by,
          uploaded_ms, county_code)
        VALUES (\(bind: file.itemCode), \(bind: file.material), \(bind: file.kind.rawValue), \(bind: file.file.fileID),
          \(bind: file.file.name), \(bind: file.file.kind.rawValue), \(bind: file.file.size), \(bind: staffID),
          \(bind: Int64((now.timeIntervalSince1970 * 1000).rounded())), \(bind: county))
        """
      ).run()
    }
  }

  private static func decode(_ row: any SQLRow) throws -> GuideFile? {
    guard let kind = GuideFile.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
      let fileKind = FileKind(rawValue: try row.decode(column: "file_kind", as: String.self))
    else { return nil }
    return GuideFile(
      itemCode: try row.decode(column: "item_code", as: String.self),
      material: try row.decode(column: "material", as: String.self), kind: kind,
      file: Attachment(
        fileID: try row.decode(column: "file_id", as: String.self),
        name: try row.decode(column: "file_name", as: String.self), kind: fileKind,
        size: try row.decode(column: "size", as: Int.self)))
  }
}
