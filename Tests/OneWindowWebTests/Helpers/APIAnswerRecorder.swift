import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Records every `/api/` answer the test suite receives, as JSON lines in the file `ONEWINDOW_API_ANSWERS` names, for
/// `scripts/check-api-answers` to validate against the OpenAPI document: the contract is checked by every API test,
/// not by a few hand-picked ones. Without the variable it records nothing.
struct APIAnswerRecorder: AsyncMiddleware {
  static let path = ProcessInfo.processInfo.environment["ONEWINDOW_API_ANSWERS"].flatMap { $0.isEmpty ? nil : $0 }
  private static let lock = NIOLock()

  func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
    let response = try await next.respond(to: request)
    guard let path = Self.path, request.url.path.hasPrefix("/api/"), request.url.path != "/api/v1/openapi.json"
    else { return response }
    let body = response.body.string ?? ""
    let record: [String: Any] = [
      "method": request.method.rawValue, "path": request.url.path, "query": request.url.query ?? "",
      "status": Int(response.status.code), "content_type": response.headers.first(name: .contentType) ?? "",
      "body": body,
    ]
    let line = try JSONSerialization.data(withJSONObject: record) + Data("\n".utf8)
    Self.lock.withLock {
      if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
      if let handle = FileHandle(forWritingAtPath: path) {
        handle.seekToEndOfFile()
        handle.write(line)
        try? handle.close()
      }
    }
    return response
  }
}
