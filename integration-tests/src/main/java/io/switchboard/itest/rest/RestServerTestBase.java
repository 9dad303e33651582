package io.switchboard.itest.rest;

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

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }
}
