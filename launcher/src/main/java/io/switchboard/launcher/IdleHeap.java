package io.switchboard.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Lets G1 give back the heap an idle container no longer uses. By default G1 keeps what it committed
 * until the process ends: a container that had served a load stayed at its peak size while idle, and
 * one just started kept 80 to 100 MB of heap for 20 to 40 MB in use. With these settings, 10 s without
 * a collection start one, and what is then more than 30 % free goes back to the system. A java command
 * line gives no way to set them for {@code java -jar}, so they are set through HotSpot's manageable
 * flags, once the container has started. Any of them given with {@code -XX:} leaves all three as they
 * are: whoever sets one is tuning the heap and gets exactly what they asked for.
 */
final class IdleHeap {
    /** In the order they are set: the lower bound first, as the JVM refuses a maximum below it. */
    static final Map<String, String> SETTINGS = settings();

    private IdleHeap() {
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("G1PeriodicGCInterval", "10000");
        settings.put("MinHeapFreeRatio", "10");
        settings.put("MaxHeapFreeRatio", "30");
        return settings;
    }

    /**
     * @return what was set, as {@code name=value}, or why nothing was
     */
    static String apply(HotSpotDiagnosticMXBean vm) {
        if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
            return "the JVM does not run G1: its heap settings are left as they are";
        }
        List<String> given = new ArrayList<>();
        for (String name : SETTINGS.keySet()) {
            VMOption option = vm.getVMOption(name);
            if (option.getOrigin() != VMOption.Origin.DEFAULT) {
                given.add(name + "=" + option.getValue());
            }
        }
        if (!given.isEmpty()) {
            return "heap settings given (" + String.join(", ", given) + "): G1PeriodicGCInterval, MinHeapFreeRatio "
                    + "and MaxHeapFreeRatio are left as they are";
        }
        List<String> set = new ArrayList<>();
        SETTINGS.forEach((name, value) -> {
            vm.setVMOption(name, value);
            set.add(name + "=" + value);
        });
        return String.join(", ", set) + ": heap unused for 10 s goes back to the system (give any of them "
                + "with -XX: to choose all three yourself)";
    }
}
