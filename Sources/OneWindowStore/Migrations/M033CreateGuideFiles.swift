import Fluent
import SQLKit

/// The blank forms and samples of the guides' materials, as files to download (`GuideFile`).
struct M033CreateGuideFiles: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("guide_files")
      .field("item_code", .string, .required)
      .field("material", .string, .required)
      .field("kind", .string, .required)
      .field("file_id", .string, .required)
      .field("file_name", .string, .required)
      .field("file_kind", .string, .required)
      .field("size", .int, .required)
      .field("uploaded_by", .string, .required)
      .field("uploaded_ms", .int64, .required)
      .field("county_code", .string, .required)
      .unique(on: "item_code", "material", "kind")
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("guide_files").delete()
  }
}
