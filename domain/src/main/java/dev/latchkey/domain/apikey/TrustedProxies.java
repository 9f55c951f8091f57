package dev.latchkey.domain.apikey;

import java.util.List;

/**
 * Which peers may tell the client's address in {@code X-Forwarded-For} (the deployment's load balancers and reverse
 * proxies). Without any, the client is always the direct peer, whatever the header says: a client could otherwise
 * claim any address and walk past an IP allowlist.
 * <p>
 * With some: when the direct peer is one of them, the header is read from the right (each proxy appends the address
 * it received the request from) and the first address that is not a trusted proxy is the client. An entry that is not
 * an address ends the walk at the proxy that appended it; when every entry is a trusted proxy, the leftmost is the
 * client.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<IpRange> proxies;

    private TrustedProxies(List<IpRange> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    /** @throws IllegalArgumentException naming the first entry that is not an address or CIDR block */
    public static TrustedProxies of(List<String> cidrs) {
        return new TrustedProxies(cidrs.stream().filter(cidr -> !cidr.isBlank()).map(IpRange::parse).toList());
    }

    public boolean isEmpty() {
        return proxies.isEmpty();
    }

    public String clientAddress(String peer, String forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!IpRange.isValid(hop) || hop.indexOf('/') >= 0) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return address != null && proxies.stream().anyMatch(proxy -> proxy.contains(address));
    }
}
