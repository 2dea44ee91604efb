package ownpilot.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import ownpilot.gateway.GatewayApplication;

/**
 * A gateway of a test's own, started with its own arguments (an auth mode, a second replica): on the
 * embedded database in a new data directory, or on {@code dataDir} when given.
 */
public final class Gateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Gateway(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static Gateway start(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--ownpilot.data-dir=" + dataDir,
                "--ownpilot.docker.host=tcp://127.0.0.1:9"));
        if (List.of(args).stream().noneMatch(a -> a.startsWith("--server.port="))) {
            all.add("--server.port=0");
        }
        if (List.of(args).stream().noneMatch(a -> a.startsWith("--spring.quartz.scheduler-name="))) {
            // Quartz's data sources are JVM-wide by scheduler name (see ApiTestBase)
            all.add("--spring.quartz.scheduler-name=ownpilot-" + java.util.UUID.randomUUID());
        }
        all.addAll(List.of(args));
        // main: the class a Spring AOT start looks its generated initializer up by (else the test runner)
        return new Gateway(new SpringApplicationBuilder(GatewayApplication.class, EventProbe.class)
                .main(GatewayApplication.class).run(all.toArray(String[]::new)));
    }

    public static Gateway start(String... args) {
        try {
            return start(Files.createTempDirectory("ownpilot-gw-"), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Api api() {
        return new Api(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
