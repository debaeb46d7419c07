package org.cinegraph.query.answers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.cinegraph.query.writes.JdbcProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The answers of the dashboard's hottest reads, kept in memory until a projection commits. Each is read from the
 * tables once and served again while the read models' version ({@link ReadModelVersions}) is the one it was read
 * at: one small query for the requests that arrive together ({@link SharedVersionReads}) instead of the several
 * an answer costs, and the answer's JSON written once ({@link KeptJson}). The version is taken before the answer is
 * read, so what is kept is never older than the version it is kept under, and since every projection counts its
 * commits in the transaction of its rows, a kept answer is never older than any projection's last batch, whichever
 * node wrote it. A read that fails is not kept; when a table is missing nothing is served from memory, and the
 * read answers what it would (a 503 naming the table).
 */
@Component
public class KeptAnswers {

    /**
     * How much is kept, in rows of the answers (a page of 50 movies weighs 51, the import's state 1): about 100,000
     * movies' summaries at most, with their JSON once written (some hundreds of bytes a row each), some tens of MiB
     * however many distinct pages a crawler asks for. The least used go first beyond it; answers of an older version
     * are dropped the first time they are asked for again.
     */
    static final long MAX_WEIGHT = 100_000;

    /** The read models' version, one query for the requests that arrive together; null: nothing is kept. */
    private final SharedVersionReads versions;
    private final Cache<Object, Kept> kept = Caffeine.newBuilder().maximumWeight(MAX_WEIGHT)
            .weigher((Object key, Kept answer) -> answer.weight()).build();
    /**
     * The JSON of each kept answer, by the answer's identity: what {@link #json} finds it by. The answer is held
     * weakly and its {@link Json} holds nothing of it, so an answer dropped from {@link #kept} goes from here too
     * once no request writes it any more.
     */
    private final Cache<Object, Json> byAnswer = Caffeine.newBuilder().weakKeys().build();
    /** The classes of the answers kept, which {@link KeptJson} writes. */
    private final Set<Class<?>> classes = ConcurrentHashMap.newKeySet();

    /**
     * @param projections every projection: while any of their tables is missing, no answer is served from memory
     */
    @Autowired
    KeptAnswers(ReadModelVersions versions, List<JdbcProjection> projections) {
        ReadModelVersions.Query query = ReadModelVersions.query(projections.stream()
                .flatMap(projection -> projection.tables().stream()).distinct().sorted().toList());
        this.versions = new SharedVersionReads(() -> versions.current(query),
                Duration.ofSeconds(ReadModelVersions.VERSION_TIMEOUT_SECONDS));
    }

    private KeptAnswers() {
        this.versions = null;
    }

    /**
     * Answers that are read every time, kept for nothing: for reads of tables written by a projection's handlers
     * called directly (a test's), which count no commit.
     */
    public static KeptAnswers readEachTime() {
        return new KeptAnswers();
    }

    /** As {@link #get(Object, Supplier, ToIntFunction)}, for an answer of one row. */
    public <T> T get(Object key, Supplier<T> read) {
        return get(key, read, answer -> 1);
    }

    /**
     * The answer kept under {@code key} if no projection committed since it was read; else {@code read}'s,
     * kept.
     *
     * @param key what the answer depends on besides the read models (the request's parameters), with
     *            {@code equals} and {@code hashCode}
     * @param rows how many rows an answer holds, which is what keeping it weighs
     */
    public <T> T get(Object key, Supplier<T> read, ToIntFunction<T> rows) {
        return get(key, "", read, rows);
    }

    /**
     * As {@link #get(Object, Supplier, ToIntFunction)}, for an answer that also depends on something that changes
     * on its own, such as the time: the answer kept under {@code key} is served only while {@code stamp} is the
     * one it was read with (the second it was read at, say); one answer is kept under a key, the last one read.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Object stamp, Supplier<T> read, ToIntFunction<T> rows) {
        if (versions == null) {
            return read.get();
        }
        Optional<String> current = versions.current();
        if (current.isEmpty()) {
            kept.invalidateAll();
            return read.get();
        }
        Kept answer = kept.getIfPresent(key);
        if (answer != null && answer.version().equals(current.get()) && answer.stamp().equals(stamp)) {
            return (T) answer.value();
        }
        T value = read.get();
        if (value != null) {
            Kept fresh = new Kept(current.get(), stamp, value, Math.max(1, rows.applyAsInt(value)));
            classes.add(value.getClass());
            kept.put(key, fresh);
            byAnswer.put(value, fresh.json);
        }
        return value;
    }

    /** Whether answers of this class are kept, and so may be written by {@link #json}. */
    boolean keeps(Class<?> type) {
        return classes.contains(type);
    }

    /**
     * The answer as JSON: written once for a kept answer, by {@code write}, and the same bytes given to every
     * request that is served it; written each time for any other.
     */
    byte[] json(Object answer, Function<Object, byte[]> write) {
        Json held = byAnswer.getIfPresent(answer);
        if (held == null) {
            return write.apply(answer);
        }
        byte[] json = held.bytes;
        if (json == null) {
            json = write.apply(answer);
            held.bytes = json;
        }
        return json;
    }

    /** An answer kept, and its JSON. */
    private record Kept(String version, Object stamp, Object value, int weight, Json json) {

        Kept(String version, Object stamp, Object value, int weight) {
            this(version, Objects.requireNonNull(stamp), value, weight, new Json());
        }
    }

    /** A kept answer's JSON, once a request has written it; it must never refer to the answer it is of. */
    static final class Json {

        volatile byte[] bytes;
    }
}
