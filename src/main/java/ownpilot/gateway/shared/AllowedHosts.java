package ownpilot.gateway.shared;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The {@code Host} names the gateway answers to: {@code localhost}, {@code 127.0.0.1}, {@code [::1]},
 * the bind address, the host of {@code OWNPILOT_PUBLIC_URL} (where platforms deliver channel webhooks),
 * and {@code OWNPILOT_ALLOWED_HOSTS} (names or addresses; {@code *} serves any
 * host, for a gateway behind a proxy that checks names itself).
 */
@Component
class AllowedHosts {

    private final Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]", "::1"));
    private final boolean any;

    AllowedHosts(@Value("${server.address:127.0.0.1}") String bindAddress, KernelProperties settings,
            @Value("${ownpilot.channels.public-url:}") String publicUrl) {
        List<String> configured = settings.http().allowedHosts();
        publicHost(publicUrl).ifPresent(names::add);
        if (StringUtils.hasText(bindAddress) && !bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            names.add(normalise(bindAddress));
        }
        configured.stream().filter(StringUtils::hasText).map(AllowedHosts::normalise).forEach(names::add);
        this.any = names.contains("*");
    }

    /** The host of the public address platforms deliver webhooks to (through a tunnel or proxy that keeps it). */
    private static java.util.Optional<String> publicHost(String publicUrl) {
        try {
            return StringUtils.hasText(publicUrl) ? java.util.Optional.ofNullable(java.net.URI.create(publicUrl.trim())
                    .getHost()).map(AllowedHosts::normalise) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("OWNPILOT_PUBLIC_URL is not a URL: " + publicUrl, e);
        }
    }

    boolean allows(String host) {
        return any || (host != null && names.contains(normalise(host)));
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
