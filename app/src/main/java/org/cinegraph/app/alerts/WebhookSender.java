package org.cinegraph.app.alerts;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs an alert to the webhook, retried with exponential backoff (resilience4j) while it fails: a connection that
 * fails, or an answer that is not 2xx.
 */
class WebhookSender {

    /** How long one POST may take, connecting included. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Webhook webhook;
    private final AlertProperties.Retry settings;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookSender(Webhook webhook, AlertProperties.Retry settings) {
        this.webhook = webhook;
        this.settings = settings;
    }

    Webhook webhook() {
        return webhook;
    }

    /** The longest a {@link #send} takes, every attempt timing out after the longest backoffs. */
    Duration longestSend() {
        return TIMEOUT.multipliedBy(2L * settings.maxAttempts())
                .plus(settings.maxBackoff().multipliedBy(settings.maxAttempts()));
    }

    /**
     * @return the attempts it took
     * @throws DeliveryFailedException once every attempt failed, saying why the last did, the webhook masked
     */
    int send(String json) {
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = Retry.of("health-alert", RetryConfig.<Integer>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.2,
                        settings.maxBackoff()))
                .retryOnException(failure -> failure instanceof AttemptFailedException)
                .failAfterMaxAttempts(true)
                .build());
        try {
            Retry.decorateCheckedSupplier(retry, () -> {
                attempts.incrementAndGet();
                return attempt(json);
            }).get();
            return attempts.get();
        } catch (AttemptFailedException failed) {
            throw new DeliveryFailedException(webhook.masked(failed.getMessage()), attempts.get());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while sending (the node is stopping)", attempts.get());
        } catch (Throwable unexpected) {
            throw new DeliveryFailedException(webhook.masked(unexpected.getClass().getSimpleName() + ": "
                    + unexpected.getMessage()), attempts.get());
        }
    }

    private int attempt(String json) throws InterruptedException {
        HttpResponse<Void> answer;
        // The request's own timeout covers the wait for the answer's headers only: a receiver that answers and never
        // ends its body would hold the sending past its claim's lease, and another node would send again.
        CompletableFuture<HttpResponse<Void>> sending = client.sendAsync(webhook.post(json),
                HttpResponse.BodyHandlers.discarding());
        try {
            answer = sending.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            sending.cancel(true);
            throw new AttemptFailedException("no whole answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw new AttemptFailedException(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException interrupted) {
            sending.cancel(true);
            throw interrupted;
        }
        if (answer.statusCode() / 100 != 2) {
            throw new AttemptFailedException("the webhook answered HTTP " + answer.statusCode());
        }
        return answer.statusCode();
    }

    /** One attempt failed; retried. */
    private static final class AttemptFailedException extends RuntimeException {

        AttemptFailedException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Every attempt failed. */
    static final class DeliveryFailedException extends RuntimeException {

        private final int attempts;

        DeliveryFailedException(String reason, int attempts) {
            super(reason, null, false, false);
            this.attempts = attempts;
        }

        int attempts() {
            return attempts;
        }
    }
}
