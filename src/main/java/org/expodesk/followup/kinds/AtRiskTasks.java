package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.plan.PlanBoard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A daily digest of the edition's tasks at risk (the schedule makes them finish after their due day
 * or their stage's window), to each task's owner and the stage's manager: the inbox tells them once
 * when a task becomes at risk ({@code plan.RiskWatch}), this mail reminds them every day while it is.
 */
@ApplicationScoped
public class AtRiskTasks implements RuleKind {

    /** A task at risk as the mail lists it: when it will finish and when it should. */
    public record AtRisk(String text, String finishes, String deadline, String url) {
    }

    @Inject
    PlanBoard boards;

    @Inject
    UserService users;

    @Inject
    Links links;

    @Override
    public String key() {
        return "at-risk-tasks";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.TRANSACTIONAL;
    }

    @Override
    public boolean daily() {
        return true;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.edition(MailData.sampleEdition());
        data.put("name", "Li Wei");
        data.put("tasks", List.of(new AtRisk("Print the signage", "2027-05-12", "2027-05-05", links.to("/tasks/1"))));
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        Map<Long, Map<Long, AtRisk>> byUser = new TreeMap<>();
        for (PlanBoard.Lane lane : boards.board(exhibition.id).lanes()) {
            for (PlanBoard.Row row : lane.rows()) {
                if (row.task().state.isSettled() || !row.schedule().atRisk()) {
                    continue;
                }
                AtRisk line = new AtRisk(row.task().title, String.valueOf(row.schedule().earlyFinish()),
                        String.valueOf(row.schedule().deadline()), links.to("/tasks/" + row.task().id));
                java.util.stream.Stream.of(row.task().ownerId, lane.stage().managerId).filter(Objects::nonNull).distinct()
                        .forEach(user -> byUser.computeIfAbsent(user, u -> new LinkedHashMap<>()).put(row.task().id, line));
            }
        }
        List<Recipient> recipients = new ArrayList<>();
        byUser.forEach((userId, tasks) -> {
            UserAccount user = users.get(userId);
            if (!user.enabled) {
                return;
            }
            Map<String, Object> data = MailData.edition(exhibition);
            data.put("name", user.displayName);
            data.put("tasks", tasks.values().stream().sorted(Comparator.comparing(AtRisk::deadline)
                    .thenComparing(AtRisk::text)).toList());
            recipients.add(new Recipient(MailData.blankToNull(user.email), Recipient.languageOf(user.locale), data));
        });
        return recipients;
    }
}
