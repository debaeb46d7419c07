package org.cinegraph.query.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An answer is read from the tables again as soon as any projection has committed (a writer's count in
 * {@code read_model_versions} went up in the transaction of its rows), and never served from memory while a table
 * it is read from, or the counts themselves, are missing.
 */
class KeptAnswersTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final ReadModelVersions versions = new ReadModelVersions(jdbc, ProjectionDatabase.dataSource());
    private final KeptAnswers answers = new KeptAnswers(versions, List.of(new Counted(jdbc)));
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void tablesBack() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS read_model_versions (projection VARCHAR(64) NOT NULL,"
                + " writer INTEGER NOT NULL, version BIGINT NOT NULL, PRIMARY KEY (projection, writer))").update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS zz_kept_answers_table (id INTEGER)").update();
    }

    @Test
    void anAnswerIsReadOnceUntilAProjectionCommits() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS zz_kept_answers_table (id INTEGER)").update();
        assertThat(answer("a")).isEqualTo("a1");
        assertThat(answer("a")).as("no commit since").isEqualTo("a1");
        assertThat(answer("b")).as("another key is another answer").isEqualTo("b2");

        versions.committed("movies", 3);
        assertThat(answer("a")).as("read again after a commit").isEqualTo("a3");
        assertThat(answer("a")).isEqualTo("a3");

        versions.committed("skipped", ReadModelVersions.DEAD_LETTER_RETRY);
        assertThat(answer("a")).as("any projection's commit, any writer").isEqualTo("a4");
    }

    @Test
    void aCountGoneUpInATransactionThatRolledBackKeepsTheAnswer() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS zz_kept_answers_table (id INTEGER)").update();
        assertThat(answer("c")).isEqualTo("c1");
        TransactionTemplate transactions = new TransactionTemplate(
                new DataSourceTransactionManager(ProjectionDatabase.dataSource()));
        transactions.executeWithoutResult(status -> {
            versions.committed("movies", 0);
            status.setRollbackOnly();
        });
        assertThat(answer("c")).as("nothing was committed").isEqualTo("c1");
    }

    @Test
    void nothingIsServedFromMemoryWhileATableIsMissing() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS zz_kept_answers_table (id INTEGER)").update();
        assertThat(answer("d")).isEqualTo("d1");
        jdbc.sql("DROP TABLE zz_kept_answers_table").update();
        assertThat(answer("d")).as("its table dropped by hand: read, and its 503 answered").isEqualTo("d2");
        assertThat(answer("d")).isEqualTo("d3");
        jdbc.sql("CREATE TABLE zz_kept_answers_table (id INTEGER)").update();
        assertThat(answer("d")).isEqualTo("d4");
        assertThat(answer("d")).isEqualTo("d4");

        jdbc.sql("DROP TABLE read_model_versions").update();
        assertThat(answer("d")).as("the counts dropped").isEqualTo("d5");
        tablesBack();
        assertThat(answer("d")).as("recreated empty: a table of another identity").isEqualTo("d6");
        assertThat(answer("d")).isEqualTo("d6");
    }

    @Test
    void aReadThatFailsIsNotKept() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS zz_kept_answers_table (id INTEGER)").update();
        assertThatThrownBy(() -> answers.get("e", () -> {
            reads.incrementAndGet();
            throw new IllegalStateException("the database went away");
        })).hasMessageContaining("went away");
        assertThat(answer("e")).isEqualTo("e2");
    }

    @Test
    void anAnswerOfTheTimeIsKeptOnlyForItsStamp() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS zz_kept_answers_table (id INTEGER)").update();
        assertThat(answerAt("f", 10)).isEqualTo("f1@10");
        assertThat(answerAt("f", 10)).as("the same second").isEqualTo("f1@10");
        assertThat(answerAt("f", 11)).as("the next second").isEqualTo("f2@11");
        assertThat(answerAt("f", 11)).isEqualTo("f2@11");
        versions.committed("movies", 0);
        assertThat(answerAt("f", 11)).as("a commit within the second").isEqualTo("f3@11");
    }

    @Test
    void aKeptAnswersJsonIsWrittenOnceAndAnyOtherEachTime() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS zz_kept_answers_table (id INTEGER)").update();
        AtomicInteger writes = new AtomicInteger();
        Function<Object, byte[]> write = answer -> {
            writes.incrementAndGet();
            return ("\"" + answer + "\"").getBytes(StandardCharsets.UTF_8);
        };
        String kept = answer("g");
        byte[] first = answers.json(kept, write);
        assertThat(answers.json(answer("g"), write)).as("the same bytes").isSameAs(first);
        assertThat(writes).hasValue(1);
        assertThat(answers.keeps(String.class)).isTrue();
        assertThat(answers.keeps(Integer.class)).isFalse();

        String equalButNotKept = new String(kept);
        assertThat(answers.json(equalButNotKept, write)).isEqualTo(first).isNotSameAs(first);
        assertThat(answers.json(equalButNotKept, write)).isNotSameAs(first);
        assertThat(writes).as("an answer that is not the kept one, written each time").hasValue(3);

        versions.committed("movies", 0);
        String again = answer("g");
        assertThat(answers.json(again, write)).as("read again after a commit, written again").isNotSameAs(first);
        assertThat(writes).hasValue(4);
    }

    @Test
    void anAnswerNoLongerKeptIsLetGoWithItsJson() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS zz_kept_answers_table (id INTEGER)").update();
        String first = answer("h");
        answers.json(first, answer -> new byte[64]);
        WeakReference<String> firstGone = new WeakReference<>(first);
        first = null;
        versions.committed("movies", 0);
        String second = answer("h");
        assertThat(second).as("read again, kept in its place").isNotEqualTo(firstGone.get());
        for (int i = 0; i < 20 && firstGone.get() != null; i++) {
            System.gc();
        }
        assertThat(firstGone.get()).as("nothing holds the answer replaced, its JSON included").isNull();
    }

    @Test
    void aVersionQueryThatHangsEndsAndTheAnswerIsRead() throws Exception {
        jdbc.sql("CREATE TABLE IF NOT EXISTS zz_kept_answers_table (id INTEGER)").update();
        assertThat(answer("i")).isEqualTo("i1");
        TransactionTemplate transactions = new TransactionTemplate(
                new DataSourceTransactionManager(ProjectionDatabase.dataSource()));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> lock = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("LOCK TABLE read_model_versions IN ACCESS EXCLUSIVE MODE").update();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            String read = assertTimeoutPreemptively(
                    Duration.ofSeconds(ReadModelVersions.VERSION_TIMEOUT_SECONDS * 4L), () -> answer("i"));
            assertThat(read).as("no version to be had: read, not served from memory").isEqualTo("i2");
        } finally {
            release.countDown();
            lock.get(30, TimeUnit.SECONDS);
        }
    }

    private String answerAt(String key, long second) {
        return answers.get(key, second, () -> key + reads.incrementAndGet() + "@" + second, answer -> 1);
    }

    private String answer(String key) {
        return answers.get(key, () -> key + reads.incrementAndGet());
    }

    @ProjectionTables("zz_kept_answers_table")
    private static final class Counted extends JdbcProjection {
        Counted(JdbcClient jdbc) {
            super(jdbc);
        }
    }
}
