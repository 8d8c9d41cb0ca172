package io.centrabff.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's host-level error page, for requests Tomcat refuses before any filter or controller sees them (a malformed
 * escape such as {@code %ZZ}, an encoded NUL or backslash, overlong UTF-8): problem+json like every other error,
 * with the hardening headers, instead of an HTML page; in header mode with the caller's token when it is well formed,
 * as every other problem. Public because Tomcat instantiates it by class name when no instance was added (then
 * without the token).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final CallerToken callerToken;

    public ProblemErrorReportValve() {
        this(request -> null);
    }

    ProblemErrorReportValve(CallerToken callerToken) {
        this.callerToken = callerToken;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known != null ? known.getReasonPhrase() : "Error";
        String detail = status >= 500
                ? "An unexpected error occurred; quote the correlation id"
                : "The request was rejected before it reached the API (" + reason
                        + "): check the URL's percent-encoding and the headers";
        String correlationId = UUID.randomUUID().toString();
        String body = "{\"type\":\"" + BffException.TYPE_BASE + (status >= 500 ? "internal" : "rejected") + "\","
                + "\"title\":\"" + reason + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\","
                + "\"errors\":{\"request\":\"" + detail + "\"},\"correlationId\":\"" + correlationId + "\""
                + token(request) + "}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(Correlation.HEADER, correlationId);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed; nothing more can be said.
        }
    }

    /** The {@code token} member in header mode, or nothing; the header can be read even when the URI could not. */
    private String token(Request request) {
        String token;
        try {
            token = callerToken.of(request);
        } catch (RuntimeException unreadable) {
            return "";
        }
        if (token == null) {
            return "";
        }
        // A well-formed token may hold a backslash, never a quote or a control character.
        return ",\"token\":\"" + token.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
