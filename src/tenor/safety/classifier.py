"""The trained safety classifier and the layered screen (rules first, classifier for recall).

The classifier is all-MiniLM-L6-v2 fine-tuned with an MLP softmax head (``training/finetune_safety.py``; an
ONNX graph with mean pooling inside and 7-bit signed weights, which run on the CPU's integer dot-product
kernels) over ``benign``, tenor's harm categories and three finer classes the closed set lacks
(``deception``, ``crime``, ``copyright``); model card: ``models/safety_clf/CARD.md``. Where ``meta.json`` names
several heads (the frozen-encoder design of ``training/train_safety.py``), their probabilities are mixed with
its weights. No torch at run time: onnxruntime and the ``tokenizers`` library.

Scores given to the policy: the harm classes fall into groups (``meta.json``: harmful content, requests for
dangerous help; one group of all of them for an older head), each with its own threshold. The most likely class
of a group gets the group's probability (the sum of its classes'), the others their own probability, and
``prompt_injection`` its own; the finer classes fold into a policy category (``FOLD``). Scores are rescaled so
that the operating thresholds chosen on held-out training data (per group, injection, and self-harm's own
where the head has one) land at 0.8, the policy's default ``act_at``: moving a category's ``act_at`` in
``policy.toml`` moves along the classifier's own precision/recall curve.

A text of up to 128 tokens is one window. A longer one is read as a head and a tail window of 128 tokens (all
that was read until stop 25, when a harmful request in the middle of a long message went unread), then whole,
in windows of whole sentences packed up to ``SENTENCE_WINDOW`` tokens, and each sentence alone, where only a
reading of ``SENTENCE_ALONE_SCORE`` or more counts. The normalised views of the text (homoglyphs folded,
leetspeak undone, base64 decoded, see ``normalize.py``) are read where they differ from the text; the most
harmful reading wins.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, replace
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, Final, cast

import numpy as np
from numpy.typing import NDArray

from tenor.config import Config
from tenor.errors import BackendUnavailable
from tenor.events import MoodEstimate, SafetyVerdict, TonePlan
from tenor.safety import crisis, emergency, frames, normalize, threats
from tenor.safety.policy import Policy, is_statement, load_policy
from tenor.safety.screen import RuleScreen, read_sentence_views, read_views
from tenor.vocab import SAFETY_CATEGORIES, SafetyCategory

# Finer classes the closed category set lacks, and the policy category each one is decided under. Their
# refusals keep their own wording (``crisis.REFUSALS_FINE``).
FOLD: Final[dict[str, SafetyCategory]] = {
    "deception": "cyber_abuse",
    "crime": "illegal_drugs",
    "copyright": "privacy",
}
# Where the operating threshold lands after rescaling (the policy's default act_at).
OPERATING_SCORE: Final = 0.8
# Characters read from each end of a long text before tokenising (tokenising a megabyte costs ~100 ms), in the
# head-and-tail reading training uses; the screens hand over at most ``normalize.MAX_SCREEN_CHARS``.
MAX_CHARS_EACH_END: Final = 3000
# Most tokens of whole sentences in one window of a long text read whole (``token_windows``).
SENTENCE_WINDOW: Final = 80
# Windows read for one message, at most, over all its views (each costs 2-10 ms): a message of the longest
# allowed length (``normalize.MAX_SCREEN_CHARS``) in English needs about 65. Past it, what is left of a view is
# not read by the classifier (the rules still read it): a message made to need more (20,000 characters of
# punctuation took 4 s) is not English talk.
MAX_WINDOWS: Final = 80
# Each sentence of a long text (three words or more) is also read alone, the first this many, and a reading
# counts only from this score (the operating point is 0.8): packed into a window beside everyday sentences, a
# statement of intent is diluted ("I won't be here by Sunday" read as a caution or allowed), and read alone it is
# not. Chosen on everyday stories: no EmpatheticDialogues dev story of 800 has a sentence read alone this high;
# at 0.8, 1.3% do (see the model card).
SENTENCE_ALONE_SCORE: Final = 0.98
MAX_SENTENCES_ALONE: Final = 120
# Where a text is cut into sentences: after a full stop, question or exclamation mark or semicolon, also one
# closed by a quote or bracket ('"Tell me how to hurt her."' is a sentence).
_SENTENCE_BREAK: Final = re.compile(r"(?<=[.!?;])\s+|(?<=[.!?;][\"')\]])\s+|\n+")
# Views of one text the classifier reads, at most (each costs one or two encoder runs, 2-10 ms each).
MAX_VIEWS: Final = 3
# A text shorter than this (words, and characters) cannot carry an instruction to override: the classifier's
# prompt-injection score is not used for it. Trained on injection sets with no short benign text beside them,
# the head reads any bare word as an attack ("yes" 1.00, "ok" 0.99, "hello" 0.98, "help" 0.97), and a voice
# assistant hears those all day. Short explicit attempts ("jailbreak", "ignore instructions") are the rules'.
# A message that only steers the conversation (``frames.steers_conversation``) or asks how to say something in
# another language (``frames.asks_for_translation``) is treated the same way.
MIN_INSTRUCTION_WORDS: Final = 3
MIN_INSTRUCTION_CHARS: Final = 12


def model_dir() -> Path:
    return Path(str(resources.files("tenor.safety.models").joinpath("safety_clf")))


def token_windows(tokenizer: Any, text: str, max_tokens: int, sentences: int | None = None) -> list[list[int]]:
    """Token ids of the windows of ``text``, each with its own [CLS] and [SEP].

    A text of up to ``max_tokens`` tokens is one window. A longer one: its head and tail windows of
    ``max_tokens`` (how training reads text, and all that is read with ``sentences=None``); and then, with
    ``sentences``, all of it again in windows of whole sentences packed up to that many tokens, one after the
    other (a longer sentence is cut into pieces of that size overlapping by half).
    """
    if sentences is None and len(text) > 2 * MAX_CHARS_EACH_END:
        text = text[:MAX_CHARS_EACH_END] + " ... " + text[-MAX_CHARS_EACH_END:]
    ids: list[int] = tokenizer.encode(text).ids
    n = max_tokens
    if len(ids) <= n:
        return [ids]
    ends = [[*ids[: n - 1], ids[-1]], [ids[0], *ids[-(n - 1) :]]]
    if sentences is None:
        return ends
    body = min(max(sentences, 8), n - 2)
    parts = [part for part in _SENTENCE_BREAK.split(text) if part.strip()]
    pieces: list[list[int]] = []
    for enc in tokenizer.encode_batch(parts, add_special_tokens=False):
        sentence: list[int] = enc.ids
        while len(sentence) > body:
            pieces.append(sentence[:body])
            sentence = sentence[body // 2 :]
        if sentence:
            pieces.append(sentence)
    windows: list[list[int]] = []
    current: list[int] = []
    for piece in pieces:
        if current and len(current) + len(piece) > body:
            windows.append([ids[0], *current, ids[-1]])
            current = []
        current += piece
    if current:
        windows.append([ids[0], *current, ids[-1]])
    return ends + windows


def changed_parts(view: str, text: str) -> list[str]:
    """The runs of consecutive sentences of a normalised ``view`` that ``text`` does not hold as they are: a long
    message with one leetspeak word is read again only around it, and each run alone (a "3pm" undone elsewhere
    in the message would dilute a request read beside it)."""
    seen = set(_SENTENCE_BREAK.split(text))
    runs: list[list[str]] = [[]]
    for part in _SENTENCE_BREAK.split(view):
        if part in seen:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(part)
    return [" ".join(run) for run in runs if run]


class Encoder:
    """Sentence embeddings from the quantised MiniLM ONNX graph: one per 128-token window (head, and tail)."""

    def __init__(self, onnx_path: Path, tokenizer_path: Path, *, threads: int = 1, max_tokens: int = 128) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError:
            raise BackendUnavailable(
                "the safety classifier needs onnxruntime and tokenizers: pip install tenor"
            ) from None
        try:
            self._tok = Tokenizer.from_file(str(tokenizer_path))
            opts = ort.SessionOptions()
            # One thread by default: a message is short, and the other core serves speech at the same time.
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            self._sess = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        except (OSError, ValueError, RuntimeError) as err:
            raise BackendUnavailable(f"cannot load the safety encoder from {onnx_path}: {err}") from None
        self._tok.no_padding()
        self._tok.no_truncation()
        self.max_tokens = max_tokens
        self._lock = threading.Lock()

    def windows(self, text: str, sentences: int | None = SENTENCE_WINDOW) -> list[list[int]]:
        return token_windows(self._tok, text, self.max_tokens, sentences)

    def embed(
        self, text: str, sentences: int | None = SENTENCE_WINDOW, limit: int | None = None
    ) -> list[NDArray[np.float32]]:
        """One embedding per window, the first ``limit`` windows at most (``sentences=None``: the head and tail
        windows training reads)."""
        out: list[NDArray[np.float32]] = []
        # One window a run: the graph's activations are quantised with a range taken over the whole batch, so a
        # window read beside others would read differently (up to 0.016 in its embedding) from one read alone.
        for ids in self.windows(text, sentences)[:limit]:
            x = np.asarray([ids], dtype=np.int64)
            with self._lock:
                (emb,) = self._sess.run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})
            out.append(np.asarray(emb[0], dtype=np.float32))
        return out


def mlp_probs(
    embedding: NDArray[Any], w1: NDArray[Any], b1: NDArray[Any], w2: NDArray[Any], b2: NDArray[Any]
) -> NDArray[np.float64]:
    """Class probabilities from the head (one ReLU layer, softmax); training scores held-out rows with it too."""
    hidden = np.maximum(embedding @ w1 + b1, 0.0)
    z = (hidden @ w2 + b2).astype(np.float64)
    e = np.exp(z - z.max())
    return cast(NDArray[np.float64], e / e.sum())


@dataclass(frozen=True)
class Reading:
    # Policy category -> rescaled score in [0, 1] (0.8 = the operating threshold).
    scores: dict[SafetyCategory, float]
    # The most likely harm class (a policy category or a finer class), or "benign".
    top: str
    # Content-harm probability (every harm class but injection) of the most harmful window and view.
    harm: float


class SafetyClassifier:
    """Category scores for one text."""

    def __init__(
        self, directory: Path | None = None, threads: int = 1, sentences: int | None = SENTENCE_WINDOW
    ) -> None:
        d = directory or model_dir()
        # Window size of a long text read whole (``token_windows``); None reads only its head and tail (the
        # reading before stop 25, kept for comparisons).
        self.sentences = sentences
        try:
            meta: dict[str, Any] = json.loads((d / "meta.json").read_text("utf-8"))
            n_heads = int(meta.get("heads", 1))
            with np.load(d / "head.npz") as head:
                keys = (
                    [("w1", "b1", "w2", "b2")]
                    if n_heads == 1
                    else [(f"w1_{k}", f"b1_{k}", f"w2_{k}", f"b2_{k}") for k in range(n_heads)]
                )
                self.heads = [tuple(head[name] for name in names) for names in keys]
            self.mix = [float(w) for w in meta.get("mix", [1.0 / n_heads] * n_heads)]
            self.classes: list[str] = list(meta["classes"])
            known = set(SAFETY_CATEGORIES) | set(FOLD) | {"benign"}
            if self.classes[0] != "benign" or not set(self.classes) <= known or "prompt_injection" not in self.classes:
                raise ValueError("unknown classes")
            if len(self.mix) != n_heads:
                raise ValueError("one mixing weight per head")
            self._inj = self.classes.index("prompt_injection")
            harm = [c for c in self.classes[1:] if c != "prompt_injection"]
            # Harm class groups with their probability thresholds chosen on held-out training data; an older
            # head has one group of every harm class at ``threshold_content``.
            groups: dict[str, list[str]] = meta.get("groups", {"content": harm})
            thresholds: dict[str, float] = meta.get("thresholds", {"content": meta.get("threshold_content")})
            if sorted(c for g in groups.values() for c in g) != sorted(harm):
                raise ValueError("the groups must cover every harm class once")
            self.groups = [([self.classes.index(c) for c in groups[g]], float(thresholds[g])) for g in groups]
            self.threshold_injection = float(meta["threshold_injection"])
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise BackendUnavailable(f"cannot load the safety classifier from {d}: {err}") from None
        # Self-harm's own, lower point (a crisis answer is care, not a refusal); otherwise its group's.
        self._self_harm = self.classes.index("self_harm") if "self_harm" in self.classes else -1
        own = meta.get("threshold_self_harm")
        self.threshold_self_harm = float(own) if own is not None else self.threshold_of("self_harm")
        self.encoder = Encoder(d / "encoder.onnx", d / "tokenizer.json", threads=threads, max_tokens=meta["max_tokens"])

    def probs(self, embedding: NDArray[np.float32]) -> NDArray[np.float64]:
        out = np.zeros(len(self.classes))
        for w, (w1, b1, w2, b2) in zip(self.mix, self.heads, strict=True):
            out += w * mlp_probs(embedding, w1, b1, w2, b2)
        return out

    def threshold_of(self, name: str) -> float:
        """The probability threshold of a harm class's group."""
        i = self.classes.index(name)
        return next(t for members, t in self.groups if i in members)

    @staticmethod
    def rescale(p: float, t: float) -> float:
        """Map a probability so that the threshold ``t`` lands at OPERATING_SCORE."""
        if p < t:
            return OPERATING_SCORE * p / max(1e-9, t)
        return OPERATING_SCORE + (1.0 - OPERATING_SCORE) * (p - t) / max(1e-9, 1.0 - t)

    def _scores(self, p: NDArray[np.float64]) -> tuple[dict[str, float], float]:
        """Rescaled score per class for one window, and its content-harm probability (every harm class but
        injection)."""
        content = max(0.0, 1.0 - float(p[0]) - float(p[self._inj]))
        out: dict[str, float] = {}
        for members, threshold in self.groups:
            group = float(sum(p[i] for i in members))
            top = max(members, key=lambda i: p[i])
            for i in members:
                t = self.threshold_self_harm if i == self._self_harm else threshold
                out[self.classes[i]] = self.rescale(group if i == top else float(p[i]), t)
        out["prompt_injection"] = self.rescale(float(p[self._inj]), self.threshold_injection)
        return out, content

    def read(self, texts: list[str], lined: str | None = None) -> Reading:
        """The most harmful reading over ``texts`` (views of one message) and their windows; ``lined``, the first
        view with its line breaks kept (``normalize.lined``), is read in its place, each line a sentence."""
        best: dict[str, float] = {}
        harm = 0.0
        budget = MAX_WINDOWS
        long_text = False
        first = texts[0] if texts else ""
        if lined is not None and lined.replace("\n", " ") == first.replace("\n", " "):
            first = lined
        # The other views (leetspeak undone, letters joined, base64 decoded) only where they differ from the
        # first: each window costs 2-10 ms, and a dodge is short.
        pieces = [first] + [part for view in texts[1:MAX_VIEWS] for part in changed_parts(view, texts[0])]
        for k, text in enumerate(pieces):
            if not text.strip() or budget <= 0:
                continue
            short = len(text.split()) < MIN_INSTRUCTION_WORDS and len(text.strip()) < MIN_INSTRUCTION_CHARS
            # The frames read words as the views hold them, a line break a space ("speak slower\nplease").
            flat = text.replace("\n", " ")
            no_instruction = short or frames.steers_conversation(flat) or frames.asks_for_translation(flat)
            embeddings = self.encoder.embed(text, self.sentences, limit=budget)
            # The first piece is the text itself: more than one window means a long text.
            long_text = long_text or (k == 0 and len(embeddings) > 1)
            budget -= len(embeddings)
            for emb in embeddings:
                scores, content = self._scores(self.probs(emb))
                if no_instruction:
                    scores["prompt_injection"] = 0.0
                harm = max(harm, content)
                for name, score in scores.items():
                    best[name] = max(best.get(name, 0.0), score)
        if self.sentences is not None and long_text:
            harm = max(harm, self._sentences_alone(first, best))
        if not best:
            return Reading({}, "benign", 0.0)
        top = max(best, key=lambda n: best[n])
        categories: dict[SafetyCategory, float] = {}
        for name, score in best.items():
            category = FOLD.get(name, cast(SafetyCategory, name))
            categories[category] = max(categories.get(category, 0.0), round(score, 4))
        if top == "prompt_injection":
            harm = max(harm, best[top])
        return Reading(categories, top if best[top] >= 0.5 else "benign", harm)

    def _sentences_alone(self, text: str, best: dict[str, float]) -> float:
        """Read each sentence of a long text alone, keeping only readings of at least ``SENTENCE_ALONE_SCORE``
        (into ``best``); the content-harm probability of those kept."""
        harm = 0.0
        parts = [part for part in _SENTENCE_BREAK.split(text) if len(part.split()) >= 3]
        for part in parts[:MAX_SENTENCES_ALONE]:
            for emb in self.encoder.embed(part, self.sentences, limit=1):
                scores, content = self._scores(self.probs(emb))
                # Injection is left to the windows and rules: the head reads many a short everyday question as one.
                kept = {n: v for n, v in scores.items() if v >= SENTENCE_ALONE_SCORE and n != "prompt_injection"}
                for name, score in kept.items():
                    best[name] = max(best.get(name, 0.0), score)
                if kept:
                    harm = max(harm, content)
        return harm


