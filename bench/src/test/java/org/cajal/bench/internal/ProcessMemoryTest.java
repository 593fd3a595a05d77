package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void smapsIsSummedByMappedFileOrKind() {
        List<String> smaps = List.of(
                "7f0000000000-7f0000100000 r-xp 00000000 08:01 1234                       /tmp/javacpp/libnd4jcpu.so",
                "Size:               1024 kB",
                "Rss:                 300 kB",
                "7f0000100000-7f0000200000 r--p 00100000 08:01 1234                       /tmp/javacpp/libnd4jcpu.so",
                "Rss:                  20 kB",
                "7f0000200000-7f0000300000 rw-p 00000000 00:00 0 ",
                "Rss:                 500 kB",
                "VmFlags: rd wr mr mw me ac sd",
                "7f0000300000-7f0000400000 rw-p 00000000 00:00 0",
                "Rss:                  12 kB",
                "55d000000000-55d000100000 rw-p 00000000 00:00 0                          [heap]",
                "Rss:                  64 kB",
                "7f0000500000-7f0000600000 r-xp 00000000 08:01 99                         /usr/lib/my lib.so (deleted)",
                "Rss:                   4 kB");
        assertEquals(Map.of("libnd4jcpu.so", 320L, "[anon]", 512L, "[heap]", 64L, "my lib.so (deleted)", 4L),
                ProcessMemory.residentByMapping(smaps));
    }

    @Test
    void mappingGrowthIsLargestFirst() {
        List<Map.Entry<String, Long>> growth = MemoryLoop.mappingGrowth(Map.of("a", 10L, "b", 100L, "gone", 5L),
                Map.of("a", 110L, "b", 90L, "new", 50L));
        assertEquals(List.of(Map.entry("a", 100L), Map.entry("new", 50L), Map.entry("b", -10L)), growth);
    }
}
