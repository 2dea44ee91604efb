package ownpilot.gateway.shared;

/** The URL at which this gateway is reached on its own machine, for messages that tell users where to go. */
public final class LocalUrl {

    private LocalUrl() {}

    /** A wildcard or missing bind address means every interface, of which loopback is the one to name. */
    public static String of(String bindAddress, int port) {
        String address = bindAddress == null ? "" : bindAddress.trim();
        String host = address.isEmpty() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1"
                : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port;
    }
}
