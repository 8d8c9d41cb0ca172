#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went. Reads `jfr print --events jdk.ExecutionSample` output on stdin; counts
only samples of Tomcat's request threads (http-nio-*). Prints (1) each sample attributed to the innermost layer of
the request path on its stack (filters, MVC dispatch and its parts, the catalog fast path, Tomcat), so the shares add
up to 100 %, (2) the share of samples in some libraries wherever they are called from, (3) the top leaf frames."""
import collections
import re
import sys

# Innermost first wins: a sample belongs to the first of these (from the leaf) on its stack.
LAYERS = [
    ("catalog fast path (CatalogHitFilter)", "io.centrabff.catalog.CatalogHitFilter."),
    ("MVC: CatalogController + CatalogReads", "io.centrabff.catalog.CatalogController."),
    ("MVC: return value, message conversion", "org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite."),
    ("MVC: argument resolution (body -> JsonNode)", "org.springframework.web.method.support.InvocableHandlerMethod.getMethodArgumentValues"),
    ("MVC: handler lookup", "org.springframework.web.servlet.DispatcherServlet.getHandler"),
    ("MVC: rest of DispatcherServlet", "org.springframework.web.servlet."),
    ("filter: RequestContextFilter", "org.springframework.web.filter.RequestContextFilter."),
    ("filter: FormContentFilter", "org.springframework.web.filter.FormContentFilter."),
    ("filter: RateLimitFilter", "io.centrabff.web.RateLimitFilter."),
    ("filter: RequestSizeFilter", "io.centrabff.web.RequestSizeFilter."),
    ("filter: CorsFilter", "org.springframework.web.filter.CorsFilter."),
    ("filter: SecurityHeadersFilter", "io.centrabff.web.SecurityHeadersFilter."),
    ("filter: ServerHttpObservationFilter (metrics, tracing)", "org.springframework.web.filter.ServerHttpObservationFilter."),
    ("filter: CorrelationFilter", "io.centrabff.web.CorrelationFilter."),
    ("filter: CharacterEncodingFilter", "org.springframework.web.filter.CharacterEncodingFilter."),
    ("filter plumbing (OncePerRequestFilter, chain)", "org.springframework.web.filter.OncePerRequestFilter."),
    ("Tomcat: parsing, valves, writing", "org.apache."),
]
LIBRARIES = [
    ("Micrometer", "io.micrometer."),
    ("OpenTelemetry", "io.opentelemetry."),
    ("Jackson", "tools.jackson."),
    ("Caffeine", "com.github.benmanes.caffeine."),
    ("session resolution (SessionResolver)", "io.centrabff.session.SessionResolver."),
    ("socket I/O (sun.nio.ch)", "sun.nio.ch."),
]

samples = []
thread = None
frames = None
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("jdk.ExecutionSample"):
        thread, frames = None, []
    elif frames is not None and line.strip().startswith("sampledThread"):
        m = re.search(r'"([^"]*)"', line)
        thread = m.group(1) if m else ""
    elif frames is not None and re.match(r"\s+[\w$.<>]+\(.*\)\s+line:", line):
        frames.append(line.strip().split("(")[0])
    elif frames is not None and line.strip() == "}":
        if thread is not None and thread.startswith("http-nio"):
            samples.append(frames)
        frames = None

total = len(samples)
if total == 0:
    sys.exit("no samples of request threads")


def layer(stack):
    for frame in stack:
        for name, prefix in LAYERS:
            if frame.startswith(prefix):
                return name
    return "other (JVM, no request frame)"


print(f"{total} samples of request threads (http-nio-*)")
print("Innermost layer on the stack (adds up to 100 %):")
for name, n in collections.Counter(layer(s) for s in samples).most_common():
    print(f"  {100.0 * n / total:5.1f}%  {name}")
print("Libraries, wherever called from:")
for name, prefix in LIBRARIES:
    n = sum(1 for s in samples if any(f.startswith(prefix) for f in s))
    print(f"  {100.0 * n / total:5.1f}%  {name}")
print("Top leaf frames:")
for frame, n in collections.Counter(s[0] for s in samples if s).most_common(12):
    print(f"  {100.0 * n / total:5.1f}%  {frame}")
