package dev.latchkey.domain.apikey;

/** The outcome of a roll: the old key with its shortened life, and its successor (shown once). */
public record KeyRoll(ApiKey retired, IssuedApiKey successor) {
}
