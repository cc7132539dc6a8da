package org.expodesk.party;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The name terms an import's chunk finds held by far more organizations than a name block counts are
 * remembered for the chunks after it (docs/import.md, "Speed"), and only those.
 */
@QuarkusTest
class CommonTermsMemoryTest {

    private static final int COMMON = 2000;
    /** Index rows of made-up organizations: ids far above any the tests create. */
    private static final long FIRST_ID = 9_000_000_000_000L;

    @Inject
    SearchIndex searchIndex;

    @Inject
    AgroalDataSource dataSource;

    /** Letters only: a run of digits inside a word would be a term of its own. */
    private final String u = String.format("%09d", System.nanoTime() % 1_000_000_000L).chars()
            .mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
    private final String veryCommon = "vc" + u;
    private final String barelyCommon = "bc" + u;
    private final String rare = "rr" + u;

    @AfterEach
    void removeTheMadeUpTerms() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM search_term WHERE party_type = 'O' AND term IN (?, ?, ?)")) {
            delete.setString(1, veryCommon);
            delete.setString(2, barelyCommon);
            delete.setString(3, rare);
            delete.executeUpdate();
        }
    }

    @Test
    void aTermHeldByMoreThanTheLimitAndATenthIsRememberedForTheNextTransactionsAndABarelyCommonOneIsNot() throws SQLException {
        hold(veryCommon, 0, COMMON + COMMON / 10 + 1);
        hold(barelyCommon, 0, COMMON + 1);
        hold(rare, 0, 3);
        SearchIndex.LastingCommonTerms memory = new SearchIndex.LastingCommonTerms();

        List<Long> alike = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(memory);
            return searchIndex.alikeOrganizations(veryCommon + " " + barelyCommon + " " + rare, null, COMMON, 200);
        });

        // both common terms are left out of the block, as without the memory
        assertEquals(List.of(FIRST_ID, FIRST_ID + 1, FIRST_ID + 2), alike);
        assertTrue(memory.remembers(veryCommon));
        assertFalse(memory.remembers(barelyCommon));
        assertFalse(memory.remembers(rare));
        assertEquals(1, memory.size());

        // the next transaction takes the remembered term as common without counting it, the other one it counts again
        List<Long> next = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(memory);
            return searchIndex.alikeOrganizations(List.<String[]>of(new String[] {veryCommon + " " + barelyCommon, null}),
                    COMMON, 200).get(0).ids();
        });
        assertEquals(List.of(), next);
    }

    @Test
    void aTransactionThatTakesTermsAwayFromAnOrganizationForgetsWhatItRemembered() throws SQLException {
        hold(veryCommon, 0, COMMON + COMMON / 10 + 1);
        SearchIndex.LastingCommonTerms memory = new SearchIndex.LastingCommonTerms();
        QuarkusTransaction.requiringNew().run(() -> {
            searchIndex.rememberCommonTerms(memory);
            searchIndex.alikeOrganizations(veryCommon, null, COMMON, 200);
        });
        assertTrue(memory.remembers(veryCommon));

        QuarkusTransaction.requiringNew().run(() -> {
            searchIndex.rememberCommonTerms(memory);
            searchIndex.forget(SearchIndex.ORGANIZATION, FIRST_ID);
        });

        assertFalse(memory.remembers(veryCommon));
    }

    @Test
    void aTermHeldByFewEnoughIsRememberedAsRareAndCountedAgainOnceTheJobsOwnOrganizationsBringItNearTheLimit()
            throws SQLException {
        int most = COMMON - COMMON / 10;
        hold(rare, 0, most - 1);
        SearchIndex.LastingCommonTerms memory = new SearchIndex.LastingCommonTerms();
        List<Long> counted = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(memory);
            return searchIndex.alikeOrganizations(rare, null, COMMON, 200);
        });
        assertEquals(200, counted.size());
        assertTrue(memory.remembersRare(rare));
        assertFalse(memory.remembers(rare));

        // the next transaction finds the same block without counting the term; its new organization counts
        SearchIndex.LastingCommonTerms next = memory.copy();
        List<Long> remembered = QuarkusTransaction.requiringNew().call(() -> {
            searchIndex.rememberCommonTerms(next);
            List<Long> ids = searchIndex.alikeOrganizations(List.<String[]>of(new String[] {rare, null}), COMMON, 200)
                    .get(0).ids();
            searchIndex.index(madeUp(most - 1, rare), false);
            return ids;
        });
        assertEquals(counted, remembered);
        assertTrue(next.remembersRare(rare), "held by " + most + " now, the limit less a tenth");

        SearchIndex.LastingCommonTerms third = next.copy();
        QuarkusTransaction.requiringNew().run(() -> {
            searchIndex.rememberCommonTerms(third);
            searchIndex.index(madeUp(most, rare), false);
        });
        assertFalse(third.remembersRare(rare), "within a tenth of the limit: counted again");
        // only the copy handed to that transaction moved: a job keeps it once the transaction committed, not before
        assertTrue(next.remembersRare(rare));
    }

    private static Organization madeUp(int index, String name) {
        Organization o = new Organization();
        o.id = FIRST_ID + index;
        o.name = name;
        return o;
    }

    /** {@code count} made-up organizations holding {@code term}. */
    private void hold(String term, int from, int count) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(SearchIndex.INSERT)) {
            for (int i = from; i < from + count; i++) {
                insert.setString(1, SearchIndex.ORGANIZATION);
                insert.setLong(2, FIRST_ID + i);
                insert.setString(3, term);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
