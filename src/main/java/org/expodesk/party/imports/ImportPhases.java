package org.expodesk.party.imports;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where one run's time went, by phase of its chunks, logged when the run ends: what to look at
 * before making an import faster (docs/import.md, "Speed"). Used by the one thread running the run.
 */
final class ImportPhases {

    private final Map<String, Long> nanos = new TreeMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long started = System.nanoTime();
    private String current;

    /** Ends the phase under way and starts {@code phase}. */
    void enter(String phase) {
        long now = System.nanoTime();
        if (current != null) {
            nanos.merge(current, now - started, Long::sum);
        }
        current = phase;
        started = now;
    }

    /** Adds {@code n} to a count reported with the phases. */
    void count(String what, long n) {
        counts.merge(what, n, Long::sum);
    }

    /** Ends the phase under way. */
    void leave() {
        enter(null);
    }

    @Override
    public String toString() {
        leave();
        return java.util.stream.Stream.concat(nanos.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1e9)),
                counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