class LayeredScreen(RuleScreen):
    """The rule screen first, then the classifier; each category keeps the higher of the two scores.

    The rules are the deterministic floor (the crisis path never depends on the model); the classifier adds
    recall on paraphrases the rules cannot list. Tone fit stays with the rules (it needs the mood, not the
    words alone).
    """

    name = "layered"

    def __init__(
        self,
        policy: Policy | None = None,
        classifier: SafetyClassifier | None = None,
        emergency_reader: emergency.EmergencyReader | None = None,
    ) -> None:
        super().__init__(policy)
        self.classifier = classifier if classifier is not None else shared_classifier()
        self.emergency_reader = emergency_reader if emergency_reader is not None else emergency.shared_reader()

    def _emergency(self, views: list[str], raw: str | None) -> emergency.Who:
        """A medical emergency now: the emergency reader's model, with the rules beside it (``emergency``)."""
        text = raw if raw is not None else views[0]
        return self.emergency_reader.read(text, views[0], partial(super()._emergency, views, raw)).who

    def _merge(
        self,
        scores: dict[SafetyCategory, float],
        fired: list[str],
        views: list[str],
        lined: str | None = None,
        text: str | None = None,
    ) -> tuple[dict[SafetyCategory, float], list[str]]:
        reading = self.classifier.read(views, lined)
        merged = dict(scores)
        for category, score in reading.scores.items():
            if score > merged.get(category, 0.0):
                merged[category] = score
        reasons = list(fired)
        if reading.top != "benign":
            top_score = max(reading.scores.values(), default=0.0)
            if top_score >= 0.5:
                reasons.append(f"classifier:{reading.top}:{reading.harm:.2f}")
        # The classifier cannot tell whose wish to be gone it reads; the words can, for one sentence. Only where
        # no self-harm rule fired: the rules' reading of risk is never lowered.
        if (
            merged.get("self_harm", 0.0) > crisis.SOMEONE_GONE_SCORE
            and not any(r.startswith("self_harm:") for r in fired)
            and crisis.wishes_someone_gone(views[0])
        ):
            merged["self_harm"] = crisis.SOMEONE_GONE_SCORE
            reasons.append("self_harm:someone-else-gone")
        # A question about staying safe from harm done to the speaker, or about one's own former partner: the
        # classifier's topic, not a request for harm (``frames``); every category it alone raised above a caution
        # is lowered to one.
        frame = frames.lowering_frame(views[0])
        if frame:
            lowered = [c for c, v in reading.scores.items() if v > frames.SEEKS_SAFETY_SCORE and v > scores.get(c, 0)]
            for category in lowered:
                merged[category] = max(scores.get(category, 0.0), frames.SEEKS_SAFETY_SCORE)
            if lowered:
                reasons.append(f"frame:{frame}")
        # A threat told ("he said if i go to the police he'll kill me"): danger to the speaker from someone else,
        # which the screen would refuse as harm to a person, gets the crisis protocol instead (``threats``; where
        # it is the protocol already, the reason picks its words). Read after the frames and as the policy
        # decides (a harassing statement is answered with care, and so is a question a frame read as seeking
        # safety): a caution or an allowed message is left as it is, since the words alone carry most figures
        # too.
        # Cheapest first: the statement reading only softens a stop, so it is read last, and only for a threat told.
        harm = {c: merged.get(c, 0.0) for c in threats.HARM_TO_A_PERSON}
        stops = ("refuse", "crisis")
        action = self.policy.decide(harm)[0]
        if (
            action in stops
            # Where it is a refusal, the words as written too: a figure read plainly may hold a threat the screen
            # still refuses ("dad's going to kill me for real this time, he's got the hammer"), and a refusal is
            # the worst answer to it. Not where it is the protocol already: its words are picked from the figures
            # read plainly ("my mum would kill me if she knew, but i hope the tumour wins").
            and (
                threats.told(views[0])
                or (action == "refuse" and text is not None and threats.told(normalize.first_view(text)))
            )
            and self.policy.decide(harm, statement=is_statement(views[0]))[0] in stops
        ):
            merged["self_harm"] = max(merged.get("self_harm", 0.0), threats.TOLD_SCORE)
            reasons.append(threats.TOLD)
        return merged, reasons

    def screen_input(self, text: str) -> SafetyVerdict:
        views, lined, found = read_views(text)
        scores, fired = self._rules(views, "input", lined, text)
        merged, reasons = self._merge(scores, fired, views, lined, text)
        verdict = self._verdict("input", merged, [*reasons, *found], views[0])
        return self._in_danger(verdict, views[0])

    def _in_danger(self, verdict: SafetyVerdict, view: str) -> SafetyVerdict:
        """A threat told that the screen would allow or answer with care, read as meant (``threats.in_danger``):
        a caution, so the model answers with care, and the reason for the vetted line before its answer. Never a
        stop: the same words carry most figures of speech, and the line is only more care than a figure needed."""
        rule = self.policy.categories["violence"]
        if verdict.action not in ("allow", "caution") or rule.caution_at >= rule.act_at:
            return verdict
        if not threats.in_danger(view):
            return verdict
        scores = dict(verdict.scores)
        scores["violence"] = max(scores.get("violence", 0.0), rule.caution_at)
        categories = verdict.categories if "violence" in verdict.categories else (*verdict.categories, "violence")
        return replace(
            verdict, action="caution", categories=categories, scores=scores, reasons=(*verdict.reasons, threats.DANGER)
        )

    def screen_output(
        self, sentence: str, mood: MoodEstimate | None = None, tone: TonePlan | None = None
    ) -> SafetyVerdict:
        # The sentence's views and figures are read once, for the rules and the classifier both.
        views, found = read_sentence_views(sentence)
        merged, reasons = self._output_rules(sentence, views, found, mood, tone)
        # A reply sentence is not a person at risk: self-harm in the model's words is refused (replaced),
        # never answered with the crisis protocol, and the model's own refusals mention topics freely.
        reading = self.classifier.read(views[:1])
        for category, score in reading.scores.items():
            if category != "prompt_injection" and score > merged.get(category, 0.0):
                merged[category] = score
        if reading.top != "benign" and max(reading.scores.values(), default=0.0) >= OPERATING_SCORE:
            reasons.append(f"classifier:{reading.top}:{reading.harm:.2f}")
        verdict = self._verdict("output", merged, reasons)
        if verdict.action == "crisis":
            return SafetyVerdict(
                turn_id=0,
                stage="output",
                action="refuse",
                categories=verdict.categories,
                scores=verdict.scores,
                reasons=verdict.reasons,
            )
        return verdict


_shared: dict[str, SafetyClassifier] = {}
_shared_lock = threading.Lock()


def shared_classifier(directory: Path | None = None) -> SafetyClassifier:
    """One classifier per process (the encoder is 23 MB and loads in ~0.3 s)."""
    key = str(directory or model_dir())
    with _shared_lock:
        if key not in _shared:
            _shared[key] = SafetyClassifier(directory)
        return _shared[key]


def create(config: Config) -> LayeredScreen:
    """Registry factory for the ``layered`` screen."""
    return LayeredScreen(load_policy(config.safety.policy_path or None))
