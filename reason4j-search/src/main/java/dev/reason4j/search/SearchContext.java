package dev.reason4j.search;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.exec.CodeExecutor;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.search.protocol.CodeStepProtocol;
import dev.reason4j.search.protocol.PromptTemplate;
import dev.reason4j.search.protocol.StepProtocol;
import java.util.Objects;
import java.util.Optional;

/**
 * What a search runs with: the policy, the step protocol and its prompt, the sandbox for code steps, reward models,
 * the grader (answer clustering) and the shared {@link SearchSettings}. Build with {@link #builder()}; one context
 * serves any number of searches (it owns none of its parts: close them yourself).
 *
 * <p><b>Prefix-cache reuse.</b> When the policy has a local tokenizer and takes token-id prompts, a node's prompt is
 * the prompt's token ids followed by the ids of every step above it exactly as they were generated (observations
 * tokenized once), so the prompt of a child always extends its parent's prompt token for token and an engine with
 * a prefix cache computes only the new step. Without a tokenizer, prompts are text.
 */
public final class SearchContext {

    private final LanguageModel policy;
    private final StepProtocol protocol;
    private final PromptTemplate prompt;
    private final CodeExecutor executor;
    private final RewardModel valueModel;
    private final RewardModel oracle;
    private final MathGrader grader;
    private final SearchSettings settings;

    private SearchContext(Builder b) {
        this.policy = b.policy;
        this.protocol = b.protocol;
        this.prompt = b.prompt != null ? b.prompt : b.protocol.defaultPrompt();
        this.executor = b.executor;
        this.valueModel = b.valueModel;
        this.oracle = b.oracle;
        this.grader = b.grader;
        this.settings = b.settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public LanguageModel policy() {
        return policy;
    }

    public StepProtocol protocol() {
        return protocol;
    }

    public PromptTemplate prompt() {
        return prompt;
    }

    public Optional<CodeExecutor> executor() {
        return Optional.ofNullable(executor);
    }

    /** The learned reward model (PPM, PRM or ORM), if any. */
    public Optional<RewardModel> valueModel() {
        return Optional.ofNullable(valueModel);
    }

    /** The oracle grading final answers against gold answers (data synthesis), if any. */
    public Optional<RewardModel> oracle() {
        return Optional.ofNullable(oracle);
    }

    /** The model that scores trajectories for ranking: the learned one, else the oracle. */
    public Optional<RewardModel> scorer() {
        return valueModel != null ? Optional.of(valueModel) : Optional.ofNullable(oracle);
    }

    public MathGrader grader() {
        return grader;
    }

    public SearchSettings settings() {
        return settings;
    }

    /** Whether prompts are token ids (see the class comment). */
    boolean tokenPrompts() {
        return policy.tokenizer().isPresent() && policy.info().can(ModelInfo.Capability.TOKEN_PROMPTS);
    }

    Optional<Tokenizer> tokenizer() {
        return policy.tokenizer();
    }

    /** Collects a {@link SearchContext}; policy and protocol are required. */
    public static final class Builder {
        private LanguageModel policy;
        private StepProtocol protocol;
        private PromptTemplate prompt;
        private CodeExecutor executor;
        private RewardModel valueModel;
        private RewardModel oracle;
        private MathGrader grader = MathGrader.withDefaults();
        private SearchSettings settings = SearchSettings.defaults();

        private Builder() {}

        public Builder policy(LanguageModel policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder protocol(StepProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /** The prompt format; defaults to the protocol's. */
        public Builder prompt(PromptTemplate prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /** The sandbox for code steps; required by protocols that run code. */
        public Builder executor(CodeExecutor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * A reward model: an {@link RewardModel.Kind#ORACLE} becomes the oracle, any other the value model (at
         * most one of each).
         */
        public Builder reward(RewardModel model) {
            Objects.requireNonNull(model, "model");
            if (model.kind() == RewardModel.Kind.ORACLE) {
                if (oracle != null) {
                    throw new IllegalArgumentException("two oracles given: " + oracle.id() + " and " + model.id());
                }
                oracle = model;
            } else {
                if (valueModel != null) {
                    throw new IllegalArgumentException("two reward models given: " + valueModel.id() + " and " + model.id());
                }
                valueModel = model;
            }
            return this;
        }

        public Builder grader(MathGrader grader) {
            this.grader = Objects.requireNonNull(grader, "grader");
            return this;
        }

        public Builder settings(SearchSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public SearchContext build() {
            if (policy == null) {
                throw new IllegalStateException("policy is required");
            }
            if (protocol == null) {
                throw new IllegalStateException("protocol is required");
            }
            if (protocol instanceof CodeStepProtocol && executor == null) {
                throw new IllegalStateException("the code protocol runs every step: give an executor (a PythonWorkerPool)");
            }
            return new SearchContext(this);
        }
    }
}
