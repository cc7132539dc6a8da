package org.expodesk.party;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeysTest {

    @Test
    void legalFormsWidthCaseAndPunctuationDoNotMatter() {
        assertThat(NameKeys.organization("深圳市华强电子有限公司")).isEqualTo(NameKeys.organization("深圳市 华强电子"));
        assertThat(NameKeys.organization("华强电子股份有限公司")).isEqualTo("华强电子");
        assertThat(NameKeys.organization("ＡＢＣ Trading Co., Ltd.")).isEqualTo("abctrading");
        assertThat(NameKeys.organization("Müller GmbH")).isEqualTo("muller");
        assertThat(NameKeys.organization("Taco")).isEqualTo("taco");
        assertThat(NameKeys.organization("Ltd")).isEqualTo("ltd");
        assertThat(NameKeys.organization("Telefónica S.A.")).isEqualTo("telefonica");
        assertThat(NameKeys.organization("Philips B.V.")).isEqualTo("philips");
        assertThat(NameKeys.organization("ダイキン工業株式会社")).isEqualTo("ダイキン工業");
        assertThat(NameKeys.isLegalForm("GmbH")).isTrue();
        assertThat(NameKeys.isLegalForm("有限公司")).isTrue();
        assertThat(NameKeys.isLegalForm("Harbour")).isFalse();
    }

    @Test
    void personKeysFoldTheSameWay() {
        assertThat(NameKeys.person("王", "小明")).isEqualTo("王小明");
        assertThat(NameKeys.person("O'Brien", "Seán")).isEqualTo("obriensean");
    }

    @Test
    void moreNamesThanAreRememberedStillGetTheirOwnKeys() {
        String[] forms = {" Trading Co., Ltd.", "有限公司", " GmbH", " S.A.", "", " Müller & Söhne"};
        for (int i = 0; i < 10_000; i++) {
            String name = "Ｈａｒｂｏｕｒ " + i + forms[i % forms.length];
            assertThat(NameKeys.organization(name)).as(name).isEqualTo(NameKeys.organizationKey(name));
            assertThat(NameKeys.organization(name)).as(name).isEqualTo(NameKeys.organizationKey(name));
        }
        assertThat(NameKeys.organization(null)).isEqualTo(NameKeys.organizationKey(null)).isEmpty();
        assertThat(NameKeys.remembered()).isLessThanOrEqualTo(NameKeys.REMEMBERED);
    }

    @Test
    void aNameLongerThanAnyColumnHoldsIsFoldedButNotRemembered() {
        String longName = "Harbour Optics " + "x".repeat(1_000) + System.nanoTime() + " Ltd.";
        assertThat(NameKeys.organization(longName)).isEqualTo(NameKeys.organizationKey(longName))
                .startsWith("harbouroptics").doesNotEndWith("ltd");
        assertThat(NameKeys.remembers(longName)).isFalse();
        String name = "Harbour Optics " + System.nanoTime() + " Ltd.";
        assertThat(NameKeys.organization(name)).isEqualTo(NameKeys.organizationKey(name));
        assertThat(NameKeys.remembers(name)).isTrue();
    }

    @Test
    void asciiTextIsCutIntoTheSameWordsWithoutTheUnicodeFolding() {
        java.util.Random random = new java.util.Random(20261123);
        String alphabet = "abcXYZ019 .,&-_'()/\\\t\n\u0000\u007f@#+";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            assertThat(NameKeys.asciiTokens(t)).as("%s", t.chars().boxed().toList())
                    .containsExactly(java.util.Arrays.stream(NameKeys.foldedTokens(t)).filter(w -> !w.isEmpty())
                            .toArray(String[]::new));
        }
        assertThat(NameKeys.organization("Shenzhen Huaqiang Electronics Co., Ltd.")).isEqualTo("shenzhenhuaqiangelectronics");
        assertThat(NameKeys.organization("A.B.C. Trading S.A.")).isEqualTo("abctrading");
        assertThat(NameKeys.person("O'Brien", "Sean")).isEqualTo("obriensean");
    }
}
