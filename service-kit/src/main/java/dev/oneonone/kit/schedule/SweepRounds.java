package dev.oneonone.kit.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * The thread of a periodic sweep (missed meetings, leavers' series, expired 1:1 content): one round at a time, every
 * interval after the previous one ended, and on request ({@link #soon}). A round that fails is logged and the next
 * one runs as planned: anything escaping a scheduled task would end the schedule silently. Rounds must be safe to
 * overlap with another instance's (each item in its own transaction at the version read).
 */
public final class SweepRounds {
    private final String name;
    private final Runnable round;
    private final Logger log;
    private final ScheduledExecutorService thread;
    private volatile boolean started;

    /** A sweep called {@code name} (also its thread's name) whose rounds run {@code round}. */
    public SweepRounds(String name, Runnable round) {
        this.name = name;
        this.round = round;
        this.log = Logger.getLogger(SweepRounds.class.getName() + "." + name);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, name));
    }

    /** Runs a round after {@code firstAfter}, then every {@code interval} after the previous round ended. */
    public void start(Duration firstAfter, Duration interval) {
        started = true;
        thread.scheduleWithFixedDelay(this::safely, firstAfter.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a round now, on the sweep's own thread; nothing when the sweep was not started or is stopping. */
    public void soon() {
        if (started && !thread.isShutdown()) {
            thread.execute(this::safely);
        }
    }

    /** Stops planning rounds (a round running goes on to its end). */
    public void stop() {
        thread.shutdown();
    }

    private void safely() {
        try {
            round.run();
        } catch (Throwable e) {
            log.warnf(e, "%s round failed: %s", name, e.getMessage());
        }
    }
}
