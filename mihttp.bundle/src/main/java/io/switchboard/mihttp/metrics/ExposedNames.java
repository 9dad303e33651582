package io.switchboard.mihttp.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;

/**
 * The sample names the families of one scrape write, so that no two write the same: a counter {@code x}
 * writes {@code x_total} (and OpenMetrics' {@code x_created}), a histogram {@code x_bucket}, {@code x_count}
 * and {@code x_sum}. A gauge {@code x_total} beside a counter {@code x}, or two families of one name, would
 * make the text ambiguous and Prometheus refuse the whole scrape.
 * <p>
 * Two families clash when their names are equal, or one is the other's with a suffix of the other's type:
 * no suffix ends another. So a scrape of thousands of families looks each name up once, and a name that
 * ends with a suffix once more, rather than building every sample name.
 */
final class ExposedNames {
    static final List<String> COUNTER = List.of("_total", "_created");
    static final List<String> GAUGE = List.of();
    static final List<String> HISTOGRAM = List.of("_bucket", "_count", "_sum", "_created");
    private static final List<String> SUMMARY = List.of("_count", "_sum", "_created");
    private static final List<String> INFO = List.of("_info");
    private static final List<String> EVERY_SUFFIX = List.of("_total", "_created", "_bucket", "_count", "_sum",
            "_info");

    /** The suffixes of each family's type, by the family's name. */
    private final Map<String, List<String>> families;
    /** The families whose name ends with a suffix, by their name without it: rare. */
    private final Map<String, List<String>> byStem = new HashMap<>();

    /** @param families how many families there will be, about: the table is made for them at once */
    ExposedNames(int families) {
        this.families = new HashMap<>(families * 4 / 3 + 1);
    }

    /**
     * Takes the sample names of a family, all or none.
     *
     * @param family the family's name (a counter's without {@code _total})
     * @param suffixes what the family's type adds to its name, {@link #COUNTER} for example
     * @return {@code null} when the names were free and are now the family's; else the family that writes
     *         one of them already
     */
    String claim(String family, List<String> suffixes) {
        if (families.containsKey(family)) {
            return family;
        }
        for (String longer : byStem.getOrDefault(family, List.of())) {
            if (suffixes.contains(longer.substring(family.length()))) {
                return longer;
            }
        }
        String suffix = suffixOf(family);
        if (suffix != null) {
            String shorter = family.substring(0, family.length() - suffix.length());
            List<String> theirs = families.get(shorter);
            if (theirs != null && theirs.contains(suffix)) {
                return shorter;
            }
            byStem.computeIfAbsent(shorter, stem -> new ArrayList<>(1)).add(family);
        }
        families.put(family, suffixes);
        return null;
    }

    /** Takes the sample names of a family from elsewhere (the JVM's), which comes first. */
    void claim(MetricSnapshot snapshot) {
        List<String> suffixes = snapshot instanceof CounterSnapshot ? COUNTER
                : snapshot instanceof HistogramSnapshot ? HISTOGRAM
                : snapshot instanceof SummarySnapshot ? SUMMARY
                : snapshot instanceof InfoSnapshot ? INFO
                : GAUGE;
        claim(snapshot.getMetadata().getPrometheusName(), suffixes);
    }

    private static String suffixOf(String name) {
        for (String suffix : EVERY_SUFFIX) {
            if (name.endsWith(suffix)) {
                return suffix;
            }
        }
        return null;
    }
}
