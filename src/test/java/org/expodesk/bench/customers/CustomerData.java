package org.expodesk.bench.customers;

import java.util.Locale;
import java.util.Random;

/**
 * A deterministic, realistic customer database for benchmarks: organizations (Chinese companies
 * with 18-character unified social credit codes and often a Latin name; companies of other
 * countries with their legal forms and web domains), people (Chinese names family first, Latin
 * names), e-mails on company domains and free mail, phones (Chinese mobiles and landlines, foreign
 * numbers, written in varied ways), job titles, and the employment linking each person to a
 * company. Every record is a pure function of the seed and its index, so any record (and the
 * ground truth about it) can be rebuilt without generating the others.
 *
 * <p>Options ({@link Options}):
 * <ul>
 *   <li>{@code seed}: the same seed gives the same database, byte for byte;</li>
 *   <li>{@code organizations}, {@code people}: how many records (default 300,000 and 1,000,000);</li>
 *   <li>{@code duplicateShare} (default 0.03): the share of organizations that are a second record
 *       of an earlier one ({@link OrgKind#DUPLICATE}), varied the way real data varies (legal form
 *       dropped or changed, full-width characters, spaces and punctuation, a typo, the Latin name
 *       instead of the Chinese one, a city prefix added or dropped, the credit code missing, the
 *       phone written differently) — see {@link Variation};</li>
 *   <li>{@code alikeShare} (default 0.01): the share that are hard negatives
 *       ({@link OrgKind#ALIKE}): a distinct company with a name like an earlier one's (the same
 *       trade name in another city, a sister company of the same group on the group's domain).</li>
 * </ul>
 * {@link #organization(int)} says of each record what it is ({@link Org#kind()}, {@link Org#of()}),
 * which is the ground truth for precision and recall; {@link CustomerLoader} writes the records
 * through JDBC, and {@link GroundTruth} the truth as a CSV file.
 */
public final class CustomerData {

    public enum OrgKind { ORIGINAL, DUPLICATE, ALIKE }

    public enum Variation {
        LEGAL_FORM_DROPPED, LEGAL_FORM_CHANGED, FULL_WIDTH, SPACES_AND_PUNCTUATION, TYPO, LATIN_NAME_ONLY,
        CITY_PREFIX, CREDIT_CODE_MISSING, PHONE_REWRITTEN
    }

    public enum PersonKind { ORIGINAL, DUPLICATE, NAMESAKE }

    public enum PersonVariation { GIVEN_NAME_TYPO, NAME_ORDER_SWAPPED, EMAIL_CASE_AND_SPACES, PHONE_REWRITTEN, EMAIL_MISSING }

    /** Raised whenever a change makes the same options give other data, so kept databases get reloaded. */
    public static final int VERSION = 4;

    /**
     * People planted after the {@code people} originals, as shares of them: a second record of an
     * original ({@link PersonKind#DUPLICATE}), or a different person of the same name at the same
     * company ({@link PersonKind#NAMESAKE}, a hard negative).
     */
    public static final double PERSON_DUPLICATE_SHARE = 0.02;
    public static final double PERSON_NAMESAKE_SHARE = 0.005;

    public record Options(long seed, int organizations, int people, double duplicateShare, double alikeShare) {

        public static Options full() {
            return new Options(20_261_122L, 300_000, 1_000_000, 0.03, 0.01);
        }

        public Options scaled(int organizations, int people) {
            return new Options(seed, organizations, people, duplicateShare, alikeShare);
        }
    }

    /**
     * One organization as an application would have received it. {@code id} is its row id (index
     * + 1); {@code of} the id of the earlier record it duplicates or resembles (0 for an original);
     * {@code variations} how a duplicate differs.
     */
    public record Org(long id, OrgKind kind, long of, String variations, String name, String nameLatin,
                      String creditCode, String country, String province, String city, String website,
                      String domain, String phone, String email, String industry, String companySize) {

        /** The id of the real-world company this record stands for. */
        public long entity() {
            return kind == OrgKind.DUPLICATE ? of : id;
        }
    }

