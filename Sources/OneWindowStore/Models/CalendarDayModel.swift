import Fluent
import Foundation

final class CalendarDayModel: Model, @unchecked Sendable {
  static let schema = "calendar_days"

  @ID(key: .id) var id: UUID?
  @Field(key: "county_code") var countyCode: String
  @Field(key: "date") var date: String
  @Field(key: "kind") var kind: String
  @Field(key: "name") var name: String

  init() {}
}
