package io.switchboard.rest.internal;

import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.rest.RestClient;

/**
 * The REST client as an MI command holds it: got at the command's first call, not when the MI binds
 * the command. DS makes the client (HttpClient, its pool and I/O threads, about 470 classes) only for
 * its first user, and the MI binds every command at start-up: holding it from there made every start
 * pay for a client no one had asked for yet. Once got, it is kept until the command goes.
 */
final class HeldRestClient {
    private final ComponentServiceObjects<RestClient> service;
    private RestClient held;

    HeldRestClient(ComponentServiceObjects<RestClient> service) {
        this.service = service;
    }

    synchronized RestClient get() {
        if (held == null) {
            held = service.getService();
        }
        return held;
    }

    /** The command goes: the client is given back, and DS may stop it if no one else holds it. */
    synchronized void release() {
        if (held != null) {
            service.ungetService(held);
            held = null;
        }
    }
}
