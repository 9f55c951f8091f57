package dev.latchkey.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The dashboard alone, on in-memory use cases (tests; also runnable to look at the pages). */
@SpringBootApplication
public class DashboardTestApplication {

    @Bean
    InMemoryAccounts inMemoryAccounts() {
        return new InMemoryAccounts();
    }

    public static void main(String[] args) {
        SpringApplication.run(DashboardTestApplication.class, args);
    }
}
