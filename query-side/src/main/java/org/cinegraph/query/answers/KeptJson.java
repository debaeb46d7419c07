package org.cinegraph.query.answers;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.TypeUtils;

/**
 * Writes the answers {@link KeptAnswers} keeps as JSON, once an answer: every request served a kept answer gets
 * the bytes the first one wrote, instead of Jackson writing the same answer again for each (a fifth of a kept
 * read's CPU). The JSON is the one Spring MVC's Jackson converter writes, byte for byte: the application's
 * {@link ObjectMapper}, for the type the controller declares where Jackson's converter writes for it (a container
 * or an optional). Spring Boot puts this converter before Jackson's; it
 * takes only the classes of kept answers, in UTF-8, and never reads.
 */
@Component
class KeptJson extends AbstractGenericHttpMessageConverter<Object> {

    private final KeptAnswers answers;
    private final ObjectMapper mapper;

    KeptJson(KeptAnswers answers, ObjectMapper mapper) {
        // No default charset: the Content-Type stays application/json, as Jackson's converter writes it.
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        this.answers = answers;
        this.mapper = mapper;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return answers.keeps(type);
    }

    @Override
    public boolean canRead(Type type, @Nullable Class<?> contextClass, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    protected boolean canRead(@Nullable MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(@Nullable Type type, Class<?> clazz, @Nullable MediaType mediaType) {
        // Another charset asked for is Jackson's converter's to write.
        return super.canWrite(type, clazz, mediaType)
                && (mediaType == null || mediaType.getCharset() == null
                || StandardCharsets.UTF_8.equals(mediaType.getCharset()));
    }

    @Override
    protected void writeInternal(Object answer, @Nullable Type type, HttpOutputMessage output) throws IOException {
        byte[] json;
        try {
            json = answers.json(answer, value -> write(value, type));
        } catch (UncheckedIOException e) {
            throw new HttpMessageNotWritableException("Could not write JSON: " + e.getCause().getMessage(), e);
        }
        output.getBody().write(json);
    }

    /** As Jackson's converter writes it: for the declared type when that is a container or an optional. */
    private byte[] write(Object answer, @Nullable Type type) {
        ObjectWriter writer = mapper.writer();
        if (type != null && TypeUtils.isAssignable(type, answer.getClass())) {
            JavaType declared = mapper.constructType(type);
            if (declared.isContainerType() || declared.isTypeOrSubTypeOf(Optional.class)) {
                writer = writer.forType(declared);
            }
        }
        try {
            return writer.writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object read(Type type, @Nullable Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("Kept answers are only written", input);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("Kept answers are only written", input);
    }
}
