package net.erp.session.session;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/** Sends one Redis command. Production uses the Quarkus data source; a test may bring its own client. */
@FunctionalInterface
public interface RedisTransport {

    Uni<Response> send(String command, String... args);
}
