-- Shared by the wrk scripts: the RESULT line that the shell scripts collect, and an early end for runs that
-- run out of work before wrk's duration. Latencies come from wrk's histogram (microseconds).
local report = {}

-- requests over seconds of wall-clock time, with wrk's latency percentiles and error counts.
function report.line(name, summary, latency, seconds, requests)
  local errors = summary.errors
  return string.format(
    "RESULT %s requests=%d seconds=%.2f rate=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f" ..
    " non2xx=%d socket_errors=%d",
    name, requests, seconds, requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout)
end

-- The answers other than 200 by status, added up over the threads' tables named refused.
function report.statuses(name, threads)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("refused") or {}) do
      total[status] = (total[status] or 0) + count
    end
  end
  local line = "STATUS " .. name
  for status, count in pairs(total) do
    line = line .. " " .. status .. "=" .. count
  end
  return line
end

-- Seconds since the epoch, to the microsecond; the Lua of wrk has no wall clock of its own.
function report.now()
  local clock = io.popen("date +%s.%N")
  local seconds = clock:read("*n")
  clock:close()
  return seconds
end

-- Called once by each thread that has nothing left to send. When every thread of the run (BENCH_THREADS)
-- has called it, wrk gets SIGINT, which ends its wait for the duration and prints the statistics. The
-- threads meet through files in BENCH_MARKERS, a fresh directory per run.
function report.thread_done(id)
  local markers = os.getenv("BENCH_MARKERS")
  if not markers then
    return
  end
  io.open(markers .. "/done-" .. id, "w"):close()
  local done = 0
  for _ in io.popen("ls " .. markers):lines() do
    done = done + 1
  end
  if done >= tonumber(os.getenv("BENCH_THREADS") or "1") then
    local stat = io.open("/proc/self/stat")
    local pid = stat:read("*n")
    stat:close()
    -- Not os.execute: system(3) ignores SIGINT in this process while its child runs, which would lose it.
    io.popen("kill -INT " .. pid):close()
  end
end

return report
