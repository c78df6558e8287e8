/**
 * Training on libtorch: {@link dev.reason4j.torch.train.TorchTrainer} implements the
 * {@link dev.reason4j.lm.train.Trainer} SPI for SFT, DPO, RPO, SimPO, O1-Pruner's length-harmonizing loss and the
 * PPM / PQM / ORM value-head objectives (losses in {@code dev.reason4j.torch.train.loss}), with full training,
 * last-layers-only training or LoRA merged on save; {@link dev.reason4j.torch.train.TorchRewardModel} scores with a
 * trained value head.
 *
 * <p>The forward pass is the inference model's own ({@link dev.reason4j.torch.model.DecoderModel#forwardSequences}),
 * run over whole right-padded sequences without a KV cache. An output directory holds the final model in Hugging
 * Face layout, {@code training.json} (the run's summary and fingerprint), {@code reference-logprobs.json} (the
 * frozen starting model's statistics for DPO, RPO and LH) and {@code checkpoints/step-N/} (resumable state).
 */
package dev.reason4j.torch.train;
