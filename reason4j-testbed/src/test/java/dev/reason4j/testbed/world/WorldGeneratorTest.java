package dev.reason4j.testbed.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.dataset.Dataset;
import dev.reason4j.core.dataset.DatasetFormat;
import dev.reason4j.core.dataset.DatasetFormats;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.dataset.Problem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiers, seeds, the train/test split and the JSONL files of the arithmetic world. */
class WorldGeneratorTest {

    private static List<String> lines(WorldSplit split) {
        return Stream.concat(split.train().stream(), split.test().stream())
                .map(p -> WorldJsonl.toJson(p).toString()).toList();
    }

    @Test
    void every_family_should_make_every_tier_with_one_step_per_operation() {
        assertThat(Families.names()).hasSizeGreaterThanOrEqualTo(10).doesNotHaveDuplicates();
        for (String family : Families.names()) {
            for (int tier = TierRange.LOWEST; tier <= TierRange.HIGHEST; tier++) {
                WorldProblem p = WorldGenerator.problem(1000L * tier + family.hashCode(), family, tier);
                assertThat(p.difficulty()).as(p.template()).isEqualTo(tier);
                assertThat(p.steps()).as(p.template()).hasSize(tier);
                assertThat(p.answer().signum()).as(p.template()).isGreaterThanOrEqualTo(0);
                assertThat(p.template()).startsWith(family + ":");
                assertThat(p.question()).endsWith(p.ask()).contains(p.statement().getFirst());
            }
        }
    }

    @Test
    void the_same_seed_should_reproduce_the_world_and_another_seed_should_not() {
        WorldConfig config = new WorldConfig(42, 60, 30, TierRange.ALL);

        List<String> first = lines(WorldGenerator.generate(config));
        List<String> again = lines(WorldGenerator.generate(config));
        List<String> other = lines(WorldGenerator.generate(new WorldConfig(43, 60, 30, TierRange.ALL)));

        assertThat(again).isEqualTo(first);
        assertThat(other).hasSameSizeAs(first);
        assertThat(other.stream().filter(first::contains)).isEmpty();
    }

    @Test
    void more_problems_with_the_same_seed_should_extend_a_split_without_changing_it() {
        WorldSplit small = WorldGenerator.generate(new WorldConfig(5, 0, 40, TierRange.ALL));
        WorldSplit large = WorldGenerator.generate(new WorldConfig(5, 0, 120, TierRange.ALL));

        assertThat(lines(large).subList(0, 40)).isEqualTo(lines(small));
    }

    @Test
    void no_test_problem_should_share_template_and_numbers_with_a_training_problem() {
        WorldSplit split = WorldGenerator.generate(new WorldConfig(7, 4000, 400, new TierRange(1, 3)));

        Set<String> testKeys = split.test().stream().map(WorldProblem::key).collect(Collectors.toSet());
        Set<String> trainKeys = split.train().stream().map(WorldProblem::key).collect(Collectors.toSet());
        assertThat(testKeys).hasSize(400);
        assertThat(trainKeys).as("no duplicates in train either").hasSize(4000);
        assertThat(trainKeys).doesNotContainAnyElementsOf(testKeys);
        Set<String> testTemplates = split.test().stream().map(WorldProblem::template).collect(Collectors.toSet());
        long shared = split.train().stream().map(WorldProblem::template).filter(testTemplates::contains).count();
        assertThat(shared).as("the split is by numbers too: templates recur with other numbers").isPositive();
    }

    @Test
    void tiers_should_cycle_and_families_should_all_appear() {
        WorldSplit split = WorldGenerator.generate(new WorldConfig(3, 0, 176, new TierRange(2, 5)));

        assertThat(split.test()).extracting(WorldProblem::difficulty).containsOnly(2, 3, 4, 5);
        assertThat(split.test().subList(0, 8)).extracting(WorldProblem::difficulty).containsExactly(2, 3, 4, 5, 2, 3, 4, 5);
        assertThat(split.test()).extracting(WorldProblem::family).isSubsetOf(Families.names())
                .containsAll(Families.names());
        assertThat(split.test()).extracting(WorldProblem::id).startsWith("test-000000", "test-000001");
    }

