-- wrk script: client_credentials grant at POST /id/connect/token with client_secret_basic (RFC 6749 4.4).
-- BENCH_BASIC is the ready Authorization value, BENCH_SCOPE the scope, BENCH_HOST the instance's host,
-- BENCH_NAME the label of the RESULT line.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local report = require("report")

wrk.method = "POST"
wrk.body = "grant_type=client_credentials&scope=" .. (os.getenv("BENCH_SCOPE") or "read")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_BASIC")
if os.getenv("BENCH_HOST") then
  wrk.headers["Host"] = os.getenv("BENCH_HOST")
end

function done(summary, latency, requests)
  io.write(report.line(os.getenv("BENCH_NAME") or "token", summary, latency,
    summary.duration / 1e6, summary.requests), "\n")
end
