package io.switchboard.httpd.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

import io.switchboard.httpd.BodyTooLargeException;

/**
 * A request body that {@code readBody()} reads whole, with no thread waiting while it arrives,
 * within {@code max_body_size} and {@code body_timeout}.
 */
final class WholeBody {
    private final CompletableFuture<byte[]> stage = new CompletableFuture<>();
    private volatile BodyCollector collector;
    private volatile byte[] bytes;
    /** Stops a read still waiting for bytes; {@code null} when none waits. */
    private volatile Runnable pending;

    private WholeBody() {
    }

    /**
     * Starts reading.
     *
     * @param handlersLimit the most bytes the root handler takes; {@code max_body_size} applies when lower
     * @param noBody the request has no body (HTTP/1 without a length or chunks): nothing to read
     * @param refuse answers the request when its body cannot be read, before the stage fails
     * @param defer defers the response when the body must be waited for; {@code false} when the
     *        response was ended meanwhile
     */
    static WholeBody read(Request request, HttpdSettings settings, long handlersLimit, boolean noBody,
            Consumer<Throwable> refuse, BooleanSupplier defer) {
        WholeBody whole = new WholeBody();
        long declared = request.getLength();
        // A body is held in one array: past about 2 GiB it is too large, whatever the settings.
        long limit = Math.min(BodyCollector.MOST,
                settings.maxBodySize() > 0 ? Math.min(settings.maxBodySize(), handlersLimit) : handlersLimit);
        if (declared == 0 || noBody) {
            whole.bytes = new byte[0];
            whole.stage.complete(whole.bytes);
        } else if (declared > limit) {
            whole.fail(new BodyTooLargeException(limit), refuse);
        } else {
            whole.collect(request, settings, limit, refuse, defer);
        }
        return whole;
    }

    /** @return a body that failed before it could be read */
    static WholeBody failed(Throwable failure) {
        WholeBody whole = new WholeBody();
        whole.stage.completeExceptionally(failure);
        return whole;
    }

    CompletionStage<byte[]> stage() {
        return stage;
    }

    /** @return the body once read, else {@code null} */
    byte[] bytes() {
        return bytes;
    }

    long bytesRead() {
        BodyCollector reading = collector;
        return reading == null ? 0 : reading.read();
    }

    private void collect(Request request, HttpdSettings settings, long limit, Consumer<Throwable> refuse,
            BooleanSupplier defer) {
        BodyCollector reading = BodyCollector.start(request, limit);
        collector = reading;
        CompletableFuture<byte[]> result = reading.result();
        if (result.isDone()) {
            // Read at once (a small body comes with the headers): the handler goes on on its own thread,
            // and its response need not be deferred.
            result.whenComplete((read, failure) -> hand(read, failure, refuse));
            return;
        }
        if (!defer.getAsBoolean()) {
            stage.completeExceptionally(new IOException("the response was ended before the body was read"));
            return;
        }
        // On time out the request fails too: that ends Jetty's wait for more content, which would
        // otherwise turn the 408 into a failed exchange.
        Scheduler.Task timer = request.getComponents().getScheduler().schedule(
                () -> stop(request, result, new BodyTimeoutException(settings.bodyTimeout())),
                settings.bodyTimeout(), TimeUnit.MILLISECONDS);
        pending = () -> {
            timer.cancel();
            stop(request, result, new IOException("the response was ended before the body arrived"));
        };
        // Jetty may call back on a thread that must not block: the handler's continuation gets a pool thread.
        Executor executor = request.getComponents().getExecutor();
        result.whenComplete((read, failure) -> {
            timer.cancel();
            try {
                executor.execute(() -> hand(read, failure, refuse));
            } catch (RejectedExecutionException stopping) {
                hand(read, failure, refuse);
            }
        });
        reading.awaitRest();
    }

    /**
     * The exchange ended (answered, timed out, abandoned) while the body was still on its way: the
     * reading stops, its timer with it, and the handler's continuation never runs.
     */
    void exchangeEnded() {
        Runnable stopping = pending;
        if (stopping != null) {
            stopping.run();
        }
    }

    private static void stop(Request request, CompletableFuture<byte[]> result, Throwable why) {
        if (result.completeExceptionally(why)) {
            request.fail(why);
        }
    }

    private void hand(byte[] read, Throwable failure, Consumer<Throwable> refuse) {
        if (failure == null) {
            bytes = read;
            stage.complete(read);
        } else {
            fail(failure, refuse);
        }
    }

    private void fail(Throwable failure, Consumer<Throwable> refuse) {
        refuse.accept(failure);
        stage.completeExceptionally(failure);
    }
}
