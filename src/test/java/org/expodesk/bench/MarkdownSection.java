package org.expodesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes one {@code ## } section of a markdown file, leaving every other section as it was. */
final class MarkdownSection {

    private MarkdownSection() {
    }

    /** Prints the section and, when {@code -Dbench.write=FILE} is set (the bench profile sets it), writes it there. */
    static void publish(String section) throws IOException {
        System.out.println(section);
        String target = System.getProperty("bench.write");
        if (target != null && !target.isBlank()) {
            write(Path.of(target), section);
            System.out.println("Written to " + target);
        }
    }

    /** The machine's CPU, for the figures' context. */
    static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try (java.util.stream.Stream<String> lines = Files.exists(cpuinfo) ? Files.lines(cpuinfo)
                : java.util.stream.Stream.empty()) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("CPU model unknown");
        } catch (IOException e) {
            return "CPU model unknown";
        }
    }

    /** {@code section} starts with its {@code ## } heading line; it replaces the section of that heading. */
    static void write(Path file, String section) throws IOException {
        String heading = section.lines().findFirst().orElseThrow();
        List<String> lines = Files.exists(file)
                ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>(List.of("# Benchmarks", ""));
        int from = lines.indexOf(heading);
        int to;
        if (from < 0) {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            lines.add("");
            from = lines.size();
            to = from;
        } else {
            to = from + 1;
            while (to < lines.size() && !lines.get(to).startsWith("## ")) {
                to++;
            }
        }
        List<String> replacement = new ArrayList<>(section.strip().lines().toList());
        if (to < lines.size()) {
            replacement.add("");
        }
        lines.subList(from, to).clear();
        lines.addAll(from, replacement);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
