#!/usr/bin/env python3
"""A misbehaving Centra Checkout API stand-in for bench/abuse.sh, on loopback only.

Answers just enough of Centra's API for the BFF (countries, products, selection, items, login) and misbehaves on
request: POST /__mode/failing makes every answer a 500 with Centra's `errors` object (POST /__mode/healthy undoes it);
paths with an encoded slash get Apache's HTML 404. GET /__stats counts calls and request bodies carrying junk fields
(any name starting with "junk", "evil", "MARKET" or "pricelist "); POST /__reset answers the counts and clears them.
"""
import json
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/api/checkout"
JUNK = ("junk", "evil", "MARKET", "pricelist ")
state = {"failing": False, "calls": 0, "junk": 0, "paths": {}}
lock = threading.Lock()

COUNTRIES = {"countries": [{"country": "SE", "name": "Sweden", "market": "1", "pricelist": "19", "language": "sv"}]}


def product(pid):
    return {"product": pid, "name": "Tee " + pid, "category": "10", "available": True,
            "prices": {"19": {"price": "100 kr", "priceAsNumber": 100, "priceBeforeDiscount": "100 kr",
                              "priceBeforeDiscountAsNumber": 100, "discountPercent": 0,
                              "showAsOnSale": False, "showAsNew": False}}}


def selection(token):
    return {"token": token, "selection": {"items": [], "totals": {"grandTotalPriceAsNumber": 0}},
            "location": {"country": "SE", "language": "sv"}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        path = self.path
        if path.startswith("/__"):
            return self.control(path)
        with lock:
            state["calls"] += 1
            key = self.command + " " + path.split("?")[0][len(PREFIX):]
            key = key if "/products/" not in key and "/items/" not in key else key.rsplit("/", 1)[0] + "/*"
            state["paths"][key] = state["paths"].get(key, 0) + 1
            try:
                body = json.loads(raw) if raw else {}
            except ValueError:
                body = {}
            if isinstance(body, dict) and any(k.startswith(JUNK) for k in body):
                state["junk"] += 1
            failing = state["failing"]
        if "%2F" in path or "%2f" in path:
            return self.reply(404, b"<html><body><h1>Not Found</h1></body></html>", "text/html")
        token = self.headers.get("API-token")
        if failing:
            return self.reply(500, {"token": token or "t", "errors": {"internal": "database unavailable"}})
        route = path[len(PREFIX):].split("?")[0]
        if route == "/countries/all":
            return self.reply(200, COUNTRIES)
        if route == "/products" and self.command == "POST":
            ids = body.get("products") if isinstance(body, dict) else None
            items = [product(str(i)) for i in ids] if ids else [product("1001"), product("1002")]
            if ids and not all(str(i).isdigit() for i in ids):
                items = []
            return self.reply(200, {"products": items, "productCount": len(items), "filter": []})
        if route == "/selection":
            if token and token.startswith("known-"):
                return self.reply(200, selection(token))
            return self.reply(200, selection("fresh-" + uuid.uuid4().hex))
        if route.startswith("/items/") and self.command == "POST":
            return self.reply(201, selection(token or "fresh-" + uuid.uuid4().hex))
        if route.startswith("/login/"):
            if isinstance(body, dict) and body.get("password") == "victim-password":
                return self.reply(200, dict(selection(token or "fresh-" + uuid.uuid4().hex), loggedIn=True))
            return self.reply(406, {"token": token or "t", "errors": {"password": "incorrect"}})
        return self.reply(404, {"token": token or "t", "errors": {"route": "not found"}})

    def control(self, path):
        with lock:
            # The counts so far, then the change: /__reset answers what it is about to clear.
            snapshot = {k: state[k] for k in ("failing", "calls", "junk", "paths")}
            if path == "/__mode/failing":
                state["failing"] = True
            elif path == "/__mode/healthy":
                state["failing"] = False
            elif path == "/__reset":
                state.update(calls=0, junk=0, paths={})
        return self.reply(200, snapshot)

    do_GET = do_POST = do_PUT = do_DELETE = handle_any


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 18090
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    # The BFF gives up on slow answers by closing the connection: not worth a traceback.
    server.handle_error = lambda request, address: None
    server.serve_forever()
