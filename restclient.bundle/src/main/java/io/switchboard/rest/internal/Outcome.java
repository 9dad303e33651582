package io.switchboard.rest.internal;

import java.util.concurrent.CompletionException;

import io.switchboard.rest.RestException;

/**
 * How a call ended, as rest_client's return codes, each named as {@link RestException}'s constant:
 * the REST client's statistics name their counter ({@code outcome_<name>}) and their latency histogram
 * ({@code latency_<name>}) after it.
 */
enum Outcome {
    OK(1, "ok"),
    REFUSED(RestException.REFUSED, "refused"),
    CONNECT_TIMEOUT(RestException.CONNECT_TIMEOUT, "connect_timeout"),
    TRANSFER_TIMEOUT(RestException.TRANSFER_TIMEOUT, "transfer_timeout"),
    ALREADY_CONNECTING(RestException.ALREADY_CONNECTING, "already_connecting"),
    INTERNAL(RestException.INTERNAL, "internal");

    private final int code;
    private final String label;

    Outcome(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** @return the name of this outcome's statistic of the kind {@code prefix} says */
    String named(String prefix) {
        return prefix + label;
    }

    /** @return the outcome of return code {@code code}; a stray one is an internal failure */
    static Outcome of(int code) {
        for (Outcome outcome : values()) {
            if (outcome.code == code) {
                return outcome;
            }
        }
        return INTERNAL;
    }

    /**
     * @param failure {@code null} for a response; else what the call or its caller's future failed with
     * @return the outcome {@code failure} stands for
     */
    static Outcome of(Throwable failure) {
        if (failure == null) {
            return OK;
        }
        Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
        // Anything else: the caller cancelled its future or timed it out itself, and the transfer ends -10.
        return cause instanceof RestException rest ? of(rest.code()) : INTERNAL;
    }
}
