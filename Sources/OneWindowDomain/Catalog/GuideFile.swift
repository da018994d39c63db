/// A material's 空白表格 (blank form) or 示例样表 (filled-in sample) as a file the guide offers for download. Kept per
/// item and material name, outside the item's versions: a new form replaces the old one without a new version.
public struct GuideFile: Sendable, Hashable {
  public enum Kind: String, Sendable, CaseIterable {
    case blankForm = "blank"
    case sample

    public var name: LocalizedText {
      switch self {
      case .blankForm: LocalizedText(zh: "空白表格", en: "Blank form")
      case .sample: LocalizedText(zh: "示例样表", en: "Sample")
      }
    }
  }

  public let itemCode: String
  public let material: String
  public let kind: Kind
  public let file: Attachment

  public init(itemCode: String, material: String, kind: Kind, file: Attachment) {
    self.itemCode = itemCode
    self.material = material
    self.kind = kind
    self.file = file
  }
}