    @Test
    void distractors_should_appear_in_the_question_and_nowhere_in_the_solution() {
        List<WorldProblem> problems = WorldGenerator.generate(new WorldConfig(11, 0, 500, TierRange.ALL)).test();

        long with = problems.stream().filter(p -> !p.distractors().isEmpty()).count();
        assertThat(with / 500.0).as("share of problems with distractors").isBetween(0.45, 0.75);
        for (WorldProblem p : problems) {
            for (Distractor d : p.distractors()) {
                assertThat(p.question()).contains(d.sentence());
                assertThat(p.statement()).doesNotContain(d.sentence());
                assertThat(CotSolution.concise(p)).doesNotContain(d.sentence());
            }
        }
    }

    @Test
    void answers_should_include_exact_fractions() {
        List<WorldProblem> problems = WorldGenerator.generate(new WorldConfig(13, 0, 880, TierRange.ALL)).test();

        List<String> fractions = problems.stream().filter(p -> !p.answer().isInteger()).map(WorldProblem::gold).toList();
        assertThat(fractions).isNotEmpty().allMatch(g -> g.matches("\\\\frac\\{\\d+}\\{\\d+}"));
    }

    @Test
    void jsonl_files_should_load_with_the_core_dataset_readers(@TempDir Path dir) {
        WorldSplit split = WorldGenerator.generate(new WorldConfig(17, 30, 20, TierRange.ALL));
        Path file = dir.resolve("test.jsonl");
        WorldJsonl.write(file, split.test());

        Dataset withIds = Datasets.load(file, DatasetFormat.jsonl("question", "answer", "id"));
        Dataset plain = Datasets.load(file, DatasetFormats.JSONL);

        assertThat(withIds.problems()).hasSize(20);
        assertThat(plain.problems()).hasSize(20);
        for (int i = 0; i < 20; i++) {
            WorldProblem expected = split.test().get(i);
            Problem loaded = withIds.problems().get(i);
            assertThat(loaded.id()).isEqualTo(expected.id());
            assertThat(loaded.question()).isEqualTo(expected.question());
            assertThat(loaded.answer()).isEqualTo(expected.gold());
            assertThat(loaded.meta()).containsEntry("difficulty", Integer.toString(expected.difficulty()))
                    .containsEntry("template", expected.template())
                    .containsKeys(WorldJsonl.SOLUTION_FIELDS.toArray(String[]::new));
            assertThat(loaded.meta().get(WorldJsonl.SOLUTION_CONCISE)).isEqualTo(CodeSolution.concise(expected));
            assertThat(plain.problems().get(i).answer()).isEqualTo(expected.gold());
        }
    }

    @Test
    void configs_should_reject_bad_values_naming_them() {
        assertThat(TierRange.parse("1-8")).isEqualTo(TierRange.ALL);
        assertThat(TierRange.parse(" 3 ")).isEqualTo(new TierRange(3, 3));
        assertThatThrownBy(() -> TierRange.parse("0-4")).hasMessageContaining("within 1-8").hasMessageContaining("0-4");
        assertThatThrownBy(() -> TierRange.parse("5-2")).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> TierRange.parse("x")).hasMessageContaining("got 'x'");
        assertThatThrownBy(() -> new WorldConfig(1, -1, 5, TierRange.ALL)).hasMessageContaining("train must be").hasMessageContaining("-1");
        assertThatThrownBy(() -> new WorldConfig(1, 5, -2, TierRange.ALL)).hasMessageContaining("test must be").hasMessageContaining("-2");
        assertThatThrownBy(() -> new WorldConfig(1, 0, 0, TierRange.ALL)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> WorldGenerator.problem(1, "astrology", 2)).hasMessageContaining("unknown family 'astrology'");
    }

    @Test
    void overthinking_plans_should_vary_and_always_verify() {
        List<WorldProblem> problems = WorldGenerator.generate(new WorldConfig(19, 0, 400, TierRange.ALL)).test();

        Set<OverthinkingPlan.CheckKind> kinds = new HashSet<>();
        problems.forEach(p -> p.plan().checks().forEach(c -> kinds.add(c.kind())));
        assertThat(kinds).containsExactlyInAnyOrder(OverthinkingPlan.CheckKind.values());
        assertThat(problems).allMatch(p -> !p.plan().checks().isEmpty());
        long wrong = problems.stream().filter(p -> p.plan().wrongStep() >= 0).count();
        assertThat(wrong / 400.0).as("share with a corrected wrong step").isBetween(0.2, 0.4);
        for (WorldProblem p : problems) {
            if (p.plan().wrongStep() >= 0) {
                assertThat(CotSolution.overthinking(p)).contains("Wait, that is not right");
            }
        }
    }
}
