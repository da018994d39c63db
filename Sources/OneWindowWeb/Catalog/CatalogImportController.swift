import Crypto
import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Excel import and export of the catalog. An upload is checked and shown as a dry run first; the file waits in
/// the data directory under its SHA-256 until the admin confirms, so the confirmation imports exactly what was checked.
enum CatalogImportController {
  static let maxUpload = 20 * 1024 * 1024

  /// `GET /admin/catalog/export.xlsx`
  @Sendable static func export(req: Request) async throws -> Response {
    try req.authorize(.manageCatalog)
    let bytes = try await CatalogSpreadsheet.export(req.database)
    var headers = HTTPHeaders()
    headers.contentType = HTTPMediaType(
      type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    let name = "事项目录-\(CatalogController.today(req).iso).xlsx"
    headers.replaceOrAdd(
      name: .contentDisposition,
      value:
        "attachment; filename=\"catalog.xlsx\"; filename*=UTF-8''\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "catalog.xlsx")"
    )
    return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
  }

  /// `GET /admin/catalog/import`
  @Sendable static func show(req: Request) async throws -> HTML {
    try req.authorize(.manageCatalog)
    return CatalogImportPage.render(.form(nil), try await req.pageContext())
  }

  struct Upload: Content {
    var file: File?
    var upload: String?
    var confirm: String?
  }

  /// `POST /admin/catalog/import`: a new file is checked (dry run); `upload` + `confirm` imports a checked one.
  @Sendable static func submit(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageCatalog)
    let context = try await req.pageContext()
    let body = try req.content.decode(Upload.self)
    func page(_ stage: CatalogImportPage.Stage, _ status: HTTPResponseStatus = .ok) -> Response {
      .html(CatalogImportPage.render(stage, context), status: status)
    }
    if let upload = body.upload, body.confirm != nil {
      guard let bytes = stored(upload, req) else {
        return page(
          .form(
            ValidationError(field: "file", zh: "待导入的文件已失效，请重新上传。", en: "That upload has expired; upload it again.")),
          .unprocessableEntity)
      }
      let (items, problems) = try await CatalogSpreadsheet.read(bytes, req.database)
      guard problems.isEmpty else { return page(.problems(fileName: "", problems), .unprocessableEntity) }
      let catalog = CatalogRepository(req.database)
      let plan = try await catalog.plan(items)
      try await catalog.apply(
        plan, by: staff.username, note: "Excel 导入", county: try await CatalogAdminController.county(req), now: req.now)
      req.application.lookups.invalidate()
      try? FileManager.default.removeItem(atPath: path(upload, req))
      return page(.done(created: plan.created.count, updated: plan.updated.count, unchanged: plan.unchanged.count))
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
    let (items, problems) = try await CatalogSpreadsheet.read(bytes, req.database)
    guard problems.isEmpty else { return page(.problems(fileName: file.filename, problems), .unprocessableEntity) }
    let plan = try await CatalogRepository(req.database).plan(items)
    let upload = Hex.encode(SHA256.hash(data: bytes))
    try FileManager.default.createDirectory(atPath: directory(req), withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: path(upload, req)), options: .atomic)
    return page(
      .plan(
        fileName: file.filename, upload: upload,
        created: plan.created.map { .init(code: $0.code, name: $0.name, changes: []) },
        updated: plan.updated.map { .init(code: $0.item.code, name: $0.item.name, changes: $0.changes) },
        unchanged: plan.unchanged.count))
  }

  private static func directory(_ req: Request) -> String {
    req.application.configuration.dataDirectory + "/imports"
  }

  private static func path(_ upload: String, _ req: Request) -> String {
    directory(req) + "/\(upload).xlsx"
  }

  /// The stored upload, if `upload` is a SHA-256 we wrote.
  private static func stored(_ upload: String, _ req: Request) -> [UInt8]? {
    guard upload.count == 64, upload.allSatisfy(\.isHexDigit) else { return nil }
    return FileManager.default.contents(atPath: path(upload, req)).map { Array($0) }
  }
}
