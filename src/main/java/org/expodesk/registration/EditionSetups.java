package org.expodesk.registration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a registration reads of its edition's set-up: the settings, read every time (window and allowed
 * domains, with the set-up's version), and the categories and questions, which staff rarely change: kept in
 * memory per edition with the {@code setup_version} they were read at (V45), and read again when the
 * settings row carries another one. Every write of a category or question moves that number in its own
 * transaction ({@link SetupVersionListener}), so a node sees another node's change at its next registration,
 * in the snapshot the registration reads everything else in. Categories are handed out as copies: what a
 * registration does with one never reaches the next.
 */
@ApplicationScoped
public class EditionSetups {

    /** An edition's set-up as one registration sees it. {@code settings} is null for an edition without any. */
    public record Setup(RegistrationSettings settings, Categories categories) {

        public Optional<RegistrationCategory> category(String code) {
            return Optional.ofNullable(categories.byCode().get(code)).map(EditionSetups::copy);
        }

        public Optional<RegistrationCategory> category(long id) {
            return Optional.ofNullable(categories.byId().get(id)).map(EditionSetups::copy);
        }

        /** The category's questions in order; shared, never to be changed. */
        public List<RegistrationQuestion> questions(long categoryId) {
            return categories.questions().getOrDefault(categoryId, List.of());
        }
    }

    /** The categories and questions of an edition as read at {@code version}. */
    record Categories(long version, Map<String, RegistrationCategory> byCode, Map<Long, RegistrationCategory> byId,
                      Map<Long, List<RegistrationQuestion>> questions, long readAtNanos) {

        boolean current(long version) {
            return this.version == version && System.nanoTime() - readAtNanos < MAX_AGE_NANOS;
        }
    }

    /**
     * However the version stands, kept categories are read again after a minute: a write that the listener
     * does not see (SQL by hand, a node of the previous release during a rolling deploy, a version number
     * used again after a rollback) reaches every node within that time instead of never.
     */
    private static final long MAX_AGE_NANOS = Duration.ofMinutes(1).toNanos();

    private static final String MOVE = "UPDATE registration_settings SET setup_version = setup_version + 1"
            + " WHERE exhibition_id = ?";
    private static final String MOVE_FOR_CATEGORY = "UPDATE registration_settings SET setup_version = setup_version + 1"
            + " WHERE exhibition_id = (SELECT exhibition_id FROM registration_category WHERE id = ?)";

    @Inject
    AgroalDataSource dataSource;

    private final Map<Long, Categories> kept = new ConcurrentHashMap<>();

    /** The edition's set-up in the caller's transaction: one read when its categories are kept already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Setup of(long exhibitionId) {
        RegistrationSettings settings = RegistrationSettings.<RegistrationSettings>find("exhibitionId", exhibitionId)
                .firstResult();
        return of(exhibitionId, settings);
    }

    /**
     * The same with the settings row the caller has just read in its transaction (a public submit reads it with the
     * earlier registrations, in one statement): never kept, only its version compared.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Setup of(RegistrationSettings settings) {
        return of(settings.exhibitionId, settings);
    }

    private Setup of(long exhibitionId, RegistrationSettings settings) {
        long version = settings == null ? -1 : settings.setupVersion;
        Categories categories = kept.get(exhibitionId);
        if (categories == null || !categories.current(version)) {
            categories = read(exhibitionId, version);
            if (settings != null) {
                kept.put(exhibitionId, categories);
            }
        }
        return new Setup(settings, categories);
    }

    private static Categories read(long exhibitionId, long version) {
        Map<String, RegistrationCategory> byCode = new HashMap<>();
        Map<Long, RegistrationCategory> byId = new HashMap<>();
        List<RegistrationCategory> categories = RegistrationCategory.list("exhibitionId", exhibitionId);
        for (RegistrationCategory c : categories) {
            RegistrationCategory copy = copy(c);
            byCode.put(copy.code, copy);
            byId.put(copy.id, copy);
        }
        Map<Long, List<RegistrationQuestion>> questions = new HashMap<>();
        if (!byId.isEmpty()) {
            List<RegistrationQuestion> all = RegistrationQuestion.list("categoryId in ?1", Sort.ascending("sortOrder", "id"),
                    List.copyOf(byId.keySet()));
            for (RegistrationQuestion q : all) {
                questions.computeIfAbsent(q.categoryId, id -> new java.util.ArrayList<>()).add(copy(q));
            }
        }
        questions.replaceAll((id, list) -> List.copyOf(list));
        return new Categories(version, Map.copyOf(byCode), Map.copyOf(byId), Map.copyOf(questions), System.nanoTime());
    }

    /** Moves the edition's set-up version (a category of it was written); joins the writer's transaction. */
    void moveForEdition(long exhibitionId) {
        move(MOVE, exhibitionId);
    }

    /** Moves the set-up version of the category's edition (a question of it was written). */
    void moveForCategory(long categoryId) {
        move(MOVE_FOR_CATEGORY, categoryId);
    }

    // plain JDBC on the transaction's connection, as the audit log writes: Hibernate calls this while it flushes
    private void move(String sql, long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the registration set-up's version", e);
        }
    }

    static RegistrationCategory copy(RegistrationCategory c) {
        RegistrationCategory copy = new RegistrationCategory();
        copy.id = c.id;
        copy.version = c.version;
        copy.createdAt = c.createdAt;
        copy.updatedAt = c.updatedAt;
        copy.exhibitionId = c.exhibitionId;
        copy.code = c.code;
        copy.labelEn = c.labelEn;
        copy.labelZh = c.labelZh;
        copy.colour = c.colour;
        copy.verificationRequired = c.verificationRequired;
        copy.invitationRequired = c.invitationRequired;
        copy.capacity = c.capacity;
        copy.capacityPerDay = c.capacityPerDay;
        copy.validDays = c.validDays;
        copy.daysSelectable = c.daysSelectable;
        copy.sortOrder = c.sortOrder;
        copy.enabled = c.enabled;
        return copy;
    }

    static RegistrationQuestion copy(RegistrationQuestion q) {
        RegistrationQuestion copy = RegistrationQuestion.askingAs(q);
        copy.id = q.id;
        copy.version = q.version;
        copy.createdAt = q.createdAt;
        copy.updatedAt = q.updatedAt;
        copy.categoryId = q.categoryId;
        return copy;
    }
}
