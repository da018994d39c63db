import Foundation
import OneWindowDomain
import SQLKit

/// Records kept whole as JSON in a `body` column (rule hits, 督办 tickets, spot checks): one encoding for all of them.
enum StoredBody {
  static func encode<Value: Encodable>(_ value: Value) throws -> String {
    try SortedJSONEncoder.stored.encodeToString(value)
  }

  static func decode<Value: Decodable>(_ type: Value.Type, _ row: any SQLRow) throws -> Value {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .millisecondsSince1970
    return try decoder.decode(type, from: Data(try row.decode(column: "body", as: String.self).utf8))
  }
}

extension Array where Element == SQLQueryString {
  /// The conditions joined with AND, for a WHERE clause (`1 = 1` when there are none).
  var allOf: SQLQueryString {
    guard var clause = first else { return "1 = 1" }
    for condition in dropFirst() { clause = clause + " AND " + condition }
    return clause
  }
}
