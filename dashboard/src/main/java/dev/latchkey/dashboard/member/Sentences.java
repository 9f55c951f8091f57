package dev.latchkey.dashboard.member;

import java.util.Locale;

/** The use cases' messages ("a workspace always keeps…") as sentences on a page. */
final class Sentences {

    private Sentences() {
    }

    /** Capitalised, with a full stop. */
    static String of(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String sentence = message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    /** "an owner", "an admin", "a member". */
    static String article(String role) {
        return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role;
    }
}
