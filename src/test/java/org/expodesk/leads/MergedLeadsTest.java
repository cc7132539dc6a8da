package org.expodesk.leads;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead follows a merged visitor and a merged exhibitor, and comes back when the merge is undone. */
@QuarkusTest
class MergedLeadsTest {

    @Test
    void aLeadFollowsTheMergedVisitorAndTheMergedExhibitor() {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Visitor visitor = TestLeads.visitor(exhibition, "Lan", true);
        long lead = ((Number) Api.as(booth.token()).body(Map.of("code", visitor.code()))
                .post("/api/exhibitions/" + exhibition + "/leads").then().statusCode(201).extract().path("lead.id"))
                .longValue();

        long survivor = ((Number) Api.asAdmin().body(Map.of("familyName", "Survivor" + TestLeads.letters(TestLeads.unique()),
                "givenName", "Lan", "email", "survivor-" + TestLeads.unique() + "@visitors.test"))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        long personMerge = ((Number) Api.asAdmin().body(Map.of("duplicate", visitor.person()))
                .post("/api/people/" + survivor + "/merge").then().statusCode(200).extract().path("merge")).longValue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(lead).personId)).isEqualTo(survivor);

        long company = TestOrganizations.create();
        long companyMerge = ((Number) Api.asAdmin().body(Map.of("duplicate", booth.organization()))
                .post("/api/organizations/" + company + "/merge").then().statusCode(200).extract().path("merge"))
                .longValue();
        LeadCounts counts = Arc.container().instance(LeadCounts.class).get();
        assertThat(counts.leadCount(company, exhibition)).isEqualTo(1);
        assertThat(counts.leadCount(booth.organization(), exhibition)).isZero();

        Api.asAdmin().post("/api/merges/" + companyMerge + "/undo").then().statusCode(200);
        Api.asAdmin().post("/api/merges/" + personMerge + "/undo").then().statusCode(200);
        assertThat(counts.leadCount(booth.organization(), exhibition)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(lead).personId))
                .isEqualTo(visitor.person());
    }
}
