package org.expodesk.registration;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An edition's registration as staff set it up: the window, the allowed buyer domains and the
 * categories. Callers make sure the settings exist first ({@link RegistrationDefaults#ensure}).
 */
@ApplicationScoped
@Transactional
public class RegistrationSetup {

    /** Window and domains; absent fields stay. {@code version}: the settings' version last read (stale → 409). */
    public record SettingsChange(Long version, Instant opensAt, Instant closesAt, String allowedDomains) {
    }

    /**
     * A category's fields; absent ones stay (on a new category the defaults apply); {@code unlimited}
     * clears both capacities before the given ones are set.
     */
    public record CategoryChange(Long version, String code, String labelEn, String labelZh, String colour,
                                 Boolean verificationRequired, Boolean invitationRequired, Integer capacity,
                                 Integer capacityPerDay, List<String> validDays, Boolean daysSelectable,
                                 Integer sortOrder, Boolean enabled, Boolean unlimited) {
    }

    @Inject
    ExhibitionService exhibitions;

    @Inject
    PlaceCounters counters;

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegistrationSettings settings(long exhibitionId) {
        exhibitions.get(exhibitionId);
        return RegistrationSettings.<RegistrationSettings>find("exhibitionId", exhibitionId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Registration settings"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationCategory> categories(long exhibitionId) {
        return RegistrationCategory.list("exhibitionId", Sort.ascending("sortOrder", "id"), exhibitionId);
    }

    /** The enabled categories, in order, as the public form offers them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationCategory> openCategories(long exhibitionId) {
        return categories(exhibitionId).stream().filter(c -> c.enabled).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegistrationCategory category(long categoryId) {
        RegistrationCategory category = RegistrationCategory.findById(categoryId);
        if (category == null) {
            throw ProblemException.notFound("Registration category");
        }
        return category;
    }

    public RegistrationSettings changeSettings(long exhibitionId, SettingsChange change) {
        RegistrationSettings settings = settings(exhibitionId);
        if (change.version() != null && change.version() != settings.version) {
            throw ProblemException.conflict("registration_changedMeanwhile");
        }
        Instant opens = change.opensAt() != null ? change.opensAt() : settings.opensAt;
        Instant closes = change.closesAt() != null ? change.closesAt() : settings.closesAt;
        if (!closes.isAfter(opens)) {
            throw ProblemException.invalid("closesAt", "registration_closesBeforeOpens");
        }
        settings.opensAt = opens;
        settings.closesAt = closes;
        if (change.allowedDomains() != null) {
            List<String> domains = Arrays.stream(change.allowedDomains().split("[,\\s]+"))
                    .map(d -> d.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", "")).filter(d -> !d.isEmpty())
                    .distinct().toList();
            if (domains.stream().anyMatch(d -> !d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+"))) {
                throw ProblemException.invalid("allowedDomains", "registration_domainInvalid");
            }
            String joined = String.join(",", domains);
            if (joined.length() > 2000) {
                throw ProblemException.invalid("allowedDomains", "field_tooLong");
            }
            settings.allowedDomains = joined.isEmpty() ? null : joined;
        }
        return settings;
    }

    public RegistrationCategory addCategory(long exhibitionId, CategoryChange change) {
        Exhibition exhibition = exhibitions.get(exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        String code = FieldChecks.text(change.code(), "code", 32, true, errors);
        if (code != null) {
            code = code.toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z][A-Z0-9_]{0,31}")) {
                errors.add(new FieldError("code", "registration_codeInvalid"));
            } else if (RegistrationCategory.count("exhibitionId = ?1 and code = ?2", exhibitionId, code) > 0) {
                errors.add(new FieldError("code", "registration_codeTaken"));
            }
        }
        RegistrationCategory category = new RegistrationCategory();
        category.exhibitionId = exhibitionId;
        category.code = code;
        category.colour = "#57606a";
        Integer last = RegistrationCategory.getEntityManager().createQuery(
                        "select max(c.sortOrder) from RegistrationCategory c where c.exhibitionId = :e", Integer.class)
                .setParameter("e", exhibitionId).getSingleResult();
        category.sortOrder = (last == null ? 0 : last) + 10;
        apply(category, exhibition, change, errors);
        category.persist();
        counters.prepare(category, exhibition.opensOn, exhibition.closesOn);
        return category;
    }

    public RegistrationCategory changeCategory(long categoryId, CategoryChange change) {
        counters.lockForChange(categoryId);
        RegistrationCategory category = category(categoryId);
        if (change.version() != null && change.version() != category.version) {
            throw ProblemException.conflict("registration_changedMeanwhile");
        }
        boolean wasLimited = category.capacity != null || category.capacityPerDay != null;
        Exhibition exhibition = exhibitions.get(category.exhibitionId);
        apply(category, exhibition, change, new ArrayList<>());
        if (!wasLimited && (category.capacity != null || category.capacityPerDay != null)) {
            // an unlimited category keeps no counters (ADR 0011): they start from the registrations it has
            counters.recount(category, exhibition.opensOn, exhibition.closesOn);
        }
        return category;
    }

    private static void apply(RegistrationCategory c, Exhibition exhibition, CategoryChange change,
                              List<FieldError> errors) {
        if (change.labelEn() != null || c.labelEn == null) {
            c.labelEn = FieldChecks.text(change.labelEn(), "labelEn", 100, true, errors);
        }
        if (change.labelZh() != null || c.labelZh == null) {
            c.labelZh = FieldChecks.text(change.labelZh(), "labelZh", 100, true, errors);
        }
        if (change.colour() != null) {
            String colour = change.colour().trim().toLowerCase(Locale.ROOT);
            if (!colour.matches("#[0-9a-f]{6}")) {
                errors.add(new FieldError("colour", "registration_colourInvalid"));
            } else {
                c.colour = colour;
            }
        }
        if (change.verificationRequired() != null) {
            c.verificationRequired = change.verificationRequired();
        }
        if (change.invitationRequired() != null) {
            c.invitationRequired = change.invitationRequired();
        }
        if (Boolean.TRUE.equals(change.unlimited())) {
            c.capacity = null;
            c.capacityPerDay = null;
        }
        if (change.capacity() != null) {
            if (change.capacity() < 0) {
                errors.add(new FieldError("capacity", "registration_capacityNegative"));
            }
            c.capacity = change.capacity();
        }
        if (change.capacityPerDay() != null) {
            if (change.capacityPerDay() < 0) {
                errors.add(new FieldError("capacityPerDay", "registration_capacityNegative"));
            }
            c.capacityPerDay = change.capacityPerDay();
        }
        if (change.validDays() != null) {
            List<LocalDate> days = new ArrayList<>();
            for (String d : change.validDays()) {
                if (d == null || d.isBlank()) {
                    continue;
                }
                try {
                    LocalDate day = LocalDate.parse(d.trim());
                    if (day.isBefore(exhibition.opensOn) || day.isAfter(exhibition.closesOn)) {
                        errors.add(new FieldError("validDays", "registration_dayNotShowDay"));
                    } else if (!days.contains(day)) {
                        days.add(day);
                    }
                } catch (java.time.format.DateTimeParseException notADate) {
                    errors.add(new FieldError("validDays", "registration_dayInvalid"));
                }
            }
            days.sort(null);
            c.validDays = days.isEmpty() ? null : days.stream().map(LocalDate::toString).collect(Collectors.joining(","));
        }
        if (change.daysSelectable() != null) {
            c.daysSelectable = change.daysSelectable();
        }
        if (change.sortOrder() != null) {
            c.sortOrder = change.sortOrder();
        }
        if (change.enabled() != null) {
            c.enabled = change.enabled();
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
