package dev.reason4j.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the job does to the problems on the executors: the extension point between the Spark plumbing (partitioning,
 * resumption, commits, outputs) and the work. Each problem gets one record per unit; the job keys records by unit
 * name and problem id, so a unit name must not change between a run and its resumption.
 *
 * <p>{@link EvalStage} searches with {@code reason4j eval}'s strategies. {@link SynthesisStage}, the synthesis stage
 * of a {@code reason4j evolve} round (rStar-Math's MCTS with terminal-guided annotation), plugs in the same way: one
 * unit, its own record fields, the executor's shared session for the policy, PPM and sandbox.
 *
 * <p>Implementations are serialised to the executors with the job, so they hold configuration, not open resources;
 * what needs opening comes from the {@link ExecutorSession} the job passes in.
 */
public interface ProblemStage extends Serializable {

    /** The stage's name, the command recorded in {@code run.json}. */
    String name();

    /** The names of the units, in order, e.g. the strategies {@code greedy} and {@code maj@8}. */
    List<String> units();

    /** The options that decide the records, for {@code run.json}; a run resumes only with equal ones. */
    Map<String, Object> config();

    /** The named seeds that decide the records, for {@code run.json}. */
    Map<String, Long> seeds();

    /**
     * Works on a batch of problems for one unit.
     *
     * @param unit an index into {@link #units()}
     * @param session this executor's policy, reward model and sandbox, shared by its tasks
     * @return one single-line-serialisable record per problem, in order, holding at least {@code problem_id}
     */
    List<ObjectNode> solve(int unit, List<Problem> problems, ExecutorSession session);
}
