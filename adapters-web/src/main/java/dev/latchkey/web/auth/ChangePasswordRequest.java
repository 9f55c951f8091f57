package dev.latchkey.web.auth;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /v1/auth/password}. Never printed with its passwords. */
public record ChangePasswordRequest(
        @Schema(description = "The password in use now", format = "password") String currentPassword,
        @Schema(description = "The new password: 8 characters to 72 UTF-8 bytes, not one of the most common "
                + "passwords, not the email address, not the current password", format = "password")
        String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[redacted]";
    }
}
