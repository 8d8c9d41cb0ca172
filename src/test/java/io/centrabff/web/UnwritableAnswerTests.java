package io.centrabff.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.exc.InvalidDefinitionException;

/**
 * An answer that cannot be written because the client's connection is gone is dropped quietly; one that cannot be
 * written for any other reason (a body Jackson cannot serialise) is still reported.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnwritableAnswerTests {

    private final ProblemAdvice advice = new ProblemAdvice(
            new Rejections(new SimpleMeterRegistry()),
            new Problems(request -> null),
            new HttpLimitsProperties(DataSize.ofKilobytes(64), 64));

    @Test
    void anAnswerWhoseConnectionIsGoneIsDroppedWithoutAWarning(CapturedOutput output) throws Exception {
        HttpMessageNotWritableException gone = new HttpMessageNotWritableException(
                "Could not write JSON: ServletOutputStream failed to write",
                new IOException("The response may not be written to once it has been closed"));

        assertThat(advice.handleException(gone, committed())).isNull();
        assertThat(output.getAll()).doesNotContain("WARN");
    }

    @Test
    void anAnswerThatCannotBeSerialisedIsStillReported(CapturedOutput output) throws Exception {
        HttpMessageNotWritableException broken = new HttpMessageNotWritableException(
                "Could not write JSON",
                InvalidDefinitionException.from((JsonGenerator) null, "no serializer", (JavaType) null));

        advice.handleException(broken, committed());

        assertThat(output.getAll()).contains("WARN").contains("Response already committed");
    }

    /** A request whose response has already begun: the answer's headers are on their way. */
    private static ServletWebRequest committed() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setCommitted(true);
        return new ServletWebRequest(new MockHttpServletRequest(), response);
    }
}
