import Fluent
import Foundation

final class WindowDutyModel: Model, @unchecked Sendable {
  static let schema = "window_duties"

  @ID(key: .id) var id: UUID?
  @Field(key: "window_id") var windowID: String
  @Field(key: "staff_id") var staffID: UUID
  @Field(key: "post") var post: String
  @Field(key: "county_code") var countyCode: String

  init() {}

  init(windowID: String, staffID: UUID, post: String, countyCode: String) {
    self.windowID = windowID
    self.staffID = staffID
    self.post = post
    self.countyCode = countyCode
  }
}
