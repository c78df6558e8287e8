package dev.reason4j.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.recipes.StepPairsRecord;
import dev.reason4j.recipes.evolve.ExploredTree.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rStar-Math's PPM pairs on hand-built trees, one test per rule of {@link ProcessPreferencePairs}. */
class ProcessPreferencePairsTest {

    private static final PpmPairOptions STEPS_ONLY = new PpmPairOptions(2, 4, 0, 0, false, false);

    private final ProcessPreferencePairs pairs = new ProcessPreferencePairs(STEPS_ONLY);

    private static ExploredTree.Builder tree() {
        return ExploredTree.builder("p", "What is 2+3?", "Q: What is 2+3?\n");
    }

    /** Adds a step below {@code parent} whose branches end with {@code ends}, one end step each (Q +1 or -1). */
    private static int step(ExploredTree.Builder b, int parent, String text, double q, Outcome... ends) {
        int id = b.add(parent, text, q, ends.length, false, Outcome.OPEN);
        for (int i = 0; i < ends.length; i++) {
            b.add(id, text + "-end" + i, ends[i] == Outcome.CORRECT ? 1 : -1, 1, false, ends[i]);
        }
        return id;
    }

    @Test
    void should_pair_the_two_best_steps_to_a_correct_answer_with_the_two_worst_steps_to_a_wrong_one() {
        ExploredTree.Builder b = tree();
        step(b, 0, "s1", 0.9, Outcome.CORRECT);
        step(b, 0, "s2", 0.7, Outcome.CORRECT);
        step(b, 0, "s3", 0.5, Outcome.CORRECT);
        step(b, 0, "n1", -0.9, Outcome.WRONG);
        step(b, 0, "n2", -0.5, Outcome.WRONG, Outcome.WRONG);
        step(b, 0, "n3", -0.1, Outcome.WRONG);
        step(b, 0, "d", -1, Outcome.DEAD_END);

        List<StepPairsRecord> records = pairs.extract(b.build(), 0);

        assertThat(records).hasSize(1);
        StepPairsRecord r = records.get(0);
        assertThat(r.positive()).containsExactly("s1", "s2");
        assertThat(r.positiveQ()).containsExactly(0.9, 0.7);
        assertThat(r.negative()).containsExactly("n1", "n2");
        assertThat(r.negativeQ()).containsExactly(-0.9, -0.5);
        assertThat(r.prefixSteps()).isEmpty();
        assertThat(r.prompt()).isEqualTo("Q: What is 2+3?\n");
        assertThat(r.finalAnswer()).isFalse();
        assertThat(r.pairCount()).isEqualTo(4);
        assertThat(r.source()).isEqualTo("p/tree0/node0");
    }

    @Test
    void should_give_no_pairs_where_the_subtree_never_reaches_a_wrong_answer() {
        ExploredTree.Builder b = tree();
        step(b, 0, "s1", 0.9, Outcome.CORRECT);
        step(b, 0, "s2", 0.2, Outcome.CORRECT, Outcome.DEAD_END);

        ExploredTree t = b.build();

        assertThat(pairs.contrastNodes(t)).isEmpty();
        assertThat(pairs.extract(t, 0)).isEmpty();
    }

