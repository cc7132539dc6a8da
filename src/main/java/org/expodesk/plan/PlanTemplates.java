package org.expodesk.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.DefaultStage;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans kept as templates. A date is kept as days from opening day, or from closing day for
 * stages that begin after the show, so that a template fits a show of any length; starting a
 * show from a template rebuilds its stages, tasks (planned, unassigned), dependencies and risks.
 */
@ApplicationScoped
@Transactional
public class PlanTemplates {

    @Inject
    ExhibitionService exhibitions;

    @Inject
    PlanService plan;

    @Inject
    ObjectMapper json;

    @Inject
    jakarta.enterprise.event.Event<PlanChanged> changed;

    public record StageT(String code, String name, boolean afterClosing, int startOffset, int endOffset) {
    }

    public record TaskT(int key, String stage, String title, String goal, int durationDays, Integer startOffset,
                        Integer dueOffset, String priority, boolean pinned, List<String> criteria) {
    }

    public record LinkT(int predecessor, int successor, String kind, int lagDays) {
    }

    public record RiskT(String title, int likelihood, int impact, String trigger, String responsePlan,
                        List<RiskRegister.NewResponse> responses) {
    }

    public record Content(List<StageT> stages, List<TaskT> tasks, List<LinkT> links, List<RiskT> risks) {
    }

