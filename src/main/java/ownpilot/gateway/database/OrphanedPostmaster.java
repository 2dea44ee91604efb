package ownpilot.gateway.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on our cluster by a gateway that died without stopping it (a
 * {@code kill -9}, the OOM killer): the embedded postmaster is a daemon and outlives the JVM. Once
 * we hold the data-directory lock, nobody else can be using it, so it is stopped (SIGTERM, a smart
 * shutdown: its clients died with their JVM) and the cluster is started afresh by us.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final long STOP_WAIT_SECONDS = 60;

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path pgData) {
        find(pgData).ifPresent(postmaster -> {
            log.warn("Stopping the PostgreSQL (pid {}) that a previous gateway left running on {}", postmaster.pid(),
                    pgData);
            postmaster.destroy();
            try {
                postmaster.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The PostgreSQL left running on " + pgData + " (pid "
                        + postmaster.pid() + ") did not stop within " + STOP_WAIT_SECONDS + " s; stop it by hand", e);
            }
        });
    }

    /** The live postmaster named by {@code postmaster.pid}, if that process is a postgres serving this directory. */
    static Optional<ProcessHandle> find(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2 || !Path.of(lines.get(1).trim()).toRealPath().equals(pgData.toRealPath())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(OrphanedPostmaster::isPostgres);
        } catch (IOException | RuntimeException unreadable) {
            // a half-written or foreign file: PostgreSQL's own start-up check decides
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                .orElse(true);
    }
}
