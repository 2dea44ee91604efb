package ownpilot.gateway.database;

import java.nio.file.Path;

/** Another running gateway holds the data directory; reported as one clear message at start. */
public class DataDirectoryInUseException extends RuntimeException {

    DataDirectoryInUseException(Path dataRoot, String holderPid) {
        super("The data directory " + dataRoot + " is in use by another running gateway"
                + (holderPid.isBlank() ? "" : " (process " + holderPid + ")")
                + ". Stop that gateway, or start this one with another OWNPILOT_DATA_DIR.");
    }
}
