package io.switchboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.switchboard.app.Container;

/**
 * The runnable jar's own bundles are updated from where they were installed, as an operator does it
 * through the MI; an update that cannot happen leaves the bundle running.
 */
class ContainerUpdateTest {

    @Test
    void everyBuiltInBundleUpdatesFromItsOwnLocationAndABadLocationChangesNothing() throws Exception {
        try (Container container = Container.start()) {
            for (String bundle : List.of("switchboard.httpd", "switchboard.xhttp", "switchboard.restclient",
                    "switchboard.mihttp")) {
                String answer = container.mi("bundle_update", "{\"bundle\":\"" + bundle + "\"}");
                assertThat(answer).as("bundle_update of " + bundle).contains("\"state\":")
                        .containsPattern("\"status\":\"(done|started)\"").doesNotContain("\"error\"");
                container.awaitStatus("/mi/", 200, Duration.ofSeconds(30));
            }
            String refused = container.mi("bundle_update",
                    "{\"bundle\":\"switchboard.xhttp\",\"location\":\"jar/switchboard.xhttp.jar\"}");
            assertThat(refused).contains("\"code\":500").contains("it cannot be read").contains("it runs as it was");
            assertThat(container.mi("bundle_list", "{}"))
                    .containsPattern("\"symbolic_name\":\"switchboard.xhttp\",\"version\":\"[^\"]+\",\"state\":\"ACTIVE\"");
        }
    }
}