    public PlanTemplate save(long exhibitionId, String name) {
        Exhibition show = exhibitions.get(exhibitionId);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemException.invalid("name", "field_required");
        }
        if (PlanTemplate.count("name", name.trim()) > 0) {
            throw ProblemException.invalid("name", "template_nameTaken");
        }
        Map<Long, StageT> stages = new HashMap<>();
        List<StageT> stageList = new ArrayList<>();
        for (Stage s : exhibitions.stages(exhibitionId)) {
            boolean after = s.startsOn.isAfter(show.closesOn);
            LocalDate anchor = after ? show.closesOn : show.opensOn;
            StageT t = new StageT(s.code, s.name, after, days(anchor, s.startsOn), days(anchor, s.endsOn));
            stages.put(s.id, t);
            stageList.add(t);
        }
        Map<Long, Integer> keys = new HashMap<>();
        List<TaskT> tasks = new ArrayList<>();
        for (Task task : plan.tasks(exhibitionId)) {
            if (task.riskId != null) {
                continue; // response tasks come back with their risk, not as plan tasks
            }
            StageT stage = stages.get(task.stageId);
            LocalDate anchor = stage.afterClosing() ? show.closesOn : show.opensOn;
            int key = tasks.size();
            keys.put(task.id, key);
            tasks.add(new TaskT(key, stage.code(), task.title, task.goal, task.durationDays,
                    task.startOn == null ? null : days(anchor, task.startOn),
                    task.dueOn == null ? null : days(anchor, task.dueOn), task.priority.name(), task.pinned,
                    task.criteria.stream().map(c -> c.text).toList()));
        }
        List<LinkT> links = new ArrayList<>();
        for (TaskDependency d : plan.dependencies(exhibitionId)) {
            if (keys.containsKey(d.predecessorId) && keys.containsKey(d.successorId)) {
                links.add(new LinkT(keys.get(d.predecessorId), keys.get(d.successorId), d.kind.name(), d.lagDays));
            }
        }
        List<RiskT> risks = new ArrayList<>();
        for (Risk r : Risk.<Risk>list("exhibitionId", exhibitionId)) {
            risks.add(new RiskT(r.title, r.likelihood, r.impact, r.trigger, r.responsePlan, r.responses.stream()
                    .map(x -> new RiskRegister.NewResponse(x.title, x.durationDays, null, x.stageCode, x.criteria))
                    .toList()));
        }
        PlanTemplate template = new PlanTemplate();
        template.name = name.trim();
        template.sourceExhibitionId = exhibitionId;
        template.content = write(new Content(stageList, tasks, links, risks));
        template.persist();
        return template;
    }

    /** A new show from a template: its stages and plan, dated from the new opening and closing days. */
    public Exhibition start(long templateId, ExhibitionService.NewExhibition request) {
        PlanTemplate template = get(templateId);
        Content content = read(template.content);
        if (request.opensOn() == null || request.closesOn() == null) {
            // let the exhibition's own validation name the missing fields
            return exhibitions.create(request);
        }
        List<ExhibitionService.StagePlan> stagePlans = new ArrayList<>();
        Map<String, StageT> byCode = new HashMap<>();
        for (StageT s : content.stages()) {
            byCode.put(s.code(), s);
            if (DefaultStage.SHOW_DAYS.name().equals(s.code())) {
                stagePlans.add(new ExhibitionService.StagePlan(s.code(), s.name(), request.opensOn(), request.closesOn()));
            } else {
                LocalDate anchor = s.afterClosing() ? request.closesOn() : request.opensOn();
                stagePlans.add(new ExhibitionService.StagePlan(s.code(), s.name(), anchor.plusDays(s.startOffset()),
                        anchor.plusDays(s.endOffset())));
            }
        }
        Exhibition show = exhibitions.create(request, stagePlans);
        Map<String, Stage> stages = new HashMap<>();
        exhibitions.stages(show.id).forEach(s -> stages.put(s.code, s));
        Map<Integer, Task> created = new HashMap<>();
        for (TaskT t : content.tasks()) {
            LocalDate anchor = byCode.get(t.stage()).afterClosing() ? show.closesOn : show.opensOn;
            Task task = new Task();
            task.exhibitionId = show.id;
            task.stageId = stages.get(t.stage()).id;
            task.title = t.title();
            task.goal = t.goal();
            task.durationDays = t.durationDays();
            task.startOn = t.startOffset() == null ? null : anchor.plusDays(t.startOffset());
            task.dueOn = t.dueOffset() == null ? null : anchor.plusDays(t.dueOffset());
            task.priority = Priority.valueOf(t.priority());
            task.pinned = t.pinned() && task.startOn != null;
            for (int i = 0; i < t.criteria().size(); i++) {
                TaskCriterion c = new TaskCriterion();
                c.task = task;
                c.position = i;
                c.text = t.criteria().get(i);
                task.criteria.add(c);
            }
            task.persist();
            created.put(t.key(), task);
        }
        for (LinkT l : content.links()) {
            TaskDependency d = new TaskDependency();
            d.predecessorId = created.get(l.predecessor()).id;
            d.successorId = created.get(l.successor()).id;
            d.kind = DependencyKind.valueOf(l.kind());
            d.lagDays = l.lagDays();
            d.persist();
        }
        for (RiskT r : content.risks()) {
            Risk risk = new Risk();
            risk.exhibitionId = show.id;
            risk.title = r.title();
            risk.likelihood = r.likelihood();
            risk.impact = r.impact();
            risk.trigger = r.trigger();
            risk.responsePlan = r.responsePlan();
            for (int i = 0; i < r.responses().size(); i++) {
                RiskRegister.NewResponse x = r.responses().get(i);
                RiskResponse response = new RiskResponse();
                response.risk = risk;
                response.position = i;
                response.title = x.title();
                response.durationDays = x.durationDays() == null ? 1 : x.durationDays();
                response.stageCode = x.stage();
                response.criteria = x.criteria();
                risk.responses.add(response);
            }
            risk.persist();
        }
        changed.fire(new PlanChanged(show.id));
        return show;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanTemplate> list() {
        return PlanTemplate.listAll(Sort.ascending("name"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanTemplate get(long id) {
        PlanTemplate template = PlanTemplate.findById(id);
        if (template == null) {
            throw ProblemException.notFound("Plan template");
        }
        return template;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Content content(long id) {
        return read(get(id).content);
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }

    private String write(Content content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a plan template", e);
        }
    }

    private Content read(String text) {
        try {
            return json.readValue(text, Content.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read a plan template", e);
        }
    }
}
