"""The emergency reader's decision (``tenor.safety.emergency``, stop 44): the gate, the two operating points and who
it is, over a fake encoder (the logic); the real model on real rows is in tests/models/test_safety_emergency.py."""

from __future__ import annotations

import numpy as np
import pytest

from tenor.safety import emergency, normalize
from tenor.safety.emergency import EmergencyReader


class _Encoder:
    """One embedding per text: the class logits themselves (the head below is the identity)."""

    def __init__(self, logits: list[float]) -> None:
        self.logits = np.asarray(logits, dtype=np.float32)
        self.calls = 0

    def embed(self, text: str, sentences: int | None = None, limit: int | None = None) -> list[np.ndarray]:
        self.calls += 1
        return [self.logits]


def _reader(p_person: float, p_pet: float = 0.0) -> EmergencyReader:
    reader = EmergencyReader.__new__(EmergencyReader)
    p = np.array([1.0 - p_person - p_pet, p_person, p_pet]) + 1e-9
    reader.encoder = _Encoder(list(np.log(p)))  # type: ignore[assignment]
    reader._w = np.eye(3, dtype=np.float32)
    reader._b = np.zeros(3, dtype=np.float32)
    reader.alone = 0.9
    reader.with_rule = 0.4
    return reader


def _read(reader: EmergencyReader, text: str, rules: emergency.Who = "") -> emergency.Reading:
    return reader.read(text, normalize.basic(text), lambda: rules)


def test_a_message_with_no_sign_word_is_never_read_by_the_model() -> None:
    reader = _reader(0.99)
    assert _read(reader, "what a lovely day for a picnic") == emergency.Reading("", 0.0)
    assert reader.encoder.calls == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("p", "rules", "who"),
    [
        (0.95, "", "person"),  # the model alone, above its point
        (0.6, "", ""),  # below it, and no rule
        (0.6, "person", "person"),  # the rules and the model together
        (0.3, "person", ""),  # the rules alone are not enough
    ],
)
def test_the_model_alone_needs_its_high_point_and_beside_the_rules_its_lower_one(
    p: float, rules: emergency.Who, who: emergency.Who
) -> None:
    assert _read(_reader(p), "he collapsed and isnt breathing", rules).who == who


def test_whose_emergency_is_the_rules_reading_where_they_have_one_else_the_models() -> None:
    assert _read(_reader(0.1, 0.85), "my dog collapsed and isnt breathing").who == "pet"
    assert _read(_reader(0.85, 0.1), "my dog collapsed and isnt breathing").who == "person"
    assert _read(_reader(0.1, 0.85), "a dog bit my son and hes bleeding loads", "person").who == "person"
    assert _read(_reader(0.85, 0.1), "the budgie is lying on the floor unconscious", "pet").who == "pet"


def test_the_reasons_name_whose_emergency_for_the_answer() -> None:
    from tenor.safety import rules_emergency

    assert rules_emergency.emergency(emergency.reasons_for("person")) == "person"
    assert rules_emergency.emergency(emergency.reasons_for("pet")) == "pet"
    assert emergency.reasons_for("") == []


@pytest.mark.parametrize(
    "text",
    [
        "my wife is having a siezure",
        "i cant feel my left side and my words are coming out wrong",
        "my cat keeps straining in the litter box",
        "he was under the car and the jack slipped, hes not answering",
    ],
)
def test_the_gate_lets_through_signs_said_in_plain_or_misspelt_words(text: str) -> None:
    assert emergency.GATE.search(normalize.basic(text))
