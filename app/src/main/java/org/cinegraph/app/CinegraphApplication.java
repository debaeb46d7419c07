package org.cinegraph.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "org.cinegraph.app")
@ConfigurationPropertiesScan("org.cinegraph")
public class CinegraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(CinegraphApplication.class, args);
    }
}
