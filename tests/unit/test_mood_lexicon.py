from __future__ import annotations

import math

import pytest

from tenor.mood.lexicon import LexiconMood, feature_names, load_weights
from tenor.vocab import MOOD_LABELS

MOOD = LexiconMood()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I just lost my job and I feel awful", "sadness"),
        ("I miss her so much, I cried all night", "sadness"),
        ("Thank you so much, this is wonderful!", "joy"),
        ("I'm so scared and nervous about the surgery tomorrow", "fear"),
        ("This is absolutely disgusting, gross", "disgust"),
        ("Stop lying to me, I hate this stupid nonsense", "anger"),
        ("Wow, really? I'm shocked, I had no idea.", "surprise"),
        ("The meeting is at 3 pm in room 4.", "neutral"),
    ],
)
def test_clear_texts_get_their_mood(text: str, label: str) -> None:
    est = MOOD.estimate(text)
    assert est.label == label, (est.label, est.probs)


def test_estimate_is_a_proper_distribution_with_circumplex_values() -> None:
    est = MOOD.estimate("I feel awful and alone")
    assert set(est.probs) == set(MOOD_LABELS)
    assert math.isclose(sum(est.probs.values()), 1.0, abs_tol=1e-6)
    assert est.confidence == pytest.approx(max(est.probs.values()), abs=1e-4)
    assert est.valence < -0.2
    assert -1 <= est.arousal <= 1
    assert any("awful" in c for c in est.cues)
    joy = MOOD.estimate("Thank you so much, this is wonderful!")
    assert joy.valence > 0.3


def test_negation_changes_the_estimate() -> None:
    assert MOOD.estimate("I am happy").label == "joy"
    assert MOOD.estimate("I am not happy at all").label != "joy"


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂", "x" * 100_000, "Je suis très fatigué aujourd'hui", "🤷"])
def test_odd_input_gives_an_estimate_not_an_error(text: str) -> None:
    est = MOOD.estimate(text)
    assert est.label in MOOD_LABELS


def test_foreign_or_empty_text_is_uncertain_or_neutral() -> None:
    for text in ("", "Je suis très fatigué aujourd'hui", "Das Wetter ist heute schön"):
        est = MOOD.estimate(text)
        assert est.uncertain or est.label == "neutral"


def test_weights_match_features() -> None:
    w = load_weights()
    assert w["features"] == feature_names()
    assert len(w["coef"]) == len(MOOD_LABELS)
    assert all(len(row) == len(feature_names()) for row in w["coef"])
    with pytest.raises(ValueError, match="retrain"):
        LexiconMood({**w, "features": w["features"][:-1]})
