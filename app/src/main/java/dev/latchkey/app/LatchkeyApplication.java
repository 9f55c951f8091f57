package dev.latchkey.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Latchkey: the API (adapters-web), the dashboard and the PostgreSQL store in one Spring Boot app. */
@SpringBootApplication(scanBasePackages = "dev.latchkey")
@ConfigurationPropertiesScan
public class LatchkeyApplication {

    public static void main(String[] args) {
        SpringApplication.run(LatchkeyApplication.class, args);
    }
}
