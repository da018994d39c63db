/// "一件事": several items applied for at once with one form and one material list, led by one department and
/// worked on in parallel. (DESIGN.md calls it Bundle; Foundation already owns that name.)
public struct ServiceBundle: Sendable, Hashable, Codable {
  /// A short slug, e.g. `newborn`.
  public let id: String
  public var name: String
  public var summary: String
  public var audience: Audience
  public var itemCodes: [String]
  public var leadDepartmentID: String

  public init(
    id: String, name: String, summary: String, audience: Audience, itemCodes: [String], leadDepartmentID: String
  ) {
    self.id = id
    self.name = name
    self.summary = summary
    self.audience = audience
    self.itemCodes = itemCodes
    self.leadDepartmentID = leadDepartmentID
  }

  /// Field-named problems, given the catalog's items by code.
  public func problems(items: [String: ServiceItem]) -> [ValidationError] {
    var errors: [ValidationError] = []
    if name.trimmed.isEmpty {
      errors.append(ValidationError(field: "name", zh: "请填写“一件事”名称。", en: "Enter the bundle's name."))
    }
    if Set(itemCodes).count < 2 {
      errors.append(
        ValidationError(field: "item_codes", zh: "“一件事”至少包含两个不同事项。", en: "A bundle needs at least two items."))
    }
    let missing = itemCodes.filter { items[$0] == nil }
    if !missing.isEmpty {
      errors.append(
        ValidationError(
          field: "item_codes", zh: "事项不存在：\(missing.joined(separator: "、"))。",
          en: "No such items: \(missing.joined(separator: ", "))."))
    }
    if !itemCodes.compactMap({ items[$0]?.departmentID }).contains(leadDepartmentID) {
      errors.append(
        ValidationError(
          field: "lead_department_id", zh: "牵头部门须是所含事项之一的实施部门。",
          en: "The lead department must implement one of the bundle's items."))
    }
    return errors
  }

  /// The one material list of the bundle: a paper several items ask for appears once, required if any item
  /// requires it, in the largest number of copies, and deferrable only if every item allows that.
  public static func combinedMaterials(of items: [ServiceItem]) -> [CombinedMaterial] {
    var combined: [CombinedMaterial] = []
    var index: [String: Int] = [:]
    for item in items {
      for material in item.materials {
        let key = material.normalizedName
        if let at = index[key] {
          combined[at].merge(material, from: item.code)
        } else {
          index[key] = combined.count
          combined.append(CombinedMaterial(material: material, itemCodes: [item.code]))
        }
      }
    }
    return combined
  }
}

/// A material of a bundle's list and the items that ask for it.
public struct CombinedMaterial: Sendable, Hashable {
  public private(set) var material: Material
  public private(set) var itemCodes: [String]

  mutating func merge(_ other: Material, from itemCode: String) {
    material.required = material.required || other.required
    material.deferrable = material.deferrable && other.deferrable && material.required
    material.copies = max(material.copies, other.copies)
    if !itemCodes.contains(itemCode) { itemCodes.append(itemCode) }
  }
}
