package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.mi.MiException;
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
    void theClientIsGotAtTheFirstCallOnlyAndGivenBackOnce() throws Exception {
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

    @Test
    void aCallAfterTheCommandWentIsRefusedAndTakesNoClient() {
        HeldRestClient held = new HeldRestClient(service);
        held.release();
        assertThatThrownBy(held::get).isInstanceOf(MiException.class).hasMessage("Service Unavailable");
        assertThat(calls).isEmpty();
    }

    @Test
    void aClientThatCouldNotStartIsAnMiErrorNotANullPointer() {
        HeldRestClient held = new HeldRestClient(new ComponentServiceObjects<>() {
            @Override
            public RestClient getService() {
                return null;
            }

            @Override
            public void ungetService(RestClient given) {
                calls.add("unget");
            }

            @Override
            public ServiceReference<RestClient> getServiceReference() {
                throw new UnsupportedOperationException();
            }
        });
        assertThatThrownBy(held::get).isInstanceOf(MiException.class)
                .satisfies(failure -> assertThat(((MiException) failure).code()).isEqualTo(503));
        held.release();
        assertThat(calls).isEmpty();
    }
}
