package io.centrabff.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before Spring MVC sees the request (the servlet container rejecting a URL, say) also answer with
 * problem+json instead of Boot's default error shape.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final Rejections rejections;
    private final Problems problems;

    ProblemErrorController(Rejections rejections, Problems problems) {
        this.rejections = rejections;
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError()
                ? "An unexpected error occurred; quote the correlation id"
                : "The request was rejected: " + status.getReasonPhrase();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(BffException.type(status.is5xxServerError() ? "internal" : "rejected"));
        problem.setTitle(status.getReasonPhrase());
        problems.enrich(problem, request);
        rejections.count(problem, status);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
