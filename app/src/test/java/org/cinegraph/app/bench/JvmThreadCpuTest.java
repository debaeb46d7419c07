package org.cinegraph.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The replay benchmark's account of the JVM's CPU by thread counts each thread's time under what it does. */
class JvmThreadCpuTest {

    private static final Duration BUSY = Duration.ofMillis(400);

    @Test
    void aPooledThreadsTimeCountsUnderEachNameItHadEvenAfterItEnded() throws Exception {
        assumeThat(ReportFigures.LINUX).as("Linux's /proc").isTrue();
        JvmThreadCpu threads = JvmThreadCpu.start();
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch load = new CountDownLatch(1);
        // As a thread of the bulk load's pool: it reads the events of one load, then loads a segment of the next.
        Thread pooled = new Thread(() -> {
            try {
                Thread.currentThread().setName(JvmThreadCpu.READER);
                spin(BUSY);
                read.countDown();
                load.await();
                Thread.currentThread().setName(JvmThreadCpu.LOADER);
                spin(BUSY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pooled.start();
        read.await();
        threads.sample();
        load.countDown();
        Thread.sleep(BUSY.toMillis() / 2);
        threads.sample();
        pooled.join();

        JvmThreadCpu.Split split = threads.split();

        assertThat(split.readingEvents()).as("reading").isBetween(0.3, 1.0);
        assertThat(split.loadingProjections()).as("loading, sampled halfway before the thread ended")
                .isBetween(0.1, 1.0);
        assertThat(split.other()).as("this test's thread, which only waited").isLessThan(0.2);
    }

    private static void spin(Duration busy) {
        long until = System.nanoTime() + busy.toNanos();
        long sum = 0;
        while (System.nanoTime() < until) {
            sum += System.nanoTime() % 7;
        }
        if (sum == 42) {
            System.out.println(sum);
        }
    }
}
