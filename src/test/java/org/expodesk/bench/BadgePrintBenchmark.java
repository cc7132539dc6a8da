package org.expodesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #5: 10,000 badges in one printable PDF within 20 s and a heap of 512 MB. Each print runs
 * in a JVM of its own started with {@code -Xmx512m} ({@code org.expodesk.badge.BadgePrintRun}), so
 * finishing at all proves the memory bound; the ceiling is the same pages carrying only their QR
 * codes, printed in the same way in the same run. Two rounds, alternating, the better of each counts.
 */
public final class BadgePrintBenchmark {

    private static final String HEADING = "## Badge batch printing: 10,000 badges in one PDF";
    private static final int BADGES = Integer.getInteger("bench.badges", 10_000);
    private static final int MAILS = Integer.getInteger("bench.mails", 2_000);
    private static final double GOAL_SECONDS = 20;
    private static final Pattern RESULT = Pattern.compile("seconds=([0-9.]+) pages=(\\d+) bytes=(\\d+) peakHeapMb=(\\d+)");

    private record Result(double seconds, int pages, long bytes, long peakHeapMb) {
    }

    private BadgePrintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Result> ceilings = new ArrayList<>();
        List<Result> prints = new ArrayList<>();
        List<Result> mails = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            ceilings.add(run("ceiling", BADGES));
            prints.add(run("badges", BADGES));
            mails.add(run("mails", MAILS));
        }
        Result mail = mails.stream().min((a, b) -> Double.compare(a.seconds(), b.seconds())).orElseThrow();
        Result ceiling = ceilings.stream().min((a, b) -> Double.compare(a.seconds(), b.seconds())).orElseThrow();
        Result print = prints.stream().min((a, b) -> Double.compare(a.seconds(), b.seconds())).orElseThrow();

        StringBuilder md = new StringBuilder(HEADING).append("\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s with `./mvnw -B -Pbench test` (exec: `%s`); %d cores, %s, "
                        + "Java %s; load average before: %s.%n%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                BadgePrintBenchmark.class.getSimpleName(), Runtime.getRuntime().availableProcessors(),
                MarkdownSection.cpuModel(), System.getProperty("java.version"), loadAverage()));
        md.append(String.format(Locale.ROOT, "- Each print runs in its own JVM with `-Xmx512m`: %,d A6 badges with "
                + "signed codes, names and companies in Latin and Chinese, through `BadgePdfs.many` (page contents "
                + "go to a temporary file as they are made) into one PDF file. Two rounds, ceiling and print "
                + "alternating; the better of each counts.%n%n", BADGES));
        md.append("| path | pages | seconds | pages/s | PDF MB | peak heap MB (sum of pool peaks) |\n|---|--:|--:|--:|--:|--:|\n");
        md.append(row("ceiling: the same pages with only their QR codes, no text, no fonts", ceiling));
        md.append(row("**badges** (`BadgePdfs.many`, A6)", print));
        md.append(String.format(Locale.ROOT, "| one-badge PDFs (`BadgePdfs.one`, A6: the attachment of a confirmation "
                + "mail), one after another, %s | %,d | %.1f | %,.0f | %.1f | %d |%n", "after 100 not timed", mail.pages(),
                mail.seconds(), mail.pages() / mail.seconds(), mail.bytes() / 1e6, mail.peakHeapMb()));
        md.append(String.format(Locale.ROOT, "%n- seconds(badges) / seconds(ceiling) = %.2f; goal %.0f s: %.2f of it "
                + "used; the heap stayed within 512 MB (the JVM would have failed otherwise)%n",
                print.seconds() / ceiling.seconds(), GOAL_SECONDS, print.seconds() / GOAL_SECONDS));
        md.append(String.format(Locale.ROOT, "- one-badge PDF: %.2f ms each, %.1f times a page of the batch (each "
                        + "embeds its own fonts); no goal of its own: every confirmation mail carries one (issue #5)%n",
                mail.seconds() * 1000 / mail.pages(), (mail.seconds() / mail.pages()) / (print.seconds() / print.pages())));
        MarkdownSection.publish(md.toString());

        if (print.pages() != BADGES || ceiling.pages() != BADGES) {
            throw new AssertionError("a page per badge: " + print.pages() + " and " + ceiling.pages());
        }
        if (print.seconds() > GOAL_SECONDS) {
            throw new AssertionError(String.format(Locale.ROOT, "%.1f s for %d badges, goal %.0f s", print.seconds(),
                    BADGES, GOAL_SECONDS));
        }
    }

    private static String row(String path, Result r) {
        return String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.1f | %d |%n", path, r.pages(), r.seconds(),
                r.pages() / r.seconds(), r.bytes() / 1e6, r.peakHeapMb());
    }

    private static Result run(String mode, int count) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath(),
                "org.expodesk.badge.BadgePrintRun", mode, String.valueOf(count)).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putIfAbsent("EXPODESK_BADGE_FONT", System.getenv().getOrDefault("EXPODESK_BADGE_FONT", ""));
        if (env.get("EXPODESK_BADGE_FONT").isEmpty()) {
            env.remove("EXPODESK_BADGE_FONT");
        }
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
            }
        }
        int exit = process.waitFor();
        Matcher m = RESULT.matcher(output);
        if (exit != 0 || !m.find()) {
            throw new AssertionError(mode + " print failed (exit " + exit + "):\n" + output);
        }
        return new Result(Double.parseDouble(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)));
    }

    /** The test classpath: exec-maven-plugin's class loader has it; java.class.path is Maven's own there. */
    private static String classpath() {
        if (BadgePrintBenchmark.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!entries.isEmpty()) {
                return String.join(java.io.File.pathSeparator, entries);
            }
        }
        return System.getProperty("java.class.path");
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
