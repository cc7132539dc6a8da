package org.expodesk.exhibition;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Exhibitions, their stages and calendars: what other features ask about an exhibition. */
@ApplicationScoped
@Transactional
public class ExhibitionService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,31}");

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<CalendarChanged> calendarChanged;

    @Inject
    jakarta.enterprise.event.Event<EditionCreated> editionCreated;

    @Inject
    org.expodesk.account.UserService users;

    public record NewExhibition(String code, String name, String venue, String city, String timezone,
                                LocalDate opensOn, LocalDate closesOn, LocalDate buildUpFrom, LocalDate tearDownUntil,
                                String series) {
    }

    /** A stage as a plan template wants it: code, name (null for the default), window. */
    public record StagePlan(String code, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    public Exhibition create(NewExhibition request) {
        return create(request, null);
    }

    /** A new exhibition with the given stages instead of the default ones (when not null). */
    public Exhibition create(NewExhibition request, List<StagePlan> stagePlans) {
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Exhibition exhibition = new Exhibition();
        exhibition.series = seriesFor(request);
        exhibition.code = request.code().trim();
        exhibition.name = request.name().trim();
        exhibition.venue = request.venue().trim();
        exhibition.city = request.city().trim();
        exhibition.timezone = request.timezone().trim();
        exhibition.opensOn = request.opensOn();
        exhibition.closesOn = request.closesOn();
        exhibition.buildUpFrom = request.buildUpFrom();
        exhibition.tearDownUntil = request.tearDownUntil();
        exhibition.persist();
        if (stagePlans != null && !stagePlans.isEmpty()) {
            int position = 0;
            for (StagePlan plan : stagePlans) {
                Stage stage = new Stage();
                stage.exhibitionId = exhibition.id;
                stage.position = position++;
                stage.code = plan.code();
                stage.name = plan.name();
                stage.startsOn = plan.startsOn();
                stage.endsOn = plan.endsOn().isBefore(plan.startsOn()) ? plan.startsOn() : plan.endsOn();
                stage.persist();
            }
            editionCreated.fire(new EditionCreated(exhibition.id, null));
            return exhibition;
        }
        int position = 0;
        for (DefaultStage kind : DefaultStage.values()) {
            Stage stage = new Stage();
            stage.exhibitionId = exhibition.id;
            stage.position = position++;
            stage.code = kind.name();
            stage.startsOn = kind.startsOn(exhibition.opensOn, exhibition.closesOn);
            stage.endsOn = kind.endsOn(exhibition.opensOn, exhibition.closesOn);
            stage.persist();
        }
        editionCreated.fire(new EditionCreated(exhibition.id, null));
        return exhibition;
    }

    /** A new edition and the stage it gives for each stage of the source, dates shifted alike. */
    public record Edition(Exhibition exhibition, long offsetDays, java.util.Map<Long, Long> stageIds) {
    }

    /**
     * The next edition of an exhibition's series: same venue, city and time zone, every stage
     * moved by the same number of days as opening day (build-up and tear-down likewise), open again.
     */
    public Edition createEdition(long sourceId, String code, String name, LocalDate opensOn, LocalDate closesOn,
                                 boolean copyManagers) {
        Exhibition source = get(sourceId);
        long offset = opensOn == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(source.opensOn, opensOn);
        NewExhibition request = new NewExhibition(code, name, source.venue, source.city, source.timezone, opensOn,
                closesOn, source.buildUpFrom == null ? null : source.buildUpFrom.plusDays(offset),
                source.tearDownUntil == null || closesOn == null ? null
                        : closesOn.plusDays(java.time.temporal.ChronoUnit.DAYS.between(source.closesOn, source.tearDownUntil)),
                source.series.code);
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Exhibition edition = new Exhibition();
        edition.series = source.series;
        edition.code = code.trim();
        edition.name = name.trim();
        edition.venue = source.venue;
        edition.city = source.city;
        edition.timezone = source.timezone;
        edition.opensOn = opensOn;
        edition.closesOn = closesOn;
        edition.buildUpFrom = request.buildUpFrom();
        edition.tearDownUntil = request.tearDownUntil();
        edition.persist();
        java.util.Map<Long, Long> stageIds = new java.util.HashMap<>();
        for (Stage old : stages(sourceId)) {
            Stage stage = new Stage();
            stage.exhibitionId = edition.id;
            stage.position = old.position;
            stage.code = old.code;
            stage.name = old.name;
            stage.managerId = copyManagers ? old.managerId : null;
            if (old.code.equals(DefaultStage.SHOW_DAYS.name())) {
                stage.startsOn = opensOn;
                stage.endsOn = closesOn;
            } else {
                stage.startsOn = old.startsOn.plusDays(offset);
                stage.endsOn = old.endsOn.plusDays(offset);
            }
            stage.persist();
            stageIds.put(old.id, stage.id);
        }
        editionCreated.fire(new EditionCreated(edition.id, sourceId));
        return new Edition(edition, offset, stageIds);
    }

    private List<FieldError> validate(NewExhibition r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.code() == null || !CODE.matcher(r.code().trim()).matches()) {
            errors.add(new FieldError("code", "exhibition_code_invalid"));
        } else if (Exhibition.count("code", r.code().trim()) > 0) {
            errors.add(new FieldError("code", "exhibition_code_taken"));
        }
        requireText(errors, "name", r.name(), 200);
        requireText(errors, "venue", r.venue(), 200);
        requireText(errors, "city", r.city(), 100);
        if (r.timezone() == null || r.timezone().isBlank()) {
            errors.add(new FieldError("timezone", "exhibition_timezone_invalid"));
        } else {
            try {
                ZoneId.of(r.timezone().trim());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timezone", "exhibition_timezone_invalid"));
            }
        }
        if (r.opensOn() == null) {
            errors.add(new FieldError("opensOn", "exhibition_date_required"));
        }
        if (r.closesOn() == null) {
            errors.add(new FieldError("closesOn", "exhibition_date_required"));
        }
        if (r.opensOn() != null && r.closesOn() != null) {
            if (r.closesOn().isBefore(r.opensOn())) {
                errors.add(new FieldError("closesOn", "exhibition_closesBeforeOpening"));
            } else if (r.closesOn().isAfter(r.opensOn().plusDays(60))) {
                errors.add(new FieldError("closesOn", "exhibition_tooLong"));
            }
            if (r.buildUpFrom() != null && (r.buildUpFrom().isAfter(r.opensOn())
                    || r.buildUpFrom().isBefore(r.opensOn().minusDays(30)))) {
                errors.add(new FieldError("buildUpFrom", "exhibition_buildUpOutside"));
            }
            if (r.tearDownUntil() != null && (r.tearDownUntil().isBefore(r.closesOn())
                    || r.tearDownUntil().isAfter(r.closesOn().plusDays(30)))) {
                errors.add(new FieldError("tearDownUntil", "exhibition_tearDownOutside"));
            }
        }
        return errors;
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            errors.add(new FieldError(field, "field_required"));
        }
    }

    private ShowSeries seriesFor(NewExhibition request) {
        String code = request.series() == null || request.series().isBlank()
                ? request.code().trim().replaceAll("[-_]?\\d{2,4}$", "") : request.series().trim();
        if (code.isBlank()) {
            code = request.code().trim();
        }
        String seriesCode = code.toUpperCase(Locale.ROOT);
        return ShowSeries.<ShowSeries>find("code", seriesCode).firstResultOptional().orElseGet(() -> {
            ShowSeries series = new ShowSeries();
            series.code = seriesCode;
            series.name = request.name().trim();
            series.persist();
            return series;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Exhibition get(long id) {
        Exhibition exhibition = Exhibition.findById(id);
        if (exhibition == null) {
            throw ProblemException.notFound("Exhibition");
        }
        return exhibition;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Exhibition> findById(long id) {
        return Exhibition.findByIdOptional(id);
    }

    /** The edition a public page or link names by its code; 404 for none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Exhibition byCode(String code) {
        return Exhibition.<Exhibition>find("code", code == null ? "" : code.trim()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Exhibition"));
    }

    /** The edition of the same series that opened last before this one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Exhibition> previousEdition(long id) {
        Exhibition e = get(id);
        return Exhibition.<Exhibition>find("series = ?1 and opensOn < ?2 and id <> ?3 order by opensOn desc, id desc",
                e.series, e.opensOn, e.id).firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Exhibition> list() {
        return Exhibition.list("from Exhibition e join fetch e.series order by e.opensOn desc, e.id desc");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stage> stages(long exhibitionId) {
        return Stage.list("exhibitionId", Sort.ascending("position"), exhibitionId);
    }

    /** A stage of this exhibition by id or by code; anything else is a field error. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Stage stage(long exhibitionId, String reference, String field) {
        if (reference == null || reference.isBlank()) {
            throw ProblemException.invalid(field, "stage_unknown");
        }
        String ref = reference.trim();
        Optional<Stage> found = ref.matches("\\d+")
                ? Stage.<Stage>findByIdOptional(Long.parseLong(ref)).filter(s -> s.exhibitionId == exhibitionId)
                : Stage.<Stage>find("exhibitionId = ?1 and code = ?2", exhibitionId, ref.toUpperCase(Locale.ROOT))
                .firstResultOptional();
        return found.orElseThrow(() -> ProblemException.invalid(field, "stage_unknown"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stage stageById(long stageId) {
        Stage stage = Stage.findById(stageId);
        if (stage == null) {
            throw ProblemException.notFound("Stage");
        }
        return stage;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingCalendar calendar(long exhibitionId) {
        Exhibition exhibition = get(exhibitionId);
        List<Holiday> holidays = Holiday.list("exhibitionId", exhibitionId);
        return WorkingCalendar.of(exhibition, holidays.stream().map(h -> h.day).collect(Collectors.toCollection(HashSet::new)));
    }

    /** The first and last day any stage of the exhibition covers: its planning horizon. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate[] horizon(long exhibitionId) {
        List<Stage> stages = stages(exhibitionId);
        LocalDate first = stages.stream().map(s -> s.startsOn).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = stages.stream().map(s -> s.endsOn).max(LocalDate::compareTo).orElseThrow();
        return new LocalDate[] {first, last};
    }

    /**
     * Holds the exhibition's row until the end of the transaction, so that changes to its plan
     * that must see each other (dependencies, say) happen one after the other. Plain SQL: see
     * SignInService for why not Hibernate's lock.
     */
    public void lock(long exhibitionId) {
        if (Exhibition.getEntityManager().createNativeQuery("SELECT id FROM exhibition WHERE id = ?1 FOR UPDATE")
                .setParameter(1, exhibitionId).getResultList().isEmpty()) {
            throw ProblemException.notFound("Exhibition");
        }
    }

    /** Holds a stage's row until the end of the transaction: its gate and new tasks take turns. */
    public Stage lockStage(long stageId) {
        Stage.getEntityManager().createNativeQuery("SELECT id FROM stage WHERE id = ?1 FOR UPDATE")
                .setParameter(1, stageId).getResultList();
        Stage stage = stageById(stageId);
        Stage.getEntityManager().refresh(stage);
        return stage;
    }

    /** Marks a stage closed; the caller (the plan's stage gate) has checked that nothing blocks it. */
    public Stage close(long stageId, String by) {
        Stage stage = stageById(stageId);
        if (stage.isClosed()) {
            throw ProblemException.conflict("The stage is already closed");
        }
        stage.closedAt = Instant.now(clock);
        stage.closedBy = by;
        return stage;
    }

    /** Changes to a stage; null fields stay. {@code version} must be the one the editor saw. */
    public record StageChanges(Long version, String name, LocalDate startsOn, LocalDate endsOn, String manager) {
    }

    public Stage updateStage(long stageId, StageChanges changes) {
        Stage stage = stageById(stageId);
        if (changes.version() == null || changes.version() != stage.version) {
            throw ProblemException.conflict("The stage was changed by someone else in the meantime (version "
                    + stage.version + " now); reload it and apply your change again");
        }
        List<FieldError> errors = new ArrayList<>();
        if (changes.name() != null) {
            if (changes.name().length() > 200) {
                errors.add(new FieldError("name", "field_tooLong"));
            }
            stage.name = changes.name().isBlank() ? null : changes.name().trim();
        }
        LocalDate starts = changes.startsOn() != null ? changes.startsOn() : stage.startsOn;
        LocalDate ends = changes.endsOn() != null ? changes.endsOn() : stage.endsOn;
        if (ends.isBefore(starts)) {
            errors.add(new FieldError("endsOn", "stage_endsBeforeStart"));
        }
        stage.startsOn = starts;
        stage.endsOn = ends;
        if (changes.manager() != null) {
            stage.managerId = changes.manager().isBlank() ? null : users.findStaff(changes.manager())
                    .map(u -> u.id).orElseGet(() -> {
                        errors.add(new FieldError("manager", "task_unknownStaff"));
                        return null;
                    });
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        calendarChanged.fire(new CalendarChanged(stage.exhibitionId));
        return stage;
    }

    /** A stage staff add to the default ones, placed after the stage at {@code afterPosition}. */
    public Stage addStage(long exhibitionId, String code, String name, LocalDate startsOn, LocalDate endsOn) {
        get(exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        String stageCode = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!stageCode.matches("[A-Z0-9_]{2,32}")) {
            errors.add(new FieldError("code", "stage_codeInvalid"));
        } else if (Stage.count("exhibitionId = ?1 and code = ?2", exhibitionId, stageCode) > 0) {
            errors.add(new FieldError("code", "stage_codeTaken"));
        }
        requireText(errors, "name", name, 200);
        if (startsOn == null) {
            errors.add(new FieldError("startsOn", "exhibition_date_required"));
        }
        if (endsOn == null) {
            errors.add(new FieldError("endsOn", "exhibition_date_required"));
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("endsOn", "stage_endsBeforeStart"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Stage> stages = stages(exhibitionId);
        int position = 0;
        for (Stage s : stages) {
            if (!s.startsOn.isAfter(startsOn)) {
                position = s.position + 1;
            }
        }
        for (Stage s : stages) {
            if (s.position >= position) {
                s.position++;
            }
        }
        Stage stage = new Stage();
        stage.exhibitionId = exhibitionId;
        stage.position = position;
        stage.code = stageCode;
        stage.name = name.trim();
        stage.startsOn = startsOn;
        stage.endsOn = endsOn;
        stage.persist();
        calendarChanged.fire(new CalendarChanged(exhibitionId));
        return stage;
    }

    /** Removes a stage; the plan checks first that no task is in it. */
    public void removeStage(long stageId) {
        Stage stage = stageById(stageId);
        if (stages(stage.exhibitionId).size() == 1) {
            throw ProblemException.conflict("An exhibition keeps at least one stage");
        }
        stage.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Holiday> holidays(long exhibitionId) {
        return Holiday.list("exhibitionId", Sort.ascending("day"), exhibitionId);
    }

    public Holiday addHoliday(long exhibitionId, LocalDate day, String name) {
        get(exhibitionId);
        if (day == null) {
            throw ProblemException.invalid("day", "exhibition_date_required");
        }
        if (Holiday.count("exhibitionId = ?1 and day = ?2", exhibitionId, day) > 0) {
            throw ProblemException.conflict("That day is already a holiday");
        }
        Holiday holiday = new Holiday();
        holiday.exhibitionId = exhibitionId;
        holiday.day = day;
        holiday.name = name == null || name.isBlank() ? day.toString() : name.trim();
        holiday.persist();
        calendarChanged.fire(new CalendarChanged(exhibitionId));
        return holiday;
    }
}
