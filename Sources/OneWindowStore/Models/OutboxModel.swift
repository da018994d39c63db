import Fluent
import Foundation

final class OutboxModel: Model, @unchecked Sendable {
  static let schema = "outbox"

  @ID(key: .id) var id: UUID?
  @Field(key: "case_number") var caseNumber: String
  @Field(key: "kind") var kind: String
  @Field(key: "recipient") var recipient: String
  @Field(key: "payload") var payload: String
  @Field(key: "created_ms") var createdMillis: Int64
  @OptionalField(key: "sent_ms") var sentMillis: Int64?
  @Field(key: "county_code") var countyCode: String

  init() {}
}
