-- bench/post.lua: POSTs the JSON body in the environment variable BENCH_BODY (other headers come from wrk -H).
-- It sets only wrk's request fields, so wrk still sends one pre-built request over and over.
--   BENCH_BODY='{"key":"...","scopes":[]}' wrk -t2 -c64 -d10s -s bench/post.lua -H 'Authorization: Bearer ...' URL

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BENCH_BODY") or error("BENCH_BODY is not set")
