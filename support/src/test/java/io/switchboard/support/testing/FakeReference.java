package io.switchboard.support.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * A service reference for unit tests of the registries: it reads its properties live from the map
 * it is given (so a test can change a ranking as the framework would), and orders as the framework
 * does, the preferred service (higher {@code service.ranking}, then lower {@code service.id}) last.
 * It belongs to no bundle. Shared with the provider bundles' tests through this module's test jar.
 */
public final class FakeReference {
    private FakeReference() {
    }

    /** @param properties at least {@code service.id} (a {@code Long}); {@code service.ranking} defaults to 0 */
    @SuppressWarnings("unchecked")
    public static <T> ServiceReference<T> of(Map<String, Object> properties) {
        return (ServiceReference<T>) Proxy.newProxyInstance(FakeReference.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getProperty" -> properties.get(args[0]);
                case "getPropertyKeys" -> properties.keySet().toArray(String[]::new);
                case "getBundle" -> null;
                case "compareTo" -> compare(properties, (ServiceReference<?>) args[0]);
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "fake reference " + properties;
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static int compare(Map<String, Object> mine, ServiceReference<?> other) {
        int byRanking = Integer.compare(ranking(mine.get(Constants.SERVICE_RANKING)),
                ranking(other.getProperty(Constants.SERVICE_RANKING)));
        return byRanking != 0 ? byRanking
                : Long.compare((Long) other.getProperty(Constants.SERVICE_ID), (Long) mine.get(Constants.SERVICE_ID));
    }

    private static int ranking(Object value) {
        return value instanceof Integer ranking ? ranking : 0;
    }
}
