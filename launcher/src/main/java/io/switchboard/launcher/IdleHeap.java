package io.switchboard.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Lets G1 give back the heap an idle container no longer uses. By default G1 keeps what it committed
 * until the process ends: a container that had served a load stayed at its peak size while idle, and
 * one just started kept 80 to 100 MB of heap for 20 to 40 MB in use. With these settings G1 runs a
 * concurrent cycle whenever 10 s pass without a collection (every 10 s while idle, a few milliseconds
 * each on such a heap), and after each cycle keeps at most half of the heap free. Not lower: with less
 * room than the young generation may take, G1 on JDK 17 may shrink the heap at a cycle's end only to
 * grow it back under load. A java command line gives no way to set them for {@code java -jar}, so they
 * are set through HotSpot's manageable flags, once the container has started. Any of them set another
 * way ({@code -XX:}, {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}) leaves all three as they are:
 * whoever sets one is tuning the heap and gets exactly what they asked for.
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
        settings.put("MaxHeapFreeRatio", "50");
        return settings;
    }

    /**
     * @param hotSpot the JVM's diagnostic bean, which a JVM other than HotSpot may not have
     * @return what was set, as {@code name=value}, or why nothing was
     */
    static String apply(Supplier<HotSpotDiagnosticMXBean> hotSpot) {
        try {
            HotSpotDiagnosticMXBean vm = hotSpot.get();
            return vm == null ? "the JVM has no HotSpot flags: its heap settings are left as they are" : apply(vm);
        } catch (RuntimeException | LinkageError refused) { // LinkageError: a runtime without jdk.management
            // Not HotSpot's flags (another JVM, a flag renamed or no longer manageable): the container
            // runs on; a setting made before the refusal stays, and each is harmless alone.
            return "the JVM refused its heap settings (" + refused + "); the rest are left as they are";
        }
    }

    private static String apply(HotSpotDiagnosticMXBean vm) {
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
        return String.join(", ", set) + ": after 10 s without a collection G1 runs one and gives back what is "
                + "more than half free (set any of them yourself, with -XX:, to choose all three)";
    }
}
