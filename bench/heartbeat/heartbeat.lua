-- wrk script: POSTs pre-signed heartbeat bodies, one per line of the file given after "--" (args: file, threads).
-- Each thread takes every n-th line, so no body (no key) is sent twice unless the file runs out.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local nthreads = tonumber(args[2])
  bodies = {}
  local i = 0
  for line in io.lines(args[1]) do
    if i % nthreads == id then
      bodies[#bodies + 1] = line
    end
    i = i + 1
  end
  idx = 0
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  idx = idx + 1
  if idx > #bodies then
    idx = 1 -- exhausted: re-sends are replays and show up as non-2xx
  end
  return wrk.format("POST", "/api/v1/validators/heartbeat", headers, bodies[idx])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"non2xx":%d,"socket_errors":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
