package org.expodesk.bench.customers;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the benchmarks rely on in the generated customers; no timing here. */
class CustomerDataTest {

    private static final CustomerData DATA = new CustomerData(CustomerData.Options.full().scaled(20_000, 20_000));

    @Test
    void theSameSeedGivesTheSameRecordsWhicheverIsAskedFirst() {
        CustomerData other = new CustomerData(CustomerData.Options.full().scaled(20_000, 20_000));
        assertThat(other.organization(17_777)).isEqualTo(DATA.organization(17_777));
        assertThat(other.person(12_345)).isEqualTo(DATA.person(12_345));
        assertThat(DATA.organization(1)).isNotEqualTo(DATA.organization(2));
    }

    @Test
    void aboutThreePercentArePlantedDuplicatesOfEarlierOriginalsAndOnePercentLookAlikes() {
        int duplicates = 0;
        int alikes = 0;
        int chinese = 0;
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            CustomerData.Org o = DATA.organization(i);
            if (o.kind() != CustomerData.OrgKind.ORIGINAL) {
                CustomerData.Org of = DATA.organization((int) o.of() - 1);
                assertThat(of.kind()).isEqualTo(CustomerData.OrgKind.ORIGINAL);
                assertThat(o.of()).isLessThan(o.id());
                if (o.kind() == CustomerData.OrgKind.DUPLICATE) {
                    duplicates++;
                    assertThat(o.entity()).isEqualTo(of.id());
                    assertThat(o.country()).isEqualTo(of.country());
                } else {
                    alikes++;
                    assertThat(o.entity()).isEqualTo(o.id());
                    if (of.phone() != null) {
                        assertThat(o.phone()).isNotEqualTo(of.phone());
                    }
                }
            } else if (o.website() != null) {
                // distinct companies never share a website
                assertThat(domains.add(o.domain())).isTrue();
            }
            chinese += "CN".equals(o.country()) ? 1 : 0;
        }
        assertThat(duplicates).isBetween(500, 700);
        assertThat(alikes).isBetween(120, 280);
        assertThat(chinese).isBetween(11_000, 13_500);
    }

    @Test
    void chineseCreditCodesHaveEighteenCharactersAndTheirCheckCharacter() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int checked = 0;
        for (int i = 0; i < 2_000; i++) {
            CustomerData.Org o = DATA.organization(i);
            if ("CN".equals(o.country()) && o.creditCode() != null) {
                String code = o.creditCode();
                assertThat(code).hasSize(18).startsWith("91");
                int sum = 0;
                for (int k = 0; k < 17; k++) {
                    sum += alphabet.indexOf(code.charAt(k)) * weights[k];
                }
                assertThat(code.charAt(17)).isEqualTo(alphabet.charAt((31 - sum % 31) % 31));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void peopleWorkForGeneratedOrganizationsAndChineseNamesComeFamilyFirst() {
        for (int i = 0; i < 2_000; i++) {
            CustomerData.Person p = DATA.person(i);
            assertThat(p.organizationId()).isBetween(1L, 20_000L);
            if (p.easternOrder()) {
                assertThat(Character.UnicodeScript.of(p.familyName().codePointAt(0)))
                        .isEqualTo(Character.UnicodeScript.HAN);
            }
            if (p.email() != null) {
                assertThat(p.email()).matches("[a-z0-9.]+@[a-z0-9.-]+");
            }
        }
    }

    @Test
    void plantedPeopleFollowTheOriginalsAsSecondRecordsOrNamesakesAtTheSameCompany() {
        assertThat(DATA.plantedPeople()).isEqualTo(500);
        assertThat(DATA.anyPerson(19_999)).isEqualTo(DATA.person(19_999));
        int duplicates = 0;
        int namesakes = 0;
        for (int i = 20_000; i < DATA.peopleInDatabase(); i++) {
            CustomerData.Person p = DATA.anyPerson(i);
            assertThat(p.id()).isEqualTo(i + 1L);
            CustomerData.Person of = DATA.person((int) p.of() - 1);
            assertThat(of.kind()).isEqualTo(CustomerData.PersonKind.ORIGINAL);
            assertThat(p.organizationId()).isEqualTo(of.organizationId());
            if (p.kind() == CustomerData.PersonKind.DUPLICATE) {
                duplicates++;
                assertThat(p.entity()).isEqualTo(of.id());
                assertThat(p.variations()).isNotEmpty();
                if (p.email() != null) {
                    assertThat(p.email().trim().toLowerCase(java.util.Locale.ROOT)).isEqualTo(of.email());
                }
                if (p.phone() != null) {
                    assertThat(org.expodesk.party.Phones.e164(p.phone(), null))
                            .isEqualTo(org.expodesk.party.Phones.e164(of.phone(), null));
                }
            } else {
                namesakes++;
                assertThat(p.kind()).isEqualTo(CustomerData.PersonKind.NAMESAKE);
                assertThat(p.entity()).isEqualTo(p.id());
                assertThat(p.familyName() + p.givenName()).isEqualTo(of.familyName() + of.givenName());
                assertThat(p.email()).isNotNull().isNotEqualTo(of.email());
            }
        }
        assertThat(duplicates).isBetween(340, 460);
        assertThat(namesakes).isBetween(60, 140);
    }
}
