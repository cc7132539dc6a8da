package org.expodesk.mail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox against a real SMTP server (GreenMail) and the real database. */
@QuarkusTest
class OutboxTest {

    private static final MailTemplate HELLO = new MailTemplate("Hello {name}", "Dear {name},\nwelcome.",
            "<p>Dear {name},</p><p>welcome.</p>");

    @Inject
    Outbox outbox;

    @Inject
    MailSender sender;

    @Inject
    Suppressions suppressions;

    @Inject
    org.expodesk.platform.Foreground foreground;

    @Test
    void aQueuedMailIsDeliveredOnceWithTextAndHtmlAndItsRecordIsComplete() throws Exception {
        String to = address("once");
        Outbox.Queued queued = queue(MailRequest.transactional("hello|" + to, "hello", to, Locale.ENGLISH, HELLO,
                Map.of("name", "Ada <Lovelace>")));
        assertThat(queued.created()).isTrue();
        assertThat(queued.status()).isEqualTo(MailStatus.PENDING);

        drain();

        List<MimeMessage> received = receivedBy(to);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Hello Ada <Lovelace>");
        String body = textOf(received.get(0));
        assertThat(body).contains("Dear Ada <Lovelace>,").contains("&lt;Lovelace&gt;");
        OutboxMail row = mail(queued.id());
        assertThat(row.status).isEqualTo(MailStatus.SENT);
        assertThat(row.sentAt).isNotNull();
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.recipient).isEqualTo(to);
        assertThat(row.textBody).isEqualTo("Dear Ada <Lovelace>,\nwelcome.");
    }

    @Test
    void theSameKeyQueuedAgainAddsNothingAndNothingIsSentTwice() throws Exception {
        String to = address("twice");
        String key = MailRequest.keyOf("welcome", 7L, to);
        Outbox.Queued first = queue(MailRequest.transactional(key, "welcome", to, Locale.ENGLISH, HELLO, Map.of("name", "A")));
        drain();
        Outbox.Queued again = queue(MailRequest.transactional(key, "welcome", to.toUpperCase(Locale.ROOT), Locale.ENGLISH,
                HELLO, Map.of("name", "A")));
        drain();

        assertThat(again.created()).isFalse();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.status()).isEqualTo(MailStatus.SENT);
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    void fiveHundredRecipientsGetOneMailEachAndASecondRunSendsNothingMore() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> "r" + i + "-" + run + "@bulk.test").toList();
        QuarkusTransaction.requiringNew().run(() -> recipients.forEach(to -> outbox.enqueue(
                MailRequest.transactional(MailRequest.keyOf("bulk-" + run, null, to), "bulk", to, Locale.ENGLISH,
                        HELLO, Map.of("name", to)))));
        drain();
        QuarkusTransaction.requiringNew().run(() -> recipients.forEach(to -> outbox.enqueue(
                MailRequest.transactional(MailRequest.keyOf("bulk-" + run, null, to), "bulk", to, Locale.ENGLISH,
                        HELLO, Map.of("name", to)))));
        drain();

        Map<String, Long> perRecipient = Arrays.stream(MailServerResource.greenMail().getReceivedMessages())
                .map(MailServerResource::recipientOf)
                .filter(to -> to.endsWith(run + "@bulk.test"))
                .collect(Collectors.groupingBy(to -> to, Collectors.counting()));
        assertThat(perRecipient).hasSize(500);
        assertThat(perRecipient.values()).allMatch(count -> count == 1);
        long sent = QuarkusTransaction.requiringNew().call(() ->
                OutboxMail.count("purpose = 'bulk' and mailKey like ?1 and status = ?2", "bulk-" + run + "|%", MailStatus.SENT));
        assertThat(sent).isEqualTo(500);
    }

    @Test
    void withTheSmtpServerDownMailWaitsWithoutLosingATryAndGoesOutWhenItReturns() throws Exception {
        String to = address("down");
        MailServerResource.stopServer();
        Outbox.Queued queued;
        try {
            queued = queue(MailRequest.transactional("down|" + to, "down", to, Locale.ENGLISH, HELLO, Map.of("name", "B")));
            // this run or the scheduled one meets the closed port and puts the mail back with the error
            for (int i = 0; i < 100 && mail(queued.id()).lastError == null; i++) {
                assertThat(sender.sendDue().sent()).isZero();
                Thread.sleep(100);
            }
            OutboxMail waiting = mail(queued.id());
            assertThat(waiting.status).isEqualTo(MailStatus.PENDING);
            assertThat(waiting.attempts).isZero();
            assertThat(waiting.lastError).isNotBlank();
        } finally {
            MailServerResource.restart();
        }
        awaitStatus(queued.id(), MailStatus.SENT);
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    void aMailTheServerRefusesForNowIsTriedAgainAndFailsAfterItsLastTryThenCanBeResent() throws Exception {
        String to = address("busy");
        MailServerResource.greenMail().getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            if (recipient.getEmail().equalsIgnoreCase(to)) {
                throw new MessagingException("mailbox busy");
            }
            return MailServerResource.greenMail().getUserManager().getUserByEmail(recipient.getEmail()) != null
                    ? MailServerResource.greenMail().getUserManager().getUserByEmail(recipient.getEmail())
                    : MailServerResource.greenMail().getUserManager().createUser(recipient.getEmail(), recipient.getEmail(), recipient.getEmail());
        });
        Outbox.Queued queued;
        try {
            queued = queue(MailRequest.transactional("busy|" + to, "busy", to, Locale.ENGLISH, HELLO, Map.of("name", "C")));
            awaitStatus(queued.id(), MailStatus.FAILED);
        } finally {
            MailServerResource.restart();
        }
        OutboxMail failed = mail(queued.id());
        assertThat(failed.attempts).isEqualTo(3);
        assertThat(failed.lastError).contains("451");

        outbox.resend(queued.id());
        awaitStatus(queued.id(), MailStatus.SENT);
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    void anAttachmentMadeAtSendingGoesOutAndOneThatCannotBeMadeFailsTheMailAfterItsLastTry() throws Exception {
        String to = address("rendered");
        Outbox.Queued made = queue(MailRequest.transactional("rendered|" + to, "rendered", to, Locale.ENGLISH, HELLO,
                Map.of("name", "R")).attachRendered("note.txt", "text/plain", "test-upper-case", "made when sent"));
        String broken = address("broken");
        Outbox.Queued notMade = queue(MailRequest.transactional("broken|" + broken, "broken", broken, Locale.ENGLISH,
                HELLO, Map.of("name", "B")).attachRendered("note.txt", "text/plain", "test-broken", "42"));
        // the queued mail holds only how to make the file, on its own row (its one attachment, V47)
        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) MailAttachment.getEntityManager()
                .createNativeQuery("SELECT attachment_file_name, attachment_content_type, attachment_renderer,"
                        + " attachment_render_argument FROM mail_outbox WHERE id = ?1")
                .setParameter(1, made.id()).getSingleResult());
        assertThat(stored).containsExactly("note.txt", "text/plain", "test-upper-case", "made when sent");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) MailAttachment.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM mail_attachment WHERE mail_id = ?1")
                .setParameter(1, made.id()).getSingleResult()).intValue())).isZero();

        awaitStatus(made.id(), MailStatus.SENT);
        assertThat(new String(MailServerResource.attachment(receivedBy(to).get(0)), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("MADE WHEN SENT");
        awaitStatus(notMade.id(), MailStatus.FAILED);
        OutboxMail failed = mail(notMade.id());
        assertThat(failed.attempts).isEqualTo(3);
        assertThat(failed.lastError).contains("attachment not made").contains("no such badge: 42");
        assertThat(receivedBy(broken)).isEmpty();
    }

    @Test
    void marketingMailCarriesAnUnsubscribeLinkThatStopsFurtherMarketingButNotABadge() throws Exception {
        String to = address("news");
        Outbox.Queued offer = queue(MailRequest.marketing("offer-1|" + to, "offer", to, Locale.SIMPLIFIED_CHINESE,
                new MailTemplate("{name}，您好", "欢迎参加下一届展会。", null), Map.of("name", "王芳")));
        drain();
        MimeMessage received = receivedBy(to).get(0);
        assertThat(received.getSubject()).isEqualTo("王芳，您好");
        String token = mail(offer.id()).unsubscribeToken;
        assertThat(textOf(received)).contains("/mail/unsubscribe/" + token);
        assertThat(received.getHeader("List-Unsubscribe")[0]).contains("/mail/unsubscribe/" + token);

        assertThat(suppressions.unsubscribe(token)).contains(to);
        Outbox.Queued second = queue(MailRequest.marketing("offer-2|" + to, "offer", to, Locale.ENGLISH, HELLO,
                Map.of("name", "Wang")));
        Outbox.Queued badge = queue(MailRequest.transactional("badge|" + to, "badge", to, Locale.ENGLISH, HELLO,
                Map.of("name", "Wang")));
        drain();

        assertThat(second.status()).isEqualTo(MailStatus.SUPPRESSED);
        assertThat(mail(badge.id()).status).isEqualTo(MailStatus.SENT);
        assertThat(receivedBy(to)).hasSize(2);
    }

    @Test
    void aSuppressionMadeEarlierInTheSameTransactionCountsAndALiftedOneNoLonger() throws Exception {
        String blocked = address("blocked-first");
        String lifted = address("lifted-first");
        String unsubscribed = address("unsubscribed-first");
        suppressions.suppress(lifted, Suppression.Reason.BOUNCED, "bounced once");
        // the suppressions are not yet written when the mails are queued: the insert's own read of the list must see them
        List<Outbox.Queued> queued = QuarkusTransaction.requiringNew().call(() -> {
            suppressions.suppress(blocked, Suppression.Reason.BLOCKED, "asked by phone");
            suppressions.lift(lifted);
            suppressions.suppress(unsubscribed, Suppression.Reason.UNSUBSCRIBED, "link");
            return List.of(
                    outbox.enqueue(MailRequest.transactional("first|" + blocked, "first", blocked, Locale.ENGLISH,
                            HELLO, Map.of("name", "B"))),
                    outbox.enqueue(MailRequest.transactional("first|" + lifted, "first", lifted, Locale.ENGLISH,
                            HELLO, Map.of("name", "L"))),
                    outbox.enqueue(MailRequest.transactional("first|" + unsubscribed, "first", unsubscribed,
                            Locale.ENGLISH, HELLO, Map.of("name", "U"))),
                    outbox.enqueue(MailRequest.marketing("offer|" + unsubscribed, "offer", unsubscribed,
                            Locale.ENGLISH, HELLO, Map.of("name", "U"))));
        });
        assertThat(queued).extracting(Outbox.Queued::status).containsExactly(MailStatus.SUPPRESSED,
                MailStatus.PENDING, MailStatus.PENDING, MailStatus.SUPPRESSED);
        assertThat(mail(queued.get(0).id()).status).isEqualTo(MailStatus.SUPPRESSED);
        assertThat(mail(queued.get(0).id()).lastError).isEqualTo("suppressed: BLOCKED");
        assertThat(mail(queued.get(3).id()).lastError).isEqualTo("suppressed: UNSUBSCRIBED");
        drain();
        assertThat(receivedBy(blocked)).isEmpty();
        assertThat(receivedBy(lifted)).hasSize(1);
        assertThat(receivedBy(unsubscribed)).hasSize(1);
    }

    @Test
    void anAddressSuppressedAfterTheMailWasQueuedGetsNothing() throws Exception {
        String to = address("late");
        // one transaction, so that the sender job cannot take the mail before the address is suppressed
        Outbox.Queued queued = QuarkusTransaction.requiringNew().call(() -> {
            Outbox.Queued q = outbox.enqueue(MailRequest.transactional("late|" + to, "late", to, Locale.ENGLISH, HELLO,
                    Map.of("name", "D")));
            suppressions.suppress(to, Suppression.Reason.BLOCKED, "asked by phone");
            return q;
        });
        drain();
        assertThat(mail(queued.id()).status).isEqualTo(MailStatus.SUPPRESSED);
        assertThat(receivedBy(to)).isEmpty();
    }

    /**
     * Several mails queued in one statement (the public submits decided together): each as enqueue queues it, a
     * blocked address's stored SUPPRESSED, an unsubscribed address still getting a transactional mail, and a
     * suppression made earlier in the same transaction counting.
     */
    @Test
    void mailsQueuedTogetherAreEachQueuedAsAloneAndTheListStopsThoseItStops() throws Exception {
        String fine = address("together");
        String blocked = address("blocked");
        String unsubscribed = address("unsubscribed");
        String blockedNow = address("blockednow");
        String last = address("last");
        QuarkusTransaction.requiringNew().run(() -> {
            suppressions.suppress(blocked, Suppression.Reason.BLOCKED, "asked by phone");
            suppressions.suppress(unsubscribed, Suppression.Reason.UNSUBSCRIBED, null);
        });
        List<Outbox.Queued> queued = QuarkusTransaction.requiringNew().call(() -> {
            suppressions.suppress(blockedNow, Suppression.Reason.BLOCKED, "in this transaction");
            return outbox.enqueueAll(List.of(
                    MailRequest.transactional("together|" + fine, "together", fine, Locale.ENGLISH, HELLO,
                            Map.of("name", "F")),
                    MailRequest.transactional("together|" + blocked, "together", blocked.toUpperCase(Locale.ROOT),
                            Locale.ENGLISH, HELLO, Map.of("name", "B")),
                    MailRequest.transactional("together|" + unsubscribed, "together", unsubscribed, Locale.ENGLISH,
                            HELLO, Map.of("name", "U")),
                    MailRequest.transactional("together|" + blockedNow, "together", blockedNow, Locale.ENGLISH,
                            HELLO, Map.of("name", "N")),
                    // five mails: an insert of four and one of one (a power of two each, ADR 0036)
                    MailRequest.transactional("together|" + last, "together", last, Locale.ENGLISH, HELLO,
                            Map.of("name", "L"))));
        });
        assertThat(queued).extracting(Outbox.Queued::status).containsExactly(MailStatus.PENDING,
                MailStatus.SUPPRESSED, MailStatus.PENDING, MailStatus.SUPPRESSED, MailStatus.PENDING);
        assertThat(queued).allMatch(Outbox.Queued::created);
        assertThat(mail(queued.get(0).id()).recipient).isEqualTo(fine);
        assertThat(mail(queued.get(1).id()).recipient).isEqualTo(blocked);
        assertThat(mail(queued.get(1).id()).lastError).contains("BLOCKED");
        assertThat(mail(queued.get(2).id()).recipient).isEqualTo(unsubscribed);
        assertThat(mail(queued.get(3).id()).recipient).isEqualTo(blockedNow);
        assertThat(mail(queued.get(4).id()).recipient).isEqualTo(last);
        drain();
        assertThat(receivedBy(last)).hasSize(1);
        assertThat(receivedBy(fine)).hasSize(1);
        assertThat(receivedBy(fine).get(0).getSubject()).isEqualTo("Hello F");
        assertThat(receivedBy(unsubscribed)).hasSize(1);
        assertThat(receivedBy(blocked)).isEmpty();
        assertThat(receivedBy(blockedNow)).isEmpty();
    }

    @Test
    void whatAStoppedSenderLeftIsPutBackAndTheMailItWasHandingOverIsNeverSentAgainByItself() throws Exception {
        String unsent = address("claimed");
        String inFlight = address("inflight");
        // as a node would leave them when killed: one mail of its batch not yet tried, one being handed over
        // (queued and set in one transaction, so that the sender job cannot take them in between)
        Instant past = Instant.now().minusSeconds(600);
        Outbox.Queued claimed = QuarkusTransaction.requiringNew().call(() -> {
            Outbox.Queued q = outbox.enqueue(MailRequest.transactional("c|" + unsent, "crash", unsent, Locale.ENGLISH,
                    HELLO, Map.of("name", "E")));
            OutboxMail.update("status = ?1, claimedBy = 'dead-node:1', claimedUntil = ?2 where id = ?3", MailStatus.CLAIMED, past, q.id());
            return q;
        });
        Outbox.Queued sending = QuarkusTransaction.requiringNew().call(() -> {
            Outbox.Queued q = outbox.enqueue(MailRequest.transactional("s|" + inFlight, "crash", inFlight, Locale.ENGLISH,
                    HELLO, Map.of("name", "F")));
            OutboxMail.update("status = ?1, claimedBy = 'dead-node:1', claimedUntil = ?2 where id = ?3", MailStatus.SENDING, past, q.id());
            return q;
        });

        drain();

        assertThat(mail(claimed.id()).status).isEqualTo(MailStatus.SENT);
        assertThat(receivedBy(unsent)).hasSize(1);
        assertThat(mail(sending.id()).status).isEqualTo(MailStatus.UNCERTAIN);
        assertThat(receivedBy(inFlight)).isEmpty();
    }

    @Test
    void enqueueingNeedsTheCallersTransactionAndARealAddress() {
        MailRequest request = MailRequest.transactional("x|1", "x", address("tx"), Locale.ENGLISH, HELLO, Map.of("name", "G"));
        assertThatThrownBy(() -> outbox.enqueue(request)).hasMessageContaining("Transaction is required");
        assertThatThrownBy(() -> queue(MailRequest.transactional("x|2", "x", "not an address", Locale.ENGLISH, HELLO,
                Map.of("name", "G")))).hasMessageContaining("not a mail address");
    }

    /**
     * While public submits queue on the node (a burst, platform.Foreground), the sender makes no badge PDF and hands
     * nothing over: the people waiting for an answer get the node's CPU; their mails go out once the burst is over.
     */
    @Test
    void theSenderGivesWayWhileABurstOfSubmitsLastsAndSendsOnceItIsOver() throws Exception {
        String to = address("burst");
        java.util.concurrent.atomic.AtomicBoolean bursting = new java.util.concurrent.atomic.AtomicBoolean(true);
        foreground.burst();
        Thread submits = new Thread(() -> {
            while (bursting.get()) {
                foreground.burst();
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
        });
        submits.start();
        // queued once the burst is on: no sender claims it until the burst is over
        Outbox.Queued queued = queue(MailRequest.transactional("burst|" + to, "burst", to, Locale.ENGLISH, HELLO,
                Map.of("name", "Burst")));
        java.util.concurrent.ExecutorService runner = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<MailSender.Report> run = runner.submit(sender::sendDue);
            Thread.sleep(1_500);
            assertThat(receivedBy(to)).isEmpty();
            assertThat(mail(queued.id()).status).isEqualTo(MailStatus.PENDING);
            bursting.set(false);
            submits.join();
            run.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            bursting.set(false);
            runner.shutdownNow();
        }
        drain();
        assertThat(receivedBy(to)).hasSize(1);
        assertThat(mail(queued.id()).status).isEqualTo(MailStatus.SENT);
    }

    private Outbox.Queued queue(MailRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(request));
    }

    private static void drain() throws Exception {
        TestMail.drain("%");
    }

    private void awaitStatus(long id, MailStatus status) throws Exception {
        for (int i = 0; i < 200 && mail(id).status != status; i++) {
            sender.sendDue();
            Thread.sleep(100);
        }
        assertThat(mail(id).status).isEqualTo(status);
    }

    private static OutboxMail mail(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>findById(id));
    }

    static List<MimeMessage> receivedBy(String address) {
        return MailServerResource.receivedBy(address);
    }

    /** Every text part of a message, decoded (quoted-printable, base64, UTF-8). */
    static String textOf(jakarta.mail.Part part) {
        return org.expodesk.testing.MailServerResource.textOf(part);
    }

    private static String address(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8) + "@outbox.test";
    }
}
