-- wrk script: the v2 email resend (the second seed document's v2 form), sent through ZITADEL.
wrk.method = "POST"
wrk.body = '{"sendCode":{}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer mock-admin"
