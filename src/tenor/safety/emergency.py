"""The emergency reader: is a medical emergency happening now, a person's or a pet's (stop 44)?

The rules of ``rules_emergency`` read the signs ("my dad collapsed and he isn't breathing"), but each rule set checked
on fresh rows written blind (stops 42 and 43) missed about a fifth of the emergencies and answered one look-alike in
twenty as an emergency ("my fan is having a heart attack", "the ivy is strangling my apple tree", a scare already
over). So an emergency is now read by a model trained for it (``training/finetune_emergency.py``: MiniLM fine-tuned
on the rows written for this, 23 MB as int8 ONNX) with the rules beside it:

- the model alone, at its ``alone`` point (chosen so that at most 2% of held-out look-alikes reach it);
- or the rules and the model together, the model at its lower ``with_rule`` point.

A message is read by the model only where a sign word passes ``GATE`` (a wide net: breathing, collapse, a fit,
blood, the chest...), so an everyday message costs nothing more. The rules alone remain the reading of the ``rules``
screen, which has no model.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
from numpy.typing import NDArray

from tenor.errors import BackendUnavailable
from tenor.safety import rules_emergency
from tenor.safety.rule import fires

CLASSES: Final = ["none", "person", "pet"]
Who = Literal["", "person", "pet"]
# The self-harm score of an emergency read: the category whose action is the vetted answer, never the model's
# (``policy.toml``), as the rules scored it.
SCORE: Final = rules_emergency.EMERGENCY[0].score

# Words of a sign, of the body or of a call for help: only a message with one is read by the model. Wide on purpose
# (a miss here is a miss of the whole reader); on the dev rows every emergency passes it.
GATE: Final = re.compile(
    r"\b(?:breath\w*|breathing|gasp\w*|wheez\w*|chok\w*|collaps\w*|faint\w*|passed out|pass(?:ing)? out|unconscious|"
    r"unresponsive|respond\w*|wak\w*|woke|rouse|conscious|seiz\w*|fit|fits|fitting|convuls\w*|shak\w*|jerk\w*|"
    r"twitch\w*|foam\w*|bleed\w*|blood\w*|bled|gush\w*|spurt\w*|cut|wound\w*|deep|chest|heart|pulse|arm|jaw|sweat\w*|"
    r"stroke|droop\w*|slur\w*|numb|weak|one side|face|speech|talk\w*|allerg\w*|anaphyla\w*|epi ?pen|swell\w*|swollen|"
    r"throat|tongue|lips?|hives|sting|stung|nuts?|drown\w*|water|pool|sea|lake|river|shock\w*|electr\w*|burn\w*|burnt|"
    r"scald\w*|fire|fell|fall\w*|hit|head|skull|crash\w*|neck|spine|bone|broken|blue|grey|gray|pale|limp|floppy|"
    r"lifeless|still|moving|move|diabet\w*|sugar|hypo\w*|insulin|confus\w*|drows\w*|labou?r|contraction\w*|waters|"
    r"pregnan\w*|heat\w*|cold|freez\w*|hot|help|ambulance|911|999|112|000|emergency|dying|dead|die|pain|hurt\w*|"
    r"sick|vomit\w*|throw\w* up|ill|eyes|rolled|stiff|cpr|bitten|bite|attack\w*|struck|crushed|pinned|trapped|"
    r"stuck|bloat\w*|heaving|panting|hit by|siez\w*|strain\w*|legs?|strangl\w*|floor|ground|stomach|belly|tummy|"
    r"gag\w*|boil\w*|skin|pee\w*|litter|scream\w*|lying|(?:not|isn'?t|isnt|won'?t|wont) answer\w*|"
    r"(?:can'?t|cant|cannot) feel|words)\b"
)


def rule_reading(view: str) -> Who:
    """The rules' reading of a normalised view: a person's emergency, a pet's, or "" (``rules_emergency``)."""
    if any(fires(r, view) for r in rules_emergency.EMERGENCY):
        return "person"
    if any(fires(r, view) for r in rules_emergency.EMERGENCY_PET):
        return "pet"
    return ""


def model_dir() -> Path:
    return Path(__file__).parent / "models" / "emergency_clf"


