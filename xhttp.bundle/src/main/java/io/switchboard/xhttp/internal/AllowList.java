package io.switchboard.xhttp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.eclipse.jetty.util.InetAddressSet;

/** microhttpd's {@code allowed_ips}: addresses and CIDR ranges, IPv4 and IPv6; empty allows all. */
final class AllowList {
    private final InetAddressSet allowed = new InetAddressSet();

    /**
     * @throws SettingRefusedException naming the first entry that is neither an address nor a range
     */
    static AllowList of(String pid, String[] entries) throws SettingRefusedException {
        AllowList list = new AllowList();
        for (String entry : entries == null ? new String[0] : entries) {
            String pattern = entry.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            if (!pattern.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
                throw new SettingRefusedException(pid, "allowed_ips", entry,
                        "must list IPv4 or IPv6 addresses or CIDR ranges such as 127.0.0.1/32 or ::1");
            }
            try {
                list.allowed.add(pattern);
            } catch (IllegalArgumentException invalid) {
                throw new SettingRefusedException(pid, "allowed_ips", entry,
                        "must list IPv4 or IPv6 addresses or CIDR ranges (" + invalid.getMessage() + ")");
            }
        }
        return list;
    }

    boolean allows(SocketAddress peer) {
        if (allowed.isEmpty()) {
            return true;
        }
        if (!(peer instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            return false;
        }
        InetAddress address = socket.getAddress();
        return allowed.test(address);
    }
}
