package io.centrabff.web;

import java.util.Arrays;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat settings Boot has no property for. {@code %2F} inside a path value (an item or voucher id) stays inside that
 * one value instead of a container 400; the gateway re-encodes it as one segment, so it can never split Centra's
 * path. And Tomcat's own refusals answer problem+json ({@link ProblemErrorReportValve}).
 */
@Component
class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectProvider<CallerToken> callerToken;

    TomcatHardening(ObjectProvider<CallerToken> callerToken) {
        this.callerToken = callerToken;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                // The host adds a valve of that class only when it has none: this one knows the caller's token. The
                // token's source is looked up at the first error, as the server starts before the beans it needs.
                if (Arrays.stream(host.getPipeline().getValves())
                        .noneMatch(ProblemErrorReportValve.class::isInstance)) {
                    host.getPipeline().addValve(new ProblemErrorReportValve(request -> callerToken
                            .getIfAvailable(() -> unknown -> null)
                            .of(request)));
                }
            }
        });
    }
}
