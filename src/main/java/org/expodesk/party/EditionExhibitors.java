package org.expodesk.party;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who exhibits at an edition, for features that write to them (follow-up rules): the organizations
 * that take part as EXHIBITOR, and their people together with people taking part as exhibitor staff.
 * Merged-away and erased records are left out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EditionExhibitors {

    private static final List<ParticipationRole> EXHIBITING =
            List.of(ParticipationRole.EXHIBITOR, ParticipationRole.EXHIBITOR_STAFF);

    /** Organizations exhibiting at the edition, by name. */
    public List<Organization> organizations(long exhibitionId) {
        return Organization.list("mergedInto is null and id in (select p.organizationId from Participation p "
                + "where p.exhibitionId = ?1 and p.role = ?2 and p.organizationId is not null)",
                Sort.ascending("name", "id"), exhibitionId, ParticipationRole.EXHIBITOR);
    }

    /** The people of the exhibiting organizations and those taking part as exhibitor staff, each once. */
    public List<Person> people(long exhibitionId) {
        Map<Long, Person> people = new LinkedHashMap<>();
        Person.<Person>list("mergedInto is null and organizationId in (select p.organizationId from Participation p "
                        + "where p.exhibitionId = ?1 and p.role = ?2 and p.organizationId is not null)",
                Sort.ascending("id"), exhibitionId, ParticipationRole.EXHIBITOR).forEach(p -> people.put(p.id, p));
        Person.<Person>list("mergedInto is null and id in (select p.personId from Participation p "
                        + "where p.exhibitionId = ?1 and p.role in ?2 and p.personId is not null)",
                Sort.ascending("id"), exhibitionId, EXHIBITING).forEach(p -> people.putIfAbsent(p.id, p));
        return people.values().stream().filter(p -> !Privacy.isErased(p)).toList();
    }

    /** Everyone taking part in the edition: the exhibitors' people and every person with a part of their own, each once. */
    public List<Person> participants(long exhibitionId) {
        Map<Long, Person> people = new LinkedHashMap<>();
        people(exhibitionId).forEach(p -> people.put(p.id, p));
        Person.<Person>list("mergedInto is null and id in (select p.personId from Participation p "
                        + "where p.exhibitionId = ?1 and p.personId is not null)", Sort.ascending("id"), exhibitionId)
                .forEach(p -> people.putIfAbsent(p.id, p));
        return people.values().stream().filter(p -> !Privacy.isErased(p)).toList();
    }

    private static final List<ParticipationRole> VISITING = List.of(ParticipationRole.BUYER,
            ParticipationRole.PROFESSIONAL_VISITOR, ParticipationRole.VISITOR, ParticipationRole.PRESS);

    /** The people who registered to visit the edition (buyers, professionals, visitors, press), each once. */
    public List<Person> visitors(long exhibitionId) {
        return Person.<Person>list("mergedInto is null and id in (select p.personId from Participation p "
                        + "where p.exhibitionId = ?1 and p.role in ?2 and p.personId is not null)",
                Sort.ascending("id"), exhibitionId, VISITING).stream().filter(p -> !Privacy.isErased(p)).toList();
    }

    /** The people of these organizations, each once. */
    public List<Person> peopleOf(List<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return Person.<Person>list("mergedInto is null and organizationId in ?1", Sort.ascending("id"), organizationIds)
                .stream().filter(p -> !Privacy.isErased(p)).toList();
    }

    /** Names of organizations by id. */
    public Map<Long, String> organizationNames(java.util.Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            Organization.<Organization>list("id in ?1", ids).forEach(o -> names.put(o.id, o.name));
        }
        return names;
    }
}
