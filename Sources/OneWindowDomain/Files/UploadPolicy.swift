/// The kinds of file a scan, an electronic result, or a material's blank form or sample may be.
public enum FileKind: String, Sendable, Codable, CaseIterable {
  case pdf
  case jpeg
  case png
  /// Word and Excel files (Office Open XML), for the blank forms of the guide only.
  case docx
  case xlsx

  public var mimeType: String {
    switch self {
    case .pdf: "application/pdf"
    case .jpeg: "image/jpeg"
    case .png: "image/png"
    case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    }
  }

  public var label: String {
    switch self {
    case .pdf: "PDF"
    case .jpeg: "JPG"
    case .png: "PNG"
    case .docx: "DOCX"
    case .xlsx: "XLSX"
    }
  }

  /// The kind a file name's extension claims, if any.
  public init?(fileName: String) {
    guard let dot = fileName.lastIndex(of: ".") else { return nil }
    switch fileName[fileName.index(after: dot)...].lowercased() {
    case "pdf": self = .pdf
    case "jpg", "jpeg": self = .jpeg
    case "png": self = .png
    case "docx": self = .docx
    case "xlsx": self = .xlsx
    default: return nil
    }
  }

  /// The kind a MIME type claims, if any.
  public init?(mimeType: String) {
    let base = mimeType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard let kind = Self.allCases.first(where: { $0.mimeType == base || (base == "image/jpg" && $0 == .jpeg) })
    else { return nil }
    self = kind
  }

  /// The kind the content really is, from its first bytes (magic numbers). Word and Excel files are both ZIP
  /// containers: a ZIP is taken for the one of the two its name claims.
  public init?(content head: [UInt8], claimed: FileKind? = nil) {
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      guard let claimed, claimed == .docx || claimed == .xlsx else { return nil }
      self = claimed
    } else if head.starts(with: Array("%PDF-".utf8)) {
      self = .pdf
    } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
      self = .jpeg
    } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      self = .png
    } else {
      return nil
    }
  }
}

/// What an upload must be: one of the allowed kinds, no larger than the limit, and really what its name and type
/// say it is (a renamed program or a PNG called .pdf is refused).
public struct UploadPolicy: Sendable {
  public let maxBytes: Int
  public let kinds: [FileKind]

  public init(maxBytes: Int = 10 * 1024 * 1024, kinds: [FileKind] = [.pdf, .jpeg, .png]) {
    self.maxBytes = maxBytes
    self.kinds = kinds
  }

  /// The standard for scans of application materials.
  public static let scans = UploadPolicy()

  /// A material's 空白表格 or 示例样表, as the guide offers them for download.
  public static let guideFiles = UploadPolicy(kinds: [.pdf, .docx, .xlsx, .jpeg, .png])

  /// Checks one upload and returns the kind it is; every refusal names `field` and the file.
  public func check(
    field: String, fileName: String, declaredType: String?, size: Int, head: [UInt8]
  ) throws(ValidationError) -> FileKind {
    let allowed = kinds.map(\.label).joined(separator: "、")
    guard size > 0 else {
      throw ValidationError(field: field, zh: "「\(fileName)」是空文件", en: "'\(fileName)' is empty")
    }
    guard size <= maxBytes else {
      let megabytes = Double(size) / 1_048_576
      let limit = maxBytes / 1_048_576
      throw ValidationError(
        field: field,
        zh: "「\(fileName)」有 \(Self.oneDecimal(megabytes)) MB，超过 \(limit) MB 的上限",
        en: "'\(fileName)' is \(Self.oneDecimal(megabytes)) MB, over the \(limit) MB limit")
    }
    guard let claimed = FileKind(fileName: fileName), kinds.contains(claimed) else {
      throw ValidationError(
        field: field, zh: "「\(fileName)」的类型不允许：只接受 \(allowed) 文件", en: "Only \(allowed) files are accepted")
    }
    guard let actual = FileKind(content: head, claimed: claimed), kinds.contains(actual) else {
      throw ValidationError(
        field: field, zh: "「\(fileName)」的内容不是 \(claimed.label) 文件",
        en: "'\(fileName)' is not really a \(claimed.label) file")
    }
    if actual != claimed {
      throw ValidationError(
        field: field, zh: "「\(fileName)」名为 \(claimed.label)，内容却是 \(actual.label)",
        en: "'\(fileName)' is named \(claimed.label) but contains \(actual.label)")
    }
    if let declaredType, !declaredType.isEmpty, declaredType != "application/octet-stream",
      let declared = FileKind(mimeType: declaredType), declared != actual
    {
      throw ValidationError(
        field: field, zh: "「\(fileName)」声明为 \(declared.label)，内容却是 \(actual.label)",
        en: "'\(fileName)' is declared \(declared.label) but contains \(actual.label)")
    }
    return actual
  }

  private static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}

/// A file attached to a case: a scan of a material, or an electronic result. Stored by the hash of its content.
public struct Attachment: Sendable, Hashable, Codable {
  /// SHA-256 of the content, hex: the file store's key.
  public let fileID: String
  public let name: String
  public let kind: FileKind
  public let size: Int

  public init(fileID: String, name: String, kind: FileKind, size: Int) {
    self.fileID = fileID
    self.name = name
    self.kind = kind
    self.size = size
  }
}
