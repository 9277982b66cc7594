"""From mood and safety verdict to a TonePlan, by a table kept as data (``voice/data/tones.toml``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, cast, runtime_checkable

from tenor.config import Config
from tenor.errors import ConfigError
from tenor.events import MoodEstimate, SafetyVerdict, TonePlan
from tenor.vocab import MOOD_LABELS, TONE_NAMES, MoodLabel, ToneName

_PROSODY_KEYS = ("rate", "pitch_level", "pitch_range", "energy_db", "pause_sentence_ms", "pause_phrase_ms")


@runtime_checkable
class ToneSelector(Protocol):
    """Chooses how to sound."""

    # Registry name.
    name: str

    def select(self, mood: MoodEstimate | None, verdict: SafetyVerdict | None) -> TonePlan: ...


@dataclass(frozen=True)
class ToneTable:
    # TonePlan template (turn_id 0) per tone.
    tones: dict[ToneName, TonePlan]
    # Tone per mood label.
    mood_to_tone: dict[MoodLabel, ToneName]
    # Tone per safety action that overrides the mood.
    safety_to_tone: dict[str, ToneName]
    # Tone for an uncertain estimate with negative valence, and for any other uncertain one.
    uncertain_negative: ToneName
    uncertain_other: ToneName
    # Valence below which an uncertain estimate counts as negative.
    negative_below: float


def _tone_name(value: Any, where: str) -> ToneName:
    if value not in TONE_NAMES:
        raise ConfigError(f"tone table: {where} names unknown tone {value!r} (known: {', '.join(TONE_NAMES)})")
    return cast(ToneName, value)


def load_table(path: str | Path | None = None) -> ToneTable:
    """The tone table from ``path``, or the built-in one."""
    try:
        if path:
            data = tomllib.loads(Path(path).expanduser().read_text(encoding="utf-8"))
        else:
            data = tomllib.loads(resources.files("tenor.voice.data").joinpath("tones.toml").read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"tone table not found: {path}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"cannot read tone table {path}: {err}") from None
    try:
        tones: dict[ToneName, TonePlan] = {}
        for name in TONE_NAMES:
            row = data["tone"][name]
            values = {k: row[k] for k in _PROSODY_KEYS}
            tones[name] = TonePlan(
                turn_id=0,
                name=name,
                rate=float(values["rate"]),
                pitch_level=float(values["pitch_level"]),
                pitch_range=float(values["pitch_range"]),
                energy_db=float(values["energy_db"]),
                pause_sentence_ms=int(values["pause_sentence_ms"]),
                pause_phrase_ms=int(values["pause_phrase_ms"]),
                style=str(row.get("style", "")),
            )
        mood_to_tone = {m: _tone_name(data["mood_to_tone"][m], f"mood_to_tone.{m}") for m in MOOD_LABELS}
        safety = {k: _tone_name(v, f"safety_to_tone.{k}") for k, v in data.get("safety_to_tone", {}).items()}
        unc = data["uncertain"]
        return ToneTable(
            tones=tones,
            mood_to_tone=mood_to_tone,
            safety_to_tone=safety,
            uncertain_negative=_tone_name(unc["negative"], "uncertain.negative"),
            uncertain_other=_tone_name(unc["other"], "uncertain.other"),
            negative_below=float(unc["negative_below"]),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise ConfigError(f"tone table is missing or has a bad entry: {err}") from None


class TableTone:
    """Tone chosen by the table: safety first, then a confident mood, then the uncertain fallback."""

    name = "table"

    def __init__(self, table: ToneTable | None = None) -> None:
        self.table = table if table is not None else load_table()

    def select(self, mood: MoodEstimate | None, verdict: SafetyVerdict | None) -> TonePlan:
        t = self.table
        if verdict is not None and verdict.action in t.safety_to_tone:
            name = t.safety_to_tone[verdict.action]
            reason = f"safety: {verdict.action}"
        elif mood is None:
            name, reason = t.uncertain_other, "mood inference off"
        elif mood.uncertain:
            negative = mood.valence < t.negative_below
            name = t.uncertain_negative if negative else t.uncertain_other
            reason = f"mood uncertain (valence {mood.valence:+.2f})"
        else:
            name = t.mood_to_tone[mood.label]
            reason = f"mood {mood.label} ({mood.confidence:.0%})"
        template = t.tones[name]
        return TonePlan(
            turn_id=0,
            name=name,
            rate=template.rate,
            pitch_level=template.pitch_level,
            pitch_range=template.pitch_range,
            energy_db=template.energy_db,
            pause_sentence_ms=template.pause_sentence_ms,
            pause_phrase_ms=template.pause_phrase_ms,
            style=template.style,
            reason=reason,
        )


# Conversational English runs at about 2.5 words a second (150 a minute).
TYPICAL_WORDS_PER_S = 2.5
# Entrainment never moves the rate by more than this share, or the loudness by more than this many dB.
MAX_RATE_SHIFT = 0.10
MAX_ENERGY_SHIFT_DB = 2.0


def entrain(plan: TonePlan, *, words_per_s: float | None, level_db: float | None, share: float) -> TonePlan:
    """Carry a bounded share of the person's speaking rate and loudness into the plan.

    People converge on each other's tempo and loudness in conversation, and a reply at a very different pace
    feels detached; but mirroring fully would make tenor race along with an agitated speaker. So a share of
    the difference (0.25 by default: a quarter of the way) carries over, capped at 10 % of rate and 2 dB of
    loudness, and the calm tone only ever gets slower and softer, never faster or louder. ``words_per_s`` is
    the person's rate (from word timings); ``level_db`` their loudness relative to their own usual level in
    this conversation (absolute levels depend on the microphone, so they are not used).
    """
    if share <= 0:
        return plan
    rate, energy = plan.rate, plan.energy_db
    if words_per_s is not None and words_per_s > 0:
        ratio = min(max(words_per_s / TYPICAL_WORDS_PER_S, 0.5), 2.0)
        shift = min(max(share * (ratio - 1.0), -MAX_RATE_SHIFT), MAX_RATE_SHIFT)
        rate = plan.rate * (1.0 + shift)
    if level_db is not None:
        energy = plan.energy_db + min(max(share * level_db, -MAX_ENERGY_SHIFT_DB), MAX_ENERGY_SHIFT_DB)
    if plan.name == "calm":
        rate, energy = min(rate, plan.rate), min(energy, plan.energy_db)
    if rate == plan.rate and energy == plan.energy_db:
        return plan
    shift_db = energy - plan.energy_db
    reason = f"{plan.reason}; entrained to the speaker (rate x{rate / plan.rate:.2f}, {shift_db:+.1f} dB)"
    return replace(plan, rate=round(rate, 3), energy_db=round(energy, 2), reason=reason)


def create(config: Config) -> TableTone:
    """Registry factory."""
    return TableTone(load_table(config.tone.table_path or None))
