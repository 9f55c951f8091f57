package dev.latchkey.domain.apikey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code X-Latchkey-Signature} header of PRODUCT.md §6: {@code sha256=<hex>} (HMAC-SHA256 of the raw body keyed
 * by the secret key text) or the replay-safe {@code t=<unix seconds>,sha256=<hex>} over {@code <t>.<body>}.
 */
public final class RequestSignature {

    public static final String HEADER = "X-Latchkey-Signature";
    /** How far a signed timestamp may be from the server's clock. */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private static final Pattern FORM = Pattern.compile("(?:t=(\\d{1,12}),)?sha256=([0-9a-fA-F]{64})");

    private final Long timestamp;
    private final byte[] digest;

    private RequestSignature(Long timestamp, byte[] digest) {
        this.timestamp = timestamp;
        this.digest = digest;
    }

    /** The header parsed; empty when it is not in one of the two forms. */
    public static Optional<RequestSignature> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(header.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Long timestamp = matcher.group(1) == null ? null : Long.parseLong(matcher.group(1));
        return Optional.of(new RequestSignature(timestamp, HexFormat.of().parseHex(matcher.group(2))));
    }

    /** The outcome of checking a signature. */
    public enum Check {
        VALID,
        /** No secret produced this digest. */
        INVALID,
        /** The signed timestamp is outside {@link #TOLERANCE}. */
        EXPIRED
    }

    /**
     * Checks the signature against each candidate secret (any may match, so that rotation has no downtime), comparing
     * in constant time. A timestamped signature outside the tolerance is {@link Check#EXPIRED} whatever its digest.
     */
    public Check check(byte[] body, List<String> secrets, Instant now) {
        if (timestamp != null && Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
            return Check.EXPIRED;
        }
        byte[] signed = timestamp == null ? body : concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        boolean matched = false;
        for (String secret : secrets) {
            // no early exit: every candidate is computed and compared
            matched |= MessageDigest.isEqual(hmac(secret, signed), digest);
        }
        return matched ? Check.VALID : Check.INVALID;
    }

    /** The header value for {@code body} signed with {@code secret}; with a timestamp, the replay-safe form. */
    public static String sign(String secret, byte[] body, Long timestamp) {
        byte[] signed = timestamp == null ? body : concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        String hex = HexFormat.of().formatHex(hmac(secret, signed));
        return timestamp == null ? "sha256=" + hex : "t=" + timestamp + ",sha256=" + hex;
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    @Override
    public String toString() {
        return "RequestSignature[t=" + timestamp + "]";
    }
}
