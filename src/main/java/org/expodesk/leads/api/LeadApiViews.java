package org.expodesk.leads.api;

import org.expodesk.leads.LeadQuestion;
import org.expodesk.leads.LeadView;
import org.expodesk.leads.ScanResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request and answer bodies of the leads API. */
final class LeadApiViews {

    private LeadApiViews() {
    }

    record ScanRequest(String code, String scanId, Instant scannedAt) {
    }

    record BatchRequest(List<ScanRequest> scans) {
    }

    record LeadChanges(Long version, String rating, String notes, String tags, Map<String, String> answers) {
    }

    record QuestionRequest(String kind, String label, List<String> choices) {
    }

    /** One scan's outcome; {@code message} says a refusal's reason in the reader's language. */
    record ScanAnswer(String scanId, ScanResult.Outcome outcome, String reason, String message, LeadView lead) {
    }

    record BatchAnswer(List<ScanAnswer> results) {
    }

    record LeadList(List<LeadView> items, int total) {
    }

    record QuestionView(long id, int position, String kind, String label, List<String> choices) {

        static QuestionView of(LeadQuestion q) {
            return new QuestionView(q.id, q.position, q.kind.name(), q.label, q.choiceList());
        }
    }

    record QuestionList(List<QuestionView> items) {
    }

    /** Staff see how many leads each exhibitor took, nothing of the leads themselves. */
    record ExhibitorCount(long organizationId, String organization, long leads) {
    }

    record CountList(List<ExhibitorCount> items, long total) {
    }
}
