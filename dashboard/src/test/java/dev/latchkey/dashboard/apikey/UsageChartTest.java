package dev.latchkey.dashboard.apikey;

import dev.latchkey.application.port.in.GetUsageUseCase.Granularity;
import dev.latchkey.application.port.in.GetUsageUseCase.UsagePoint;
import dev.latchkey.application.port.in.GetUsageUseCase.UsageReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UsageChartTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void barsScaleToTheBusiestDayAndEmptyDaysKeepASliver() {
        UsageChart chart = UsageChart.of(report(0, 5, 10));

        assertThat(chart.total()).isEqualTo(15);
        assertThat(chart.max()).isEqualTo(10);
        List<UsageChart.Bar> bars = chart.bars();
        assertThat(bars).extracting(UsageChart.Bar::height).containsExactly("2.0", "81.0", "162.0");
        assertThat(bars).extracting(UsageChart.Bar::y).containsExactly("170.0", "91.0", "10.0");
        assertThat(bars.getFirst().empty()).isTrue();
        assertThat(bars.get(1).title()).isEqualTo("2025-01-02: 5 requests");
        assertThat(chart.ticks()).extracting(UsageChart.Tick::label).containsExactly("Jan 1", "Jan 2", "Jan 3");
        assertThat(Double.parseDouble(bars.getLast().x()) + Double.parseDouble(bars.getLast().width()))
                .as("inside the chart").isLessThan(UsageChart.WIDTH);
    }

    @Test
    void aMonthOfDaysIsLabelledAtItsStartMiddleAndEnd() {
        long[] counts = new long[30];
        counts[29] = 1;
        UsageChart chart = UsageChart.of(report(counts));

        assertThat(chart.bars()).hasSize(30);
        assertThat(chart.bars().getLast().title()).isEqualTo("2025-01-30: 1 request");
        assertThat(chart.ticks()).extracting(UsageChart.Tick::label).containsExactly("Jan 1", "Jan 16", "Jan 30");
    }

    private static UsageReport report(long... counts) {
        List<UsagePoint> points = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            points.add(new UsagePoint(FROM.plus(i, ChronoUnit.DAYS), counts[i]));
            total += counts[i];
        }
        return new UsageReport(Optional.empty(), FROM, FROM.plus(counts.length, ChronoUnit.DAYS), Granularity.DAY,
                points, total);
    }
}
