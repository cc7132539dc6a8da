package org.expodesk.badge.api;

import org.expodesk.badge.Badge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A badge in the API: holder, category, validity, state and the QR code's text. */
public record BadgeView(long id, long exhibitionId, Holder holder, Category category, LocalDate firstDay,
                        LocalDate lastDay, List<String> zones, String state, Instant stateChangedAt,
                        String stateChangedBy, String stateReason, Long replacedBy, String code, Instant createdAt) {

    public record Holder(long personId, String name, Long organizationId, String organization) {
    }

    public record Category(String code, String label, String colour) {
    }

    static BadgeView of(Badge b) {
        return new BadgeView(b.id, b.exhibitionId, new Holder(b.personId, b.holderName, b.organizationId,
                b.organizationName), new Category(b.categoryCode, b.categoryLabel, b.categoryColour), b.firstDay,
                b.lastDay, b.zoneList(), b.state.name(), b.stateChangedAt, b.stateChangedBy, b.stateReason,
                b.replacedBy, b.code, b.createdAt);
    }
}
