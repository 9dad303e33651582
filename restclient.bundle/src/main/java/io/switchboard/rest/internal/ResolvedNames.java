package io.switchboard.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Security;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.core5.net.InetAddressUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST client's name lookups. Each answer is kept as long as the JDK keeps one
 * ({@code networkaddress.cache.ttl}, else {@code sun.net.inetaddr.ttl}, else 30 s), so that a request
 * can tell before it starts whether its connect could wait for a lookup: one that cannot may start on
 * the caller's thread rather than be handed to a starter thread. The JDK may already have kept the
 * answer that long, so a changed address is seen within twice that time. Failed lookups are not kept,
 * nor names beyond about {@value #MAX_NAMES} at once (those are looked up each time, by a starter
 * thread).
 */
final class ResolvedNames implements DnsResolver {
    static final int MAX_NAMES = 1024;
    /** The JDK's own setting, with the same default and meaning: seconds, -1 for ever, 0 for never. */
    static final String TTL_PROPERTY = "networkaddress.cache.ttl";
    /** The system property the JDK reads when the security property is not set. */
    static final String TTL_SYSTEM_PROPERTY = "sun.net.inetaddr.ttl";
    /**
     * An answer this close to expiring no longer counts as kept: HttpClient looks the name up a moment
     * after the check, and by then the answer (and the JDK's own) could have expired.
     */
    static final Duration MARGIN = Duration.ofSeconds(1);
    private static final Duration JDK_DEFAULT_TTL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ResolvedNames.class);

    /** @param keptUntilNanos when it expires on the clock; unused when answers are kept for ever */
    private record Answer(InetAddress[] addresses, long keptUntilNanos) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final DnsResolver lookup;
    /** null: kept for ever */
    private final Duration ttl;
    private final LongSupplier nanoClock;

    /**
     * @param ttl how long an answer is kept; zero keeps none, null keeps them for ever
     */
    ResolvedNames(DnsResolver lookup, Duration ttl, LongSupplier nanoClock) {
        this.lookup = lookup;
        this.ttl = ttl;
        this.nanoClock = nanoClock;
    }

    /** The system's lookups, each answer kept as long as the JDK keeps one. */
    static ResolvedNames system() {
        return new ResolvedNames(SystemDefaultDnsResolver.INSTANCE,
                ttl(Security.getProperty(TTL_PROPERTY), System.getProperty(TTL_SYSTEM_PROPERTY)), System::nanoTime);
    }

    /**
     * @param security the value of {@code networkaddress.cache.ttl}, null when not set
     * @param system the value of {@code sun.net.inetaddr.ttl}, read only when {@code security} is not set
     * @return how long the JDK keeps an answer with those settings: null for ever
     */
    static Duration ttl(String security, String system) {
        String name = security != null ? TTL_PROPERTY : TTL_SYSTEM_PROPERTY;
        String seconds = security != null ? security : system;
        if (seconds == null) {
            return JDK_DEFAULT_TTL;
        }
        try {
            int value = Integer.parseInt(seconds.trim()); // as the JDK reads it
            return value < 0 ? null : Duration.ofSeconds(value);
        } catch (NumberFormatException notANumber) {
            LOG.warn("{}={} is not a number of seconds: the REST client keeps name lookups {} s, as the JDK does",
                    name, seconds, JDK_DEFAULT_TTL.toSeconds());
            return JDK_DEFAULT_TTL;
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (isAddress(host)) {
            return lookup.resolve(host);
        }
        String name = host.toLowerCase(Locale.ROOT);
        long now = nanoClock.getAsLong();
        Answer kept = answers.get(name);
        if (kept != null && fresh(kept, now)) {
            return kept.addresses().clone();
        }
        InetAddress[] addresses = lookup.resolve(host);
        keep(name, addresses, now);
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return lookup.resolveCanonicalHostname(host);
    }

    /**
     * @param host a URL's host, an IPv6 address in brackets or not
     * @return whether a connect to it needs no lookup now: an address, or a name whose answer is kept
     */
    boolean answersAtOnce(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (isAddress(host)) {
            return true;
        }
        Answer kept = answers.get(host.toLowerCase(Locale.ROOT));
        return kept != null && fresh(kept, nanoClock.getAsLong() + MARGIN.toNanos());
    }

    /**
     * Looks {@code host} up and keeps the answer, unless it is an address; a kept answer too close to
     * expiring to count is replaced. A failure is left for the connect to report, as it reports any.
     */
    void refresh(String host) {
        if (host == null || host.isEmpty() || isAddress(host)) {
            return;
        }
        long now = nanoClock.getAsLong();
        try {
            keep(host.toLowerCase(Locale.ROOT), lookup.resolve(host), now);
        } catch (UnknownHostException unknown) {
            // the connect looks it up again and fails with the code and message of every failed lookup
        }
    }

    private void keep(String name, InetAddress[] addresses, long now) {
        if (ttl != null && ttl.isZero()) {
            return;
        }
        if (answers.size() >= MAX_NAMES) {
            answers.values().removeIf(answer -> !fresh(answer, now));
            if (answers.size() >= MAX_NAMES && !answers.containsKey(name)) {
                return;
            }
        }
        answers.put(name, new Answer(addresses.clone(), ttl == null ? 0 : now + ttl.toNanos()));
    }

    private boolean fresh(Answer answer, long now) {
        return ttl == null || now - answer.keptUntilNanos() < 0;
    }

    private static boolean isAddress(String host) {
        return InetAddressUtils.isIPv4(host) || InetAddressUtils.isIPv6(host)
                || InetAddressUtils.isIPv6URLBracketed(host);
    }
}
