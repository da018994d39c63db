import Fluent
import Foundation

/// A name a site, department or window had until a moment: records made before it show this name.
final class DirectoryNameModel: Model, @unchecked Sendable {
  static let schema = "directory_names"

  @ID(key: .id) var id: UUID?
  @Field(key: "kind") var kind: String
  @Field(key: "record_id") var recordID: String
  @Field(key: "name") var name: String
  @Field(key: "until") var until: Date
  @Field(key: "county_code") var countyCode: String

  init() {}

  init(kind: String, recordID: String, name: String, until: Date, countyCode: String) {
    id = UUID()
    self.kind = kind
    self.recordID = recordID
    self.name = name
    self.until = until
    self.countyCode = countyCode
  }
}

/// The first run's record: one row, whose fixed key makes a second setup fail even when two race.
final class InstallationModel: Model, @unchecked Sendable {
  static let schema = "installation"
  static let key = "installation"

  @ID(custom: "id", generatedBy: .user) var id: String?
  @Field(key: "county_code") var countyCode: String
  @Field(key: "set_up_at") var setUpAt: Date

  init() {}

  init(countyCode: String, setUpAt: Date) {
    id = Self.key
    self.countyCode = countyCode
    self.setUpAt = setUpAt
  }
}
