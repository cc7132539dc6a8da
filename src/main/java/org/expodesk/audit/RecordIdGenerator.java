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
 * an entity marked {@link ReservedIds}, an id from its source before the insert. Decided once per entity type.
 */
public class RecordIdGenerator extends IdentityGenerator
        implements BeforeExecutionGenerator, AnnotationBasedGenerator<RecordId> {

    private Class<? extends ReservedIds.Source> source;

    @Override
    public void initialize(RecordId annotation, Member member, GeneratorCreationContext context) {
        ReservedIds reserved = context.getPersistentClass().getMappedClass().getAnnotation(ReservedIds.class);
        source = reserved == null ? null : reserved.value();
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
        return Arc.container().instance(source).get().next();
    }
}
