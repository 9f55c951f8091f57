package dev.latchkey.domain.user;

import dev.latchkey.domain.common.ValidationException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The password policy for new passwords (sign-up, password change, accepting an invitation as a new user): 8
 * characters to 72 UTF-8 bytes, no NUL; and, once the length is right, not one character repeated, not one of the
 * most common passwords (compared ignoring case), and not the user's email address (or the part before its {@code @}).
 * Existing passwords are never re-checked: the policy applies when a password is chosen.
 */
public final class Password {

    public static final int MIN_LENGTH = 8;
    /** Adaptive hashes such as bcrypt only read the first 72 bytes; longer input is refused, not cut. */
    public static final int MAX_LENGTH = 72;

    /**
     * Passwords of at least {@link #MIN_LENGTH} characters that top the published lists of leaked passwords (the
     * shorter ones are refused by length anyway), lower case. Small on purpose: a deny list of the obvious, not a
     * breach corpus.
     */
    static final Set<String> COMMON = Set.of(
            "password", "password1", "password12", "password123", "password1234", "password!", "password1!",
            "passw0rd", "p@ssw0rd", "p@ssword", "pa$$word", "p@$$w0rd", "passwort", "motdepasse",
            "12345678", "123456789", "1234567890", "12345678910", "0123456789", "87654321", "987654321",
            "9876543210", "11223344", "12341234", "12121212", "123123123", "123321123", "11112222", "12344321",
            "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4", "q1w2e3r4t5", "1qaz2wsx", "1qaz2wsx3edc",
            "zaq12wsx", "zaq1zaq1", "qazwsxedc", "qazwsx123", "123qweasd", "123qweasdzxc", "1234qwer", "qwer1234",
            "qwertyuiop", "qwerty12", "qwerty123", "qwerty1234", "qwertyui", "qwerty123456", "asdfghjk",
            "asdfghjkl", "asdf1234", "zxcvbnm1", "zxcvbnm123", "abc12345", "abcd1234", "abc123456", "abcdefgh",
            "a1b2c3d4", "aa123456", "123456789a", "a123456789", "12345qwert", "qwe12345", "iloveyou", "iloveyou1",
            "iloveyou2", "sunshine", "sunshine1", "princess", "princess1", "football", "football1", "baseball",
            "basketball", "superman", "batman123", "starwars", "trustno1", "welcome1", "welcome123", "welcome!",
            "letmein1", "letmein123", "admin123", "admin1234", "administrator", "changeme", "changeme123",
            "computer", "internet", "whatever", "jennifer", "michael1", "jordan23", "charlie1", "dragon12",
            "monkey12", "master12", "mustang1", "shadow12", "freedom1", "killer12", "hello123", "helloworld",
            "chocolate", "passport", "secret123", "lovely12", "pokemon1", "liverpool", "chelsea1", "arsenal1",
            "babygirl1", "spiderman", "michelle", "butterfly", "qwerty1!", "default1", "testtest", "test1234",
            "guest123", "login123", "access14", "11111111a", "latchkey", "latchkey1", "latchkey123",
            "correcthorsebatterystaple");

    private Password() {
    }

    /** The policy without the email rule (when the email is not known to the caller). */
    public static void validate(String password, String field, ValidationException.Collector errors) {
        validate(password, null, field, errors);
    }

    /** The whole policy for {@code email}'s new password (null: the email rule is skipped). */
    public static void validate(String password, Email email, String field, ValidationException.Collector errors) {
        int length = password == null ? 0 : password.codePointCount(0, password.length()); // characters, not UTF-16 units
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        boolean noNul = password == null || password.indexOf('\0') < 0;
        errors.check(length >= MIN_LENGTH, field, "must be at least " + MIN_LENGTH + " characters")
                .check(bytes <= MAX_LENGTH, field, "must be at most " + MAX_LENGTH + " bytes")
                .check(noNul, field, "must not contain NUL characters");
        if (length < MIN_LENGTH || bytes > MAX_LENGTH || !noNul) {
            return; // the rules below would only repeat that the password is not acceptable
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        errors.check(password.codePoints().distinct().count() > 1, field,
                        "must not be a single character repeated")
                .check(!COMMON.contains(folded), field,
                        "is one of the most common passwords; choose one that is harder to guess")
                .check(email == null || !isEmail(folded, email), field, "must not be your email address");
    }

    private static boolean isEmail(String folded, Email email) {
        String address = email.value();
        String local = address.substring(0, address.lastIndexOf('@'));
        return folded.equals(address) || folded.equals(local);
    }
}
