package org.expodesk.registration.exhibitor;

import org.expodesk.platform.LinkTokens;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.Role;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.party.Consents;
import org.expodesk.party.Contacts;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.category.OrganizationCategories;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exhibitor applications from the public form to the staff's decision (docs/exhibitors.md):
 * submitted, confirmed by the applicant's e-mail, then approved, rejected or asked a question that
 * the exhibitor answers in the portal.
 */
@ApplicationScoped
@Transactional
public class ExhibitorApplications {

    /** What the form (or the API) sends; everything as typed, checked by {@link #submit}. */
    public record Submission(String legalName, String nameLatin, String creditCode, String country, String city,
                             String address, String website, String companyPhone, String industry,
                             List<String> categories, String familyName, String givenName, String jobTitle,
                             String email, String phone, String language, String boothSizeSqm, String boothType,
                             Boolean acceptTerms) {

        public boolean hasCategory(String code) {
            return categories != null && categories.contains(code);
        }

        public boolean isBoothType(String type) {
            return type.equals(boothType);
        }

        public boolean isLanguage(String tag) {
            return tag.equals(language);
        }

        public boolean isTermsAccepted() {
            return Boolean.TRUE.equals(acceptTerms);
        }
    }

    public record Submitted(ExhibitorApplication application, boolean created) {
    }

    public enum LinkState { CONFIRMED, UNKNOWN, EXPIRED, USED }

    /** The outcome of a confirmation; a new account comes with its setup token, an existing one without. */
    public record Confirmation(LinkState state, ExhibitorApplication application, String username,
                               String setupToken) {
    }

    public enum Decision { APPROVE, REJECT, REQUEST_INFO }

    static final List<String> LANGUAGES = List.of("en", "zh-CN");

    @Inject
    Clock clock;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    OrganizationCategories organizations;

    @Inject
    People people;

    @Inject
    Consents consents;

    @Inject
    Contacts contacts;

    @Inject
    UserService users;

    @Inject
    ApplicationMails mails;

    @Inject
    ExhibitorConfig config;

    @Inject
    org.expodesk.party.dedup.KeyLocks keyLocks;

    /** The edition behind a public page's code; 404 for none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Exhibition edition(String code) {
        return exhibitions.byCode(code);
    }

    /**
     * Stores an application, deduplicating company and contact into the customer database, records
     * the accepted terms and mails the confirmation link. The same form sent twice (same edition,
     * e-mail and company) answers the first application and mails nothing more.
     */
    public Submitted submit(long exhibitionId, Submission s) {
        // applications of one edition take turns: a double submit waits here and then finds the first
        exhibitions.lock(exhibitionId);
        Valid v = validated(s);
        String key = LinkTokens.hash(exhibitionId + "|" + v.email.toLowerCase(Locale.ROOT) + "|"
                + v.legalName.toLowerCase(Locale.ROOT) + "|" + (v.creditCode == null ? "" : v.creditCode));
        @SuppressWarnings("unchecked")
        List<Number> existing = ExhibitorApplication.getEntityManager().createNativeQuery(
                        "SELECT id FROM exhibitor_application WHERE submission_key = ?1 FOR UPDATE")
                .setParameter(1, key).getResultList();
        if (!existing.isEmpty()) {
            return new Submitted(ExhibitorApplication.findById(existing.get(0).longValue()), false);
        }
        long organizationId;
        boolean organizationMatched;
        long personId;
        try {
            Organizations.Created company = organizations.createWith(new Organizations.NewOrganization(v.legalName,
                    s.nameLatin(), null, v.creditCode, v.country, null, v.city, s.address(), s.website(), null,
                    s.companyPhone(), s.industry(), null, null, null, null, null), v.categories);
            organizationId = company.organization().id;
            organizationMatched = company.existing();
        } catch (ProblemException refused) {
            throw renamed(refused, Map.of("name", "legalName", "phone", "companyPhone"));
        }
        try {
            personId = people.createOrMatch(new People.NewPerson(v.familyName, v.givenName, null, s.jobTitle(),
                    v.email, s.phone(), organizationId, v.language, null)).person().id;
        } catch (ProblemException refused) {
            throw renamed(refused, Map.of());
        }
        Instant now = Instant.now(clock);
        consents.record(personId, new Consents.NewConsent("TERMS", true, now, "WEB_FORM", config.termsVersion(),
                "exhibitor application"), "applicant");
        ExhibitorApplication a = new ExhibitorApplication();
        a.exhibitionId = exhibitionId;
        a.organizationMatched = organizationMatched;
        a.organizationId = organizationId;
        a.personId = personId;
        a.status = ApplicationStatus.SUBMITTED;
        a.submissionKey = key;
        a.legalName = v.legalName;
        a.nameLatin = blankToNull(s.nameLatin());
        a.creditCode = v.creditCode;
        a.country = v.country;
        a.city = v.city;
        a.address = blankToNull(s.address());
        a.website = blankToNull(s.website());
        a.companyPhone = blankToNull(s.companyPhone());
        a.industry = blankToNull(s.industry());
        a.categories = v.categories.isEmpty() ? null : String.join(",", v.categories);
        a.familyName = v.familyName;
        a.givenName = v.givenName;
        a.jobTitle = blankToNull(s.jobTitle());
        a.email = v.email;
        a.phone = blankToNull(s.phone());
        a.language = v.language;
        a.boothSizeSqm = v.boothSizeSqm;
        a.boothType = v.boothType;
        a.termsVersion = config.termsVersion();
        String token = LinkTokens.newToken();
        a.confirmTokenHash = LinkTokens.hash(token);
        a.confirmExpiresAt = now.plus(config.confirmLinkLifetime());
        a.persist();
        mails.confirmLink(a, exhibitions.get(exhibitionId), token);
        return new Submitted(a, true);
    }

