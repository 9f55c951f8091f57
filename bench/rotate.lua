-- bench/rotate.lua: every request carries the next key of a file (one key a line) as "Authorization: Bearer <key>".
-- Used for both sides of the "unknown keys ÷ valid keys" pair (a file of 1000 unknown keys, a file of one valid key),
-- so that both pay the same cost in wrk.
--   wrk -t2 -c64 -d10s -s bench/rotate.lua http://127.0.0.1:PORT/v1/workspace -- KEYS_FILE

local requests = {}
local count = 0
local index = 0
local threads = 0

function setup(thread)
   thread:set("thread_number", threads)
   threads = threads + 1
end

function init(args)
   local file = args[1] or error("usage: wrk ... -s rotate.lua URL -- KEYS_FILE")
   for key in io.lines(file) do
      if key ~= "" then
         count = count + 1
         requests[count] = wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. key })
      end
   end
   if count == 0 then
      error("no keys in " .. file)
   end
   -- threads start at different places in the list
   index = ((thread_number or 0) * 7919) % count
end

function request()
   index = index % count + 1
   return requests[index]
end
