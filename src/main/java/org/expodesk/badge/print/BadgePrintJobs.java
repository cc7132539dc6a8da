package org.expodesk.badge.print;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgeCodes;
import org.expodesk.badge.BadgePdfs;
import org.expodesk.badge.BadgeState;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Batch printing (docs/badges.md): staff choose an edition's valid badges by category and/or
 * organization and a layout; {@link BadgePrinter} makes the one PDF in the background.
 */
@ApplicationScoped
@Transactional
public class BadgePrintJobs {

    /** {@code category}: a category code; {@code organization}: an organization id; at least one of them. */
    public record NewPrintJob(String category, Long organization, String layout) {
    }

    @Inject
    ExhibitionService exhibitions;

    @Inject
    EntityManager em;

    @Inject
    Event<BadgePrintQueued> queued;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** More badges than this in one job are refused: print them by category or exhibitor instead. */
    @ConfigProperty(name = "expodesk.badge.print-job.max-badges", defaultValue = "20000")
    int maxBadges;

    public BadgePrintJob start(long exhibitionId, NewPrintJob r, String by) {
        exhibitions.get(exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        String category = r.category() == null || r.category().isBlank() ? null
                : r.category().trim().toUpperCase(Locale.ROOT);
        if (category != null && !BadgeCodes.isValidCategory(category)) {
            errors.add(new FieldError("category", "badge_categoryInvalid"));
        }
        if (r.organization() != null && r.organization() < 1) {
            errors.add(new FieldError("organization", "badge_organizationInvalid"));
        }
        if (category == null && r.organization() == null && errors.isEmpty()) {
            errors.add(new FieldError("category", "badge_printChooseWhich"));
        }
        BadgePdfs.Layout layout = BadgePdfs.Layout.A6;
        if (r.layout() != null && !r.layout().isBlank()) {
            try {
                layout = BadgePdfs.Layout.valueOf(r.layout().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("layout", "badge_layoutInvalid"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        long count = count(exhibitionId, category, r.organization());
        if (count == 0) {
            throw ProblemException.unprocessable("badge_printNothing");
        }
        if (count > maxBadges) {
            throw ProblemException.unprocessable("badge_printTooMany");
        }
        Instant now = Instant.now(clock);
        BadgePrintJob job = new BadgePrintJob();
        job.exhibitionId = exhibitionId;
        job.categoryCode = category;
        job.organizationId = r.organization();
        job.layout = layout;
        job.status = BadgePrintJob.Status.QUEUED;
        job.total = (int) count;
        job.startedBy = by;
        job.createdAt = now;
        job.updatedAt = now;
        job.persist();
        queued.fire(new BadgePrintQueued(job.id));
        return job;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BadgePrintJob get(long id) {
        BadgePrintJob job = BadgePrintJob.findById(id);
        if (job == null) {
            throw ProblemException.notFound("Print job");
        }
        return job;
    }

    /** An edition's latest jobs, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BadgePrintJob> recent(long exhibitionId, int size) {
        return BadgePrintJob.<BadgePrintJob>find("exhibitionId", Sort.descending("id"), exhibitionId).page(0, size).list();
    }

    /** Organizations holding valid badges of the edition, by name: the exhibitors to choose from. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Holder> organizations(long exhibitionId) {
        return em.createQuery("select new org.expodesk.badge.print.BadgePrintJobs$Holder(b.organizationId,"
                        + " max(b.organizationName), count(b)) from Badge b where b.exhibitionId = ?1 and b.state = ?2"
                        + " and b.organizationId is not null group by b.organizationId order by max(b.organizationName)",
                Holder.class).setParameter(1, exhibitionId).setParameter(2, BadgeState.VALID).setMaxResults(1000)
                .getResultList();
    }

    /** Category codes of the edition's valid badges. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> categories(long exhibitionId) {
        return em.createQuery("select distinct b.categoryCode from Badge b where b.exhibitionId = ?1 and b.state = ?2"
                + " order by b.categoryCode", String.class).setParameter(1, exhibitionId)
                .setParameter(2, BadgeState.VALID).getResultList();
    }

    public record Holder(Long id, String name, long badges) {
    }

    /** The finished PDF, written part by part (never all in memory); a transaction of its own while it streams. */
    @SuppressWarnings("unchecked")
    public void write(long jobId, OutputStream out) {
        List<Number> parts = em.createNativeQuery("SELECT part_no FROM badge_print_file WHERE job_id = ?1 ORDER BY part_no")
                .setParameter(1, jobId).getResultList();
        try {
            for (Number part : parts) {
                byte[] content = (byte[]) em.createNativeQuery("SELECT content FROM badge_print_file WHERE job_id = ?1"
                        + " AND part_no = ?2").setParameter(1, jobId).setParameter(2, part.intValue()).getSingleResult();
                out.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A done job, to download, the download audited as an export (the PDF names people); 409 while it
     * is being made, or once failed or dropped (the detail says which).
     */
    public BadgePrintJob downloadable(long jobId) {
        BadgePrintJob job = get(jobId);
        if (job.status == BadgePrintJob.Status.QUEUED || job.status == BadgePrintJob.Status.RUNNING) {
            throw ProblemException.conflict("badge_printNotReady");
        }
        if (job.status != BadgePrintJob.Status.DONE) {
            throw ProblemException.conflict("badge_printGone");
        }
        audit.record(AuditAction.EXPORT, "Badge", null, "pdf, print job " + job.id + " of exhibition "
                + job.exhibitionId + ", badges=" + job.total);
        return job;
    }

    List<Badge> badges(BadgePrintJob job) {
        StringBuilder q = new StringBuilder("exhibitionId = ?1 and state = ?2");
        List<Object> params = new ArrayList<>(List.of(job.exhibitionId, BadgeState.VALID));
        where(q, params, job.categoryCode, job.organizationId);
        return Badge.list(q + " order by organizationName, holderName, id", params.toArray());
    }

    private long count(long exhibitionId, String category, Long organization) {
        StringBuilder q = new StringBuilder("exhibitionId = ?1 and state = ?2");
        List<Object> params = new ArrayList<>(List.of(exhibitionId, BadgeState.VALID));
        where(q, params, category, organization);
        return Badge.count(q.toString(), params.toArray());
    }

    private static void where(StringBuilder q, List<Object> params, String category, Long organization) {
        if (category != null) {
            params.add(category);
            q.append(" and categoryCode = ?").append(params.size());
        }
        if (organization != null) {
            params.add(organization);
            q.append(" and organizationId = ?").append(params.size());
        }
    }
}
