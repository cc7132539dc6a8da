package org.expodesk.plan;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The risk register of an exhibition. Activating a risk puts its prepared response tasks into the
 * live plan (assigned to their owners, linked to the risk) and records who activated it and why.
 */
@ApplicationScoped
@Transactional
public class RiskRegister {

    @Inject
    Clock clock;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    UserService users;

    @Inject
    jakarta.enterprise.event.Event<PlanChanged> changed;

    public record NewResponse(String title, Integer durationDays, String owner, String stage, String criteria) {
    }

    public record NewRisk(String title, Integer likelihood, Integer impact, String trigger, String responsePlan,
                          String owner, List<NewResponse> responses) {
    }

    public Risk add(long exhibitionId, NewRisk request) {
        exhibitions.get(exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        Risk risk = new Risk();
        risk.exhibitionId = exhibitionId;
        risk.title = FieldChecks.text(request.title(), "title", 200, true, errors);
        risk.likelihood = scale(request.likelihood(), "likelihood", errors);
        risk.impact = scale(request.impact(), "impact", errors);
        risk.trigger = optional(request.trigger(), 1000);
        risk.responsePlan = optional(request.responsePlan(), 20_000);
        risk.ownerId = Fields.staff(users, request.owner(), "owner", errors);
        List<NewResponse> responses = request.responses() == null ? List.of() : request.responses();
        for (int i = 0; i < responses.size(); i++) {
            NewResponse r = responses.get(i);
            String field = "responses[" + i + "]";
            RiskResponse response = new RiskResponse();
            response.risk = risk;
            response.position = i;
            response.title = FieldChecks.text(r == null ? null : r.title(), field + ".title", 200, true, errors);
            int days = r == null || r.durationDays() == null ? 1 : r.durationDays();
            if (days < 0 || days > PlanService.MAX_DURATION) {
                errors.add(new FieldError(field + ".durationDays", "task_durationOutOfRange"));
            }
            response.durationDays = days;
            response.ownerId = r == null ? null : Fields.staff(users, r.owner(), field + ".owner", errors);
            if (r != null && r.stage() != null && !r.stage().isBlank()) {
                try {
                    response.stageCode = exhibitions.stage(exhibitionId, r.stage(), field + ".stage").code;
                } catch (ProblemException e) {
                    errors.add(new FieldError(field + ".stage", "stage_unknown"));
                }
            }
            response.criteria = r == null ? null : optional(r.criteria(), 2000);
            risk.responses.add(response);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        risk.persist();
        return risk;
    }

    /** Puts the contingency plan into action; a risk is activated once. Returns the new tasks. */
    public List<Task> activate(long riskId, String reason, Long activatorId, String by) {
        Risk risk = get(riskId);
        if (risk.state != RiskState.OPEN) {
            throw ProblemException.conflict("The risk '" + risk.title + "' is " + risk.state + ", not open");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "task_reasonRequired");
        }
        List<Stage> open = exhibitions.stages(risk.exhibitionId).stream().filter(s -> !s.isClosed()).toList();
        if (open.isEmpty()) {
            throw ProblemException.conflict("Every stage of the exhibition is closed");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(exhibitions.get(risk.exhibitionId).timezone)));
        Stage current = currentStage(open, today);
        List<Task> created = new ArrayList<>();
        for (RiskResponse response : risk.responses) {
            Stage stage = response.stageCode == null ? current : open.stream()
                    .filter(s -> s.code.equals(response.stageCode)).findFirst().orElse(current);
            Task task = new Task();
            task.exhibitionId = risk.exhibitionId;
            task.stageId = stage.id;
            task.title = response.title;
            task.goal = risk.responsePlan;
            task.ownerId = response.ownerId != null ? response.ownerId : risk.ownerId;
            task.durationDays = response.durationDays;
            task.priority = Priority.CRITICAL;
            task.riskId = risk.id;
            // a response starts now, or as soon as its stage opens
            task.startOn = today.isAfter(stage.startsOn) ? today : stage.startsOn;
            task.state = TaskState.PLANNED;
            if (response.criteria != null) {
                int position = 0;
                for (String line : response.criteria.split("\\R")) {
                    if (!line.isBlank()) {
                        TaskCriterion c = new TaskCriterion();
                        c.task = task;
                        c.position = position++;
                        c.text = line.trim();
                        task.criteria.add(c);
                    }
                }
            }
            task.persist();
            if (task.ownerId != null) {
                task.state = TaskState.ASSIGNED;
                TaskTransition step = new TaskTransition();
                step.taskId = task.id;
                step.occurredAt = Instant.now(clock);
                step.actorId = activatorId;
                step.actorName = by;
                step.action = TaskAction.ASSIGN;
                step.fromState = TaskState.PLANNED;
                step.toState = TaskState.ASSIGNED;
                step.comment = reason.trim();
                step.persist();
            }
            created.add(task);
        }
        risk.state = RiskState.ACTIVATED;
        risk.activatedAt = Instant.now(clock);
        risk.activatedBy = by;
        risk.activationReason = reason.trim().length() > 1000 ? reason.trim().substring(0, 1000) : reason.trim();
        changed.fire(new PlanChanged(risk.exhibitionId));
        return created;
    }

    /** The open stage today falls in; else the next one to open; else the last one. */
    static Stage currentStage(List<Stage> open, LocalDate today) {
        return open.stream().filter(s -> s.contains(today)).findFirst()
                .or(() -> open.stream().filter(s -> s.startsOn.isAfter(today))
                        .min(Comparator.comparing(s -> s.startsOn)))
                .orElseGet(() -> open.get(open.size() - 1));
    }

    public Risk close(long riskId) {
        Risk risk = get(riskId);
        if (risk.state == RiskState.CLOSED) {
            throw ProblemException.conflict("The risk is already closed");
        }
        risk.state = RiskState.CLOSED;
        return risk;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Risk get(long riskId) {
        Risk risk = Risk.findById(riskId);
        if (risk == null) {
            throw ProblemException.notFound("Risk");
        }
        return risk;
    }

    /** The register, most serious first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Risk> register(long exhibitionId) {
        List<Risk> risks = new ArrayList<>(Risk.<Risk>list("exhibitionId", Sort.ascending("id"), exhibitionId));
        risks.sort(Comparator.comparing((Risk r) -> r.state != RiskState.OPEN).thenComparing(r -> -r.score()));
        return risks;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Task> responseTasks(long riskId) {
        return Task.list("riskId", riskId);
    }

    private static int scale(Integer value, String field, List<FieldError> errors) {
        if (value == null || value < 1 || value > 5) {
            errors.add(new FieldError(field, "risk_scaleInvalid"));
            return 1;
        }
        return value;
    }

    private static String optional(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        return v.length() > max ? v.substring(0, max) : v;
    }

}
