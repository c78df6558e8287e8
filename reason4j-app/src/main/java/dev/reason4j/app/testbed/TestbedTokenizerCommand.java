package dev.reason4j.app.testbed;

import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.testbed.AtomicFile;
import dev.reason4j.testbed.tokenizer.BpeVocabulary;
import dev.reason4j.testbed.tokenizer.HfTokenizerFiles;
import dev.reason4j.testbed.tokenizer.TokenizerTrainer;
import dev.reason4j.testbed.tokenizer.TrainingText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reason4j testbed tokenizer --data F --vocab V --out DIR}: trains the project's byte-level BPE tokenizer on
 * a testbed JSONL file (questions and all reference solutions) or a plain text file, and writes
 * {@code tokenizer.json}, {@code tokenizer_config.json} and {@code run.json} (vocabulary size, data hash).
 */
@Command(name = "tokenizer", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the project's byte-level BPE tokenizer and write it in the Hugging Face layout.")
final class TestbedTokenizerCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "F",
            description = "Training text: a file written by 'testbed generate' (.jsonl) or plain text.")
    Path data;

    @Option(names = "--vocab", defaultValue = "3072", paramLabel = "V",
            description = "Vocabulary size, special tokens and 256 bytes included (default: ${DEFAULT-VALUE}).")
    int vocab;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the tokenizer files.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException(data + ": no such file");
        }
        RunManifest manifest = RunManifest.builder("testbed tokenizer").config("vocab", vocab).input(data).build();
        List<String> texts = TrainingText.read(data);
        long start = System.nanoTime();
        BpeVocabulary vocabulary = TokenizerTrainer.train(texts, vocab);
        double seconds = (System.nanoTime() - start) / 1e9;
        HfTokenizerFiles.write(out, vocabulary);
        AtomicFile.write(out.resolve("run.json"), w -> w.write(manifest.toJson()));
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "trained on %,d texts (%,d bytes) in %.1f s: %,d tokens (%d special, 256 bytes, %,d merges)%n",
                texts.size(), vocabulary.trainingBytes(), seconds, vocabulary.size(), vocabulary.specials(),
                vocabulary.merges().size());
        if (vocabulary.size() < vocab) {
            printer.printf(Locale.ROOT, "the text has no pair left that occurs twice: %,d tokens instead of %,d%n",
                    vocabulary.size(), vocab);
        }
        printer.printf(Locale.ROOT, "training text: %,d tokens, %.2f bytes per token%n", vocabulary.trainingTokens(),
                vocabulary.bytesPerToken());
        printer.printf("wrote %s and %s%n", out.resolve(HfTokenizerFiles.TOKENIZER_JSON),
                out.resolve(HfTokenizerFiles.TOKENIZER_CONFIG_JSON));
        printer.flush();
        return 0;
    }
}
