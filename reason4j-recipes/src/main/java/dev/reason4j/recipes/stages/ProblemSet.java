package dev.reason4j.recipes.stages;

import dev.reason4j.core.dataset.Dataset;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.core.provenance.InputFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Problems a stage works on and the file they came from (a stage's manifest records the file's hash and a digest
 * of the problem ids, so a run over another subset of the same file is another job).
 *
 * @param source the problem file
 * @param problems the problems, unique by id, in file order
 */
public record ProblemSet(InputFile source, List<Problem> problems) {

    public ProblemSet {
        Objects.requireNonNull(source, "source");
        problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException(source.path() + ": no problems to work on");
        }
        Set<String> ids = new HashSet<>();
        for (Problem p : problems) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException(source.path() + ": problem id '" + p.id() + "' appears twice");
            }
        }
    }

    /** The first {@code limit} problems of {@code dataset} (all of them when {@code limit} is 0). */
    public static ProblemSet of(Dataset dataset, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all), was " + limit);
        }
        List<Problem> problems = dataset.problems();
        return new ProblemSet(dataset.source(), limit > 0 && limit < problems.size() ? problems.subList(0, limit) : problems);
    }

    /** SHA-256 of the ids in order, one per line. */
    public String idsDigest() {
        return Hashing.sha256(String.join("\n", problems.stream().map(Problem::id).toList()));
    }

    /**
     * Splits off {@code count} held-out problems, chosen by the seeded hash of their ids (so the choice does not
     * depend on the file's order); both parts keep file order.
     *
     * @return the remaining problems and the held-out ones
     * @throws IllegalArgumentException when {@code count} leaves no problem on either side
     */
    public Split holdOut(int count, long seed) {
        if (count < 1 || count >= problems.size()) {
            throw new IllegalArgumentException("cannot hold out " + count + " of the " + problems.size() + " problems of "
                    + source.path() + ": each side needs at least one");
        }
        Set<String> heldOut = new HashSet<>();
        problems.stream().map(Problem::id)
                .sorted(Comparator.comparingLong((String id) -> ProblemSeed.of(seed, id)).thenComparing(id -> id))
                .limit(count)
                .forEach(heldOut::add);
        List<Problem> rest = new ArrayList<>();
        List<Problem> held = new ArrayList<>();
        problems.forEach(p -> (heldOut.contains(p.id()) ? held : rest).add(p));
        return new Split(new ProblemSet(source, rest), new ProblemSet(source, held));
    }

    /** Problems to train on and problems held out for evaluation. */
    public record Split(ProblemSet train, ProblemSet heldOut) {}
}
