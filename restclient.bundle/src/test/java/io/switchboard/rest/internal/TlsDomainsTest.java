package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import io.switchboard.support.testing.FakeReference;

/** Which of two TLS domains with one name serves, as their rankings change. */
class TlsDomainsTest {
    @Test
    void aDomainWhoseRankingChangedIsStillFoundAndRemoved() {
        TlsDomains domains = new TlsDomains();
        Map<String, Object> first = properties(1L, 0);
        Map<String, Object> second = properties(2L, 0);
        TlsDomain one = domain("one");
        TlsDomain two = domain("two");
        domains.put(reference(first), one);
        domains.put(reference(second), two);
        assertThat(domains.byName().get("name").verifyHost()).as("equal rankings: the lower service.id").isTrue();

        second.put("service.ranking", 5);
        domains.put(reference(second), two);
        assertThat(domains.byName()).hasSize(1);
        assertThat(domains.byName().get("name").verifyHost()).as("the higher ranking serves").isFalse();

        domains.remove(reference(second));
        assertThat(domains.byName().get("name").verifyHost()).isTrue();
        domains.remove(reference(first));
        assertThat(domains.byName()).isEmpty();
    }

    private static Map<String, Object> properties(long id, int ranking) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.id", id);
        properties.put("service.ranking", ranking);
        return properties;
    }

    /** Both are named "name"; "one" verifies the host name, "two" does not: that tells them apart. */
    private static TlsDomain domain(String which) {
        TlsDomainConfiguration config = (TlsDomainConfiguration) Proxy.newProxyInstance(
                TlsDomainsTest.class.getClassLoader(), new Class<?>[] { TlsDomainConfiguration.class },
                (proxy, method, args) -> switch (method.getName()) {
                case "name" -> "name";
                case "ssl__verifypeer" -> 1;
                case "ssl__verifyhost" -> which.equals("one") ? 1 : 0;
                default -> "";
                });
        return new TlsDomain(config, Map.of());
    }

    private static ServiceReference<TlsDomain> reference(Map<String, Object> properties) {
        return FakeReference.of(properties);
    }
}
