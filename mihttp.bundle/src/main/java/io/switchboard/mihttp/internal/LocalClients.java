package io.switchboard.mihttp.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client addresses the MI treats as this host (setting {@code local_clients}): while no users are
 * configured they have every right, and with users they may send passwords over plain HTTP. Only
 * loopback addresses qualify, so the setting can narrow the trust (to 127.0.0.1, say) but never
 * extend it to a network.
 */
record LocalClients(List<Range> ranges, String text) {

    /** An address and the number of leading bits a client's address must share with it. */
    record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param values addresses and CIDR ranges, as separate values or separated by commas
     * @throws IllegalArgumentException naming the value and the rule
     */
    static LocalClients parse(String[] values) {
        List<Range> ranges = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    ranges.add(range(entry.trim()));
                    entries.add(entry.trim());
                }
            }
        }
        return new LocalClients(List.copyOf(ranges), String.join(",", entries));
    }

    boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress address = literal(entry, literal);
        int max = address.getAddress().length * 8;
        int bits;
        try {
            bits = slash < 0 ? max : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException notANumber) {
            bits = -1;
        }
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("'" + entry + "' has no prefix length of 0 to " + max);
        }
        // Every address of the range must be loopback: 127.0.0.0/8 at the widest, ::1 alone for IPv6.
        if (!address.isLoopbackAddress() || (address instanceof Inet4Address ? bits < 8 : bits < max)) {
            throw new IllegalArgumentException("'" + entry + "' reaches beyond loopback (127.0.0.0/8, ::1)");
        }
        return new Range(address.getAddress(), bits);
    }

    /** Parses address literals only: a host name would be looked up in DNS, and is refused. */
    private static InetAddress literal(String entry, String literal) {
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
        if (ipv4 || ipv6) {
            try {
                return InetAddress.getByName(literal);
            } catch (UnknownHostException malformed) {
                // refused below
            }
        }
        throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
    }
}
