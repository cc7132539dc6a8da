package org.expodesk.plan;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Comments on a task and the links to its documents. */
@ApplicationScoped
@Transactional
public class TaskNotes {

    @Inject
    Clock clock;

    @Inject
    PlanService plan;

    public TaskComment comment(long taskId, long authorId, String authorName, String body) {
        plan.get(taskId);
        if (body == null || body.isBlank() || body.length() > 4000) {
            throw ProblemException.invalid("body", body == null || body.isBlank() ? "field_required" : "field_tooLong");
        }
        TaskComment comment = new TaskComment();
        comment.taskId = taskId;
        comment.authorId = authorId;
        comment.authorName = authorName;
        comment.body = body.trim();
        comment.createdAt = Instant.now(clock);
        comment.persist();
        return comment;
    }

    /** Links are http(s) only: a javascript: or data: address would run in whoever clicks it. */
    public TaskLink link(long taskId, String url, String label) {
        plan.get(taskId);
        String address = url == null ? "" : url.trim();
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || address.length() > 2000) {
                throw ProblemException.invalid(List.of(new FieldError("url", "task_linkInvalid")));
            }
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "task_linkInvalid");
        }
        TaskLink link = new TaskLink();
        link.taskId = taskId;
        link.url = address;
        link.label = label == null || label.isBlank() ? null : label.trim().substring(0, Math.min(200, label.trim().length()));
        link.persist();
        return link;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskComment> comments(long taskId) {
        return TaskComment.list("taskId", Sort.ascending("id"), taskId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskLink> links(long taskId) {
        return TaskLink.list("taskId", Sort.ascending("id"), taskId);
    }
}
