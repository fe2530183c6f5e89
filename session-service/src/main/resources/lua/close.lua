-- Closes the session with an id, or every session of a subject.
-- KEYS: 1 deadlines, 2 seats
-- ARGV: 1 key prefix of session hashes, 2 'sid' or 'subject', 3 the session id or the subject
-- Returns {closed, licences in use, closed idle, closed absolute}.
local deadlines, seats, prefix = KEYS[1], KEYS[2], ARGV[1]
local idle, absolute = purge(deadlines, seats, prefix, now_ms())

local closed = 0
if ARGV[2] == 'sid' then
  if redis.call('ZSCORE', deadlines, ARGV[3]) then
    close_session(deadlines, seats, prefix, ARGV[3])
    closed = 1
  end
else
  for _, id in ipairs(redis.call('ZRANGE', deadlines, 0, -1)) do
    if redis.call('HGET', prefix .. id, 'subject') == ARGV[3] then
      close_session(deadlines, seats, prefix, id)
      closed = closed + 1
    end
  end
end
return {closed, redis.call('ZCARD', deadlines), idle, absolute}
