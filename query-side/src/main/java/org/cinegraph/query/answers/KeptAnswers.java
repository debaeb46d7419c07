package org.cinegraph.query.answers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.cinegraph.query.writes.JdbcProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The answers of the dashboard's hottest reads, kept in memory until a projection commits. Each is read from the
 * tables once and served again while the read models' version ({@link ReadModelVersions}) is the one it was read
 * at: one small query a request instead of the several an answer costs. The version is taken before the answer is
 * read, so what is kept is never older than the version it is kept under, and since every projection counts its
 * commits in the transaction of its rows, a kept answer is never older than any projection's last batch, whichever
 * node wrote it. A read that fails is not kept; when a table is missing nothing is served from memory, and the
 * read answers what it would (a 503 naming the table).
 */
@Component
public class KeptAnswers {

    /**
     * How much is kept, in rows of the answers (a page of 50 movies weighs 51, the import's state 1): about 200,000
     * movies' summaries at most, some tens of MiB, however many distinct pages a crawler asks for. The least used go
     * first beyond it; answers of an older version are dropped the first time they are asked for again.
     */
    static final long MAX_WEIGHT = 200_000;

    private final ReadModelVersions versions;
    private final List<String> tables;
    private final Cache<Object, Kept> kept = Caffeine.newBuilder().maximumWeight(MAX_WEIGHT)
            .weigher((Object key, Kept answer) -> answer.weight()).build();

    /**
     * @param projections every projection: while any of their tables is missing, no answer is served from memory
     */
    @Autowired
    KeptAnswers(ReadModelVersions versions, List<JdbcProjection> projections) {
        this.versions = Objects.requireNonNull(versions);
        this.tables = projections.stream().flatMap(projection -> projection.tables().stream()).distinct().sorted()
                .toList();
    }

    private KeptAnswers() {
        this.versions = null;
        this.tables = List.of();
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
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> read, ToIntFunction<T> rows) {
        if (versions == null) {
            return read.get();
        }
        Optional<String> version = versions.current(tables);
        if (version.isEmpty()) {
            kept.invalidateAll();
            return read.get();
        }
        Kept answer = kept.getIfPresent(key);
        if (answer != null && answer.version().equals(version.get())) {
            return (T) answer.value();
        }
        T value = read.get();
        kept.put(key, new Kept(version.get(), value, Math.max(1, rows.applyAsInt(value))));
        return value;
    }

    private record Kept(String version, Object value, int weight) {
    }
}
