package dev.reason4j.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;

/**
 * A stage that does {@code inner}'s work but fails on purpose, as a lost executor or a crashing search would: in the
 * first attempt of partition 0 of each wave, after that attempt has handed over its first batch's records (so the
 * writer holds a partial file); or in every attempt that reaches a problem at or past {@code failFromOrdinal} (a
 * driver-side failure of the whole job). Runs in local mode, so its counters are the test JVM's.
 */
record FaultyStage(EvalStage inner, boolean failFirstAttempt, long failFromOrdinal) implements ProblemStage {

    /** Injected failures so far. */
    static final AtomicInteger FAILURES = new AtomicInteger();
    private static final Map<Long, AtomicInteger> BATCHES_BY_ATTEMPT = new ConcurrentHashMap<>();

    static FaultyStage failingFirstAttempt(EvalStage inner) {
        return new FaultyStage(inner, true, Long.MAX_VALUE);
    }

    static FaultyStage failingFrom(EvalStage inner, long ordinal) {
        return new FaultyStage(inner, false, ordinal);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<String> units() {
        return inner.units();
    }

    @Override
    public Map<String, Object> config() {
        return inner.config();
    }

    @Override
    public Map<String, Long> seeds() {
        return inner.seeds();
    }

    @Override
    public List<ObjectNode> solve(int unit, List<Problem> problems, ExecutorSession session) {
        TaskContext task = TaskContext.get();
        int batchesBefore = BATCHES_BY_ATTEMPT.computeIfAbsent(task.taskAttemptId(), k -> new AtomicInteger())
                .getAndIncrement();
        if (failFirstAttempt && task.partitionId() == 0 && task.attemptNumber() == 0 && batchesBefore == 1) {
            FAILURES.incrementAndGet();
            throw new IllegalStateException("injected failure in the first attempt of partition 0");
        }
        if (problems.stream().anyMatch(p -> Integer.parseInt(p.id().substring(p.id().lastIndexOf('-') + 1)) - 1
                >= failFromOrdinal)) {
            FAILURES.incrementAndGet();
            throw new IllegalStateException("injected failure from problem " + (failFromOrdinal + 1));
        }
        return inner.solve(unit, problems, session);
    }
}
