-- A request of its own each time: /events with 6 KB of junk in a query
-- parameter the page ignores. bench/runner appends wrk-done.lua.
local n = 0
local pad = string.rep("j", 6000)
request = function()
  n = n + 1
  return wrk.format("GET", "/events?z=" .. n .. "-" .. math.random(1000000000) .. pad)
end
