import Foundation

/// Charts drawn on the server as inline SVG: no script, no chart library, and they print. Series are told apart by
/// line style and marker as well as colour, so a grey print still reads; every chart carries a title and a
/// description for screen readers, and the table beside it holds the same numbers.
public enum SVGChart {
  public struct Series: Sendable {
    public let name: String
    /// One value per label; nil where there is nothing to show (the line breaks there).
    public let values: [Double?]

    public init(name: String, values: [Double?]) {
      self.name = name
      self.values = values
    }
  }

  public enum Scale: Sendable {
    /// 0 … 100 %.
    case percent
    /// 0 … a round number above the largest value.
    case count
  }

  static let styles: [(color: String, dash: String, marker: String)] = [
    ("#1d4e89", "", "circle"), ("#b42318", "6 4", "square"), ("#1a7f37", "2 3", "diamond"),
    ("#7a5af8", "10 3 2 3", "circle"),
  ]

  static let width = 560.0
  static let height = 250.0
  static let left = 52.0
  static let right = 16.0
  static let top = 16.0
  static let bottom = 40.0

  /// A line chart of `series` over `labels`.
  public static func lines(id: String, title: String, labels: [String], series: [Series], scale: Scale) -> HTML {
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
    let top = scale == .percent ? 1.0 : roundUp(largest)
    // Counts are whole numbers: ticks at whole steps (0, 2, 4, … 10 rather than 0, 2.5, … 10).
    let steps =
      scale == .percent ? 4 : top <= 4 ? Int(top) : top.truncatingRemainder(dividingBy: 5) == 0 ? 5 : 4
    func x(_ index: Int) -> Double {
      labels.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(labels.count - 1)
    }
    func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - min(max(value / top, 0), 1)) }
    var parts: [String] = []
    for step in 0...steps {
      let value = top * Double(step) / Double(steps)
      let yy = y(value)
      parts.append(
        "<line x1=\"\(fmt(left))\" y1=\"\(fmt(yy))\" x2=\"\(fmt(width - right))\" y2=\"\(fmt(yy))\" stroke=\"#d9e2ec\"/>"
      )
      let text = scale == .percent ? "\(Int((value * 100).rounded()))%" : number(value)
      parts.append(
        "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(yy + 4))\" text-anchor=\"end\" font-size=\"13\">\(HTML.escape(text))</text>"
      )
    }
    // At most about twelve labels under the axis; the table holds all of them.
    let every = max(1, Int((Double(labels.count) / 12).rounded(.up)))
    for (index, label) in labels.enumerated() where index % every == 0 || index == labels.count - 1 {
      parts.append(
        "<text x=\"\(fmt(x(index)))\" y=\"\(fmt(height - bottom + 18))\" text-anchor=\"middle\" font-size=\"13\">\(HTML.escape(label))</text>"
      )
    }
    for (number, line) in series.enumerated() {
      let style = styles[number % styles.count]
      var path = ""
      var pen = false
      for (index, value) in line.values.enumerated() where index < labels.count {
        guard let value else {
          pen = false
          continue
        }
        path += "\(pen ? "L" : "M")\(fmt(x(index))) \(fmt(y(value))) "
        pen = true
        parts.append(marker(style.marker, x: x(index), y: y(value), color: style.color))
      }
      if !path.isEmpty {
        let dash = style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\""
        parts.append(
          "<path d=\"\(path)\" fill=\"none\" stroke=\"\(style.color)\" stroke-width=\"2\"\(dash)><title>\(HTML.escape(line.name))</title></path>"
        )
      }
    }
    var legend = ""
    var legendX = left
    for (number, line) in series.enumerated() {
      let style = styles[number % styles.count]
      let dash = style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\""
      legend +=
        "<line x1=\"\(fmt(legendX))\" y1=\"\(fmt(height - 8))\" x2=\"\(fmt(legendX + 24))\" y2=\"\(fmt(height - 8))\" stroke=\"\(style.color)\" stroke-width=\"2\"\(dash)/>"
        + marker(style.marker, x: legendX + 12, y: height - 8, color: style.color)
        + "<text x=\"\(fmt(legendX + 30))\" y=\"\(fmt(height - 4))\" font-size=\"13\">\(HTML.escape(line.name))</text>"
      legendX += 40 + Double(line.name.count) * 12
    }
    let description = series.map { line in
      line.name + ": "
        + zip(labels, line.values).map { "\($0) \($1.map { scale == .percent ? percent($0) : number($0) } ?? "—")" }
        .joined(separator: ", ")
    }.joined(separator: "; ")
    return HTML(
      unsafe: """
        <svg class="chart" id="\(HTML.escape(id))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
        aria-labelledby="\(HTML.escape(id))-title \(HTML.escape(id))-desc" xmlns="http://www.w3.org/2000/svg">\
        <title id="\(HTML.escape(id))-title">\(HTML.escape(title))</title>\
        <desc id="\(HTML.escape(id))-desc">\(HTML.escape(description))</desc>\
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="#fff"/>\
        \(parts.joined())\(legend)</svg>
        """)
  }

  private static func marker(_ kind: String, x: Double, y: Double, color: String) -> String {
    switch kind {
    case "square":
      "<rect x=\"\(fmt(x - 3.5))\" y=\"\(fmt(y - 3.5))\" width=\"7\" height=\"7\" fill=\"\(color)\"/>"
    case "diamond":
      "<path d=\"M\(fmt(x)) \(fmt(y - 5)) L\(fmt(x + 5)) \(fmt(y)) L\(fmt(x)) \(fmt(y + 5)) L\(fmt(x - 5)) \(fmt(y)) Z\" fill=\"\(color)\"/>"
    default:
      "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"3.5\" fill=\"\(color)\"/>"
    }
  }

  /// The smallest of 1, 2, 5 × 10ⁿ at or above `value` (at least 1).
  static func roundUp(_ value: Double) -> Double {
    guard value > 1 else { return 1 }
    let magnitude = pow(10, floor(log10(value)))
    for factor in [1.0, 2, 5, 10] where factor * magnitude >= value { return factor * magnitude }
    return 10 * magnitude
  }

  static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

  static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
  }

  static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
