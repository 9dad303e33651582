package io.switchboard.rest.internal;

import java.util.Set;
import java.util.concurrent.Executor;

import io.switchboard.support.log.RateLimitedLog;

/**
 * What every client of the REST client service shares, across TLS domains and configuration changes.
 *
 * @param slots the {@code max_async_transfers} limit
 * @param connecting the host names being connected to ({@code no_concurrent_connects})
 * @param deadlines the {@code curl_timeout} deadlines
 * @param closer closes retired clients, never on one of their own I/O threads
 * @param open every client not closed yet, which the service closes when it stops
 * @param failures the log of failed requests, a few lines per target host and minute: a caller looping
 *        on a dead upstream would otherwise write a line per call
 * @param background runs what must not run on a caller's thread (the stop of a transfer its caller gave up)
 * @param statistics what the calls are counted in
 * @param names the name lookups of every client, which tell whether a connect would wait for one
 */
record ServiceResources(TransferLimit slots, Set<String> connecting, Deadlines deadlines, Executor closer, Set<PooledClient> open,
        RateLimitedLog failures, Executor background, RestStatistics statistics, ResolvedNames names) {
}
