package io.centrabff.widgets;

import io.centrabff.cart.CartEvents;
import io.centrabff.cart.CartKeys;
import io.centrabff.cart.CartState;
import io.centrabff.cart.CartStates;
import io.centrabff.centra.CentraGateway;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidgetsProperties.class)
class WidgetsConfiguration {

    /** Each cart's state keeps its widgets' session with it. */
    @Bean
    CartState.Parts widgetSessions() {
        return WidgetSession::new;
    }

    @Bean
    WidgetAnswers widgetAnswers(
            CartKeys keys,
            CartStates states,
            CartEvents events,
            CentraGateway gateway,
            ObjectMapper mapper,
            Clock clock,
            WidgetsProperties properties) {
        return new WidgetAnswers(keys, states, events, gateway, mapper, clock, properties);
    }
}
