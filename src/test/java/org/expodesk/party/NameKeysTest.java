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
}
