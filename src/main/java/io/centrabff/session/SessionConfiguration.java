package io.centrabff.session;

import io.centrabff.centra.CentraGateway;
import io.centrabff.web.ClientIp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    @Bean
    SessionRelay sessionRelay(
            CentraGateway gateway,
            SessionProperties properties,
            ClientAddress clientAddress,
            ObjectProvider<SessionObserver> observers,
            ObjectProvider<RelayHook> hook,
            @Value("${bff.sandbox.active:false}") boolean sandbox) {
        // Secure cookies are not sent over plain http, so only the local sandbox run defaults to non-Secure.
        boolean secure = properties.cookieSecure() != null ? properties.cookieSecure() : !sandbox;
        SessionCookie cookie = new SessionCookie(properties, secure);
        return new SessionRelay(
                gateway,
                new SessionResolver(properties, cookie, clientAddress),
                cookie,
                properties,
                observers.orderedStream().toList(),
                hook.getIfAvailable(() -> RelayHook.NONE));
    }
}
