-- wrk script: opens one session a token. Each thread takes every BENCH_THREADS-th line of BENCH_TOKENS (one
-- access token a line), sends each of its tokens once to POST /api/sessions, and stops when it has none
-- left. The rate is the 200 answers over the wall-clock time from the first request to the last token sent
-- (taken by every thread, then the earliest start and latest finish); answers still in flight when a
-- thread stops are not counted, so the figure errs low. BENCH_NAME labels the RESULT line.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local report = require("report")

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local mine = {}
local sent = 0

function init(args)
  local stride = tonumber(os.getenv("BENCH_THREADS") or "1")
  local line = 0
  for token in io.lines(os.getenv("BENCH_TOKENS")) do
    if line % stride == id then
      table.insert(mine, token)
    end
    line = line + 1
  end
  wrk.method = "POST"
  ok = 0
  answered = 0
end

function request()
  sent = sent + 1
  if sent == 1 then
    started = report.now()
  end
  if sent > #mine then
    if #mine == 0 then
      error("thread " .. id .. " got no tokens: BENCH_TOKENS has fewer lines than threads")
    end
    if not finished then
      finished = report.now()
      wrk.thread:stop()
      report.thread_done(id)
    end
    return wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. mine[#mine] })
  end
  return wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. mine[sent] })
end

function response(status, headers, body)
  answered = answered + 1
  if status == 200 then
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local first, last, opened, all_finished = nil, nil, 0, true
  for _, thread in ipairs(threads) do
    local started, finished = thread:get("started"), thread:get("finished")
    opened = opened + (thread:get("ok") or 0)
    if started and (not first or started < first) then first = started end
    if finished then
      if not last or finished > last then last = finished end
    else
      all_finished = false
    end
  end
  local seconds = summary.duration / 1e6
  if all_finished and first and last then
    seconds = last - first
  else
    io.write("NOTE not every thread used up its tokens before the time limit; rate over the whole run\n")
  end
  io.write(report.line(os.getenv("BENCH_NAME") or "open", summary, latency, seconds, opened), "\n")
end
