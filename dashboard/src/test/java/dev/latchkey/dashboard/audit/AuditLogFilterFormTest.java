package dev.latchkey.dashboard.audit;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogFilterFormTest {

    private static final String CURSOR = "aud_0123456789abcdefghijAB";

    @Test
    void wholeUtcDaysWithBothEndsIncluded() {
        AuditLogFilterForm.Parsed parsed = new AuditLogFilterForm("key.revoked", " usr_1 ", "", "2026-01-31",
                "2026-02-01", "live", CURSOR).parse();

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.filter().action()).contains(AuditAction.KEY_REVOKED);
        assertThat(parsed.filter().actorId()).contains("usr_1");
        assertThat(parsed.filter().targetId()).isEmpty();
        assertThat(parsed.filter().from()).contains(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(parsed.filter().to()).contains(Instant.parse("2026-02-02T00:00:00Z"));
        assertThat(parsed.filter().environment()).contains(Environment.LIVE);
        assertThat(parsed.cursor()).isEqualTo(CURSOR);
    }

    @Test
    void eachUnreadableValueIsReportedOnItsField() {
        AuditLogFilterForm.Parsed parsed = new AuditLogFilterForm("key.exploded", null, null, "31/01/2026",
                "+10000-01-01", "staging", "not-a-cursor").parse();

        assertThat(parsed.errors()).containsOnlyKeys("action", "from", "to", "environment", "cursor");
        assertThat(parsed.errors().get("from")).contains("YYYY-MM-DD");
    }

    @Test
    void toBeforeFromIsReportedOnTo() {
        assertThat(new AuditLogFilterForm(null, null, null, "2026-02-02", "2026-02-01", null, null).parse().errors())
                .containsOnlyKeys("to");
    }

    @Test
    void pageLinksKeepTheFiltersGivenAndEncodeThem() {
        AuditLogFilterForm form = new AuditLogFilterForm("key.created", "", "a b&c+d", null, null, "test", CURSOR);

        assertThat(form.pageLink(null))
                .isEqualTo("/settings/audit-log?action=key.created&targetId=a+b%26c%2Bd&environment=test");
        assertThat(form.pageLink("aud_next")).endsWith("&environment=test&cursor=aud_next");
        assertThat(form.filtered()).isTrue();
        assertThat(new AuditLogFilterForm(null, " ", null, null, null, null, CURSOR).filtered()).isFalse();
    }
}
