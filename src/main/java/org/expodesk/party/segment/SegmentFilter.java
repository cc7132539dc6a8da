package org.expodesk.party.segment;

import java.util.List;

/**
 * What a segment selects; every part is optional and the parts are combined with AND. Lists
 * inside a part are alternatives ("any of"), except {@code tagsAll}. For people, the
 * organization fields apply to the person's current organization and {@code tags} and
 * {@code participations} to the person.
 */
public record SegmentFilter(List<String> countries, String province, String city, String industry,
                            List<String> categories, List<String> tagsAny, List<String> tagsAll, String verification,
                            String owner, List<Clause> participations, Long organization, String language,
                            String name) {

    /**
     * "Did (or, with {@code participated: false}, did not) take part in edition {@code exhibition},
     * optionally in role {@code role}".
     */
    public record Clause(Long exhibition, String role, Boolean participated) {

        public boolean did() {
            return participated == null || participated;
        }
    }

    public static SegmentFilter empty() {
        return new SegmentFilter(List.of(), null, null, null, List.of(), List.of(), List.of(), null, null, List.of(),
                null, null, null);
    }
}
