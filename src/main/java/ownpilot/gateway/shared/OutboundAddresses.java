package ownpilot.gateway.shared;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one address policy for every outbound call (model providers, discovery, catalog sync, and
 * the webhooks, OAuth and fetch tools to come). Loopback and private addresses are allowed: a model
 * server on the user's machine or LAN is legitimate. Never contacted: link-local addresses (the
 * cloud metadata services live at 169.254.169.254, fe80::…), the other metadata endpoints
 * ({@code fd00:ec2::254}, Alibaba's {@code 100.100.100.200}, Azure's {@code 168.63.129.16}),
 * unspecified, multicast and broadcast addresses, also when written in an IPv6 form that embeds one
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4). Names are checked on every lookup by
 * {@link PolicyResolverProvider}, so the address actually connected is the one checked, even when a
 * name resolves differently the second time; literal addresses in URLs are checked here.
 */
public final class OutboundAddresses {

    /** Metadata endpoints outside the link-local range, and the broadcast address. */
    private static final Set<String> NEVER_V4 = Set.of("100.100.100.200", "168.63.129.16", "255.255.255.255");
    private static final Pattern V4_LITERAL = Pattern.compile("[0-9.]+|(?i)0x[0-9a-f.x]+");
    private static final byte[] EC2_V6 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x54};

    private OutboundAddresses() {}

    public static boolean forbidden(InetAddress address) {
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        if (address instanceof Inet4Address v4) {
            return v4.getAddress()[0] == 0 || NEVER_V4.contains(v4.getHostAddress());
        }
        byte[] b = address.getAddress();
        if (Arrays.equals(b, EC2_V6)) {
            return true;
        }
        byte[] embedded = embeddedIpv4(b);
        return embedded != null && forbidden(v4(embedded));
    }

    /** The IPv4 address inside an IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::}) or 6to4 address. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean compatible = zeros && b[10] == 0 && b[11] == 0;
        boolean mapped = zeros && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        if (compatible || mapped || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static InetAddress v4(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether a URL names a forbidden address literally (names are checked when they are resolved). */
    public static boolean forbiddenLiteral(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.contains(":") && !V4_LITERAL.matcher(bare).matches()) {
            return false;
        }
        try {
            return forbidden(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** Refuses a URL whose literal address is forbidden, as a 400 on {@code field}. */
    public static void requireAllowed(URI uri, String field) {
        if (forbiddenLiteral(uri)) {
            throw ApiException.validation(field, "must not point at a link-local or cloud metadata address");
        }
    }
}
