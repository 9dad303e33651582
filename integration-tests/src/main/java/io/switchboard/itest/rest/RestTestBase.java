package io.switchboard.itest.rest;

import org.junit.jupiter.api.AfterEach;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.rest.RestClient;

/** A test of the REST client service: every configuration a test writes is undone after it. */
abstract class RestTestBase {
    @InjectService
    RestClient rest;

    @AfterEach
    void restoreDefaults() throws Exception {
        RestConfig.reset();
    }
}
