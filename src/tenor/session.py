"""Per-conversation state: the history the model sees, the care mode after a crisis, and the store row."""

from __future__ import annotations

import dataclasses
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, cast

import numpy as np

from tenor.reply.prompts import DECLINED, Exchange
from tenor.safety.care import CONCERNS, Concern
from tenor.safety.crisis import CrisisWords
from tenor.store.sqlite import SessionRow, Store

# Turns after a crisis answer during which the model is reminded to be careful and the tone stays gentle.
CARE_TURNS: Final = 10
# Most exchanges kept in memory for the prompt (the token budget usually trims further).
MAX_HISTORY: Final = 50


def new_session_name() -> str:
    """A readable, unique-enough name for an unnamed session."""
    return time.strftime("%Y%m%d-%H%M%S") + "-" + secrets.token_hex(2)


@dataclass
class Session:
    # User-facing name.
    name: str
    # Store row, or None when the conversation is not kept.
    row: SessionRow | None = None
    # Exchanges the model may see, oldest first.
    history: list[Exchange] = field(default_factory=list)
    # The note the reply stage gave the model this turn, remembered with the exchange.
    turn_note: str = ""
    # Index of the next turn.
    next_index: int = 0
    # Turn index up to which care mode lasts.
    care_until: int = 0
    # What the crisis answers of the care window were about, in the order raised (``safety.care``): the model's
    # note in care mode speaks to each. Empty outside care, and for a window opened before they were kept.
    care_concerns: list[Concern] = field(default_factory=list)
    # The crisis answer given the turn before, if any (``safety.care.reminder``). Memory only: a resumed
    # conversation does not repeat a call asked for before the restart.
    answered: CrisisWords | None = None
    # How many answers again after an act already done were said in a row (``safety.risk.after_act``). Memory only.
    acted_again: int = 0
    # Exchanges ever dropped from the front of ``history`` (MAX_HISTORY), so positions can be kept absolute.
    dropped: int = 0
    # Absolute position of the oldest exchange the model was last shown (see prompts.history_start).
    shown_from: int = 0
    # The person's last few turns (oldest first), read together for self-harm risk that builds up over turns
    # (``safety.risk``). Memory only: a resumed conversation starts it afresh.
    recent_words: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, store: Store | None, name: str | None = None) -> Session:
        """Resume ``name`` from the store (or start it); without a store, an in-memory session."""
        name = name or new_session_name()
        if store is None:
            return cls(name=name)
        row = store.open_session(name)
        turns = store.turns(row.id, limit=MAX_HISTORY)
        history = [
            Exchange(DECLINED if t.declined else t.user_text, t.reply_text, interrupted=t.status == "interrupted")
            for t in turns
            if t.status in ("complete", "interrupted")
        ]
        next_index = turns[-1].idx + 1 if turns else 0
        concerns = [c for c in row.care_concerns.split(",") if c in CONCERNS]
        return cls(
            name=name,
            row=row,
            history=history,
            next_index=next_index,
            care_until=row.care_until_turn,
            care_concerns=cast(list[Concern], concerns),
        )

    @property
    def in_care(self) -> bool:
        return self.care_until > 0 and self.next_index <= self.care_until

    def begin_care(self, concerns: Sequence[Concern]) -> None:
        """Care mode for the next ``CARE_TURNS`` turns, after an answer that raised ``concerns``; those of a window
        still open are kept (a poisoning told after thoughts of self-harm leaves both in the model's note)."""
        # A window opened before concerns were kept is taken as the speaker's own risk, the one not to lose.
        kept: list[Concern] = (self.care_concerns or ["own"]) if self.in_care else []
        self.care_concerns = [*kept, *(c for c in concerns if c not in kept)]
        self.care_until = max(self.care_until, self.next_index + CARE_TURNS)

    # Loudness of the person's recent utterances, dBFS (for entrainment relative to their own usual level).
    levels_db: list[float] = field(default_factory=list)

    def relative_level(self, pcm: bytes) -> float | None:
        """This utterance's loudness against the person's median so far (None for the first); remembers it."""
        samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2").astype(np.float64)
        if len(samples) < 1600:
            return None
        frames = samples[: len(samples) // 320 * 320].reshape(-1, 320)
        rms = np.sqrt((frames**2).mean(axis=1)) / 32768.0
        voiced = rms[rms > rms.max() * 0.1]
        level = float(20 * np.log10(max(float(np.mean(voiced)) if len(voiced) else 1e-6, 1e-6)))
        previous = float(np.median(self.levels_db)) if self.levels_db else None
        self.levels_db = [*self.levels_db[-19:], level]
        return None if previous is None else level - previous

    def checkpoint(self) -> Session:
        """A copy of this state, for ``restore`` when a turn started early turns out never to have happened."""
        return dataclasses.replace(
            self,
            history=list(self.history),
            levels_db=list(self.levels_db),
            recent_words=list(self.recent_words),
            care_concerns=list(self.care_concerns),
        )

    def restore(self, saved: Session) -> None:
        # In place: the stages hold this object.
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(saved, f.name))

    def remember(self, exchange: Exchange) -> None:
        self.history.append(exchange)
        extra = len(self.history) - MAX_HISTORY
        if extra > 0:
            del self.history[:extra]
            self.dropped += extra