# A long message is read in its first few windows of whole sentences: an emergency is told up front, and the
# reader must not cost a long text more than the safety classifier does.
MAX_WINDOWS: Final = 4


@dataclass(frozen=True)
class Reading:
    # The emergency read: a person's, a pet's, or "" where none.
    who: Who
    # The model's probability of an emergency (person and pet together) in the most likely window; 0 where the
    # gate kept the model from reading.
    probability: float


class EmergencyReader:
    """The fine-tuned encoder and its linear head, with the two operating points from training."""

    def __init__(self, directory: Path | None = None) -> None:
        folder = directory or model_dir()
        try:
            meta = json.loads((folder / "meta.json").read_text("utf-8"))
            with np.load(folder / "head.npz") as head:
                weights = {k: np.asarray(head[k], dtype=np.float32) for k in head.files}
        except (OSError, ValueError, KeyError) as err:
            raise BackendUnavailable(f"cannot load the emergency reader from {folder}: {err}") from None
        self._setup(folder / "encoder.onnx", folder / "tokenizer.json", weights, meta["points"])

    @classmethod
    def from_files(
        cls, onnx_path: Path, tokenizer_path: Path, head: dict[str, NDArray[Any]], points: dict[str, float]
    ) -> EmergencyReader:
        """A reader over files not yet shipped (training reads its held-out rows through it)."""
        reader = cls.__new__(cls)
        reader._setup(onnx_path, tokenizer_path, head, points)
        return reader

    def _setup(
        self, onnx_path: Path, tokenizer_path: Path, head: dict[str, NDArray[Any]], points: dict[str, float]
    ) -> None:
        from tenor.safety.classifier import Encoder

        self.encoder = Encoder(onnx_path, tokenizer_path)
        self._w = np.asarray(head["w"], dtype=np.float32)
        self._b = np.asarray(head["b"], dtype=np.float32)
        self.alone = float(points["alone"])
        self.with_rule = float(points["with_rule"])

    def probs(self, text: str) -> NDArray[np.float64]:
        """Class probabilities (``CLASSES``) of the window most likely an emergency."""
        best = np.array([1.0, 0.0, 0.0])
        for emb in self.encoder.embed(text, limit=MAX_WINDOWS):
            z = (emb @ self._w + self._b).astype(np.float64)
            e = np.exp(z - z.max())
            p = e / e.sum()
            if p[1] + p[2] > best[1] + best[2]:
                best = p
        return best

    def probability(self, text: str) -> float:
        p = self.probs(text)
        return float(p[1] + p[2])

    def read(self, text: str, view: str, rules: Callable[[], Who]) -> Reading:
        """The emergency in ``text`` (``view``: its normalised first view, which the gate reads), with the rules'
        reading of it beside the model's (``rules``, asked only where the model reads at least its lower point: most
        messages never get that far, and the rules are many regular expressions over every view)."""
        if GATE.search(view) is None:
            return Reading("", 0.0)
        p = self.probs(text)
        emergency = float(p[1] + p[2])
        alone = emergency >= self.alone
        if not alone and emergency < self.with_rule:
            return Reading("", round(emergency, 4))
        ruled = rules()
        if alone or ruled:
            # Whose: the rules' where they read it (a person's sign beats a pet's: "a dog just attacked my son and
            # his arm is ripped open", which the model gave to the dog), else the model's.
            who: Who = ruled or ("pet" if p[2] > p[1] else "person")
            return Reading(who, round(emergency, 4))
        return Reading("", round(emergency, 4))


_shared: dict[str, EmergencyReader] = {}
_shared_lock = threading.Lock()


def shared_reader(directory: Path | None = None) -> EmergencyReader:
    """One reader per process (the encoder is 23 MB)."""
    key = str(directory or model_dir())
    with _shared_lock:
        if key not in _shared:
            _shared[key] = EmergencyReader(directory)
        return _shared[key]


def reasons_for(who: Who) -> list[str]:
    """The verdict reasons of an emergency read (``rules_emergency.emergency`` reads them back)."""
    if who == "person":
        return [rules_emergency.PERSON_EMERGENCY]
    if who == "pet":
        return [rules_emergency.PET_EMERGENCY]
    return []
