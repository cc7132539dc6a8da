package org.expodesk.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.expodesk.platform.DaemonThreads;
import org.expodesk.platform.Foreground;
import org.expodesk.platform.db.SqlErrors;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers the outbox. Each run takes batches of due mails (rows other nodes hold are skipped),
 * and for every mail marks SENDING, hands it to the SMTP server, then records the outcome. A node
 * that dies leaves its unsent batch to be put back and at most the one mail it was handing over
 * as UNCERTAIN, never sent twice by itself (ADR 0009).
 */
@ApplicationScoped
public class MailSender {

    /** What one run did. */
    public record Report(int sent, int bounced, int refused, int suppressed, int waiting, int uncertain) {
        public int handled() {
            return sent + bounced + refused + suppressed;
        }
    }

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final String NODE = node();

    @Inject
    OutboxStore store;

    @Inject
    Mailer mailer;

    @Inject
    MailConfig config;

    @Inject
    Suppressions suppressions;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    Foreground foreground;

    @Inject
    @Any
    Instance<AttachmentRenderer> renderers;

    private volatile Instant serverDownUntil = Instant.EPOCH;
    private volatile Duration serverDownWait;

    /*
     * The next mail's message (its badge PDF: most of a confirmation's CPU) is made on this thread while the
     * current one is handed over. Hand-overs stay one at a time, so a node that dies still leaves at most one
     * mail UNCERTAIN (ADR 0009); a batch of confirmations goes out at the pace of the slower of the two instead of
     * their sum (docs/mail.md).
     */
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(DaemonThreads.named("expodesk-mail-prepare"));

    @PreDestroy
    void stop() {
        preparer.shutdownNow();
    }

