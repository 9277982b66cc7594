"""A conversation: stages composed into a turn loop, one cancel scope, and the store kept in step.

``Conversation.turn(text)`` yields the turn's events as they happen (for a CLI or a socket to render) and
commits the turn to the store when it ends, however it ends: complete, failed (the model's server died),
or interrupted (cancelled through the scope, or the consumer stopped listening). Only what was delivered
to the person goes into the history the model sees next.
"""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from tenor import registry
from tenor.cancel import CancelScope
from tenor.config import Config
from tenor.errors import InputError
from tenor.events import (
    Event,
    Interrupted,
    MoodEstimate,
    ReplyDone,
    ReplySentence,
    SafetyVerdict,
    SpeechAudio,
    StageError,
    TonePlan,
    Transcript,
    TurnEnded,
    TurnStarted,
    Utterance,
    Word,
)
from tenor.mood.base import SpeakerProfile, TextMoodEstimator, VoiceMoodEstimator
from tenor.reply.base import GenerationOptions, PromptPrefill, ReplyBackend
from tenor.reply.prompts import DECLINED, Exchange
from tenor.safety.policy import Policy
from tenor.safety.screen import Screen
from tenor.session import Session
from tenor.stage import Metrics, Stage
from tenor.stages import InputScreenStage, MoodStage, ReplyStage, ToneStage
from tenor.store.sqlite import Store
from tenor.vocab import TurnStatus
from tenor.voice.stage import SpeechStage
from tenor.voice.tone import ToneSelector
from tenor.voice.tts import Speaker

Transform = Callable[[AsyncIterator[Event]], AsyncIterator[Event]]


def compose(stages: Sequence[Stage | Transform]) -> Transform:
    """One transform that runs ``stages`` in order."""

    def run(events: AsyncIterator[Event]) -> AsyncIterator[Event]:
        for stage in stages:
            events = stage(events)
        return events

    return run


def check_text(text: str, max_chars: int) -> str:
    """The message to use, or a clear ``InputError``."""
    if not isinstance(text, str):
        raise InputError("the message must be text")
    kinds = [unicodedata.category(ch) for ch in text]
    control = sum(1 for ch, kind in zip(text, kinds, strict=True) if kind in ("Cc", "Co") and ch not in "\t\n\r")
    # One lone surrogate (a stray byte that is not UTF-8, from argv or a JSON escape) is enough: such text can
    # be neither stored nor sent to a model.
    if "\x00" in text or "\ufffd" in text or "Cs" in kinds or (text and control / len(text) > 0.05):
        raise InputError("the message is not readable text (binary data or control characters)")
    stripped = text.strip()
    # Zero-width spaces, joiners and byte-order marks (format characters) alone are no message either.
    if not "".join(ch for ch in stripped if unicodedata.category(ch) != "Cf").strip():
        raise InputError("the message is empty")
    if len(stripped) > max_chars:
        raise InputError(
            f"the message is too long: {len(stripped):,} characters (the limit is {max_chars:,}; "
            "set safety.max_input_chars to change it)"
        )
    return stripped


@dataclass
class Components:
    # Writes replies.
    reply: ReplyBackend
    # Screens words and sentences.
    screen: Screen
    # Chooses the tone.
    tone: ToneSelector
    # Estimates mood from words; None when mood inference is off.
    mood_text: TextMoodEstimator | None = None
    # Estimates mood from the voice of spoken turns; None when off (mood off, or voice mood off: the eu preset).
    mood_voice: VoiceMoodEstimator | None = None
    # Speaks the reply; None for text-only use.
    speaker: Speaker | None = None

    @classmethod
    def from_config(cls, config: Config, *, speak: bool = False, listen: bool = False) -> Components:
        """Every backend, by the names the configuration gives, through the entry-point registry. ``listen``
        loads what spoken turns need beyond text (the voice mood model)."""
        m = config.mood
        return cls(
            reply=registry.create("reply", config.reply.backend, config),
            screen=registry.create("screen", config.safety.screen, config),
            tone=registry.create("tone", config.tone.backend, config),
            mood_text=registry.create("mood_text", m.text_backend, config) if m.enabled else None,
            mood_voice=registry.create("mood_voice", m.voice_backend, config)
            if m.enabled and m.voice and listen
            else None,
            speaker=Speaker(registry.create("tts", config.voice.tts, config)) if speak else None,
        )


def mood_json(m: MoodEstimate) -> dict[str, Any]:
    return {
        "label": m.label,
        "probs": {k: round(v, 4) for k, v in m.probs.items()},
        "valence": m.valence,
        "arousal": m.arousal,
        "confidence": m.confidence,
        "uncertain": m.uncertain,
        "cues": list(m.cues),
        "source": m.source,
    }


