package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/** max_transfer_size changed while requests run: each request lives under one configuration. */
class RestLiveConfigurationTest extends RestServerTestBase {

    @Test
    void aTransferRunningWhenTheLimitDropsFinishesUnderTheLimitItStartedWith() throws Exception {
        CompletableFuture<RestResponse> running = rest.getAsync(server.url("/slow?ms=1500&kb=100"))
                .toCompletableFuture();
        RestConfig.apply(Map.of("max_transfer_size", "16"));
        RestException tooLarge = catchThrowableOfType(() -> rest.get(server.url("/big")), RestException.class);
        assertThat(tooLarge.code()).isEqualTo(RestException.INTERNAL);
        assertThat(running).isNotDone();
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
                RestConfig.apply(Map.of("max_transfer_size", i % 2 == 0 ? "16" : "10240"));
                Thread.sleep(100);
            }
        } finally {
            calls.stop();
        }
        assertThat(whole).hasPositiveValue();
        assertThat(refused).hasPositiveValue();
    }
}
