package io.switchboard.rest.internal;

/**
 * The users of a client that a configuration change may retire: none enters once it is retired, and
 * the last user to leave a retired client (or the retirement of an idle one) has it closed.
 */
final class RetiringUsers {
    private final Runnable close;
    /** Guarded by {@code this}. */
    private int users;
    /** Guarded by {@code this}. */
    private boolean retired;

    /** @param close closes the client; run once, when it is retired and idle */
    RetiringUsers(Runnable close) {
        this.close = close;
    }

    /** @return {@code false} once retired: the caller takes the current configuration's client instead */
    synchronized boolean enter() {
        if (retired) {
            return false;
        }
        users++;
        return true;
    }

    void exit() {
        boolean last;
        synchronized (this) {
            last = --users == 0 && retired;
        }
        if (last) {
            close.run();
        }
    }

    /** No new users; the client closes once the last one has left. */
    void retire() {
        boolean idle;
        synchronized (this) {
            if (retired) {
                return;
            }
            retired = true;
            idle = users == 0;
        }
        if (idle) {
            close.run();
        }
    }
}
