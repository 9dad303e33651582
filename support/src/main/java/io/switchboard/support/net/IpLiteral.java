package io.switchboard.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed without ever looking a name up: {@link InetAddress#getByName} resolves
 * any text it does not take for a literal through DNS, so {@code cafe.be}, all hex digits and dots,
 * would be resolved where an address was meant.
 */
public final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /*
     * Text that starts with a hex digit or a colon and holds a colon is parsed by the JDK as an IPv6
     * literal or refused, never resolved; the JDK's IPv4 forms such as 127.1 are left to the pattern above.
     */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private IpLiteral() {
    }

    /** @return the address {@code text} spells, or {@code null} when it is not an IPv4 or IPv6 literal */
    public static InetAddress parse(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] octets = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                octets[i] = (byte) octet;
            }
            return byAddress(octets);
        }
        if (text.indexOf(':') < 0 || !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException malformed) {
            return null;
        }
    }

    /** @return whether {@code text} is an IPv4 or IPv6 literal */
    public static boolean isLiteral(String text) {
        return parse(text) != null;
    }

    private static InetAddress byAddress(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four octets are always an address", impossible);
        }
    }
}
