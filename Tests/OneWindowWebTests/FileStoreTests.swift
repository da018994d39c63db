import Foundation
import OneWindowStore
import Testing

@Suite("The disk file store")
struct FileStoreTests {
  static func scratch() -> String {
    NSTemporaryDirectory() + "onewindow-files-" + UUID().uuidString
  }

  @Test("content goes in under its SHA-256 and comes back; the same content is stored once")
  func roundTrip() async throws {
    let root = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let store = try DiskFileStore(root: root)
    let bytes = Array("%PDF-1.4 营业执照".utf8)
    let key = try await store.put(bytes)
    #expect(key.count == 64)
    #expect(try await store.put(bytes) == key)
    #expect(try await store.get(key) == bytes)
    let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter {
      $0.hasSuffix(key)
    }
    #expect(files.count == 1)
  }

  @Test("keys that are not 64 lowercase hex digits never reach the disk")
  func keys() async throws {
    let root = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let store = try DiskFileStore(root: root)
    #expect(try await store.get("../../etc/passwd") == nil)
    #expect(try await store.get(String(repeating: "A", count: 64)) == nil)
  }

  @Test("a write that never finished leaves no file behind once the store opens again")
  func interrupted() async throws {
    let root = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try DiskFileStore(root: root)
    let partial = root + "/incoming/half-written"
    #expect(FileManager.default.createFile(atPath: partial, contents: Data([1, 2, 3])))
    _ = try DiskFileStore(root: root)
    #expect(!FileManager.default.fileExists(atPath: partial))
  }
}
