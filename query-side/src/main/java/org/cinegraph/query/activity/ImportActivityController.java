package org.cinegraph.query.activity;

import static org.cinegraph.kernel.problems.Problems.invalidParameter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cinegraph.query.failures.ImportFailureRepository;
import org.cinegraph.query.movies.MovieRepository;
import org.cinegraph.query.skipped.SkippedImportRepository;
import org.cinegraph.query.web.BucketCount;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How fast the import goes: the movies imported, skipped and failed in each bucket of time over the last hours,
 * for the dashboard's chart. Each outcome is counted from its own table by when it was recorded, so the chart
 * shows every source's work, not only the years'.
 */
@RestController
record ImportActivityController(MovieRepository movies, SkippedImportRepository skips, ImportFailureRepository failures,
                                Clock clock) {

    private static final int DEFAULT_HOURS = 6;
    private static final int MAX_HOURS = 48;

    /**
     * Every bucket of the last {@code hours}, oldest first, zeros included, so a chart needs no gaps filled. The
     * last bucket is the one now falls in, still filling.
     */
    @GetMapping("/api/import/activity")
    ImportActivity activity(@RequestParam(required = false) Integer hours) {
        int span = hours == null ? DEFAULT_HOURS : hours;
        if (span < 1 || span > MAX_HOURS) {
            throw invalidParameter("hours must be between 1 and " + MAX_HOURS + ", not " + span + ".");
        }
        Duration bucket = bucketFor(span);
        int count = (int) (Duration.ofHours(span).toSeconds() / bucket.toSeconds());
        Instant now = clock.instant();
        Instant from = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), bucket.toSeconds())
                * bucket.toSeconds()).minus(bucket.multipliedBy(count - 1L));
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime until = OffsetDateTime.ofInstant(from.plus(bucket.multipliedBy(count)), ZoneOffset.UTC);
        long seconds = bucket.toSeconds();
        long[] imported = perBucket(movies.importedPerBucket(seconds, start, until), from, bucket, count);
        long[] skipped = perBucket(skips.skippedPerBucket(seconds, start, until), from, bucket, count);
        long[] failed = perBucket(failures.failedPerBucket(seconds, start, until), from, bucket, count);
        List<Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new Bucket(from.plus(bucket.multipliedBy(i)), imported[i], skipped[i], failed[i]));
        }
        return new ImportActivity(from, now, bucket.toSeconds(), buckets);
    }

    /** Minutes for a few hours, five minutes up to a day, a quarter of an hour beyond: at most 360 bars. */
    private static Duration bucketFor(int hours) {
        if (hours <= 6) {
            return Duration.ofMinutes(1);
        }
        return hours <= 24 ? Duration.ofMinutes(5) : Duration.ofMinutes(15);
    }

    /**
     * The outcomes of each of {@code count} buckets from {@code from}, as a repository counted them: one range scan of
     * the index of when they were recorded (V18), whatever the size of the table. Buckets with no outcome stay 0.
     */
    private static long[] perBucket(List<BucketCount> counted, Instant from, Duration bucket, int count) {
        long[] counts = new long[count];
        for (BucketCount each : counted) {
            counts[(int) (Duration.between(from, each.getStart()).toSeconds() / bucket.toSeconds())] = each.getMovies();
        }
        return counts;
    }

    /** {@code from} is the start of the oldest bucket, {@code to} now. */
    record ImportActivity(Instant from, Instant to, long bucketSeconds, List<Bucket> buckets) {
    }

    record Bucket(Instant start, long imported, long skipped, long failed) {
    }
}
