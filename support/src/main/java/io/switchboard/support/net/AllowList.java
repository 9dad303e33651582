package io.switchboard.support.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.support.settings.SettingRefusedException;

/**
 * A setting {@code allowed_ips} (microhttpd's, the health root's): literal addresses and CIDR ranges,
 * IPv4 and IPv6; empty allows all. Names are refused, never resolved: what a name resolves to changes without the configuration
 * changing. A value may list several, separated by commas, as a {@code .cfg} line can hold only one
 * string (FileInstall reads {@code [ "a", "b" ]} as an array only in a file whose every value is typed).
 */
public final class AllowList {
    private static final String RULE = "must list literal IPv4 or IPv6 addresses or CIDR ranges such as "
            + "127.0.0.1, 10.0.0.0/8 or ::1/128, never a host name";

    /** The addresses whose first {@code prefix} bits are those of {@code network}. */
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;

    private AllowList(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * @throws SettingRefusedException naming the first entry that is neither a literal address nor a
     *         CIDR range
     */
    public static AllowList of(String pid, String[] entries) throws SettingRefusedException {
        List<Range> ranges = new ArrayList<>();
        for (String value : entries == null ? new String[0] : entries) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    ranges.add(range(pid, entry.trim()));
                }
            }
        }
        return new AllowList(ranges);
    }

    private static Range range(String pid, String text) throws SettingRefusedException {
        int slash = text.indexOf('/');
        InetAddress address = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new SettingRefusedException(pid, "allowed_ips", text, RULE);
        }
        int bits = address.getAddress().length * 8;
        if (slash < 0) {
            return new Range(address.getAddress(), bits);
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
            throw new SettingRefusedException(pid, "allowed_ips", text, RULE + " (prefix length 0-" + bits + ")");
        }
        return new Range(address.getAddress(), Integer.parseInt(prefix));
    }

    /** @return whether the list is empty, which allows every client */
    public boolean allowsEveryone() {
        return ranges.isEmpty();
    }

    /** @return whether {@code peer} is in the list, or the list is empty */
    public boolean allows(SocketAddress peer) {
        if (ranges.isEmpty()) {
            return true;
        }
        if (!(peer instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            return false;
        }
        byte[] address = socket.getAddress().getAddress();
        return ranges.stream().anyMatch(range -> range.contains(address));
    }
}
