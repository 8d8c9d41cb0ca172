package io.centrabff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The centra-bff service: a backend-for-frontend in front of Centra's Checkout API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CentraBffApplication {

    public static void main(String[] args) {
        SpringApplication.run(CentraBffApplication.class, args);
    }
}
