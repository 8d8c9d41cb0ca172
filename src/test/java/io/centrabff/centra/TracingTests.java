package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.centrabff.ShopperClient.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A storefront's W3C trace context continues through the BFF to Centra: the trace id of an incoming
 * {@code traceparent} reaches Centra in its own {@code traceparent} (a child span of the BFF's), beside the
 * correlation id, and log lines of the request carry the trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingTests extends StubbedCentra {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void theStorefrontsTraceContinuesToCentra() {
        CENTRA.stubFor(get(anyUrl()).willReturn(okJson("{\"token\":\"t1\",\"selection\":{\"items\":[]}}")));

        Reply reply = client.get("/api/checkout/selection", "traceparent", PARENT, "X-Correlation-ID", "trace-test-1");

        assertThat(reply.status()).isEqualTo(200);
        List<LoggedRequest> calls =
                CENTRA.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(anyUrl()));
        assertThat(calls).isNotEmpty();
        String sent = calls.get(0).getHeader("traceparent");
        assertThat(sent).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(calls.get(0).getHeader("X-Correlation-ID")).isEqualTo("trace-test-1");
    }

    @Test
    void logLinesOfTheRequestCarryItsTraceId(CapturedOutput output) {
        // A failing Centra call is logged (WARN) on a Reactor thread, where the trace context must still be there.
        CENTRA.stubFor(get(anyUrl()).willReturn(serverError()));

        assertThat(client.get("/api/checkout/selection", "traceparent", PARENT).status())
                .isEqualTo(503);

        assertThat(output.getAll().lines().filter(line -> line.contains("Centra SELECTION failed")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(TRACE_ID));
    }

    @Test
    void withoutAStorefrontTraceTheBffStartsOne() {
        CENTRA.stubFor(get(anyUrl()).willReturn(okJson("{\"token\":\"t2\",\"selection\":{\"items\":[]}}")));

        assertThat(client.get("/api/checkout/selection").status()).isEqualTo(200);

        String sent = CENTRA.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(anyUrl()))
                .get(0)
                .getHeader("traceparent");
        assertThat(sent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }
}
