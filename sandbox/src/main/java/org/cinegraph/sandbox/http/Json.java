package org.cinegraph.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Streams response bodies straight to bytes: the sandbox writes each body once, in TMDb's field order,
 * so building a tree of nodes first would only cost allocations.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    @FunctionalInterface
    public interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /** Writes the fields of one item's object, to the generator the caller holds. */
    @FunctionalInterface
    public interface Fields<T> {
        void of(T item) throws IOException;
    }

    private Json() {
    }

    public static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a sandbox response body", e);
        }
        return out.toByteArray();
    }

    public static void writeStrings(JsonGenerator json, String field, Iterable<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** An array of objects, one for each item: TMDb's shape for every list of things. */
    public static <T> void writeObjects(JsonGenerator json, String field, Iterable<T> items, Fields<T> fields)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (T item : items) {
            json.writeStartObject();
            fields.of(item);
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
