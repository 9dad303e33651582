package io.switchboard.mihttp.commands;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiParams;

/**
 * {@code uptime}, as OpenSIPS core has it: {@code {"Now": ..., "Up since": ..., "Up time": "<n> [sec]"}}
 * with dates as C's {@code ctime} writes them in local time ({@code Thu Jan  1 09:05:00 2026}). The
 * container is up since the JVM started: the framework starts with it and outlives every bundle.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "uptime", description = "Prints when the container started and for how long it has run")
public final class UptimeCommand implements MiCommand {
    static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    /** Read once: the platform MBean lookup costs more than the rest of the command (seen in a profile). */
    private final Instant since = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    private final String sinceText = ctime(since);
    /** The last "Now", kept for its second: formatting a date was a twentieth of a call (seen in a profile). */
    private volatile Now lastNow = new Now(since.getEpochSecond(), sinceText);

    private record Now(long epochSecond, String text) {
    }

    @Override
    public Object execute(MiParams params) {
        Instant now = Instant.now();
        Map<String, Object> uptime = new LinkedHashMap<>();
        uptime.put("Now", nowText(now));
        uptime.put("Up since", sinceText);
        uptime.put("Up time", (now.toEpochMilli() - since.toEpochMilli()) / 1000 + " [sec]");
        return uptime;
    }

    private String nowText(Instant now) {
        Now last = lastNow;
        if (last.epochSecond() != now.getEpochSecond()) {
            last = new Now(now.getEpochSecond(), ctime(now));
            lastNow = last;
        }
        return last.text();
    }

    static String ctime(Instant instant) {
        return CTIME.format(instant.atZone(ZoneId.systemDefault()));
    }
}
