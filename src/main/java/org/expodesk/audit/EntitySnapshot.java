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
    /** An audited field and what its annotations say, looked up once per class rather than on every snapshot. */
    private record Audited(Field field, boolean redacted, boolean relation) {
    }

    private static final Map<Class<?>, List<Audited>> FIELDS = new ConcurrentHashMap<>();
    private static final List<String> BOOKKEEPING = List.of("createdAt", "updatedAt");

    private EntitySnapshot() {
    }

    static Map<String, String> of(Object entity) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Audited audited : fieldsOf(entity.getClass())) {
            try {
                Object value = audited.field().get(entity);
                values.put(audited.field().getName(), audited.redacted()
                        ? (value == null ? null : DIGEST_PREFIX + digest(String.valueOf(value)))
                        : render(audited.relation(), value));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + audited.field(), e);
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

    private static String render(boolean relation, Object value) {
        if (value == null) {
            return null;
        }
        if (relation) {
            return value instanceof AuditedEntity related ? String.valueOf(related.id) : String.valueOf(value);
        }
        return String.valueOf(value);
    }

    private static List<Audited> fieldsOf(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Audited> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (isAudited(f)) {
                        f.setAccessible(true);
                        fields.add(new Audited(f, f.isAnnotationPresent(AuditRedacted.class),
                                f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class)));
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
