package dev.latchkey.web.apikey;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase.VerifyCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The verify API (PRODUCT.md §8): API keys only, scope {@code keys:verify}; every outcome is a 200 answer. */
@RestController
@Tag(name = "Verify", description = "Check a key presented to your own service")
public class VerifyController {

    private final VerifyApiKeyUseCase verify;

    public VerifyController(VerifyApiKeyUseCase verify) {
        this.verify = verify;
    }

    @Operation(operationId = "verifyKey", summary = "Verify a key", description = "Whether `key` is good for `scopes`, answered 200 whatever the "
            + "outcome (`valid`, `code`). The caller's key needs `keys:verify` and must be of the verified key's "
            + "workspace and environment. Verifying counts as a use of the verified key.")
    @PostMapping("/v1/keys/verify")
    public VerifyKeyResponse verify(Caller.KeyCaller caller, @RequestBody VerifyKeyRequest body) {
        VerifyCommand command = VerifyCommand.parse(body.key(), body.scopes(), body.ip());
        return VerifyKeyResponse.from(verify.verify(caller, command));
    }
}
