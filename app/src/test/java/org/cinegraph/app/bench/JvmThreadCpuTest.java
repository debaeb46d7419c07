package org.cinegraph.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The replay benchmark's account of the JVM's CPU by thread counts each thread's time under what it does. */
class JvmThreadCpuTest {

    /** CPU time, not wall time: on a busy machine a thread gets its share of a core only. */
    private static final Duration BURN = Duration.ofMillis(300);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void aPooledThreadsTimeCountsUnderEachNameItHadEvenAfterItEnded() throws Exception {
        assumeThat(ReportFigures.LINUX).as("Linux's /proc").isTrue();
        assumeThat(THREADS.isCurrentThreadCpuTimeSupported()).isTrue();
        JvmThreadCpu threads = JvmThreadCpu.start();
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch sampled = new CountDownLatch(1);
        CountDownLatch loadedHalf = new CountDownLatch(1);
        CountDownLatch sampledAgain = new CountDownLatch(1);
        // As a thread of the bulk load's pool: it reads the events of one load, then loads a segment of the next,
        // and ends.
        Thread pooled = new Thread(() -> {
            try {
                Thread.currentThread().setName(JvmThreadCpu.READER);
                burn(BURN);
                read.countDown();
                sampled.await(30, TimeUnit.SECONDS);
                Thread.currentThread().setName(JvmThreadCpu.LOADER);
                burn(BURN);
                loadedHalf.countDown();
                sampledAgain.await(30, TimeUnit.SECONDS);
                burn(BURN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pooled.start();
        assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
        threads.sample();
        sampled.countDown();
        assertThat(loadedHalf.await(30, TimeUnit.SECONDS)).isTrue();
        threads.sample();
        sampledAgain.countDown();
        pooled.join(30_000);

        JvmThreadCpu.Split split = threads.split();

        // Linux counts in ticks of 10 ms, sampled: a little either way.
        assertThat(split.readingEvents()).as("reading, while named the reader").isBetween(0.25, 0.6);
        assertThat(split.loadingProjections()).as("loading, up to the last sample before the thread ended")
                .isBetween(0.25, 0.6);
    }

    /** Keeps the current thread on a core until it has used {@code cpu} of CPU time. */
    private static void burn(Duration cpu) {
        long until = THREADS.getCurrentThreadCpuTime() + cpu.toNanos();
        long sum = 0;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            sum += System.nanoTime() % 7;
        }
        if (sum == 42) {
            System.out.println(sum);
        }
    }
}
