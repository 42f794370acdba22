-- One token bucket per client, shared by every gateway replica. Refill and take happen in one script, so two
-- replicas can never both spend the last token. Time comes from Redis, so replicas' clocks do not matter.
-- KEYS[1]: the client's bucket; ARGV[1]: tokens per microsecond; ARGV[2]: burst (bucket size).
-- Returns {allowed (1/0), whole tokens left, microseconds until the next token (0 when allowed)}.
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- A bucket idle long enough to be full again is the same as no bucket: let Redis forget it.
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate / 1000) + 1000)
return {allowed, math.floor(tokens), wait}
