package dev.latchkey.domain.apikey;

/** A key just issued: the stored record plus the full key, to be shown exactly once. */
public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {
}
