-- wrk script: client_credentials grant at a token endpoint with client_secret_basic (RFC 6749 4.4).
-- BENCH_BASIC is the ready Authorization value, BENCH_SCOPE the scope (none when empty), BENCH_HOST the Host,
-- BENCH_NAME the label of the RESULT line. Answers other than 200 are counted by status on a STATUS line.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local report = require("report")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
if (os.getenv("BENCH_SCOPE") or "") ~= "" then
  wrk.body = wrk.body .. "&scope=" .. os.getenv("BENCH_SCOPE")
end
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_BASIC")
if os.getenv("BENCH_HOST") then
  wrk.headers["Host"] = os.getenv("BENCH_HOST")
end

function init(args)
  refused = {}
end

function response(status, headers, body)
  if status ~= 200 then
    refused[status] = (refused[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local name = os.getenv("BENCH_NAME") or "token"
  io.write(report.line(name, summary, latency, summary.duration / 1e6, summary.requests), "\n")
  io.write(report.statuses(name, threads), "\n")
end
