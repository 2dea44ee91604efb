package ownpilot.gateway.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every name lookup in this JVM goes through the system resolver and then drops the addresses
 * {@link OutboundAddresses} forbids (installed through {@code META-INF/services}). Because the HTTP
 * clients connect to what the lookup returned, no name can lead a call to a metadata service, not
 * even one whose DNS answer changes between a check and the connection (DNS rebinding).
 */
public class PolicyResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        return filtering(configuration.builtinResolver());
    }

    /** {@code system}'s answers without the forbidden addresses. */
    public static InetAddressResolver filtering(InetAddressResolver system) {
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                List<InetAddress> all = system.lookupByName(host, policy).toList();
                List<InetAddress> allowed = all.stream().filter(a -> !OutboundAddresses.forbidden(a)).toList();
                if (allowed.isEmpty() && !all.isEmpty()) {
                    throw new UnknownHostException(host + " resolves only to addresses the gateway never contacts"
                            + " (link-local or cloud metadata)");
                }
                return allowed.stream();
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return system.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "ownpilot-outbound-policy";
    }
}
