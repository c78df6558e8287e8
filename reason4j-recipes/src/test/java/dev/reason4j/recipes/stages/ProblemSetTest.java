package dev.reason4j.recipes.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.provenance.InputFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Held-out splits chosen by id, not by file order; ids unique; the digest tells subsets apart. */
class ProblemSetTest {

    private static final InputFile FILE = new InputFile("problems.jsonl", "0".repeat(64), 1);

    private static List<Problem> problems(int n) {
        List<Problem> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Problem("q" + i, "Question " + i, Integer.toString(i)));
        }
        return list;
    }

    private static List<String> ids(ProblemSet set) {
        return set.problems().stream().map(Problem::id).toList();
    }

    @Test
    void should_hold_out_the_same_problems_whatever_the_file_order() {
        List<Problem> ordered = problems(40);
        List<Problem> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(7));

        ProblemSet.Split a = new ProblemSet(FILE, ordered).holdOut(6, 3);
        ProblemSet.Split b = new ProblemSet(FILE, shuffled).holdOut(6, 3);

        assertThat(ids(a.heldOut())).hasSize(6).containsExactlyInAnyOrderElementsOf(ids(b.heldOut()));
        assertThat(ids(a.train())).hasSize(34).doesNotContainAnyElementsOf(ids(a.heldOut()));
        assertThat(ids(a.heldOut())).as("file order kept").isSortedAccordingTo(
                (x, y) -> Integer.compare(Integer.parseInt(x.substring(1)), Integer.parseInt(y.substring(1))));
    }

    @Test
    void should_hold_out_other_problems_with_another_seed() {
        ProblemSet set = new ProblemSet(FILE, problems(40));

        assertThat(ids(set.holdOut(6, 3).heldOut())).isNotEqualTo(ids(set.holdOut(6, 4).heldOut()));
    }

    @Test
    void should_refuse_a_split_that_leaves_a_side_empty() {
        ProblemSet set = new ProblemSet(FILE, problems(3));

        assertThatThrownBy(() -> set.holdOut(3, 0)).hasMessageContaining("cannot hold out 3 of the 3 problems");
        assertThatThrownBy(() -> set.holdOut(0, 0)).hasMessageContaining("each side needs at least one");
    }

    @Test
    void should_refuse_a_repeated_id_and_an_empty_set() {
        List<Problem> twice = new ArrayList<>(problems(2));
        twice.add(new Problem("q1", "Again", "1"));

        assertThatThrownBy(() -> new ProblemSet(FILE, twice)).hasMessage("problems.jsonl: problem id 'q1' appears twice");
        assertThatThrownBy(() -> new ProblemSet(FILE, List.of())).hasMessage("problems.jsonl: no problems to work on");
    }

    @Test
    void should_tell_subsets_apart_by_their_ids_digest() {
        List<Problem> all = problems(5);

        assertThat(new ProblemSet(FILE, all).idsDigest()).isEqualTo(new ProblemSet(FILE, problems(5)).idsDigest())
                .isNotEqualTo(new ProblemSet(FILE, all.subList(0, 4)).idsDigest());
    }
}
