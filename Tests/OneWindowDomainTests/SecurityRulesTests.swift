import Foundation
import OneWindowDomain
import Testing

@Suite("Security rules: return paths, control characters, throttles")
struct SecurityRulesTests {
  @Test(
    "a return path is a local path and nothing else",
    arguments: [
      "/%0d%0aSet-Cookie:%20ow_citizen=x", "/\r\nSet-Cookie: ow_citizen=x", "/\t/evil.example", "//evil.example",
      "/\\evil.example", "\\\\evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example", "",
      "/ /evil.example", "/a//b", "/\u{0}", "/\u{85}x", "/\u{3000}x",
    ])
  func refusedReturnPaths(raw: String) {
    // The first one still holds its percent escapes: a query decoder hands the decoded CR LF (the second).
    if raw.hasPrefix("/%0d") {
      #expect(ReturnPath.local(raw) == raw)  // harmless as it is: escapes are not line breaks
    } else {
      #expect(ReturnPath.local(raw) == nil, "\(raw.debugDescription)")
    }
  }

  @Test("local paths with queries come back unchanged")
  func acceptedReturnPaths() {
    for path in ["/", "/my", "/my/apply?item=360105002000&x=1", "/items?q=%E5%8C%BB", "/status?number=1#top"] {
      #expect(ReturnPath.local(path) == path)
    }
    #expect(ReturnPath.local(nil) == nil)
  }

  @Test("control characters are found; tab, line feed and carriage return are text")
  func controlCharacters() throws {
    #expect(TextInput.hasControlCharacter("张三\u{0}"))
    #expect(TextInput.hasControlCharacter("a\u{1B}[31m"))
    #expect(TextInput.hasControlCharacter("x\u{7F}"))
    #expect(TextInput.hasControlCharacter("x\u{85}"))
    #expect(!TextInput.hasControlCharacter("第一行\r\n第二行\t末尾"))
    #expect(!TextInput.hasControlCharacter("王秀英 Ü ©"))
    #expect(throws: ValidationError.self) { try TextInput.check("a\u{0}", field: "name") }
    do {
      try TextInput.check("a\u{0}", field: "name")
    } catch {
      #expect(error.field == "name")
    }
  }

  @Test("failed attempts slow down by doubling, capped, and are forgotten")
  func attemptThrottle() {
    let throttle = AttemptThrottle(freeFailures: 3, firstDelay: 1, maxDelay: 300, forgetAfter: 3600)
    #expect((0...3).map { throttle.delay(afterFailures: $0) } == [0, 0, 0, 0])
    #expect((4...7).map { throttle.delay(afterFailures: $0) } == [1, 2, 4, 8])
    #expect(throttle.delay(afterFailures: 100) == 300)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var record: AttemptThrottle.Record?
    for second in 0..<5 { record = throttle.failed(record, now: start.addingTimeInterval(Double(second))) }
    // Five failures, the last at +4 s: the next attempt waits 2 s from then.
    #expect(throttle.wait(record, now: start.addingTimeInterval(4)) == 2)
    #expect(throttle.wait(record, now: start.addingTimeInterval(6)) == 0)
    #expect(throttle.wait(record, now: start.addingTimeInterval(4 + 3600)) == 0)
    #expect(throttle.failed(record, now: start.addingTimeInterval(4 + 3600)).failures == 1)
  }

  @Test("a rate limit lets the limit through in a window, then says how long to wait")
  func rateLimit() {
    let limit = RateLimit(limit: 3, window: 60)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var counter: RateLimit.Counter?
    for _ in 0..<3 {
      let (next, retry) = limit.hit(counter, now: start)
      #expect(retry == nil)
      counter = next
    }
    let (full, retry) = limit.hit(counter, now: start.addingTimeInterval(10))
    #expect(retry != nil && retry! >= 1 && retry! <= 50)
    // Two windows later everything is forgotten.
    #expect(limit.hit(full, now: start.addingTimeInterval(121)).retryAfter == nil)
    // Just after the first window the previous window's weight still counts: not a fresh burst of three.
    var edge = limit.hit(full, now: start.addingTimeInterval(61)).counter
    var refused = 0
    for _ in 0..<3 {
      let (next, retry) = limit.hit(edge, now: start.addingTimeInterval(61))
      edge = next
      if retry != nil { refused += 1 }
    }
    #expect(refused >= 2)
  }

  @Test("a masked phone hides six digits")
  func maskedPhone() {
    #expect(Masking.phone("13912348800") == "139******00")
  }
}
