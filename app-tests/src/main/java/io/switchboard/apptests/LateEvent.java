package io.switchboard.apptests;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.xhttp.EventCallback;
import io.switchboard.xhttp.HttpEvent;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * The xhttp handler for both routes: {@code /late} is answered {@value #LATE_MILLIS} ms after it
 * arrived, from a thread of its own (a deferred reply), anything else at once.
 */
@Component
@EventCallback("late")
public class LateEvent implements HttpEventHandler {
    static final long LATE_MILLIS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(LateEvent.class);

    private final ScheduledExecutorService replies = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "app-tests-late-replies"));

    @Deactivate
    void deactivate() {
        replies.shutdownNow();
    }

    @Override
    public void handle(HttpEvent event) {
        if (!event.url().startsWith("/late")) {
            event.reply(200, "OK", "text/plain", "now\n");
            return;
        }
        LOG.info("late reply to {} {} on {} from port {} due in {} ms", event.method(), event.url(), event.route(),
                event.sourcePort(), LATE_MILLIS);
        replies.schedule(() -> event.reply(200, "OK", "text/plain", "late\n"), LATE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
