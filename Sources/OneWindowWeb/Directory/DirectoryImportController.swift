import Crypto
import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `/admin/directory/import` and `/admin/directory/export.xlsx`: the county's directory as one workbook. An upload is
/// checked as a dry run first and waits in the data directory under its SHA-256 until confirmed, so the confirmation
/// imports exactly what was checked.
enum DirectoryImportController {
  static let maxUpload = 20 * 1024 * 1024

  /// `GET /admin/directory/export.xlsx`
  @Sendable static func export(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageSites)
    let bytes = try await DirectoryWorkbook.export(req.database, county: DirectoryEditor.county(staff))
    return XLSXResponse.make(
      bytes, fileName: "机构与人员-\(CatalogController.today(req).iso).xlsx", asciiName: "directory.xlsx")
  }

  /// `GET /admin/directory/import`
  @Sendable static func show(req: Request) async throws -> HTML {
    try authorize(req)
    return DirectoryImportPage.render(.form(nil), try await req.pageContext())
  }

  struct Upload: Content {
    var file: File?
    var upload: String?
    var confirm: String?
  }

  /// Both halves of the directory: its map (manageSites) and its people (manageStaff).
  @discardableResult
  static func authorize(_ req: Request) throws -> StaffIdentity {
    _ = try req.authorize(.manageStaff)
    return try req.authorize(.manageSites)
  }

  /// `POST /admin/directory/import`: a new file is checked (dry run); `upload` + `confirm` imports a checked one.
  @Sendable static func submit(req: Request) async throws -> Response {
    let staff = try authorize(req)
    let context = try await req.pageContext()
    let body = try req.content.decode(Upload.self)
    func page(_ stage: DirectoryImportPage.Stage, _ status: HTTPResponseStatus = .ok) -> Response {
      .html(DirectoryImportPage.render(stage, context), status: status)
    }
    if let upload = body.upload, body.confirm != nil {
      guard let bytes = stored(upload, req) else {
        return page(
          .form(
            ValidationError(field: "file", zh: "待导入的文件已失效，请重新上传。", en: "That upload has expired; upload it again.")),
          .unprocessableEntity)
      }
      let outcome = try await DirectoryWorkbook.run(
        bytes, by: staff, dryRun: false, req.application, db: req.database, now: req.now)
      guard outcome.problems.isEmpty else {
        return page(.problems(fileName: "", outcome.problems), .unprocessableEntity)
      }
      try? FileManager.default.removeItem(atPath: path(upload, req))
      try await TokenCache.invalidate(req.application, on: req.database)
      req.logger.notice("directory imported by \(staff.username): \(outcome.changed) rows changed")
      return page(
        .done(
          counts(outcome),
          outcome.newAccounts.map {
            .init(username: $0.username, name: $0.name, link: DirectoryAdminController.passwordURL($0.token, req))
          }))
    }
    guard let file = body.file, file.data.readableBytes > 0 else {
      return page(
        .form(ValidationError(field: "file", zh: "请选择要导入的 .xlsx 文件。", en: "Choose the .xlsx file to import.")),
        .unprocessableEntity)
    }
    guard file.filename.lowercased().hasSuffix(".xlsx") else {
      return page(
        .form(
          ValidationError(
            field: "file", zh: "只能导入 .xlsx 文件（“\(file.filename)”不是）。",
            en: "Only .xlsx files can be imported (\(file.filename) is not).")),
        .unprocessableEntity)
    }
    guard file.data.readableBytes <= maxUpload else {
      return page(
        .form(ValidationError(field: "file", zh: "文件超过 20 MB。", en: "The file is larger than 20 MB.")),
        .unprocessableEntity)
    }
    let bytes = Array(file.data.readableBytesView)
    let outcome = try await DirectoryWorkbook.run(
      bytes, by: staff, dryRun: true, req.application, db: req.database, now: req.now)
    guard outcome.problems.isEmpty else {
      return page(.problems(fileName: file.filename, outcome.problems), .unprocessableEntity)
    }
    let upload = Hex.encode(SHA256.hash(data: bytes))
    try FileManager.default.createDirectory(atPath: directory(req), withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: path(upload, req)), options: .atomic)
    return page(.plan(fileName: file.filename, upload: upload, counts(outcome)))
  }

  static func counts(_ outcome: DirectoryWorkbook.Outcome) -> [DirectoryImportPage.Counts] {
    DirectorySheet.layout.map { sheet in
      .init(
        sheet: sheet.name, created: outcome.created[sheet.name] ?? 0, updated: outcome.updated[sheet.name] ?? 0,
        unchanged: outcome.unchanged[sheet.name] ?? 0)
    }
  }

  private static func directory(_ req: Request) -> String {
    req.application.configuration.dataDirectory + "/imports"
  }

  private static func path(_ upload: String, _ req: Request) -> String {
    directory(req) + "/directory-\(upload).xlsx"
  }

  private static func stored(_ upload: String, _ req: Request) -> [UInt8]? {
    guard upload.count == 64, upload.allSatisfy(\.isHexDigit) else { return nil }
    return FileManager.default.contents(atPath: path(upload, req)).map { Array($0) }
  }
}
