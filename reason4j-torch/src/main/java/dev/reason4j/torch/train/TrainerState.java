package dev.reason4j.torch.train;

/**
 * Where a run stands, saved with each resumable checkpoint ({@code trainer-state.json}).
 *
 * @param step optimizer steps done
 * @param position examples of the data-order stream consumed ({@link DataOrder})
 * @param totalTokens tokens fed so far
 * @param loss the last step's training loss
 * @param fingerprint the run's configuration and data fingerprint; a checkpoint resumes only a run with the same one
 */
record TrainerState(long step, long position, long totalTokens, double loss, String fingerprint) {}
