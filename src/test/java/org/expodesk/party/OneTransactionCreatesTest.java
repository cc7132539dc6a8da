package org.expodesk.party;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch (an import chunk) creates the same company or person twice in one transaction: the
 * second create takes the key lock the transaction already holds, and is recognised as the first.
 */
@QuarkusTest
class OneTransactionCreatesTest {

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Test
    void theSecondCreateOfOneCompanyInTheSameTransactionIsTheFirstRecord() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long[] ids = QuarkusTransaction.requiringNew().timeout(20).call(() -> {
            Organization first = organizations.create(new Organizations.NewOrganization("Batch Valves " + unique, null,
                    null, "91330200BATCH" + unique, "CN", null, "Ningbo", null, null, null, null, null, null, null, null,
                    null, null));
            Organization.getEntityManager().flush();
            Organization second = organizations.create(new Organizations.NewOrganization("Batch Valves " + unique
                    + " Co., Ltd.", null, null, "91330200BATCH" + unique, "CN", null, "Ningbo", null, null, null, null,
                    null, null, null, null, null, null));
            return new long[] {first.id, second.id};
        });
        assertThat(ids[1]).isEqualTo(ids[0]);
    }

    @Test
    void twoPeopleOfOneNameInTheSameTransactionDoNotWaitForEachOther() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long[] ids = QuarkusTransaction.requiringNew().timeout(20).call(() -> {
            Person first = people.create(new People.NewPerson("Batch" + unique, "Lin", null, null, null, null, null,
                    null, null));
            Person.getEntityManager().flush();
            Person second = people.create(new People.NewPerson("Batch" + unique, "Lin", null, null, null, null, null,
                    null, null));
            return new long[] {first.id, second.id};
        });
        // alike but not surely one person (no e-mail or phone): two records, and the pair goes to review
        assertThat(ids[1]).isNotEqualTo(ids[0]);
    }
}