    /** {@code of}: the original a planted record duplicates or is a namesake of (0 for an original). */
    public record Person(long id, String familyName, String givenName, boolean easternOrder, String jobTitle,
                         String email, String phone, long organizationId, String language, PersonKind kind, long of,
                         String variations) {

        /** The id of the real-world person this record stands for. */
        public long entity() {
            return kind == PersonKind.DUPLICATE ? of : id;
        }
    }

    private final Options options;

    public CustomerData(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    // ------------------------------------------------------------------------------------------
    // organizations

    /** The organization with this 0-based index. */
    public Org organization(int index) {
        Random r = random(1, index);
        double roll = r.nextDouble();
        if (index > 100 && roll < options.duplicateShare() + options.alikeShare()) {
            int earlier = r.nextInt(index);
            if (kindOf(earlier) == OrgKind.ORIGINAL) {
                Org original = original(earlier);
                return roll < options.duplicateShare() ? duplicate(index, original, r) : alike(index, original, r);
            }
        }
        return original(index);
    }

    private OrgKind kindOf(int index) {
        Random r = random(1, index);
        double roll = r.nextDouble();
        if (index > 100 && roll < options.duplicateShare() + options.alikeShare()) {
            return kindOf(r.nextInt(index)) == OrgKind.ORIGINAL
                    ? (roll < options.duplicateShare() ? OrgKind.DUPLICATE : OrgKind.ALIKE) : OrgKind.ORIGINAL;
        }
        return OrgKind.ORIGINAL;
    }

    /** An original record, drawn from its own random stream (not the one that chose its kind). */
    private Org original(int index) {
        Random r = random(2, index);
        return r.nextDouble() < 0.62 ? chinese(index, r) : foreign(index, r);
    }

    private Org chinese(int index, Random r) {
        Words.Place place = Words.pick(r, Words.CN_PLACES);
        String trade = Words.tradeName(r);
        Words.Industry industry = Words.pick(r, Words.INDUSTRIES);
        String form = r.nextDouble() < 0.8 ? "有限公司" : "股份有限公司";
        String city = place.city();
        // most registered names start with the city (深圳市…), some with the province, some with neither
        double p = r.nextDouble();
        String prefix = p < 0.7 ? city + "市" : p < 0.85 ? place.province() + "省" : "";
        String name = prefix + Words.han(trade) + industry.zh() + form;
        String latin = null;
        if (r.nextDouble() < 0.55) {
            latin = (prefix.isEmpty() ? "" : Words.pinyinCity(place, p < 0.7) + " ") + Words.pinyin(trade) + " "
                    + industry.en() + (form.equals("有限公司") ? " Co., Ltd." : " Co., Ltd. (Joint Stock)");
        }
        // two companies never share a website: the index makes each domain the company's own
        String domain = r.nextDouble() < 0.6 ? Words.pinyin(trade).toLowerCase(Locale.ROOT)
                + industry.en().split(" ")[0].toLowerCase(Locale.ROOT).substring(0, 3) + Integer.toString(index, 36)
                + ".com.cn" : null;
        String phone = r.nextDouble() < 0.85 ? Phones.chineseLandline(r, place) : null;
        String email = domain != null && r.nextDouble() < 0.5 ? "sales@" + domain
                : r.nextDouble() < 0.3 ? Words.digits(r, 9) + "@" + Words.pick(r, Words.CN_FREE_MAIL) : null;
        String credit = r.nextDouble() < 0.85 ? CreditCodes.chinese(r, place) : null;
        return new Org(index + 1L, OrgKind.ORIGINAL, 0, "", name, latin, credit, "CN", place.province(), city,
                domain == null ? null : "https://www." + domain, domain, phone, email, industry.zh(), size(r));
    }

    private Org foreign(int index, Random r) {
        Words.Country country = Words.pick(r, Words.COUNTRIES);
        Words.Industry industry = Words.pick(r, Words.INDUSTRIES);
        String stem = r.nextDouble() < 0.5 ? Words.pick(r, Words.LATIN_STEMS) + Words.pick(r, Words.LATIN_SUFFIXES)
                : Words.pick(r, country.surnames()) + (r.nextDouble() < 0.3 ? " & " + Words.pick(r, country.surnames()) : "");
        String form = Words.pick(r, country.legalForms());
        String industryWord = country.code().equals("DE") ? industry.de() : industry.en();
        String name = stem + " " + industryWord + (form.isEmpty() ? "" : " " + form);
        String slug = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "-" + industry.en().split(" ")[0]
                .toLowerCase(Locale.ROOT);
        String domain = r.nextDouble() < 0.9 ? slug + "-" + Integer.toString(index, 36) + "." + country.tld() : null;
        String city = Words.pick(r, country.cities());
        String phone = r.nextDouble() < 0.8 ? Phones.foreign(r, country) : null;
        String email = domain != null && r.nextDouble() < 0.6 ? Words.pick(r, Words.ROLE_MAILBOXES) + "@" + domain : null;
        String vat = r.nextDouble() < 0.4 ? country.code() + Words.digits(r, 9) : null;
        return new Org(index + 1L, OrgKind.ORIGINAL, 0, "", name, null, vat,
                country.code(), null, city, domain == null ? null : "https://www." + domain, domain, phone, email,
                industry.en(), size(r));
    }

    /** A second record of {@code o}: one to three variations, and often without the credit code. */
    private Org duplicate(int index, Org o, Random r) {
        java.util.EnumSet<Variation> applied = java.util.EnumSet.noneOf(Variation.class);
        String name = o.name();
        String latin = o.nameLatin();
        String credit = o.creditCode();
        String phone = o.phone();
        String website = o.website();
        String email = o.email();
        int count = 1 + r.nextInt(3);
        boolean chinese = "CN".equals(o.country());
        for (int i = 0; i < count; i++) {
            Variation v = Variation.values()[r.nextInt(Variation.values().length)];
            switch (v) {
                case LEGAL_FORM_DROPPED -> name = Variants.dropLegalForm(name);
                case LEGAL_FORM_CHANGED -> name = Variants.changeLegalForm(name, r);
                case FULL_WIDTH -> name = Variants.fullWidth(name, r);
                case SPACES_AND_PUNCTUATION -> name = Variants.spacesAndPunctuation(name, r);
                case TYPO -> name = Variants.typo(name, r);
                case LATIN_NAME_ONLY -> {
                    if (latin == null) {
                        continue;
                    }
                    name = latin;
                    latin = null;
                }
                case CITY_PREFIX -> {
                    if (!chinese) {
                        continue;
                    }
                    name = Variants.cityPrefix(name, o.city());
                }
                case CREDIT_CODE_MISSING -> credit = null;
                case PHONE_REWRITTEN -> phone = Phones.rewritten(phone, r);
            }
            applied.add(v);
        }
        // half of all duplicates come without the registration number, as lists from fairs and websites do
        if (credit != null && r.nextDouble() < 0.5) {
            credit = null;
            applied.add(Variation.CREDIT_CODE_MISSING);
        }
        if (r.nextDouble() < 0.4) {
            website = null;
        }
        if (r.nextDouble() < 0.3) {
            latin = null;
        }
        String domain = website != null ? o.domain() : email != null ? email.substring(email.indexOf('@') + 1) : null;
        return new Org(index + 1L, OrgKind.DUPLICATE, o.id(), applied.toString().replaceAll("[\\[\\] ]", ""), name,
                latin, credit, o.country(), o.province(), o.city(), website, domain, phone, email, o.industry(),
                o.companySize());
    }

    /** A different company named like {@code o}: its trade name in another city, or a sister company. */
    private Org alike(int index, Org o, Random r) {
        boolean chinese = "CN".equals(o.country());
        String name;
        String city = o.city();
        String province = o.province();
        String domain = null;
        String variation;
        if (chinese && r.nextBoolean()) {
            // one in 31 draws the same city again: a namesake in the same city, a hard negative too
            Words.Place other = Words.pick(r, Words.CN_PLACES);
            name = o.name().replace(o.city() + "市", "").replace(o.province() + "省", "");
            name = other.city() + "市" + name;
            city = other.city();
            province = other.province();
            variation = "SAME_TRADE_NAME_OTHER_CITY";
        } else if (chinese) {
            String core = Variants.dropLegalForm(o.name());
            name = core + Words.pick(r, Words.CN_BRANCH_WORDS) + "有限公司";
            domain = o.domain();
            variation = "SISTER_COMPANY";
        } else if (r.nextBoolean()) {
            Words.Country other = Words.pick(r, Words.COUNTRIES);
            name = Variants.dropLegalForm(o.name()) + " " + Words.pick(r, other.legalForms());
            city = Words.pick(r, other.cities());
            variation = "SAME_NAME_OTHER_COUNTRY";
            return new Org(index + 1L, OrgKind.ALIKE, o.id(), variation, name.trim(), null,
                    r.nextDouble() < 0.4 ? other.code() + Words.digits(r, 9) : null, other.code(), null, city, null,
                    null, Phones.foreign(r, other), null, o.industry(), size(r));
        } else {
            name = Variants.dropLegalForm(o.name()) + " " + Words.pick(r, Words.LATIN_BRANCH_WORDS);
            domain = o.domain();
            variation = "SISTER_COMPANY";
        }
        String credit = chinese && r.nextDouble() < 0.7 ? CreditCodes.chinese(r, Words.pick(r, Words.CN_PLACES)) : null;
        String phone = chinese ? Phones.chineseLandline(r, Words.placeOf(city)) : Phones.foreignLike(r, o.phone());
        return new Org(index + 1L, OrgKind.ALIKE, o.id(), variation, name, null, credit, o.country(), province, city,
                domain == null ? null : "https://" + domain, domain, phone,
                domain == null ? null : "info@" + domain, o.industry(), size(r));
    }

    private static String size(Random r) {
        return Words.pick(r, new String[] {"1-9", "10-49", "50-249", "250-999", "1000+"});
    }

    // ------------------------------------------------------------------------------------------
    // people

    /** The person with this 0-based index, working for one of the organizations. */
    public Person person(int index) {
        Random r = random(3, index);
        int orgIndex = r.nextInt(options.organizations());
        Org org = organization(orgIndex);
        boolean chineseCompany = "CN".equals(org.country());
        boolean chineseName = chineseCompany ? r.nextDouble() < 0.93 : r.nextDouble() < 0.08;
        String family;
        String given;
        String mailName;
        String language;
        if (chineseName) {
            Words.Syllable surname = Words.surname(r);
            Words.Syllable g1 = Words.pick(r, Words.GIVEN);
            Words.Syllable g2 = r.nextDouble() < 0.7 ? Words.pick(r, Words.GIVEN) : null;
            family = surname.han();
            given = g1.han() + (g2 == null ? "" : g2.han());
            String givenPinyin = g1.pinyin() + (g2 == null ? "" : g2.pinyin());
            mailName = r.nextBoolean() ? givenPinyin + "." + surname.pinyin() : surname.pinyin() + givenPinyin;
            language = "zh-CN";
        } else {
            Words.Country country = chineseCompany ? Words.pick(r, Words.COUNTRIES) : Words.countryOf(org.country());
            family = Words.pick(r, country.surnames());
            given = Words.pick(r, country.givenNames());
            mailName = given.charAt(0) + "." + family;
            language = country.language();
        }
        mailName = java.text.Normalizer.normalize(mailName, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z.]", "").toLowerCase(Locale.ROOT);
        String email;
        double m = r.nextDouble();
        if (m < 0.55 && org.domain() != null) {
            email = mailName + (index % 7 == 0 ? String.valueOf(index % 100) : "") + "@" + org.domain();
        } else if (m < 0.85) {
            email = chineseName && r.nextBoolean() ? Words.digits(r, 5 + r.nextInt(6)) + "@qq.com"
                    : mailName + index % 10_000 + "@" + Words.pick(r, chineseName ? Words.CN_FREE_MAIL : Words.FREE_MAIL);
        } else {
            email = null;
        }
        String phone = r.nextDouble() < 0.8 ? (chineseName || chineseCompany ? Phones.chineseMobile(r)
                : Phones.foreign(r, Words.countryOf(org.country()))) : null;
        String title = chineseName ? Words.pick(r, Words.TITLES_ZH) : Words.pick(r, Words.TITLES_EN);
        return new Person(index + 1L, family, given, chineseName, title, email, phone, orgIndex + 1L, language,
                PersonKind.ORIGINAL, 0, "");
    }

    /** How many planted people follow the originals (ids {@code people + 1} on). */
    public int plantedPeople() {
        return (int) Math.round(options.people() * (PERSON_DUPLICATE_SHARE + PERSON_NAMESAKE_SHARE));
    }

    /** All people the database holds: the originals, then the planted ones. */
    public int peopleInDatabase() {
        return options.people() + plantedPeople();
    }

    /** Any person of the database by 0-based index: {@link #person} below {@code people}, a planted one above. */
    public Person anyPerson(int index) {
        return index < options.people() ? person(index) : planted(index - options.people());
    }

    /** A planted person, from a stream of its own, so the originals stay what they were. */
    private Person planted(int k) {
        Random r = random(4, k);
        Person o = person(r.nextInt(options.people()));
        long id = options.people() + k + 1L;
        boolean namesake = r.nextDouble() < PERSON_NAMESAKE_SHARE / (PERSON_DUPLICATE_SHARE + PERSON_NAMESAKE_SHARE);
        return namesake ? namesake(id, o, r) : personDuplicate(id, o, r);
    }

    /** The same person entered again: one or two variations, applied in a fixed order. */
    private Person personDuplicate(long id, Person o, Random r) {
        java.util.EnumSet<PersonVariation> chosen = java.util.EnumSet.noneOf(PersonVariation.class);
        int count = 1 + r.nextInt(2);
        for (int i = 0; i < count; i++) {
            chosen.add(PersonVariation.values()[r.nextInt(PersonVariation.values().length)]);
        }
        java.util.EnumSet<PersonVariation> applied = java.util.EnumSet.noneOf(PersonVariation.class);
        String family = o.familyName();
        String given = o.givenName();
        String email = o.email();
        String phone = o.phone();
        for (PersonVariation v : chosen) {
            switch (v) {
                case GIVEN_NAME_TYPO -> given = Variants.givenNameTypo(given, o.easternOrder(), r);
                case NAME_ORDER_SWAPPED -> {
                    String t = family;
                    family = given;
                    given = t;
                }
                case EMAIL_CASE_AND_SPACES -> {
                    if (email == null) {
                        continue;
                    }
                    email = Variants.emailCaseAndSpaces(email, r);
                }
                case PHONE_REWRITTEN -> {
                    if (phone == null) {
                        continue;
                    }
                    phone = Phones.rewrittenPersonal(phone, r);
                }
                case EMAIL_MISSING -> {
                    if (email == null) {
                        continue;
                    }
                    email = null;
                    applied.remove(PersonVariation.EMAIL_CASE_AND_SPACES);
                }
            }
            applied.add(v);
        }
        // nothing to vary (no mail, no phone to change): the names typed the other way round
        if (applied.isEmpty()) {
            String t = family;
            family = given;
            given = t;
            applied.add(PersonVariation.NAME_ORDER_SWAPPED);
        }
        return new Person(id, family, given, o.easternOrder(), o.jobTitle(), email, phone, o.organizationId(),
                o.language(), PersonKind.DUPLICATE, o.id(), applied.toString().replaceAll("[\\[\\] ]", ""));
    }

    /** Another person of the same name at the same company, with a mail address and phone of their own. */
    private Person namesake(long id, Person o, Random r) {
        String email = o.email() == null ? Words.digits(r, 9) + "@qq.com"
                : o.email().replace("@", String.valueOf(10 + r.nextInt(90)) + "@");
        String phone = r.nextDouble() < 0.7 ? (o.easternOrder() ? Phones.chineseMobile(r)
                : Phones.foreignLike(r, o.phone())) : null;
        String title = o.easternOrder() ? Words.pick(r, Words.TITLES_ZH) : Words.pick(r, Words.TITLES_EN);
        return new Person(id, o.familyName(), o.givenName(), o.easternOrder(), title, email, phone,
                o.organizationId(), o.language(), PersonKind.NAMESAKE, o.id(), "SAME_NAME_SAME_COMPANY");
    }

    private Random random(int stream, int index) {
        long mixed = options.seed() * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        return new Random(mixed ^ (mixed >>> 31));
    }
}
