package net.erp.identity.keys;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The threads that sign. A signature is about a millisecond of CPU (RS256), too long for an event loop,
 * and on the general worker pool dozens of signing threads would crowd out the event loops that read and
 * write the requests. Here as many threads as cores take signatures from one queue in arrival order, so
 * every request waits about as long as the next and the event loops keep their share of the CPU.
 */
@ApplicationScoped
public class SigningPool {

    private final ExecutorService executor;

    SigningPool(@ConfigProperty(name = "identity.keys.signing-threads") int threads) {
        int size = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.executor = Executors.newFixedThreadPool(size, new Named());
    }

    /** Runs {@code work} on a signing thread; the result comes back on the caller's Vert.x context. */
    public <T> Uni<T> run(Supplier<T> work) {
        Context caller = Vertx.currentContext();
        Uni<T> signed = Uni.createFrom().item(work).runSubscriptionOn(executor);
        return caller == null ? signed : signed.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    private static final class Named implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "signer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
