package dev.reason4j.lm.train.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.train.TrainingExample;
import java.util.List;

/**
 * Step-level reward-model data, one search-tree node per record. {@code prompt} is a string used as is or a list of
 * messages rendered with the assistant turn opened; steps are strings appended to it exactly as written, so they
 * carry their own separators (a trailing newline, rStar-Math's {@code <end_of_step>}).
 * <ul>
 *   <li>PPM step pairs: {@code {"prompt", "prefix_steps": [...], "positive": [...], "negative": [...]}}: the steps
 *       so far (may be empty or absent) and candidate next steps that led to correct and to wrong answers;
 *   <li>step values: {@code {"prompt", "steps": [...], "q": 0.73}}: a partial trajectory and the Q value of its last
 *       step, the regression target.
 * </ul>
 */
final class StepRecords {

    private final PromptLayout layout;
    private final ExampleTokenizer examples;

    StepRecords(PromptLayout layout, ExampleTokenizer examples) {
        this.layout = layout;
        this.examples = examples;
    }

    List<TrainingExample> pairs(JsonNode record, String source) {
        String prefix = JsonFields.prompt(record, "prompt", layout).text()
                + String.join("", JsonFields.optionalTexts(record, "prefix_steps"));
        return examples.stepPairs(source, prefix, JsonFields.texts(record, "positive", true),
                JsonFields.texts(record, "negative", true)).stream().toList();
    }

    List<TrainingExample> values(JsonNode record, String source) {
        String prompt = JsonFields.prompt(record, "prompt", layout).text();
        List<String> steps = JsonFields.texts(record, "steps", true);
        int last = steps.size() - 1;
        String prefix = prompt + String.join("", steps.subList(0, last));
        return examples.stepValue(source, prefix, "steps." + last, steps.get(last), JsonFields.number(record, "q"))
                .stream().toList();
    }
}
