/// One version of an item. Published versions never change: an edit of a published item is a new version, and a
/// case keeps the version it was accepted under.
public struct ItemVersion: Sendable, Hashable, Codable {
  public let item: ServiceItem
  public let number: Int
  /// Milliseconds since 1970 (UTC).
  public let createdAtMs: Int64
  public let createdBy: String
  /// `nil` while the version is a draft.
  public let publishedAtMs: Int64?
  /// What the editor said about the change.
  public let note: String

  public init(
    item: ServiceItem, number: Int, createdAtMs: Int64, createdBy: String, publishedAtMs: Int64?, note: String
  ) {
    self.item = item
    self.number = number
    self.createdAtMs = createdAtMs
    self.createdBy = createdBy
    self.publishedAtMs = publishedAtMs
    self.note = note
  }

  public var isDraft: Bool { publishedAtMs == nil }
}

/// 事项目录条目: an item's state and which of its versions windows and the portal use.
public struct CatalogEntry: Sendable, Hashable {
  public let item: ServiceItem
  public let status: ItemStatus
  /// The version `item` is: the published one, or the first draft of a never-published item.
  public let version: Int
  /// A newer draft waiting to be published, if any.
  public let draftVersion: Int?

  public init(item: ServiceItem, status: ItemStatus, version: Int, draftVersion: Int?) {
    self.item = item
    self.status = status
    self.version = version
    self.draftVersion = draftVersion
  }
}

/// What an admin may do to an item in each state.
public enum ItemLifecycle {
  public enum Action: String, Sendable, CaseIterable {
    case publish
    case suspend
    case resume
    case cancel

    public var name: LocalizedText {
      switch self {
      case .publish: LocalizedText(zh: "发布", en: "Publish")
      case .suspend: LocalizedText(zh: "暂停办理", en: "Suspend")
      case .resume: LocalizedText(zh: "恢复办理", en: "Resume")
      case .cancel: LocalizedText(zh: "取消事项", en: "Cancel the item")
      }
    }

    var pastParticiple: String {
      switch self {
      case .publish: "published"
      case .suspend: "suspended"
      case .resume: "resumed"
      case .cancel: "cancelled"
      }
    }
  }

  /// The state after `action`, or an error naming the state and the action.
  public static func apply(_ action: Action, to status: ItemStatus, hasDraft: Bool) throws -> ItemStatus {
    switch (action, status) {
    case (.publish, .draft): return .published
    case (.publish, .published) where hasDraft: return .published
    case (.publish, .suspended) where hasDraft: return .suspended
    case (.suspend, .published): return .suspended
    case (.resume, .suspended): return .published
    case (.cancel, .draft), (.cancel, .published), (.cancel, .suspended): return .cancelled
    default:
      throw ValidationError(
        field: "action",
        zh: "“\(status.name.zh)”状态的事项不能\(action.name.zh)\(action == .publish ? "（没有待发布的草稿）" : "")。",
        en: "An item that is \(status.name.en.lowercased()) cannot be \(action.pastParticiple)"
          + (action == .publish ? " (there is no draft to publish)." : "."))
    }
  }
}
