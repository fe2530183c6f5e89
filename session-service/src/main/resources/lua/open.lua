-- Opens or touches the session of a token, in one atomic step.
-- KEYS: 1 deadlines, 2 seats, 3 the session's hash, 4-7 revocation keys (jti, sid, sub, client)
-- ARGV: 1 session id, 2 subject, 3 client id, 4 kind, 5 account, 6 idle ms, 7 absolute ms (0: none),
--       8 licence limit, 9 reserved seats, 10 '1' if the account is reserved, 11 the token's iat (s),
--       12 key prefix of session hashes, 13... the instance's reserved accounts
-- Returns {outcome, licences in use, deadline, openedAt, closed idle, closed absolute};
-- outcome 0 revoked, 1 refused, 2 opened, 3 touched.
local deadlines, seats, key = KEYS[1], KEYS[2], KEYS[3]
local id = ARGV[1]

if redis.call('EXISTS', KEYS[4]) == 1 or redis.call('EXISTS', KEYS[5]) == 1 then
  return {0, 0, 0, 0, 0, 0}
end
local iat = tonumber(ARGV[11])
for i = 6, 7 do
  local cutoff = redis.call('GET', KEYS[i])
  if cutoff and iat <= tonumber(cutoff) then
    return {0, 0, 0, 0, 0, 0}
  end
end

local now = now_ms()
local idle, absolute = purge(deadlines, seats, ARGV[12], now)
local idleMs, absoluteMs = tonumber(ARGV[6]), tonumber(ARGV[7])

if redis.call('ZSCORE', deadlines, id) then
  local fields = redis.call('HMGET', key, 'absoluteAt', 'openedAt')
  local absoluteAt = tonumber(fields[1]) or 0
  local deadline = now + idleMs
  if absoluteAt > 0 and absoluteAt < deadline then
    deadline = absoluteAt
  end
  redis.call('ZADD', deadlines, deadline, id)
  redis.call('HSET', key, 'lastActivityAt', now)
  redis.call('PEXPIREAT', key, deadline + GRACE_MS)
  return {3, redis.call('ZCARD', deadlines), deadline, tonumber(fields[2]) or now, idle, absolute}
end

local inUse = redis.call('ZCARD', deadlines)
local limit, reserved = tonumber(ARGV[8]), tonumber(ARGV[9])
if inUse >= limit then
  return {1, inUse, 0, 0, idle, absolute}
end
local seat = '0'
if ARGV[10] == '1' and not seat_held(deadlines, seats, ARGV[5]) then
  seat = '1'
else
  local held = 0
  for i = 13, #ARGV do
    if seat_held(deadlines, seats, ARGV[i]) then
      held = held + 1
    end
  end
  if inUse - held >= limit - reserved then
    return {1, inUse, 0, 0, idle, absolute}
  end
end

local absoluteAt = 0
local deadline = now + idleMs
if absoluteMs > 0 then
  absoluteAt = now + absoluteMs
  if absoluteAt < deadline then
    deadline = absoluteAt
  end
end
redis.call('HSET', key, 'subject', ARGV[2], 'clientId', ARGV[3], 'kind', ARGV[4], 'account', ARGV[5],
  'openedAt', now, 'lastActivityAt', now, 'absoluteAt', absoluteAt, 'seat', seat)
redis.call('PEXPIREAT', key, deadline + GRACE_MS)
if seat == '1' then
  redis.call('HSET', seats, ARGV[5], id)
end
redis.call('ZADD', deadlines, deadline, id)
return {2, inUse + 1, deadline, now, idle, absolute}
