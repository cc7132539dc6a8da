package org.expodesk.party.dedup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.Phones;
import org.expodesk.party.TestOrganizations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import keeps the alike organizations' rows across its chunks ({@link OrganizationMatcher.KeptRows}) and a
 * chunk takes a kept row only at the version it still has: a row changed or merged away by anyone since it was
 * kept is scored as it is now, or not at all (docs/import.md, "Round 4").
 */
@QuarkusTest
class KeptRowsTest {

    private static final String PHONE = "+86 10 6552 9988";

    @Inject
    Organizations organizations;

    @Inject
    OrganizationMatcher matcher;

    private static Organizations.NewOrganization named(String name) {
        return new Organizations.NewOrganization(name, null, null, null, "CN", null, null, null, null, null, PHONE,
                null, null, null, null, null, null);
    }

    /** The new company as its create validates it, for scoring. */
    private static Organization incoming(String name) {
        Organization o = new Organization();
        o.name = name;
        o.nameKey = NameKeys.organization(name);
        o.country = "CN";
        o.phone = PHONE;
        o.phoneE164 = Phones.e164(PHONE, "CN");
        return o;
    }

    private static String rare() {
        // letters only: a run of digits inside a word would be a term of its own
        return "Kp" + String.format("%08d", System.nanoTime() % 100_000_000L).chars()
                .mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
    }

    private List<String> reasonsFor(long id, String name, OrganizationMatcher.KeptRows kept,
                                    OrganizationMatcher.Blocks[] blocks) {
        return QuarkusTransaction.requiringNew().call(() -> {
            blocks[0] = organizations.readAhead(List.of(named(name)), null, (read, limit) -> null, kept);
            return matcher.matches(incoming(name), blocks[0]).stream().filter(m -> m.organization().id == id)
                    .findFirst().map(OrganizationMatcher.Match::reasons).orElse(List.of());
        });
    }

    @Test
    void aKeptRowThatNothingChangedIsTakenAgainAndScoresAsRead() {
        String rare = rare();
        long existing = TestOrganizations.create(rare + " Optical Instruments");
        OrganizationMatcher.KeptRows kept = new OrganizationMatcher.KeptRows();
        OrganizationMatcher.Blocks[] blocks = new OrganizationMatcher.Blocks[1];

        List<String> first = reasonsFor(existing, rare + " Optical Instrument", kept, blocks);
        assertThat(blocks[0].holds(existing)).isTrue();
        assertThat(first).isNotEmpty();

        List<String> second = reasonsFor(existing, rare + " Optical Instrument", kept, blocks);
        assertThat(blocks[0].rowsKept()).isPositive();
        assertThat(blocks[0].holds(existing)).isTrue();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aKeptRowChangedByAnotherTransactionSinceIsReadAgainAndScoredAsItIsNow() {
        String rare = rare();
        long existing = TestOrganizations.create(rare + " Optical Instruments");
        OrganizationMatcher.KeptRows kept = new OrganizationMatcher.KeptRows();
        OrganizationMatcher.Blocks[] blocks = new OrganizationMatcher.Blocks[1];

        assertThat(reasonsFor(existing, rare + " Optical Instrument", kept, blocks)).isNotEmpty()
                .doesNotContain("same phone");

        // someone else gives the kept organization the new company's phone
        QuarkusTransaction.requiringNew().run(() -> {
            Organization o = Organization.findById(existing);
            o.phone = PHONE;
            o.phoneE164 = Phones.e164(PHONE, "CN");
        });

        assertThat(reasonsFor(existing, rare + " Optical Instrument", kept, blocks)).contains("same phone");
        assertThat(blocks[0].rowsChanged()).isPositive();
    }

    @Test
    void aKeptRowMergedAwaySinceIsNoCandidateOfABlockTakenOver() {
        String rare = rare();
        long survivor = TestOrganizations.create(rare + " Optical Instruments");
        long mergedAway = TestOrganizations.create(rare + " Optical Works");
        List<Organizations.NewOrganization> incoming = List.of(named(rare + " Optics Trading"));
        OrganizationMatcher.KeptRows kept = new OrganizationMatcher.KeptRows();

        OrganizationMatcher.Blocks ahead = QuarkusTransaction.requiringNew().call(() -> organizations.alikeAhead(incoming));
        OrganizationMatcher.Blocks first = QuarkusTransaction.requiringNew().call(() ->
                organizations.readAhead(incoming, null, (read, limit) -> null, kept));
        assertThat(first.holds(mergedAway)).isTrue();

        QuarkusTransaction.requiringNew().run(() -> Organization.<Organization>findById(mergedAway).mergedInto = survivor);
        OrganizationMatcher.Blocks chunk = QuarkusTransaction.requiringNew().call(() ->
                organizations.readAhead(incoming, ahead, (read, limit) -> read, kept));

        assertThat(chunk.takenFromEarlier()).isEqualTo(1);
        assertThat(chunk.holds(survivor)).isTrue();
        assertThat(chunk.holds(mergedAway)).isFalse();
        assertThat(kept.size()).isPositive();
    }
}
