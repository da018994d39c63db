import Crypto
import Foundation
import OneWindowDomain

/// Where uploaded files live, keyed by the SHA-256 of their content (the same scan uploaded twice is stored once).
/// A file is visible under its key only once it is complete, so no case can point at half a file.
public protocol FileStore: Sendable {
  /// Stores `bytes` and returns their key.
  func put(_ bytes: [UInt8]) async throws -> String
  /// The content stored under `key`, or nil.
  func get(_ key: String) async throws -> [UInt8]?
}

/// Files on local disk under `root`: `root/ab/cd/abcd…`. A write goes to `root/incoming` first, is flushed, then
/// renamed into place (atomic on one file system); an interrupted write leaves only a temp file, cleared on start.
public struct DiskFileStore: FileStore {
  public let root: String

  public init(root: String) throws {
    self.root = root
    let incoming = root + "/incoming"
    try FileManager.default.createDirectory(atPath: incoming, withIntermediateDirectories: true)
    // Leftovers of writes that never finished belong to no case.
    for name in (try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? [] {
      try? FileManager.default.removeItem(atPath: incoming + "/" + name)
    }
  }

  public func put(_ bytes: [UInt8]) async throws -> String {
    let key = Hex.encode(SHA256.hash(data: bytes))
    let target = path(key)
    if FileManager.default.fileExists(atPath: target) { return key }
    try FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let temp = root + "/incoming/" + UUID().uuidString
    guard FileManager.default.createFile(atPath: temp, contents: nil) else {
      throw CocoaError(.fileWriteUnknown)
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp))
    do {
      try handle.write(contentsOf: bytes)
      try handle.synchronize()
      try handle.close()
      if rename(temp, target) != 0 { throw CocoaError(.fileWriteUnknown) }
    } catch {
      try? handle.close()
      try? FileManager.default.removeItem(atPath: temp)
      throw error
    }
    return key
  }

  public func get(_ key: String) async throws -> [UInt8]? {
    guard Self.isKey(key) else { return nil }
    return FileManager.default.contents(atPath: path(key)).map { Array($0) }
  }

  private func path(_ key: String) -> String {
    let characters = Array(key)
    return "\(root)/\(String(characters[0..<2]))/\(String(characters[2..<4]))/\(key)"
  }

  /// Only 64 hex digits: a key from a URL can never walk out of the store.
  static func isKey(_ key: String) -> Bool {
    key.count == 64 && key.allSatisfy { $0.isHexDigit && !$0.isUppercase }
  }
}
