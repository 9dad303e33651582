package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.switchboard.itest.Configs;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/** max_transfer_size changed while requests run: each request lives under one configuration. */
class RestLiveConfigurationTest extends RestServerTestBase {

    @Test
    void aTransferRunningWhenTheLimitDropsFinishesUnderTheLimitItStartedWith() throws Exception {
        CompletableFuture<RestResponse> running = rest.getAsync(server.url("/held?kb=100")).toCompletableFuture();
        Configs.await("the held request at the server", Duration.ofSeconds(10), () -> server.held.get() == 1);
        RestConfig.apply(Map.of("max_transfer_size", "16"));
        RestException tooLarge = catchThrowableOfType(() -> rest.get(server.url("/big")), RestException.class);
        assertThat(tooLarge.code()).isEqualTo(RestException.INTERNAL);
        assertThat(running).isNotDone();
        server.releaseHeld();
        assertThat(running.get(10, TimeUnit.SECONDS).body()).hasSize(100 * 1024);
    }

    @Test
    void requestsWhileTheLimitFlipsEachSeeOneLimit() throws Exception {
        AtomicInteger whole = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentCalls calls = new ConcurrentCalls(4, () -> {
            try {
                assertThat(rest.get(server.url("/big")).body()).hasSize(100 * 1024);
                whole.incrementAndGet();
            } catch (RestException tooLarge) {
                assertThat(tooLarge.getMessage()).as(tooLarge.getMessage()).contains("max_transfer_size=16 KB");
                refused.incrementAndGet();
            }
        });
        try {
            for (int i = 0; i < 8; i++) {
                boolean small = i % 2 == 0;
                AtomicInteger seen = small ? refused : whole;
                int before = seen.get();
                RestConfig.apply(Map.of("max_transfer_size", small ? "16" : "10240"));
                Configs.await("a request under max_transfer_size=" + (small ? 16 : 10240), Duration.ofSeconds(10),
                        () -> seen.get() > before);
            }
        } finally {
            calls.stop();
        }
        assertThat(whole).hasPositiveValue();
        assertThat(refused).hasPositiveValue();
    }
}
