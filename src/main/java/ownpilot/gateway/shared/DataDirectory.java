package ownpilot.gateway.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The gateway's data root ({@code ownpilot.data-dir}, default {@code ~/.ownpilot}): the embedded
 * database, the generated secret key and any files live below it.
 */
public final class DataDirectory {

    private final Path root;
    private final boolean defaultLocation;

    public DataDirectory(Path root, boolean defaultLocation) {
        this.root = root.toAbsolutePath().normalize();
        this.defaultLocation = defaultLocation;
    }

    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".ownpilot");
    }

    public Path root() {
        return root;
    }

    public boolean isDefaultLocation() {
        return defaultLocation;
    }

    /** A sub-directory, created on first use; {@code privateDir} makes it owner-only (0700). */
    public Path subdirectory(String name, boolean privateDir) {
        Path dir = resolveInside(name);
        try {
            Files.createDirectories(dir);
            if (privateDir && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dir, e);
        }
    }

    /** Resolves a relative path and refuses anything that would leave the data root. */
    public Path resolveInside(String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("Path escapes the data directory: " + relative);
        }
        return resolved;
    }
}
