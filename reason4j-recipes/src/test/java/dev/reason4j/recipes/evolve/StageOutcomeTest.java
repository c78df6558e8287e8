package dev.reason4j.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage's marker: absent until written, then read back as written, skipped stages included. */
class StageOutcomeTest {

    @TempDir
    Path tmp;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void should_read_back_a_finished_and_a_skipped_stage() throws Exception {
        Path finished = tmp.resolve("round-1/synthesis");
        Path skipped = tmp.resolve("round-1/policy");
        assertThat(StageOutcome.read(finished, mapper)).isEmpty();
        ObjectNode numbers = mapper.createObjectNode().put("problems", 6).put("solved", 3);

        new StageOutcome(true, "3 of 6 problems solved", numbers).write(finished, 1, EvolutionStage.SYNTHESIS, mapper);
        new StageOutcome(false, "no data", mapper.createObjectNode()).write(skipped, 1, EvolutionStage.POLICY, mapper);

        assertThat(StageOutcome.read(finished, mapper)).contains(new StageOutcome(true, "3 of 6 problems solved", numbers));
        assertThat(StageOutcome.read(skipped, mapper).orElseThrow().ran()).isFalse();
        assertThat(mapper.readTree(skipped.resolve(StageOutcome.MARKER).toFile()).get("status").asText())
                .isEqualTo("skipped");
        assertThat(mapper.readTree(finished.resolve(StageOutcome.MARKER).toFile()).get("stage").asText())
                .isEqualTo("synthesis");
    }
}
