package org.expodesk.followup.manual;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per edition, the exhibitor manual's address and the exhibitors' deadlines (docs/followup.md):
 * staff keep them, the portal shows them, the before-the-show kinds mail them.
 */
@ApplicationScoped
@Transactional
public class ExhibitorManuals {

    /** The manual's address (null: none yet), the version it was read at, and every deadline by day. */
    public record Manual(long exhibitionId, String url, long version, List<ExhibitorDeadline> deadlines) {

        /** The deadlines on or after {@code day}. */
        public List<ExhibitorDeadline> upcoming(LocalDate day) {
            return deadlines.stream().filter(d -> !d.dueOn.isBefore(day)).toList();
        }

        public boolean isEmpty() {
            return url == null && deadlines.isEmpty();
        }
    }

    public record NewDeadline(String title, String dueOn) {
    }

    @Inject
    ExhibitionService exhibitions;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Manual of(long exhibitionId) {
        exhibitions.get(exhibitionId);
        ExhibitorManual m = ExhibitorManual.find("exhibitionId", exhibitionId).firstResult();
        return new Manual(exhibitionId, m == null ? null : m.url, m == null ? 0 : m.version,
                ExhibitorDeadline.list("exhibitionId", Sort.ascending("dueOn", "id"), exhibitionId));
    }

    /**
     * Sets the manual's address (blank: none), with the version last read ({@code null} is taken as
     * the first); another change meanwhile is a 409. Only http and https addresses are kept.
     */
    public Manual setUrl(long exhibitionId, String url, Long version) {
        exhibitions.get(exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        String u = FieldChecks.text(url, "url", 1000, false, errors);
        if (u != null && !isWebAddress(u)) {
            errors.add(new FieldError("url", "followup_manual_urlInvalid"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ExhibitorManual m = ExhibitorManual.find("exhibitionId", exhibitionId).firstResult();
        long read = version == null ? 0 : version;
        if (m == null) {
            if (read != 0) {
                throw ProblemException.conflict("followup_manual_changedMeanwhile");
            }
            // made empty first, so the first address saved is version 1: a client that read "none"
            // (version 0) after another saved an address meanwhile gets a 409, not an overwrite
            m = new ExhibitorManual();
            m.exhibitionId = exhibitionId;
            m.persistAndFlush();
        } else if (m.version != read) {
            throw ProblemException.conflict("followup_manual_changedMeanwhile");
        }
        m.url = u;
        m.persistAndFlush();
        return of(exhibitionId);
    }

    public ExhibitorDeadline addDeadline(long exhibitionId, NewDeadline d) {
        exhibitions.get(exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        String title = FieldChecks.text(d == null ? null : d.title(), "title", 200, true, errors);
        LocalDate dueOn = null;
        if (d == null || d.dueOn() == null || d.dueOn().isBlank()) {
            errors.add(new FieldError("dueOn", "field_required"));
        } else {
            try {
                dueOn = LocalDate.parse(d.dueOn().trim());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("dueOn", "field_dateInvalid"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ExhibitorDeadline deadline = new ExhibitorDeadline();
        deadline.exhibitionId = exhibitionId;
        deadline.title = title;
        deadline.dueOn = dueOn;
        deadline.persist();
        return deadline;
    }

    /** Removes a deadline of the edition; another edition's (or none) is a 404. */
    public void removeDeadline(long exhibitionId, long deadlineId) {
        ExhibitorDeadline d = ExhibitorDeadline.findById(deadlineId);
        if (d == null || d.exhibitionId != exhibitionId) {
            throw ProblemException.notFound("Exhibitor deadline");
        }
        d.delete();
    }

    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
