package dev.latchkey.domain.apikey;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8:ffff::/48"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(TrustedProxies.NONE.clientAddress("10.1.2.3", "203.0.113.9")).isEqualTo("10.1.2.3");
        assertThat(TrustedProxies.NONE.isEmpty()).isTrue();
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertThat(proxies.clientAddress("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedPeerTellsTheClient() {
        assertThat(proxies.clientAddress("10.0.0.5", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("2001:db8:ffff::1", "2001:db8:1::42")).isEqualTo("2001:db8:1::42");
    }

    @Test
    void theRightmostUntrustedHopIsTheClientNotWhatTheClientPutInFront() {
        // the client sent "X-Forwarded-For: 1.2.3.4" itself; the proxy appended the address it saw
        assertThat(proxies.clientAddress("10.0.0.5", "1.2.3.4, 203.0.113.9")).isEqualTo("203.0.113.9");
        // two proxies in a row
        assertThat(proxies.clientAddress("10.0.0.5", "1.2.3.4, 203.0.113.9, 10.0.0.6")).isEqualTo("203.0.113.9");
    }

    @Test
    void aMalformedHopEndsTheWalkAtTheProxyThatAppendedIt() {
        assertThat(proxies.clientAddress("10.0.0.5", "unknown")).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress("10.0.0.5", "203.0.113.9, 10.0.0.6, garbage, 10.0.0.7"))
                .isEqualTo("10.0.0.7");
        assertThat(proxies.clientAddress("10.0.0.5", "203.0.113.0/24")).as("a range is not an address")
                .isEqualTo("10.0.0.5");
    }

    @Test
    void whenEveryHopIsAProxyTheLeftmostIsTheClient() {
        assertThat(proxies.clientAddress("10.0.0.5", "10.9.9.9, 10.0.0.6")).isEqualTo("10.9.9.9");
    }

    @Test
    void anEmptyHeaderLeavesThePeer() {
        assertThat(proxies.clientAddress("10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress("10.0.0.5", " ")).isEqualTo("10.0.0.5");
    }

    @Test
    void aBadProxyEntryIsRefusedWithItsName() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/8", "lb.internal")))
                .withMessageContaining("lb.internal");
    }
}
