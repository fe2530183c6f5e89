-- wrk script: mints access tokens with the client_credentials grant and writes each one, a line each, to
-- BENCH_OUT, stopping after BENCH_COUNT. Run it with one thread (-t1) so that one file collects them all.
-- Same environment as token.lua for the request.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local report = require("report")
local count = tonumber(os.getenv("BENCH_COUNT") or "2000")
local minted = 0
local out

wrk.method = "POST"
wrk.body = "grant_type=client_credentials&scope=" .. (os.getenv("BENCH_SCOPE") or "read")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_BASIC")
if os.getenv("BENCH_HOST") then
  wrk.headers["Host"] = os.getenv("BENCH_HOST")
end

function init(args)
  out = assert(io.open(os.getenv("BENCH_OUT"), "w"))
end

function response(status, headers, body)
  if minted >= count or status ~= 200 then
    return
  end
  local token = body:match('"access_token"%s*:%s*"([^"]+)"')
  if token then
    out:write(token, "\n")
    minted = minted + 1
  end
  if minted >= count then
    out:close()
    wrk.thread:stop()
    report.thread_done(0)
  end
end
