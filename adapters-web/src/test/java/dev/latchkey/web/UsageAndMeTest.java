package dev.latchkey.web;

import dev.latchkey.application.port.in.GetUsageUseCase.Granularity;
import dev.latchkey.application.port.in.GetUsageUseCase.UsageQuery;
import dev.latchkey.domain.apikey.ApiKeyId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class UsageAndMeTest extends ApiTestSupport {

    static final Instant NOW = WebTestApplication.NOW;
    static final Instant END_OF_TODAY = NOW.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    static final Instant END_OF_MINUTE = NOW.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);

    @Test
    void usageDefaultsToThirtyWholeDaysEndingToday() throws Exception {
        rateLimited(mvc.perform(get("/v1/usage").header("X-Api-Key", KEY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keyId").isEmpty())
                .andExpect(jsonPath("$.from").value("2026-10-24T00:00:00Z"))
                .andExpect(jsonPath("$.to").value("2026-11-23T00:00:00Z"))
                .andExpect(jsonPath("$.granularity").value("day"))
                .andExpect(jsonPath("$.data[0].start").value("2026-10-24T00:00:00Z"))
                .andExpect(jsonPath("$.data[0].requests").value(3))
                .andExpect(jsonPath("$.total").value(7));
        assertThat(WebTestApplication.lastQuery.get()).isEqualTo(new UsageQuery(Optional.empty(),
                END_OF_TODAY.minus(Duration.ofDays(30)), END_OF_TODAY, Granularity.DAY));
    }

    @Test
    void minuteUsageDefaultsToTheLastSixtyWholeMinutes() throws Exception {
        String keyId = "key_BBBBBBBBBBBBBBBBBBBBBB";
        mvc.perform(get("/v1/usage?granularity=minute&keyId=" + keyId).header("Authorization", jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keyId").value(keyId))
                .andExpect(jsonPath("$.granularity").value("minute"));
        assertThat(WebTestApplication.lastQuery.get()).isEqualTo(new UsageQuery(Optional.of(new ApiKeyId(keyId)),
                END_OF_MINUTE.minus(Duration.ofHours(1)), END_OF_MINUTE, Granularity.MINUTE));
        mvc.perform(get("/v1/usage").param("from", "2026-11-01T00:00:00Z").param("to", "2026-11-02T00:00:00+01:00")
                        .header("X-Api-Key", KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.to").value("2026-11-01T23:00:00Z"));
    }

    @Test
    void badUsageParametersAreNamed() throws Exception {
        invalid(mvc.perform(get("/v1/usage?granularity=hour&from=yesterday&to=now&keyId=abc").header("X-Api-Key", KEY)),
                "granularity", "from", "to", "keyId");
        invalid(mvc.perform(get("/v1/usage?from=2026-11-23T00:00:00Z").header("X-Api-Key", KEY)), "from");
        invalid(mvc.perform(get("/v1/usage?granularity=minute&from=2026-11-01T00:00:00Z").header("X-Api-Key", KEY)),
                "to");
    }

    @Test
    void meDescribesTheUserAndTheirWorkspaces() throws Exception {
        mvc.perform(get("/v1/auth/me").header("Authorization", jwt()).header("Latchkey-Environment", "live"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.startsWith("usr_")))
                .andExpect(jsonPath("$.email").value("ada@example.com"))
                .andExpect(jsonPath("$.environment").value("live"))
                .andExpect(jsonPath("$.workspace.id").value(WebTestApplication.WORKSPACE.value()))
                .andExpect(jsonPath("$.workspace.name").value("Acme"))
                .andExpect(jsonPath("$.workspace.plan").value("PRO"))
                .andExpect(jsonPath("$.workspace.role").value("OWNER"))
                .andExpect(jsonPath("$.workspaces.length()").value(2))
                .andExpect(jsonPath("$.workspaces[1].name").value("Side"))
                .andExpect(jsonPath("$.workspaces[1].plan").value("FREE"))
                .andExpect(jsonPath("$.workspaces[1].role").value("MEMBER"))
                .andExpect(jsonPath("$.workspaces[1].joinedAt").value("2026-11-22T10:00:00Z"));
    }
}
