package org.expodesk.bench;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.mail.MailRequest;
import org.expodesk.mail.MailSender;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.MailTemplate;
import org.expodesk.mail.Outbox;
import org.expodesk.mail.OutboxMail;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #7: the sender delivers at least 200 mails/s to a local SMTP server, and the record it
 * keeps is complete. Mails are queued first (the sender job paused), then the sender alone is
 * timed until every mail is SENT; the ceiling is the same number of mails handed to the same
 * SMTP server by the same mail client in a plain loop, without the outbox, in the same run.
 */
@QuarkusTest
@Tag("benchmark")
class MailSenderBenchmark {

    private static final String HEADING = "## Mail sender: outbox to a local SMTP server";
    private static final double GOAL_MAILS_PER_SECOND = 200;
    private static final int MAILS = Integer.getInteger("bench.mail.count", 5_000);
    private static final MailTemplate TEMPLATE = new MailTemplate("Thank you for visiting, {name}",
            "Dear {name},\n\nthank you for visiting us at the show. We hope to see you at the next edition.\n",
            "<p>Dear {name},</p><p>thank you for visiting us at the show. We hope to see you at the next edition.</p>");

    @Inject
    Outbox outbox;

    @Inject
    MailSender sender;

    @Inject
    Mailer mailer;

    @Inject
    Scheduler scheduler;

    @Test
    void theSenderDeliversTwoHundredMailsASecondWithACompleteRecord() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // warm-up: both paths once, outside the timings
        mailer.send(Mail.withText("warm-" + run + "@bench.test", "warm", "warm"));
        scheduler.pause("mail-sender");
        try {
            List<String> recipients = IntStream.range(0, MAILS).mapToObj(i -> "v" + i + "-" + run + "@bench.test").toList();
            long queueStart = System.nanoTime();
            for (int from = 0; from < MAILS; from += 500) {
                List<String> chunk = recipients.subList(from, Math.min(MAILS, from + 500));
                QuarkusTransaction.requiringNew().run(() -> chunk.forEach(to -> outbox.enqueue(MailRequest.transactional(
                        MailRequest.keyOf("bench-" + run, null, to), "bench", to, Locale.ENGLISH, TEMPLATE,
                        Map.of("name", to)))));
            }
            double queueSeconds = (System.nanoTime() - queueStart) / 1e9;

            long sendStart = System.nanoTime();
            int sent = 0;
            while (sent < MAILS) {
                MailSender.Report report = sender.sendDue();
                if (report.handled() == 0) {
                    break;
                }
                sent += report.sent();
            }
            double sendSeconds = (System.nanoTime() - sendStart) / 1e9;

            long ceilingStart = System.nanoTime();
            for (String to : recipients) {
                mailer.send(Mail.withText("c-" + to, "Thank you for visiting, " + to,
                        "Dear " + to + ",\n\nthank you for visiting us at the show.").setHtml("<p>Dear " + to + "</p>"));
            }
            double ceilingSeconds = (System.nanoTime() - ceilingStart) / 1e9;

            Map<String, Long> received = Arrays.stream(MailServerResource.greenMail().getReceivedMessages())
                    .map(MailServerResource::recipientOf)
                    .filter(to -> to.startsWith("v") && to.endsWith("-" + run + "@bench.test"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long complete = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                    "purpose = 'bench' and mailKey like ?1 and status = ?2 and sentAt is not null and attempts = 1 "
                            + "and lastError is null", "bench-" + run + "|%", MailStatus.SENT));
            boolean once = received.size() == MAILS && received.values().stream().allMatch(n -> n == 1);
            double rate = MAILS / sendSeconds;
            double ceiling = MAILS / ceilingSeconds;
            boolean pass = rate >= GOAL_MAILS_PER_SECOND && once && complete == MAILS;

            StringBuilder md = new StringBuilder();
            md.append(HEADING).append("\n\n");
            md.append("Goal (follow-up, issue #7): the sender delivers at least 200 mails/s to a local SMTP server, "
                    + "and the record it keeps is complete.\n\n");
            md.append(String.format(Locale.ROOT, "**%s**: %,d mails sent by `MailSender.sendDue` in %.1f s, "
                            + "**%,.0f mails/s** (goal %,.0f); %,d of %,d outbox rows SENT with their time, one "
                            + "attempt and no error; GreenMail received %,d recipients, %s.%n%n",
                    pass ? "PASS" : "FAIL", MAILS, sendSeconds, rate, GOAL_MAILS_PER_SECOND, complete, MAILS,
                    received.size(), once ? "each exactly once" : "NOT each exactly once"));
            md.append(String.format(Locale.ROOT, "- Run: %s, `%s` (JUnit class `%s`, tag `benchmark`; the "
                            + "application with its embedded MariaDB 11.4 and GreenMail in the same JVM, loopback "
                            + "SMTP without TLS).%n",
                    ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                    System.getProperty("bench.command", "./mvnw -B -Pbench test"), MailSenderBenchmark.class.getName()));
            md.append(String.format(Locale.ROOT, "- Machine: %d cores, %s, Java %s; load average (1, 5, 15 min) at "
                    + "the end: %s (above the core count means other work shared the machine).%n",
                    Runtime.getRuntime().availableProcessors(), MarkdownSection.cpuModel(), System.getProperty("java.version"),
                    loadAverage()));
            md.append(String.format(Locale.ROOT, "- Each mail: a text and an HTML part rendered from a Qute template "
                    + "when queued; the sender claims them 50 at a time (`FOR UPDATE SKIP LOCKED`), then per "
                    + "mail commits SENDING, hands it over, commits SENT: two committed updates around one SMTP "
                    + "transaction. Queueing the %,d mails (500 per transaction) took %.1f s (%,.0f mails/s).%n%n",
                    MAILS, queueSeconds, MAILS / queueSeconds));
            md.append("| path | mails | seconds | mails/s |\n|---|--:|--:|--:|\n");
            md.append(String.format(Locale.ROOT, "| ceiling: the same mail client, a plain loop of `Mailer.send` "
                    + "(no outbox) | %,d | %.1f | %,.0f |%n", MAILS, ceilingSeconds, ceiling));
            md.append(String.format(Locale.ROOT, "| **outbox sender** | %,d | %.1f | %,.0f |%n", MAILS, sendSeconds, rate));
            md.append(String.format(Locale.ROOT, "%n- rate(sender) / rate(ceiling) = %.2f; goal / ceiling = %.2f%n",
                    rate / ceiling, GOAL_MAILS_PER_SECOND / ceiling));
            MarkdownSection.publish(md.toString());

            assertThat(once).as("every recipient exactly once").isTrue();
            assertThat(complete).as("complete records").isEqualTo(MAILS);
        } finally {
            scheduler.resume("mail-sender");
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
