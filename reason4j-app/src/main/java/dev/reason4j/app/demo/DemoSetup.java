package dev.reason4j.app.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every part of a demo run shares: where it writes, how big it is, the models and problems, and how models
 * run.
 *
 * @param out the demo's run directory; each part writes its own run directory under it
 * @param size the mode's problem counts, rollouts and steps
 * @param searchProtocol the step format of part (a)'s searches
 * @param responseProtocol the format of the whole responses sampled in parts (b) and (c)
 * @param device {@code cpu}, {@code cuda} or {@code auto}
 * @param threads libtorch threads (0: libtorch's choice)
 * @param seed every search, sampling and training seed
 * @param printer where parts print their progress lines and tables
 */
record DemoSetup(Path out, DemoSize size, DemoModels models, DemoProblems problems, Protocol searchProtocol,
        Protocol responseProtocol, String device, int threads, long seed, PrintWriter printer) {

    DemoSetup {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(searchProtocol, "searchProtocol");
        Objects.requireNonNull(responseProtocol, "responseProtocol");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(printer, "printer");
    }

    /**
     * The options that sample whole responses as the recipes do: the policy, how it runs, the seed, the length,
     * answers graded from {@code \boxed{}}, and the response format's prompt with nothing appended (the prompt the
     * model was trained on); code responses run their programs in the sandbox before they answer.
     */
    List<String> responseSampling(Path runDir) {
        List<String> args = new ArrayList<>(List.of("--out", runDir.toString(), "--model", models.policy().toString(),
                "--device", device, "--threads", Integer.toString(threads), "--seed", Long.toString(seed),
                "--max-tokens", Integer.toString(size.maxTokens()), "--style", "math",
                "--prompt-template", responseProtocol.promptTemplate(), "--instruction="));
        if (responseProtocol == Protocol.code) {
            args.add("--execute-code");
        }
        return args;
    }
}
