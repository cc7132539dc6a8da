package org.expodesk.party;

import org.expodesk.party.dedup.Similarity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityTest {

    @Test
    void typosInLatinNamesStayClose() {
        assertThat(Similarity.of("blueharbourtrading", "blueharbortrading")).isGreaterThan(0.95);
        assertThat(Similarity.of("blueharbourtrading", "goldenlamps")).isLessThan(0.6);
    }

    @Test
    void chineseNamesWithAPrefixMissingStayClose() {
        assertThat(Similarity.of(NameKeys.organization("深圳市华强电子有限公司"), NameKeys.organization("华强电子")))
                .isGreaterThan(0.9);
        assertThat(Similarity.of(NameKeys.organization("深圳市华强电子"), NameKeys.organization("北京红星家具")))
                .isLessThan(0.5);
    }

    @Test
    void aShortNameInsideALongOneProvesNothing() {
        assertThat(Similarity.of("ab", "abcdefgh")).isLessThan(0.85);
    }

    @Test
    void identicalKeysAreOneAndEmptyOnesZero() {
        assertThat(Similarity.of("abc", "abc")).isEqualTo(1.0);
        assertThat(Similarity.of("", "abc")).isZero();
    }

    @Test
    void oneNameComparedWithManyScoresAsEachPairAlone() {
        java.util.List<String> names = java.util.Arrays.asList(null, "", "a", "ab", "abc", "blueharbourtrading",
                "blueharbortrading", "goldenlamps", NameKeys.organization("深圳市华强电子有限公司"),
                NameKeys.organization("华强电子"), NameKeys.organization("北京红星家具"), "华", "华华华", "abab");
        for (String a : names) {
            Similarity.Against against = new Similarity.Against(a);
            for (String b : names) {
                assertThat(against.of(b)).as("%s against %s", a, b).isEqualTo(Similarity.of(a, b));
            }
        }
    }
}
