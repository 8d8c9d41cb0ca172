-- A shopper mix for wrk: mostly browsing, some cart changes, few checkouts. The same paths work against the BFF and
-- against the Centra stub, so both runs see the same mix.
local base = os.getenv("BASE_PATH") or "/api/checkout"
local json = { ["Content-Type"] = "application/json" }
local requests = {
  { weight = 55, method = "POST", path = base .. "/products", body = '{"limit":3,"search":"tee"}', headers = json },
  { weight = 20, method = "GET",  path = base .. "/products/1001" },
  { weight = 12, method = "POST", path = base .. "/items/1001-1" },
  { weight = 6,  method = "GET",  path = base .. "/selection" },
  { weight = 5,  method = "PUT",  path = base .. "/countries/DE" },
  { weight = 2,  method = "POST", path = base .. "/payment",
    body = '{"termsAndConditions":true,"paymentReturnPage":"https://shop.example/r","paymentFailedPage":"https://shop.example/f"}',
    headers = json },
}
-- MIX=relayed keeps only operations the BFF relays to Centra on every call (catalog reads come from its cache), so
-- the same mix against the stub and through the BFF measures what the BFF adds to a Centra call.
if os.getenv("MIX") == "relayed" then
  local relayed = {}
  for _, r in ipairs(requests) do
    if not r.path:find("/products", 1, true) then relayed[#relayed + 1] = r end
  end
  requests = relayed
end
local table_ = {}
-- THINK_MS=N: every request waits a random 0 to 2N ms first (N on average), as shoppers' requests do. Without it the
-- connections fall into lockstep behind the stand-in's fixed 100 ms, and each request arrives in a burst with all the
-- others (16 at once at 16 connections): the latency then measures the burst, not the path.
local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  delay = function()
    return math.random(0, 2 * think)
  end
end
-- Built in init: wrk adds the Host header only once the target is known.
init = function(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000))
  for _, r in ipairs(requests) do
    local raw = wrk.format(r.method, r.path, r.headers, r.body)
    for _ = 1, r.weight do table_[#table_ + 1] = raw end
  end
end
local counter = 0
request = function()
  counter = counter + 1
  return table_[(counter * 7919) % #table_ + 1]
end
done = function(summary, latency)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.1f errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