@dataclass
class TurnResult:
    """What one turn produced, gathered from its events (the ``--json`` of a turn)."""

    transcript: str = ""
    mood: MoodEstimate | None = None
    # The estimates the fused one came from, by source ("text", "voice"); empty for a text turn.
    mood_sources: dict[str, MoodEstimate] = field(default_factory=dict)
    verdict: SafetyVerdict | None = None
    output_verdicts: list[SafetyVerdict] = field(default_factory=list)
    tone: TonePlan | None = None
    sentences: list[ReplySentence] = field(default_factory=list)
    reply: str = ""
    errors: list[StageError] = field(default_factory=list)
    status: TurnStatus = "pending"
    timings_ms: dict[str, float] = field(default_factory=dict)
    audio_chunks: int = 0
    audio_seconds: float = 0.0

    def add(self, ev: Event) -> None:
        if isinstance(ev, Transcript) and ev.final:
            self.transcript = ev.text
        elif isinstance(ev, MoodEstimate):
            if self.mood is not None and self.mood.source != "fused":
                self.mood_sources[self.mood.source.split(":")[0]] = self.mood
            self.mood = ev
        elif isinstance(ev, SafetyVerdict):
            if ev.stage == "input":
                self.verdict = ev
            else:
                self.output_verdicts.append(ev)
        elif isinstance(ev, TonePlan):
            self.tone = ev
        elif isinstance(ev, ReplySentence):
            self.sentences.append(ev)
        elif isinstance(ev, ReplyDone):
            self.reply = ev.text
        elif isinstance(ev, StageError):
            self.errors.append(ev)
        elif isinstance(ev, SpeechAudio):
            self.audio_chunks += 1
            self.audio_seconds += len(ev.pcm) / 2 / ev.sample_rate_hz
        elif isinstance(ev, TurnEnded):
            self.status = ev.status
            self.timings_ms = dict(ev.timings_ms)

    def to_json(self) -> dict[str, Any]:
        mood = None if self.mood is None else mood_json(self.mood)
        if mood is not None and self.mood_sources:
            mood["sources"] = {k: mood_json(m) for k, m in self.mood_sources.items()}
        v = self.verdict
        tone = self.tone
        return {
            "transcript": self.transcript,
            "mood": mood,
            "safety": {
                "action": v.action if v else "allow",
                "categories": list(v.categories) if v else [],
                "reasons": list(v.reasons) if v else [],
                "output": [
                    {"action": o.action, "categories": list(o.categories), "reasons": list(o.reasons)}
                    for o in self.output_verdicts
                ],
            },
            "tone": None
            if tone is None
            else {
                "name": tone.name,
                "rate": tone.rate,
                "pitch_level": tone.pitch_level,
                "pitch_range": tone.pitch_range,
                "energy_db": tone.energy_db,
                "pause_sentence_ms": tone.pause_sentence_ms,
                "pause_phrase_ms": tone.pause_phrase_ms,
                "reason": tone.reason,
            },
            "reply": self.reply,
            "reply_source": self.sentences[0].source if self.sentences else None,
            "status": self.status,
            "errors": [e.message for e in self.errors],
            "audio_seconds": round(self.audio_seconds, 3) if self.audio_chunks else None,
            "timings_ms": self.timings_ms,
        }


class _RunAhead:
    """Runs an event stream in a task, keeping its events until they are asked for, so a held turn moves on
    (the model writes, the first sentence is synthesised) while nothing of it is let out."""

    def __init__(self, stream: AsyncIterator[Event]) -> None:
        self._stream = stream
        self._queue: asyncio.Queue[Event | Exception | None] = asyncio.Queue()
        self._ended = False
        self._task = asyncio.create_task(self._pump())

    async def _pump(self) -> None:
        try:
            async for ev in self._stream:
                self._queue.put_nowait(ev)
        except Exception as err:  # noqa: BLE001 - raised again to whoever reads the events
            self._queue.put_nowait(err)
        finally:
            self._queue.put_nowait(None)

    def __aiter__(self) -> _RunAhead:
        return self

    async def __anext__(self) -> Event:
        item = None if self._ended else await self._queue.get()
        if item is None:
            self._ended = True
            raise StopAsyncIteration
        if isinstance(item, Exception):
            self._ended = True
            raise item
        return item

    async def aclose(self) -> None:
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        await self._stream.aclose()  # type: ignore[attr-defined]


