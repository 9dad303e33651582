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
 * ({@code networkaddress.cache.ttl}, 30 s unless set), so that a request can tell before it starts
 * whether its connect could wait for a lookup: one that cannot may start on the caller's thread rather
 * than be handed to a starter thread. The JDK may already have kept the answer that long, so a changed
 * address is seen within twice that time. Failed lookups are not kept, nor names beyond about
 * {@value #MAX_NAMES} at once (those are looked up each time, by a starter thread).
 */
final class ResolvedNames implements DnsResolver {
    static final int MAX_NAMES = 1024;
    /** The JDK's own setting, with the same default and meaning: seconds, -1 for ever, 0 for never. */
    static final String TTL_PROPERTY = "networkaddress.cache.ttl";
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

    /** The system's lookups, each answer kept for the JDK's {@code networkaddress.cache.ttl}. */
    static ResolvedNames system() {
        return new ResolvedNames(SystemDefaultDnsResolver.INSTANCE, ttl(Security.getProperty(TTL_PROPERTY)),
                System::nanoTime);
    }

    /** @return how long the JDK keeps an answer, for the value of {@code networkaddress.cache.ttl} */
    static Duration ttl(String seconds) {
        if (seconds == null) {
            return JDK_DEFAULT_TTL;
        }
        try {
            long value = Long.parseLong(seconds.trim());
            return value < 0 ? null : Duration.ofSeconds(value);
        } catch (NumberFormatException notANumber) {
            LOG.warn("{}={} is not a number of seconds: the REST client keeps name lookups {} s, as the JDK does",
                    TTL_PROPERTY, seconds, JDK_DEFAULT_TTL.toSeconds());
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
        return kept != null && fresh(kept, nanoClock.getAsLong());
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
