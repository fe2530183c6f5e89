-- Counts the open sessions of an instance, closing the expired ones first.
-- KEYS: 1 deadlines, 2 seats
-- ARGV: 1 key prefix of session hashes
-- Returns {licences in use, closed idle, closed absolute}.
local deadlines, seats, prefix = KEYS[1], KEYS[2], ARGV[1]
local idle, absolute = purge(deadlines, seats, prefix, now_ms())
return {redis.call('ZCARD', deadlines), idle, absolute}
