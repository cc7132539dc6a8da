package org.expodesk.party;

import org.expodesk.platform.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Phone numbers as typed become E.164, read in the record's country or the default region (CN). */
class PhonesTest {

    @Test
    void chineseMobilesAndLandlinesWithOrWithoutTheCountryCode() {
        assertThat(Phones.e164("13800138000", null)).isEqualTo("+8613800138000");
        assertThat(Phones.e164("+86 138 0013 8000", null)).isEqualTo("+8613800138000");
        assertThat(Phones.e164("138-0013-8000", "CN")).isEqualTo("+8613800138000");
        assertThat(Phones.e164("0086 138 0013 8000", "DE")).isEqualTo("+8613800138000");
        assertThat(Phones.e164("(0755) 8888 0001", "CN")).isEqualTo("+8675588880001");
        assertThat(Phones.e164("010-6552 9988", null)).isEqualTo("+861065529988");
    }

    @Test
    void otherCountriesAreReadInTheRecordsCountry() {
        assertThat(Phones.e164("030 1234567", "DE")).isEqualTo("+49301234567");
        assertThat(Phones.e164("+49 30 1234567", null)).isEqualTo("+49301234567");
        assertThat(Phones.e164("(650) 253-0000", "us")).isEqualTo("+16502530000");
        assertThat(Phones.e164("+1 650 253 0000", "CN")).isEqualTo("+16502530000");
    }

    @Test
    void anInvalidNumberIsAFieldErrorAndBlankIsNoNumber() {
        assertThat(Phones.e164("12345", null)).isNull();
        assertThat(Phones.e164("call me", "CN")).isNull();
        assertThat(Phones.e164("+86 138 0013", null)).isNull();
        List<FieldError> errors = new ArrayList<>();
        assertThat(Phones.e164("12345", null, "phone", errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("phone");
        errors.clear();
        assertThat(Phones.e164("  ", null, "phone", errors)).isNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void aNumberReadAgainGetsTheAnswerOfItsFirstReadingInEachRegion() {
        List<String[]> asked = new ArrayList<>();
        for (String text : List.of("(650) 253-0000", "030 1234567", "13800138000", "12345", " 010-6552 9988 ")) {
            for (String country : new String[] {null, "CN", "DE", "us"}) {
                asked.add(new String[] {text, country});
            }
        }
        for (int round = 0; round < 2; round++) {
            for (String[] a : asked) {
                String expected = Phones.parse(a[0].trim(), Phones.region(a[1]));
                assertThat(Phones.e164(a[0], a[1])).as("%s in %s", a[0], a[1])
                        .isEqualTo(expected.isEmpty() ? null : expected);
            }
        }
    }

    @Test
    void moreNumbersThanAreRememberedAreStillReadRight() {
        for (int i = 0; i < 10_000; i++) {
            String text = String.format("1380013%04d", i);
            assertThat(Phones.e164(text, "CN")).isEqualTo("+86" + text);
            assertThat(Phones.e164(text, "DE")).isEqualTo(Phones.parse(text, "DE").isEmpty() ? null : Phones.parse(text, "DE"));
        }
        assertThat(Phones.e164("13800138000", null)).isEqualTo("+8613800138000");
        assertThat(Phones.remembered()).isLessThanOrEqualTo(Phones.REMEMBERED);
    }

    @Test
    void aTextLongerThanAnyNumberIsReadButNotRemembered() {
        String padded = "+86 138 0013 8000" + " ".repeat(10) + "x".repeat(1_000) + System.nanoTime();
        assertThat(Phones.e164(padded, "CN")).isNull();
        assertThat(Phones.remembers(padded, "CN")).isFalse();
        String spaced = "+86 138 0013 8000";
        assertThat(Phones.e164(spaced, "CN")).isEqualTo("+8613800138000");
        assertThat(Phones.remembers(spaced, "CN")).isTrue();
    }
}
