package io.switchboard.mihttp.charts;

import static org.owasp.encoder.Encode.forHtml;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;

/**
 * The statistics view of the MI page, an HTML section: what the samples are, then a chart for each
 * ring, or a sentence saying why there is nothing to draw. Each chart is an {@link SvgChart}.
 */
final class ChartsView {
    static final SvgChart.Spec REQUESTS = new SvgChart.Spec("chart-requests", "Requests per second, by root",
            "req/s", Units::compact, "");
    static final SvgChart.Spec LATENCY = new SvgChart.Spec("chart-latency", "p99 latency, by root", "p99 \u2264",
            Units::seconds, "> top bucket");
    static final SvgChart.Spec OUTCOMES = new SvgChart.Spec("chart-outcomes",
            "REST client calls per second, by outcome", "calls/s", Units::compact, "");

    /** {@code null} while no valid configuration samples. */
    private final Duration interval;
    private final int capacity;

    ChartsView(Duration interval, int capacity) {
        this.interval = interval;
        this.capacity = capacity;
    }

    void write(Writer page, long nowNanos, Timeline requests, Timeline latency, Timeline outcomes) throws IOException {
        page.write("<section id=\"statistics\">");
        if (interval == null) {
            page.write("<p class=\"error\" id=\"not-sampling\">Not sampling: the configuration "
                    + forHtml(ChartsSettings.PID) + " has a value the log names as refused.</p></section>");
            return;
        }
        Duration window = interval.multipliedBy(capacity);
        page.write("<p>A sample every " + Units.span(interval) + ", the last " + capacity
                + " kept: the charts span the last " + Units.span(window) + " (<code>sample_interval</code> in <code>"
                + forHtml(ChartsSettings.PID) + "</code>). A rate is a counter's increase from one sample to the next, "
                + "per second; where a counter went back (reset, or its bundle updated) or its group was away, the "
                + "line has a gap. Reload the page for the samples taken since.</p>");
        chart(page, REQUESTS, requests, nowNanos, window, "roots", "",
                "No request statistics: httpd's statistics group <code>httpd</code> is not there, or has no root yet.");
        chart(page, LATENCY, latency, nowNanos, window, "roots",
                "<p><small><b>p99 \u2264 bound:</b> of the requests a root served between two samples, 99 % "
                        + "took at most the upper bound of the histogram bucket drawn (httpd's "
                        + "<code>&lt;root&gt;_latency</code>); a point on the dashed line over the axis means more "
                        + "than 1 % took longer than the highest bucket. No point: no request in that interval."
                        + "</small></p>",
                "No latency data: httpd publishes no <code>&lt;root&gt;_latency</code> histogram.");
        chart(page, OUTCOMES, outcomes, nowNanos, window, "outcomes", "",
                "No REST client statistics: the statistics group <code>rest</code> is not there "
                        + "(the REST client, switchboard.restclient, is not running).");
        page.write("</section>");
    }

    /**
     * @param kind what the series are, in the sentence that says how many are left out
     * @param explanation what the chart's values mean (HTML), under its title
     * @param none the sentence (HTML) shown instead of the chart when there is no series at all
     */
    private static void chart(Writer page, SvgChart.Spec spec, Timeline timeline, long nowNanos, Duration window,
            String kind, String explanation, String none) throws IOException {
        page.write("<h2>" + forHtml(spec.title()) + "</h2>" + explanation);
        if (timeline.series().isEmpty()) {
            page.write("<p class=\"empty\" id=\"" + spec.id() + "-none\">" + none + "</p>");
            return;
        }
        page.write("<figure>" + new SvgChart(spec).render(timeline, nowNanos, window) + "</figure>");
        int drawn = SvgChart.drawn(timeline).size();
        if (drawn < timeline.series().size()) {
            page.write("<p><small>The " + drawn + " busiest of " + timeline.series().size() + " " + kind
                    + " drawn.</small></p>");
        }
    }
}
