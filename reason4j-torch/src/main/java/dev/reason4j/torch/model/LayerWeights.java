package dev.reason4j.torch.model;

import dev.reason4j.torch.Native;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * One decoder layer's parameters, with the q/k/v projections fused into one matrix and gate/up into another so a
 * token costs two matrix products instead of five. Biases are {@code null} where the architecture has none.
 *
 * @param inputNorm RMSNorm weight before attention, (hidden)
 * @param qkv q, k, v projections stacked, ((heads + 2·kvHeads)·headDim, hidden)
 * @param qkvBias their biases, ((heads + 2·kvHeads)·headDim) or null
 * @param output attention output projection, (hidden, heads·headDim)
 * @param outputBias its bias, (hidden) or null
 * @param postNorm RMSNorm weight before the MLP, (hidden)
 * @param gateUp gate and up projections stacked, (2·intermediate, hidden)
 * @param gateUpBias their biases, (2·intermediate) or null
 * @param down down projection, (hidden, intermediate)
 * @param downBias its bias, (hidden) or null
 */
record LayerWeights(
        Tensor inputNorm,
        Tensor qkv,
        Tensor qkvBias,
        Tensor output,
        Tensor outputBias,
        Tensor postNorm,
        Tensor gateUp,
        Tensor gateUpBias,
        Tensor down,
        Tensor downBias) {

    /** The parameters under their Hugging Face names (views into the fused tensors). */
    Map<String, Tensor> named(String prefix, ModelConfig config) {
        long q = (long) config.numHeads() * config.headDim();
        long kv = (long) config.numKvHeads() * config.headDim();
        long inter = config.intermediateSize();
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(prefix + "input_layernorm.weight", inputNorm);
        out.put(prefix + "self_attn.q_proj.weight", qkv.narrow(0, 0, q));
        out.put(prefix + "self_attn.k_proj.weight", qkv.narrow(0, q, kv));
        out.put(prefix + "self_attn.v_proj.weight", qkv.narrow(0, q + kv, kv));
        if (qkvBias != null) {
            out.put(prefix + "self_attn.q_proj.bias", qkvBias.narrow(0, 0, q));
            out.put(prefix + "self_attn.k_proj.bias", qkvBias.narrow(0, q, kv));
            out.put(prefix + "self_attn.v_proj.bias", qkvBias.narrow(0, q + kv, kv));
        }
        out.put(prefix + "self_attn.o_proj.weight", output);
        if (outputBias != null) {
            out.put(prefix + "self_attn.o_proj.bias", outputBias);
        }
        out.put(prefix + "post_attention_layernorm.weight", postNorm);
        out.put(prefix + "mlp.gate_proj.weight", gateUp.narrow(0, 0, inter));
        out.put(prefix + "mlp.up_proj.weight", gateUp.narrow(0, inter, inter));
        if (gateUpBias != null) {
            out.put(prefix + "mlp.gate_proj.bias", gateUpBias.narrow(0, 0, inter));
            out.put(prefix + "mlp.up_proj.bias", gateUpBias.narrow(0, inter, inter));
        }
        out.put(prefix + "mlp.down_proj.weight", down);
        if (downBias != null) {
            out.put(prefix + "mlp.down_proj.bias", downBias);
        }
        return out;
    }

    /** The tensors as held, fused ones whole, under stable names; biases only where the architecture has them. */
    Map<String, Tensor> leaves(String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(prefix + "input_layernorm.weight", inputNorm);
        out.put(prefix + "self_attn.qkv_proj.weight", qkv);
        putIfPresent(out, prefix + "self_attn.qkv_proj.bias", qkvBias);
        out.put(prefix + "self_attn.o_proj.weight", output);
        putIfPresent(out, prefix + "self_attn.o_proj.bias", outputBias);
        out.put(prefix + "post_attention_layernorm.weight", postNorm);
        out.put(prefix + "mlp.gate_up_proj.weight", gateUp);
        putIfPresent(out, prefix + "mlp.gate_up_proj.bias", gateUpBias);
        out.put(prefix + "mlp.down_proj.weight", down);
        putIfPresent(out, prefix + "mlp.down_proj.bias", downBias);
        return out;
    }

    private static void putIfPresent(Map<String, Tensor> out, String name, Tensor tensor) {
        if (tensor != null) {
            out.put(name, tensor);
        }
    }

    void release() {
        for (Tensor t : new Tensor[] {inputNorm, qkv, qkvBias, output, outputBias, postNorm, gateUp, gateUpBias, down, downBias}) {
            Native.release(t);
        }
    }
}
