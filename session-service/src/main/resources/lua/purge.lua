-- Shared head of every session script. The keys of one instance carry its {instanceId} hash tag, so a
-- script touches one Redis Cluster slot. Times are Redis TIME in milliseconds, the same for every replica.
--
-- sess:{i}:deadlines  sorted set: session id -> the moment it closes (idle or absolute, whichever is first)
-- sess:{i}:seats      hash: reserved account -> the session id holding its reserved seat
-- sess:{i}:s:<id>     hash: subject, clientId, kind, account, openedAt, lastActivityAt, absoluteAt, seat

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- Closes one session: frees its licence and, if it held one, its reserved seat. Returns its absoluteAt.
local function close_session(deadlines, seats, prefix, id)
  local key = prefix .. id
  local fields = redis.call('HMGET', key, 'account', 'seat', 'absoluteAt')
  if fields[2] == '1' and redis.call('HGET', seats, fields[1]) == id then
    redis.call('HDEL', seats, fields[1])
  end
  redis.call('DEL', key)
  redis.call('ZREM', deadlines, id)
  return tonumber(fields[3]) or 0
end

-- Closes every session whose deadline has come, before anything is counted. Returns how many closed for
-- idleness and how many at their absolute expiry.
local function purge(deadlines, seats, prefix, now)
  local idle, absolute = 0, 0
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', deadlines, '-inf', now)) do
    local absoluteAt = close_session(deadlines, seats, prefix, id)
    if absoluteAt > 0 and absoluteAt <= now then
      absolute = absolute + 1
    else
      idle = idle + 1
    end
  end
  return idle, absolute
end

-- Whether an account's reserved seat is taken: by a session that is still open. The sessions of reserved
-- accounts are counted through this, never through the size of the seats hash: a seat left behind by an
-- account taken off reservedAccounts, or by a session whose hash expired before it was purged, takes no
-- licence from anyone.
local function seat_held(deadlines, seats, account)
  local holder = redis.call('HGET', seats, account)
  return holder ~= false and redis.call('ZSCORE', deadlines, holder) ~= false
end

-- A session's hash outlives its deadline by a day, so that the purge still finds its seat; an instance
-- that is never called again loses the leftovers then.
local GRACE_MS = 86400000
