package io.switchboard.mihttp.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.RequestRefusedException;
import io.switchboard.httpd.RootHandler;
import io.switchboard.mi.MiHttpRoot;
import io.switchboard.mihttp.charts.StatisticsHistory;
import io.switchboard.support.lifecycle.Gate;
import io.switchboard.support.log.RateLimitedLog;
import io.switchboard.support.settings.SettingRefusedException;

/**
 * mi_http itself: owns the root {@code mi_http_root} (moved by a configuration change), checks who
 * calls, and sends {@code POST} on the root to JSON-RPC and everything else to the web page. Its
 * access rules serve the bundle's other roots too, as {@link MiAccess}.
 */
@Component(configurationPid = MiHttpSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = MiHttpConfiguration.class)
public final class MiHttp implements RootHandler, MiAccess {
    private static final Logger LOG = LoggerFactory.getLogger(MiHttp.class);
    static final String MODULE = "mi_http";

    /** Everything that follows from one configuration, swapped in one step. */
    private record State(MiHttpSettings settings, JsonRpc jsonRpc, WebPage page) {
    }

    private final CommandRegistry registry;
    private final MiCounters counters;
    private final Invoker invoker;
    private final BundleContext context;
    private final StatisticsHistory history;
    /** Every refusal line of the MI, limited per client address. */
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, "mi_http refusal");
    private final Access access = new Access(refusals);
    private final LoginChecks logins = LoginChecks.forThisMachine(() -> this.state.settings().maxPendingLogins());
    private final CsrfTokens tokens = new CsrfTokens(System::currentTimeMillis);
    /** Holds back the answers to failed logins without holding a server thread. */
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "switchboard-mihttp-delays"));
    /** Requests served after their body arrived, on a server thread of httpd's. */
    private final Gate late = new Gate();
    private volatile State state;
    private ServiceRegistration<RootHandler> registration;
    private ServiceRegistration<MiAccess> accessRegistration;

    @Activate
    public MiHttp(@Reference CommandRegistry registry, @Reference MiCounters counters,
            @Reference StatisticsHistory history, BundleContext context) {
        this.registry = registry;
        this.history = history;
        this.counters = counters;
        this.invoker = new Invoker(registry, counters);
        this.context = context;
    }

    /** Applies the first configuration once constructed: httpd never gets an MI whose constructor is still running. */
    @Activate
    void activate(MiHttpConfiguration config, Map<String, Object> properties) {
        modified(config, properties);
    }

    @Modified
    synchronized void modified(MiHttpConfiguration config, Map<String, Object> properties) {
        MiHttpSettings settings;
        try {
            settings = MiHttpSettings.from(config, properties);
        } catch (SettingRefusedException refused) {
            LOG.error("{}; {}", refused.getMessage(), state == null
                    ? "the MI serves nothing until a valid configuration arrives"
                    : "the previous configuration stays in force");
            return;
        }
        JsonRpc jsonRpc = new JsonRpc(invoker, counters, settings);
        state = new State(settings, jsonRpc,
                new WebPage(registry, invoker, counters, tokens, settings, jsonRpc.mapper(), history));
        Hashtable<String, Object> rootProperties = new Hashtable<>();
        rootProperties.put(RootHandler.ROOT, settings.root());
        rootProperties.put(RootHandler.MODULE, MODULE);
        // The settings in force, users counted rather than shown, so operators and tests can wait on them.
        rootProperties.put(MiHttpRoot.METHOD, settings.formsPost() ? 1 : 0);
        rootProperties.put(MiHttpRoot.USERS, settings.users().byName().size());
        rootProperties.put(MiHttpRoot.MAX_REQUEST_SIZE, settings.maxRequestSize());
        rootProperties.put(MiHttpRoot.MAX_BATCH, settings.maxBatch());
        rootProperties.put(MiHttpRoot.MAX_JSON_DEPTH, settings.maxDepth());
        rootProperties.put(MiHttpRoot.LOCAL_CLIENTS, settings.localClients().text());
        rootProperties.put(MiHttpRoot.ALLOW_CLEARTEXT_AUTH, settings.allowCleartextAuth());
        rootProperties.put(MiHttpRoot.MAX_PENDING_LOGINS, settings.maxPendingLogins());
        if (registration == null) {
            // By hand: DS registers before the settings are checked (raw keys, no httpd.root) and keeps it if refused.
            registration = context.registerService(RootHandler.class, this, rootProperties);
            accessRegistration = context.registerService(MiAccess.class, this, null);
        } else {
            registration.setProperties(rootProperties);
        }
        LOG.info("mi_http answers under /{}/ ({} users, forms use {})", settings.root(), settings.users().byName().size(),
                settings.formsPost() ? "POST" : "GET");
    }

    @Deactivate
    synchronized void deactivate() {
        if (accessRegistration != null) {
            accessRegistration.unregister();
            accessRegistration = null;
        }
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        // Nothing of this MI may run after it: logins, the calls after them and those whose body came late end here.
        logins.close();
        int stillRunning = late.close(LoginChecks.CLOSE_MILLIS);
        if (stillRunning > 0) {
            LOG.warn("mi_http closing: {} requests whose body came late still run; they end with their command",
                    stillRunning);
        }
        // Refusals still held back are sent now rather than left to time out.
        delays.shutdownNow().forEach(Runnable::run);
        refusals.flush();
    }

    @Override
    public void handle(HttpdRequest request, HttpdResponse response) throws Exception {
        State current = state;
        Access.Verdict verdict = access.check(request, current.settings());
        if (verdict instanceof Access.Check login) {
            checkOffThread(request, response, current.settings(), login,
                    caller -> serveAfterLogin(request, response, current, caller));
        } else if (verdict instanceof Access.Refused refused) {
            refuse(response, refused);
        } else {
            serve(request, response, current, ((Access.Granted) verdict).caller());
        }
    }

    /**
     * Answers a request whose password must be checked later, from the threads of {@link LoginChecks}:
     * the server's thread returns at once, and {@code afterLogin} serves the caller, the response deferred.
     */
    private void checkOffThread(HttpdRequest request, HttpdResponse response, MiHttpSettings settings,
            Access.Check login, Consumer<Caller> afterLogin) {
        response.defer();
        LoginChecks.Login task = new LoginChecks.Login() {
            @Override
            public void run() {
                Access.Verdict verdict;
                try {
                    verdict = access.verify(login);
                } catch (RuntimeException failed) {
                    LOG.error("mi_http: the login check of {} {} from {} failed", request.method(), request.url(),
                            request.remote(), failed);
                    refuse(response, new Access.Refused(500, "Internal Server Error", 0, false, 0));
                    return;
                }
                if (verdict instanceof Access.Refused refused) {
                    // verify refuses only a wrong user name or password.
                    counters.authenticationFailed();
                    refuse(response, refused);
                    return;
                }
                Caller caller = ((Access.Granted) verdict).caller();
                try {
                    logins.serve(() -> afterLogin.accept(caller));
                } catch (RejectedExecutionException busy) {
                    refuse(response, new Access.Refused(503, "Service Unavailable: too many logins at once; retry",
                            0, false, 1));
                }
            }

            @Override
            public void drop() {
                access.dropped(login);
                refuse(response, new Access.Refused(503, "Service Unavailable: the MI is restarting; retry", 0,
                        false, 1));
            }
        };
        if (!logins.check(task)) {
            access.dropped(login);
            refuse(response, access.busy(login, settings.maxPendingLogins()));
        }
    }

    private void serveAfterLogin(HttpdRequest request, HttpdResponse response, State current, Caller caller) {
        if (!awaitBody(request, response, current, caller)) {
            serveDeferred(request, response, current, caller);
        }
    }

    private void serveDeferred(HttpdRequest request, HttpdResponse response, State current, Caller caller) {
        try {
            serveRead(request, response, current, caller);
        } catch (RequestRefusedException refused) {
            // httpd's verdict on what the client sent (a form past max_form_size or max_form_keys).
            refusals.debug(FailureThrottle.client(request.remote()), "mi_http: {} {} from {} refused: {}",
                    request.method(), request.url(), request.remote(), refused.getMessage());
            failDeferred(response, refused.status(), refused.getMessage());
        } catch (Exception | LinkageError failed) {
            LOG.error("mi_http: {} {} from {} failed", request.method(), request.url(), request.remote(), failed);
            failDeferred(response, 500, "Internal Server Error");
        } finally {
            response.complete();
        }
    }

    private static void failDeferred(HttpdResponse response, int status, String text) {
        if (!response.committed()) {
            try {
                response.send(status, "text/plain", text + "\n");
            } catch (IOException | IllegalStateException clientGone) {
                LOG.debug("mi_http: error response not delivered: {}", clientGone.toString());
            }
        }
    }

    /**
     * Serves a request whose caller may call: a POST once its body is there. A body that came with
     * the request is served on this thread; a slow one is waited for with no thread held (httpd's
     * {@code readBody}, within {@code max_request_size} and httpd's {@code body_timeout}), then served
     * on a server thread, unless this MI has been closed meanwhile.
     */
    private void serve(HttpdRequest request, HttpdResponse response, State current, Caller caller) throws IOException {
        if (!awaitBody(request, response, current, caller)) {
            serveRead(request, response, current, caller);
        }
    }

    /**
     * Serves a POST once its body is read.
     *
     * @return {@code false} for a request without a body to wait for, which the caller serves
     */
    private boolean awaitBody(HttpdRequest request, HttpdResponse response, State current, Caller caller) {
        if (!request.method().equals("POST")) {
            return false;
        }
        CompletableFuture<byte[]> body = request.readBody(current.settings().maxRequestSize()).toCompletableFuture();
        if (!body.isDone()) {
            body.thenRun(() -> serveLate(request, response, current, caller));
        } else if (!body.isCompletedExceptionally()) {
            // Done now, perhaps only just after readBody deferred the response: served as deferred, so it ends.
            serveDeferred(request, response, current, caller);
        }
        return true;
    }

    private void serveLate(HttpdRequest request, HttpdResponse response, State current, Caller caller) {
        if (!late.enter()) {
            refuse(response, new Access.Refused(503, "Service Unavailable: the MI is restarting; retry", 0, false, 1));
            return;
        }
        try {
            serveDeferred(request, response, current, caller);
        } finally {
            late.exit();
        }
    }

    private void serveRead(HttpdRequest request, HttpdResponse response, State current, Caller caller)
            throws IOException {
        Optional<String> crossSite = SameOrigin.refusal(request, current.settings().users().none());
        if (crossSite.isPresent()) {
            refusals.warn(FailureThrottle.client(request.remote()), "mi_http: refused {} {} from {}: {}",
                    request.method(), request.url(), request.remote(), crossSite.get());
            counters.answered(403);
            response.send(403, "text/plain", "Forbidden: " + crossSite.get() + "\n");
            return;
        }
        String path = request.path();
        String method = request.method();
        if (path.isEmpty() || path.equals("/")) {
            if (method.equals("POST") && !SameOrigin.json(request)) {
                response.send(415, "text/plain",
                        "Unsupported Media Type: JSON-RPC requests need Content-Type: application/json\n");
            } else if (method.equals("POST")) {
                current.jsonRpc().serve(request, response, caller);
            } else if (method.equals("GET") && path.isEmpty()) {
                response.status(301).header("Location", "/" + current.settings().root() + "/");
            } else if (method.equals("GET")) {
                current.page().index(request, response, caller);
            } else {
                notAllowed(response, "GET, POST");
            }
        } else if (path.indexOf('/', 1) < 0) {
            if (method.equals("GET") || method.equals("POST")) {
                current.page().command(request, response, caller, path.substring(1));
            } else {
                notAllowed(response, "GET, POST");
            }
        } else {
            response.send(404, "text/plain", "Not Found: the MI has no page " + request.url() + "\n");
        }
    }

    private static void notAllowed(HttpdResponse response, String allowed) throws IOException {
        response.header("Allow", allowed);
        response.send(405, "text/plain", "Method Not Allowed: use " + allowed + "\n");
    }

    private void refuse(HttpdResponse response, Access.Refused refused) {
        // Counted as decided, so a client that has its answer finds the counter moved.
        counters.answered(refused.status());
        Runnable answer = () -> {
            try {
                if (refused.challenge()) {
                    response.header("WWW-Authenticate", "Basic realm=\"" + Access.REALM + "\", charset=\"UTF-8\"");
                }
                if (refused.retryAfterSeconds() > 0) {
                    response.header("Retry-After", Long.toString(refused.retryAfterSeconds()));
                }
                response.send(refused.status(), "text/plain;charset=utf-8",
                        (refused.reason() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException | IllegalStateException clientGone) {
                LOG.debug("mi_http: refusal not delivered: {}", clientGone.toString());
            }
        };
        if (refused.delayMillis() <= 0) {
            answer.run();
            return;
        }
        response.defer();
        try {
            delays.schedule(answer, refused.delayMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException deactivated) {
            answer.run();
        }
    }

    @Override
    public void admit(HttpdRequest request, HttpdResponse response, Admitted admitted) throws IOException {
        MiHttpSettings settings = state.settings();
        Access.Verdict verdict = access.check(request, settings);
        if (verdict instanceof Access.Check login) {
            checkOffThread(request, response, settings, login, caller -> admittedLate(request, response, settings,
                    admitted));
        } else if (verdict instanceof Access.Refused refused) {
            refuse(response, refused);
        } else if (!crossSite(request, response, settings)) {
            admitted.serve();
        }
    }

    private void admittedLate(HttpdRequest request, HttpdResponse response, MiHttpSettings settings,
            Admitted admitted) {
        try {
            if (!crossSite(request, response, settings)) {
                admitted.serve();
            }
        } catch (IOException | RuntimeException failed) {
            LOG.error("mi_http: {} {} from {} failed after its login", request.method(), request.url(),
                    request.remote(), failed);
            failDeferred(response, 500, "Internal Server Error");
        } finally {
            response.complete();
        }
    }

    /** @return whether the request came from another site, or by a rebound name; then it is answered 403 */
    private boolean crossSite(HttpdRequest request, HttpdResponse response, MiHttpSettings settings) {
        Optional<String> crossSite = SameOrigin.refusal(request, settings.users().none());
        crossSite.ifPresent(reason -> {
            refusals.warn(FailureThrottle.client(request.remote()), "mi_http: refused {} {} from {}: {}",
                    request.method(), request.url(), request.remote(), reason);
            refuse(response, new Access.Refused(403, "Forbidden: " + reason, 0, false, 0));
        });
        return crossSite.isPresent();
    }
}
