package io.centrabff.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Rejects bodies over {@code bff.http.max-body-size} with 413 before any handler runs: at once when Content-Length
 * says so; a body of unknown length (chunked) is read up to one byte past the limit (at most a few KB, never a huge
 * body) and refused the same way, or handed on from memory.
 */
@Component
@Order(FilterOrder.BODY_SIZE)
class RequestSizeFilter extends OncePerRequestFilter {

    private static final String TOO_LARGE = "The request body is larger than this service accepts";

    private final long limit;
    private final ObjectMapper mapper;
    private final Rejections rejections;

    RequestSizeFilter(HttpLimitsProperties properties, ObjectMapper mapper, Rejections rejections) {
        this.limit = properties.maxBodySize().toBytes();
        this.mapper = mapper;
        this.rejections = rejections;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
        problem.setType(BffException.type("body-too-large"));
        problem.setTitle("Request body too large");
        Problems.enrich(problem, Correlation.of(request));
        rejections.count("body-too-large");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The rest of the body is not read: the connection cannot be reused.
        response.setHeader("Connection", "close");
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