    /** What the confirmation page shows before the applicant presses the button; changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkState peek(String token) {
        return byToken(token).map(this::stateOf).orElse(LinkState.UNKNOWN);
    }

    /**
     * Confirms the applicant's e-mail: the link works once and until it expires. The organization's
     * exhibitor account is created (its password chosen through the setup link) unless it has one.
     */
    public Confirmation confirm(String token) {
        if (!LinkTokens.isWellFormed(token)) {
            return new Confirmation(LinkState.UNKNOWN, null, null, null);
        }
        // locking reads first, the application's row and then its organization's account key: a plain read
        // before them would fix this transaction's snapshot, and a second click waiting here would then not
        // see that the first one confirmed and made the account
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ExhibitorApplication.getEntityManager().createNativeQuery(
                        "SELECT id, organization_id FROM exhibitor_application WHERE confirm_token_hash = ?1 FOR UPDATE")
                .setParameter(1, LinkTokens.hash(token)).getResultList();
        if (rows.isEmpty()) {
            return new Confirmation(LinkState.UNKNOWN, null, null, null);
        }
        keyLocks.lock("exhibitor-account:" + ((Number) rows.get(0)[1]).longValue());
        ExhibitorApplication a = get(((Number) rows.get(0)[0]).longValue());
        LinkState state = stateOf(a);
        if (state != LinkState.CONFIRMED) {
            return new Confirmation(state, a, null, null);
        }
        a.confirmedAt = Instant.now(clock);
        a.status = ApplicationStatus.CONFIRMED;
        Optional<UserAccount> account = exhibitorAccount(a.organizationId);
        if (account.isPresent()) {
            a.userId = account.get().id;
            return new Confirmation(LinkState.CONFIRMED, a, account.get().username, null);
        }
        if (a.organizationMatched) {
            // whoever knows a company's credit code could otherwise open its records: staff approve first
            return new Confirmation(LinkState.CONFIRMED, a, null, null);
        }
        UserService.Created created = newAccount(a);
        return new Confirmation(LinkState.CONFIRMED, a, created.user().username, created.setupLink().secret());
    }

    private static Optional<UserAccount> exhibitorAccount(long organizationId) {
        return UserAccount.<UserAccount>find("organizationId = ?1 and role = ?2 and enabled = true",
                Sort.ascending("id"), organizationId, Role.EXHIBITOR).firstResultOptional();
    }

    private UserService.Created newAccount(ExhibitorApplication a) {
        UserService.Created created = users.create(new UserService.NewUser(usernameFor(a), a.contactName(), a.email,
                Role.EXHIBITOR, a.organizationId));
        users.setLocale(created.user().id, a.language);
        a.userId = created.user().id;
        return created;
    }

