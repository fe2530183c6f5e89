-- wrk script: POST /api/sessions again and again with one token, so that every call after the first
-- touches the same session. BENCH_TOKEN is the bearer token, BENCH_NAME the label of the RESULT line.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local report = require("report")

wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

function done(summary, latency, requests)
  io.write(report.line(os.getenv("BENCH_NAME") or "touch", summary, latency,
    summary.duration / 1e6, summary.requests), "\n")
end
