#!/usr/bin/env bash
# Retrains the testbed's default models from scratch, exactly as the shipped ones were trained, and measures them:
#   world (seeded) -> tokenizer -> random Qwen2 init (seeded) -> SFT data -> SFT -> greedy eval per tier
#   -> one rStar self-evolution round from that policy (MCTS synthesis, PPM pairs, PPM) -> ship policy and PPM.
#
#   reason4j-testbed/train-default-model.sh [WORK_DIR]        (default: runs/testbed-policy)
#
# Every step is deterministic (seeds below; one libtorch thread), and each is resumable: rerunning after a kill
# continues the training, eval and evolve runs where they stopped. The trained models are copied into
# reason4j-testbed/src/main/resources/dev/reason4j/testbed/model/{policy,ppm}/ (set SHIP=0 to skip that); the
# README there says how long this took and what they scored.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
WORK="${1:-$ROOT/runs/testbed-policy}"
SHIP_ROOT="$ROOT/reason4j-testbed/src/main/resources/dev/reason4j/testbed/model"
R="$ROOT/reason4j"
# libtorch multiplies with OpenBLAS, whose own thread pool ignores --threads and, on a busy machine, spins waiting
# for cores (13x slower training measured here); one thread everywhere keeps runs fast and repeatable.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
mkdir -p "$WORK"
start=$(date +%s)

"$R" testbed generate --out "$WORK/world" --seed 1 --train 12000 --test 800
"$R" testbed tokenizer --data "$WORK/world/train.jsonl" --out "$WORK/tokenizer"
"$R" testbed init-model --tokenizer "$WORK/tokenizer" --out "$WORK/init" --seed 1 \
  --layers 4 --hidden 256 --heads 4 --kv-heads 4 --intermediate 704 --context 1024 --dtype bfloat16
"$R" testbed sft-data --data "$WORK/world/train.jsonl" --protocol code --style overthinking --out "$WORK/sft-train.jsonl"

train_start=$(date +%s)
"$R" train sft --model "$WORK/init" --data "$WORK/sft-train.jsonl" --out "$WORK/policy" --threads 1 --seed 1 \
  --max-length 1024 --max-steps 2000 --batch-size 8 --lr 2e-3 --warmup-steps 20 --min-learning-rate-ratio 0.1 \
  --weight-decay 0.1 --eval-fraction 0.01 --eval-every 100 --checkpoint-every 100 --keep-checkpoints 2
train_end=$(date +%s)

# Greedy on held-out problems (the first 160 of the test file: 20 per tier); tier-8 overthinking solutions take
# up to 18 steps.
"$R" eval --model "$WORK/policy" --data "$WORK/world/test.jsonl" --protocol code --strategy greedy \
  --max-depth 24 --limit 160 --threads 1 --no-trees --out "$WORK/eval-greedy"
python3 - "$WORK/eval-greedy/results.jsonl" <<'EOF'
import json, sys
tiers = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    t = tiers.setdefault(int(r["difficulty"]), [0, 0, 0])
    t[0] += 1
    t[1] += r["correct"]
    t[2] += r["usage"]["generated_tokens"]
print("tier  problems  greedy accuracy  mean generated tokens")
for tier, (n, correct, tokens) in sorted(tiers.items()):
    print(f"{tier:>4}  {n:>8}  {100 * correct / n:>14.1f}%  {tokens / n:>21.1f}")
n = sum(t[0] for t in tiers.values())
print(f" all  {n:>8}  {100 * sum(t[1] for t in tiers.values()) / n:>14.1f}%  "
      f"{sum(t[2] for t in tiers.values()) / n:>21.1f}")
EOF
echo "policy training: $(( (train_end - train_start) / 60 )) min"

# One self-evolution round from the trained policy, as rStar-Math's round 1: MCTS over 96 training problems (12 per
# tier) with the oracle's +-1 terminal rewards, PPM pairs from the trees, a short policy SFT on the round's
# correct trajectories and the PPM from that policy.
cat > "$WORK/evolve.yaml" <<'YAML'
base_model: policy
rounds: 1
problems: {file: world/train.jsonl, limit: 96}
seeds: {search: 1, training: 1, eval: 1}
mcts: {protocol: code, rollouts: 8, candidates: 4, max_depth: 24, max_step_tokens: 128, batch: 8}
train:
  policy: {learning_rate: 1e-4, epochs: 1, batch_size: 8, max_length: 1024}
  ppm: {learning_rate: 1e-4, epochs: 2, batch_size: 8, max_length: 1024}
eval: {file: world/test.jsonl, limit: 32, strategy: greedy}
YAML
evolve_start=$(date +%s)
"$R" evolve --config "$WORK/evolve.yaml" --out "$WORK/evolve" --threads 1
echo "evolve round: $(( ($(date +%s) - evolve_start) / 60 )) min; everything: $(( ($(date +%s) - start) / 60 )) min"

if [ "${SHIP:-1}" = "1" ]; then
  for model in policy ppm; do
    from="$WORK/policy"; [ "$model" = ppm ] && from="$WORK/evolve/round-1/ppm"
    mkdir -p "$SHIP_ROOT/$model"
    for f in config.json generation_config.json model.safetensors tokenizer.json tokenizer_config.json; do
      if [ -f "$from/$f" ]; then cp "$from/$f" "$SHIP_ROOT/$model/$f"; fi
    done
  done
  echo "shipped: $SHIP_ROOT/{policy,ppm} (update README.md there with the numbers above)"
fi
