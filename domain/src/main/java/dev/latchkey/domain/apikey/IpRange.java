package dev.latchkey.domain.apikey;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CIDR block of an IP allowlist, IPv4 ({@code 203.0.113.0/24}) or IPv6 ({@code 2001:db8::/32}). A bare address
 * is a single-host block. Only literals are accepted (never a host name, so parsing never touches DNS); host bits
 * are cleared, so {@code 10.1.2.3/8} is stored as {@code 10.0.0.0/8}.
 */
public final class IpRange {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Starts with a hex digit or a colon: the only inputs the JDK parses as a literal (others would be resolved). */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** @throws IllegalArgumentException with a message fit for the user */
    public static IpRange parse(String cidr) {
        if (cidr == null || cidr.isBlank()) {
            throw new IllegalArgumentException("must be an IPv4 or IPv6 address or CIDR block");
        }
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address).orElseThrow(() ->
                new IllegalArgumentException("'" + abbreviate(text) + "' is not an IPv4 or IPv6 address or CIDR block"));
        // an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is parsed to IPv4: its prefix counts in the IPv6 space
        int offset = bytes.length == 4 && address.indexOf(':') >= 0 ? 96 : 0;
        int bits = bytes.length * 8 + offset;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits || Integer.parseInt(length) < offset) {
                throw new IllegalArgumentException("'" + abbreviate(text) + "' has a prefix length outside "
                        + offset + ".." + bits);
            }
            prefix = Integer.parseInt(length);
        }
        prefix -= offset;
        return new IpRange(mask(bytes, prefix), prefix);
    }

    public static boolean isValid(String cidr) {
        try {
            parse(cidr);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code address} (a literal; an IPv4-mapped IPv6 address counts as IPv4) lies in this block. */
    public boolean contains(String address) {
        Optional<byte[]> bytes = literal(address == null ? "" : address.strip());
        if (bytes.isEmpty() || bytes.get().length != network.length) {
            return false;
        }
        return java.util.Arrays.equals(mask(bytes.get(), prefixLength), network);
    }

    private static Optional<byte[]> literal(String address) {
        if (IPV4.matcher(address).matches()) {
            String[] parts = address.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(parts[i]);
                if (value > 255 || (parts[i].length() > 1 && parts[i].startsWith("0"))) {
                    return Optional.empty();
                }
                bytes[i] = (byte) value;
            }
            return Optional.of(bytes);
        }
        if (address.indexOf(':') >= 0 && IPV6.matcher(address).matches()) {
            if (address.indexOf('.') >= 0 && literal(address.substring(address.lastIndexOf(':') + 1)).isEmpty()) {
                return Optional.empty(); // an embedded IPv4 part follows the IPv4 rules
            }
            try {
                // a literal with ':' is parsed, never resolved
                byte[] bytes = InetAddress.getByName(address).getAddress();
                return Optional.of(bytes);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
        }
        return masked;
    }

    private static String abbreviate(String text) {
        return text.length() <= 50 ? text : text.substring(0, 50) + "…";
    }

    @Override
    public String toString() {
        try {
            String host = InetAddress.getByAddress(network).getHostAddress();
            if (network.length == 16) {
                host = compress(host);
            }
            return host + "/" + prefixLength;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The shortest RFC 5952 form of a full IPv6 address ({@code 2001:db8:0:0:0:0:0:0} → {@code 2001:db8::}). */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            if (new BigInteger(groups[i], 16).signum() == 0) {
                int j = i;
                while (j < groups.length && new BigInteger(groups[j], 16).signum() == 0) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(Integer.parseInt(groups[i], 16)));
            if (i < groups.length - 1) {
                out.append(':');
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange range && range.prefixLength == prefixLength
                && java.util.Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }
}
