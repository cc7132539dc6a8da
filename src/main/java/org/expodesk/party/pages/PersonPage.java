package org.expodesk.party.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.party.Contacts;
import org.expodesk.party.Employment;
import org.expodesk.party.Interaction;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.platform.Roles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One person seen whole: details, the companies they worked for, contacts with them. */
@Path("/customers/people/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class PersonPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance person(Person person, List<Employment> employments,
                                              Map<Long, String> organizationNames, List<Interaction> interactions);
    }

    @Inject
    People people;

    @Inject
    Organizations organizations;

    @Inject
    Contacts contacts;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        Person person = people.get(id);
        List<Employment> employments = people.employments(id);
        Map<Long, String> names = new HashMap<>();
        employments.forEach(e -> names.computeIfAbsent(e.organizationId, o -> organizations.get(o).name));
        return Templates.person(person, employments, names,
                contacts.interactionsOf(new PartyRef(PartyRef.Kind.PERSON, id)));
    }
}
