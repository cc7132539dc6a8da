package org.expodesk.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.ExhibitionService;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The next edition from this one: its stages, every task with its criteria and dependencies,
 * and the risk register with its contingency plans (owners and checkers if asked), every date
 * shifted by the same offset from opening day, every task back to PLANNED, every risk open.
 */
@ApplicationScoped
@Transactional
public class EditionCopier {

    @Inject
    ExhibitionService exhibitions;

    @Inject
    PlanService plan;

    @Inject
    jakarta.enterprise.event.Event<PlanChanged> changed;

    public record NextEdition(String code, String name, LocalDate opensOn, LocalDate closesOn, Boolean copyOwners) {
    }

    public long copy(long sourceId, NextEdition request) {
        boolean owners = !Boolean.FALSE.equals(request.copyOwners());
        ExhibitionService.Edition edition = exhibitions.createEdition(sourceId, request.code(), request.name(),
                request.opensOn(), request.closesOn(), owners);
        long offset = edition.offsetDays();
        Map<Long, Long> taskIds = new HashMap<>();
        for (Task old : plan.tasks(sourceId)) {
            if (old.riskId != null) {
                continue; // a contingency's response tasks come back when its risk is activated again
            }
            Task task = new Task();
            task.exhibitionId = edition.exhibition().id;
            task.stageId = edition.stageIds().get(old.stageId);
            task.title = old.title;
            task.goal = old.goal;
            task.ownerId = owners ? old.ownerId : null;
            task.checkerId = owners ? old.checkerId : null;
            task.priority = old.priority;
            task.startOn = shift(old.startOn, offset);
            task.dueOn = shift(old.dueOn, offset);
            task.durationDays = old.durationDays;
            task.pinned = old.pinned;
            for (TaskCriterion c : old.criteria) {
                TaskCriterion copy = new TaskCriterion();
                copy.task = task;
                copy.position = c.position;
                copy.text = c.text;
                copy.target = c.target;
                task.criteria.add(copy);
            }
            task.persist();
            taskIds.put(old.id, task.id);
        }
        for (Risk old : Risk.<Risk>list("exhibitionId", sourceId)) {
            Risk risk = new Risk();
            risk.exhibitionId = edition.exhibition().id;
            risk.title = old.title;
            risk.likelihood = old.likelihood;
            risk.impact = old.impact;
            risk.trigger = old.trigger;
            risk.responsePlan = old.responsePlan;
            risk.ownerId = owners ? old.ownerId : null;
            for (RiskResponse r : old.responses) {
                RiskResponse copy = new RiskResponse();
                copy.risk = risk;
                copy.position = r.position;
                copy.title = r.title;
                copy.stageCode = r.stageCode;
                copy.durationDays = r.durationDays;
                copy.ownerId = owners ? r.ownerId : null;
                copy.criteria = r.criteria;
                risk.responses.add(copy);
            }
            risk.persist();
        }
        List<TaskDependency> links = plan.dependencies(sourceId);
        for (TaskDependency old : links) {
            if (!taskIds.containsKey(old.predecessorId) || !taskIds.containsKey(old.successorId)) {
                continue;
            }
            TaskDependency link = new TaskDependency();
            link.predecessorId = taskIds.get(old.predecessorId);
            link.successorId = taskIds.get(old.successorId);
            link.kind = old.kind;
            link.lagDays = old.lagDays;
            link.persist();
        }
        changed.fire(new PlanChanged(edition.exhibition().id));
        return edition.exhibition().id;
    }

    private static LocalDate shift(LocalDate day, long offset) {
        return day == null ? null : day.plusDays(offset);
    }
}
