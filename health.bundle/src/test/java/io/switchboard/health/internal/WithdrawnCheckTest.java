package io.switchboard.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Date;
import java.util.Map;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckMetadata;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class WithdrawnCheckTest {

    /** @param bundleState the state of the registering bundle; 0 for a service no longer registered */
    private static HealthCheckExecutionResult ran(Result.Status status, int bundleState) {
        Map<String, Object> properties = Map.of(Constants.SERVICE_ID, 7L, HealthCheck.NAME, "hold",
                HealthCheck.TAGS, new String[] { "switchboard" });
        Bundle bundle = bundleState == 0 ? null : (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(),
                new Class<?>[] { Bundle.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getState" -> bundleState;
                default -> throw new UnsupportedOperationException(method.getName());
                });
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(
                ServiceReference.class.getClassLoader(), new Class<?>[] { ServiceReference.class },
                (proxy, method, args) -> switch (method.getName()) {
                case "getProperty" -> properties.get(args[0]);
                case "getBundle" -> bundle;
                default -> throw new UnsupportedOperationException(method.getName());
                });
        HealthCheckMetadata metadata = new HealthCheckMetadata(reference);
        Result result = new Result(status, "Service cannot be retrieved");
        return new HealthCheckExecutionResult() {
            @Override
            public Result getHealthCheckResult() {
                return result;
            }

            @Override
            public long getElapsedTimeInMs() {
                return 0;
            }

            @Override
            public Date getFinishedAt() {
                return new Date(1_700_000_000_000L);
            }

            @Override
            public boolean hasTimedOut() {
                return false;
            }

            @Override
            public HealthCheckMetadata getHealthCheckMetadata() {
                return metadata;
            }
        };
    }

    @Test
    void anErrorOfACheckNoLongerRegisteredIsASwapUnderWay() {
        HealthCheckExecutionResult seen = WithdrawnCheck.of(ran(Result.Status.HEALTH_CHECK_ERROR, 0));
        assertThat(seen.getHealthCheckResult().getStatus()).isEqualTo(Result.Status.TEMPORARILY_UNAVAILABLE);
        assertThat(seen.getHealthCheckResult().toString()).contains("went away while it ran");
        assertThat(seen.getHealthCheckMetadata().getTitle()).isEqualTo("hold");
        assertThat(seen.getFinishedAt()).isEqualTo(new Date(1_700_000_000_000L));
    }

    @Test
    void anErrorOfACheckWhoseBundleIsStoppingIsASwapUnderWay() {
        assertThat(WithdrawnCheck.of(ran(Result.Status.HEALTH_CHECK_ERROR, Bundle.STOPPING))
                .getHealthCheckResult().getStatus()).isEqualTo(Result.Status.TEMPORARILY_UNAVAILABLE);
    }

    @Test
    void anErrorOfACheckInServiceStaysAnError() {
        HealthCheckExecutionResult ran = ran(Result.Status.HEALTH_CHECK_ERROR, Bundle.ACTIVE);
        assertThat(WithdrawnCheck.of(ran)).isSameAs(ran);
    }

    @Test
    void otherStatusesOfAWithdrawnCheckAreKept() {
        HealthCheckExecutionResult ran = ran(Result.Status.CRITICAL, 0);
        assertThat(WithdrawnCheck.of(ran)).isSameAs(ran);
    }
}
