"""An independent reader of Hugging Face Qwen2/Llama checkpoints: parses safetensors and config.json with the
standard library and numpy only, and runs the transformers forward pass (RMSNorm, rotary embeddings with
rotate_half, grouped-query causal attention, SwiGLU MLP, tied or separate output head) in float64.

Usage: python3 hf_numpy_forward.py MODEL_DIR '[[ids...], ...]'
Prints JSON: for each sequence, the log-softmax of the next-token logits at every position ("logprobs": rows of the
full vocabulary are too big, so only the log-probability of the token that follows, plus the last row's logits).
"""
import json
import struct
import sys
from pathlib import Path

import numpy as np


def read_safetensors(path):
    data = path.read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        raw = data[base + start:base + end]
        dtype = info["dtype"]
        if dtype == "F32":
            array = np.frombuffer(raw, dtype="<f4")
        elif dtype == "F16":
            array = np.frombuffer(raw, dtype="<f2")
        elif dtype == "BF16":
            array = (np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16).view(np.float32)
        else:
            raise ValueError(f"{path}: tensor {name} has dtype {dtype}")
        tensors[name] = array.astype(np.float64).reshape(info["shape"])
    return tensors


def load(model_dir):
    model_dir = Path(model_dir)
    config = json.loads((model_dir / "config.json").read_text())
    weights = {}
    for file in sorted(model_dir.glob("*.safetensors")):
        weights.update(read_safetensors(file))
    return config, weights


def rms_norm(x, weight, eps):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * weight


def rotate_half(x):
    half = x.shape[-1] // 2
    return np.concatenate([-x[..., half:], x[..., :half]], axis=-1)


def forward(config, w, ids):
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    kv_heads = config.get("num_key_value_heads", heads)
    head_dim = config.get("head_dim") or hidden // heads
    eps = config.get("rms_norm_eps", 1e-6)
    theta = config.get("rope_theta") or (config.get("rope_parameters") or {}).get("rope_theta", 10000.0)
    n = len(ids)

    h = w["model.embed_tokens.weight"][ids]
    inv_freq = 1.0 / (theta ** (np.arange(0, head_dim, 2, dtype=np.float64) / head_dim))
    freqs = np.outer(np.arange(n, dtype=np.float64), inv_freq)
    emb = np.concatenate([freqs, freqs], axis=-1)
    cos, sin = np.cos(emb)[:, None, :], np.sin(emb)[:, None, :]
    mask = np.triu(np.full((n, n), -np.inf), k=1)

    def linear(x, prefix):
        y = x @ w[prefix + ".weight"].T
        return y + w[prefix + ".bias"] if prefix + ".bias" in w else y

    for i in range(config["num_hidden_layers"]):
        p = f"model.layers.{i}."
        x = rms_norm(h, w[p + "input_layernorm.weight"], eps)
        q = linear(x, p + "self_attn.q_proj").reshape(n, heads, head_dim)
        k = linear(x, p + "self_attn.k_proj").reshape(n, kv_heads, head_dim)
        v = linear(x, p + "self_attn.v_proj").reshape(n, kv_heads, head_dim)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        group = heads // kv_heads
        k = np.repeat(k, group, axis=1)
        v = np.repeat(v, group, axis=1)
        scores = np.einsum("qhd,khd->hqk", q, k) / np.sqrt(head_dim) + mask
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        attn = np.einsum("hqk,khd->qhd", scores, v).reshape(n, heads * head_dim)
        h = h + linear(attn, p + "self_attn.o_proj")
        x = rms_norm(h, w[p + "post_attention_layernorm.weight"], eps)
        gate = linear(x, p + "mlp.gate_proj")
        h = h + linear(gate / (1 + np.exp(-gate)) * linear(x, p + "mlp.up_proj"), p + "mlp.down_proj")

    h = rms_norm(h, w["model.norm.weight"], eps)
    head = w.get("lm_head.weight", w["model.embed_tokens.weight"])
    return h @ head.T


def main():
    config, weights = load(sys.argv[1])
    out = []
    for ids in json.loads(sys.argv[2]):
        logits = forward(config, weights, ids)
        shifted = logits - logits.max(axis=-1, keepdims=True)
        logsoftmax = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
        out.append({
            "next_token_logprobs": [float(logsoftmax[t, ids[t + 1]]) for t in range(len(ids) - 1)],
            "last_logits": [float(x) for x in logits[-1]],
        })
    print(json.dumps(out))


if __name__ == "__main__":
    main()
