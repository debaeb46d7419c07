package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The reads benchmark's load generator, run in a JVM of its own so that its work is not the application's:
 * first every path in turn for a warm-up that is not counted (both JVMs compile the code the reads run through,
 * which on two cores takes tens of seconds), then for each path in turn {@code connections} clients, each with
 * its own HTTP/1.1 keep-alive connection (Apache HttpClient 5's blocking client, which costs a request a fraction
 * of the CPU the JDK's asynchronous {@code java.net.http} client did, CPU the application shares), send one
 * request after another (a closed loop: a client waits for its answer before it asks again) for a warm-up that is
 * not counted, then for the measured time, recording every measured request's latency. A path's
 * {@code {year}} is replaced by the years given, one after another. Every answer must be a 200; any other, and
 * any request that fails, counts as an error.
 *
 * <p>Prints one JSON line per path on stdout, and a last one with its own CPU time. A closed loop does not
 * correct for coordinated omission: a slow answer delays the requests behind it instead of being seen by
 * them, so the tail it reports is the tail a client of this many connections sees, not that of an open load.
 *
 * <pre>ReadsLoad baseUrl connections warmUpMillis measuredMillis years path...</pre>
 */
public final class ReadsLoad {

    static final String YEAR = "{year}";
    /** Latencies are recorded in microseconds, up to a minute, to three significant digits. */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final int connections;
    private final Duration warmUp;
    private final Duration measured;
    private final int[] years;
    private final ObjectMapper json = new ObjectMapper();

    private ReadsLoad(String baseUrl, int connections, Duration warmUp, Duration measured, int[] years) {
        this.baseUrl = baseUrl;
        this.connections = connections;
        this.warmUp = warmUp;
        this.measured = measured;
        this.years = years;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: ReadsLoad baseUrl connections warmUpMillis measuredMillis years path...");
            System.exit(2);
        }
        int[] years = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        ReadsLoad load = new ReadsLoad(args[0], Integer.parseInt(args[1]), Duration.ofMillis(Long.parseLong(args[2])),
                Duration.ofMillis(Long.parseLong(args[3])), years);
        List<String> paths = Arrays.asList(Arrays.copyOfRange(args, 5, args.length));
        List<ObjectNode> warmedFirst = new ArrayList<>();
        for (String path : paths) {
            warmedFirst.add(load.run(path, Duration.ZERO));
        }
        for (int i = 0; i < paths.size(); i++) {
            ObjectNode result = load.run(paths.get(i), load.measured);
            // The first round's requests are warm-up requests of the path too, its errors warm-up errors.
            ObjectNode first = warmedFirst.get(i);
            for (String count : List.of("warmUpRequests", "warmUpErrors")) {
                result.put(count, result.get(count).asLong() + first.get(count).asLong());
            }
            if (!result.has("firstError") && first.has("firstError")) {
                result.set("firstError", first.get("firstError"));
            }
            System.out.println(load.json.writeValueAsString(result));
            System.out.flush();
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ObjectNode cpu = load.json.createObjectNode().put("loadGeneratorCpuSeconds", os.getProcessCpuTime() / 1e9);
        System.out.println(load.json.writeValueAsString(cpu));
        System.exit(0);
    }

    /** Loads the path for the warm-up and then {@code measured}, counting only the latter's requests. */
    private ObjectNode run(String path, Duration measured) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        List<Client> clients = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        AtomicLong next = new AtomicLong();
        for (int i = 0; i < connections; i++) {
            Client client = new Client(path, measureFrom, measureUntil, next, done);
            clients.add(client);
            Thread thread = new Thread(client, "reads-load-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        if (!done.await(warmUp.plus(measured).plus(TIMEOUT).plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the clients of " + path + " did not finish");
        }
        Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        long errors = 0;
        long warmUpErrors = 0;
        long warmUpRequests = 0;
        long bytes = 0;
        String firstError = null;
        for (Client client : clients) {
            latencies.add(client.latencies);
            errors += client.errors;
            warmUpErrors += client.warmUpErrors;
            warmUpRequests += client.warmUpRequests;
            bytes += client.bytes;
            if (firstError == null) {
                firstError = client.firstError;
            }
        }
        long requests = latencies.getTotalCount();
        ObjectNode result = json.createObjectNode()
                .put("path", path.replace(YEAR, ""))
                .put("requests", requests)
                .put("errors", errors)
                .put("warmUpRequests", warmUpRequests)
                .put("warmUpErrors", warmUpErrors)
                .put("requestsPerSecond", measured.isZero() ? 0 : requests / (measured.toNanos() / 1e9))
                .put("p50Ms", millis(latencies.getValueAtPercentile(50)))
                .put("p90Ms", millis(latencies.getValueAtPercentile(90)))
                .put("p99Ms", millis(latencies.getValueAtPercentile(99)))
                .put("maxMs", millis(latencies.getMaxValue()))
                .put("meanResponseBytes", requests == 0 ? 0 : bytes / requests);
        if (firstError != null) {
            result.put("firstError", firstError);
        }
        return result;
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** One connection's closed loop; only the requests it starts in the measured time are counted. */
    private final class Client implements Runnable {

        /** One connection, kept alive; no retry, redirect, cookie or compression: each request is sent once, as is. */
        private final CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(1).setMaxConnPerRoute(1)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(TIMEOUT)).setSocketTimeout(Timeout.of(TIMEOUT)).build())
                        .build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .disableContentCompression()
                .build();
        private final String path;
        private final long measureFrom;
        private final long measureUntil;
        private final AtomicLong next;
        private final CountDownLatch done;
        final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        long errors;
        long warmUpErrors;
        long warmUpRequests;
        long bytes;
        String firstError;

        Client(String path, long measureFrom, long measureUntil, AtomicLong next, CountDownLatch done) {
            this.path = path;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.next = next;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                long start;
                while ((start = System.nanoTime()) < measureUntil) {
                    boolean counted = start >= measureFrom;
                    String target = path.contains(YEAR)
                            ? path.replace(YEAR, Integer.toString(years[(int) (next.getAndIncrement() % years.length)]))
                            : path;
                    HttpGet request = new HttpGet(baseUrl + target);
                    request.setHeader("Accept", "application/json");
                    String error = null;
                    int length = 0;
                    try {
                        Answer answer = http.execute(request, response -> new Answer(response.getCode(),
                                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
                        length = answer.body().length;
                        if (answer.status() != 200) {
                            error = "GET " + target + " answered " + answer.status();
                        }
                    } catch (IOException | RuntimeException e) {
                        error = "GET " + target + " failed: " + e;
                    }
                    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
                    if (counted) {
                        latencies.recordValue(Math.min(micros, HIGHEST_MICROS));
                        bytes += length;
                        if (error != null) {
                            errors++;
                        }
                    } else {
                        warmUpRequests++;
                        warmUpErrors += error == null ? 0 : 1;
                    }
                    if (error != null && firstError == null) {
                        firstError = error;
                    }
                }
            } finally {
                try {
                    http.close();
                } catch (IOException e) {
                    // the connection goes with the client's thread
                }
                done.countDown();
            }
        }
    }

    private record Answer(int status, byte[] body) {
    }
}
