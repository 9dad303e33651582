package io.switchboard.httpd.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Tells IP address literals from host names without asking DNS. */
final class IpLiteral {
    private IpLiteral() {
    }

    static boolean isIpLiteral(String value) {
        if (value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Arrays.stream(value.split("\\.")).mapToInt(Integer::parseInt).allMatch(octet -> octet <= 255);
        }
        if (!value.contains(":") || !value.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            // A value with a colon is parsed as an IPv6 literal and never looked up.
            InetAddress.getByName(value);
            return true;
        } catch (UnknownHostException malformed) {
            return false;
        }
    }
}
