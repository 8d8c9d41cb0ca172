package io.centrabff.session;

import io.centrabff.centra.CentraGateway;
import io.centrabff.centra.CentraProperties;
import io.centrabff.web.CallerToken;
import io.centrabff.web.ClientIp;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponseException;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    ClientAddress clientAddress(SessionProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    @Bean
    ClientIp clientIp(ClientAddress clientAddress) {
        return clientAddress::resolve;
    }

    /**
     * The key of the sealed session cookie: {@code bff.session.cookie-key}, else derived from Centra's shared secret
     * (the same on every instance and across restarts), else random (values die with the process: fine for the
     * sandbox, logged otherwise).
     */
    @Bean
    SessionSeal sessionSeal(
            SessionProperties properties,
            CentraProperties centra,
            @Value("${bff.sandbox.active:false}") boolean sandbox) {
        if (properties.cookieKey() != null && properties.cookieKey().isPresent()) {
            return new SessionSeal(properties.cookieKey().value());
        }
        if (centra.sharedSecret() != null && centra.sharedSecret().isPresent()) {
            return new SessionSeal(
                    "centra-shared-secret:" + centra.sharedSecret().value());
        }
        if (!sandbox && properties.mode() == SessionProperties.Mode.COOKIE) {
            LoggerFactory.getLogger(SessionConfiguration.class)
                    .warn("Neither bff.session.cookie-key nor centra.shared-secret is set: session cookies are sealed"
                            + " with a random key and stop working at the next restart or on another instance");
        }
        return SessionSeal.random();
    }

    @Bean
    SessionBindings sessionBindings(SessionProperties properties, SessionBindings.Shared shared) {
        return new SessionBindings(properties.signedInSessions(), properties.cookieMaxAge(), shared);
    }

    /**
     * In header mode the BFF's own problem answers repeat the caller's token, as Centra's answers do; a token that is
     * not well formed is not repeated (the answer is then about it).
     */
    @Bean
    CallerToken callerToken(SessionProperties properties) {
        if (properties.mode() != SessionProperties.Mode.HEADER) {
            return request -> null;
        }
        return request -> {
            try {
                return SessionResolver.headerToken(request);
            } catch (ErrorResponseException malformed) {
                return null;
            }
        };
    }

    @Bean
    SessionRelay sessionRelay(
            CentraGateway gateway,
            SessionProperties properties,
            ClientAddress clientAddress,
            SessionSeal seal,
            SessionBindings bindings,
            ObjectProvider<RelayInterceptor> interceptors,
            @Value("${bff.sandbox.active:false}") boolean sandbox) {
        // Secure cookies are not sent over plain http, so only the local sandbox run defaults to non-Secure.
        boolean secure = properties.cookieSecure() != null ? properties.cookieSecure() : !sandbox;
        SessionCookie cookie = new SessionCookie(properties, secure, seal);
        return new SessionRelay(
                gateway,
                new SessionResolver(properties, cookie, clientAddress, bindings),
                cookie,
                bindings,
                properties,
                interceptors.orderedStream().toList());
    }
}
