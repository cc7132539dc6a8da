package org.expodesk.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.ProblemType;

import java.util.List;

/**
 * The gate at the end of a stage: it closes only when every task of the stage is confirmed or
 * waived with a reason. Each stage is a closed loop; the exhibition is their sequence.
 */
@ApplicationScoped
@Transactional
public class StageGate {

    @Inject
    ExhibitionService exhibitions;

    /** The tasks that keep a stage open. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Task> blocking(long stageId) {
        return Task.<Task>list("stageId", stageId).stream().filter(t -> !t.state.isSettled()).toList();
    }

    public Stage close(long stageId, String by) {
        Stage stage = exhibitions.lockStage(stageId);
        List<Task> open = blocking(stageId);
        if (!open.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (Task t : open) {
                names.append(names.isEmpty() ? "" : ", ").append('\'').append(t.title).append("' (").append(t.state)
                        .append(')');
            }
            throw new ProblemException(Problem.of(ProblemType.CONFLICT,
                    "The stage cannot close while these tasks are neither confirmed nor waived: " + names));
        }
        return exhibitions.close(stage.id, by);
    }

    /** Removes a stage that holds no task; its row is held so that no task arrives meanwhile. */
    public void remove(long stageId) {
        Stage stage = exhibitions.lockStage(stageId);
        long tasks = Task.count("stageId", stageId);
        if (tasks > 0) {
            throw ProblemException.conflict("The stage still holds " + tasks + " tasks; move or remove them first");
        }
        exhibitions.removeStage(stage.id);
    }
}
