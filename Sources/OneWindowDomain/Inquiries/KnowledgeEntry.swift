import Foundation

/// 知识库: a question answered once for all (seed 004: "沉淀标准化咨询库…问一次、一口清"). Staff make one from an
/// answered consultation, review and edit it, tie it to items; published entries show on the items' guides, at the
/// window beside the item, and in the portal's search. Each has an owner department and a review date; past it the
/// entry is stale (过期待复核) and says so wherever it shows.
public struct KnowledgeEntry: Sendable, Hashable, Codable {
  public enum State: String, Sendable, Codable, CaseIterable {
    case draft
    case published
    case withdrawn

    public var name: LocalizedText {
      switch self {
      case .draft: LocalizedText(zh: "草稿", en: "Draft")
      case .published: LocalizedText(zh: "已发布", en: "Published")
      case .withdrawn: LocalizedText(zh: "已撤下", en: "Withdrawn")
      }
    }
  }

  public let id: String
  public var question: String
  public var answer: String
  public var itemCodes: [String]
  public var departmentID: String
  public var reviewBy: CivilDate
  public var state: State
  /// The inquiry it was made from, if any.
  public let sourceNumber: String?
  public var updatedBy: String
  public var updatedAt: Date

  public init(
    id: String, question: String, answer: String, itemCodes: [String], departmentID: String, reviewBy: CivilDate,
    state: State, sourceNumber: String?, updatedBy: String, updatedAt: Date
  ) {
    self.id = id
    self.question = question
    self.answer = answer
    self.itemCodes = itemCodes
    self.departmentID = departmentID
    self.reviewBy = reviewBy
    self.state = state
    self.sourceNumber = sourceNumber
    self.updatedBy = updatedBy
    self.updatedAt = updatedAt
  }

  /// Past its review date: still shown, flagged until someone reviews it.
  public func isStale(today: CivilDate) -> Bool { reviewBy < today }

  /// Every problem of the entry, by field (an empty list when it may be saved).
  public func problems(today: CivilDate, knownItems: Set<String>) -> [ValidationError] {
    var problems: [ValidationError] = []
    let q = question.trimmingCharacters(in: .whitespacesAndNewlines)
    if q.isEmpty {
      problems.append(ValidationError(field: "question", zh: "请填写问题", en: "Enter the question"))
    } else if q.count > 200 {
      problems.append(
        ValidationError(field: "question", zh: "问题请控制在 200 字以内", en: "Keep the question within 200 characters"))
    }
    let a = answer.trimmingCharacters(in: .whitespacesAndNewlines)
    if a.isEmpty {
      problems.append(ValidationError(field: "answer", zh: "请填写答案", en: "Enter the answer"))
    } else if a.count > 4000 {
      problems.append(
        ValidationError(field: "answer", zh: "答案请控制在 4000 字以内", en: "Keep the answer within 4,000 characters"))
    }
    if departmentID.isEmpty {
      problems.append(ValidationError(field: "department_id", zh: "请选择负责维护的部门", en: "Choose the owner department"))
    }
    if let unknown = itemCodes.first(where: { !knownItems.contains($0) }) {
      problems.append(
        ValidationError(field: "item_codes", zh: "没有编码为「\(unknown)」的事项", en: "No item has the code \(unknown)"))
    }
    if itemCodes.count > 20 {
      problems.append(ValidationError(field: "item_codes", zh: "最多关联 20 个事项", en: "Tie it to 20 items at most"))
    }
    if state == .published && reviewBy < today {
      problems.append(
        ValidationError(
          field: "review_by", zh: "发布时复核日期不能早于今天", en: "A published entry's review date is not in the past"))
    }
    return problems
  }

  /// The lowercase text a search matches: question, answer, and the pinyin initials of the question.
  public var searchText: String {
    ([question.lowercased(), answer.lowercased()] + PinyinInitials.variants(of: question, limit: 4))
      .joined(separator: " ")
  }
}
