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
 * the bind address, and {@code OWNPILOT_ALLOWED_HOSTS} (names or addresses; {@code *} serves any
 * host, for a gateway behind a proxy that checks names itself).
 */
@Component
class AllowedHosts {

    private final Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]", "::1"));
    private final boolean any;

    AllowedHosts(@Value("${server.address:127.0.0.1}") String bindAddress, KernelProperties settings) {
        List<String> configured = settings.http().allowedHosts();
        if (StringUtils.hasText(bindAddress) && !bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            names.add(normalise(bindAddress));
        }
        configured.stream().filter(StringUtils::hasText).map(AllowedHosts::normalise).forEach(names::add);
        this.any = names.contains("*");
    }

    boolean allows(String host) {
        return any || (host != null && names.contains(normalise(host)));
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
