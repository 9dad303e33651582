package io.switchboard.bench.rest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.function.Supplier;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.reactor.IOReactorConfig;

import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestException;

/**
 * Asynchronous GETs, {@code inFlight} at a time, for a fixed time, through three clients in one JVM:
 * Switchboard's RestClient (the bundle's own classes, built as DS builds them), bare HttpClient 5 async
 * set up as the RestClient sets it up (same pool size, two I/O threads), and the JDK's HttpClient.
 * Prints one line per client: {@code name req/s errors cpu-us}, the last the JVM's CPU time (every
 * thread: I/O, callers, GC, JIT) per completed request over the timed part.
 * <p>
 * Arguments: URL, requests in flight, seconds to measure, seconds to warm up first. Or {@code timeouts},
 * calls, max_async_transfers: that many calls at once to a server that accepts and never answers, with
 * curl_timeout=1; prints how late after the second each call ended, and with which code.
 */
public final class RestClientBench {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private RestClientBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("timeouts")) {
            timeouts(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            System.exit(0);
        }
        String url = args[0];
        int inFlight = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        RestClient rest = switchboard(Map.of("max_async_transfers", inFlight));
        CloseableHttpAsyncClient bare = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(inFlight)
                        .setMaxConnPerRoute(inFlight).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                .disableCookieManagement().build();
        bare.start();
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest jdkRequest = java.net.http.HttpRequest.newBuilder(URI.create(url)).build();

        Supplier<CompletableFuture<?>> switchboard = () -> rest.getAsync(url).toCompletableFuture();
        Supplier<CompletableFuture<?>> httpClient5 = () -> {
            CompletableFuture<SimpleHttpResponse> done = new CompletableFuture<>();
            bare.execute(SimpleRequestProducer.create(SimpleRequestBuilder.get(url).build()),
                    SimpleResponseConsumer.create(), new FutureCallback<>() {
                        @Override
                        public void completed(SimpleHttpResponse response) {
                            done.complete(response);
                        }

                        @Override
                        public void failed(Exception failure) {
                            done.completeExceptionally(failure);
                        }

                        @Override
                        public void cancelled() {
                            done.cancel(false);
                        }
                    });
            return done;
        };
        Supplier<CompletableFuture<?>> jdkClient = () -> jdk.sendAsync(jdkRequest,
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        // Three rounds, interleaved, so a noisy neighbour hurts every client alike, and each round starts
        // with another client: the one that ran first in a fresh JVM was seen slowest, whichever it was.
        List<String> names = List.of("switchboard", "httpclient5", "jdk");
        List<Supplier<CompletableFuture<?>>> clients = List.of(switchboard, httpClient5, jdkClient);
        for (int round = 0; round < names.size(); round++) {
            for (int i = 0; i < names.size(); i++) {
                int client = (round + i) % names.size();
                run(names.get(client), clients.get(client), inFlight, warmup, seconds);
            }
        }
        bare.close();
        System.exit(0);
    }

    private static void timeouts(int calls, int limit) throws Exception {
        try (ServerSocket stalling = new ServerSocket(0, calls, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(stalling.accept());
                    }
                } catch (IOException closed) {
                    // the run is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RestClient rest = switchboard(Map.of("max_async_transfers", limit, "curl_timeout", 1,
                    "connection_timeout", 1));
            String url = "http://127.0.0.1:" + stalling.getLocalPort() + "/stall";
            long[] late = new long[calls];
            int[] codes = new int[calls];
            CompletableFuture<?>[] all = new CompletableFuture<?>[calls];
            for (int i = 0; i < calls; i++) {
                int call = i;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                all[i] = rest.getAsync(url).toCompletableFuture().handle((response, failure) -> {
                    late[call] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deadline);
                    codes[call] = failure instanceof CompletionException wrapped
                            && wrapped.getCause() instanceof RestException rest3 ? rest3.code()
                            : failure instanceof RestException direct ? direct.code() : 0;
                    return null;
                });
            }
            CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
            Arrays.sort(late);
            Map<Integer, Long> byCode = Arrays.stream(codes).boxed()
                    .collect(Collectors.groupingBy(code -> code, TreeMap::new, Collectors.counting()));
            System.out.printf("%d calls at once, max_async_transfers=%d, curl_timeout=1 s, to a server that never "
                    + "answers: ended after the second by min %d, median %d, p99 %d, max %d ms; calls per code %s%n",
                    calls, limit, late[0], late[calls / 2], late[calls * 99 / 100], late[calls - 1], byCode);
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /**
     * Builds the RestClient service as DS does: its configuration is an annotation instance and the raw
     * properties, and its statistics a component of their own.
     */
    private static RestClient switchboard(Map<String, Object> config) throws Exception {
        Class<?> service = Class.forName("io.switchboard.rest.internal.HttpRestClient");
        Class<?> type = Class.forName("io.switchboard.rest.internal.RestClientConfiguration");
        Class<?> statistics = Class.forName("io.switchboard.rest.internal.RestStatistics");
        Object configuration = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, arguments) -> {
                    Object value = config.get(method.getName().replace("__", "_"));
                    return value != null ? value : method.getDefaultValue();
                });
        return (RestClient) service.getConstructor(type, Map.class, statistics).newInstance(configuration, config,
                statistics.getConstructor().newInstance());
    }

    private static void run(String name, Supplier<CompletableFuture<?>> call, int inFlight, int warmup, int seconds)
            throws InterruptedException {
        measure(call, inFlight, warmup);
        long cpuBefore = PROCESS.getProcessCpuTime();
        long[] counts = measure(call, inFlight, seconds);
        long cpuNanos = PROCESS.getProcessCpuTime() - cpuBefore;
        System.out.printf("%s %.0f %d %.1f%n", name, counts[0] / (double) seconds, counts[1],
                cpuNanos / 1000.0 / Math.max(1, counts[0]));
    }

    /** @return requests completed and failed in {@code seconds}, {@code inFlight} kept in flight */
    private static long[] measure(Supplier<CompletableFuture<?>> call, int inFlight, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch drained = new CountDownLatch(inFlight);
        for (int i = 0; i < inFlight; i++) {
            loop(call, end, done, failed, drained);
        }
        drained.await(seconds + 30L, TimeUnit.SECONDS);
        return new long[] { done.get(), failed.get() };
    }

    /** One of the {@code inFlight} chains: each completion sends the next request until the end. */
    private static void loop(Supplier<CompletableFuture<?>> call, long end, AtomicLong done, AtomicLong failed,
            CountDownLatch drained) {
        call.get().whenComplete((response, failure) -> {
            if (failure == null) {
                done.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            if (System.nanoTime() < end) {
                loop(call, end, done, failed, drained);
            } else {
                drained.countDown();
            }
        });
    }
}
