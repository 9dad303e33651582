package io.switchboard.mihttp.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The chart is well-formed SVG with a path per series and every name escaped, read back with the JDK's parser. */
class SvgChartTest {
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final Duration WINDOW = Duration.ofSeconds(90);
    private static final long NOW = 10_000 * SECOND;

    /** A timeline of one sample every 10 s up to now. */
    private static Timeline timeline(Map<String, double[]> series) {
        int size = series.values().iterator().next().length;
        long[] nanos = new long[size];
        for (int i = 0; i < size; i++) {
            nanos[i] = NOW - (size - 1 - i) * 10 * SECOND;
        }
        return new Timeline(nanos, series);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> series(Document document) {
        return elements(document, "path").stream().filter(path -> path.getAttribute("class").equals("series")).toList();
    }

    @Test
    void eachSeriesIsOnePathWithItsLegendInAWellFormedSvg() throws Exception {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("mi", new double[] { Double.NaN, 1, 2, 3 });
        values.put("hello", new double[] { Double.NaN, 10, 20, 15 });
        values.put("idle", new double[] { Double.NaN, 0, 0, 0 });
        String svg = new SvgChart(ChartsView.REQUESTS).render(timeline(values), NOW, WINDOW);
        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("id")).isEqualTo("chart-requests");
        assertThat(series(document)).extracting(path -> path.getAttribute("data-series"))
                .containsExactly("hello", "idle", "mi");
        assertThat(series(document))
                .allSatisfy(path -> assertThat(path.getAttribute("d")).matches("M[0-9.,]+( L[0-9.,]+)+"));
        List<String> texts = elements(document, "text").stream().map(Element::getTextContent).toList();
        assertThat(texts).contains("hello", "idle", "mi", "req/s", "now", "-30 s", "-60 s", "-90 s");
        // The value axis reaches a round number over the highest value, 20: 0, 5, ..., 20.
        assertThat(texts).contains("0", "5", "10", "15", "20");
        assertThat(svg).doesNotContain("<script").doesNotContain("href");
    }

    @Test
    void everyNameIsEscaped() throws Exception {
        String hostile = "<script>alert(\"x\")</script>&amp;'\u0001";
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put(hostile, new double[] { 1, 2 });
        values.put("a\"b", new double[] { 1, 2 });
        String svg = new SvgChart(ChartsView.REQUESTS).render(timeline(values), NOW, WINDOW);
        assertThat(svg).doesNotContain("<script").doesNotContain("\u0001");
        Document document = parse(svg);
        assertThat(elements(document, "script")).isEmpty();
        assertThat(series(document)).extracting(path -> path.getAttribute("data-series"))
                .containsExactlyInAnyOrder("<script>alert(\"x\")</script>&amp;' ", "a\"b");
        assertThat(elements(document, "text")).extracting(Element::getTextContent).contains("a\"b");
    }

    @Test
    void aGapBreaksTheLineAndALoneValueIsADot() throws Exception {
        Map<String, double[]> values = Map.of("mi", new double[] { 1, 2, Double.NaN, 4, Double.NaN, 6, 7 });
        Document document = parse(new SvgChart(ChartsView.REQUESTS).render(timeline(values), NOW, WINDOW));
        String d = series(document).get(0).getAttribute("d");
        // Three runs: 1-2, 4 alone (a zero-length line), 6-7.
        assertThat(d.split("M")).hasSize(4);
        String[] lone = d.split("M")[2].trim().split(" L");
        assertThat(lone).hasSize(2);
        assertThat(lone[0]).isEqualTo(lone[1]);
    }

    @Test
    void samplesOlderThanTheWindowAreNotDrawn() throws Exception {
        // One sample every 10 s for 100 s: the first lies before the 90 s window.
        Map<String, double[]> values = Map.of("mi", new double[] { 1000, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 });
        Document document = parse(new SvgChart(ChartsView.REQUESTS).render(timeline(values), NOW, WINDOW));
        String d = series(document).get(0).getAttribute("d");
        assertThat(d.split(" ")).hasSize(10);
        assertThat(d).startsWith("M72.0,");
        assertThat(elements(document, "text")).extracting(Element::getTextContent).contains("4").doesNotContain("1000");
    }

    @Test
    void anInfiniteP99IsDrawnInTheBandOverTheAxis() throws Exception {
        Map<String, double[]> values = Map.of("mi", new double[] { 0.01, Double.POSITIVE_INFINITY, 0.02 });
        String svg = new SvgChart(ChartsView.LATENCY).render(timeline(values), NOW, WINDOW);
        Document document = parse(svg);
        List<String> texts = elements(document, "text").stream().map(Element::getTextContent).toList();
        assertThat(texts).contains("> top bucket", "p99 \u2264", "20 ms", "5 ms", "0");
        assertThat(series(document).get(0).getAttribute("d")).contains(",38.0");
    }

    @Test
    void aSeriesWithNoValueYetIsAnEmptyPath() throws Exception {
        Map<String, double[]> values = Map.of("mi", new double[] { Double.NaN });
        Document document = parse(new SvgChart(ChartsView.REQUESTS).render(timeline(values), NOW, WINDOW));
        assertThat(series(document)).hasSize(1);
        assertThat(series(document).get(0).getAttribute("d")).isEmpty();
        assertThat(elements(document, "title")).extracting(Element::getTextContent).contains("mi: no value yet");
    }

    @Test
    void onlyTheBusiestSeriesAreDrawn() throws Exception {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int i = 0; i < SvgChart.MAX_SERIES + 5; i++) {
            values.put(String.format("root%02d", i), new double[] { i, i });
        }
        Document document = parse(new SvgChart(ChartsView.REQUESTS).render(timeline(values), NOW, WINDOW));
        assertThat(series(document)).hasSize(SvgChart.MAX_SERIES);
        assertThat(series(document).get(0).getAttribute("data-series")).isEqualTo("root05");
        assertThat(SvgChart.drawn(timeline(values))).hasSize(SvgChart.MAX_SERIES).doesNotContain("root04");
    }

    @Test
    void theValueAxisEndsOnARoundNumber() {
        assertThat(SvgChart.niceStep(0)).isEqualTo(0.25);
        assertThat(SvgChart.niceStep(0.3)).isEqualTo(0.5);
        assertThat(SvgChart.niceStep(1.2)).isEqualTo(2);
        assertThat(SvgChart.niceStep(2.1)).isEqualTo(2.5);
        assertThat(SvgChart.niceStep(5)).isEqualTo(5);
        assertThat(SvgChart.niceStep(7)).isEqualTo(10);
        assertThat(SvgChart.niceStep(0.00624)).isEqualTo(0.01);
    }
}
