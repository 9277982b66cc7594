"""The trained voice mood model on real speech (RAVDESS held-out actors), and the spoken turn that uses it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tenor.audio.io import load_file, to_float
from tenor.listen.stt import shared_stt
from tenor.mood.voice_features import PROSODY_COLUMNS, praat_features, prosody_features
from tenor.mood.voice_model import VoiceMoodModel
from tests.conftest import SHARED
from tests.helpers import tenor

RAVDESS = SHARED / "data" / "ravdess"
MODEL = VoiceMoodModel()
pytestmark = pytest.mark.skipif(not RAVDESS.is_dir(), reason="../shared/data/ravdess is not beside the repo")


def _clip(actor: int, emotion: int, intensity: int = 2, statement: int = 1, rep: int = 1) -> Path:
    return (
        RAVDESS
        / "flac"
        / f"Actor_{actor:02d}"
        / f"03-01-{emotion:02d}-{intensity:02d}-{statement:02d}-{rep:02d}-{actor:02d}.flac"
    )


def _read(path: Path) -> tuple[np.ndarray, np.ndarray]:
    audio = to_float(load_file(path)[0])
    return audio, shared_stt().encode_states(audio)


def test_angry_voices_are_heard_as_more_aroused_than_calm_ones() -> None:
    # Held-out actors (17-24), one male and one female: angry (05) against calm (02), same sentence.
    for actor in (17, 18):
        angry = MODEL.estimate(*_read(_clip(actor, 5)))
        calm = MODEL.estimate(*_read(_clip(actor, 2)))
        assert angry.arousal > calm.arousal + 0.2, (actor, angry, calm)
        assert abs(sum(angry.probs.values()) - 1) < 1e-6
        assert angry.source == "voice" and angry.cues


def test_probabilities_are_over_the_eight_classes_and_fast() -> None:
    audio, states = _read(_clip(19, 4))
    s = MODEL.scores(audio, states)
    assert len(s.probs) == 8 and abs(sum(s.probs) - 1) < 1e-5
    assert s.ms < 1000  # generous: the figure that matters is in `tenor eval mood-voice`


def test_too_short_a_clip_is_withheld_and_bad_states_are_refused() -> None:
    audio, states = _read(_clip(20, 3))
    short = MODEL.estimate(audio[:4000], states[:12])
    assert short.uncertain and "too short" in short.cues[0]
    with pytest.raises(ValueError, match="encoder states"):
        MODEL.scores(audio, np.zeros((10, 7), dtype=np.float32))


def test_talk_shows_both_sources_and_the_fusion(tmp_path: Path) -> None:
    r = tenor(["talk", "--in", str(_clip(21, 5)), "--json", "--no-store"], timeout=600)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    mood = data["mood"]
    assert mood["source"] == "fused"
    assert set(mood["sources"]) == {"text", "voice"}
    assert mood["sources"]["voice"]["source"] == "voice"
    assert any(c.startswith("weights:") for c in mood["cues"])


def test_voice_mood_off_reads_only_the_words(tmp_path: Path) -> None:
    r = tenor(["talk", "--in", str(_clip(21, 5)), "--json", "--no-store", "--set", "mood.voice=false"], timeout=600)
    assert r.returncode == 0, r.stderr
    mood = json.loads(r.stdout)["mood"]
    assert mood["source"].startswith("text") and "sources" not in mood


def test_mood_off_computes_and_stores_no_mood_for_a_spoken_turn(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    r = tenor(["talk", "--in", str(_clip(22, 4)), "--json", "--no-mood", "--store", str(db)], timeout=600)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["mood"] is None
    import sqlite3

    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 1
        assert con.execute("SELECT COUNT(*) FROM moods").fetchone()[0] == 0


def test_a_conversation_learns_the_voice_after_enough_utterances() -> None:
    from tenor.mood.base import SpeakerProfile
    from tenor.mood.voice_model import MIN_PROFILE

    profile = SpeakerProfile()
    clips = [_clip(23, e, 1 if e == 1 else i % 2 + 1, statement=i % 2 + 1) for i, e in enumerate(range(1, 9))]
    clips += [_clip(23, e, 2, statement=2, rep=2) for e in range(2, 9)]
    estimates = [MODEL.estimate(*_read(c), profile=profile) for c in clips[: MIN_PROFILE + 1]]
    assert profile.n == MIN_PROFILE + 1
    assert not any("earlier utterances" in c for e in estimates[:MIN_PROFILE] for c in e.cues)
    assert any(f"judged against {MIN_PROFILE} earlier" in c for c in estimates[MIN_PROFILE].cues)


def test_a_known_voice_is_heard_more_aroused_in_its_strong_take() -> None:
    # Held-out actor 24: a profile of eight of her other clips, then the strong and normal takes of one angry
    # and one happy sentence. Pitch and loudness against her habit take part in arousal only once known.
    from tenor.mood.base import SpeakerProfile
    from tenor.mood.voice_model import MIN_PROFILE

    profile = SpeakerProfile()
    for e in range(1, MIN_PROFILE + 1):
        MODEL.estimate(*_read(_clip(24, e, 1 if e == 1 else 2, statement=2, rep=2)), profile=profile)
    for emotion in (3, 5):
        strong, normal = (_read(_clip(24, emotion, i)) for i in (2, 1))
        known = [MODEL.score_features(MODEL.features(*r), profile) for r in (strong, normal)]
        cold = MODEL.score_features(MODEL.features(*strong))
        assert cold.prosody_arousal is None and known[0].prosody_arousal is not None
        assert known[0].prosody_arousal > known[1].prosody_arousal + 0.1, (emotion, known)
        est = MODEL.estimate(*strong, profile=profile.copy())
        assert any("against its habit" in c for c in est.cues)


def test_an_arousal_head_for_other_features_is_refused(tmp_path: Path) -> None:
    import shutil

    from tenor.errors import BackendUnavailable
    from tenor.mood.voice_model import model_dir

    for f in model_dir().iterdir():
        shutil.copy(f, tmp_path / f.name)
    with np.load(tmp_path / "voice_arousal.npz") as a:
        head = {k: a[k] for k in a.files}
    head["names"] = head["names"][::-1]
    np.savez(tmp_path / "voice_arousal.npz", **head)
    with pytest.raises(BackendUnavailable, match="other features"):
        VoiceMoodModel(tmp_path)


def test_the_arousal_heads_statistics_are_the_full_praat_statistics_columns() -> None:
    # A model that reads both takes the arousal head's columns from one Praat analysis instead of running two.
    audio = to_float(load_file(_clip(18, 5))[0])
    full = praat_features(audio)
    assert np.array_equal(prosody_features(audio), full[PROSODY_COLUMNS])
    assert np.count_nonzero(full[PROSODY_COLUMNS]) >= len(PROSODY_COLUMNS) - 1
