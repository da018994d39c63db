-- wrk script for scripts/bench-cases: every connection registers a promised case (POST /api/v1/cases) and then
-- accepts it (POST /api/v1/cases/{number}/accept with the version the registration answered).
-- Environment: TOKEN (a clerk's bearer token), ITEM (item code; default 360105002000, 食品经营许可).
-- wrk runs a connection's requests one after another, but request() is not told which connection asks, so the
-- cases to accept wait in one queue per thread: a registration's answer adds one, the next request takes it.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads) -- a global in that thread's own Lua state
end

local token = os.getenv("TOKEN") or ""
local item = os.getenv("ITEM") or "360105002000"
local pending = {}
local sequence = 0
created, accepted, errors = 0, 0, 0

function init(args)
  math.randomseed(os.time() + id * 7919)
end

local function post(path, body, key)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }
  if key then headers["Idempotency-Key"] = key end
  return wrk.format("POST", path, headers, body)
end

function request()
  local case = table.remove(pending)
  if case then
    return post("/api/v1/cases/" .. case.number .. "/accept", '{"version":' .. case.version .. "}")
  end
  sequence = sequence + 1
  local phone = "139" .. string.format("%08d", (id * 1000003 + sequence * 7) % 100000000)
  local body = '{"item_code":"' .. item .. '","applicant":{"name":"压测申请人","id_number":"11010519491231002X",'
    .. '"phone":"' .. phone .. '"}}'
  local key = string.format("wrk-%d-%d-%08x", id, sequence, math.random(0, 0x7fffffff))
  return post("/api/v1/cases", body, key)
end

function response(status, headers, body)
  if status == 201 then
    -- The case's own version is the last "version" of the body (keys are sorted; the item's comes first).
    local version
    for v in string.gmatch(body, '"version":(%d+)') do version = v end
    local number = string.match(headers["Location"] or headers["location"] or "", "/api/v1/cases/(.+)$")
    if number and version then
      created = created + 1
      table.insert(pending, { number = number, version = version })
    else
      errors = errors + 1
    end
  elseif status == 200 then
    accepted = accepted + 1
  else
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local total_created, total_accepted, total_errors = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_created = total_created + thread:get("created")
    total_accepted = total_accepted + thread:get("accepted")
    total_errors = total_errors + thread:get("errors")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("  accepted cases:   %d (%.0f/s)\n", total_accepted, total_accepted / seconds))
  io.write(string.format("  requests:         %d (%.0f/s), registrations %d, errors %d (HTTP %d, socket %d)\n",
    summary.requests, summary.requests / seconds, total_created, total_errors,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
  io.write(string.format("  request latency:  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
