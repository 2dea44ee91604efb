package ownpilot.gateway.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

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

    /** The configured {@code ownpilot.data-dir}, or the default location when it is blank. */
    public static DataDirectory of(String configured) {
        return configured != null && !configured.isBlank()
                ? new DataDirectory(Path.of(configured), false)
                : new DataDirectory(defaultRoot(), true);
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

    /**
     * The text of an owner-only (0600) file under {@code credentials/}, created with {@code fresh}
     * on first use. The file is created with its final permissions, so it is never readable by others,
     * not even for a moment.
     */
    public String secret(String name, Supplier<String> fresh) {
        Path file = subdirectory("credentials", true).resolve(name).normalize();
        try {
            if (!Files.exists(file)) {
                try {
                    Files.writeString(Files.createFile(file, ownerOnly(file.getParent())), fresh.get());
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first: read theirs
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret file " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
