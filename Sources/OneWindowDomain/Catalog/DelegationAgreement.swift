/// 委托书: a county department delegates the acceptance of some of its items to a town (or a site in it). An
/// item's 委托受理 mode at a level is in force only while an agreement covers the item there.
public struct DelegationAgreement: Sendable, Hashable, Codable {
  public let id: String
  /// The document number printed on the agreement, e.g. 云溪公委〔2026〕3号.
  public var documentNumber: String
  /// 委托方: the county department.
  public var departmentID: String
  /// 受托方: the town or village region whose service site accepts the items.
  public var delegateRegion: RegionCode
  public var itemCodes: [String]
  /// 印章: the seal the agreement carries (whose seal, or the scan's file name).
  public var seal: String
  public var validFrom: CivilDate
  public var validUntil: CivilDate
  /// 权责: what each side answers for.
  public var responsibilities: String

  public init(
    id: String, documentNumber: String, departmentID: String, delegateRegion: RegionCode, itemCodes: [String],
    seal: String, validFrom: CivilDate, validUntil: CivilDate, responsibilities: String
  ) {
    self.id = id
    self.documentNumber = documentNumber
    self.departmentID = departmentID
    self.delegateRegion = delegateRegion
    self.itemCodes = itemCodes
    self.seal = seal
    self.validFrom = validFrom
    self.validUntil = validUntil
    self.responsibilities = responsibilities
  }

  public func isInForce(on date: CivilDate) -> Bool {
    validFrom <= date && date <= validUntil
  }

  /// Whether the agreement lets `region` (the delegate or a region inside it) accept `itemCode` on `date`.
  public func covers(itemCode: String, in region: RegionCode, on date: CivilDate) -> Bool {
    isInForce(on: date) && itemCodes.contains(itemCode) && region.value.hasPrefix(delegateRegion.value)
  }

  /// Field-named problems: missing seal, dates out of order, no items, items of another department.
  public func problems(items: [String: ServiceItem]) -> [ValidationError] {
    var errors: [ValidationError] = []
    if documentNumber.trimmed.isEmpty {
      errors.append(ValidationError(field: "document_number", zh: "请填写委托书文号。", en: "Enter the document number."))
    }
    if seal.trimmed.isEmpty {
      errors.append(
        ValidationError(field: "seal", zh: "委托书须加盖委托部门印章。", en: "The agreement must carry the department's seal."))
    }
    if validUntil < validFrom {
      errors.append(
        ValidationError(field: "valid_until", zh: "有效期截止日不能早于起始日。", en: "The end date is before the start date."))
    }
    if itemCodes.isEmpty {
      errors.append(ValidationError(field: "item_codes", zh: "请至少选择一个委托事项。", en: "Choose at least one item."))
    }
    for code in itemCodes {
      guard let item = items[code] else {
        errors.append(ValidationError(field: "item_codes", zh: "事项 \(code) 不存在。", en: "No item \(code)."))
        continue
      }
      if item.departmentID != departmentID {
        errors.append(
          ValidationError(
            field: "item_codes", zh: "事项“\(item.name)”不属于委托部门，不能委托。",
            en: "\(item.name) belongs to another department and cannot be delegated by this one."))
      }
    }
    return errors
  }
}

/// How an item is actually handled at a place on a day, once delegation agreements are taken into account.
public enum HandlingRule {
  /// The mode in force for `item` at `level` in `region` on `date`, or `nil` when the level does not exercise the
  /// item. A delegated mode without an agreement in force falls back to 收件转办: the site still takes the
  /// application in, but forwards it to the department instead of accepting it.
  public static func mode(
    of item: ServiceItem, at level: RegionLevel, in region: RegionCode, on date: CivilDate,
    agreements: [DelegationAgreement]
  ) -> HandlingMode? {
    guard item.levels.contains(level), let mode = item.handling[level] else { return nil }
    guard mode == .delegated else { return mode }
    let covered = agreements.contains {
      $0.departmentID == item.departmentID && $0.covers(itemCode: item.code, in: region, on: date)
    }
    return covered ? .delegated : .collectForward
  }
}
