package ownpilot.gateway.customtools;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The heap in use outside the young generation's eden: what has survived a collection, plus large
 * objects (typed arrays, long strings), which collectors place straight in the old generation. A
 * sandbox run's growth of this figure is what it keeps; its allocations alone say little (the
 * interpreter boxes numbers, so a plain arithmetic loop allocates hundreds of MB a second, all of it
 * garbage that dies in eden). Collectors without an eden pool (ZGC, Shenandoah) count their whole heap.
 */
final class RetainedHeap {

    private static final List<MemoryPoolMXBean> POOLS = pools();

    private RetainedHeap() {}

    static long used() {
        long used = 0;
        for (MemoryPoolMXBean pool : POOLS) {
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    private static List<MemoryPoolMXBean> pools() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        List<MemoryPoolMXBean> withoutEden = heap.stream().filter(p -> !p.getName().contains("Eden")).toList();
        return withoutEden.size() < heap.size() ? withoutEden : heap;
    }
}