    @Test
    void should_never_take_a_step_that_leads_to_both_answers_as_a_negative() {
        ExploredTree.Builder b = tree();
        step(b, 0, "good", 0.9, Outcome.CORRECT);
        int mixed = step(b, 0, "mixed", -0.9, Outcome.CORRECT, Outcome.WRONG);

        List<StepPairsRecord> records = pairs.extract(b.build(), 0);

        assertThat(records).as("the root has no step leading only to wrong answers; the mixed node pairs below it")
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.source()).isEqualTo("p/tree0/node" + mixed);
                    assertThat(r.prefixSteps()).containsExactly("mixed");
                    assertThat(r.context()).isEqualTo("Q: What is 2+3?\nmixed");
                    assertThat(r.positive()).containsExactly("mixed-end0");
                    assertThat(r.negative()).containsExactly("mixed-end1");
                });
    }

    @Test
    void should_let_four_negatives_face_a_single_positive() {
        ExploredTree.Builder b = tree();
        step(b, 0, "only", 0.4, Outcome.CORRECT);
        for (int i = 1; i <= 5; i++) {
            step(b, 0, "n" + i, -0.1 * i, Outcome.WRONG);
        }

        StepPairsRecord r = pairs.extract(b.build(), 0).get(0);

        assertThat(r.positive()).containsExactly("only");
        assertThat(r.negative()).containsExactly("n5", "n4", "n3", "n2");
        assertThat(r.pairCount()).isEqualTo(4);
    }

    @Test
    void should_let_four_positives_face_a_single_negative() {
        ExploredTree.Builder b = tree();
        for (int i = 1; i <= 5; i++) {
            step(b, 0, "s" + i, 0.1 * i, Outcome.CORRECT);
        }
        step(b, 0, "only", -0.4, Outcome.WRONG);

        StepPairsRecord r = pairs.extract(b.build(), 0).get(0);

        assertThat(r.positive()).containsExactly("s5", "s4", "s3", "s2");
        assertThat(r.negative()).containsExactly("only");
    }

    @Test
    void should_keep_only_pairs_whose_positive_has_the_strictly_higher_q() {
        ExploredTree.Builder b = tree();
        step(b, 0, "s1", 0.3, Outcome.CORRECT);
        step(b, 0, "s2", -0.6, Outcome.CORRECT);
        step(b, 0, "n1", -0.5, Outcome.WRONG);
        step(b, 0, "n2", -0.8, Outcome.WRONG);

        StepPairsRecord r = pairs.extract(b.build(), 0).get(0);

        assertThat(r.positive()).as("both positives beat n2; n1 beats s2, so it would break a pair").containsExactly("s1", "s2");
        assertThat(r.negative()).containsExactly("n2");
    }

    @Test
    void should_drop_positives_until_a_pair_clears_the_step_margin() {
        ExploredTree.Builder b = tree();
        step(b, 0, "s1", 0.3, Outcome.CORRECT);
        step(b, 0, "s2", -0.6, Outcome.CORRECT);
        step(b, 0, "n1", -0.5, Outcome.WRONG);
        step(b, 0, "n2", -0.8, Outcome.WRONG);
        ProcessPreferencePairs margin = new ProcessPreferencePairs(new PpmPairOptions(2, 4, 0.5, 0, false, false));

        StepPairsRecord r = margin.extract(b.build(), 0).get(0);

        assertThat(r.positive()).containsExactly("s1");
        assertThat(r.negative()).containsExactly("n2", "n1");
    }

    @Test
    void should_give_no_record_when_no_pair_has_a_positive_q_margin() {
        ExploredTree.Builder b = tree();
        step(b, 0, "s", 0.0, Outcome.CORRECT);
        step(b, 0, "n", 0.0, Outcome.WRONG);

        ExploredTree t = b.build();

        assertThat(pairs.contrastNodes(t)).hasSize(1);
        assertThat(pairs.extract(t, 0)).isEmpty();
    }

    @Test
    void should_never_pair_identical_texts_and_drop_near_duplicates_below_the_edit_distance() {
        ExploredTree.Builder b = tree();
        step(b, 0, "the answer is 5", 0.9, Outcome.CORRECT);
        step(b, 0, "the answer is 6", -0.9, Outcome.WRONG);
        step(b, 0, "guess wildly: 7", -0.5, Outcome.WRONG);
        ExploredTree t = b.build();
        ProcessPreferencePairs edits = new ProcessPreferencePairs(new PpmPairOptions(2, 4, 0, 0.5, false, false));

        assertThat(pairs.extract(t, 0).get(0).negative()).containsExactly("the answer is 6", "guess wildly: 7");
        assertThat(edits.extract(t, 0).get(0).negative()).as("one edit in 15 chars is too close")
                .containsExactly("guess wildly: 7");

        ExploredTree.Builder same = tree();
        int x = same.add(0, "x", 0.5, 2, false, Outcome.OPEN);
        same.add(x, "y", 1, 1, false, Outcome.CORRECT);
        int x2 = same.add(0, "x2", -0.5, 1, false, Outcome.OPEN);
        same.add(x2, "y", -1, 1, false, Outcome.WRONG);
        assertThat(pairs.extract(same.build(), 0)).extracting(StepPairsRecord::source)
                .as("the root pairs x with x2; the answer steps 'y' sit under different nodes")
                .containsExactly("p/tree0/node0");
        ProcessPreferencePairs.Candidate a = new ProcessPreferencePairs.Candidate("y", 1, 1);
        ProcessPreferencePairs.Candidate c = new ProcessPreferencePairs.Candidate("y", -1, 2);
        assertThat(pairs.select(List.of(a), List.of(c))).isEmpty();
    }

    @Test
    void should_pair_whole_trajectories_by_mean_q_for_the_final_answer_step() {
        ExploredTree.Builder b = tree();
        int s = b.add(0, "s|", 0.5, 6, false, Outcome.OPEN);
        b.add(s, "c1", 1.0, 1, false, Outcome.CORRECT);   // mean 0.75
        b.add(s, "c2", 0.5, 1, false, Outcome.CORRECT);   // mean 0.5
        b.add(s, "c3", 0.25, 1, false, Outcome.CORRECT);  // mean 0.375
        b.add(s, "w1", -1.0, 1, false, Outcome.WRONG);    // mean -0.25
        b.add(s, "w2", -0.5, 1, false, Outcome.WRONG);    // mean 0
        b.add(s, "w3", 0.0, 1, false, Outcome.WRONG);     // mean 0.25
        ProcessPreferencePairs withFinal = new ProcessPreferencePairs(PpmPairOptions.defaults());

        List<StepPairsRecord> records = withFinal.extract(b.build(), 3);

        assertThat(records).extracting(StepPairsRecord::finalAnswer).containsExactly(false, true);
        StepPairsRecord atS = records.get(0);
        assertThat(atS.positive()).containsExactly("c1", "c2");
        assertThat(atS.negative()).containsExactly("w1", "w2");
        assertThat(records.get(1).positive()).containsExactly("s|c1", "s|c2");
        assertThat(records.get(1).negative()).containsExactly("s|w1", "s|w2");

        ExploredTree.Builder two = tree();
        int a = two.add(0, "a|", 0.5, 2, false, Outcome.OPEN);
        two.add(a, "c1", 1.0, 1, false, Outcome.CORRECT);  // mean 0.75
        int z = two.add(0, "z|", -0.5, 2, false, Outcome.OPEN);
        two.add(z, "w1", -1.0, 1, false, Outcome.WRONG);   // mean -0.75
        int m = two.add(0, "m|", 0.0, 2, false, Outcome.OPEN);
        two.add(m, "c2", 0.5, 1, false, Outcome.CORRECT);  // mean 0.25
        two.add(m, "w2", -0.5, 1, false, Outcome.WRONG);   // mean -0.25

        List<StepPairsRecord> all = withFinal.extract(two.build(), 3);

        StepPairsRecord last = all.get(all.size() - 1);
        assertThat(last.finalAnswer()).isTrue();
        assertThat(last.source()).isEqualTo("p/tree3/final");
        assertThat(last.prefixSteps()).isEmpty();
        assertThat(last.positive()).containsExactly("a|c1", "m|c2");
        assertThat(last.positiveQ()).containsExactly(0.75, 0.25);
        assertThat(last.negative()).containsExactly("z|w1", "m|w2");
        assertThat(last.negativeQ()).containsExactly(-0.75, -0.25);
        assertThat(pairs.extract(two.build(), 3)).as("final-answer pairs off").noneMatch(StepPairsRecord::finalAnswer);
    }

    @Test
    void should_count_dead_ends_as_wrong_only_when_told_to() {
        ExploredTree.Builder b = tree();
        step(b, 0, "s", 0.5, Outcome.CORRECT);
        step(b, 0, "d", -1, Outcome.DEAD_END);
        ExploredTree t = b.build();
        ProcessPreferencePairs deadEnds = new ProcessPreferencePairs(new PpmPairOptions(2, 4, 0, 0, false, true));

        assertThat(pairs.extract(t, 0)).isEmpty();
        assertThat(deadEnds.extract(t, 0)).singleElement().satisfies(r -> {
            assertThat(r.positive()).containsExactly("s");
            assertThat(r.negative()).containsExactly("d");
        });
    }

    @Test
    void should_reject_bad_options_naming_the_field() {
        assertThatThrownBy(() -> new PpmPairOptions(2, 1, 0, 0, true, false))
                .hasMessage("singleSideWidth must be >= perSide (2), was 1");
        assertThatThrownBy(() -> new PpmPairOptions(2, 4, -0.1, 0, true, false))
                .hasMessage("stepMargin must be a finite number >= 0, was -0.1");
        assertThatThrownBy(() -> new PpmPairOptions(2, 4, 0, 1.5, true, false))
                .hasMessage("minEditDistance must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> new PpmPairOptions(0, 4, 0, 0, true, false)).hasMessage("perSide must be >= 1, was 0");
    }
}
