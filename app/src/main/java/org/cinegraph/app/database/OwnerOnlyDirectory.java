package org.cinegraph.app.database;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory that only the user running the application can enter, so that nobody else can replace or plant
 * what the application runs from it. File systems without POSIX permissions (Windows) have no such modes; there
 * the directory is only created.
 */
final class OwnerOnlyDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyDirectory() {
    }

    /**
     * Creates the directory, or takes the existing one if it is this user's, and makes it {@code rwx------}.
     *
     * @throws IllegalStateException when it exists but is not a directory, or belongs to another user
     */
    static Path prepare(Path directory) throws IOException {
        if (!posix(directory)) {
            return Files.createDirectories(directory);
        }
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException existing) {
            // An earlier start made it, or someone else did: only the first may be used.
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException(directory + " is a link or not a directory. Remove it and start again.");
            }
            long owner = ((Number) Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            long self = new UnixSystem().getUid();
            if (owner != self) {
                throw new IllegalStateException(directory + " belongs to another user (uid " + owner
                        + "), who could change what runs from it. Remove it and start again as uid " + self + ".");
            }
        }
        restrict(directory);
        return directory;
    }

    /** Sets {@code rwx------} again, for a directory a library has opened to everyone. */
    static void restrict(Path directory) throws IOException {
        if (posix(directory)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
