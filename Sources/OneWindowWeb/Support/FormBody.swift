import OneWindowDomain
import Vapor

/// A posted page form, URL-encoded or multipart: its text fields and the files chosen in it.
struct FormBody {
  struct FilePart {
    let field: String
    let fileName: String
    let contentType: String?
    let bytes: [UInt8]
  }

  var fields: [String: String]
  var files: [FilePart]

  /// The largest multipart form a page takes (several scans of `UploadPolicy.scans.maxBytes` each).
  static let maxMultipart = 64 * 1024 * 1024
  /// The most files one form may carry: an intake's checklist with a few scans per material stays far below it, and
  /// thousands of tiny parts cannot fill the file store in one request.
  static let maxFiles = 100
  /// The most parts (fields and files) one form may carry.
  static let maxParts = 1000

  static func read(_ req: Request) throws -> FormBody {
    guard req.headers.contentType?.subType == "form-data" else {
      return FormBody(fields: try req.content.decode([String: String].self), files: [])
    }
    guard let boundary = req.headers.contentType?.parameters["boundary"], let body = req.body.data else {
      throw Abort(.badRequest, reason: "multipart body without boundary")
    }
    var fields: [String: String] = [:]
    var files: [FilePart] = []
    var headers: [(String, String)] = []
    var bytes: [UInt8] = []
    var parts = 0
    var controlField: String?
    let parser = MultipartParser(boundary: boundary)
    parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
    parser.onBody = { buffer in bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
    parser.onPartComplete = {
      parts += 1
      let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
      let parameters = Self.parameters(of: disposition)
      if let name = parameters["name"] {
        if let fileName = parameters["filename"] {
          // A file input left empty still sends a part, without a name or content.
          if !fileName.isEmpty || !bytes.isEmpty {
            files.append(
              FilePart(
                field: name, fileName: fileName, contentType: headers.first { $0.0 == "content-type" }?.1,
                bytes: bytes))
          }
        } else {
          let text = String(decoding: bytes, as: UTF8.self)
          if controlField == nil, TextInput.hasControlCharacter(text) { controlField = name }
          fields[name] = text
        }
      }
      headers = []
      bytes = []
    }
    try parser.execute(body)
    if let controlField { throw TextInput.controlCharacterError(field: controlField) }
    guard files.count <= maxFiles, parts <= maxParts else {
      throw ValidationError(
        field: files.first?.field ?? "files", zh: "一次最多上传 \(maxFiles) 个文件，请分批提交",
        en: "At most \(maxFiles) files can be sent at once; send them in several parts")
    }
    return FormBody(fields: fields, files: files)
  }

  /// `form-data; name="material_0_file"; filename="身份证.pdf"` → its parameters.
  static func parameters(of disposition: String) -> [String: String] {
    var result: [String: String] = [:]
    for piece in disposition.split(separator: ";").dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1)
      guard pair.count == 2 else { continue }
      let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
      var value = pair[1].trimmingCharacters(in: .whitespaces)
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      result[key] = value
    }
    return result
  }

  /// Checks every file against `policy`; the accepted ones with their kinds, and an error per refused file.
  func checkedFiles(_ policy: UploadPolicy) -> (accepted: [(FilePart, FileKind)], errors: [ValidationError]) {
    var accepted: [(FilePart, FileKind)] = []
    var errors: [ValidationError] = []
    for file in files {
      do {
        let kind = try policy.check(
          field: file.field, fileName: file.fileName, declaredType: file.contentType, size: file.bytes.count,
          head: Array(file.bytes.prefix(16)))
        accepted.append((file, kind))
      } catch {
        errors.append(error)
      }
    }
    return (accepted, errors)
  }
}
