package dev.latchkey.domain.apikey;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The name resolver of the domain tests (installed through META-INF/services): it records every name the JDK is
 * asked to resolve and answers none but {@code localhost}, so a test can prove that parsing never touches DNS.
 */
public final class NoDnsResolverProvider extends InetAddressResolverProvider {

    private static final List<String> LOOKUPS = new CopyOnWriteArrayList<>();

    /** Every name looked up so far in this JVM. */
    static List<String> lookups() {
        return List.copyOf(LOOKUPS);
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                LOOKUPS.add(host);
                if (host.equals("localhost")) {
                    return builtin.lookupByName(host, policy);
                }
                throw new UnknownHostException(host + ": DNS is disabled in the domain tests");
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                throw new UnknownHostException("reverse DNS is disabled in the domain tests");
            }
        };
    }

    @Override
    public String name() {
        return "latchkey-domain-tests-no-dns";
    }
}
