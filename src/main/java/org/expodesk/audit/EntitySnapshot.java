package org.expodesk.audit;

import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The audited values of an entity's persistent fields, as strings. */
final class EntitySnapshot {

    static final String REDACTED = "[redacted]";
    /** A redacted value is kept as a digest, so that a change of it is seen, but never shown. */
    private static final String DIGEST_PREFIX = "\u0000redacted:";
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    private static final List<String> BOOKKEEPING = List.of("createdAt", "updatedAt");

    private EntitySnapshot() {
    }

    static Map<String, String> of(Object entity) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : fieldsOf(entity.getClass())) {
            try {
                Object value = field.get(entity);
                values.put(field.getName(), field.isAnnotationPresent(AuditRedacted.class)
                        ? (value == null ? null : DIGEST_PREFIX + digest(String.valueOf(value))) : render(field, value));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + field, e);
            }
        }
        return values;
    }

    /** What the audit log shows of a snapshot value. */
    static String display(String value) {
        return value != null && value.startsWith(DIGEST_PREFIX) ? REDACTED : value;
    }

    private static String digest(String value) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String render(Field field, Object value) {
        if (value == null) {
            return null;
        }
        if (field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class)) {
            return value instanceof AuditedEntity related ? String.valueOf(related.id) : String.valueOf(value);
        }
        return String.valueOf(value);
    }

    private static List<Field> fieldsOf(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (isAudited(f)) {
                        f.setAccessible(true);
                        fields.add(f);
                    }
                }
            }
            return List.copyOf(fields);
        });
    }

    private static boolean isAudited(Field f) {
        int mod = f.getModifiers();
        return !Modifier.isStatic(mod) && !Modifier.isTransient(mod)
                && !f.isAnnotationPresent(Transient.class) && !f.isAnnotationPresent(Version.class)
                && !f.isAnnotationPresent(Id.class) && !f.isAnnotationPresent(AuditIgnored.class)
                && !BOOKKEEPING.contains(f.getName())
                && !Collection.class.isAssignableFrom(f.getType()) && !Map.class.isAssignableFrom(f.getType())
                && !f.getName().startsWith("$$");
    }
}
