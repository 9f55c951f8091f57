package dev.latchkey.app;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenancyConfigurationTest {

    @Test
    void thePublicUrlIsAnAbsoluteHttpUrlWithoutTrailingSlash() {
        assertThat(TenancyConfiguration.publicUrl("https://latchkey.example.com/")).hasToString(
                "https://latchkey.example.com");
        assertThat(TenancyConfiguration.publicUrl(" http://localhost:8080 ")).hasToString("http://localhost:8080");
        assertThat(TenancyConfiguration.publicUrl("https://example.com/latchkey/")).hasToString(
                "https://example.com/latchkey");
        for (String bad : new String[]{"", "latchkey.example.com", "ftp://example.com", "https://x.com/?a=b",
                "not a url"}) {
            assertThatThrownBy(() -> TenancyConfiguration.publicUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latchkey.public-url");
        }
    }

    @Test
    void theSenderIsConfiguredOrTheMailUserOrLatchkeyAtThePublicHost() {
        URI url = URI.create("https://Keys.Example.com");

        assertThat(TenancyConfiguration.from(new MockEnvironment(), url)).isEqualTo("latchkey@keys.example.com");
        assertThat(TenancyConfiguration.from(new MockEnvironment().withProperty("spring.mail.username", "smtp-user"),
                url)).isEqualTo("latchkey@keys.example.com");
        assertThat(TenancyConfiguration.from(new MockEnvironment().withProperty("spring.mail.username",
                "bot@example.com"), url)).isEqualTo("bot@example.com");
        assertThat(TenancyConfiguration.from(new MockEnvironment()
                .withProperty("spring.mail.username", "bot@example.com")
                .withProperty("spring.mail.properties.mail.from", "Latchkey <no-reply@example.com>"), url))
                .isEqualTo("Latchkey <no-reply@example.com>");
    }
}
