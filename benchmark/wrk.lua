-- The runner's wrk script: `wrk ... -s benchmark/wrk.lua <url> -- <method> <body> <path> [<path> ...]`.
-- Requests go round the paths given (one path: the same request every time); responses that are
-- not 2xx are counted, never hidden, and so are the queries the server reports in X-Bench-Queries.
-- At the end it prints one line, "BENCH_RESULT {json}", for the runner to read.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  method = args[1]
  body = args[2] ~= "" and args[2] or nil
  paths = {}
  for i = 3, #args do
    paths[#paths + 1] = args[i]
  end
  sent = 0
  responses = 0
  non_2xx = 0
  queries = 0
  counted = 0
end

function request()
  sent = sent + 1
  return wrk.format(method, paths[(sent - 1) % #paths + 1], nil, body)
end

function response(status, headers, _)
  responses = responses + 1
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
  end
  local count = headers["X-Bench-Queries"] or headers["x-bench-queries"]
  if count then
    queries = queries + tonumber(count)
    counted = counted + 1
  end
end

function done(summary, latency, _)
  local totals = { responses = 0, non_2xx = 0, queries = 0, counted = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "responses": %d, "non_2xx": %d, "queries": %d, '
      .. '"with_query_count": %d, "socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}, '
      .. '"latency_us": {"p50": %d, "p95": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration, totals.responses, totals.non_2xx, totals.queries, totals.counted,
    errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean
  ))
end
