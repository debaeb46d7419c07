/**
 * Upcasters: how events stored by an older revision of their class are read as the current one.
 *
 * <p>Each upcaster is a Spring bean. Axon's Spring Boot auto-configuration registers every
 * {@link org.axonframework.serialization.upcasting.event.EventUpcaster} bean, in {@code @Order}, in the chain
 * that the event storage engine applies to everything it reads: aggregate streams, the processors' streams,
 * replays. A later upcaster reads what the earlier ones wrote, so {@code @Order} is the order they were written
 * in: the next one takes the next number. Upcasters name stored types by their stored string, never by a class
 * reference, because a stored type stays as it was written even when its class is renamed.
 *
 * <p>Axon's dead-letter queue does not upcast: a parked event is read back with the serializer alone.
 */
package org.cinegraph.app.axon.upcasting;
