package dev.latchkey.domain.apikey;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** IpRange against an independent model: addresses as numbers, RFC 5952 written out by hand. */
class IpRangeProperties {

    private static final BigInteger V6_ALL = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    @Property
    void anIpv4BlockRoundTripsThroughItsText(@ForAll int address, @ForAll @IntRange(max = 32) int prefix) {
        IpRange range = IpRange.parse(v4(address) + "/" + prefix);

        assertThat(range).hasToString(v4(address & mask(prefix)) + "/" + prefix);
        assertThat(IpRange.parse(range.toString())).isEqualTo(range).hasToString(range.toString());
    }

    @Property
    void everyAddressOfAnIpv4BlockIsContainedAndOneWithAFlippedPrefixBitIsNot(
            @ForAll int base, @ForAll int hostBits, @ForAll @IntRange(max = 32) int prefix,
            @ForAll @IntRange(max = 31) int flip) {
        IpRange range = IpRange.parse(v4(base) + "/" + prefix);
        int inside = (base & mask(prefix)) | (hostBits & ~mask(prefix));

        assertThat(range.contains(v4(inside))).as("%s contains %s", range, v4(inside)).isTrue();
        assertThat(range.contains("::ffff:" + v4(inside))).isTrue();
        if (prefix > 0) {
            int outside = inside ^ (1 << (31 - flip % prefix));
            assertThat(range.contains(v4(outside))).as("%s contains %s", range, v4(outside)).isFalse();
        }
    }

    @Property
    void anIpv6BlockRoundTripsInItsRfc5952Form(@ForAll("groups") List<Integer> groups,
                                               @ForAll @IntRange(max = 128) int prefix,
                                               @ForAll boolean upperCase) {
        Assume.that(!isIpv4Mapped(groups));
        String full = String.join(":", groups.stream().map(g -> String.format(upperCase ? "%04X" : "%04x", g))
                .toList());

        IpRange range = IpRange.parse(full + "/" + prefix);

        List<Integer> network = fromNumber(toNumber(groups).and(mask6(prefix)));
        assertThat(range).hasToString(rfc5952(network) + "/" + prefix);
        assertThat(IpRange.parse(range.toString())).isEqualTo(range).hasToString(range.toString());
        assertThat(IpRange.parse(rfc5952(groups) + "/" + prefix)).isEqualTo(range);
    }

    @Property
    void everyAddressOfAnIpv6BlockIsContainedAndOneWithAFlippedPrefixBitIsNot(
            @ForAll("groups") List<Integer> base, @ForAll("groups") List<Integer> hostBits,
            @ForAll @IntRange(max = 128) int prefix, @ForAll @IntRange(max = 127) int flip) {
        BigInteger inside = toNumber(base).and(mask6(prefix)).or(toNumber(hostBits).andNot(mask6(prefix)));
        Assume.that(!isIpv4Mapped(base) && !isIpv4Mapped(fromNumber(inside)));
        IpRange range = IpRange.parse(rfc5952(base) + "/" + prefix);

        assertThat(range.contains(rfc5952(fromNumber(inside)))).isTrue();
        if (prefix > 0) {
            BigInteger outside = inside.flipBit(127 - flip % prefix);
            Assume.that(!isIpv4Mapped(fromNumber(outside)));
            assertThat(range.contains(rfc5952(fromNumber(outside)))).isFalse();
        }
    }

    @Provide
    Arbitrary<Integer> group() {
        // many zero groups, so that runs of them (and their compression) are common
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0xFFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1, 0xFFFF, 0x0DB8, 0x00AB)));
    }

    @Provide
    Arbitrary<List<Integer>> groups() {
        return group().list().ofSize(8);
    }

    private static String v4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    private static BigInteger mask6(int prefix) {
        return V6_ALL.shiftRight(128 - prefix).shiftLeft(128 - prefix);
    }

    private static BigInteger toNumber(List<Integer> groups) {
        BigInteger value = BigInteger.ZERO;
        for (int group : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return value;
    }

    private static List<Integer> fromNumber(BigInteger value) {
        List<Integer> groups = new ArrayList<>();
        for (int i = 7; i >= 0; i--) {
            groups.add(value.shiftRight(16 * i).intValue() & 0xFFFF);
        }
        return groups;
    }

    private static boolean isIpv4Mapped(List<Integer> groups) {
        return groups.subList(0, 5).stream().allMatch(g -> g == 0) && groups.get(5) == 0xFFFF;
    }

    /** RFC 5952 §4: lower case, no leading zeros, the longest run (the first on a tie) of 2+ zero groups as "::". */
    static String rfc5952(List<Integer> groups) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups.get(j) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestLength < 2) {
            return hex(groups, 0, 8);
        }
        return hex(groups, 0, bestStart) + "::" + hex(groups, bestStart + bestLength, 8);
    }

    private static String hex(List<Integer> groups, int from, int to) {
        StringJoiner joiner = new StringJoiner(":");
        for (int i = from; i < to; i++) {
            joiner.add(Integer.toHexString(groups.get(i)));
        }
        return joiner.toString();
    }
}
