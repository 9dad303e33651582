package io.switchboard.rest.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestRequest;

/**
 * The {@link RestClient} service. A new configuration gets a new client and pool; transfers already
 * running finish on the old one, which then closes.
 */
@Component(configurationPid = RestSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestClientConfiguration.class)
public final class HttpRestClient implements RestClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRestClient.class);

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
            runnable -> new Thread(runnable, "switchboard-rest-timeouts"));
    private volatile Transfers transfers;

    @Activate
    public HttpRestClient(RestClientConfiguration config) {
        timer.setRemoveOnCancelPolicy(true);
        modified(config);
    }

    /** Applies a configuration; until a first valid one arrives every request fails with -10. */
    @Modified
    void modified(RestClientConfiguration config) {
        RestSettings settings;
        try {
            settings = RestSettings.from(config);
        } catch (IllegalArgumentException refused) {
            LOG.error("{}; {}", refused.getMessage(), transfers == null
                    ? "requests fail with -10 until a valid configuration arrives"
                    : "the previous configuration stays in force");
            return;
        }
        Transfers previous = transfers;
        try {
            transfers = new Transfers(settings, timer);
        } catch (GeneralSecurityException | IOException unusable) {
            LOG.error("configuration {} refused: its TLS trust (ssl_verifypeer, ssl_capath={}) cannot be built ({}); "
                    + "the previous configuration stays in force", RestSettings.PID, settings.caPath(), unusable.toString());
            return;
        }
        // A graceful close waits for the old pool's transfers: off the configuration thread, so the
        // next configuration is not held up behind it.
        if (previous != null) {
            Thread closer = new Thread(() -> close(previous), "switchboard-rest-close");
            closer.setDaemon(true);
            closer.start();
        }
        LOG.info("configuration {} applied", RestSettings.PID);
    }

    @Deactivate
    void deactivate() {
        close(transfers);
        timer.shutdownNow();
    }

    private static void close(Transfers old) {
        if (old == null) {
            return;
        }
        try {
            old.close();
        } catch (IOException failed) {
            LOG.debug("closing the previous HTTP client failed: {}", failed.toString());
        }
    }

    @Override
    public RestRequest request(String method, String url) {
        if (method == null || !method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("method must be an upper-case token: " + method);
        }
        return new Request(transfers, method, url);
    }

    @Override
    public String escape(String text) {
        return Escaping.escape(text);
    }

    @Override
    public String unescape(String text) {
        return Escaping.unescape(text);
    }
}
