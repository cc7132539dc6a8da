package org.expodesk.registration;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Every category or question written, whoever writes it (a staff page, the API, a new edition's copy, a test),
 * moves its edition's {@code setup_version} in the same transaction, so that {@link EditionSetups} on every node
 * sees the change at its next registration.
 */
public class SetupVersionListener {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        EditionSetups setups = Arc.container().instance(EditionSetups.class).get();
        if (entity instanceof RegistrationCategory category) {
            setups.moveForEdition(category.exhibitionId);
        } else if (entity instanceof RegistrationQuestion question) {
            setups.moveForCategory(question.categoryId);
        }
    }
}
