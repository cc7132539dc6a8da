package org.expodesk.party.dedup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.TestOrganizations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import run keeps the alike organizations' rows its chunks read (ADR 0030), and a later chunk takes a kept row
 * only if its organization changed in no way since, by the organizations' change log: whichever transaction changed
 * it, and whenever that transaction committed relative to the chunk that read the row.
 */
@QuarkusTest
class KeptAlikeRowsTest {

    @Inject
    Organizations organizations;

    @Inject
    OrganizationMatcher matcher;

    @Inject
    AgroalDataSource dataSource;

    private static Organizations.NewOrganization named(String name) {
        return new Organizations.NewOrganization(name, null, null, null, "CN", null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /**
     * A chunk of the run: the blocks read with the kept rows, and how the company in this city is matched. Its
     * name is not the candidates' name: they are found by the alike block alone, whose rows are the kept ones (the
     * name-key block is read anew by every chunk).
     */
    private OrganizationMatcher.Match chunk(OrganizationMatcher.KeptRows kept, String name, String city) {
        List<Organizations.NewOrganization> incoming = List.of(named(name));
        return QuarkusTransaction.requiringNew().call(() -> {
            OrganizationMatcher.Blocks blocks = organizations.readAhead(incoming, null, (read, limit) -> null, kept);
            Organization o = new Organization();
            o.name = name;
            o.country = "CN";
            o.nameKey = org.expodesk.party.NameKeys.organization(name);
            o.city = city;
            List<OrganizationMatcher.Match> found = matcher.matches(o, blocks, 5);
            kept.keepRead();
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** The city, which no block finds an organization by: only the alike block's row brings it to the scoring. */
    private static void moveTo(long organizationId, String city) {
        QuarkusTransaction.requiringNew().run(() -> Organization.<Organization>findById(organizationId).city = city);
    }

    @Test
    void aKeptRowIsTakenUntilAnotherTransactionChangesItsOrganizationAndThenReadAgain() {
        String rare = "Zorvanti" + System.nanoTime() % 100_000;
        long target = TestOrganizations.create(rare + " Optical Instruments");
        long bystander = TestOrganizations.create(rare + " Optical Works");
        String city = "Dongguan";
        OrganizationMatcher.KeptRows kept = new OrganizationMatcher.KeptRows();

        OrganizationMatcher.Match first = chunk(kept, rare + " Optical Instrument", city);
        assertThat(first.organizationId()).isEqualTo(target);
        assertThat(first.reasons()).doesNotContain("same city");
        assertThat(kept.taken()).isZero();

        OrganizationMatcher.Match unchanged = chunk(kept, rare + " Optical Instrument", city);
        assertThat(unchanged.reasons()).doesNotContain("same city");
        // the block's every row (others' organizations with "optical" or "instrument" too), none read again
        long wholeBlock = kept.taken();
        assertThat(wholeBlock).isGreaterThanOrEqualTo(2);
        assertThat(kept.forgotten()).isZero();

        moveTo(target, city);
        OrganizationMatcher.Match changed = chunk(kept, rare + " Optical Instrument", city);

        // the city, which the row kept from before did not have
        assertThat(changed.organizationId()).isEqualTo(target);
        assertThat(changed.reasons()).contains("same city");
        assertThat(kept.forgotten()).isEqualTo(1);
        assertThat(kept.taken()).as("every row but the changed one's taken once more").isEqualTo(2 * wholeBlock - 1);
        assertThat(bystander).isNotEqualTo(target);
    }

    @Test
    void aChangeCommittedAfterALaterChangeWasSeenIsStillSeen() throws Exception {
        String rare = "Quelbrix" + System.nanoTime() % 100_000;
        long quick = TestOrganizations.create(rare + " Laser Works");
        long slow = TestOrganizations.create(rare + " Laser Instruments");
        String city = "Foshan";
        OrganizationMatcher.KeptRows kept = new OrganizationMatcher.KeptRows();
        chunk(kept, rare + " Laser Instrument", city);

        // a transaction writes its change (and takes its place in the log) first, but commits last: in plain SQL,
        // as the entity's callback writes it, so that it holds no lock on the search index the other change needs
        try (Connection slowChange = dataSource.getConnection()) {
            slowChange.setAutoCommit(false);
            try (PreparedStatement update = slowChange.prepareStatement("UPDATE organization SET city = ?,"
                    + " version = version + 1 WHERE id = ?");
                 PreparedStatement log = slowChange.prepareStatement("INSERT INTO organization_change (organization_id)"
                         + " VALUES (?)")) {
                update.setString(1, city);
                update.setLong(2, slow);
                update.executeUpdate();
                log.setLong(1, slow);
                log.executeUpdate();
            }
            moveTo(quick, "Zhuhai");

            OrganizationMatcher.Match meanwhile = chunk(kept, rare + " Laser Instrument", city);
            assertThat(meanwhile.organizationId()).isEqualTo(slow);
            assertThat(meanwhile.reasons()).as("not committed yet").doesNotContain("same city");
            assertThat(kept.forgotten()).as("the quick change, seen after the slow one's place in the log").isEqualTo(1);

            slowChange.commit();
        }
        OrganizationMatcher.Match after = chunk(kept, rare + " Laser Instrument", city);

        assertThat(after.reasons()).contains("same city");
        assertThat(kept.forgotten()).isEqualTo(2);
    }
}
