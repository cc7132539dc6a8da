package org.expodesk.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.mail.MailKind;
import org.expodesk.mail.MailRequest;
import org.expodesk.mail.MailTemplates;
import org.expodesk.mail.Outbox;
import org.expodesk.mail.Suppressions;
import org.expodesk.platform.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fires follow-up rules: every hour, each enabled rule that is due today (in the edition's time
 * zone) queues one mail per recipient in the outbox, a chunk of recipients per transaction. The mail
 * keys ({@code rule:<id>}, edition, recipient) make a second run, or a "run now" beside the job,
 * add nothing for those already mailed (docs/followup.md).
 */
@ApplicationScoped
public class RuleRunner {

    private static final Logger LOG = Logger.getLogger(RuleRunner.class);
    private static final int CHUNK = 100;
    private static final int SAMPLES = 5;

    /** What a run did: recipients reached, mails it newly queued, recipients without an address or who refused. */
    public record Run(int recipients, int queued, int withoutAddress, int refused) {
    }

    /**
     * What a run would do now: recipients with an address, those without one, those who refused this
     * kind of mail (consent), those suppressed, those already mailed by this rule, the mails a run
     * now would send, and a few addresses.
     */
    public record DryRun(LocalDate day, LocalDate dueDay, boolean dueToday, int recipients, int withoutAddress,
                         int refused, int suppressed, int alreadyQueued, int wouldSend, List<String> samples) {
    }

    @Inject
    FollowUpRules rules;

    @Inject
    RuleKinds kinds;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    Outbox outbox;

    @Inject
    Suppressions suppressions;

    @Inject
    Clock clock;

    @Scheduled(identity = "followup-rules", cron = "${expodesk.followup.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        runDue();
    }

