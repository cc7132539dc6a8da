package org.expodesk.badge.api;

import org.expodesk.badge.print.BadgePrintJob;

import java.time.Instant;

/** A print job as the API shows it; {@code download} is set once the PDF can be fetched. */
public record BadgePrintJobView(long id, long exhibitionId, String category, Long organization, String layout,
                                String status, int total, int done, int progress, Long fileSize, String startedBy,
                                Instant createdAt, Instant finishedAt, Instant expiresAt, String download) {

    public static BadgePrintJobView of(BadgePrintJob j) {
        return new BadgePrintJobView(j.id, j.exhibitionId, j.categoryCode, j.organizationId, j.layout.name(),
                j.status.name(), j.total, j.done, j.progress(), j.fileSize, j.startedBy, j.createdAt, j.finishedAt,
                j.expiresAt, j.downloadable() ? "/api/badge-print-jobs/" + j.id + "/badges.pdf" : null);
    }
}
