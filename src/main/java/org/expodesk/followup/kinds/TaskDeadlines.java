package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.plan.PlanService;
import org.expodesk.plan.Task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A daily digest of the edition's open tasks whose due day ({@code Task.dueOn}) is near: each owner
 * gets theirs due within {@code expodesk.followup.task-deadline-days}; overdue ones go to the owner,
 * the checker and the stage's manager too (the escalation of the control loop).
 */
@ApplicationScoped
public class TaskDeadlines implements RuleKind {

    @Inject
    PlanService plan;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    UserService users;

    @Inject
    Links links;

    @ConfigProperty(name = "expodesk.followup.task-deadline-days", defaultValue = "7")
    int withinDays;

    @Override
    public String key() {
        return "task-deadlines";
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
        data.put("tasks", List.of(new MailData.Line("Send the exhibitor manual", "2027-03-01", links.to("/tasks/1"), true)));
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        Map<Long, Long> managers = exhibitions.stages(exhibition.id).stream().filter(s -> s.managerId != null)
                .collect(Collectors.toMap(s -> s.id, s -> s.managerId));
        Map<Long, Set<Task>> byUser = new TreeMap<>();
        for (Task task : plan.tasks(exhibition.id)) {
            if (task.state.isSettled() || task.dueOn == null || task.dueOn.isAfter(day.plusDays(withinDays))) {
                continue;
            }
            List<Long> to = new ArrayList<>();
            to.add(task.ownerId);
            if (task.dueOn.isBefore(day)) {
                to.add(task.checkerId);
                to.add(managers.get(task.stageId));
            }
            to.stream().filter(Objects::nonNull).distinct()
                    .forEach(user -> byUser.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(task));
        }
        List<Recipient> recipients = new ArrayList<>();
        byUser.forEach((userId, tasks) -> {
            UserAccount user = users.get(userId);
            if (!user.enabled) {
                return;
            }
            Map<String, Object> data = MailData.edition(exhibition);
            data.put("name", user.displayName);
            data.put("tasks", tasks.stream().sorted(Comparator.comparing((Task t) -> t.dueOn).thenComparing(t -> t.id))
                    .map(t -> new MailData.Line(t.title, t.dueOn.toString(), links.to("/tasks/" + t.id), t.dueOn.isBefore(day)))
                    .toList());
            recipients.add(new Recipient(MailData.blankToNull(user.email), Recipient.languageOf(user.locale), data));
        });
        return recipients;
    }
}
