import Fluent
import Foundation

final class CaseTaskModel: Model, @unchecked Sendable {
  static let schema = "case_tasks"

  @ID(key: .id) var id: UUID?
  @Field(key: "case_number") var caseNumber: String
  @Field(key: "kind") var kind: String
  @Field(key: "due_date") var dueDate: String
  @OptionalField(key: "done_ms") var doneMillis: Int64?
  @Field(key: "county_code") var countyCode: String

  init() {}
}