class Conversation:
    """One person's conversation: a session, the stages, and a cancel scope."""

    def __init__(
        self,
        config: Config,
        components: Components,
        *,
        store: Store | None = None,
        session: str | Session | None = None,
        owns_reply: bool = True,
    ) -> None:
        self.config = config
        self.components = components
        # Whether ``aclose`` closes the reply backend: not where many conversations share it (the server's
        # sessions), or the first to end would close it under the others.
        self.owns_reply = owns_reply
        self.store = store
        # An open Session carries its history across a rebuild (the server's settings change mid-conversation).
        self.session = session if isinstance(session, Session) else Session.open(store, session)
        self.scope = CancelScope()
        # (turn id, what the person heard of its reply), set by a cancel from a player that knows.
        self._heard: tuple[int, str] | None = None
        self.metrics = Metrics()
        r = config.reply
        policy = getattr(components.screen, "policy", None)
        stages: list[Stage] = [
            InputScreenStage(
                components.screen,
                self.metrics,
                session=self.session,
                # A screen of another kind (a plug-in) without tenor's policy: each turn is read alone.
                policy=policy if isinstance(policy, Policy) else None,
            )
        ]
        self._mood: MoodStage | None = None
        if config.mood.enabled and (components.mood_text is not None or components.mood_voice is not None):
            self._mood = MoodStage(components.mood_text, self.metrics, voice=components.mood_voice)
            stages.append(self._mood)
        stages.append(ToneStage(components.tone, self.session, self.metrics, entrainment=config.voice.entrainment))
        self._reply = ReplyStage(
            components.reply,
            components.screen,
            self.session,
            self.scope,
            options=GenerationOptions(
                max_tokens=r.max_tokens, temperature=r.temperature, top_p=r.top_p, repeat_penalty=r.repeat_penalty
            ),
            max_sentences=r.max_sentences,
            retry_refusals=r.retry_refusals,
            history_tokens=r.history_tokens,
            locale=config.safety.locale,
            metrics=self.metrics,
        )
        stages.append(self._reply)
        # The model reading the start of the next prompt (reply.read_ahead), between turns.
        self._read_ahead: asyncio.Task[None] | None = None
        if components.speaker is not None:
            stages.append(SpeechStage(components.speaker, self.scope, self.metrics))
        self._pipeline = compose(stages)

    def cancel(self, reason: str = "cancelled", *, heard: str | None = None) -> None:
        """Stop the turn in flight (barge-in, user cancel).

        ``heard`` is what the person actually heard of the reply, when the caller plays the audio and knows
        where it was cut off: the history and the store keep that instead of every sentence delivered.
        """
        tid = self.scope.cancel(reason)
        self._heard = (tid, heard) if heard is not None else None

    async def turn(
        self,
        text: str,
        source: str = "text",
        *,
        utterance: Utterance | None = None,
        words: tuple[Word, ...] = (),
        hold: asyncio.Future[bool] | None = None,
    ) -> AsyncIterator[Event]:
        """Run one turn on ``text``; raises ``InputError`` before anything starts if the text is unusable.

        For a spoken turn, ``utterance`` (its audio and encoder states) and ``words`` (their timings) let later
        stages read the voice: the tone entrains to the speaker's pace and loudness, voice mood reuses the
        encoder states.

        ``hold``: the turn starts at once but yields and stores nothing until ``hold`` resolves. True: it goes on
        as if it had started then. False: it never happened: stopped, nothing stored or remembered, the session
        and the voice profile as they were. For a reply started at a pause that may not end the turn.
        """
        text = check_text(text, self.config.safety.max_input_chars)
        token = self.scope.new_turn()
        tid = token.turn_id
        session = self.session
        row_id: int | None = None
        if hold is None:
            row_id = self._begin_row(text, source, utterance)

        async def source_events() -> AsyncIterator[Event]:
            yield TurnStarted(turn_id=tid, source="voice" if source == "voice" else "text")
            if utterance is not None:
                yield replace(utterance, turn_id=tid)
            yield Transcript(turn_id=tid, text=text, final=True, words=words)

        result = TurnResult()
        t0 = time.perf_counter()
        status: TurnStatus = "complete"
        stream = self._pipeline(source_events())
        ahead: _RunAhead | None = None
        if hold is not None:
            # Taken before the stages first run (the stream is lazy; the task starts at the next await).
            saved = (session.checkpoint(), self._mood.profile.copy() if self._mood else None)
            ahead = _RunAhead(stream)
            try:
                go = await hold
            except BaseException:
                go = False
                raise
            finally:
                if not go:
                    if self.scope.is_current(tid):
                        self.scope.cancel("not a turn after all")
                    await ahead.aclose()
                    self._undo(saved, tid)
            if not go:
                return
            row_id = self._begin_row(text, source, utterance)
        try:
            async for ev in ahead or stream:
                if not self.scope.is_current(tid):
                    status = "interrupted"
                    break
                result.add(ev)
                self._record(row_id, ev)
                if isinstance(ev, StageError) and ev.fatal:
                    status = "failed"
                yield ev
        except (asyncio.CancelledError, GeneratorExit):
            self._finish(row_id, result, "interrupted", t0, tid)
            raise
        finally:
            await (ahead.aclose() if ahead is not None else stream.aclose())  # type: ignore[attr-defined]
        if status == "complete" and not self.scope.is_current(tid):
            # Cancelled after its last event but before the consumer let it end (a player still playing it).
            status = "interrupted"
        if status == "interrupted":
            yield Interrupted(turn_id=tid, reason=self.scope.reason or "cancelled")
        yield self._finish(row_id, result, status, t0, tid)

    def read_ahead(self) -> None:
        """Have a local model read the start of the next prompt while the person is still to speak. Called by
        a front end that expects another turn (the live server after each turn and at a session's start, the
        interactive chat after each line), not by one-shot uses, for which it would be wasted work. Needs a
        running event loop."""
        backend = self.components.reply
        if not self.config.reply.read_ahead or not isinstance(backend, PromptPrefill):
            return
        if self._read_ahead is not None and not self._read_ahead.done():
            return
        self._read_ahead = asyncio.get_running_loop().create_task(backend.prefill(self._reply.next_prompt_start()))

    def _begin_row(self, text: str, source: str, utterance: Utterance | None) -> int | None:
        session = self.session
        if self.store is None or session.row is None:
            return None
        row_id, session.next_index = self.store.begin_turn(session.row.id, text, source)
        if utterance is not None and self.config.privacy.keep_audio:
            # Raw audio is written only when the person opted in; otherwise it lives in memory alone.
            self.store.add_audio(session.row.id, row_id, utterance.pcm, utterance.sample_rate_hz)
        return row_id

    def _undo(self, saved: tuple[Session, SpeakerProfile | None], tid: int) -> None:
        """Forget a held turn that was never let go."""
        self.session.restore(saved[0])
        if self._mood is not None and saved[1] is not None:
            self._mood.profile = saved[1]
        self.metrics.pop(tid)

    def _record(self, row_id: int | None, ev: Event) -> None:
        if self.store is None or self.session.row is None:
            return
        if isinstance(ev, MoodEstimate):
            self.store.add_mood(self.session.row.id, row_id, ev)
        elif isinstance(ev, SafetyVerdict) and (ev.action != "allow" or ev.stage == "input"):
            self.store.add_audit(self.session.row.id, row_id, ev)

    def _finish(self, row_id: int | None, result: TurnResult, status: TurnStatus, t0: float, tid: int) -> TurnEnded:
        timings = self.metrics.pop(tid)
        timings["total"] = round((time.perf_counter() - t0) * 1000.0, 2)
        heard = " ".join(s.text for s in result.sentences)
        if status == "interrupted" and self._heard is not None and self._heard[0] == tid:
            heard = self._heard[1]
        error = result.errors[-1].message if result.errors and status == "failed" else None
        declined = result.verdict is not None and result.verdict.action == "refuse"
        session = self.session
        if self.store is not None and row_id is not None:
            if session.row is not None and session.care_until > session.row.care_until_turn:
                self.store.set_care(session.row.id, session.care_until, ",".join(session.care_concerns))
            self.store.finish_turn(
                row_id,
                reply=heard,
                status=status,
                tone=result.tone.name if result.tone else None,
                safety_action=result.verdict.action if result.verdict else None,
                declined=declined,
                error=error,
                timings=timings,
            )
        if status in ("complete", "interrupted"):
            user = DECLINED if declined else result.transcript
            session.remember(Exchange(user, heard, status == "interrupted", note=session.turn_note))
        session.turn_note = ""
        session.next_index += 1
        ended = TurnEnded(turn_id=tid, status=status, timings_ms=timings, error=error)
        result.add(ended)
        return ended

    async def run(
        self, text: str, source: str = "text", *, utterance: Utterance | None = None, words: tuple[Word, ...] = ()
    ) -> TurnResult:
        """Run one turn to its end and return what it produced (audio chunks are counted, not kept)."""
        result = TurnResult()
        async for ev in self.turn(text, source, utterance=utterance, words=words):
            result.add(ev)
        return result

    async def aclose(self) -> None:
        ahead = self._read_ahead
        # A read-ahead started under another event loop (a caller running each turn with asyncio.run) was
        # cancelled with that loop; its thread finishes on its own.
        if ahead is not None and not ahead.done() and ahead.get_loop() is asyncio.get_running_loop():
            await asyncio.gather(ahead, return_exceptions=True)
        if self.owns_reply:
            await self.components.reply.aclose()
