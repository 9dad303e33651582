package io.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/** Which heap settings the launcher sets, on a JVM whose flags are the test's. */
class IdleHeapTest {
    /** The flags as the JVM has them, and each set in turn; refuses a maximum ratio below the minimum, as HotSpot does. */
    private static final class Flags implements HotSpotDiagnosticMXBean {
        final Map<String, VMOption> options = new HashMap<>();
        final List<String> set = new ArrayList<>();

        Flags(boolean g1) {
            option("UseG1GC", String.valueOf(g1), VMOption.Origin.ERGONOMIC);
            option("G1PeriodicGCInterval", "0", VMOption.Origin.DEFAULT);
            option("MinHeapFreeRatio", "40", VMOption.Origin.DEFAULT);
            option("MaxHeapFreeRatio", "70", VMOption.Origin.DEFAULT);
        }

        Flags option(String name, String value, VMOption.Origin origin) {
            options.put(name, new VMOption(name, value, true, origin));
            return this;
        }

        @Override
        public VMOption getVMOption(String name) {
            VMOption option = options.get(name);
            if (option == null) {
                throw new IllegalArgumentException("VM option \"" + name + "\" does not exist");
            }
            return option;
        }

        @Override
        public void setVMOption(String name, String value) {
            if (name.equals("MaxHeapFreeRatio")
                    && Integer.parseInt(value) < Integer.parseInt(options.get("MinHeapFreeRatio").getValue())) {
                throw new IllegalArgumentException("MaxHeapFreeRatio below MinHeapFreeRatio");
            }
            option(name, value, VMOption.Origin.MANAGEMENT);
            set.add(name + "=" + value);
        }

        @Override
        public List<VMOption> getDiagnosticOptions() {
            return List.copyOf(options.values());
        }

        @Override
        public void dumpHeap(String outputFile, boolean live) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObjectName getObjectName() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void onG1WithTheDefaultsTheIdleHeapGoesBackAfterTenSeconds() {
        Flags vm = new Flags(true);

        String said = IdleHeap.apply(() -> vm);

        assertThat(vm.set).containsExactly("G1PeriodicGCInterval=10000", "MinHeapFreeRatio=10", "MaxHeapFreeRatio=50");
        assertThat(said).startsWith("G1PeriodicGCInterval=10000, MinHeapFreeRatio=10, MaxHeapFreeRatio=50: ");
    }

    @Test
    void anyOfTheThreeGivenOnTheCommandLineLeavesAllThree() {
        Flags vm = new Flags(true).option("MaxHeapFreeRatio", "70", VMOption.Origin.VM_CREATION);

        String said = IdleHeap.apply(() -> vm);

        assertThat(vm.set).isEmpty();
        assertThat(said).contains("heap settings given (MaxHeapFreeRatio=70)", "left as they are");
    }

    @Test
    void aJvmWithoutTheseFlagsIsSaidAndLeftAlone() {
        Flags vm = new Flags(true);
        vm.options.remove("G1PeriodicGCInterval");

        assertThat(IdleHeap.apply(() -> vm)).startsWith("the JVM refused its heap settings");
        assertThat(IdleHeap.apply(() -> null)).contains("no HotSpot flags");
        assertThat(vm.set).isEmpty();
    }

    @Test
    void anotherCollectorIsLeftAlone() {
        Flags vm = new Flags(false);

        assertThat(IdleHeap.apply(() -> vm)).contains("does not run G1");
        assertThat(vm.set).isEmpty();
    }
}
