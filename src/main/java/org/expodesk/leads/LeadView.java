package org.expodesk.leads;

import java.time.Instant;
import java.util.List;

/**
 * A lead as its exhibitor may see it. Without the visitor's consent ({@code consent} false) the
 * visitor is only a badge id and a category: name, organization, job title, e-mail and phone are null.
 */
public record LeadView(long id, long version, long exhibitionId, long badgeId, String category,
                       String categoryLabel, boolean consent, String name, String organization, String jobTitle,
                       String email, String phone, LeadRating rating, String notes, String tags,
                       List<Answer> answers, Instant firstScannedAt, Instant lastScannedAt, String scannedBy) {

    public record Answer(long questionId, String question, String answer) {
    }

    /** What the page shows as the visitor: the name, or the badge and category without consent. */
    public String title() {
        return consent && name != null ? name : "#" + badgeId + " · " + category;
    }

    public String ratingName() {
        return rating == null ? "" : rating.name();
    }
}
