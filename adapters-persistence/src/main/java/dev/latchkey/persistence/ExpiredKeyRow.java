package dev.latchkey.persistence;

import dev.latchkey.application.port.out.KeyExpiryRepository.ExpiredKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;

/** The columns of a key whose expiry is to be recorded. */
public record ExpiredKeyRow(String id, String workspaceId, String environment, String prefix, Instant expiresAt) {

    ExpiredKey toPort() {
        return new ExpiredKey(new ApiKeyId(id), new WorkspaceId(workspaceId),
                Environment.fromCode(environment).orElseThrow(), prefix, expiresAt);
    }
}
