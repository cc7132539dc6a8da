package org.expodesk.registration.exhibitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The company profile visitors see; an exhibitor edits it once an application is approved. */
@ApplicationScoped
@Transactional
public class ExhibitorProfiles {

    public record Changes(Long version, String descriptionEn, String descriptionZh, String website) {
    }

    @Inject
    ExhibitorApplications applications;

    @Inject
    ExhibitorConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExhibitorProfile> of(long organizationId) {
        return ExhibitorProfile.find("organizationId", organizationId).firstResultOptional();
    }

    /** Absent fields are cleared (the form sends all of them); a stale {@code version} is a 409. */
    public ExhibitorProfile update(long organizationId, Changes c) {
        ExhibitorProfile p = editable(organizationId);
        if (c.version() != null && p.id != null && c.version() != p.version) {
            throw ProblemException.conflict("application_profileStale");
        }
        List<FieldError> errors = new ArrayList<>();
        String en = FieldChecks.text(c.descriptionEn(), "descriptionEn", 4000, false, errors);
        String zh = FieldChecks.text(c.descriptionZh(), "descriptionZh", 4000, false, errors);
        String website = FieldChecks.text(c.website(), "website", 300, false, errors);
        if (website != null && !website.matches("(?i)(https?://)?[^\\s/]+\\.[^\\s]+")) {
            errors.add(new FieldError("website", "application_websiteInvalid"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        p.descriptionEn = en;
        p.descriptionZh = zh;
        p.website = website;
        p.persist();
        return p;
    }

    /** Checks, re-encodes and keeps a logo: 413 over the size limit, 415 for anything not an image. */
    public ExhibitorProfile setLogo(long organizationId, InputStream upload) {
        byte[] png = LogoImages.reencode(LogoImages.read(upload, config.logoMaxBytes()), config.logoMaxSide());
        ExhibitorProfile p = editable(organizationId);
        p.logoPng = png;
        p.logoChangedAt = Instant.now(clock);
        p.persist();
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<byte[]> logo(long organizationId) {
        return of(organizationId).map(p -> p.logoPng);
    }

    private ExhibitorProfile editable(long organizationId) {
        if (!applications.isApproved(organizationId)) {
            throw ProblemException.conflict("application_profileNotApproved");
        }
        return of(organizationId).orElseGet(() -> {
            ExhibitorProfile p = new ExhibitorProfile();
            p.organizationId = organizationId;
            return p;
        });
    }
}
