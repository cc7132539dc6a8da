package org.expodesk.party.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.util.Locale;

/**
 * A product category of the managed taxonomy: a top-level category or (with a parent) one of its
 * sub-categories. A retired one stays on the records that have it but cannot be chosen anew.
 */
@Entity
@Table(name = "product_category")
public class ProductCategory extends AuditedEntity {

    @Column(name = "parent_id")
    public Long parentId;

    /** Stable: what the API and other features refer to. */
    @Column(nullable = false, length = 32, updatable = false)
    public String code;

    @Column(name = "name_en", nullable = false, length = 200)
    public String nameEn;

    @Column(name = "name_zh", nullable = false, length = 200)
    public String nameZh;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(nullable = false)
    public boolean active = true;

    /** The name in the reader's language: Chinese for any Chinese locale, else English. */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
