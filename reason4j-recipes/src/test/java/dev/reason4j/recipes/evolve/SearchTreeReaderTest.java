package dev.reason4j.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.recipes.RecipeInputException;
import dev.reason4j.recipes.SftRecord;
import dev.reason4j.recipes.StepPairsRecord;
import dev.reason4j.recipes.evolve.ExploredTree.Outcome;
import dev.reason4j.search.SearchJson;
import dev.reason4j.search.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trees as {@link SearchJson} writes them, from a real MCTS run and from hand-written records. */
class SearchTreeReaderTest {

    @TempDir
    Path tmp;

    private final MathGrader grader = MathGrader.withDefaults();
    private final ObjectMapper mapper = new ObjectMapper();

    private SearchResult search() {
        return BranchingPolicy.search(grader, List.of(new Problem("p1", "What is 2+3?", "5")), 7).get(0);
    }

    @Test
    void should_read_an_mcts_tree_and_extract_rstar_data_from_it() throws Exception {
        SearchResult result = search();
        ObjectNode line = mapper.createObjectNode().put("question", "What is 2+3?").put("gold", "5");
        line.set("tree", SearchJson.tree(result.tree(), mapper));
        Path file = tmp.resolve("results.jsonl");
        Files.writeString(file, mapper.writeValueAsString(line) + "\n");

        ExploredTree fromFile = new SearchTreeReader(grader).readAll(file).get(0);
        ExploredTree inMemory = new SearchTreeReader(grader).read(result.tree());

        assertThat(fromFile.nodes()).isEqualTo(inMemory.nodes());
        assertThat(fromFile.prompt()).isEqualTo(result.tree().promptText());
        assertThat(fromFile.nodes()).hasSize(7);
        assertThat(fromFile.answers()).extracting(ExploredTree.Node::outcome)
                .containsExactlyInAnyOrder(Outcome.CORRECT, Outcome.WRONG, Outcome.WRONG, Outcome.WRONG);
        assertThat(fromFile.root().visits()).isEqualTo(4);

        List<SftRecord> sft = new PolicyDataSelection(PolicyDataOptions.defaults()).select(List.of(fromFile));
        assertThat(sft).extracting(SftRecord::completion).containsExactly("a\n\n\\boxed{5}\n\n");

        // the one correct trajectory faces all three wrong ones (up to 4 against a single positive)
        List<StepPairsRecord> pairs = new ProcessPreferencePairs(PpmPairOptions.defaults()).extract(fromFile, 0);
        assertThat(pairs).extracting(r -> r.prefixSteps().size() + ":" + r.positive() + ">" + r.negative())
                .containsExactly(
                        "0:[a\n\n]>[b\n\n]",
                        "1:[\\boxed{5}\n\n]>[\\boxed{6}\n\n]",
                        "0:[a\n\n\\boxed{5}\n\n]>[b\n\n\\boxed{6}\n\n, b\n\n\\boxed{7}\n\n, a\n\n\\boxed{6}\n\n]");
    }

    @Test
    void should_append_observations_mark_failed_code_and_dead_ends() throws Exception {
        Path file = tmp.resolve("trees.jsonl");
        Files.writeString(file, """
                {"question":"q","gold":"5","tree":{"problem_id":"p9","prompt":"P:","nodes":[\
                {"id":0,"depth":0,"text":"","N":3,"Q":0.0},\
                {"id":1,"parent":0,"depth":1,"text":"x = 5","observation":"\\n<output>5</output>\\n","N":2,"Q":0.5,\
                "code":{"source":"x = 5","status":"ok","failed":false,"output":"5","from_snapshot":false}},\
                {"id":2,"parent":1,"depth":2,"text":"\\\\boxed{5}","N":1,"Q":1.0,"terminal":"answer","answer":"5"},\
                {"id":3,"parent":0,"depth":1,"text":"1/0","N":1,"Q":-1.0,"terminal":"too_many_code_errors",\
                "code":{"source":"1/0","status":"error","failed":true,"output":"","error":"ZeroDivisionError","from_snapshot":false}}]}}
                """);

        ExploredTree tree = new SearchTreeReader(grader).readAll(file).get(0);

        assertThat(tree.problemId()).isEqualTo("p9");
        assertThat(tree.node(1).text()).isEqualTo("x = 5\n<output>5</output>\n");
        assertThat(tree.node(1).codeFailed()).isFalse();
        assertThat(tree.node(2).outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(tree.node(3).outcome()).isEqualTo(Outcome.DEAD_END);
        assertThat(tree.node(3).codeFailed()).isTrue();
        assertThat(tree.node(1).q()).isEqualTo(0.5);
        assertThat(tree.node(1).visits()).isEqualTo(2);
    }

    @Test
    void should_name_file_line_and_field_of_a_bad_record() throws Exception {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, """
                {"question":"q","gold":"5","tree":{"problem_id":"p","prompt":"P:","nodes":[{"id":0,"N":1,"Q":0}]}}
                {"question":"q","gold":"5","tree":{"problem_id":"p","prompt":"P:","nodes":[{"id":0,"N":1,"Q":0},\
                {"id":1,"parent":0,"text":"a","N":1,"Q":"high"}]}}
                """);

        assertThatThrownBy(() -> new SearchTreeReader(grader).readAll(file))
                .isInstanceOf(RecipeInputException.class)
                .hasMessage(file + " line 2, field 'tree.nodes[1].Q': expected a finite number, found \"high\"");

        Path noGold = tmp.resolve("nogold.jsonl");
        Files.writeString(noGold, "{\"question\":\"q\",\"tree\":{}}\n");
        assertThatThrownBy(() -> new SearchTreeReader(grader).readAll(noGold))
                .hasMessage(noGold + " line 1, field 'gold': missing");

        Path orphan = tmp.resolve("orphan.jsonl");
        Files.writeString(orphan, """
                {"question":"q","gold":"5","tree":{"problem_id":"p","prompt":"P:","nodes":[{"id":0,"N":1,"Q":0},\
                {"id":1,"parent":1,"text":"a","N":1,"Q":0}]}}
                """);
        assertThatThrownBy(() -> new SearchTreeReader(grader).readAll(orphan))
                .hasMessage(orphan + " line 1, field 'tree.nodes[1].parent': must be the id of an earlier node, was 1");
    }
}
