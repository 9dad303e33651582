package io.switchboard.mihttp.charts;

import static org.owasp.encoder.Encode.forXml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A line chart drawn as SVG on the server, for the MI page: one {@code <path class="series">} per
 * series, a legend, the time axis from the start of the window to now and a value axis from 0 to a
 * round number above the highest value. No script, no style sheet, no external reference: it renders
 * as it is under the page's Content-Security-Policy. Every name is escaped (roots come from other
 * bundles). A gap in a series (no value) breaks its line; a value alone between gaps is a dot; an
 * infinite value (a p99 above every bucket) is drawn in a band over the top of the axis.
 */
final class SvgChart {
    /** The most series drawn, the busiest: more would not be told apart. */
    static final int MAX_SERIES = 12;
    static final int WIDTH = 760;
    static final int HEIGHT = 280;
    private static final int LEFT = 72;
    private static final int RIGHT = 580;
    private static final int TOP = 24;
    private static final int BOTTOM = 244;
    private static final int OVERFLOW_BAND = 28;
    private static final int LEGEND_X = 596;
    private static final int LEGEND_LINE = 17;
    private static final int LEGEND_CHARACTERS = 24;
    private static final int VALUE_TICKS = 4;
    private static final int TIME_TICKS = 3;
    private static final String[] COLORS = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a" };

    /**
     * @param id the element's id, unique in the page
     * @param title what it shows, as the SVG's title
     * @param unit the values' unit, written over the value axis
     * @param format how a value reads on the axis and in a series' tooltip
     * @param overflow what the band over the axis means, for charts that may have infinite values
     */
    record Spec(String id, String title, String unit, DoubleFunction<String> format, String overflow) {
    }

    private final Spec spec;

    SvgChart(Spec spec) {
        this.spec = spec;
    }

