package org.expodesk.party.category;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** One category an organization is in; changes are audited on the organization by the caller. */
@Entity
@Table(name = "organization_category")
@IdClass(OrganizationCategory.Key.class)
public class OrganizationCategory extends PanacheEntityBase {

    public static class Key implements Serializable {
        public Long organizationId;
        public Long categoryId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(organizationId, k.organizationId)
                    && java.util.Objects.equals(categoryId, k.categoryId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(organizationId, categoryId);
        }
    }

    @Id
    @Column(name = "organization_id")
    public Long organizationId;

    @Id
    @Column(name = "category_id")
    public Long categoryId;
}
