"""The trained text mood model (int8 ONNX) on real text."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tenor.mood.text_model import TrainedTextMood
from tenor.vocab import MOOD_LABELS
from tests.conftest import SHARED
from tests.helpers import tenor

MODEL = TrainedTextMood()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I miss my dad so much, I cried all night", "sadness"),
        ("My grandmother passed away last night.", "sadness"),
        ("Thank you so much, this made my day!", "joy"),
        ("I'm terrified of what the doctor will say tomorrow", "fear"),
        ("That is absolutely disgusting, how could anyone eat that", "disgust"),
        ("Stop lying to me, I am so done with your nonsense", "anger"),
        ("Wait, what? I had no idea that was possible!", "surprise"),
        ("The meeting is at 3 pm in room 4.", "neutral"),
    ],
)
def test_clear_texts_get_their_mood(text: str, label: str) -> None:
    est = MODEL.estimate(text)
    assert est.label == label, (est.label, dict(est.probs))
    assert not est.uncertain


def test_estimate_is_a_calibrated_distribution_with_cues() -> None:
    est = MODEL.estimate("I miss my dad so much, I cried all night")
    assert set(est.probs) == set(MOOD_LABELS)
    assert math.isclose(sum(est.probs.values()), 1.0, abs_tol=1e-6)
    assert est.valence < -0.3 and est.source == "text:minilm"
    assert est.cues and all(c.startswith("words: ") for c in est.cues)  # the fine labels behind the estimate


@pytest.mark.parametrize(
    "text",
    [
        "",
        "    ",
        "🙂🙂🙂",
        "12345 678",
        "Je suis très fatigué et je ne sais plus quoi faire de ma vie",
        "Ich bin heute wirklich sehr müde und traurig",
        "我今天很难过",
    ],
)
def test_what_the_model_cannot_read_is_uncertain(text: str) -> None:
    est = MODEL.estimate(text)
    assert est.uncertain, (text, est)


@pytest.mark.parametrize(
    "text",
    [
        "I'm so happy for her and also heartbroken that she is leaving forever.",
        "Congrats on the new job, but I will miss you so much",
    ],
)
def test_mixed_feelings_are_uncertain(text: str) -> None:
    est = MODEL.estimate(text)
    assert est.uncertain and "words: mixed feelings" in est.cues


def test_huge_text_is_answered_quickly_and_without_error() -> None:
    est = MODEL.estimate("I am so happy today! " * 5000)
    assert est.label == "joy"


def test_eval_mood_text_reports_both_systems(tmp_path: Path) -> None:
    data = tmp_path / "small.csv"
    data.write_text(
        "text,label\n"
        "I just lost my job and I feel awful,sadness\n"
        "Thank you so much!,gratitude\n"
        "I'm scared of the dark,fear\n"
        "What time is it?,neutral\n",
        encoding="utf-8",
    )
    r = tenor(["eval", "mood-text", "--data", str(data), "--json"])
    assert r.returncode == 0, r.stderr.decode()
    import json

    out = json.loads(r.stdout)
    for system in ("model", "baseline"):
        assert 0 <= out[system]["macro_f1_ekman"] <= 1
        assert out[system]["latency_ms_p50"] > 0
        assert "macro_f1_28" in out[system]
    assert out["model"]["macro_f1_28"] is not None and out["baseline"]["macro_f1_28"] is None
    assert out["rows"] == 4


def test_eval_reads_goemotions_and_empathetic_formats(tmp_path: Path) -> None:
    from tenor.evals.mood_text import load

    go = load(SHARED / "data/goemotions/data/ekman/dev.tsv")
    assert go.fine is None and go.ekman.shape == (5426, 7) and go.ekman.any(axis=1).all()
    go28 = load(SHARED / "data/goemotions/data/original/dev.tsv")
    assert go28.fine is not None and go28.fine.shape == (5426, 28)
    ed = load(SHARED / "data/empatheticdialogues_situations/dev.csv")
    assert len(ed.texts) > 1500 and "prepared" in ed.skipped and ed.fine is None


@pytest.mark.parametrize(
    ("content", "needle"),
    [("", "empty"), ("a,b\n1,2\n", "expected a GoEmotions"), ("text,label\nhi,happyish\n", "unknown label")],
)
def test_eval_bad_data_is_a_clear_error(tmp_path: Path, content: str, needle: str) -> None:
    f = tmp_path / "bad.csv"
    f.write_text(content)
    r = tenor(["eval", "mood-text", "--data", str(f)])
    assert r.returncode == 2 and needle in r.stderr.decode() and b"Traceback" not in r.stderr
    r = tenor(["eval", "mood-text", "--data", str(tmp_path)])
    assert r.returncode == 2 and b"directory" in r.stderr