    /**
     * @return the names of the series a chart of {@code timeline} draws, in name order: all of them,
     *         or the {@value #MAX_SERIES} with the highest sum of values
     */
    static List<String> drawn(Timeline timeline) {
        List<String> names = new ArrayList<>(timeline.series().keySet());
        if (names.size() > MAX_SERIES) {
            names.sort(Comparator.comparingDouble((String name) -> sum(timeline.series().get(name))).reversed()
                    .thenComparing(Comparator.naturalOrder()));
            names = new ArrayList<>(names.subList(0, MAX_SERIES));
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                sum += value;
            }
        }
        return sum;
    }

    /**
     * @param nowNanos the right end of the time axis, on the timeline's clock
     * @param window the span of the time axis: samples older are not drawn
     */
    String render(Timeline timeline, long nowNanos, Duration window) {
        List<String> names = drawn(timeline);
        long startNanos = nowNanos - window.toNanos();
        boolean overflow = false;
        double max = 0;
        for (String name : names) {
            double[] values = timeline.series().get(name);
            for (int i = 0; i < values.length; i++) {
                if (timeline.nanos()[i] >= startNanos) {
                    overflow |= values[i] == Double.POSITIVE_INFINITY;
                    max = Double.isFinite(values[i]) ? Math.max(max, values[i]) : max;
                }
            }
        }
        double step = niceStep(max / VALUE_TICKS);
        Scale scale = new Scale(startNanos, window.toNanos(), step * VALUE_TICKS,
                overflow ? TOP + OVERFLOW_BAND : TOP);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(forXml(spec.id()))
                .append("\" class=\"chart\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">")
                .append("<title>").append(forXml(spec.title())).append("</title>");
        valueAxis(svg, scale, step, overflow);
        timeAxis(svg, scale, window);
        for (int i = 0; i < names.size(); i++) {
            series(svg, i, names.get(i), timeline, scale);
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** Maps times and values to the drawing's coordinates. */
    private record Scale(long startNanos, long windowNanos, double top, int plotTop) {
        double x(long nanos) {
            return LEFT + (double) (nanos - startNanos) / windowNanos * (RIGHT - LEFT);
        }

        double y(double value) {
            if (value == Double.POSITIVE_INFINITY) {
                return TOP + OVERFLOW_BAND / 2.0;
            }
            return BOTTOM - value / top * (BOTTOM - plotTop);
        }
    }

    /** @return the smallest of 1, 2, 2.5 and 5 times a power of ten that is at least {@code raw}; 0.25 for 0 */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 0.25;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double multiple : new double[] { 1, 2, 2.5, 5, 10 }) {
            // A little slack: a step a rounding error over a round number (0.1 * 3) takes that number.
            if (multiple * power >= raw * (1 - 1e-9)) {
                return multiple * power;
            }
        }
        return 10 * power;
    }

    private void valueAxis(StringBuilder svg, Scale scale, double step, boolean overflow) {
        text(svg, LEFT, TOP - 10, "start", spec.unit());
        for (int i = 0; i <= VALUE_TICKS; i++) {
            double y = scale.y(i * step);
            line(svg, LEFT, RIGHT, y, y, i == 0 ? "#888" : "#e6e6e6", "");
            text(svg, LEFT - 6, y + 4, "end", spec.format().apply(i * step));
        }
        if (overflow) {
            double y = scale.y(Double.POSITIVE_INFINITY);
            line(svg, LEFT, RIGHT, y, y, "#d62728", " stroke-dasharray=\"4 3\"");
            text(svg, LEFT - 6, y + 4, "end", spec.overflow());
        }
        line(svg, LEFT, LEFT, TOP, BOTTOM, "#888", "");
    }

    private static void timeAxis(StringBuilder svg, Scale scale, Duration window) {
        for (int i = 0; i <= TIME_TICKS; i++) {
            double x = scale.x(scale.startNanos() + window.toNanos() * i / TIME_TICKS);
            line(svg, x, x, BOTTOM, BOTTOM + 5, "#888", "");
            text(svg, x, BOTTOM + 18, "middle", i == TIME_TICKS ? "now"
                    : "-" + Units.span(window.multipliedBy(TIME_TICKS - i).dividedBy(TIME_TICKS)));
        }
    }

    /** Draws series number {@code index} of those drawn, and its line of the legend. */
    private void series(StringBuilder svg, int index, String name, Timeline timeline, Scale scale) {
        String color = COLORS[index % COLORS.length];
        double[] values = timeline.series().get(name);
        long[] nanos = timeline.nanos();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (!drawable(values[i], nanos[i], scale)) {
                continue;
            }
            String point = coordinate(scale.x(nanos[i])) + "," + coordinate(scale.y(values[i]));
            boolean joined = i > 0 && drawable(values[i - 1], nanos[i - 1], scale);
            boolean alone = !joined && (i + 1 == values.length || !drawable(values[i + 1], nanos[i + 1], scale));
            path.append(path.isEmpty() ? "" : " ").append(joined ? "L" : "M").append(point);
            if (alone) {
                // A zero-length line, which the round cap draws as a dot.
                path.append(" L").append(point);
            }
        }
        double last = timeline.last(name);
        String tooltip = name + (Double.isNaN(last) ? ": no value yet" : ": last " + spec.format().apply(last));
        svg.append("<path class=\"series\" data-series=\"").append(forXml(name)).append("\" d=\"")
                .append(path).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"><title>")
                .append(forXml(tooltip)).append("</title></path>");
        int y = TOP + 6 + index * LEGEND_LINE;
        svg.append("<g class=\"legend\">");
        line(svg, LEGEND_X, LEGEND_X + 16, y, y, color, " stroke-width=\"3\"");
        text(svg, LEGEND_X + 22, y + 4, "start", shortened(name));
        svg.append("</g>");
    }

    private static void line(StringBuilder svg, double x1, double x2, double y1, double y2, String stroke,
            String more) {
        svg.append("<line x1=\"").append(coordinate(x1)).append("\" x2=\"").append(coordinate(x2)).append("\" y1=\"")
                .append(coordinate(y1)).append("\" y2=\"").append(coordinate(y2)).append("\" stroke=\"").append(stroke)
                .append('"').append(more).append("/>");
    }

    /** @param text unescaped: escaped here */
    private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append("<text x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y))
                .append("\" text-anchor=\"").append(anchor).append("\" font-family=\"sans-serif\" font-size=\"11\" ")
                .append("fill=\"#444\">").append(forXml(text)).append("</text>");
    }

    private static boolean drawable(double value, long nanos, Scale scale) {
        return !Double.isNaN(value) && nanos >= scale.startNanos();
    }

    private static String shortened(String name) {
        return name.codePointCount(0, name.length()) <= LEGEND_CHARACTERS ? name
                : name.substring(0, name.offsetByCodePoints(0, LEGEND_CHARACTERS - 1)) + "\u2026";
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