    /**
     * Every node runs its own sender (the in-memory scheduler, not clustered Quartz, which would
     * give each firing to one node and often the same one): claims, not firings, share the work.
     */
    @Scheduled(identity = "mail-sender", every = "${expodesk.mail.poll-every:2s}", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() throws SQLException {
        sendDue();
    }

    /** Sends what is due until nothing is, the server is down, or the run's time is up. */
    public Report sendDue() throws SQLException {
        Instant start = Instant.now(clock);
        int uncertain = 0;
        try {
            uncertain = store.recover(start);
        } catch (SQLException e) {
            if (!SqlErrors.isLockConflict(e)) {
                throw e;
            }
            LOG.debug("putting back stopped senders' mail met another sender's locks; the next run does it", e);
        }
        if (uncertain > 0) {
            LOG.warnf("%d mail(s) left SENDING by a stopped sender are now UNCERTAIN; see the outbox page", uncertain);
        }
        Counts counts = new Counts();
        Instant deadline = start.plus(config.runBudget());
        while (Instant.now(clock).isBefore(deadline) && !Instant.now(clock).isBefore(serverDownUntil)) {
            // before a claim, not within a batch: a claimed batch goes out within its lease
            foreground.giveWay(config.giveWayAtMost());
            String claim = NODE + ":" + UUID.randomUUID().toString().substring(0, 8);
            Instant now = Instant.now(clock);
            List<OutboxStore.Claimed> batch;
            try {
                batch = store.claim(claim, config.batchSize(), now, now.plus(config.claimLease()));
            } catch (SQLException e) {
                if (!SqlErrors.isLockConflict(e)) {
                    throw e;
                }
                LOG.debug("claiming met another sender's locks; the next run claims again", e);
                break;
            }
            if (batch.isEmpty()) {
                break;
            }
            Future<Prepared> ahead = null;
            try {
                ahead = prepareAhead(batch.get(0));
                for (int i = 0; i < batch.size(); i++) {
                    Future<Prepared> current = ahead;
                    ahead = i + 1 < batch.size() ? prepareAhead(batch.get(i + 1)) : null;
                    if (!deliver(batch.get(i), current, claim, counts)) {
                        Instant next = serverDownUntil;
                        for (OutboxStore.Claimed rest : batch.subList(i + 1, batch.size())) {
                            store.release(rest.id(), claim, Instant.now(clock), null, next);
                            counts.waiting++;
                        }
                        break;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // the untried rest of the batch goes back at once instead of waiting out the lease;
                // a mail caught mid-hand-over stays SENDING and becomes UNCERTAIN (ADR 0009)
                store.releaseClaim(claim, Instant.now(clock));
                throw e;
            } finally {
                if (ahead != null) {
                    ahead.cancel(false);
                }
            }
        }
        return new Report(counts.sent, counts.bounced, counts.refused, counts.suppressed, counts.waiting, uncertain);
    }

    /** Returns false when the server could not be reached: the run stops and the batch waits. */
    private boolean deliver(OutboxStore.Claimed mail, Future<Prepared> prepared, String claim, Counts counts)
            throws SQLException {
        Instant now = Instant.now(clock);
        if (mail.suppressed() != null && mail.suppressed().stops(mail.kind())) {
            store.suppressed(mail.id(), claim, now, "suppressed: " + mail.suppressed());
            counts.suppressed++;
            return true;
        }
        // made before the mail turns SENDING: a sender stopped while waiting for it leaves it CLAIMED, to be put back
        Prepared message = waitFor(prepared);
        now = Instant.now(clock);
        if (!store.startSending(mail.id(), claim, now, now.plus(config.claimLease()))) {
            return true;
        }
        Delivery delivery = handOver(mail, message);
        if (delivery.outcome() == Delivery.Outcome.SERVER_DOWN && !delivery.notConnected()) {
            // a pooled connection the server has closed meanwhile fails once; the pool drops it and
            // the next try opens a fresh one (a refused connection, though, means the server is away)
            delivery = handOver(mail, message);
        }
        now = Instant.now(clock);
        switch (delivery.outcome()) {
            case SENT -> {
                store.sent(mail.id(), claim, now);
                serverDownWait = null;
                counts.sent++;
            }
            case ADDRESS_REFUSED -> {
                store.bounced(mail.id(), claim, now, delivery.detail());
                suppressions.suppress(mail.recipient(), Suppression.Reason.BOUNCED, delivery.detail());
                counts.bounced++;
            }
            case REFUSED_FOR_GOOD -> {
                store.refused(mail.id(), claim, now, delivery.detail(), now, true);
                counts.refused++;
            }
            case REFUSED_FOR_NOW -> {
                boolean lastTry = mail.attempts() + 1 >= config.maxAttempts();
                store.refused(mail.id(), claim, now, delivery.detail(), now.plus(backoff(mail.attempts())), lastTry);
                counts.refused++;
            }
            case SERVER_DOWN -> {
                Duration wait = serverDownWait == null ? config.serverDownInitial()
                        : min(serverDownWait.multipliedBy(2), config.retryMax());
                serverDownWait = wait;
                serverDownUntil = now.plus(wait);
                store.release(mail.id(), claim, now, delivery.detail(), serverDownUntil);
                counts.waiting++;
                LOG.warnf("SMTP server not reachable (%s); mail waits %s", delivery.detail(), wait);
                return false;
            }
        }
        return true;
    }

    /** A mail's message as made ahead, or why it could not be made (an attachment's renderer failed). */
    private record Prepared(Mail message, RuntimeException failure) {
    }

    private Future<Prepared> prepareAhead(OutboxStore.Claimed mail) {
        return preparer.submit(() -> {
            try {
                return new Prepared(toMail(mail), null);
            } catch (RuntimeException e) {
                return new Prepared(null, e);
            }
        });
    }

    private static Prepared waitFor(Future<Prepared> prepared) {
        try {
            return prepared.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a mail was made", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a mail could not be made", e.getCause());
        }
    }

    private Delivery handOver(OutboxStore.Claimed mail, Prepared prepared) {
        if (prepared.failure() != null) {
            LOG.errorf(prepared.failure(), "Mail %d: an attachment could not be made", mail.id());
            return Delivery.notMade(prepared.failure());
        }
        try {
            mailer.send(prepared.message());
            return Delivery.SENT;
        } catch (RuntimeException e) {
            return Delivery.of(e);
        }
    }

    private Duration backoff(int attemptsBefore) {
        Duration wait = config.retryInitial();
        for (int i = 0; i < attemptsBefore && wait.compareTo(config.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        wait = min(wait, config.retryMax());
        long jitter = wait.toMillis() / 10;
        return jitter == 0 ? wait : wait.plusMillis(ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
    }

    private Mail toMail(OutboxStore.Claimed mail) {
        Mail out = Mail.withText(mail.recipient(), mail.subject(), mail.text());
        if (mail.html() != null) {
            out.setHtml(mail.html());
        }
        for (OutboxStore.Attached attachment : mail.attachments()) {
            byte[] content = attachment.content() != null ? attachment.content()
                    : renderer(attachment.renderer()).render(attachment.argument());
            out.addAttachment(attachment.fileName(), content, attachment.contentType());
        }
        out.addHeader("X-Expodesk-Mail", String.valueOf(mail.id()));
        if (mail.unsubscribeToken() != null) {
            out.addHeader("List-Unsubscribe", "<" + outbox.unsubscribeUrl(mail.unsubscribeToken()) + ">");
        }
        return out;
    }

    private AttachmentRenderer renderer(String name) {
        for (AttachmentRenderer r : renderers) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalStateException("no attachment renderer named " + name);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String node() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String id = host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
        return id.length() <= 80 ? id : id.substring(0, 80);
    }

    private static final class Counts {
        int sent;
        int bounced;
        int refused;
        int suppressed;
        int waiting;
    }
}
