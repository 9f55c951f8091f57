package dev.latchkey.domain.apikey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CIDR blocks of an IP allowlist (PRODUCT.md §5): IPv4 and IPv6 literals only, host bits cleared. */
class IpRangeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "203.0.113.0/24, 203.0.113.0/24",
            "10.1.2.3/8, 10.0.0.0/8",
            "192.168.1.77/31, 192.168.1.76/31",
            "192.168.1.77, 192.168.1.77/32",
            "0.0.0.0/0, 0.0.0.0/0",
            "255.255.255.255/0, 0.0.0.0/0",
            "255.255.255.255, 255.255.255.255/32",
            "172.31.255.255/12, 172.16.0.0/12",
            "2001:db8::/32, 2001:db8::/32",
            "2001:0DB8:0000:0000::/32, 2001:db8::/32",
            "2001:db8:ffff::/33, 2001:db8:8000::/33",
            "2001:db8:abcd:12::1/64, 2001:db8:abcd:12::/64",
            "fe80::1234/10, fe80::/10",
            "::1, ::1/128",
            "0:0:0:0:0:0:0:1, ::1/128",
            "::, ::/128",
            "::/0, ::/0",
            "ffff:ffff::/0, ::/0",
            "1::, 1::/128",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1/128",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1/128",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3/128",
            "1:0:0:2:0:0:3:4, 1::2:0:0:3:4/128",
            "2001:DB8:00AB::0001, 2001:db8:ab::1/128",
            "'  10.0.0.0/8  ', 10.0.0.0/8"
    })
    void parsesToTheCanonicalBlock(String input, String canonical) {
        IpRange range = IpRange.parse(input);

        assertThat(range).hasToString(canonical);
        assertThat(IpRange.isValid(input)).isTrue();
        assertThat(IpRange.parse(canonical)).isEqualTo(range);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ", "\t",
            // host names, never resolved
            "localhost", "LOCALHOST", "localhost/32", "example.com", "example.com/24", "ip6-localhost",
            "cafe.be:1", "10.0.0.1.example.com",
            // IPv4 that is not a plain dotted quad of decimal octets
            "01.2.3.4", "10.01.0.0/16", "10.0.0.00", "256.0.0.1", "1.2.3.999", "1.2.3", "1.2.3.4.5", "1..2.3",
            "0x7f.0.0.1", "2130706433", "1.2.3.4:80", "\uff11.\uff12.\uff13.\uff14", "-1.2.3.4",
            // prefix lengths
            "10.0.0.0/33", "10.0.0.0/99", "10.0.0.0/1000", "::/129", "2001:db8::/200", "10.0.0.0/-1",
            "10.0.0.0/", "10.0.0.0/abc", "10.0.0.0/8/8", "10.0.0.0/ 8", "10.0.0.0 /8", "10.0.0.0/+8",
            "10.0.0.0/8.0", "/8", "::/",
            // IPv6 that is not a literal
            "fe80::1%eth0", "fe80::1%1", "fe80::1%eth0/64", "1:2:3:4:5:6:7:8:9", ":::", "[::1]", "[::1]/128",
            "dead:beef", "2001:db8::g", "2001:db8:::1", "12345::"
    })
    void rejectsAnythingButAnAddressOrCidrLiteral(String input) {
        assertThat(IpRange.isValid(input)).isFalse();
        assertThatThrownBy(() -> IpRange.parse(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void theRejectionNamesTheInputAndTheAllowedPrefixRange() {
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33")
                .hasMessageContaining("0..32");
        assertThatThrownBy(() -> IpRange.parse("::/129")).hasMessageContaining("0..128");
        assertThatThrownBy(() -> IpRange.parse("example.com")).hasMessageContaining("example.com");
    }

    @Test
    void aVeryLongInputIsAbbreviatedInTheMessage() {
        String longName = "a".repeat(500) + ".example.com";

        assertThatThrownBy(() -> IpRange.parse(longName)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.0.0.0, true",
            "10.0.0.0/8, 10.255.255.255, true",
            "10.0.0.0/8, 11.0.0.0, false",
            "10.0.0.0/8, 9.255.255.255, false",
            "10.1.2.3/8, 10.200.0.1, true",
            "203.0.113.7, 203.0.113.7, true",
            "203.0.113.7, 203.0.113.8, false",
            "203.0.113.7, 203.0.113.6, false",
            "192.168.1.76/31, 192.168.1.77, true",
            "192.168.1.76/31, 192.168.1.78, false",
            "0.0.0.0/0, 0.0.0.0, true",
            "0.0.0.0/0, 255.255.255.255, true",
            "0.0.0.0/0, 8.8.8.8, true",
            "2001:db8::/32, 2001:db8::, true",
            "2001:db8::/32, 2001:DB8::1, true",
            "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
            "2001:db8::/32, 2001:db9::, false",
            "2001:db8::/32, 2001:db7:ffff::, false",
            "::1, ::1, true",
            "::1, 0:0:0:0:0:0:0:1, true",
            "::1, ::2, false",
            "::/0, ::, true",
            "::/0, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, true",
            "::/0, 2001:db8::1, true",
            // an IPv4-mapped IPv6 literal is the IPv4 address it maps
            "10.0.0.0/8, ::ffff:10.1.2.3, true",
            "10.0.0.0/8, 0:0:0:0:0:ffff:a01:203, true",
            "10.0.0.0/8, ::ffff:11.1.2.3, false",
            "0.0.0.0/0, ::ffff:1.2.3.4, true",
            "::/0, ::ffff:1.2.3.4, false",
            // families never mix
            "::/0, 1.2.3.4, false",
            "::/0, 0.0.0.0, false",
            "0.0.0.0/0, ::1, false",
            "0.0.0.0/0, ::, false",
            "0.0.0.0/0, 2001:db8::1, false"
    })
    void containsExactlyTheAddressesOfItsBlockAndFamily(String range, String address, boolean expected) {
        assertThat(IpRange.parse(range).contains(address)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "localhost", "example.com", "10.0.0.1/32", "010.0.0.1", "10.0.0.256",
            "fe80::1%eth0", "10.0.0.1%eth0", "not an address", "::ffff:10.0.0.1%1"})
    void anythingButAnAddressLiteralIsNeverContained(String address) {
        assertThat(IpRange.parse("0.0.0.0/0").contains(address)).isFalse();
        assertThat(IpRange.parse("::/0").contains(address)).isFalse();
        assertThat(IpRange.parse("10.0.0.0/8").contains(address)).isFalse();
    }

    @Test
    void equalityIsTheCanonicalBlock() {
        IpRange range = IpRange.parse("10.1.2.3/8");

        assertThat(range).isEqualTo(IpRange.parse("10.0.0.0/8")).hasSameHashCodeAs(IpRange.parse("10.0.0.0/8"));
        assertThat(range).isNotEqualTo(IpRange.parse("10.0.0.0/9"));
        assertThat(range).isNotEqualTo(IpRange.parse("11.0.0.0/8"));
        assertThat(range).isNotEqualTo("10.0.0.0/8");
        assertThat(range).isNotEqualTo(null);
        assertThat(IpRange.parse("2001:DB8:0::/32")).isEqualTo(IpRange.parse("2001:db8::/32"))
                .hasSameHashCodeAs(IpRange.parse("2001:db8::/32"));
        assertThat(IpRange.parse("0.0.0.0/0")).isNotEqualTo(IpRange.parse("::/0"));
        assertThat(IpRange.parse("1.2.3.4")).isNotEqualTo(IpRange.parse("::102:304"));
    }

    @Test
    void theTestResolverIsInstalledSoTheNoDnsTestsCanFail() throws Exception {
        InetAddress.getByName("localhost");

        assertThat(NoDnsResolverProvider.lookups()).contains("localhost");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"localhost", "example.com", "example.com/24", "latchkey-no-dns.invalid", "cafe.be:1",
            "a.b:c", "dead:beef", "fe80::1%eth0", "10.0.0.1.nip.io", "1.2.3.4:80"})
    void neverLooksUpAName(String input) {
        int before = NoDnsResolverProvider.lookups().size();

        IpRange.isValid(input);
        IpRange.parse("0.0.0.0/0").contains(input);
        IpRange.parse("::/0").contains(input);

        assertThat(NoDnsResolverProvider.lookups().subList(before, NoDnsResolverProvider.lookups().size()))
                .as("names looked up while parsing %s", input).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {".::1", ".:", ".1:2"})
    void neverLooksUpANameStartingWithADot(String input) {
        int before = NoDnsResolverProvider.lookups().size();

        assertThat(IpRange.isValid(input)).isFalse();
        assertThat(IpRange.parse("::/0").contains(input)).isFalse();

        assertThat(NoDnsResolverProvider.lookups().subList(before, NoDnsResolverProvider.lookups().size()))
                .as("names looked up while parsing %s", input).isEmpty();
    }

    @Test
    void leadingZerosAreRejectedInIpv4MappedFormToo() {
        assertThat(IpRange.isValid("010.1.2.3")).isFalse();
        assertThat(IpRange.isValid("::ffff:010.1.2.3")).isFalse();
    }

    @Test
    void anIpv4MappedCidrIsTheIpv4BlockItMaps() {
        assertThat(IpRange.parse("::ffff:10.0.0.0/104")).isEqualTo(IpRange.parse("10.0.0.0/8"));
        assertThat(IpRange.parse("::ffff:0:0/96")).isEqualTo(IpRange.parse("0.0.0.0/0"));
    }
}
