package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.rest.RestClient;

class HeldRestClientTest {
    private final RestClient client = (RestClient) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { RestClient.class }, (proxy, method, args) -> null);
    private final List<String> calls = new ArrayList<>();
    private final ComponentServiceObjects<RestClient> service = new ComponentServiceObjects<>() {
        @Override
        public RestClient getService() {
            calls.add("get");
            return client;
        }

        @Override
        public void ungetService(RestClient given) {
            calls.add(given == client ? "unget" : "unget of another");
        }

        @Override
        public ServiceReference<RestClient> getServiceReference() {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void theClientIsGotAtTheFirstCallOnlyAndGivenBackOnce() {
        HeldRestClient held = new HeldRestClient(service);
        assertThat(calls).as("binding the command makes no client").isEmpty();
        assertThat(held.get()).isSameAs(client);
        assertThat(held.get()).isSameAs(client);
        assertThat(calls).containsExactly("get");
        held.release();
        held.release();
        assertThat(calls).containsExactly("get", "unget");
    }

    @Test
    void aCommandNeverCalledGivesNothingBack() {
        new HeldRestClient(service).release();
        assertThat(calls).isEmpty();
    }
}
