/// 申请材料: one material of an item's list, as the guide prints it and the window checks it.
public struct Material: Sendable, Hashable, Codable {
  public var name: String
  /// 必要 (true) or 非必要.
  public var required: Bool
  /// 容缺后补: may be missing at acceptance and supplied later.
  public var deferrable: Bool
  public var form: MaterialForm
  public var copies: Int
  public var source: MaterialSource
  /// 受理标准: what the clerk checks.
  public var standard: String
  /// 空白表格: a file name or address of the blank form, empty when there is none.
  public var blankForm: String
  /// 示例样表: a file name or address of a filled-in sample, empty when there is none.
  public var sample: String

  public init(
    name: String, required: Bool = true, deferrable: Bool = false, form: MaterialForm = .original,
    copies: Int = 1, source: MaterialSource = .applicant, standard: String = "", blankForm: String = "",
    sample: String = ""
  ) {
    self.name = name
    self.required = required
    self.deferrable = deferrable
    self.form = form
    self.copies = copies
    self.source = source
    self.standard = standard
    self.blankForm = blankForm
    self.sample = sample
  }

  /// Materials with the same name are the same paper, whichever item asks for it (a bundle's list shows it once).
  public var normalizedName: String {
    String(name.filter { !$0.isWhitespace && !"（）()【】[]《》".contains($0) })
  }
}

/// 材料形式.
public enum MaterialForm: String, Sendable, Codable, CaseIterable {
  case original
  case copy
  case originalOrCopy
  case paperForm
  case electronic
  /// 系统自动获取无需提交: fetched from the shared e-certificate store.
  case fetched

  public var name: LocalizedText {
    switch self {
    case .original: LocalizedText(zh: "原件", en: "Original")
    case .copy: LocalizedText(zh: "复印件", en: "Copy")
    case .originalOrCopy: LocalizedText(zh: "原件或复印件", en: "Original or copy")
    case .paperForm: LocalizedText(zh: "纸质表格", en: "Paper form")
    case .electronic: LocalizedText(zh: "电子文件", en: "Electronic file")
    case .fetched: LocalizedText(zh: "系统自动获取，无需提交", en: "Fetched by the system")
    }
  }
}

/// 材料来源.
public enum MaterialSource: String, Sendable, Codable, CaseIterable {
  /// 申请人自备.
  case applicant
  /// 政府部门核发: then only its number is asked.
  case government
  case other

  public var name: LocalizedText {
    switch self {
    case .applicant: LocalizedText(zh: "申请人自备", en: "Applicant")
    case .government: LocalizedText(zh: "政府部门核发", en: "Issued by a government body")
    case .other: LocalizedText(zh: "其他", en: "Other")
    }
  }
}
