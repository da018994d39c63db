import Fluent
import Foundation
import OneWindowDomain

final class DutyAssignmentModel: Model, @unchecked Sendable {
  static let schema = "duty_assignments"

  @ID(key: .id) var id: UUID?
  @Field(key: "window_id") var windowID: String
  @Field(key: "staff_id") var staffID: UUID
  @Field(key: "post") var post: String
  @Field(key: "starts_on") var startsOn: String
  @OptionalField(key: "ends_on") var endsOn: String?
  @Field(key: "county_code") var countyCode: String

  init() {}

  init(_ duty: DutyAssignment, staffID: UUID, countyCode: String) {
    id = UUID(uuidString: duty.id) ?? UUID()
    windowID = duty.windowID
    self.staffID = staffID
    post = duty.post.rawValue
    startsOn = duty.startsOn.iso
    endsOn = duty.endsOn?.iso
    self.countyCode = countyCode
  }

  var domain: DutyAssignment? {
    guard let id, let post = DutyPost(rawValue: post), let start = CivilDate(iso: startsOn) else { return nil }
    return DutyAssignment(
      id: id.uuidString, windowID: windowID, staffID: staffID.uuidString, post: post, startsOn: start,
      endsOn: endsOn.flatMap(CivilDate.init(iso:)))
  }
}
