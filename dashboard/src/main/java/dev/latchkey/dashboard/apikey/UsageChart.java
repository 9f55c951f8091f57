package dev.latchkey.dashboard.apikey;

import dev.latchkey.application.port.in.GetUsageUseCase.UsagePoint;
import dev.latchkey.application.port.in.GetUsageUseCase.UsageReport;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Requests per day as a server-rendered SVG bar chart (no script, no inline style): the geometry of each bar in the
 * chart's own coordinates ({@link #WIDTH} × {@link #HEIGHT}, scaled by the browser), with the day and count for its
 * title and for the table that reads the same numbers out.
 */
public record UsageChart(List<Bar> bars, long total, long max, List<Tick> ticks) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 200;
    static final double LEFT = 44;
    static final double RIGHT = 8;
    static final double TOP = 10;
    static final double BOTTOM = 28;
    /** A day without requests still shows a sliver, so that every day of the range has its place. */
    static final double EMPTY_HEIGHT = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public UsageChart {
        bars = List.copyOf(bars);
        ticks = List.copyOf(ticks);
    }

    /** One day: its rectangle, its date ({@code 2025-01-31}) and count. */
    public record Bar(String x, String y, String width, String height, String day, long requests) {
        public boolean empty() {
            return requests == 0;
        }

        public String title() {
            return day + ": " + (requests == 1 ? "1 request" : requests + " requests");
        }
    }

    /** A label of the day axis, centred under its bar. */
    public record Tick(String x, String label) {
    }

    public static UsageChart of(UsageReport report) {
        List<UsagePoint> points = report.points();
        long max = points.stream().mapToLong(UsagePoint::requests).max().orElse(0);
        double slot = plotWidth() / Math.max(1, points.size());
        double barWidth = slot * 0.7;
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            UsagePoint point = points.get(i);
            double height = point.requests() == 0 ? EMPTY_HEIGHT
                    : Math.max(EMPTY_HEIGHT, plotHeight() * point.requests() / max);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(number(x), number(baseline() - height), number(barWidth), number(height),
                    DAY.format(point.start()), point.requests()));
            if (i == 0 || i == points.size() - 1 || i == points.size() / 2) {
                ticks.add(new Tick(number(x + barWidth / 2), SHORT.format(point.start())));
            }
        }
        return new UsageChart(bars, report.total(), max, ticks);
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public String left() {
        return number(LEFT);
    }

    public String right() {
        return number(WIDTH - RIGHT);
    }

    public String top() {
        return number(TOP);
    }

    public String baselineY() {
        return number(baseline());
    }

    /** Under the axis, where the day labels sit. */
    public String labelY() {
        return number(baseline() + 16);
    }

    /** Left of the axis, where the count labels end. */
    public String countX() {
        return number(LEFT - 6);
    }

    private static double baseline() {
        return HEIGHT - BOTTOM;
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
