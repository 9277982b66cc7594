"""Fusing the mood heard in the voice with the mood read in the words.

Each source gets a weight: its measured reliability (held-out unweighted accuracy of the model, recorded in
``RELIABILITY``) times the emotional evidence it brings, the probability it gives to anything other than
neutral. Neutral is how a mood model says "I see nothing", not "I see calm", so a source that sees nothing
gets little say:

* RAVDESS's emotionally neutral sentences ("Kids are talking by the door") spoken in anger: the words give
  neutral, weight near zero, and the voice decides. Neutral words never wash out a clear voice.
* "I lost my job today" said flatly: the voice gives neutral or calm, weight near zero, and the words decide.
  A sad sentence said flatly is not read as neutral.

The fused probabilities are the weighted mixture (a linear opinion pool, which stays calibrated when each
source is, unlike a product of experts that grows over-confident); valence and arousal are mixed with the
same weights. The estimate is ``uncertain`` when both sources are weak (neither brings evidence, or the pool's
top label is weak) or when they disagree strongly: both carry clear evidence for different emotions
(the words say joy, the voice says sadness: "I'm fine."), which tenor reports rather than averages away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tenor.events import MoodEstimate
from tenor.mood.base import clamp, is_uncertain, make_estimate
from tenor.vocab import MOOD_LABELS, MoodLabel

# Held-out unweighted accuracy of each source, measured by ``tenor eval``: the text model's Ekman-7 macro-F1
# on GoEmotions test (0.64), the voice model's UA-7 on RAVDESS actors 17-24 (the card's figure, rounded
# down). Only their ratio matters.
RELIABILITY: Final[dict[str, float]] = {"text": 0.64, "voice": 0.70}


@dataclass(frozen=True)
class FusionOptions:
    # Evidence (1 - P(neutral)) a source needs before its emotion counts as clear in the disagreement test.
    clear_evidence: float = 0.5
    # Both sources clear, top labels different, and the pool's top label below this: uncertain.
    disagreement_top: float = 0.6
    # Weight floor, so that two sources that both say "neutral" still average rather than divide by zero.
    floor: float = 0.05


def _evidence(m: MoodEstimate) -> float:
    return 1.0 - float(m.probs.get("neutral", 0.0))


def fuse(text: MoodEstimate | None, voice: MoodEstimate | None, options: FusionOptions | None = None) -> MoodEstimate:
    """One estimate from the words and the voice (either may be missing or withheld)."""
    o = options or FusionOptions()
    sources = [(kind, m) for kind, m in (("text", text), ("voice", voice)) if m is not None and m.probs]
    if not sources:
        return make_estimate({}, cues=("no words or voice to read",), source="fused", uncertain=True)
    weights = {kind: RELIABILITY[kind] * max(o.floor, _evidence(m)) for kind, m in sources}
    total = sum(weights.values())
    probs: dict[MoodLabel, float] = {label: 0.0 for label in MOOD_LABELS}
    valence = arousal = 0.0
    for kind, m in sources:
        share = weights[kind] / total
        for label in MOOD_LABELS:
            probs[label] += share * float(m.probs.get(label, 0.0))
        valence += share * m.valence
        arousal += share * m.arousal
    label = max(probs, key=lambda k: probs[k])
    cues = ["weights: " + ", ".join(f"{k} {weights[k] / total:.2f}" for k, _ in sources)]
    uncertain = is_uncertain(probs)
    if len(sources) == 2:
        assert text is not None and voice is not None
        clear = _evidence(text) >= o.clear_evidence and _evidence(voice) >= o.clear_evidence
        if clear and text.label != voice.label and probs[label] < o.disagreement_top:
            uncertain = True
            cues.append(f"words say {text.label}, voice says {voice.label}")
    elif sources[0][1].uncertain:
        uncertain = True
    for _, m in sources:
        cues.extend(m.cues[:2])
    return make_estimate(
        probs,
        cues=tuple(cues),
        source="fused",
        valence=clamp(valence),
        arousal=clamp(arousal),
        uncertain=uncertain,
    )
