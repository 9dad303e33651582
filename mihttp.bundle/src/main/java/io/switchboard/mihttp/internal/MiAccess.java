package io.switchboard.mihttp.internal;

import java.io.IOException;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;

/**
 * The MI's access rules, lent to the other roots of this bundle (the Prometheus endpoint) so that one
 * configuration, {@code switchboard.mi_http}, says who may read them: the same local clients, users,
 * password checks off the server's threads, failure throttling and refusals. {@link MiHttp} registers
 * it while it has a valid configuration. Private to the bundle.
 */
public interface MiAccess {

    /** What a request the rules let in does; it may write and send the response. */
    @FunctionalInterface
    interface Admitted {
        void serve() throws IOException;
    }

    /**
     * Lets {@code request} through the MI's rules: {@code admitted} runs at once on this thread, or, when a
     * password must be checked, later on a thread of the MI's with the response deferred, and the response
     * is completed after it. Anything else is answered as the MI answers it (401 with a challenge, 403, 429,
     * 503), and so is another site's {@code Origin} or, with no users, a name that is not loopback.
     */
    void admit(HttpdRequest request, HttpdResponse response, Admitted admitted) throws IOException;
}
