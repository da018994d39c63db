import OneWindowDomain
import Testing

@Suite("RegionCode 行政区划代码")
struct RegionCodeTests {
  @Test(
    "6, 9 and 12 digits are county, town and village",
    arguments: [
      ("360999", RegionLevel.county), ("360999100", .town), ("360999100201", .village),
    ])
  func levels(code: String, level: RegionLevel) throws {
    #expect(try #require(RegionCode(code)).level == level)
  }

  @Test(
    "other lengths and non-digits are refused with the field named",
    arguments: [
      "", "36099", "3609991", "36099910a", "３６０９９９", "3609991002011",
    ])
  func invalid(code: String) {
    #expect(RegionCode(code) == nil)
    #expect(throws: ValidationError.self) { try RegionCode.parse(code, field: "region") }
    do {
      _ = try RegionCode.parse(code, field: "region")
    } catch {
      #expect(error.field == "region")
    }
  }

  @Test("parents, county and containment follow the code prefix")
  func hierarchy() throws {
    let village = try #require(RegionCode("360999100201"))
    let town = try #require(RegionCode("360999100"))
    let county = try #require(RegionCode("360999"))
    #expect(village.parent == town)
    #expect(town.parent == county)
    #expect(county.parent == nil)
    #expect(village.county == county)
    #expect(county.contains(village))
    #expect(town.contains(village))
    #expect(!village.contains(town))
    #expect(!RegionCode("360999101")!.contains(village))
  }
}
