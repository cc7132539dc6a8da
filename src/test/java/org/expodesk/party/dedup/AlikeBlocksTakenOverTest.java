package org.expodesk.party.dedup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.TestOrganizations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import chunk takes over the alike blocks its read ahead found (docs/adr/0022-import-chunks-overlapped.md),
 * but reads their organizations again in its own transaction: one merged away meanwhile is no candidate.
 */
@QuarkusTest
class AlikeBlocksTakenOverTest {

    @Inject
    Organizations organizations;

    private static Organizations.NewOrganization named(String name) {
        return new Organizations.NewOrganization(name, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    @Test
    void aCandidateMergedAwayAfterTheReadAheadIsNotScoredByTheChunkThatTakesItsBlockOver() {
        String rare = "Qorvexa" + System.nanoTime() % 100_000;
        long kept = TestOrganizations.create(rare + " Optical Instruments");
        long mergedAway = TestOrganizations.create(rare + " Optical Works");
        List<Organizations.NewOrganization> incoming = List.of(named(rare + " Optics Trading"));

        OrganizationMatcher.Blocks ahead = QuarkusTransaction.requiringNew().call(() -> organizations.readAhead(incoming));
        assertThat(ahead.holds(kept)).isTrue();
        assertThat(ahead.holds(mergedAway)).isTrue();

        QuarkusTransaction.requiringNew().run(() -> Organization.<Organization>findById(mergedAway).mergedInto = kept);
        OrganizationMatcher.Blocks chunk = QuarkusTransaction.requiringNew().call(() ->
                organizations.readAhead(incoming, ahead, terms -> true));

        assertThat(chunk.takenFromEarlier()).isEqualTo(1);
        assertThat(chunk.holds(kept)).isTrue();
        assertThat(chunk.holds(mergedAway)).isFalse();
    }

    @Test
    void aReadAheadOfTheAlikeIdsAloneGivesTheChunkTheBlocksAFullReadAheadGives() {
        String rare = "Vantrelo" + System.nanoTime() % 100_000;
        long instruments = TestOrganizations.create(rare + " Optical Instruments");
        long works = TestOrganizations.create(rare + " Optical Works");
        long mergedAway = TestOrganizations.create(rare + " Optical Supplies");
        List<Organizations.NewOrganization> incoming = List.of(named(rare + " Optics Trading"));

        OrganizationMatcher.Blocks full = QuarkusTransaction.requiringNew().call(() -> organizations.readAhead(incoming));
        OrganizationMatcher.Blocks idsAlone = QuarkusTransaction.requiringNew().call(() ->
                organizations.alikeAhead(incoming));
        assertThat(List.of(instruments, works, mergedAway)).allMatch(idsAlone::findsAlike).allMatch(full::findsAlike)
                .noneMatch(idsAlone::holds);

        QuarkusTransaction.requiringNew().run(() -> Organization.<Organization>findById(mergedAway).mergedInto = works);
        for (OrganizationMatcher.Blocks ahead : List.of(full, idsAlone)) {
            OrganizationMatcher.Blocks chunk = QuarkusTransaction.requiringNew().call(() ->
                    organizations.readAhead(incoming, ahead, terms -> true));
            assertThat(chunk.takenFromEarlier()).isEqualTo(1);
            assertThat(chunk.holds(instruments)).isTrue();
            assertThat(chunk.holds(works)).isTrue();
            assertThat(chunk.holds(mergedAway)).isFalse();
        }
    }
}
