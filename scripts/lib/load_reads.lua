-- wrk script of scripts/bench-load: GET requests over the read routes of one store, with a bearer token, counting
-- answers by class. Environment: STOREOPS_TOKEN, STOREOPS_STORE.
local token = os.getenv("STOREOPS_TOKEN")
local store = os.getenv("STOREOPS_STORE")
local paths = {
    "/api/v1/me",
    "/api/v1/stores",
    "/api/v1/stores/" .. store .. "/table",
    "/api/v1/stores/" .. store .. "/report",
    "/api/v1/stores/" .. store .. "/imports",
    "/health",
}
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    counter = 0
    ok, client_errors, server_errors = 0, 0, 0
end

function request()
    counter = counter + 1
    local path = paths[(counter % #paths) + 1]
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

function response(status, headers, body)
    if status >= 500 then
        server_errors = server_errors + 1
    elseif status >= 400 then
        client_errors = client_errors + 1
    else
        ok = ok + 1
    end
end

function done(summary, latency, requests)
    local total_ok, total_4xx, total_5xx = 0, 0, 0
    for _, thread in ipairs(threads) do
        total_ok = total_ok + thread:get("ok")
        total_4xx = total_4xx + thread:get("client_errors")
        total_5xx = total_5xx + thread:get("server_errors")
    end
    io.write(string.format("answers: %d 2xx, %d 4xx, %d 5xx; socket errors: %d connect, %d read, %d write, %d timeout\n",
        total_ok, total_4xx, total_5xx, summary.errors.connect, summary.errors.read, summary.errors.write,
        summary.errors.timeout))
    io.write(string.format("latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
