package dev.latchkey.application.service.apikey;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.CheckRequestSignatureUseCase;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.SigningSecret;
import dev.latchkey.application.port.out.SecretSealer;
import dev.latchkey.domain.apikey.RequestSignature;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class RequestSignatureService implements CheckRequestSignatureUseCase {

    private final ApiKeyRepository keys;
    private final SecretSealer sealer;
    private final Clock clock;

    public RequestSignatureService(ApiKeyRepository keys, SecretSealer sealer, Clock clock) {
        this.keys = keys;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    public void check(Caller caller, String signatureHeader, byte[] body) {
        if (signatureHeader == null) {
            if (caller instanceof Caller.KeyCaller key && key.signing()) {
                throw new DomainException(ErrorCode.HMAC_REQUIRED, "this key signs its requests: send "
                        + RequestSignature.HEADER + ": t=<unix seconds>,sha256=<hex> (or sha256=<hex>)");
            }
            return;
        }
        RequestSignature signature = RequestSignature.parse(signatureHeader).orElseThrow(() ->
                new DomainException(ErrorCode.HMAC_INVALID, RequestSignature.HEADER
                        + " must be sha256=<64 hex digits> or t=<unix seconds>,sha256=<64 hex digits>"));
        Instant now = clock.instant();
        List<SigningSecret> sealed = keys.signingSecrets(caller.workspaceId(), caller.environment(), now);
        if (sealed.isEmpty()) {
            throw new DomainException(ErrorCode.HMAC_NO_SECRET, "no signing key is on file for this workspace's "
                    + caller.environment().code() + " environment; create a secret key with signing: true");
        }
        List<String> secrets = sealed.stream()
                .map(secret -> new String(sealer.open(secret.sealed(), ApiKeyManagementService.SIGNING_CONTEXT),
                        StandardCharsets.UTF_8))
                .toList();
        switch (signature.check(body, secrets, now)) {
            case VALID -> {
            }
            case EXPIRED -> throw new DomainException(ErrorCode.HMAC_EXPIRED, "the signature's timestamp is more than "
                    + RequestSignature.TOLERANCE.toSeconds() + " seconds from the server's time");
            case INVALID -> throw new DomainException(ErrorCode.HMAC_INVALID,
                    "the signature does not match the request body for any signing key");
        }
    }
}
