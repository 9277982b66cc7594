"""Speaking with the real Piper voice and Praat shaping, heard back by tenor's own recogniser."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import shutil
import wave
from pathlib import Path

import numpy as np
import pytest
import soxr

from tenor.audio.io import to_float
from tenor.listen.stt import shared_stt
from tenor.voice import prosody
from tenor.voice.tone import load_table
from tenor.voice.tts import EspeakSynthesiser, PiperSynthesiser, Speaker
from tests.audio_fixtures import KIDS
from tests.helpers import tenor

TONES = load_table().tones
SPEAKER = Speaker(PiperSynthesiser())


def _heard(pcm: np.ndarray, rate: int) -> str:
    quiet = np.zeros(8000, dtype=np.float32)
    audio = soxr.resample(to_float(pcm), rate, 16000).astype(np.float32)
    return shared_stt().decode(np.concatenate([quiet, audio, quiet])).text.lower()


def test_tones_differ_measurably_in_the_planned_direction() -> None:
    text = "Take a slow breath in, hold it for a moment, and let it go."
    measured = {}
    for name in ("neutral", "calm", "upbeat"):
        # Piper samples its noise, so one phrase's pitch range varies by about a semitone from run to run: with two
        # runs averaged this failed once in a full suite (stop 34; 0 of 21 tries alone). Four halve the spread.
        runs = [prosody.measure(np.concatenate(list(SPEAKER.speak(text, TONES[name]))), SPEAKER.sample_rate_hz)
                for _ in range(4)]  # fmt: skip
        measured[name] = (np.mean([m.f0_median_hz for m in runs]), np.mean([m.f0_range_st for m in runs]),
                          np.mean([m.speech_s for m in runs]))  # fmt: skip
    assert measured["calm"][0] < measured["neutral"][0] < measured["upbeat"][0]  # pitch level
    assert measured["calm"][1] < measured["neutral"][1]  # narrower range
    assert measured["calm"][2] > measured["upbeat"][2]  # slower


def test_no_tone_clips_and_louder_tones_are_louder() -> None:
    # Piper normalises each phrase to full scale: before the headroom, any boost clipped its peaks.
    text = "That sounds like a wonderful day, congratulations on the new job!"
    loudness = {}
    for name in ("calm", "neutral", "upbeat"):
        pcm = np.concatenate(list(SPEAKER.speak(text, TONES[name])))
        assert int(np.sum(np.abs(pcm.astype(np.int32)) >= 32767)) == 0, name
        loudness[name] = prosody.measure(pcm, SPEAKER.sample_rate_hz).intensity_db
    assert loudness["calm"] < loudness["neutral"] < loudness["upbeat"]
    # A user's table may ask for more than the headroom holds: scaled down to fit, never clipped.
    loud = dataclasses.replace(TONES["upbeat"], energy_db=12.0)
    pcm = np.concatenate(list(SPEAKER.speak(text, loud)))
    assert int(np.sum(np.abs(pcm.astype(np.int32)) >= 32767)) == 0
    assert np.abs(pcm.astype(np.int32)).max() > 30000


def test_a_replys_first_sentence_starts_with_a_short_lead_and_says_every_word() -> None:
    text = "It sounds like today has been really hard for you."
    whole = list(SPEAKER.speak(text, TONES["calm"]))
    led = list(SPEAKER.speak(text, TONES["calm"], lead=True))
    assert len(whole) == 1 and len(led) == 2
    assert len(led[0]) < 0.5 * len(whole[0])
    heard = _heard(np.concatenate(led), SPEAKER.sample_rate_hz)
    assert "sounds like today" in heard and "hard for you" in heard


def test_shaped_speech_stays_intelligible() -> None:
    for name in ("calm", "upbeat"):
        pcm = np.concatenate(
            list(SPEAKER.speak("It's going to rain this afternoon, so take an umbrella.", TONES[name]))
        )
        assert "rain this afternoon" in _heard(pcm, SPEAKER.sample_rate_hz)


def test_markup_is_read_as_text_not_obeyed() -> None:
    text = '<speak><prosody rate="x-slow">Hello there</prosody></speak>'
    pcm = np.concatenate(list(SPEAKER.speak(text, TONES["neutral"])))
    assert "hello there" in _heard(pcm, SPEAKER.sample_rate_hz)
    assert len(pcm) / SPEAKER.sample_rate_hz < 8  # not slowed down by the markup


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt-get install espeak-ng)")
def test_espeak_fallback_speaks() -> None:
    speaker = Speaker(EspeakSynthesiser())
    pcm = np.concatenate(list(speaker.speak("Kids are talking by the door.", TONES["calm"])))
    assert "talking by the door" in _heard(pcm, speaker.sample_rate_hz)


def test_say_command(tmp_path: Path) -> None:
    out = tmp_path / "calm.wav"
    r = tenor(["say", "I'm here for you.", "--tone", "calm", "--out", str(out)])
    assert r.returncode == 0, r.stderr.decode()
    with wave.open(str(out)) as wf:
        assert wf.getframerate() == 22050 and wf.getnframes() > 22050 * 0.5
    r = tenor(["say", "I'm here for you.", "--mood", "sad", "--out", str(tmp_path / "sad.wav")])
    assert r.returncode == 0 and b"gentle" in r.stderr
    for args, needle in [
        (["say", "hi", "--tone", "sarcastic", "--out", str(out)], b"unknown tone 'sarcastic'"),
        (["say", "   ", "--out", str(out)], b"nothing to say"),
        (["say", "hi", "--mood", "hangry", "--out", str(out)], b"unknown mood"),
        (["say", "hi", "--out", str(out), "--set", "voice.model_path=/nope/voice.onnx"], b"Piper voice not found"),
        (["say", "hi", "--out", str(tmp_path / "no" / "dir.wav")], b"cannot write"),
    ]:
        r = tenor(args)
        assert r.returncode != 0 and needle in r.stderr and b"Traceback" not in r.stderr, r.stderr


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt-get install espeak-ng)")
def test_say_streams_a_long_text(tmp_path: Path) -> None:
    text = "This is a sentence that keeps going for a while. " * 400  # 20,000 characters
    out = tmp_path / "long.wav"
    r = tenor(["say", "-", "--out", str(out), "--set", "voice.tts=espeak"], stdin=text.encode(), timeout=600)
    assert r.returncode == 0, r.stderr.decode()
    with wave.open(str(out)) as wf:
        assert wf.getnframes() / wf.getframerate() > 600  # about 400 sentences of speech


def test_talk_speaks_its_reply(tmp_path: Path) -> None:
    out = tmp_path / "reply.wav"
    r = tenor(["talk", "--in", str(KIDS), "--out", str(out), "--json", "--no-store"])
    assert r.returncode == 0, r.stderr.decode()
    data = json.loads(r.stdout)
    with wave.open(str(out)) as wf:
        seconds = wf.getnframes() / wf.getframerate()
    assert seconds > 0.5 and data["audio_seconds"] == pytest.approx(seconds, rel=0.01)
    assert asyncio is not None


def test_a_spoken_crisis_gets_the_resources_even_where_the_store_cannot_open(tmp_path: Path) -> None:
    # The twin of chat --once's crisis path: the words are heard first, so a store that cannot open fails the
    # command after the vetted answer with the helpline, not before anything is heard.
    said = tmp_path / "said.wav"
    r = tenor(["say", "I don't see the point of going on anymore.", "--out", str(said)])
    assert r.returncode == 0, r.stderr.decode()
    (tmp_path / "a-folder").mkdir()
    r = tenor(["talk", "--in", str(said), "--store", str(tmp_path / "a-folder")])
    assert r.returncode != 0 and b"session store" in r.stderr and b"Traceback" not in r.stderr
    assert b"988" in r.stdout
    # Reply audio that cannot be written (/dev/full: no space left) loses the audio only, not the answer.
    r = tenor(["talk", "--in", str(said), "--no-store", "--out", "/dev/full"])
    assert r.returncode == 2 and b"No space left" in r.stderr and b"Traceback" not in r.stderr
    assert b"988" in r.stdout


def test_the_voice_mood_model_hears_upbeat_above_calm_once_it_knows_the_voice() -> None:
    from tenor.evals.voice_out import heard_arousal, sentences
    from tenor.mood.voice_model import MIN_PROFILE, VoiceMoodModel

    def heard(text: str, tone: str) -> tuple[np.ndarray, np.ndarray]:
        pcm = np.concatenate(list(SPEAKER.speak(text, TONES[tone])))
        audio = soxr.resample(to_float(pcm), SPEAKER.sample_rate_hz, 16000).astype(np.float32)
        audio = np.concatenate([np.zeros(8000, np.float32), audio, np.zeros(8000, np.float32)])
        return audio, shared_stt().encode_states(audio)

    texts = sentences()
    renditions = {"neutral": [heard(t, "neutral") for t in texts[:MIN_PROFILE]]}
    renditions |= {tone: [heard(t, tone) for t in texts[:3]] for tone in ("calm", "upbeat")}
    known = heard_arousal(VoiceMoodModel(), renditions)
    assert np.mean(known["upbeat"]) > np.mean(known["calm"]) + 0.05, known
