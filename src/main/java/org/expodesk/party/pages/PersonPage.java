package org.expodesk.party.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.Consent;
import org.expodesk.party.Consents;
import org.expodesk.party.Contacts;
import org.expodesk.party.Employment;
import org.expodesk.party.Interaction;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One person seen whole: details, all e-mails and phones, consents, companies, contacts with them. */
@Path("/customers/people/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class PersonPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance person(Person person, List<PersonContact> contacts, List<Consent> consents,
                                              List<Consent> consentHistory, List<Employment> employments,
                                              Map<Long, String> organizationNames, List<Interaction> interactions,
                                              Map<String, String> errors);
    }

    @Inject
    People people;

    @Inject
    Organizations organizations;

    @Inject
    Contacts contacts;

    @Inject
    Consents consents;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public Object show(@PathParam("id") long id) {
        Person person = people.get(id);
        if (person.mergedInto != null) {
            return Pages.redirect("/customers/people/" + person.mergedInto);
        }
        return page(id, Map.of());
    }

    @POST
    @Path("/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addContact(@PathParam("id") long id, @RestForm String kind, @RestForm String value) {
        return act(id, () -> people.addContact(id, kind, value), "party_contactAdded");
    }

    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordConsent(@PathParam("id") long id, @RestForm String purpose, @RestForm String granted,
                                  @RestForm String channel, @RestForm String textVersion, @RestForm String note) {
        return act(id, () -> consents.record(id, new Consents.NewConsent(purpose, "true".equals(granted) ? Boolean.TRUE
                        : "false".equals(granted) ? Boolean.FALSE : null, null, channel, textVersion, note),
                currentUser.require().username()), "party_consentRecorded");
    }

    private Response act(long id, Runnable action, String doneKey) {
        Person person = people.get(id);
        if (person.mergedInto != null) {
            return Pages.redirect("/customers/people/" + person.mergedInto);
        }
        try {
            action.run();
            return Pages.redirectWithFlash("/customers/people/" + id, doneKey);
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Response.status(400).entity(page(id, new FormErrors(locale.get()).addAll(refused).map())).build();
        }
    }

    private TemplateInstance page(long id, Map<String, String> errors) {
        Person person = people.get(id);
        List<Employment> employments = people.employments(id);
        Map<Long, String> names = new HashMap<>();
        employments.forEach(e -> names.computeIfAbsent(e.organizationId, o -> organizations.get(o).name));
        return Templates.person(person, people.contacts(id), consents.current(id), consents.history(id), employments,
                names, contacts.interactionsOf(new PartyRef(PartyRef.Kind.PERSON, id)), errors);
    }
}
