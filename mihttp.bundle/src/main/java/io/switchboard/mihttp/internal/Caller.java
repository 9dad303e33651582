package io.switchboard.mihttp.internal;

/**
 * Who runs a command: a configured user, or a loopback client (or the local shell) while no users
 * are configured, which has every right.
 *
 * @param name the user name, or {@code loopback} / {@code shell}
 * @param admin whether commands marked admin-only may run
 */
record Caller(String name, boolean admin) {
    static final Caller LOOPBACK = new Caller("loopback", true);
    static final Caller SHELL = new Caller("shell", true);
}
