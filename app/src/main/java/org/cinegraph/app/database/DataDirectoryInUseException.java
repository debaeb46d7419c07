package org.cinegraph.app.database;

import java.nio.file.Path;

/** Another running instance owns the embedded database's data directory. */
class DataDirectoryInUseException extends IllegalStateException {

    DataDirectoryInUseException(Path dataDirectory) {
        super("Another running Cinegraph instance uses the data directory " + dataDirectory
                + ". Stop it first, or give this one its own cinegraph.data-dir.");
    }
}
