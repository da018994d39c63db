import Foundation
import OneWindowDomain
import Testing

@Suite("Login policy and masking")
struct LoginPolicyTests {

  @Test("weak passwords and bad usernames name their field", arguments: ["short1", "lettersonly", "12345678"])
  func weakPasswords(password: String) {
    #expect(throws: ValidationError.self) { try LoginPolicy.standard.validatePassword(password) }
  }

  @Test("usernames: lowercase letters, digits, . _ -")
  func usernames() throws {
    try LoginPolicy.standard.validateUsername("clerk.01")
    for bad in ["ab", "Clerk", "张三", "a b c", String(repeating: "a", count: 33)] {
      #expect(throws: ValidationError.self) { try LoginPolicy.standard.validateUsername(bad) }
    }
  }

  @Test("ID and phone numbers are masked")
  func masking() {
    #expect(Masking.idNumber("360999199001011234") == "3609**********1234")
    #expect(Masking.phone("13812345678") == "138******78")
    #expect(Masking.phone("123") == "***")
  }

  @Test("languages: anything not English is Chinese")
  func languages() {
    #expect(Language(code: "en-US,en;q=0.9") == .en)
    #expect(Language(code: "zh-CN") == .zh)
    #expect(Language(code: nil) == .zh)
    #expect(Language(code: "fr") == .zh)
  }
}
