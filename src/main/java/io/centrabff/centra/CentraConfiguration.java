package io.centrabff.centra;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.ObjectMapper;

/** Builds the gateway's WebClient from Boot's builder on a pooled Reactor Netty connector. */
@Configuration(proxyBeanMethods = false)
class CentraConfiguration {

    @Bean(destroyMethod = "dispose")
    ConnectionProvider centraConnectionProvider(CentraProperties properties) {
        return ConnectionProvider.builder("centra")
                .maxConnections(properties.maxConnections())
                .pendingAcquireTimeout(properties.pendingAcquireTimeout())
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .evictInBackground(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    CentraGateway centraGateway(
            WebClient.Builder builder,
            ConnectionProvider centraConnectionProvider,
            CentraProperties properties,
            ObjectMapper mapper,
            CentraResilience resilience,
            CentraMetrics metrics) {
        DroppedErrors.install();
        HttpClient http = HttpClient.create(centraConnectionProvider)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.connectTimeout().toMillis())
                .responseTimeout(properties.timeouts().payment());
        WebClient client = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs()
                        .maxInMemorySize((int) properties.maxResponseSize().toBytes()))
                .filter(new CentraSecretFilter(properties.sharedSecret()))
                .build();
        return new CentraGateway(client, properties, mapper, resilience, metrics);
    }
}
