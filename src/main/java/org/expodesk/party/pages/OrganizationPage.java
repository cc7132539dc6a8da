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
import org.expodesk.party.Contacts;
import org.expodesk.party.CreditStatus;
import org.expodesk.party.Interaction;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartyRef;
import org.expodesk.party.Participation;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.Ticket;
import org.expodesk.party.Tickets;
import org.expodesk.party.dedup.OrganizationMerge;
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

/** One organization seen whole: details, people, editions, contacts, service tickets. */
@Path("/customers/organizations/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class OrganizationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organization(Organization organization, List<Person> people,
                                                    List<Participation> participations, Map<Long, String> exhibitionNames,
                                                    List<Interaction> interactions, List<Ticket> tickets,
                                                    Map<String, String> errors);

        static native TemplateInstance edit(Organization organization, Map<String, String> form, long version,
                                            CreditStatus[] creditStatuses, Map<String, String> errors);
    }

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    Contacts contacts;

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
        Organization o = organizations.get(id);
        if (o.mergedInto != null) {
            return Pages.redirect("/customers/organizations/" + o.mergedInto);
        }
        return page(id, Map.of());
    }

    @GET
    @Path("/edit")
    public Object editForm(@PathParam("id") long id) {
        Organization o = organizations.get(id);
        if (o.mergedInto != null) {
            return Pages.redirect("/customers/organizations/" + o.mergedInto);
        }
        Map<String, String> form = new HashMap<>();
        OrganizationMerge.values(o).forEach((field, value) -> form.put(field, value == null ? "" : value.toString()));
        form.put("creditStatus", o.creditStatus == null ? "" : o.creditStatus);
        return Templates.edit(o, form, o.version, CreditStatus.values(), Map.of());
    }

    /** The edit form: every field is sent, so an emptied one is cleared; a stale version re-renders with the error. */
    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Organization o = organizations.get(id);
        long version = RecordForms.version(form);
        return RecordForms.act(() -> organizations.update(id, new Organizations.OrganizationChanges(version,
                        text(form, "name"), text(form, "nameLatin"), text(form, "shortName"), text(form, "creditCode"),
                        text(form, "country"), text(form, "province"), text(form, "city"), text(form, "address"),
                        text(form, "website"), text(form, "email"), text(form, "phone"), text(form, "industry"),
                        text(form, "companySize"), text(form, "mainBusiness"), text(form, "tags"), text(form, "notes"),
                        null, text(form, "creditStatus"))),
                "/customers/organizations/" + id, "party_organizationSaved", locale.get(),
                errors -> Templates.edit(o, RecordForms.typed(form), version, CreditStatus.values(), errors));
    }

    @POST
    @Path("/people")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPerson(@PathParam("id") long id, @RestForm String familyName, @RestForm String givenName,
                              @RestForm String jobTitle, @RestForm String email, @RestForm String phone) {
        organizations.get(id);
        return act(id, () -> people.create(new People.NewPerson(familyName, givenName, null, jobTitle, email, phone, id,
                null, null)), "party_personAdded");
    }

    @POST
    @Path("/interactions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addInteraction(@PathParam("id") long id, @RestForm String kind, @RestForm String summary,
                                   @RestForm String outcome, @RestForm String followUpOn) {
        organizations.get(id);
        FormErrors errors = new FormErrors(locale.get());
        var followUp = errors.date(followUpOn, "followUpOn");
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(id, errors.map())).build();
        }
        return act(id, () -> contacts.record(new PartyRef(PartyRef.Kind.ORGANIZATION, id), kind, null, summary, outcome,
                followUp, currentUser.require().userId()), "party_interactionAdded");
    }

    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raiseTicket(@PathParam("id") long id, @RestForm String kind, @RestForm String priority,
                                @RestForm String summary) {
        organizations.get(id);
        return act(id, () -> tickets.raise(new PartyRef(PartyRef.Kind.ORGANIZATION, id), null, kind, priority, summary,
                null, currentUser.require().username()), "party_ticketRaised");
    }

    private Response act(long id, Runnable action, String doneKey) {
        if (!organizations.exists(id)) {
            return Pages.redirect("/customers/organizations/" + id);
        }
        return RecordForms.act(action, "/customers/organizations/" + id, doneKey, locale.get(), errors -> page(id, errors));
    }

    private TemplateInstance page(long id, Map<String, String> errors) {
        Organization organization = organizations.get(id);
        PartyRef ref = new PartyRef(PartyRef.Kind.ORGANIZATION, id);
        List<Participation> participations = contacts.participationsOf(ref);
        Map<Long, String> names = new HashMap<>();
        participations.forEach(p -> names.computeIfAbsent(p.exhibitionId,
                e -> exhibitions.findById(e).map((Exhibition x) -> x.name).orElse("#" + e)));
        return Templates.organization(organization, people.of(id), participations, names, contacts.interactionsOf(ref),
                tickets.of(id), errors);
    }
}
