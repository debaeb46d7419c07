package org.cinegraph.command.node;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The command side's background threads, in pools the application context shuts down. Every thread is a daemon, so
 * none keeps the JVM from stopping. A pool takes work until the context destroys it, after the beans that use it:
 * those that must hand their work over stop it themselves first. Destroying a pool interrupts what still runs.
 *
 * <p>None is a default candidate: Spring Boot's own task executor, which it makes only while no other executor is
 * a candidate, stays the one injected where a plain {@code TaskExecutor} is asked for.
 */
@Configuration(proxyBeanMethods = false)
public class BackgroundThreads {

    /** A thread for each year whose import runs on this node, for as long as it runs. */
    public static final String YEAR_IMPORT_JOBS = "yearImportJobs";
    /** The delta sync's one thread. */
    public static final String CHANGE_SYNC = "changeSync";
    /** The export sweep's one thread. */
    public static final String EXPORT_SWEEP = "exportSweep";
    /** The actions an admin, or a start's catch-up, leaves to run in the background ({@link BackgroundActions}). */
    public static final String ACTIONS = "backgroundActionThreads";
    /** The renewals of this node's leases ({@link NodeLease}). */
    public static final String LEASE_RENEWALS = "leaseRenewals";
    /** How long a pool, destroyed, waits for its interrupted jobs to stop: they release their work as they do. */
    private static final int JOB_STOP_SECONDS = 30;

    @Bean(name = YEAR_IMPORT_JOBS, defaultCandidate = false)
    ThreadPoolTaskExecutor yearImportJobs() {
        return growing("year-import-", JOB_STOP_SECONDS);
    }

    @Bean(name = CHANGE_SYNC, defaultCandidate = false)
    ThreadPoolTaskExecutor changeSync() {
        ThreadPoolTaskExecutor pool = daemons("change-sync-", JOB_STOP_SECONDS);
        pool.setMaxPoolSize(1);
        return pool;
    }

    @Bean(name = EXPORT_SWEEP, defaultCandidate = false)
    ThreadPoolTaskExecutor exportSweep() {
        ThreadPoolTaskExecutor pool = daemons("export-sweep-", JOB_STOP_SECONDS);
        pool.setMaxPoolSize(1);
        return pool;
    }

    @Bean(name = ACTIONS, defaultCandidate = false)
    ThreadPoolTaskExecutor backgroundActionThreads() {
        return growing("background-action-", 0);
    }

    /** Two threads: the year imports' renewals never wait on the delta sync's, nor the other way round. */
    @Bean(name = LEASE_RENEWALS, defaultCandidate = false)
    ThreadPoolTaskScheduler leaseRenewals() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("lease-renewal-");
        scheduler.setDaemon(true);
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setAcceptTasksAfterContextClose(true);
        return scheduler;
    }

    /** A thread for each task running at once, kept a minute for the next one. */
    private static ThreadPoolTaskExecutor growing(String prefix, int stopSeconds) {
        ThreadPoolTaskExecutor pool = daemons(prefix, stopSeconds);
        pool.setCorePoolSize(0);
        pool.setQueueCapacity(0);
        return pool;
    }

    /** One thread, and tasks waiting their turn, unless changed; work goes on until the pool is destroyed. */
    private static ThreadPoolTaskExecutor daemons(String prefix, int stopSeconds) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix(prefix);
        pool.setDaemon(true);
        pool.setCorePoolSize(1);
        pool.setAcceptTasksAfterContextClose(true);
        pool.setAwaitTerminationSeconds(stopSeconds);
        return pool;
    }
}