    /** Runs every enabled rule that is due today; a rule that fails is logged and the others still run. */
    public int runDue() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> rules.enabled().stream()
                .filter(this::isDueToday).map(r -> r.id).toList());
        int queued = 0;
        for (long id : due) {
            try {
                queued += run(id).queued();
            } catch (RuntimeException e) {
                LOG.errorf(e, "follow-up rule %d failed; it is tried again at the next run", id);
            }
        }
        return queued;
    }

    /** Runs an enabled rule now, due or not ("run now" of the pages and the API). */
    public Run runNow(long ruleId) {
        boolean enabled = QuarkusTransaction.requiringNew().call(() -> rules.get(ruleId).enabled);
        if (!enabled) {
            throw ProblemException.conflict("followup_notEnabled");
        }
        return run(ruleId);
    }

    public DryRun dryRun(long ruleId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Prepared p = prepare(ruleId);
            int suppressed = 0;
            int already = 0;
            for (RuleKind.Recipient r : p.byAddress().values()) {
                if (outbox.isQueued(p.key(r))) {
                    already++;
                } else if (suppressions.reasonFor(r.address()).filter(reason -> reason.stops(p.kind().mailKind())).isPresent()) {
                    suppressed++;
                }
            }
            return new DryRun(p.day(), p.dueDay(), isDueToday(p.rule()), p.byAddress().size(), p.withoutAddress(),
                    p.refused(), suppressed, already, p.byAddress().size() - suppressed - already,
                    p.byAddress().values().stream().map(r -> Outbox.normalize(r.address())).distinct().limit(SAMPLES).toList());
        });
    }

    private Run run(long ruleId) {
        Prepared p = QuarkusTransaction.requiringNew().call(() -> prepare(ruleId));
        List<Map.Entry<String, RuleKind.Recipient>> all = new ArrayList<>(p.byAddress().entrySet());
        int queued = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Map.Entry<String, RuleKind.Recipient>> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            queued += QuarkusTransaction.requiringNew().call(() -> {
                // runs of one rule (two nodes, run now beside the job) take turns chunk by chunk. The
                // lock comes before any other read, so the second reads what the first queued and
                // skips it instead of making its link again (a badge's new link failed on its version)
                FollowUpRule.getEntityManager().createNativeQuery("SELECT id FROM followup_rule WHERE id = ?1 FOR UPDATE")
                        .setParameter(1, ruleId).getResultList();
                int created = 0;
                for (Map.Entry<String, RuleKind.Recipient> r : chunk) {
                    if (outbox.isQueued(p.key(r.getValue()))) {
                        continue;
                    }
                    Optional<Map<String, Object>> late = p.kind().atQueueing(p.exhibition(), r.getValue());
                    if (late.isEmpty()) {
                        continue;
                    }
                    RuleKind.Recipient recipient = r.getValue();
                    if (!late.get().isEmpty()) {
                        Map<String, Object> data = new java.util.HashMap<>(recipient.data());
                        data.putAll(late.get());
                        recipient = new RuleKind.Recipient(recipient.address(), recipient.language(), data,
                                recipient.refused(), recipient.occasion());
                    }
                    if (outbox.enqueue(request(p, recipient)).created()) {
                        created++;
                    }
                }
                return created;
            });
        }
        int newlyQueued = queued;
        Instant now = Instant.now(clock);
        // a bulk update: bookkeeping must not change the version an editor holds
        QuarkusTransaction.requiringNew().run(() -> FollowUpRule.update(
                "lastRunAt = ?1, lastRunCount = ?2 where id = ?3", now, newlyQueued, ruleId));
        LOG.infof("follow-up rule %d (%s) ran for %s: %d recipients, %d newly queued, %d without an address",
                ruleId, p.kind().key(), p.day(), all.size(), newlyQueued, p.withoutAddress());
        return new Run(all.size(), newlyQueued, p.withoutAddress(), p.refused());
    }

    /**
     * Recipients of a rule today, one per address (two people sharing one get one mail), or one per
     * address and occasion for a kind whose recipients carry one.
     */
    private record Prepared(FollowUpRule rule, RuleKind kind, Exhibition exhibition, LocalDate day, LocalDate dueDay,
                            String purpose, Map<String, RuleKind.Recipient> byAddress, int withoutAddress, int refused) {

        String purposeOf(RuleKind.Recipient r) {
            return r.occasion() == null ? purpose : "rule:" + rule.id + ":" + r.occasion();
        }

        String key(RuleKind.Recipient r) {
            return MailRequest.keyOf(purposeOf(r), exhibition.id, r.address());
        }
    }

    private Prepared prepare(long ruleId) {
        FollowUpRule rule = rules.get(ruleId);
        RuleKind kind = kinds.find(rule.kind)
                .orElseThrow(() -> new IllegalStateException("no rule kind " + rule.kind + " for rule " + rule.id));
        Exhibition exhibition = exhibitions.get(rule.exhibitionId);
        LocalDate day = today(exhibition);
        Map<String, RuleKind.Recipient> byAddress = new LinkedHashMap<>();
        int withoutAddress = 0;
        int refused = 0;
        for (RuleKind.Recipient r : kind.recipients(exhibition, day)) {
            if (r.refused()) {
                refused++;
            } else if (r.address() == null || r.address().isBlank()) {
                withoutAddress++;
            } else {
                byAddress.putIfAbsent(Outbox.normalize(r.address()) + (r.occasion() == null ? "" : " " + r.occasion()), r);
            }
        }
        return new Prepared(rule, kind, exhibition, day, rule.dueDay(exhibition.opensOn, exhibition.closesOn),
                rule.purpose(kind.daily(), day), byAddress, withoutAddress, refused);
    }

    private MailRequest request(Prepared p, RuleKind.Recipient r) {
        String purpose = p.purposeOf(r);
        String address = Outbox.normalize(r.address());
        var template = p.rule().template(MailTemplates.language(r.language()));
        MailRequest request = p.kind().mailKind() == MailKind.MARKETING
                ? MailRequest.marketing(p.key(r), purpose, address, r.language(), template, r.data())
                : MailRequest.transactional(p.key(r), purpose, address, r.language(), template, r.data());
        request = request.forExhibition(p.exhibition().id);
        return p.kind().privateLinks() ? request.withPrivateLinks() : request;
    }

    /**
     * Due today: a rule on its due day; a daily digest from its due day through the closing day
     * (or its due day alone, when that comes after closing).
     */
    boolean isDueToday(FollowUpRule rule) {
        Exhibition exhibition = exhibitions.get(rule.exhibitionId);
        LocalDate today = today(exhibition);
        LocalDate due = rule.dueDay(exhibition.opensOn, exhibition.closesOn);
        boolean daily = kinds.find(rule.kind).map(RuleKind::daily).orElse(false);
        if (!daily) {
            return today.equals(due);
        }
        LocalDate last = due.isAfter(exhibition.closesOn) ? due : exhibition.closesOn;
        return !today.isBefore(due) && !today.isAfter(last);
    }

    /** Today where the edition takes place: show days are the venue's days. */
    LocalDate today(Exhibition exhibition) {
        return LocalDate.now(clock.withZone(ZoneId.of(exhibition.timezone)));
    }
}
