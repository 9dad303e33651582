package io.switchboard.xhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import io.switchboard.support.testing.FakeReference;
import io.switchboard.xhttp.HttpEventHandler;

/** Which event handler a route calls, by ranking or by {@code event_callback} name. */
class HandlerTableTest {
    private final HandlerTable table = new HandlerTable();
    private final HttpEventHandler first = event -> { };
    private final HttpEventHandler second = event -> { };

    @Test
    void withoutANameTheBestRankedHandlerIsCalled() {
        Map<String, Object> firstProperties = properties(1L, 0, "a");
        assertThat(table.add(FakeReference.of(firstProperties), first)).as("the first handler").isTrue();
        assertThat(table.add(FakeReference.of(properties(2L, 0, "b")), second)).isFalse();
        assertThat(table.select("").handler()).as("equal rankings: the lower service.id").isSameAs(first);

        firstProperties.put("service.ranking", -1);
        table.modified(FakeReference.of(firstProperties), first);
        assertThat(table.select("").handler()).isSameAs(second);
    }

    @Test
    void aNameSelectsItsHandlerWhateverTheRanking() {
        table.add(FakeReference.of(properties(1L, 10, "a")), first);
        ServiceReference<HttpEventHandler> named = FakeReference.of(properties(2L, 0, "b"));
        table.add(named, second);

        assertThat(table.select("b").handler()).isSameAs(second);
        assertThat(table.select("missing")).isNull();
        assertThat(table.remove(named)).as("one handler is left").isFalse();
        assertThat(table.select("b")).isNull();
    }

    @Test
    void aHandlerSaysWhetherItMayRunOnTheIoThread() {
        Map<String, Object> promising = properties(1L, 0, "a");
        promising.put(HttpEventHandler.NON_BLOCKING, Boolean.TRUE);
        table.add(FakeReference.of(promising), first);
        table.add(FakeReference.of(properties(2L, 0, "b")), second);

        assertThat(table.select("a").nonBlocking()).isTrue();
        assertThat(table.select("b").nonBlocking()).isFalse();
        assertThat(table.remove(FakeReference.of(promising))).isFalse();
        assertThat(table.remove(FakeReference.of(properties(2L, 0, "b")))).as("empty again").isTrue();
        assertThat(table.isEmpty()).isTrue();
    }

    private static Map<String, Object> properties(long id, int ranking, String callback) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.id", id);
        properties.put("service.ranking", ranking);
        properties.put(HttpEventHandler.CALLBACK, callback);
        return properties;
    }
}
