import Foundation

/// 站内消息: a notification as the portal's 我的消息 and the workbench show it. Stored as its kind and facts, so it
/// reads in the reader's language.
public struct InAppMessage: Sendable, Hashable, Identifiable {
  public let id: UUID
  public let kind: NotificationKind
  public let caseNumber: String?
  public let facts: [String: String]
  public let createdAt: Date
  public let readAt: Date?

  public init(
    id: UUID, kind: NotificationKind, caseNumber: String?, facts: [String: String], createdAt: Date, readAt: Date?
  ) {
    self.id = id
    self.kind = kind
    self.caseNumber = caseNumber
    self.facts = facts
    self.createdAt = createdAt
    self.readAt = readAt
  }

  public var text: NotificationText { NotificationText(kind, facts) }
  public var isRead: Bool { readAt != nil }

  /// The in-app address of a portal account and of a staff member.
  public static func account(citizen id: String) -> String { "citizen:" + id }
  public static func account(staff id: String) -> String { "staff:" + id }
}
