package net.erp.session.session;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One Lua script of the session step, run with EVALSHA: one round trip, the script body sent only when
 * Redis does not know it yet (first call, or after Redis restarted).
 */
final class SessionScript {

    private static final String HEAD = read("purge.lua");

    private final String body;
    private final String sha;

    private SessionScript(String body) {
        this.body = body;
        this.sha = sha1(body);
    }

    static SessionScript load(String name) {
        return new SessionScript(HEAD + "\n" + read(name));
    }

    Uni<Response> run(RedisTransport redis, List<String> keys, List<String> args) {
        return redis.send("EVALSHA", arguments(sha, keys, args))
                .onFailure(SessionScript::isNoScript)
                .recoverWithUni(() -> redis.send("EVAL", arguments(body, keys, args)));
    }

    private static String[] arguments(String script, List<String> keys, List<String> args) {
        List<String> all = new ArrayList<>(2 + keys.size() + args.size());
        all.add(script);
        all.add(Integer.toString(keys.size()));
        all.addAll(keys);
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    private static boolean isNoScript(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private static String read(String name) {
        try (InputStream in = SessionScript.class.getClassLoader().getResourceAsStream("lua/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the session script lua/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from the runtime", e);
        }
    }
}
