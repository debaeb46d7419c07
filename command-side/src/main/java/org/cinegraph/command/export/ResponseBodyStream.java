package org.cinegraph.command.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body of the JDK's HTTP client as a stream that waits at most the read timeout for its next bytes and
 * gives up when its thread is interrupted. The client's own {@code BodyHandlers.ofInputStream()} does neither: its
 * timeout ends with the headers, so a server that stops sending in the middle of a file would hold the reader
 * forever. One piece is asked for at a time, so no more than a piece waits in memory.
 */
final class ResponseBodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Duration readTimeout;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private Iterator<ByteBuffer> piece = Collections.emptyIterator();
    private ByteBuffer buffer = EMPTY;
    private boolean ended;
    private IOException failure;

    private final Instant lastModified;

    /** @param lastModified when the server says the body was made, or null */
    ResponseBodyStream(Duration readTimeout, Instant lastModified) {
        this.readTimeout = readTimeout;
        this.lastModified = lastModified;
    }

    /** When the server says the body was made ({@code Last-Modified}), or null when it does not say. */
    Instant lastModified() {
        return lastModified;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        if (subscription.complete(given)) {
            given.request(1);
        } else {
            // Closed before the body began: nothing of it is wanted.
            given.cancel();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        arrived.add(buffers);
    }

    @Override
    public void onError(Throwable error) {
        arrived.add(error);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        while (!buffer.hasRemaining()) {
            if (piece.hasNext()) {
                buffer = piece.next();
            } else if (!nextPiece()) {
                return -1;
            }
        }
        int read = Math.min(length, buffer.remaining());
        buffer.get(bytes, offset, read);
        return read;
    }

    /**
     * The bytes at hand, or, until the body's end has come, 1 (as {@code InflaterInputStream} answers): Java 17's
     * {@code GZIPInputStream} looks for a further gzip member only when the stream has bytes available, so a file of
     * several members whose boundary fell between two pieces of the body would otherwise end early, silently.
     */
    @Override
    public int available() {
        if (buffer.hasRemaining()) {
            return buffer.remaining();
        }
        return ended ? 0 : 1;
    }

    /**
     * Reads on to the body's end, which must come now: a reader that stopped early (a gzip reader stops at the end of
     * what it can decode, and passes over a failure while it looks for a further member) would otherwise take part
     * of a file for all of it.
     *
     * @throws IOException the body's failure, or when bytes are left over
     */
    void requireEnd() throws IOException {
        if (read() != -1) {
            throw new IOException("Bytes follow the end of the compressed data");
        }
    }

    /** Waits for the next piece of the body; false at its end. */
    @SuppressWarnings("unchecked")
    private boolean nextPiece() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return false;
        }
        Object next;
        try {
            next = arrived.poll(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("Interrupted while reading the body");
            interrupted.initCause(e);
            failure = interrupted;
            throw failure;
        }
        if (next == null) {
            close();
            failure = new HttpTimeoutException("No bytes of the body came for " + readTimeout);
            throw failure;
        }
        if (next == END) {
            ended = true;
            return false;
        }
        if (next instanceof Throwable error) {
            failure = error instanceof IOException io ? io : new IOException(error);
            throw failure;
        }
        piece = ((List<ByteBuffer>) next).iterator();
        subscription.join().request(1);
        return true;
    }

    /** Stops the body: the client closes the connection rather than read the rest. */
    @Override
    public void close() {
        if (!subscription.completeExceptionally(new CancellationException("closed"))
                && !subscription.isCompletedExceptionally()) {
            subscription.join().cancel();
        }
    }
}
