#!/usr/bin/env bash
# The QA walk of README ("The mock as a QA workbench") with curl against verifydesk-mock:
# make the next email resend fail with 429, clear the rule, resend, read the code from the
# outbox, verify it, see the user verified. ctest runs it, so the README's commands stay true.
# Usage: curl-walkthrough.sh PATH/TO/verifydesk-mock
set -euo pipefail
mock_binary=${1:?usage: curl-walkthrough.sh PATH/TO/verifydesk-mock}
log=$(mktemp)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT

"$mock_binary" --port 0 --admin-token vdmock_readme_walkthrough_01 >"$log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q '^listening on ' "$log" && break; sleep 0.05; done
M=$(sed -n 's/^listening on //p' "$log")
[ -n "$M" ] || { echo "verifydesk-mock did not start:"; cat "$log"; exit 1; }

fail() { echo "curl-walkthrough: $*" >&2; exit 1; }
ADMIN="Authorization: Bearer vdmock_readme_walkthrough_01"   # printed by verifydesk-mock
ZITADEL="Authorization: Bearer mock-admin"                    # a ZITADEL token of the mock
U=312909075211944345                                          # Donald Duck, email unverified

# 1. The next email resend fails with 429 and Retry-After.
rule=$(curl -s -H "$ADMIN" -X POST "$M/_mock/faults" \
     -d '{"endpoint":"email-resend","error":"rate-limited","retryAfterSeconds":30,"times":1}')
echo "$rule" | grep -q '"id":"1"' || fail "rule not added: $rule"
answer=$(curl -s -i -H "$ZITADEL" -X POST "$M/v2/users/$U/email/resend" -d '{}')
echo "$answer" | head -1 | grep -q ' 429' || fail "expected 429: $answer"
echo "$answer" | grep -qi '^Retry-After: 30' || fail "expected Retry-After: 30: $answer"
# 2. Clear the rules; the resend goes through.
curl -s -H "$ADMIN" -X DELETE "$M/_mock/faults" >/dev/null
answer=$(curl -s -H "$ZITADEL" -X POST "$M/v2/users/$U/email/resend" -d '{}')
echo "$answer" | grep -q '"sequence"' || fail "resend failed: $answer"
# 3. Read the code from the outbox (newest first).
CODE=$(curl -s -H "$ADMIN" "$M/_mock/outbox?userId=$U&limit=1" | sed -n 's/.*"code":"\([^"]*\)".*/\1/p')
[ -n "$CODE" ] || fail "no code in the outbox"
# 4. Verify it, and see the user verified.
answer=$(curl -s -H "$ZITADEL" -X POST "$M/v2/users/$U/email/verify" -d "{\"verificationCode\":\"$CODE\"}")
echo "$answer" | grep -q '"details"' || fail "verify failed: $answer"
curl -s -H "$ZITADEL" "$M/v2/users/$U" | grep -q '"email":{"email":"[^"]*","isVerified":true}' \
    || fail "the email is not verified"
# 5. ZITADEL tokens do not open the admin API.
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$ZITADEL" "$M/_mock/outbox")" = 401 ] || fail "admin API open to mock-admin"
# 6. The mock stops cleanly on SIGTERM (exit code 0). In a sanitized build this is also where
#    a leak or a sanitizer report at exit shows: its exit code is then not 0.
kill -TERM "$pid"
if ! wait "$pid"; then cat "$log"; fail "verifydesk-mock did not exit cleanly after SIGTERM"; fi
echo "curl walkthrough: 429, clear, resend, outbox code $CODE, verified, clean exit"
