import Foundation
import Testing

@testable import OneWindowSpreadsheet

@Suite("Spreadsheet (.xlsx)")
struct SpreadsheetTests {
  @Test("a workbook written here reads back the same, Chinese text, markup characters and gaps included")
  func roundTrip() throws {
    let workbook = Workbook(sheets: [
      Workbook.Sheet(name: "事项", rows: [["基本编码", "事项名称"], ["360702001000", "户籍迁移（迁入）"], [], ["", " <&> \"引号\" "]]),
      Workbook.Sheet(name: "材料", rows: [["a"]]),
    ])
    let read = try Workbook(xlsx: workbook.xlsx())
    #expect(read.sheets.map(\.name) == ["事项", "材料"])
    #expect(read.sheets[0].rows == workbook.sheets[0].rows)
  }

  @Test("reads a deflate-compressed workbook written by another program (openpyxl)")
  func foreign() throws {
    let bytes = try #require(Data(base64Encoded: Self.openpyxl, options: .ignoreUnknownCharacters))
    let workbook = try Workbook(xlsx: Array(bytes))
    let items = try #require(workbook.sheet(named: "事项"))
    #expect(items.rows[0] == ["基本编码", "事项名称", "法定时限（工作日）"])
    #expect(items.rows[2] == ["360105002000", "食品经营许可 & <测试>", "10.5"])
    #expect(items.rows[4] == ["", "", "", "", "跳过的单元格"])
    #expect(workbook.sheet(named: "材料")?.rows.count == 201)
    #expect(workbook.sheet(named: "材料")?.rows[200][1] == "材料199 居民户口簿")
  }

