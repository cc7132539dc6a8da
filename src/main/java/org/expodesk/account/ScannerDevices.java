package org.expodesk.account;

import org.expodesk.platform.LinkTokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scanner devices and their credentials: staff register a device and get a setup code; the
 * device exchanges the code once for its token; revoking the device ends every credential it has.
 * Whether the gate belongs to the edition is check-in's to decide before it calls here.
 */
@ApplicationScoped
@Transactional
public class ScannerDevices {

    /** Device tokens start with it, so a presented token is looked up as a device token or a user's, never both. */
    public static final String TOKEN_PREFIX = "sd.";

    public record NewDevice(String name, Long gateId, Set<String> zones, Set<String> categories) {
    }

    /** A setup code just issued: shown once, only its SHA-256 is kept. */
    public record SetupCode(String code, Instant expiresAt) {
    }

    public record Registered(ScannerDevice device, SetupCode setupCode) {
    }

    public record Activated(ScannerDevice device, String token, Instant expiresAt) {
    }

    @Inject
    Clock clock;

    @Inject
    DeviceConfig config;

    @Inject
    AuditLog audit;

    @Inject
    DeviceTokenCache tokenCache;

    public Registered register(long exhibitionId, NewDevice request) {
        ScannerDevice device = new ScannerDevice();
        device.exhibitionId = exhibitionId;
        apply(device, request);
        device.persist();
        return new Registered(device, issueSetupCode(device));
    }

    public ScannerDevice update(long deviceId, NewDevice request) {
        ScannerDevice device = get(deviceId);
        apply(device, request);
        tokenCache.forget(deviceId);
        return device;
    }

