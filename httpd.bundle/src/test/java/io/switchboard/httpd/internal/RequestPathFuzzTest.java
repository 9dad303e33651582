package io.switchboard.httpd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any path a client can send is either split into a root and the path below it, normalised, or refused
 * with {@link RequestPath.RejectedPathException}; nothing else escapes. In {@code mvn verify} this runs
 * the checked-in corpus under {@code RequestPathFuzzTestInputs}; see the README for a longer run.
 */
class RequestPathFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parsesOrRefuses(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        RequestPath path;
        try {
            path = RequestPath.parse(raw);
        } catch (RequestPath.RejectedPathException refused) {
            return;
        }
        assertThat(path.full()).startsWith("/").doesNotContain("//");
        assertThat(("/" + path.full() + "/").split("/")).doesNotContain(".", "..");
        assertThat(path.root()).doesNotContain("/");
        assertThat(path.root().isEmpty() ? "/" : "/" + path.root() + path.below()).isEqualTo(path.full());
    }
}
