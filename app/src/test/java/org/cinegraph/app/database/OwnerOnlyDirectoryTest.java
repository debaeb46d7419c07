package org.cinegraph.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory the embedded server's binaries run from: only its owner can enter it, and only it is used. */
class OwnerOnlyDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void aNewDirectoryAndAnOpenedOneOfThisUserAreOwnerOnly() throws Exception {
        Path created = OwnerOnlyDirectory.prepare(parent.resolve("new"));
        Path opened = Files.createDirectory(parent.resolve("opened"));
        Files.setPosixFilePermissions(opened, PosixFilePermissions.fromString("rwxrwxrwx"));

        OwnerOnlyDirectory.prepare(opened);

        assertThat(Files.getPosixFilePermissions(created)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(opened)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "only root can give a directory to another user");
        Path planted = Files.createDirectory(parent.resolve("planted"));
        Files.setAttribute(planted, "unix:uid", 65534);

        assertThatThrownBy(() -> OwnerOnlyDirectory.prepare(planted))
                .hasMessageContaining(planted + " belongs to another user (uid 65534)");
    }

    @Test
    void aLinkIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(parent.resolve("link"), Files.createDirectory(parent.resolve("target")));

        assertThatThrownBy(() -> OwnerOnlyDirectory.prepare(link)).hasMessageContaining(link + " is a link or not a directory");
    }
}
