package io.switchboard.itest.mi.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/** Calls MI commands as a transport does: found in the registry by name or alias, then executed. */
final class MiCalls {
    private MiCalls() {
    }

    /** @return the result of the command that answers to {@code name}, waited for up to 10 s */
    static Object call(String name, Map<String, ?> params) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(MiCalls.class).getBundleContext();
        ServiceTracker<MiCommand, MiCommand> tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + MiCommand.class.getName() + ")(|(mi.command=" + name + ")(mi.alias=" + name + ")))"), null);
        tracker.open();
        try {
            MiCommand command = tracker.waitForService(10_000);
            assertThat(command).as("MI command " + name).isNotNull();
            return command.execute(MiParams.of(params));
        } finally {
            tracker.close();
        }
    }

    static Object call(String name) throws Exception {
        return call(name, Map.of());
    }

    /** @return the error the command fails with, after checking its code */
    static MiException failure(int code, String name, Map<String, ?> params) {
        MiException failure = catchThrowableOfType(() -> call(name, params), MiException.class);
        assertThat(failure).as(name + " " + params + " fails").isNotNull();
        assertThat(failure.code()).as("code of " + failure.getMessage() + " / " + failure.data()).isEqualTo(code);
        return failure;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object result) {
        assertThat(result).isInstanceOf(List.class);
        return (List<Object>) result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object result) {
        assertThat(result).isInstanceOf(Map.class);
        return (Map<String, Object>) result;
    }
}
