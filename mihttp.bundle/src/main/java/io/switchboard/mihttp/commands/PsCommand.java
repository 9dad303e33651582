package io.switchboard.mihttp.commands;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiParams;

/**
 * {@code ps}, as OpenSIPS core has it, with the JVM's threads for OpenSIPS's processes:
 * {@code {"Processes": [{"ID": index, "PID": thread id, "Type": thread name}, ...]}} in thread id order.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "ps", description = "Lists the threads of the container")
public final class PsCommand implements MiCommand {

    @Override
    public Object execute(MiParams params) {
        // Thread infos without stack traces: cheap, unlike Thread.getAllStackTraces().
        var threads = ManagementFactory.getThreadMXBean();
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds());
        List<Map<String, Object>> processes = new ArrayList<>();
        Arrays.stream(infos).filter(Objects::nonNull).sorted(Comparator.comparingLong(ThreadInfo::getThreadId))
                .forEach(info -> {
                    Map<String, Object> process = new LinkedHashMap<>();
                    process.put("ID", processes.size());
                    process.put("PID", info.getThreadId());
                    process.put("Type", info.getThreadName());
                    processes.add(process);
                });
        return Map.of("Processes", processes);
    }
}