    private static void apply(ScannerDevice device, NewDevice request) {
        List<FieldError> errors = new ArrayList<>();
        String name = FieldChecks.text(request.name(), "name", 100, true, errors);
        Set<String> zones = CodeSetConverter.normalize(request.zones());
        Set<String> categories = CodeSetConverter.normalize(request.categories());
        if (!CodeSetConverter.valid(zones)) {
            errors.add(new FieldError("zones", "checkin_codesInvalid"));
        }
        if (!CodeSetConverter.valid(categories)) {
            errors.add(new FieldError("categories", "checkin_codesInvalid"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        device.name = name;
        device.gateId = request.gateId();
        device.zones = zones;
        device.categories = categories;
    }

    /** A new setup code for a device that is not revoked; earlier unused codes stop working. */
    public SetupCode newSetupCode(long deviceId) {
        ScannerDevice device = get(deviceId);
        if (device.isRevoked()) {
            throw ProblemException.conflict("scanner_deviceRevoked");
        }
        return issueSetupCode(device);
    }

    private SetupCode issueSetupCode(ScannerDevice device) {
        Instant now = Instant.now(clock);
        revokeCredentials(device, CredentialKind.DEVICE_SETUP, now);
        String code = SetupCodes.newCode();
        AuthCredential credential = credential(device, CredentialKind.DEVICE_SETUP,
                LinkTokens.hash(SetupCodes.canonical(code)), now, now.plus(config.setupCodeLifetime()));
        audit.record(AuditAction.SETUP_LINK_ISSUED, "ScannerDevice", device.id.toString(), device.name);
        return new SetupCode(code, credential.expiresAt);
    }

    /**
     * The device's token for its setup code, the code being used up and any earlier token of the
     * device ended (one device, one token). Empty for a code unknown, used, expired or revoked.
     */
    public Optional<Activated> activate(String setupCode) {
        String canonical = SetupCodes.canonical(setupCode);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        String hash = LinkTokens.hash(canonical);
        // locked in plain SQL (Hibernate's MySQL dialect writes "FOR UPDATE OF alias", which MariaDB
        // refuses), so that one code typed on two tablets at once gives one token
        AuthCredential.getEntityManager()
                .createNativeQuery("SELECT id FROM auth_credential WHERE token_hash = ?1 FOR UPDATE")
                .setParameter(1, hash).getResultList();
        Optional<AuthCredential> found = AuthCredential.<AuthCredential>find(
                        "from AuthCredential c join fetch c.device where c.tokenHash = ?1", hash)
                .firstResultOptional()
                .filter(c -> c.kind == CredentialKind.DEVICE_SETUP && c.isUsableAt(now) && !c.device.isRevoked());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScannerDevice device = found.get().device;
        found.get().revokedAt = now;
        revokeCredentials(device, CredentialKind.DEVICE, now);
        tokenCache.forget(device.id);
        String token = TOKEN_PREFIX + LinkTokens.newToken();
        AuthCredential credential = credential(device, CredentialKind.DEVICE, LinkTokens.hash(token), now,
                now.plus(config.tokenLifetime()));
        device.activatedAt = now;
        audit.record(AuditAction.TOKEN_ISSUED, "ScannerDevice", device.id.toString(), device.name);
        return Optional.of(new Activated(device, token, credential.expiresAt));
    }

    /** The device a token signs in, if it is a good device token of a device not revoked. */
    public Optional<SignedInDevice> identify(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return AuthCredential.<AuthCredential>find(
                        "from AuthCredential c join fetch c.device where c.tokenHash = ?1", LinkTokens.hash(token))
                .firstResultOptional()
                .filter(c -> c.kind == CredentialKind.DEVICE && c.isUsableAt(now) && !c.device.isRevoked())
                .map(c -> {
                    if (c.lastUsedAt == null || c.lastUsedAt.plusSeconds(60).isBefore(now)) {
                        c.lastUsedAt = now;
                    }
                    ScannerDevice d = c.device;
                    return new SignedInDevice(d.id, d.name, d.exhibitionId, d.gateId, Set.copyOf(d.zones),
                            Set.copyOf(d.categories), c.id);
                });
    }

    /** Ends the device and, at once, its token and setup code. */
    public void revoke(long deviceId) {
        ScannerDevice device = get(deviceId);
        if (device.isRevoked()) {
            return;
        }
        Instant now = Instant.now(clock);
        device.revokedAt = now;
        revokeCredentials(device, CredentialKind.DEVICE_SETUP, now);
        revokeCredentials(device, CredentialKind.DEVICE, now);
        tokenCache.forget(deviceId);
        audit.record(AuditAction.TOKEN_REVOKED, "ScannerDevice", device.id.toString(), device.name);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScannerDevice get(long deviceId) {
        ScannerDevice device = ScannerDevice.findById(deviceId);
        if (device == null) {
            throw ProblemException.notFound("Scanner device");
        }
        return device;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScannerDevice> list(long exhibitionId) {
        return ScannerDevice.list("exhibitionId = ?1 order by case when revokedAt is null then 0 else 1 end, name, id", exhibitionId);
    }

    /** Whether any device, revoked ones too (they keep their gate for the record), is set to a gate. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyAtGate(long gateId) {
        return ScannerDevice.count("gateId", gateId) > 0;
    }

    /** Whether the device has a token that still works. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(long deviceId) {
        return AuthCredential.count("device.id = ?1 and kind = ?2 and revokedAt is null and expiresAt > ?3",
                deviceId, CredentialKind.DEVICE, Instant.now(clock)) > 0;
    }

    private static AuthCredential credential(ScannerDevice device, CredentialKind kind, String hash, Instant now,
                                             Instant expiresAt) {
        AuthCredential credential = new AuthCredential();
        credential.device = device;
        credential.kind = kind;
        credential.tokenHash = hash;
        credential.name = device.name;
        credential.createdAt = now;
        credential.expiresAt = expiresAt;
        credential.persist();
        return credential;
    }

    private static void revokeCredentials(ScannerDevice device, CredentialKind kind, Instant now) {
        AuthCredential.update("revokedAt = ?1 where device.id = ?2 and kind = ?3 and revokedAt is null",
                now, device.id, kind);
    }
}
