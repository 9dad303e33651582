package io.switchboard.mihttp.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The statistics view says what its samples are, draws what there is and says what is missing. */
class ChartsViewTest {
    private static final Timeline NONE = new Timeline(new long[0], Map.of());

    private static String view(Duration interval, Timeline requests, Timeline latency, Timeline outcomes)
            throws Exception {
        StringWriter page = new StringWriter();
        new ChartsView(interval, 90).write(page, 100, requests, latency, outcomes);
        return page.toString();
    }

    private static Timeline roots(int count) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            series.put("root" + i, new double[] { Double.NaN, i });
        }
        return new Timeline(new long[] { 90, 100 }, series);
    }

    @Test
    void withoutHistogramsOrRestTheViewDrawsTheRequestsAndSaysWhatIsMissing() throws Exception {
        String view = view(Duration.ofSeconds(10), roots(2), NONE, NONE);
        assertThat(view).contains("the charts span the last 15 min")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-requests\"")
                .contains("id=\"chart-latency-none\">No latency data")
                .contains("id=\"chart-outcomes-none\">No REST client statistics")
                .contains("p99 \u2264 bound:")
                .doesNotContain("id=\"chart-latency\"").doesNotContain("<script").doesNotContain("busiest");
    }

    @Test
    void aShorterIntervalSpansLess() throws Exception {
        assertThat(view(Duration.ofSeconds(1), roots(1), roots(1), roots(1))).contains("A sample every 1 s")
                .contains("the last 90 s").contains("id=\"chart-latency\"").contains("id=\"chart-outcomes\"");
    }

    @Test
    void manyRootsAreSaidToBeLeftOut() throws Exception {
        assertThat(view(Duration.ofSeconds(10), roots(20), NONE, NONE))
                .contains("The 12 busiest of 20 roots drawn.");
    }

    @Test
    void withoutAValidConfigurationTheViewSaysItDoesNotSample() throws Exception {
        assertThat(view(null, NONE, NONE, NONE)).contains("id=\"not-sampling\"").contains("switchboard.mi_charts")
                .doesNotContain("<svg");
    }
}
