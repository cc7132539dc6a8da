package org.expodesk.party.dedup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.SearchIndex;
import org.expodesk.party.TestOrganizations;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk of a people import takes over an alike block read ahead to which the chunk before it added
 * organizations it created (docs/import.md, "The chunk before's companies added to a block read ahead"): the
 * block it then holds is the one its own read finds, to the order and the cut at 200; when the chunk before
 * changed an organization's terms, the chunk reads the block itself.
 */
@QuarkusTest
class AlikeBlocksCompletedTest {

    private static final int COMMON = 2000;
    private static final int LIMIT = 200;

    @Inject
    Organizations organizations;

    @Inject
    SearchIndex searchIndex;

    @Inject
    AgroalDataSource dataSource;

    /** Letters only: a run of digits inside a word would be a term of its own. */
    private final String u = String.format("%09d", System.nanoTime() % 1_000_000_000L).chars()
            .mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
    private final String first = "qa" + u;
    private final String second = "qb" + u;

    private static Organizations.NewOrganization named(String name) {
        return new Organizations.NewOrganization(name, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    @Test
    void companiesTheChunkBeforeCreatedAreRankedIntoABlockCutAtItsLimitAsTheChunksOwnReadRanksThem() throws Exception {
        // 250 organizations hold the first term, 30 of them the second too: the block is cut at 200
        hold(250);
        List<Organizations.NewOrganization> incoming = List.of(named(first + " " + second));
        SearchIndex.LastingCommonTerms run = new SearchIndex.LastingCommonTerms();

        SearchIndex.LastingCommonTerms counted = run.copy();
        OrganizationMatcher.Blocks ahead = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(counted);
            return organizations.alikeAhead(incoming);
        });
        assertThat(ahead.alikeOf(first + " " + second, null)).hasSize(LIMIT);

        // the chunk before: it counts the terms (a name of its own), then creates two companies sharing them
        // and one sharing only the first, which ranks with the many holding that term alone, below the cut
        SearchIndex.LastingCommonTerms before = run.copy();
        long[] created = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(before);
            searchIndex.holdUntilCommit();
            organizations.readAhead(incoming);
            return new long[] {organizations.create(named(first + " " + second + " Holdings")).id,
                    organizations.create(named(first + " " + second + " Works")).id,
                    organizations.create(named(first + " Foundry")).id};
        });
        run = before;

        SearchIndex.LastingCommonTerms chunk = run.copy();
        OrganizationMatcher.Blocks taken = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(chunk);
            searchIndex.learnCommonTerms(counted, before);
            return organizations.readAhead(incoming, ahead, (read, limit) -> before.completed(read, chunk, limit));
        });
        SearchIndex.LastingCommonTerms alone = run.copy();
        OrganizationMatcher.Blocks read = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(alone);
            return organizations.readAhead(incoming);
        });

        assertThat(taken.takenFromEarlier()).isEqualTo(1);
        assertThat(taken.completedFromEarlier()).isEqualTo(1);
        List<Long> block = read.alikeOf(first + " " + second, null);
        assertThat(block).hasSize(LIMIT).contains(created[0], created[1]).doesNotContain(created[2]);
        assertThat(taken.alikeOf(first + " " + second, null)).isEqualTo(block);
        // without the companies created, the last two that hold the first term alone would have stayed in
        assertThat(ahead.alikeOf(first + " " + second, null)).isNotEqualTo(block);
    }

    @Test
    void aReadAheadThatBeganAfterTheChunkBeforeCommittedRanksItsCompaniesOnce() throws Exception {
        hold(250);
        List<Organizations.NewOrganization> incoming = List.of(named(first + " " + second));
        SearchIndex.LastingCommonTerms run = new SearchIndex.LastingCommonTerms();
        // handed to the read ahead as the chunk before starts, as the job does; the read itself comes late
        SearchIndex.LastingCommonTerms counted = run.copy();

        SearchIndex.LastingCommonTerms before = run.copy();
        long[] created = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(before);
            organizations.readAhead(incoming);
            return new long[] {organizations.create(named(first + " " + second + " Trading")).id,
                    organizations.create(named(first + " " + second + " Instruments")).id};
        });
        OrganizationMatcher.Blocks ahead = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(counted);
            return organizations.alikeAhead(incoming);
        });
        assertThat(ahead.alikeOf(first + " " + second, null)).contains(created[0], created[1]);

        SearchIndex.LastingCommonTerms chunk = before.copy();
        OrganizationMatcher.Blocks taken = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(chunk);
            searchIndex.learnCommonTerms(counted, before);
            return organizations.readAhead(incoming, ahead, (read, limit) -> before.completed(read, chunk, limit));
        });
        SearchIndex.LastingCommonTerms alone = before.copy();
        OrganizationMatcher.Blocks read = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(alone);
            return organizations.readAhead(incoming);
        });

        assertThat(taken.completedFromEarlier()).isEqualTo(1);
        assertThat(taken.alikeOf(first + " " + second, null)).hasSize(LIMIT)
                .isEqualTo(read.alikeOf(first + " " + second, null))
                .isEqualTo(ahead.alikeOf(first + " " + second, null));
    }

    @Test
    void aChunkReadsTheBlockItselfWhenTheChunkBeforeChangedAnOrganizationsTerms() throws Exception {
        IndexedOrganizations.create(dataSource, first, 20);
        long renamed = TestOrganizations.create(first + " Optical Works");
        List<Organizations.NewOrganization> incoming = List.of(named(first + " " + second));
        SearchIndex.LastingCommonTerms run = new SearchIndex.LastingCommonTerms();

        SearchIndex.LastingCommonTerms counted = run.copy();
        OrganizationMatcher.Blocks ahead = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(counted);
            return organizations.alikeAhead(incoming);
        });
        assertThat(ahead.findsAlike(renamed)).isTrue();

        SearchIndex.LastingCommonTerms before = run.copy();
        QuarkusTransaction.requiringNew().run(() -> {
            searchIndex.rememberCommonTerms(before);
            organizations.readAhead(incoming);
            organizations.create(named(first + " Lenses"));
            Organization.<Organization>findById(renamed).name = "Optical Works " + u.toUpperCase();
        });

        SearchIndex.LastingCommonTerms chunk = before.copy();
        OrganizationMatcher.Blocks taken = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(chunk);
            return organizations.readAhead(incoming, ahead, (read, limit) -> before.completed(read, chunk, limit));
        });

        assertThat(taken.takenFromEarlier()).isZero();
        assertThat(taken.findsAlike(renamed)).isFalse();
    }

    private void hold(int count) throws SQLException {
        List<Long> made = IndexedOrganizations.create(dataSource, first, count);
        IndexedOrganizations.hold(dataSource, second, made.subList(0, Math.min(30, count)));
    }
}
