import OneWindowDomain

/// Small pieces every admin form uses: labelled inputs that show their own error and point to it.
struct FormParts {
  let context: PageContext
  let errors: [ValidationError]
  /// Inputs whose id is not their field's name (several copies of one form on a page): field → id.
  var anchors: [String: String] = [:]

  func error(_ field: String) -> HTML {
    let messages = errors.filter { $0.field == field }.map { context.t($0.message) }
    guard !messages.isEmpty else { return .empty }
    return "<p class=\"field-error\" id=\"\(field)-error\" role=\"alert\">\(messages.joined(separator: " "))</p>"
  }

  func invalid(_ field: String) -> HTML {
    errors.contains { $0.field == field } ? " aria-invalid=\"true\" aria-describedby=\"\(field)-error\"" : .empty
  }

  func text(_ field: String, _ label: String, _ value: String, required: Bool = false, readonly: Bool = false) -> HTML {
    """
    <div><label for="\(field)">\(label)\(required ? " *" : "")</label>\
    <input type="text" id="\(field)" name="\(field)" value="\(value)"\(invalid(field))\(readonly ? " readonly" : "")>\
    \(error(field))</div>
    """
  }

  /// A phone number: the phone's dial pad on a phone (type=tel), filled in from the browser's own number.
  func phone(_ field: String, _ label: String, _ value: String, required: Bool = false) -> HTML {
    """
    <div><label for="\(field)">\(label)\(required ? " *" : "")</label>\
    <input type="tel" autocomplete="tel" id="\(field)" name="\(field)" value="\(value)"\(invalid(field))>\
    \(error(field))</div>
    """
  }

  func number(_ field: String, _ label: String, _ value: Int?) -> HTML {
    """
    <div><label for="\(field)">\(label)</label>\
    <input type="text" inputmode="numeric" id="\(field)" name="\(field)" value="\(value.map(String.init) ?? "")"\(invalid(field))>\
    \(error(field))</div>
    """
  }

  func date(_ field: String, _ label: String, _ value: String) -> HTML {
    """
    <div><label for="\(field)">\(label)</label>\
    <input type="date" id="\(field)" name="\(field)" value="\(value)"\(invalid(field))>\(error(field))</div>
    """
  }

  func area(_ field: String, _ label: String, _ value: String) -> HTML {
    """
    <div><label for="\(field)">\(label)</label>\
    <textarea id="\(field)" name="\(field)"\(invalid(field))>\(value)</textarea>\(error(field))</div>
    """
  }

  func select(_ field: String, _ label: String, _ options: [(String, String)], _ selected: String) -> HTML {
    let rendered = options.map { value, name -> HTML in
      "<option value=\"\(value)\"\(value == selected ? " selected" : "")>\(name)</option>"
    }
    return """
      <div><label for="\(field)">\(label)</label><select id="\(field)" name="\(field)"\(invalid(field))>\(rendered)</select>\
      \(error(field))</div>
      """
  }

  func check(_ field: String, _ label: String, _ on: Bool) -> HTML {
    "<label><input type=\"checkbox\" name=\"\(field)\" value=\"on\"\(on ? " checked" : "")> \(label)</label>"
  }

  /// All errors at the top of a form, each linking to its field (put in the fields' order on the page by the page
  /// script). `saves: false` for a form that saves nothing anyway (a look-up, a check-in, a sign-in).
  func summary(saves: Bool = true) -> HTML {
    guard !errors.isEmpty else { return .empty }
    let items = errors.map { "<li><a href=\"#\(anchor($0.field))\">\(context.t($0.message))</a></li>" as HTML }
    let heading =
      saves
      ? context.t("有 \(errors.count) 处需要修改，未保存任何内容：", "\(errors.count) problem(s) to fix; nothing was saved:")
      : context.t("有 \(errors.count) 处需要修改：", "\(errors.count) problem(s) to fix:")
    return """
      <div class="alert" role="alert" tabindex="-1" id="error-summary"><p><b>\(heading)</b></p>\
      <ul>\(items)</ul></div>
      """
  }

  /// The id of the input an error field points at (`materials.3.name` → `material_name_2`).
  func anchor(_ field: String) -> String {
    if let id = anchors[field] { return id }
    let parts = field.split(separator: ".")
    if parts.count == 3, let row = Int(parts[1]) {
      let kind = parts[0] == "materials" ? "material" : "step"
      return "\(kind)_\(parts[2] == "limit_days" ? "limit" : String(parts[2]))_\(row - 1)"
    }
    return field
  }
}
