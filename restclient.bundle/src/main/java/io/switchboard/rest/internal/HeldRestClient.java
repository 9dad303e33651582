package io.switchboard.rest.internal;

import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.mi.MiException;
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
    private boolean released;

    HeldRestClient(ComponentServiceObjects<RestClient> service) {
        this.service = service;
    }

    /** @throws MiException 503 when the command is going, or the client could not be started (its log says why) */
    synchronized RestClient get() throws MiException {
        if (released) {
            throw unavailable("the command is being removed");
        }
        if (held == null) {
            held = service.getService();
            if (held == null) {
                throw unavailable("the REST client could not be started; the log says why");
            }
        }
        return held;
    }

    /** The command goes: the client is given back (DS may stop it if no one else holds it), and never taken again. */
    synchronized void release() {
        released = true;
        if (held != null) {
            service.ungetService(held);
            held = null;
        }
    }

    private static MiException unavailable(String why) {
        return new MiException(503, "Service Unavailable", why);
    }
}
