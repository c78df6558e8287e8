package dev.reason4j.app.recipes.evolve;

import dev.reason4j.exec.CodeExecutor;
import dev.reason4j.exec.PythonPoolConfig;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.ValueTransform;
import dev.reason4j.lm.train.Trainer;
import dev.reason4j.recipes.evolve.EvolutionModels;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchLanguageModel;
import dev.reason4j.torch.train.TorchRewardModel;
import dev.reason4j.torch.train.TorchTrainer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The self-evolution models on the in-process libtorch engine: policies with a prefix cache, PPMs scored as
 * rStar-Math's {@code tanh(raw/5)}, trainers, and a pool of Python workers for code steps.
 *
 * @param engine device, dtype, threads and prefix cache of the policy engine
 * @param threads libtorch threads of the trainer (0: libtorch's choice)
 * @param python the sandbox's Python command
 * @param workers the sandbox's Python workers
 */
record TorchEvolutionModels(EngineOptions engine, int threads, String python, int workers) implements EvolutionModels {

    TorchEvolutionModels {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(python, "python");
    }

    @Override
    public LanguageModel generator(Path modelDir) {
        return TorchLanguageModel.builder().modelDir(modelDir).options(engine).build();
    }

    @Override
    public Trainer trainer(Path modelDir) {
        return TorchTrainer.open(modelDir, engine.device(), threads);
    }

    @Override
    public RewardModel processPreferenceModel(Path modelDir) {
        return TorchRewardModel.open(modelDir, RewardModel.Kind.PROCESS, engine.device(), ValueTransform.TANH_OVER_5);
    }

    @Override
    public Tokenizer tokenizer(Path modelDir) {
        return HfTokenizer.load(modelDir);
    }

    @Override
    public CodeExecutor codeExecutor() {
        return PythonWorkerPool.start(PythonPoolConfig.defaults().withPython(python).withWorkers(workers));
    }
}