    /** A staff decision on a confirmed application; the applicant is told by mail. */
    public ExhibitorApplication decide(long id, String decision, String reason, String question, String by) {
        ExhibitorApplication a = lock(id);
        List<FieldError> errors = new ArrayList<>();
        Decision d = parse(Decision.class, decision, "decision", errors);
        String why = FieldChecks.text(reason, "reason", 2000, d == Decision.REJECT, errors);
        String ask = FieldChecks.text(question, "question", 2000, d == Decision.REQUEST_INFO, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (a.status != ApplicationStatus.CONFIRMED) {
            throw ProblemException.conflict("application_notUnderReview");
        }
        Optional<String> setupLink = Optional.empty();
        switch (d) {
            case APPROVE -> {
                a.status = ApplicationStatus.APPROVED;
                if (a.userId == null) {
                    // a company already in the database: its account is made now (unless another approval made
                    // one meanwhile), the setup link goes by mail
                    keyLocks.lock("exhibitor-account:" + a.organizationId);
                    Optional<UserAccount> account = exhibitorAccount(a.organizationId);
                    if (account.isPresent()) {
                        a.userId = account.get().id;
                    } else {
                        setupLink = Optional.of(newAccount(a).setupLink().secret());
                    }
                }
                contacts.participate(a.exhibitionId, new PartyRef(PartyRef.Kind.ORGANIZATION, a.organizationId),
                        "EXHIBITOR");
            }
            case REJECT -> {
                a.status = ApplicationStatus.REJECTED;
                a.decisionReason = why;
            }
            case REQUEST_INFO -> {
                a.status = ApplicationStatus.MORE_INFO_REQUESTED;
                a.question = ask;
                a.answer = null;
            }
        }
        a.decidedBy = by;
        a.decidedAt = Instant.now(clock);
        a.persist();
        ExhibitorApplication.getEntityManager().flush();
        mails.decision(a, exhibitions.get(a.exhibitionId), setupLink.orElse(null));
        return a;
    }

    /** The exhibitor's answer to the staff's question; the application goes back to review. */
    public ExhibitorApplication answer(long id, String answer) {
        ExhibitorApplication a = lock(id);
        List<FieldError> errors = new ArrayList<>();
        String text = FieldChecks.text(answer, "answer", 4000, true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (a.status != ApplicationStatus.MORE_INFO_REQUESTED) {
            throw ProblemException.conflict("application_noQuestion");
        }
        a.answer = text;
        a.status = ApplicationStatus.CONFIRMED;
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExhibitorApplication get(long id) {
        ExhibitorApplication a = ExhibitorApplication.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Exhibitor application");
        }
        return a;
    }

    /** An edition's applications, newest first; all of them when {@code status} is null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExhibitorApplication> ofEdition(long exhibitionId, ApplicationStatus status) {
        exhibitions.get(exhibitionId);
        return status == null
                ? ExhibitorApplication.list("exhibitionId", Sort.descending("id"), exhibitionId)
                : ExhibitorApplication.list("exhibitionId = ?1 and status = ?2", Sort.descending("id"), exhibitionId,
                status);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExhibitorApplication> ofOrganization(long organizationId) {
        return ExhibitorApplication.list("organizationId", Sort.descending("id"), organizationId);
    }

    /** Whether any edition has approved the organization: the portal's profile and staff need it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isApproved(long organizationId) {
        return ExhibitorApplication.count("organizationId = ?1 and status = ?2", organizationId,
                ApplicationStatus.APPROVED) > 0;
    }

    /** Holds the application's row until the end of the transaction. */
    ExhibitorApplication lock(long id) {
        if (ExhibitorApplication.getEntityManager().createNativeQuery(
                "SELECT id FROM exhibitor_application WHERE id = ?1 FOR UPDATE").setParameter(1, id)
                .getResultList().isEmpty()) {
            throw ProblemException.notFound("Exhibitor application");
        }
        ExhibitorApplication a = get(id);
        ExhibitorApplication.getEntityManager().refresh(a);
        return a;
    }

    private Optional<ExhibitorApplication> byToken(String token) {
        if (!LinkTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return ExhibitorApplication.find("confirmTokenHash", LinkTokens.hash(token)).firstResultOptional();
    }

    private LinkState stateOf(ExhibitorApplication a) {
        if (a.confirmedAt != null) {
            return LinkState.USED;
        }
        return a.confirmExpiresAt.isBefore(Instant.now(clock)) ? LinkState.EXPIRED : LinkState.CONFIRMED;
    }

    /** The contact's e-mail as user name when it is one and free, else one made of the application. */
    private static String usernameFor(ExhibitorApplication a) {
        String email = a.email.toLowerCase(Locale.ROOT);
        if (email.matches("[a-z0-9][a-z0-9._@-]{1,63}") && UserAccount.findByUsername(email).isEmpty()) {
            return email;
        }
        return "exhibitor-" + a.id;
    }

    private record Valid(String legalName, String creditCode, String country, String city, String familyName,
                         String givenName, String email, String language, int boothSizeSqm, BoothType boothType,
                         Set<String> categories) {
    }

    private static Valid validated(Submission s) {
        List<FieldError> errors = new ArrayList<>();
        String legalName = FieldChecks.text(s.legalName(), "legalName", 300, true, errors);
        FieldChecks.text(s.nameLatin(), "nameLatin", 300, false, errors);
        String creditCode = FieldChecks.text(s.creditCode(), "creditCode", 64, false, errors);
        String country = FieldChecks.text(s.country(), "country", 2, true, errors);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            errors.add(new FieldError("country", "application_countryInvalid"));
        }
        String city = FieldChecks.text(s.city(), "city", 100, true, errors);
        FieldChecks.text(s.address(), "address", 500, false, errors);
        String website = FieldChecks.text(s.website(), "website", 300, false, errors);
        if (website != null && !website.matches("(?i)(https?://)?[^\\s/]+\\.[^\\s]+")) {
            errors.add(new FieldError("website", "application_websiteInvalid"));
        }
        FieldChecks.text(s.companyPhone(), "companyPhone", 50, false, errors);
        FieldChecks.text(s.industry(), "industry", 200, false, errors);
        String familyName = FieldChecks.text(s.familyName(), "familyName", 100, true, errors);
        String givenName = FieldChecks.text(s.givenName(), "givenName", 100, true, errors);
        FieldChecks.text(s.jobTitle(), "jobTitle", 200, false, errors);
        String email = FieldChecks.text(s.email(), "email", 254, true, errors);
        if (email != null && !FieldChecks.isEmail(email)) {
            errors.add(new FieldError("email", "application_emailInvalid"));
        }
        FieldChecks.text(s.phone(), "phone", 50, false, errors);
        String language = s.language() == null || s.language().isBlank() ? "en" : s.language().trim();
        if (!LANGUAGES.contains(language)) {
            errors.add(new FieldError("language", "application_languageInvalid"));
        }
        int size = 0;
        String sizeText = FieldChecks.text(s.boothSizeSqm(), "boothSizeSqm", 10, true, errors);
        if (sizeText != null) {
            try {
                size = Integer.parseInt(sizeText);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > 10_000) {
                errors.add(new FieldError("boothSizeSqm", "application_boothSizeInvalid"));
            }
        }
        BoothType type = parse(BoothType.class, s.boothType(), "boothType", errors);
        if (!Boolean.TRUE.equals(s.acceptTerms())) {
            errors.add(new FieldError("acceptTerms", "application_termsRequired"));
        }
        Set<String> categories = new LinkedHashSet<>();
        if (s.categories() != null) {
            s.categories().stream().filter(c -> c != null && !c.isBlank())
                    .forEach(c -> categories.add(c.trim().toUpperCase(Locale.ROOT)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Valid(legalName, creditCode, country.toUpperCase(Locale.ROOT), city, familyName, givenName, email,
                language, size, type, categories);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "field_required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "application_choiceInvalid"));
            return null;
        }
    }

    /** The customer database names some fields differently from the form. */
    private static ProblemException renamed(ProblemException refused, Map<String, String> names) {
        if (refused.problem().errors() == null || refused.problem().errors().isEmpty()) {
            return refused;
        }
        return ProblemException.invalid(refused.problem().errors().stream()
                .map(e -> new FieldError(names.getOrDefault(e.field(), e.field()), e.message())).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
