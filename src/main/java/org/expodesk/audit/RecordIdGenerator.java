package org.expodesk.audit;

import io.quarkus.arc.Arc;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.AnnotationBasedGenerator;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.GeneratorCreationContext;
import org.hibernate.id.IdentityGenerator;

import java.lang.reflect.Member;

/**
 * The id of an {@link AuditedEntity}: the table's AUTO_INCREMENT (exactly Hibernate's identity generator), or, for
 * an entity marked {@link ReservedIds}, an id from {@link IdBlocks} before the insert. Decided once per entity type.
 */
public class RecordIdGenerator extends IdentityGenerator
        implements BeforeExecutionGenerator, AnnotationBasedGenerator<RecordId> {

    /** The entity, when it is marked {@link ReservedIds}; else null. */
    private Class<?> source;

    @Override
    public void initialize(RecordId annotation, Member member, GeneratorCreationContext context) {
        Class<?> entity = context.getPersistentClass().getMappedClass();
        source = entity.isAnnotationPresent(ReservedIds.class) ? entity : null;
    }

    @Override
    public boolean generatedOnExecution() {
        return source == null;
    }

    @Override
    public boolean generatedOnExecution(Object entity, SharedSessionContractImplementor session) {
        return source == null;
    }

    @Override
    public boolean generatedBeforeExecution(Object entity, SharedSessionContractImplementor session) {
        return source != null;
    }

    @Override
    public boolean allowAssignedIdentifiers() {
        return source != null;
    }

    @Override
    public Object generate(SharedSessionContractImplementor session, Object owner, Object currentValue,
                           EventType eventType) {
        if (currentValue != null) {
            return currentValue;
        }
        return Arc.container().instance(IdBlocks.class).get().next(source);
    }
}
