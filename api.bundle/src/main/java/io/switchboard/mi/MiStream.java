package io.switchboard.mi;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A command result written as it is produced, for results too large to build in memory first: the
 * writer sends what it is given on to the client while the command goes on.
 */
@ConsumerType
@FunctionalInterface
public interface MiStream {

    /**
     * Writes exactly one JSON value, the result.
     *
     * @param json where the result goes
     * @throws IOException when the client went away or the result cannot be produced; once part of the
     *         result was sent, the connection is closed so the client sees a truncated reply rather than
     *         a wrong one
     */
    void writeTo(MiJsonWriter json) throws IOException;
}
