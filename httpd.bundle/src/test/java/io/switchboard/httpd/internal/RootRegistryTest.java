package io.switchboard.httpd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import io.switchboard.httpd.RootHandler;
import io.switchboard.httpd.RootPath;
import io.switchboard.support.testing.FakeReference;

/** Which handler serves which root as handlers come, change and go; with fake service references. */
class RootRegistryTest {
    private static final int HOLD_MILLIS = 60_000;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger changes = new AtomicInteger();
    private final RootRegistry registry = new RootRegistry(changes::incrementAndGet, timer, () -> HOLD_MILLIS);
    private final RootHandler first = (request, response) -> { };
    private final RootHandler second = (request, response) -> { };

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void theHigherRankingServesAndTheOtherWaitsBehindIt() {
        registry.add(reference(1, "hello", 0), first);
        registry.add(reference(2, "hello", 5), second);

        assertThat(registry.serving("hello").entry().handler()).isSameAs(second);
        assertThat(registry.list()).extracting(RootPath::serviceId, RootPath::serving)
                .containsExactly(tuple(2L, true), tuple(1L, false));

        registry.modified(reference(1, "hello", 10), first);
        assertThat(registry.serving("hello").entry().handler()).as("re-ranked in place").isSameAs(first);
    }

    @Test
    void aReRankedHandlerKeepsWhatItHasUnderWay() {
        registry.add(reference(1, "hello", 0), first);
        Exchanges underWay = registry.serving("hello").exchanges();

        registry.modified(reference(1, "hello", 10), first);

        assertThat(registry.serving("hello").exchanges()).isSameAs(underWay);
    }

    @Test
    void aHandlerMovedToAnotherRootServesThereAndLeavesAVacancyWhereItWas() {
        registry.add(reference(1, "old", 0), first);
        int before = changes.get();

        registry.modified(reference(1, "new", 0), first);

        assertThat(registry.serving("new").entry().handler()).isSameAs(first);
        assertThat(registry.serving("old")).isNull();
        assertThat(registry.vacancy("old")).as("requests to the old root wait for a next handler").isNotNull();
        assertThat(registry.list()).extracting(RootPath::root).containsExactly("new");
        assertThat(changes.get() - before).as("one change, not a departure and an arrival").isEqualTo(1);
    }

    @Test
    void aHandlerArrivingWithinTheHoldFillsTheVacancy() {
        registry.add(reference(1, "hello", 0), first);
        registry.remove(reference(1, "hello", 0));
        Vacancy vacancy = registry.vacancy("hello");
        assertThat(vacancy).isNotNull();

        registry.add(reference(2, "hello", 0), second);

        assertThat(registry.vacancy("hello")).isNull();
        assertThat(registry.serving("hello").entry().handler()).isSameAs(second);
    }

    @Test
    void rootsThatAreNoSegmentOrNameHttpdsOwnCountersAreRefused() {
        for (String root : List.of("a/b", "", "..", RootStatistics.FALLBACK, RootStatistics.UNROUTED)) {
            registry.add(reference(7, root, 0), first);
        }
        assertThat(registry.list()).isEmpty();

        registry.add(reference(8, RootHandler.FALLBACK, 0), first);
        assertThat(registry.serving(RootHandler.FALLBACK).entry().handler()).isSameAs(first);
    }

    private static ServiceReference<RootHandler> reference(long id, String root, int ranking) {
        return FakeReference.of(Map.of("service.id", id, "service.ranking", ranking, RootHandler.ROOT, root,
                RootHandler.MODULE, "test"));
    }
}
