package io.switchboard.httpd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;


import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.switchboard.httpd.RequestRefusedException;

/**
 * Any query and form a client can send are either parsed within the limits or refused with the
 * client's status, 400 or 413; nothing else escapes. In {@code mvn verify} this runs the checked-in
 * corpus under {@code FormArgumentsFuzzTestInputs}; see the README for a longer run.
 */
class FormArgumentsFuzzTest {
    private static final HttpdSettings.Forms LIMITS = new HttpdSettings.Forms(4096, 64);
    private static final Charset[] CHARSETS = {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            StandardCharsets.UTF_16};

    @FuzzTest(maxDuration = "2m")
    void parsesOrRefuses(FuzzedDataProvider data) {
        Charset charset = data.pickValue(CHARSETS);
        String query = data.consumeString(2048);
        byte[] form = data.consumeBoolean() ? data.consumeRemainingAsBytes() : null;
        Map<String, List<String>> args;
        try {
            args = FormArguments.parse(query, form, charset, LIMITS);
        } catch (RequestRefusedException refused) {
            assertThat(refused.status()).isIn(400, 413);
            return;
        }
        assertThat(args.values().stream().mapToInt(List::size).sum()).isBetween(args.size(), LIMITS.maxKeys());
        assertThat(args.values()).allSatisfy(values -> assertThat(values).isNotEmpty().doesNotContainNull());
    }
}
