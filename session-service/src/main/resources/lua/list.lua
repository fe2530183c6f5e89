-- Lists the open sessions of an instance.
-- KEYS: 1 deadlines, 2 seats
-- ARGV: 1 key prefix of session hashes
-- Returns {licences in use, closed idle, closed absolute, {id, subject, clientId, kind, openedAt,
-- lastActivityAt, deadline}...}.
local deadlines, seats, prefix = KEYS[1], KEYS[2], ARGV[1]
local idle, absolute = purge(deadlines, seats, prefix, now_ms())

local result = {redis.call('ZCARD', deadlines), idle, absolute}
local members = redis.call('ZRANGE', deadlines, 0, -1, 'WITHSCORES')
for i = 1, #members, 2 do
  local id = members[i]
  local f = redis.call('HMGET', prefix .. id, 'subject', 'clientId', 'kind', 'openedAt', 'lastActivityAt')
  table.insert(result, {id, f[1] or '', f[2] or '', f[3] or '', f[4] or '0', f[5] or '0', members[i + 1]})
end
return result
