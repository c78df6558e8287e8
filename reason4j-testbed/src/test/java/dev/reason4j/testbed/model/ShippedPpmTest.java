package dev.reason4j.testbed.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.RewardRequest;
import dev.reason4j.lm.reward.ValueTransform;
import dev.reason4j.testbed.world.CodeSolution;
import dev.reason4j.testbed.world.TierRange;
import dev.reason4j.testbed.world.WorldConfig;
import dev.reason4j.testbed.world.WorldGenerator;
import dev.reason4j.testbed.world.WorldProblem;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.train.TorchRewardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped PPM loads from the class path as search loads a {@code --ppm} and prefers, on held-out problems, the
 * correct first step of a reference solution to the same step with a number the question never gives (the policy's
 * commonest mistake: a wrongly copied number), at least as often as measured when it was trained less a margin.
 */
class ShippedPpmTest {

    /** The world of {@code train-default-model.sh}. */
    private static final WorldConfig WORLD = new WorldConfig(1, 12_000, 800, TierRange.ALL);
    private static final int PAIRS = 48;
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+\\b");
    /**
     * Measured with the shipped PPM: 34 of these 48 pairs (71%); chance is 50%. The margin allows for floating-point
     * differences between platforms.
     */
    private static final double MIN_PREFERRED = 0.6;

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    @Test
    void should_prefer_a_correct_first_step_to_one_with_a_wrongly_copied_number() {
        List<RewardRequest> correct = new ArrayList<>();
        List<RewardRequest> corrupted = new ArrayList<>();
        for (WorldProblem p : WorldGenerator.generate(WORLD).test()) {
            if (correct.size() == PAIRS) {
                break;
            }
            String firstStep = firstStep(CodeSolution.concise(p));
            Optional<String> wrong = withWrongNumber(firstStep, p.question());
            if (wrong.isEmpty()) {
                continue;
            }
            Prompt prompt = Prompt.text(ReferenceStyle.CODE_OVERTHINKING.prompt().render(p.question(), Optional.empty()));
            correct.add(RewardRequest.partial(prompt, firstStep, List.of()));
            corrupted.add(RewardRequest.partial(prompt, wrong.get(), List.of()));
        }
        try (RewardModel ppm = TorchRewardModel.open(ShippedModel.PPM.directory(), RewardModel.Kind.PROCESS,
                DeviceChoice.parse("cpu"), ValueTransform.TANH_OVER_5)) {
            var good = ppm.score(correct);
            var bad = ppm.score(corrupted);
            int preferred = 0;
            for (int i = 0; i < good.size(); i++) {
                assertThat(good.get(i).value()).isBetween(-1.0, 1.0);
                if (good.get(i).value() > bad.get(i).value()) {
                    preferred++;
                }
            }
            assertThat((double) preferred / good.size())
                    .as("correct first step preferred in %d of %d pairs", preferred, good.size())
                    .isGreaterThanOrEqualTo(MIN_PREFERRED);
        }
    }

    /** The solution's text through its first {@code <end_of_step>}. */
    private static String firstStep(String solution) {
        String end = "<end_of_step>";
        return solution.substring(0, solution.indexOf(end) + end.length());
    }

    /** The step with the first number of its code (not its comments) replaced by one the question does not hold. */
    private static Optional<String> withWrongNumber(String step, String question) {
        int offset = 0;
        for (String line : step.split("\n", -1)) {
            if (!line.startsWith("#") && !line.startsWith("<")) {
                Matcher m = NUMBER.matcher(line);
                if (m.find()) {
                    long n = Long.parseLong(m.group());
                    long wrong = n + 13;
                    while (Pattern.compile("\\b" + wrong + "\\b").matcher(question).find()) {
                        wrong += 13;
                    }
                    int at = offset + m.start();
                    return Optional.of(step.substring(0, at) + wrong + step.substring(offset + m.end()));
                }
            }
            offset += line.length() + 1;
        }
        return Optional.empty();
    }
}
