package org.expodesk.party;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The companies a people file names are looked up all at once ({@link Organizations#uniquelyNamed(java.util.Collection)},
 * one join with the chunk's name keys): each answer is the one lookup by that name gives, the one live organization
 * of that name key, or none when there are several or none.
 */
@QuarkusTest
class UniquelyNamedTest {

    @Inject
    Organizations organizations;

    @Test
    void manyNamesAtOnceAreAnsweredAsEachNameAlone() {
        String u = Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "q");
        long alone = TestOrganizations.create("Zephyra" + u + " Optics");
        TestOrganizations.create("Brontel" + u + " Trading");
        TestOrganizations.create("Brontel" + u + " Trading");
        long kept = TestOrganizations.create("Calyx" + u + " Foods");
        long mergedAway = TestOrganizations.create("Calyx" + u + " Foods");
        QuarkusTransaction.requiringNew().run(() -> Organization.<Organization>findById(mergedAway).mergedInto = kept);
        // name keys that differ but that the column's collation holds equal (ß as ss, or as s): one organization
        long sharp = TestOrganizations.create("Kuß" + u + " Lamps");
        List<String> names = List.of("Zephyra" + u + " Optics", "  zephyra" + u + "   OPTICS ", "Brontel" + u + " Trading",
                "Calyx" + u + " Foods", "Nowhere" + u + " Lamps", "", "Kuß" + u + " Lamps", "Kuss" + u + " Lamps",
                "Kus" + u + " Lamps");

        Map<String, Organization> many = QuarkusTransaction.requiringNew().call(() -> organizations.uniquelyNamed(names));
        java.util.Set<String> keys = QuarkusTransaction.requiringNew().call(() -> organizations.uniquelyNamedKeys(names));

        for (String name : names) {
            Optional<Long> one = QuarkusTransaction.requiringNew().call(() -> organizations.uniquelyNamed(name)
                    .map(o -> o.id));
            String key = NameKeys.organization(name);
            assertThat(Optional.ofNullable(many.get(key)).map(o -> o.id)).as(name).isEqualTo(one);
            assertThat(keys.contains(key)).as(name).isEqualTo(one.isPresent());
        }
        assertThat(many.get(NameKeys.organization("Zephyra" + u + " Optics")).id).isEqualTo(alone);
        assertThat(many.get(NameKeys.organization("Calyx" + u + " Foods")).id).isEqualTo(kept);
        assertThat(many.get(NameKeys.organization("Kuß" + u + " Lamps")).id).isEqualTo(sharp);
        assertThat(java.util.stream.Stream.of("Kuss", "Kus").map(k -> many.get(NameKeys.organization(k + u + " Lamps"))))
                .as("a name the collation holds equal to Kuß's").anyMatch(o -> o != null && o.id == sharp);
        assertThat(many).hasSize(4);
    }
}
