import OneWindowDomain
import Testing

@Suite("Uploads: kind by content, size limit, name and type must agree")
struct UploadPolicyTests {
  static let pdf = Array("%PDF-1.7\n".utf8)
  static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]
  static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  func check(_ name: String, _ type: String?, _ head: [UInt8], size: Int = 1000) throws(ValidationError) -> FileKind {
    try UploadPolicy.scans.check(field: "f", fileName: name, declaredType: type, size: size, head: head)
  }

  @Test("real PDF, JPG and PNG files pass whatever the case of their extension")
  func accepted() throws {
    #expect(try check("申请表.PDF", "application/pdf", Self.pdf) == .pdf)
    #expect(try check("照片.jpeg", "image/jpeg", Self.jpeg) == .jpeg)
    #expect(try check("照片.JPG", nil, Self.jpeg) == .jpeg)
    #expect(try check("平面图.png", "application/octet-stream", Self.png) == .png)
  }

  @Test(
    "refusals name the field and say why",
    arguments: [
      ("空.pdf", "application/pdf", [UInt8](), 0, "空文件"),
      ("大.pdf", "application/pdf", Array("%PDF-1.7\n".utf8), 10 * 1024 * 1024 + 1, "超过 10 MB 的上限"),
      ("程序.exe", "application/octet-stream", Array("MZ".utf8), 100, "只接受 PDF、JPG、PNG"),
      ("伪装.pdf", "application/pdf", Array("MZ\u{90}".utf8), 100, "内容不是 PDF"),
      ("图.pdf", "application/pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 100, "名为 PDF，内容却是 PNG"),
      ("图.png", "image/jpeg", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 100, "声明为 JPG，内容却是 PNG"),
    ])
  func refused(name: String, type: String, head: [UInt8], size: Int, message: String) {
    do {
      _ = try check(name, type, head, size: size)
      Issue.record("\(name) passed")
    } catch {
      #expect(error.field == "f")
      #expect(error.message.zh.contains(message), "\(error.message.zh)")
    }
  }
}
