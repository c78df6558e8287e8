package dev.reason4j.app.serve;

import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import java.util.List;

/**
 * A validated completions or chat request, ready for the model.
 *
 * @param prompts one or more prompts (chat: exactly one)
 * @param promptTexts each prompt's text for {@code echo} ({@code null} entries when not echoing)
 * @param params sampling parameters, {@code n} included
 * @param echo put the prompt (and its logprobs) in front of each completion
 * @param promptLogprobs report each prompt token's log-probability (vLLM's {@code prompt_logprobs: 0})
 * @param returnTokenIds add {@code token_ids} and {@code prompt_token_ids} (vLLM's {@code return_token_ids})
 * @param tokensAsIds write tokens as {@code token_id:N} (vLLM's {@code return_tokens_as_token_ids})
 */
record ParsedRequest(
        List<Prompt> prompts,
        List<String> promptTexts,
        SamplingParams params,
        boolean echo,
        boolean promptLogprobs,
        boolean returnTokenIds,
        boolean tokensAsIds) {

    /** Whether prompt log-probabilities must be computed (for echo with logprobs or prompt_logprobs). */
    boolean needsPromptScores() {
        return promptLogprobs || (echo && params.logprobs());
    }
}
