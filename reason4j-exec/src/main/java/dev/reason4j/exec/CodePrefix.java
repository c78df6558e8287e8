package dev.reason4j.exec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The code steps already taken in a trajectory, identified by a hash chain over the accumulated code.
 *
 * <p><b>Incremental execution.</b> rStar-Math's reference re-executes the concatenated code of steps 1..k for
 * step k, and step k's observation is what step k printed given the state left by steps 1..k−1. We keep those
 * semantics but not the cost: when a step finishes {@link ExecStatus#OK}, its worker keeps the call process alive
 * as a <em>snapshot</em> of the interpreter state after that prefix, keyed by {@link #key()}. The next step (or
 * several alternative next steps, as MCTS expands a node) is forked from the snapshot copy-on-write, so it runs
 * only its own code. When no snapshot is available (evicted, on another worker that is busy, the worker was
 * replaced, or the step kept threads running), the prefix is replayed silently in a fresh call first — the
 * reference behaviour — so results never depend on which path was taken. Files written by earlier steps persist
 * too (a snapshot keeps its scratch files), and {@code random} (and numpy's generator, when numpy is preloaded)
 * starts every fresh call from seed 0 and is carried across the fork from a snapshot, so a replay matches.
 */
public final class CodePrefix {

    /** No steps yet. */
    public static final CodePrefix EMPTY = new CodePrefix(null, null, "", 0);

    private final CodePrefix parent;
    private final String code;
    private final String key;
    private final int size;

    private CodePrefix(CodePrefix parent, String code, String key, int size) {
        this.parent = parent;
        this.code = code;
        this.key = key;
        this.size = size;
    }

    /** This prefix followed by one more step. */
    public CodePrefix then(String stepCode) {
        Objects.requireNonNull(stepCode, "stepCode");
        return new CodePrefix(this, stepCode, chain(key, stepCode), size + 1);
    }

    /** A prefix made of these steps in order. */
    public static CodePrefix of(List<String> steps) {
        CodePrefix prefix = EMPTY;
        for (String step : steps) {
            prefix = prefix.then(step);
        }
        return prefix;
    }

    /** Number of steps. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Hex SHA-256 chained over the steps (empty for {@link #EMPTY}); equal keys mean equal step lists. */
    public String key() {
        return key;
    }

    /** The steps' code, first step first. */
    public List<String> steps() {
        List<String> steps = new ArrayList<>(size);
        for (CodePrefix p = this; p.size > 0; p = p.parent) {
            steps.add(p.code);
        }
        Collections.reverse(steps);
        return steps;
    }

    private static String chain(String previousKey, String stepCode) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // length-prefixed, so the boundary between steps is part of the identity
            digest.update((previousKey + "\n" + stepCode.length() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(stepCode.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodePrefix prefix && prefix.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "CodePrefix[" + size + " steps" + (size > 0 ? ", " + key.substring(0, 12) : "") + "]";
    }
}
