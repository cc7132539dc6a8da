package org.expodesk.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.CalendarChanged;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.inbox.Inbox;
import org.expodesk.web.i18n.Messages;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Watches every plan for tasks that will end after their stage window or due day (at risk) and
 * tasks whose finish has passed (overdue), and tells the people concerned in their inbox: the
 * owner and the stage manager, for overdue work the checker too. Runs after every change to a
 * plan and every hour (Quartz, one node at a time), so that time passing alone is noticed too.
 * Each thing is told once; a further slip is a new thing.
 */
@ApplicationScoped
public class RiskWatch {

    private static final Logger LOG = Logger.getLogger(RiskWatch.class);

    @Inject
    PlanBoard boards;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    UserService users;

    @Inject
    Inbox inbox;

    @Inject
    java.time.Clock clock;

    /** Returns how many notifications were new. */
    @Transactional
    public int scan(long exhibitionId) {
        PlanBoard.Board board = boards.board(exhibitionId);
        java.util.Map<Long, java.util.Locale> languages = new java.util.HashMap<>();
        int told = 0;
        for (PlanBoard.Lane lane : board.lanes()) {
            for (PlanBoard.Row row : lane.rows()) {
                Task task = row.task();
                if (task.state.isSettled()) {
                    continue;
                }
                var s = row.schedule();
                String link = "/tasks/" + task.id;
                if (s.atRisk()) {
                    told += tell(languages, Arrays.asList(task.ownerId, lane.stage().managerId), "TASK_AT_RISK",
                            "at-risk:task:" + task.id + ":" + s.earlyFinish(), "notify_atRisk", link,
                            task.title, s.earlyFinish(), s.deadline());
                }
                if (row.overdue()) {
                    told += tell(languages, Arrays.asList(task.ownerId, task.checkerId, lane.stage().managerId), "TASK_OVERDUE",
                            "overdue:task:" + task.id + ":" + s.earlyFinish(), "notify_overdue", link,
                            task.title, s.earlyFinish());
                }
            }
        }
        return told;
    }

    private int tell(java.util.Map<Long, java.util.Locale> languages, List<Long> people, String kind, String key,
                     String messageKey, String link, Object... args) {
        int told = 0;
        for (Long userId : people.stream().filter(Objects::nonNull).distinct().toList()) {
            java.util.Locale language = languages.computeIfAbsent(userId, id -> Messages.forTag(users.get(id).locale));
            String subject = Messages.text(language, messageKey, args);
            told += inbox.tell(List.of(userId), kind, key, subject, link);
        }
        return told;
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlanChanged change) {
        scanAfterCommit(change.exhibitionId());
    }

    void afterCalendarChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarChanged change) {
        scanAfterCommit(change.exhibitionId());
    }

    private void scanAfterCommit(long exhibitionId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> scan(exhibitionId));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not check exhibition %d for risks after a change", exhibitionId);
        }
    }

    @Scheduled(identity = "plan-risk-watch", cron = "0 7 * * * ?")
    void hourly() {
        LocalDate cutoff = LocalDate.now(clock).minusDays(200);
        List<Long> running = new ArrayList<>();
        for (Exhibition e : exhibitions.list()) {
            if (!e.closesOn.isBefore(cutoff)) {
                running.add(e.id);
            }
        }
        for (long id : running) {
            try {
                scan(id);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not check exhibition %d for risks", id);
            }
        }
    }
}
