package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test of the REST client against a fresh {@link TestServer} in the clear, from the defaults. */
abstract class RestServerTestBase extends RestTestBase {
    TestServer server;

    @BeforeEach
    void startServer() throws Exception {
        RestConfig.reset();
        server = new TestServer();
    }

    /** What ends every test of a limit: an ordinary request, served well within a short timeout. */
    void assertServed() throws Exception {
        assertThat(rest.request("GET", server.url("/echo")).timeout(Duration.ofSeconds(10)).send().bodyText())
                .isEqualTo("GET|null|null|");
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }
}
