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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.party.Consent;
import org.expodesk.party.Consents;
import org.expodesk.party.Contacts;
import org.expodesk.party.Employment;
import org.expodesk.party.Interaction;
import org.expodesk.party.Organizations;
import org.expodesk.party.Participation;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;
import org.expodesk.party.Ticket;
import org.expodesk.party.Tickets;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.expodesk.party.pages.RecordForms.text;

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
                                              List<Participation> participations, Map<Long, String> exhibitionNames,
                                              List<Ticket> tickets, Map<String, String> errors);

        static native TemplateInstance edit(Person person, Map<String, String> form, long version,
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
    Tickets tickets;

    @Inject
    ExhibitionService exhibitions;

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

    @GET
    @Path("/edit")
    public Object editForm(@PathParam("id") long id) {
        Person p = people.get(id);
        if (p.mergedInto != null) {
            return Pages.redirect("/customers/people/" + p.mergedInto);
        }
        Map<String, String> form = new HashMap<>();
        form.put("familyName", orEmpty(p.familyName));
        form.put("givenName", orEmpty(p.givenName));
        form.put("easternOrder", String.valueOf(p.easternOrder));
        form.put("jobTitle", orEmpty(p.jobTitle));
        form.put("email", orEmpty(p.email));
        form.put("phone", orEmpty(p.phone));
        form.put("language", orEmpty(p.language));
        form.put("tags", orEmpty(p.tags));
        return Templates.edit(p, form, p.version, Map.of());
    }

    /** Every field is sent, so an emptied one is cleared; a bad or stale edit re-renders the form with the error. */
    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Person p = people.get(id);
        long version = RecordForms.version(form);
        return RecordForms.act(() -> people.update(id, new People.PersonChanges(version, text(form, "familyName"),
                        text(form, "givenName"), "true".equals(form.getFirst("easternOrder")), text(form, "jobTitle"),
                        text(form, "email"), text(form, "phone"), text(form, "language"), text(form, "tags"))),
                "/customers/people/" + id, "party_personSaved", locale.get(),
                errors -> Templates.edit(p, RecordForms.typed(form), version, errors));
    }

    @POST
    @Path("/interactions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addInteraction(@PathParam("id") long id, @RestForm String kind, @RestForm String summary,
                                   @RestForm String outcome, @RestForm String followUpOn) {
        FormErrors errors = new FormErrors(locale.get());
        var followUp = errors.date(followUpOn, "followUpOn");
        if (!errors.isEmpty()) {
            people.get(id);
            return Response.status(400).entity(page(id, errors.map())).build();
        }
        return act(id, () -> contacts.record(new PartyRef(PartyRef.Kind.PERSON, id), kind, null, summary, outcome,
                followUp, currentUser.require().userId()), "party_interactionAdded");
    }

    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raiseTicket(@PathParam("id") long id, @RestForm String kind, @RestForm String priority,
                                @RestForm String summary) {
        return act(id, () -> tickets.raise(new PartyRef(PartyRef.Kind.PERSON, id), null, kind, priority, summary,
                null, currentUser.require().username()), "party_ticketRaised");
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
        return RecordForms.act(action, "/customers/people/" + id, doneKey, locale.get(), errors -> page(id, errors));
    }

    private TemplateInstance page(long id, Map<String, String> errors) {
        Person person = people.get(id);
        List<Employment> employments = people.employments(id);
        Map<Long, String> names = new HashMap<>();
        employments.forEach(e -> names.computeIfAbsent(e.organizationId, o -> organizations.get(o).name));
        PartyRef ref = new PartyRef(PartyRef.Kind.PERSON, id);
        List<Participation> participations = contacts.participationsOf(ref);
        Map<Long, String> exhibitionNames = new HashMap<>();
        participations.forEach(p -> exhibitionNames.computeIfAbsent(p.exhibitionId,
                e -> exhibitions.findById(e).map((Exhibition x) -> x.name).orElse("#" + e)));
        return Templates.person(person, people.contacts(id), consents.current(id), consents.history(id), employments,
                names, contacts.interactionsOf(ref), participations, exhibitionNames, tickets.ofPerson(id), errors);
    }


    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
