-- wrk script for tests/bench/load-mock.sh: the calls Verify Desk and the ZITADEL SDKs make,
-- in turn on every connection, as mock-admin (a valid mock token). Paths and bodies as in
-- docs/mock-workbench.md; the users are seed users (tests/mock/SeedIds.h) whose resends
-- succeed again and again (a pending code is replaced each time).
--
-- The two verify calls carry a wrong code on purpose: ZITADEL answers 400 "Code is invalid"
-- (COMMAND-eis9R), so 2 of every 14 answers are an expected 400. Anything else that is not
-- 2xx is a finding. done() prints one machine-readable line, "VDLOAD key=value ...", with the
-- answers counted by status, which the load script turns into its figure block.

local acme = "312908912355508120"
local donald = "312909075211944345" -- email unverified, pending code
local goofy = "312909075211944347" -- email unverified, pending code, no phone
local minnie = "312909075211944344" -- phone unverified, pending code
local connect = "/zitadel.user.v2.UserService/"

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

local requests = {}
statuses = {} -- global: done() reads it from every thread with thread:get()

function init(args)
    local h = {
        ["Authorization"] = "Bearer mock-admin",
        ["Content-Type"] = "application/json",
    }
    local v1 = {
        ["Authorization"] = "Bearer mock-admin",
        ["Content-Type"] = "application/json",
        ["x-zitadel-orgid"] = acme,
    }
    local list = '{"query":{"offset":"0","limit":20},"sortingColumn":"USER_FIELD_NAME_DISPLAY_NAME"}'
    requests = {
        -- list users: v2 REST, v2 Connect, v1 management
        wrk.format("POST", "/v2/users", h, list),
        wrk.format("POST", connect .. "ListUsers", h, list),
        wrk.format("POST", "/management/v1/users/_search", v1, '{"query":{"limit":20}}'),
        -- get user: v2 REST and Connect
        wrk.format("GET", "/v2/users/" .. donald, h, nil),
        wrk.format("POST", connect .. "GetUserByID", h, '{"userId":"' .. minnie .. '"}'),
        -- resend email: v2 REST (send), v2 Connect (return the code), v3alpha REST
        wrk.format("POST", "/v2/users/" .. donald .. "/email/resend", h, '{"sendCode":{}}'),
        wrk.format("POST", connect .. "ResendEmailCode", h, '{"userId":"' .. goofy .. '","returnCode":{}}'),
        wrk.format("POST", "/resources/v3alpha/users/" .. goofy .. "/email/_resend", h,
            '{"organization":{"orgId":"' .. acme .. '"}}'),
        -- resend phone: v2 REST, v2 Connect, v1 management
        wrk.format("POST", "/v2/users/" .. minnie .. "/phone/resend", h, '{}'),
        wrk.format("POST", connect .. "ResendPhoneCode", h, '{"userId":"' .. minnie .. '"}'),
        wrk.format("POST", "/management/v1/users/" .. minnie .. "/phone/_resend_verification", v1, '{}'),
        wrk.format("POST", "/management/v1/users/" .. donald .. "/email/_resend_verification", v1, '{}'),
        -- verify with a wrong code: REST and Connect (expected 400 COMMAND-eis9R)
        wrk.format("POST", "/v2/users/" .. donald .. "/email/verify", h, '{"verificationCode":"WRONG1"}'),
        wrk.format("POST", connect .. "VerifyPhone", h, '{"userId":"' .. minnie .. '","verificationCode":"WRONG1"}'),
    }
end

local cursor = 0

function request()
    cursor = cursor % #requests + 1
    return requests[cursor]
end

function response(status, headers, body)
    local key = tostring(status)
    statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
    local merged = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            merged[status] = (merged[status] or 0) + count
        end
    end
    local byStatus = {}
    for status, count in pairs(merged) do
        table.insert(byStatus, status .. ":" .. count)
    end
    table.sort(byStatus)
    local e = summary.errors
    io.write(string.format(
        "VDLOAD requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d timeout=%d status=%s\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
        e.connect, e.read, e.write, e.timeout, table.concat(byStatus, ",")))
end
