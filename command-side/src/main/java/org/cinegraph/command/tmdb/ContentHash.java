package org.cinegraph.command.tmdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a TMDb record's content: its JSON with the fields of every object sorted and no whitespace,
 * so the same record sent with its fields in another order or other spacing hashes the same, and any change
 * of a value hashes differently.
 */
public final class ContentHash {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private ContentHash() {
    }

    public static byte[] of(JsonNode record) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(record).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not hash a TMDb record", e);
        }
    }

    /** @throws IllegalArgumentException when {@code json} is not JSON */
    public static byte[] of(String json) {
        try {
            return of(CANONICAL.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON record", e);
        }
    }
}
