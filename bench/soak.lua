-- wrk script for bench/soak.sh: cycles through the requests listed in $SOAK_REQUESTS (one a
-- line, tab-separated: method, path, auth, body; auth is "cookie=<session>", "token=<bearer>"
-- or "-"; body "-" for none), counts the answers per status code and, for 201s, per kind of
-- write (recognized by the JSON answer, as wrk does not tell which request an answer is for),
-- and prints "SOAK <key> <value>" lines for soak.sh to read.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do table.insert(fields, field) end
  return fields
end

function init(args)
  requests = {}
  for line in io.lines(os.getenv("SOAK_REQUESTS")) do
    local f = split(line)
    local headers = {}
    if f[3]:sub(1, 7) == "cookie=" then headers["Cookie"] = "mamori_session=" .. f[3]:sub(8)
    elseif f[3]:sub(1, 6) == "token=" then headers["Authorization"] = "Bearer " .. f[3]:sub(7) end
    local body = nil
    if f[4] ~= "-" then body = f[4]; headers["Content-Type"] = "application/json" end
    table.insert(requests, wrk.format(f[1], f[2], headers, body))
  end
  -- Each thread starts at a different place in the list, so the mix is spread over time.
  counter = (id * 7919) % #requests
  statuses = {}
  created = { entry = 0, incident = 0, other = 0 }
end

function request()
  counter = counter % #requests + 1
  return requests[counter]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then
    if body:find('"previousHash"', 1, true) then created.entry = created.entry + 1
    elseif body:find('"currentStep"', 1, true) then created.incident = created.incident + 1
    else created.other = created.other + 1 end
  end
end

function done(summary, latency, requests)
  local byStatus, classes, made = {}, { 0, 0, 0, 0, 0 }, { entry = 0, incident = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      byStatus[status] = (byStatus[status] or 0) + n
      local class = math.floor(status / 100)
      if class >= 1 and class <= 5 then classes[class] = classes[class] + n end
    end
    for kind, n in pairs(thread:get("created")) do made[kind] = made[kind] + n end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  print(string.format("SOAK requests %d", summary.requests))
  print(string.format("SOAK seconds %.1f", seconds))
  print(string.format("SOAK rps %.1f", summary.requests / seconds))
  print(string.format("SOAK p50_ms %.1f", latency:percentile(50) / 1000))
  print(string.format("SOAK p99_ms %.1f", latency:percentile(99) / 1000))
  print(string.format("SOAK max_ms %.1f", latency.max / 1000))
  print(string.format("SOAK socket_errors %d", e.connect + e.read + e.write + e.timeout))
  print(string.format("SOAK socket_detail connect=%d read=%d write=%d timeout=%d", e.connect, e.read, e.write, e.timeout))
  for class = 1, 5 do print(string.format("SOAK %dxx %d", class, classes[class])) end
  local codes = {}
  for status, n in pairs(byStatus) do table.insert(codes, status .. "=" .. n) end
  table.sort(codes)
  print("SOAK statuses " .. table.concat(codes, " "))
  print(string.format("SOAK created_entries %d", made.entry))
  print(string.format("SOAK created_incidents %d", made.incident))
  print(string.format("SOAK created_other %d", made.other))
end