  @Test("an archive that unpacks beyond the cap, or beyond what its header declares, is refused before it fills memory")
  func unpackCaps() throws {
    let bytes = Array(try #require(Data(base64Encoded: Self.openpyxl, options: .ignoreUnknownCharacters)))
    #expect(throws: ZipArchive.Failure.self) { try ZipArchive(bytes: bytes, maxExpandedBytes: 1000) }
    // A zip bomb's trick: the central directory declares a few bytes, the deflate stream holds far more.
    var lying = bytes
    var patched = 0
    var index = 0
    while index + 46 <= lying.count {
      if lying[index] == 0x50, lying[index + 1] == 0x4B, lying[index + 2] == 0x01, lying[index + 3] == 0x02,
        lying[index + 10] == 8
      {
        for offset in 0..<4 { lying[index + 24 + offset] = offset == 0 ? 10 : 0 }  // uncompressed size: 10 bytes
        patched += 1
      }
      index += 1
    }
    #expect(patched > 0)
    #expect(throws: ZipArchive.Failure.self) { try ZipArchive(bytes: lying) }
  }

  @Test("shared strings with rich-text runs and phonetic guides read as their visible text")
  func sharedStrings() throws {
    let shared =
      #"<sst><si><t>甲</t></si><si><r><t>户籍</t></r><r><t xml:space="preserve">迁移 </t></r><rPh><t>コセキ</t></rPh></si></sst>"#
    let sheet =
      #"<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c><c r="C2" t="b"><v>1</v></c></row></sheetData></worksheet>"#
    let workbookXML = #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    let rels = #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#
    let archive = ZipArchive(entries: [
      .init(name: "xl/workbook.xml", data: Array(workbookXML.utf8)),
      .init(name: "xl/_rels/workbook.xml.rels", data: Array(rels.utf8)),
      .init(name: "xl/sharedStrings.xml", data: Array(shared.utf8)),
      .init(name: "xl/worksheets/sheet1.xml", data: Array(sheet.utf8)),
    ])
    let workbook = try Workbook(xlsx: archive.bytes())
    #expect(workbook.sheets[0].rows == [[], ["", "户籍迁移 ", "TRUE"]])
  }

  @Test("a file that is not an .xlsx is refused with a reason, never misread")
  func notAWorkbook() throws {
    #expect(throws: Workbook.Failure.self) { try Workbook(xlsx: Array("名称,编码\n".utf8)) }
    #expect(throws: Workbook.Failure.self) { try Workbook(xlsx: ZipArchive(entries: []).bytes()) }
    var corrupt = Workbook(sheets: [.init(name: "x", rows: [["1"]])]).xlsx()
    corrupt[60] ^= 0xFF
    #expect(throws: Workbook.Failure.self) { try Workbook(xlsx: corrupt) }
  }

  @Test("column names and indexes agree")
  func columns() {
    #expect(Workbook.columnName(0) == "A" && Workbook.columnName(25) == "Z" && Workbook.columnName(27) == "AB")
    #expect(Workbook.columnIndex("AB") == 27)
  }

  /// A workbook saved by openpyxl 3: every part deflated, strings inline.
  static let openpyxl = """
    UEsDBBQAAAAIAJYDeF1Gx01IlQAAAM0AAAAQAAAAZG9jUHJvcHMvYXBwLnhtbE3PTQvCMAwG4L9SdreZih6kDkQ9ip68zy51hbYp
    bYT67+0EP255ecgboi6JIia2mEXxLuRtMzLHDUDWI/o+y8qhiqHke64x3YGMsRoPpB8eA8OibdeAhTEMOMzit7Dp1C5GZ3XPlkJ3
    sjpRJsPiWDQ6sScfq9wcChDneiU+ixNLOZcrBf+LU8sVU57mym/8ZAW/B7oXUEsDBBQAAAAIAJYDeF3yOuhD6wAAAMsBAAARAAAA
    ZG9jUHJvcHMvY29yZS54bWylkcFOwzAMhl9lyr11ko0JRVkvIE4gITEJxC1KvK1ak0aJUbu3py1bB4Ibx/j//NlWtI3KtgmfUxsx
    UY150fsmZGXjhh2IogLI9oDe5HIgwhDu2uQNDc+0h2js0ewRJOdr8EjGGTIwCos4G9lZ6eysjB+pmQTOAjboMVAGUQq4soTJ5z8b
    pmQm+1zPVNd1ZbecuGEjAW9Pjy/T8kUdMplgkVXaWWUTGmpTNV4UT32j4VtRn2d/FdAthgmKThE37JK8Lu/utw+sklyuCyEKudpy
    ruStWt28j64f/Vehb129q/9hvAgqDb/+rfoEUEsDBBQAAAAIAJYDeF2ZXJwjEAYAAJwnAAATAAAAeGwvdGhlbWUvdGhlbWUxLnht
    bO1aW3PaOBR+76/QeGf2bQvGNoG2tBNzaXbbtJmE7U4fhRFYjWx5ZJGEf79HNhDLlg3tkk26mzwELOn7zkVH5+g4efPuLmLohoiU
    8nhg2S/b1ru3L97gVzIkEUEwGaev8MAKpUxetVppAMM4fckTEsPcgosIS3gUy9Zc4FsaLyPW6rTb3VaEaWyhGEdkYH1eLGhA0FRR
    Wm9fILTlHzP4FctUjWWjARNXQSa5iLTy+WzF/NrePmXP6TodMoFuMBtYIH/Ob6fkTlqI4VTCxMBqZz9Wa8fR0kiAgsl9lAW6Sfaj
    0xUIMg07Op1YznZ89sTtn4zK2nQ0bRrg4/F4OLbL0otwHATgUbuewp30bL+kQQm0o2nQZNj22q6RpqqNU0/T933f65tonAqNW0/T
    a3fd046Jxq3QeA2+8U+Hw66JxqvQdOtpJif9rmuk6RZoQkbj63oSFbXlQNMgAFhwdtbM0gOWXin6dZQa2R273UFc8FjuOYkR/sbF
    BNZp0hmWNEZynZAFDgA3xNFMUHyvQbaK4MKS0lyQ1s8ptVAaCJrIgfVHgiHF3K/99Ze7yaQzep19Os5rlH9pqwGn7bubz5P8c+jk
    n6eT101CznC8LAnx+yNbYYcnbjsTcjocZ0J8z/b2kaUlMs/v+QrrTjxnH1aWsF3Pz+SejHIju932WH32T0duI9epwLMi15RGJEWf
    yC265BE4tUkNMhM/CJ2GmGpQHAKkCTGWoYb4tMasEeATfbe+CMjfjYj3q2+aPVehWEnahPgQRhrinHPmc9Fs+welRtH2Vbzco5dY
    FQGXGN80qjUsxdZ4lcDxrZw8HRMSzZQLBkGGlyQmEqk5fk1IE/4rpdr+nNNA8JQvJPpKkY9psyOndCbN6DMawUavG3WHaNI8ev4F
    +Zw1ChyRGx0CZxuzRiGEabvwHq8kjpqtwhErQj5iGTYacrUWgbZxqYRgWhLG0XhO0rQR/FmsNZM+YMjszZF1ztaRDhGSXjdCPmLO
    i5ARvx6GOEqa7aJxWAT9nl7DScHogstm/bh+htUzbCyO90fUF0rkDyanP+kyNAejmlkJvYRWap+qhzQ+qB4yCgXxuR4+5Xp4CjeW
    xrxQroJ7Af/R2jfCq/iCwDl/Ln3Ppe+59D2h0rc3I31nwdOLW95GblvE+64x2tc0LihjV3LNyMdUr5Mp2DmfwOz9aD6e8e362SSE
    r5pZLSMWkEuBs0EkuPyLyvAqxAnoZFslCctU02U3ihKeQhtu6VP1SpXX5a+5KLg8W+Tpr6F0PizP+Txf57TNCzNDt3JL6raUvrUm
    OEr0scxwTh7LDDtnPJIdtnegHTX79l125COlMFOXQ7gaQr4Dbbqd3Do4npiRuQrTUpBvw/npxXga4jnZBLl9mFdt59jR0fvnwVGw
    o+88lh3HiPKiIe6hhpjPw0OHeXtfmGeVxlA0FG1srCQsRrdguNfxLBTgZGAtoAeDr1EC8lJVYDFbxgMrkKJ8TIxF6HDnl1xf49GS
    49umZbVuryl3GW0iUjnCaZgTZ6vK3mWxwVUdz1Vb8rC+aj20FU7P/lmtyJ8MEU4WCxJIY5QXpkqi8xlTvucrScRVOL9FM7YSlxi8
    4+bHcU5TuBJ2tg8CMrm7Oal6ZTFnpvLfLQwJLFuIWRLiTV3t1eebnK56Inb6l3fBYPL9cMlHD+U751/0XUOufvbd4/pukztITJx5
    xREBdEUCI5UcBhYXMuRQ7pKQBhMBzZTJRPACgmSmHICY+gu98gy5KRXOrT45f0Usg4ZOXtIlEhSKsAwFIRdy4+/vk2p3jNf6LIFt
    hFQyZNUXykOJwT0zckPYVCXzrtomC4Xb4lTNuxq+JmBLw3punS0n/9te1D20Fz1G86OZ4B6zh3OberjCRaz/WNYe+TLfOXDbOt4D
    XuYTLEOkfsF9ioqAEativrqvT/klnDu0e/GBIJv81tuk9t3gDHzUq1qlZCsRP0sHfB+SBmOMW/Q0X48UYq2msa3G2jEMeYBY8wyh
    Zjjfh0WaGjPVi6w5jQpvQdVA5T/b1A1o9g00HJEFXjGZtjaj5E4KPNz+7w2wwsSO4e2LvwFQSwMEFAAAAAgAlgN4XaSOgBgxAgAA
    TgQAABgAAAB4bC93b3Jrc2hlZXRzL3NoZWV0MS54bWx1VE1v00AQ/SuWDzlmN4nSosaxRAMIDkhVK+C8STax1bXXrDcJHCOoaFVF
    jYRCRVWpRSjqBbWgCgJtUP9M/ZFT/wK7TmKMsE+emd335j17xlqPsm3XwJgrryxiu1XV4NxZA8BtGNhCbp462BYnLcosxEXK2sB1
    GEbNCGQRUIRwBVjItFVdi2obTNdohxPTxhtMcTuWhdjrdUxor6oW1GVh02wbPCoAXXNQG29h/swRAJGCmKdpWth2TWorDLeq6v3C
    2sNyhIhuPDdxz03EijRTp3RbJk+aVRVKTZjgBpcUSDy6uIYJkUxCycsFqfq3qUQm4yX9o8i/kFdHLq5R8sJscqOq3lOVJm6hDuGb
    tPcYLzwlJD5AHOkaoz2FSbO61pCBbCkumrZ8SVucibopOnHdO7nyj78E0w/BaV8DXCiRddBY4NazcLdX+7NPv7zhIDj7moKrZeH8
    y5F3fuQf/ph9HN5Nd73J+Pb3sX84vpvu/UsDhIXYRzH2UczgLa3AVSgmowAhTPORhfN3J8G3QXjTD86uhR4ReDv/i5l7mnPIsevq
    RdGlm6K0FCstZSstwDKUYlOVZuFmn0+89/3g+iAcjsPzn97BhZJDllNRcoRX/O/74cUo1+aVNOGlhPACzJfTpZeX0uXEp0oIJ5fh
    zbvg6K03GHk7b/zTado3A4k5lHv2FLG2absKwS3BCvOrgp7NB3eecOpEe1mnnFMrCg2x75jJC+K8RSmPE7k48S9E/wNQSwMEFAAA
    AAgAlgN4XQ7C/peCCgAAt3QAABgAAAB4bC93b3Jrc2hlZXRzL3NoZWV0Mi54bWydnc1uIwkVhV8lygOM69Z/jZJI9CAEC6TRjIC1
    u1PpWOPEwXYTWLJAYoMYNiMhgUCaxWxYNCskhMTTdPdrYCd1fS8Sp4tzVm07OfaXtPQpceqrunjcbL/a3Y7j/uyXd+v73eX57X7/
    8OlisXt1O94td59sHsb7w0duNtu75f5wd/t6sXvYjsvrp9HdelEWRbu4W67uz68unh77fHt1sXmzX6/ux8+3Z7s3d3fL7a9ejOvN
    4+W5nfsDX6xe3+6fHlhcXTwsX49fjvufPBwGh7uL0/Ncr+7G+91qc3+2HW8uz79nn74oi+fN0+f8dDU+7tLts+OX83Kz+ep450fX
    l+fFkWpcj6/2xydZHv75xfjZuF4fn+vA8vPpac/jZY/LfNuf/gdP34ED4Mvlbvxss/7Z6np/e3nen59djzfLN+v9F5vHH47TV9UE
    4veX++XVxXbzeLY9frlXF6+ON44vefjE1f3x2/Tlfnt4fHV4pf3Vu7/88/2f/vbhX998+OuvLxb7A8nx8cWrafcC7d7/+ev33/zx
    3de/+/Dd2//eLQ6vfQIoTwAleKKqLbri8J9qRVH8LwC0ewY4jM7e/f0379/+4f1v//Hu999+ePvvj9BUJ5pKpEE7pzGCpj7R1CIN
    2jlNSdA0J5pGpEE7p6kImvZE04o0aOc0NUHTnWg6kQbtnKYhaPoTTS/SoJ3TtATNcKIZRBq0c5qOoLEijFeIPHDoQD0DlBSMXDoL
    9HEJF8XAAIWSTXUyHE5AxkjZwsqmahkOHYjxsoWYTTUzHDoQo2YLN5sqZzh0IMbOFno21c9w6ECMoC0Mbaqi4dCBGEdbSNpUS8Oh
    AzGatvC0qaKGQwdiTF2GqUvV1HDoQIypyzB1qZoaDh2IMXWZfniWf3qeMXXJmLoMU5eqqeHQgRhTl2HqUjU1HDoQY+oyTF2qpoZD
    B2JMXYapS9XUcOhAjKnLMHWpmhoOHYgxdRmmLlVTw6EDMaYuw9Slamo4dCDG1FWYulJNDYcOxJi6ClNXqqnh0IEYU1dh6ko1NRxO
    QBX1Rkd6p0N+q2PG1BVj6ipMXammhkMHYkxdhakr1dRw6ECMqaswdaWaGg4diDF1FaauVFPDoQMxpq7C1JVqajh0IMbUVZi6Uk0N
    hw7EmLoOU9eqqeHQgRhT12HqWjU1HDoQY+o6TF2rpobDCahmTF2HqWvV1HDoQNS70ultafl96RlT14yp6zB1rZoaDh2IMXUdpq5V
    U8OhAzGmrsPUtWpqOHQgxtR1mLpWTQ2HDsSYug5T16qp4dCBGFM3YepGNTUcOhBj6iZM3aimhkMHYkzdhKkb1dRwOAE1jKmbMHWj
    mhoOHYgxdROmblRTw6EDUX9CTH9DlP+IOGPqhjF1E6ZuVFPDoQMxpm7C1I1qajh0IMbUTZi6UU0Nhw7EmLoJUzeqqeHQgRhTt2Hq
    VjU1HDoQY+o2TN2qpoZDB2JM3YapW9XUcDgBtYyp2zB1q5oaDh2IMXUbpm5VU8OhAzGmbsPUrWpqOHQg6niPdMCHfMTHjKlbxtRt
    mLpVTQ2HDsSYug1Tt6qp4dCBGFO3YepWNTUcOhBj6i5M3ammhkMHYkzdhak71dRw6ECMqbswdaeaGg4noI4xdRem7lRTw6EDMabu
    wtSdamo4dCDG1F2YulNNDYcOxJi6C1N3qqnh0IGog/PS0Xny4Xkzpu4YU3dh6k41NRw6EGPqLkzdqaaGQwdiTN2HqXvV1HDoQIyp
    +zB1r5oaDh2IMXUfpu5VU8PhBNQzpu7D1L1qajh0IMbUfZi6V00Nhw7EmLoPU/eqqeHQgRhT92HqXjU1HDoQY+o+TN2rpoZDB6KO
    pE6HUsvHUs+YumdM3Yepe9XUcOhAjKmHMPWgmhoOHYgx9RCmHlRTw6EDMaYewtSDamo4nIAGxtRDmHpQTQ2HDsSYeghTD6qp4dCB
    GFMPYepBNTUcOhBj6iFMPaimhkMHYkw9hKkH1dRw6ECMqYcw9aCaGg4diMpeUvcihy8zph648iWnL3r7MiPrgYpfilS/FHL+ApfO
    RPUvRZmY5AIGLp+ZjOoSrUgNTCFHMHDpTFQFU6QMppA7GLh0JiqEKVIJU8gpDFw6E9XCFCmGKeQaBi6dicphitTDFHIQA5fORBUx
    RUpiCrmJgUtnoqKYIlUxhZzFwKUzUR7PCaPeMM5EjEZGjLli1DPGj3vcuI4xh4x6yTiTMhqXMuaWUY8ZZ2pG42rGnDPqPeNM0Ghc
    0JiLRj1pnGkajWsac9SoV40zWaNxWWPuGvWwcaZsNK5szGmj3jbOxI3GxY25btTzxpm+0ai+0VLgaHLhiJfORHk8NY4mR4546Uxc
    j548LneOeDkxUaGjpdLR5NQRL52J8niKHU2uHfHSmSiPp97R5OARL52J8nhKHk1uHvHSmSiPp+rR5OwRL52J8ngKH00uH/HSmSiP
    p/bR5PgRL52J8njKH03uH/HSmSiPpwLS5AQSL52J8niKIE2uIPFyYqIySKvyuUX0k4vMeJwqIS2lkCa3kHjpTJTHUw1pcg6Jl85E
    eTwFkSYXkXjpTJTHUxNpchSJl85EeTxlkSZ3kXjpTJTHUxlpchqJl85EeTzFkSbXkXjpTJTHUx9pciCJl85EeTwlkiY3kng5MVGR
    pKVK0uRMEi+diTtLVD5NlH6eqBmPU6mkpVbS5FgSL52J8njKJU3uJfHSmSiPp2LS5GQSL52J8niKJk2uJvHSmSiPp27S5HASL52J
    8nhKJ01uJ/HSmSiPp3rS5HwSL52J8ngKKE0uKPFyYqISSksNpckRJV46E+XxlFGa3FHipTNxJ/zLZ/zTT/k343GqpbQUU5pcU+Kl
    M1EeTz2lyUElXjoT5fGUVJrcVOKlM1EeT1WlyVklXjoT5fEUVppcVuKlM1EeT22lyXElXjoT5fE2ebyVPQ6XExMVWFoqLE1OLPHS
    mSiPp8jS5MoSL52J8njqLE0OLfHSmbhzt+aTt+pnb53xOBVbWqotTc4t8dKZKI+n4NLk4hIvnYnyeGouTY4u8dKZKI+n7NLk7hIv
    nYnyeCovTU4v8dKZKI+n+NLk+hIvJyYqv7TUX5ocYOKlM1EeTwmmyQ0mXjoT5fFUYZqcYeKlM1EeTyGmySUmXjoTdxrufB5u/UTc
    Mx6nakxLOabJPSZeOhPl8VRkmpxk4qUzUR5PUabJVSZeOhPl8dRlmhxm4qUzUR5PaabJbSZeTkxUnGmpzjQ5z8RLZ6I8ngJNkwtN
    vHQmyuOp0TQ50sRLZ6I8njJNkztNvHQmyuOp1DQ51cRLZ+KuqJAvqaBfU2HG41SuaanXNDnYxEtnojyekk2Tm028dCbK46naNDnb
    xEtnojyewk2Ty028nJiodNNSu2lyvImXzkR5POWbJvebeOlMlMdTwWlywomXzkR5PEWcJleceOlMlMdTx2lyyImXzkR5PKWcJrec
    eOlM3MVx8tVx9MvjzHic6jnLIl8gR79CzozHqZ6zTD1nKfeceOlM/5fHF+lyl8cLev54uX29ut+drcebw5MXnxx/294+Xx/z+c5+
    8/B0AdCXm/1+c/d083ZcXo/b4yccPn6z2exPd47X5zxdq/TqP1BLAwQUAAAACACWA3hd0gXxRlICAABHCgAADQAAAHhsL3N0eWxl
    cy54bWzdVtuK2zAQ/RXjD6iTmJq4JHmoIVBoy8LuQ1/lWE4EuriyvCT9+mok57ab41L6VpvgmTk6M2ekMc6qdyfJnw+cu+SopO7X
    6cG57lOW9bsDV6z/YDquPdIaq5jzrt1nfWc5a3oiKZktZrMiU0zodLPSg9oq1yc7M2i3Tmdpkm1WrdHX0DyNAb+WKZ68MrlOKyZF
    bUVczJSQpxhfhMjOSGMT59VwolOo/xUXzEeXpI65lNDGhmgWy4RH7xMLKS8qFmkMbFYdc45bvfVOJIXoe2y0X06dV7G37DRffExv
    GOHhy9TGNtzetRtDm5XkrSOGFftDMJzp6FEb54wiqxFsbzSLSs600fC5d1zKZzqvH+1dgWObxI3/0oQ9p47Pplc1mjHN6FCB23Qx
    +b/n7cSrcZ8H35AO/s/BOP5keSuOwT+2bwRcagcld+Uv0YRGZZ1+pxGUNznqQUgn9OgdRNNw/b47n9+x2g/5XQG/quEtG6R7uYDr
    9Gp/440YVHlZ9USNjauu9lc6ynlxnVNfTOiGH3lTja7d18FMvOHLjldgvIW24QIQZEUQQATCWlAGZEUerPU/9rXEfUUQKlw+hpaY
    tcSsyHsIVeGGtQCr9BdouSzzvCjg9lbVYxkV3MOioB9ICBUSB9aian+78xMDMDE2f5gNeMqTYwNbnhhR2PLEzhME9pA4ZQkGANYi
    DjwUOFEkAtSiUQOsPKdzhgrhaz4BlSWEaEjB9BYF2qiCbnBe8CXK87IEEIFARp5DiF7YCQjKICEQyvP4IX3zPcvO37ns+tdx8xtQ
    SwMEFAAAAAgAlgN4XbdH64rAAAAAFgIAAAsAAABfcmVscy8ucmVsc52SS24CMQxArxJlX0ypxAIxrNiwQ4gLuInno5nEkWPE9PaN
    2MAgaBFL/56eLa8PNKB2HHPbpWzGMMRc2VY1rQCyaylgnnGiWCo1S0AtoTSQ0PXYECzm8yXILcNu1rdMc/xJ9AqR67pztGV3ChT1
    Afiuw5ojSkNa2XGAM0v/zdzPCtSana+s7PynNfCmzPP1IJCiR0VwLPSRpEyLdpSvPp7dvqTzpWNitHjf6P/z0KgUPfm/nTClidLX
    RQkmb7D5BVBLAwQUAAAACACWA3hdWDxH3lYBAABoAgAADwAAAHhsL3dvcmtib29rLnhtbI2RwUrDQBCGXyXsA5i2aMHS9GJRC6Ji
    pfdtMmmG7u6E3UmrfQUvngQPHnwMfR4p+BbuJkQDgnjazD8zX/5/d7wlu14SraM7rYwb2UQUzOUojl1agJbugEowvpeT1ZJ9aVcx
    5TmmMKW00mA4HvR6w9iCkoxkXIGlEw3tPyxXWpCZKwBYqwalJRoxGbfOrm0UdytiSMOfghqUBcLW/QyEMtqgwyUq5PtE1N8KRKTR
    oMYdZInoicgVtD0nizsyLNU8taRUIvpNYwGWMf0lz4PNW7l0tcJyeRMyJ2LY88AcreN6ouZLb3IDfripKqZTVAx2KhnOLFUlmlWN
    8THiTo76KtozMlJDIj7eHz5f34IHr82yxg97UCedHaFv2FnWILvr+5fH/dNzZ33wx/qgcdTayCBHA9mlB7nQ8JeS+hcJR21kcHjU
    P/bhK6VOvHZlLkhm37naR5l8AVBLAwQUAAAACACWA3hdq15yLrQAAACNAgAAGgAAAHhsL19yZWxzL3dvcmtib29rLnhtbC5yZWxz
    xZJNCoMwEEavEnIAR23poqirbtwWLxB0/MHEhMyU6u0rulChi26kq/BNyPseTJInasWdHajtHInR6IFS2TK7OwCVLRpFgXU4zDe1
    9UbxHH0DTpW9ahDiMLyB3zNkluyZopgc/kK0dd2V+LDly+DAX8Dwtr6nFpGlKJRvkFMJo97GBMsRBTNZirxKpc+rSAr4t1F8MIrP
    NCKeNNKms+ZD/+XMfp7f4la/xHV4XMt1kYDD78s+UEsDBBQAAAAIAJYDeF2l4RtYHwEAAGAEAAATAAAAW0NvbnRlbnRfVHlwZXNd
    LnhtbMVUy07DMBD8lcjXKnbpgQNqeqFcoQd+wCSbxopf8m5L+vdsEloJVFqqIHGJFe/szHjH8vL1EAGzzlmPhWiI4oNSWDbgNMoQ
    wXOlDslp4t+0VVGXrd6CWszn96oMnsBTTj2HWC3XUOudpeyp4200wRcigUWRPY7AXqsQOkZrSk1cV3tffVPJPxUkdw4YbEzEGQNE
    ps5KDKUfFY6NL3tIyVSQbXSiZ+0YpjqrkA4WUF7mOOMy1LUpoQrlznGLxJhAV9gAkLNyJJ1dkSYeMozfu8kGBpqLigzdpBCRU0tw
    u94xlr47j0wEicyVQ54kmXvyCaFPvILqt+I84feQ2iETVMMyfcxfcz7x32pk8Z9G3kJo//rC96t02viTATU8LKsPUEsBAhQDFAAA
    AAgAlgN4XUbHTUiVAAAAzQAAABAAAAAAAAAAAAAAAIABAAAAAGRvY1Byb3BzL2FwcC54bWxQSwECFAMUAAAACACWA3hd8jroQ+sA
    AADLAQAAEQAAAAAAAAAAAAAAgAHDAAAAZG9jUHJvcHMvY29yZS54bWxQSwECFAMUAAAACACWA3hdmVycIxAGAACcJwAAEwAAAAAA
    AAAAAAAAgAHdAQAAeGwvdGhlbWUvdGhlbWUxLnhtbFBLAQIUAxQAAAAIAJYDeF2kjoAYMQIAAE4EAAAYAAAAAAAAAAAAAACAgR4I
    AAB4bC93b3Jrc2hlZXRzL3NoZWV0MS54bWxQSwECFAMUAAAACACWA3hdDsL+l4IKAAC3dAAAGAAAAAAAAAAAAAAAgIGFCgAAeGwv
    d29ya3NoZWV0cy9zaGVldDIueG1sUEsBAhQDFAAAAAgAlgN4XdIF8UZSAgAARwoAAA0AAAAAAAAAAAAAAIABPRUAAHhsL3N0eWxl
    cy54bWxQSwECFAMUAAAACACWA3hdt0frisAAAAAWAgAACwAAAAAAAAAAAAAAgAG6FwAAX3JlbHMvLnJlbHNQSwECFAMUAAAACACW
    A3hdWDxH3lYBAABoAgAADwAAAAAAAAAAAAAAgAGjGAAAeGwvd29ya2Jvb2sueG1sUEsBAhQDFAAAAAgAlgN4Xateci60AAAAjQIA
    ABoAAAAAAAAAAAAAAIABJhoAAHhsL19yZWxzL3dvcmtib29rLnhtbC5yZWxzUEsBAhQDFAAAAAgAlgN4XaXhG1gfAQAAYAQAABMA
    AAAAAAAAAAAAAIABEhsAAFtDb250ZW50X1R5cGVzXS54bWxQSwUGAAAAAAoACgCEAgAAYhwAAAAA
    """
}
