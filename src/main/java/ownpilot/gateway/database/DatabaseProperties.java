package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database ({@code ownpilot.database.*}): an external PostgreSQL when {@code url} is set, else the
 * embedded one, sized by {@code embedded.*}; the pool settings apply to both.
 */
@ConfigurationProperties("ownpilot.database")
record DatabaseProperties(String url, String username, String password, @DefaultValue("20") int poolSize,
        @DefaultValue("5000") long connectionTimeoutMs, @DefaultValue Embedded embedded) {

    /** An external PostgreSQL is configured, so the gateway starts none of its own. */
    boolean external() {
        return url != null && !url.isBlank();
    }

    void applyTo(HikariDataSource dataSource) {
        dataSource.setPoolName("ownpilot");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setConnectionTimeout(connectionTimeoutMs);
        dataSource.setValidationTimeout(Math.min(connectionTimeoutMs, 2000));
    }

    /**
     * The embedded server's memory and connections, sized for one person's gateway rather than
     * PostgreSQL's general defaults (128MB shared buffers, 100 connections): the pool is the only
     * client, and a personal data set fits in a small buffer cache with the operating system's page
     * cache behind it.
     */
    record Embedded(@DefaultValue("32MB") String sharedBuffers, @DefaultValue("4MB") String workMem,
            @DefaultValue("32MB") String maintenanceWorkMem, @DefaultValue("40") int maxConnections) {

        /** PostgreSQL's memory units; anything else would reach the server's command line. */
        private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,6}(kB|MB|GB)");
        /** Connections PostgreSQL keeps for superusers and the gateway's own start-up checks. */
        static final int RESERVED = 5;

        Embedded {
            for (String size : new String[] {sharedBuffers, workMem, maintenanceWorkMem}) {
                if (size == null || !SIZE.matcher(size).matches()) {
                    throw new IllegalArgumentException("ownpilot.database.embedded memory sizes are a number with "
                            + "kB, MB or GB (such as 32MB); got: " + size);
                }
            }
        }

        void checkRoomFor(int poolSize) {
            if (poolSize > maxConnections - RESERVED) {
                throw new IllegalArgumentException("ownpilot.database.embedded.max-connections (" + maxConnections
                        + ") must be at least ownpilot.database.pool-size (" + poolSize + ") + " + RESERVED);
            }
        }
    }
}
