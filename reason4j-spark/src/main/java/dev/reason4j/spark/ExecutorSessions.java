package dev.reason4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search sessions of this JVM, one per distinct {@link SearchOptions}: the first task that needs one opens it
 * (loading a model or connecting to servers once per executor, not once per task) and every later task of the JVM,
 * of this job or the next, reuses it. They close when the JVM exits, or when the driver of a local-mode job calls
 * {@link #closeAll()}.
 */
public final class ExecutorSessions {

    private static final Map<SearchOptions, ExecutorSession> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorSessions::closeAll, "reason4j-spark-sessions"));
    }

    private ExecutorSessions() {}

    /** This JVM's session for {@code options}, opened on first use; concurrent first uses open it once. */
    public static ExecutorSession get(SearchOptions options) {
        return OPEN.computeIfAbsent(options, ExecutorSession::open);
    }

    /** How many sessions this JVM holds open. */
    public static int openCount() {
        return OPEN.size();
    }

    /** Closes every session of this JVM; the next {@link #get} opens a fresh one. */
    public static void closeAll() {
        List<ExecutorSession> sessions = new ArrayList<>(OPEN.values());
        OPEN.clear();
        RuntimeException failure = null;
        for (ExecutorSession session : sessions) {
            try {
                session.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
