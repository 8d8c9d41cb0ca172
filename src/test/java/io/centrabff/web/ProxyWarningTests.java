package io.centrabff.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** With no trusted proxy, the first request arriving through one is logged once: an error outside the sandbox. */
@ExtendWith(OutputCaptureExtension.class)
class ProxyWarningTests {

    @Test
    void aRequestThroughAProxyIsAnErrorOnceOutsideTheSandbox(CapturedOutput output) throws Exception {
        ProxyWarning warning = new ProxyWarning(false);
        MockHttpServletRequest direct = new MockHttpServletRequest("GET", "/api/checkout/selection");
        warning.doFilter(direct, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(output.getAll()).doesNotContain("trusted-proxies");

        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest proxied = new MockHttpServletRequest("GET", "/api/checkout/selection");
            proxied.addHeader("X-Forwarded-For", "203.0.113.9");
            MockFilterChain chain = new MockFilterChain();
            warning.doFilter(proxied, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as("the request goes on").isNotNull();
        }

        String log = output.getAll();
        assertThat(log).contains("ERROR").contains("bff.session.trusted-proxies is empty");
        assertThat(log.split("trusted-proxies is empty", -1)).hasSize(2);
    }

    @Test
    void inTheSandboxItIsAWarning(CapturedOutput output) throws Exception {
        MockHttpServletRequest proxied = new MockHttpServletRequest("GET", "/api/checkout/selection");
        proxied.addHeader("X-Forwarded-For", "203.0.113.9");
        new ProxyWarning(true).doFilter(proxied, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(output.getAll()).contains("WARN").doesNotContain("ERROR");
    }
}
