package org.expodesk.party.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which column goes to which field: guessed from headers, saved per source, reused. */
@ApplicationScoped
@Transactional
public class Mappings {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The mapping for these headers: the saved one of the source where it knows a header, else the header's name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> guess(ImportKind kind, List<String> header, String source) {
        Map<String, String> saved = saved(kind, source).orElse(Map.of());
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String h : header) {
            String key = key(h);
            String field = saved.containsKey(key) ? saved.get(key) : kind.fieldFor(h);
            if (field != null && !field.isEmpty() && kind.fields().contains(field)) {
                mapping.put(key, field);
            }
        }
        return mapping;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Map<String, String>> saved(ImportKind kind, String source) {
        if (source == null || source.isBlank()) {
            return Optional.empty();
        }
        return SavedMapping.<SavedMapping>find("kind = ?1 and source = ?2", kind, source.trim()).firstResultOptional()
                .map(m -> read(m.mapping));
    }

    /** Remembers the mapping for the source; headers mapped to nothing are remembered as such. */
    public void save(ImportKind kind, String source, Map<String, String> mapping) {
        SavedMapping m = SavedMapping.<SavedMapping>find("kind = ?1 and source = ?2", kind, source.trim())
                .firstResultOptional().orElseGet(SavedMapping::new);
        m.kind = kind;
        m.source = source.trim();
        m.mapping = write(mapping);
        m.updatedAt = Instant.now(clock);
        if (m.id == null) {
            m.persist();
        }
    }

    /** Each column's target field for this header, or null. */
    static String[] columns(ImportKind kind, List<String> header, Map<String, String> mapping) {
        String[] columns = new String[header.size()];
        for (int i = 0; i < columns.length; i++) {
            String field = mapping.get(key(header.get(i)));
            columns[i] = field != null && kind.fields().contains(field) ? field : null;
        }
        return columns;
    }

    static String key(String header) {
        return header == null ? "" : header.trim().toLowerCase(Locale.ROOT);
    }

    Map<String, String> read(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored import mapping is not JSON", e);
        }
    }

    String write(Map<String, String> mapping) {
        try {
            return json.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
