package org.cinegraph.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Jackson serializes everything Axon stores: events, messages, tokens, sagas, dead letters. It uses an
 * ObjectMapper of its own, never the web API's: a {@code spring.jackson.*} setting made for the API must
 * not change how events are written or read back. With {@code axon.serializer.*} set to jackson, Axon's
 * message and event serializers are this one.
 */
@Configuration(proxyBeanMethods = false)
class AxonSerializationConfiguration {

    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver) {
        JsonMapper storageMapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Event shapes evolve through @Revision and upcasters; an unknown field is a bug to surface.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(getClass().getClassLoader()))
                .objectMapper(storageMapper)
                .build();
    }
}
