package net.erp.session.session;

import java.util.function.LongSupplier;

/**
 * The timing of the expiry tests under {@link ShortTimeouts}: waits measured from the moment a call was
 * answered (the session's deadline was set before it, so waiting a timeout from there is sure to pass it),
 * and a session kept active by touches.
 */
final class Pacing {

    private Pacing() {
    }

    /** Sleeps until {@code millis} after {@code start}, a moment in epoch milliseconds. */
    static void sleepUntil(long start, long millis) throws InterruptedException {
        long wait = start + millis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /**
     * Opens, then touches every 800 ms until 2.4 s: always active, never idle for the 2 s idle timeout, and
     * past the 3 s absolute timeout once 3.3 s have passed. {@code open} makes the call and answers the moment
     * it was answered; the first such moment is returned.
     */
    static long keepActive(LongSupplier open) throws InterruptedException {
        long start = open.getAsLong();
        for (long at = 800; at <= 2_400; at += 800) {
            sleepUntil(start, at);
            open.getAsLong();
        }
        return start;
    }

    /** {@link #keepActive} and then past the 3 s absolute timeout: 3.3 s after the first call. */
    static void activePastAbsoluteTimeout(LongSupplier open) throws InterruptedException {
        sleepUntil(keepActive(open), 3_300);
    }
}
