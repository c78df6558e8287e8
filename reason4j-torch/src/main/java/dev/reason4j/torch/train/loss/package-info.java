/**
 * The training losses, one class per paper objective with its formula in the Javadoc. Each takes per-sequence
 * statistics as tensors (summed or mean response log-probabilities, value-head outputs) and returns a scalar tensor
 * that autograd differentiates; none knows about models or batching.
 */
package dev.reason4j.torch.train.loss;
