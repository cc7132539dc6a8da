package org.expodesk.registration;

import jakarta.persistence.Transient;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept set-up hands out copies of categories and questions (ADR 0023): a field added to either and
 * left out of the copy would reach registrations as its default, silently. Every field is filled here.
 */
class EditionSetupsCopyTest {

    @Test
    void aCategorysCopyHoldsEveryFieldOfIt() throws Exception {
        RegistrationCategory category = filled(new RegistrationCategory());
        assertThat(EditionSetups.copy(category)).usingRecursiveComparison().isEqualTo(category);
    }

    @Test
    void aQuestionsCopyHoldsEveryFieldOfIt() throws Exception {
        RegistrationQuestion question = filled(new RegistrationQuestion());
        assertThat(EditionSetups.copy(question)).usingRecursiveComparison().isEqualTo(question);
    }

    /** Every persistent field, up to the entity base classes, set to a value no constructor gives it. */
    private static <T> T filled(T entity) throws Exception {
        int n = 0;
        for (Class<?> c = entity.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers()) || f.isSynthetic()
                        || f.isAnnotationPresent(Transient.class) || f.getName().startsWith("$$_hibernate")) {
                    continue;
                }
                f.setAccessible(true);
                f.set(entity, sample(f.getType(), ++n, f.get(entity)));
            }
        }
        return entity;
    }

    private static Object sample(Class<?> type, int n, Object current) {
        if (type == String.class) {
            return "value" + n;
        }
        if (type == Long.class || type == long.class) {
            return 1000L + n;
        }
        if (type == Integer.class || type == int.class) {
            return 1000 + n;
        }
        if (type == Boolean.class || type == boolean.class) {
            return !(current instanceof Boolean b && b);
        }
        if (type == Instant.class) {
            return Instant.parse("2027-06-14T08:00:00Z").plusSeconds(n);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2027, 6, 14).plusDays(n);
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return values[values.length - 1];
        }
        throw new AssertionError("no sample for a field of type " + type + ": add one");
    }
}
