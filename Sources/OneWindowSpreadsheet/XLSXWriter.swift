extension Workbook {
  /// The workbook as an .xlsx file: inline strings, a bold frozen header row, the given column widths.
  public func xlsx() -> [UInt8] {
    var entries: [ZipArchive.Entry] = []
    func add(_ name: String, _ text: String) { entries.append(.init(name: name, data: Array(text.utf8))) }
    let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    let overrides = sheets.indices.map {
      #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
    }.joined()
    add(
      "[Content_Types].xml",
      header
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        + overrides + "</Types>")
    add(
      "_rels/.rels",
      header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    )
    let sheetList = sheets.enumerated().map {
      #"<sheet name="\#(XMLScanner.escape($1.name))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"#
    }.joined()
    add(
      "xl/workbook.xml",
      header
        + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        + sheetList + "</sheets></workbook>")
    let relationships = sheets.indices.map {
      #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
    }.joined()
    add(
      "xl/_rels/workbook.xml.rels",
      header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + relationships
        + #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
    )
    add(
      "xl/styles.xml",
      header
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>"#
    )
    for (index, sheet) in sheets.enumerated() {
      add("xl/worksheets/sheet\(index + 1).xml", header + Self.sheetXML(sheet))
    }
    return ZipArchive(entries: entries).bytes()
  }

  private static func sheetXML(_ sheet: Sheet) -> String {
    var xml =
      #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
    if !sheet.widths.isEmpty {
      xml += "<cols>"
      for (index, width) in sheet.widths.enumerated() {
        xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
      }
      xml += "</cols>"
    }
    xml += "<sheetData>"
    for (rowIndex, row) in sheet.rows.enumerated() {
      xml += #"<row r="\#(rowIndex + 1)">"#
      for (column, text) in row.enumerated() where !text.isEmpty {
        let reference = columnName(column) + String(rowIndex + 1)
        let style = rowIndex == 0 ? #" s="1""# : ""
        let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? #" xml:space="preserve""# : ""
        xml += #"<c r="\#(reference)" t="inlineStr"\#(style)><is><t\#(space)>\#(XMLScanner.escape(text))</t></is></c>"#
      }
      xml += "</row>"
    }
    return xml + "</sheetData></worksheet>"
  }
}
