import Foundation

/// The values a browser would submit from the form posting to `action` on a page: text and hidden inputs,
/// checked checkboxes and radio buttons, selected options and textareas. Enough HTML reading for the app's own forms.
enum FormFields {
  static func read(_ html: String, action: String) -> [String: String] {
    fields(html, after: "action=\"\(action)\"")
  }

  /// The form with `id` (several forms on a page may post to the same action).
  static func read(_ html: String, formID: String) -> [String: String] {
    fields(html, after: "id=\"\(formID)\"")
  }

  private static func fields(_ html: String, after marker: String) -> [String: String] {
    guard let start = html.range(of: marker),
      let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex)
    else { return [:] }
    // From the form's opening tag, so attributes written before the marker are not lost.
    let open = html[..<start.lowerBound].range(of: "<form", options: .backwards)?.lowerBound ?? start.upperBound
    let form = String(html[open..<end.lowerBound])
    var fields: [String: String] = [:]
    for tag in matches(#"<input [^>]*>"#, in: form) {
      guard let name = attribute("name", of: tag) else { continue }
      let type = attribute("type", of: tag) ?? "text"
      if type == "checkbox" || type == "radio" {
        if tag.contains(" checked") { fields[name] = attribute("value", of: tag) ?? "on" }
      } else if type != "submit" {
        fields[name] = attribute("value", of: tag) ?? ""
      }
    }
    for select in matches(#"<select [^>]*>.*?</select>"#, in: form) {
      guard let name = attribute("name", of: select) else { continue }
      let options = matches(#"<option [^>]*>"#, in: select)
      let chosen = options.first { $0.contains(" selected") } ?? options.first
      fields[name] = chosen.flatMap { attribute("value", of: $0) } ?? ""
    }
    for area in matches(#"<textarea [^>]*>.*?</textarea>"#, in: form) {
      guard let name = attribute("name", of: area), let open = area.firstIndex(of: ">"),
        let close = area.range(of: "</textarea>")
      else { continue }
      fields[name] = unescape(String(area[area.index(after: open)..<close.lowerBound]))
    }
    return fields
  }

  private static func matches(_ pattern: String, in text: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
      return []
    }
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
  }

  private static func attribute(_ name: String, of tag: String) -> String? {
    guard let range = tag.range(of: " \(name)=\"") else { return nil }
    guard let close = tag[range.upperBound...].firstIndex(of: "\"") else { return nil }
    return unescape(String(tag[range.upperBound..<close]))
  }

  private static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
