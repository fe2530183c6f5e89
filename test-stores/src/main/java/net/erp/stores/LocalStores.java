package net.erp.stores;

import java.nio.file.Path;

/**
 * Starts embedded PostgreSQL and Redis for {@code deploy/local/up.sh} on a machine that has neither, and
 * keeps them running until the process is stopped. Arguments: {@code postgres|redis port dataDirectory}.
 */
public final class LocalStores {

    private LocalStores() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: LocalStores postgres|redis PORT [DATA_DIRECTORY]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "postgres" -> Stores.startPostgres(port, args.length > 2 ? Path.of(args[2]) : null);
            case "redis" -> Stores.startRedis(port);
            default -> {
                System.err.println("unknown store: " + args[0]);
                System.exit(2);
            }
        }
        Thread.currentThread().join();
    }
}
