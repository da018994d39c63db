import Foundation
import Testing

@testable import OneWindowDomain

@Suite("Notifications: kinds, texts and the retry policy")
struct NotificationDomainTests {
  @Test("retries back off exponentially up to the longest wait, and stop after the last attempt")
  func backoff() {
    let policy = DeliveryPolicy(maxAttempts: 10, firstRetry: 2, longestWait: 3600)
    #expect((1...6).map { policy.retryDelay(afterAttempts: $0) } == [2, 4, 8, 16, 32, 64])
    #expect(policy.retryDelay(afterAttempts: 12) == 3600)
    #expect(policy.retryDelay(afterAttempts: 1000) == 3600)
    #expect(!policy.givesUp(afterAttempts: 9))
    #expect(policy.givesUp(afterAttempts: 10))
  }

  @Test("every kind reads in both languages with the item and the case number; the text message is signed")
  func texts() {
    for kind in NotificationKind.allCases {
      let text = NotificationText(kind, ["item": "食品经营许可", "number": "360999-20261123-000001"])
      #expect(text.body.zh.contains("食品经营许可"), "\(kind)")
      #expect(!text.body.en.isEmpty && !text.title.zh.isEmpty, "\(kind)")
      if kind != .appointmentReminder { #expect(text.body.zh.contains("360999-20261123-000001"), "\(kind)") }
    }
    let sms = NotificationText(.accepted, ["item": "食品经营许可"]).textMessage(
      signature: "云溪县政务服务", link: "https://zwfw.example/status?number=1")
    #expect(sms.hasPrefix("【云溪县政务服务】您申请的「食品经营许可」已受理"))
    #expect(sms.hasSuffix("详情：https://zwfw.example/status?number=1"))
  }

  @Test("staff warnings are told to staff, and every kind has its own name for the gateway's template map")
  func kinds() {
    #expect(NotificationKind.caseRed.isForStaff && !NotificationKind.accepted.isForStaff)
    #expect(NotificationKind.allCases.count == Set(NotificationKind.allCases.map(\.rawValue)).count)
  }
}
