package ownpilot.gateway.shared;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * An optional second port that answers the health probes only ({@code ownpilot.health.probe-port},
 * {@code OWNPILOT_PROBE_PORT}; 0 picks a free one), on two platform threads and a poller of its own.
 * On the main port a probe waits with every other request for Tomcat's one poller and the
 * virtual-thread carriers: during a burst of 2,000 streamed chats on two cores it waited up to
 * seconds there (bench/README.md, sixth session). Read at start-up, not through a condition, so
 * the Spring AOT build does not fix it.
 */
@Component
public class ProbePort implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final int THREADS = 2;
    private static final int MAX_CONNECTIONS = 64;

    private final Integer port;
    private volatile Connector connector;

    ProbePort(Environment environment) {
        this.port = environment.getProperty("ownpilot.health.probe-port", Integer.class);
        if (port != null && (port < 0 || port > 65_535)) {
            throw new IllegalArgumentException("ownpilot.health.probe-port must be a port from 0 to 65535; got "
                    + port);
        }
    }

    /** Runs after Spring Boot's own customizer, so the factory holds the main port and bind address. */
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (port == null) {
            return;
        }
        if (port > 0 && port == factory.getPort()) {
            throw new IllegalArgumentException("ownpilot.health.probe-port (" + port + ") must differ from "
                    + "server.port: the probes need a port of their own");
        }
        Connector probes = new Connector(Http11NioProtocol.class.getName());
        probes.setPort(port);
        Http11NioProtocol protocol = (Http11NioProtocol) probes.getProtocolHandler();
        protocol.setMaxThreads(THREADS);
        protocol.setMinSpareThreads(1);
        protocol.setMaxConnections(MAX_CONNECTIONS);
        protocol.setAcceptCount(MAX_CONNECTIONS);
        protocol.setAddress(factory.getAddress());
        connector = probes;
        factory.addAdditionalConnectors(probes);
    }

    /** True when the request came in on the probe port. */
    boolean received(jakarta.servlet.ServletRequest request) {
        Connector probes = connector;
        return probes != null && request.getLocalPort() == probes.getLocalPort();
    }

    /** The port the probes are served on, or -1 when there is none (or it is not bound yet). */
    public int localPort() {
        Connector probes = connector;
        return probes == null ? -1 : probes.getLocalPort();
    }
}
