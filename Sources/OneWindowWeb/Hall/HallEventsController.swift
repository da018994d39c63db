import Foundation
import OneWindowDomain
import OneWindowViews
import Vapor

/// `GET /hall/sites/{site}/events`: server-sent events for the hall display and the evaluation pads — the board now,
/// then one `hall` event per change at the site (from any `serve` process), and a comment every 15 s so proxies and
/// the browser keep the connection and a gone client is noticed.
enum HallEventsController {
  static let heartbeat: Duration = .seconds(15)

  @Sendable static func stream(req: Request) async throws -> Response {
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    let channel = req.application.events
    let topic = HallService.topic(site.id)
    // Subscribe before reading the board, so no change falls between the two.
    let (id, events) = await channel.subscribe(topic)
    let board = try await HallService.board(site, day: try await HallService.day(req), req)
    let first = HallUpdate(kind: "board", windowID: nil, ticketID: nil, announce: nil, board: board)
    let firstPayload = String(decoding: try JSONEncoder().encode(first), as: UTF8.self)
    var headers = HTTPHeaders()
    headers.replaceOrAdd(name: .contentType, value: "text/event-stream; charset=utf-8")
    headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    headers.replaceOrAdd(name: "X-Accel-Buffering", value: "no")
    let body = Response.Body(asyncStream: { writer in
      let (merged, input) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
      let forward = Task {
        for await payload in events { input.yield("event: hall\ndata: \(payload)\n\n") }
        input.finish()
      }
      let beat = Task {
        while !Task.isCancelled {
          try? await Task.sleep(for: heartbeat)
          input.yield(": keep-alive\n\n")
        }
      }
      defer {
        forward.cancel()
        beat.cancel()
        Task { await channel.unsubscribe(topic, id: id) }
      }
      do {
        try await writer.writeBuffer(ByteBuffer(string: "retry: 2000\nevent: hall\ndata: \(firstPayload)\n\n"))
        for await chunk in merged { try await writer.writeBuffer(ByteBuffer(string: chunk)) }
        try await writer.write(.end)
      } catch {
        // The client went away. The writer must still be told the stream ended (Vapor asserts it), and the
        // subscription ends with this stream.
        try? await writer.write(.error(error))
      }
    })
    return Response(status: .ok, headers: headers, body: body)
  }
}
