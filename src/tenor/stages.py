"""The stages of a turn, from words to a screened reply.

Order in the pipeline: input screen, text mood, tone, reply. The screen comes first so that the safety
verdict reaches the tone stage after the mood estimate (the mood stage passes the verdict on after adding
its estimate), and so that the verdict never depends on a mood model.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Sequence
from typing import Final

import numpy as np

from tenor.audio.io import to_float
from tenor.cancel import CancelScope, CancelToken
from tenor.errors import ReplyError
from tenor.events import (
    Event,
    MoodEstimate,
    ReplyDone,
    ReplySentence,
    SafetyVerdict,
    StageError,
    TonePlan,
    Transcript,
    Utterance,
    Word,
)
from tenor.mood.base import SpeakerProfile, TextMoodEstimator, VoiceMoodEstimator
from tenor.mood.fusion import fuse
from tenor.reply.base import GenerationOptions, Message, ReplyBackend
from tenor.reply.prompts import (
    NOTE_LEAD,
    REFUSAL,
    InstructionEcho,
    before_role_label,
    build_messages,
    history_start,
    narrates_the_user,
    strip_markers,
    turn_note,
)
from tenor.reply.sentences import SentenceSplitter
from tenor.safety import care, crisis, risk, rules_taken, threats
from tenor.safety.crisis import CrisisWords
from tenor.safety.numbers import VettedNumbers
from tenor.safety.policy import Policy
from tenor.safety.screen import Screen
from tenor.session import Session
from tenor.stage import EventStage, Metrics
from tenor.vocab import ReplySource
from tenor.voice.tone import ToneSelector, entrain

log = logging.getLogger(__name__)

# Said when the model's whole reply was taken out by the output screen, or it wrote nothing.
EMPTY_REPLY: Final = "I'm not sure how to answer that. Could you tell me a bit more?"


def words_per_second(words: tuple[Word, ...]) -> float | None:
    """Speaking rate from word timings; None when there are too few words to tell."""
    if len(words) < 3:
        return None
    span = words[-1].end_s - words[0].start_s
    return len(words) / span if span > 0.3 else None


def _stamp(event: Event, turn_id: int) -> Event:
    return dataclasses.replace(event, turn_id=turn_id, t=time.monotonic())


class InputScreenStage(EventStage):
    """Screens the user's final words."""

    name = "screen_in"

    def __init__(
        self,
        screen: Screen,
        metrics: Metrics | None = None,
        *,
        session: Session | None = None,
        policy: Policy | None = None,
    ) -> None:
        super().__init__(metrics)
        self.screen = screen
        # The conversation and the policy, for self-harm risk read over turns; without both, each turn alone.
        self.session = session
        self.policy = policy

    def accepts(self, event: Event) -> bool:
        return isinstance(event, Transcript) and event.final

    async def _impl(self, event: Event) -> AsyncIterator[Event]:
        assert isinstance(event, Transcript)
        verdict = self.screen.screen_input(event.text)
        session = self.session
        if session is not None and self.policy is not None:
            verdict, session.recent_words = risk.read_turn(
                verdict, event.text, session.recent_words, self.screen, self.policy, in_care=session.in_care
            )
            # Right after the answer to an act already done (the session's ``answered`` is still the turn before's),
            # said again at most ``risk.REPEATS`` times in a row.
            answered = session.answered if session.acted_again < risk.REPEATS else None
            verdict = risk.after_act(verdict, event.text, answered, self.policy.categories["self_harm"].action)
        yield _stamp(verdict, event.turn_id)


class MoodStage(EventStage):
    """Estimates mood from the user's final words and, for a spoken turn, from the voice, and fuses the two.

    For a spoken turn it yields three estimates, the words', the voice's and the fused one, in that order: the
    fused one comes last, so it is the one the tone stage reads, and the other two travel along so that the
    page, the JSON and the mood timeline can show where the fused estimate came from."""

    name = "mood"

    def __init__(
        self,
        estimator: TextMoodEstimator | None,
        metrics: Metrics | None = None,
        *,
        voice: VoiceMoodEstimator | None = None,
    ) -> None:
        super().__init__(metrics)
        self.estimator = estimator
        self.voice = voice
        # This conversation's voice, learnt utterance by utterance (memory only; never stored).
        self.profile = SpeakerProfile()

    def accepts(self, event: Event) -> bool:
        return isinstance(event, Transcript) and event.final

    async def _impl(self, event: Event) -> AsyncIterator[Event]:
        assert isinstance(event, Transcript)
        text = self.estimator.estimate(event.text) if self.estimator is not None else None
        utterance = self.last(Utterance)
        heard = None
        if self.voice is not None and utterance is not None and utterance.encoder_states is not None:
            audio = to_float(np.frombuffer(utterance.pcm, dtype="<i2"))
            heard = self.voice.estimate(audio, utterance.encoder_states, self.profile)
        if heard is None:
            if text is not None:
                yield _stamp(text, event.turn_id)
            return
        if text is not None:
            yield _stamp(text, event.turn_id)
        yield _stamp(heard, event.turn_id)
        yield _stamp(fuse(text, heard), event.turn_id)


class ToneStage(EventStage):
    """Chooses the tone once the input verdict (and the mood, when on) are known."""

    name = "tone"

    def __init__(
        self, selector: ToneSelector, session: Session, metrics: Metrics | None = None, *, entrainment: float = 0.0
    ) -> None:
        super().__init__(metrics)
        self.selector = selector
        self.session = session
        self.entrainment = entrainment

    def accepts(self, event: Event) -> bool:
        return isinstance(event, SafetyVerdict) and event.stage == "input"

    async def _impl(self, event: Event) -> AsyncIterator[Event]:
        assert isinstance(event, SafetyVerdict)
        verdict: SafetyVerdict = event
        if self.session.in_care and event.action in ("allow", "caution"):
            # After a crisis the conversation goes on with care: at least as gentle as a caution.
            verdict = dataclasses.replace(event, action="caution")
        plan = self.selector.select(self.last(MoodEstimate), verdict)
        transcript, utterance = self.last(Transcript), self.last(Utterance)
        if utterance is not None and transcript is not None and verdict.action != "crisis":
            plan = entrain(
                plan,
                words_per_s=words_per_second(transcript.words),
                level_db=self.session.relative_level(utterance.pcm),
                share=self.entrainment,
            )
        yield _stamp(plan, event.turn_id)


class ReplyStage(EventStage):
    """Writes the reply: vetted text for a crisis or a refusal, else the model, sentence by screened
    sentence."""

    name = "reply"

    def __init__(
        self,
        backend: ReplyBackend,
        screen: Screen,
        session: Session,
        scope: CancelScope,
        *,
        options: GenerationOptions,
        history_tokens: int,
        locale: str,
        max_sentences: int = 4,
        retry_refusals: bool = True,
        metrics: Metrics | None = None,
    ) -> None:
        super().__init__(metrics)
        self.backend = backend
        self.screen = screen
        self.session = session
        self.scope = scope
        self.options = options
        self.history_tokens = history_tokens
        self.locale = locale
        # Phone numbers the model may say: only the locale's vetted ones (it invents helplines).
        self.numbers = VettedNumbers(locale)
        self.max_sentences = max(1, max_sentences)
        self.retry_refusals = retry_refusals

    def accepts(self, event: Event) -> bool:
        return isinstance(event, TonePlan)

    async def _impl(self, event: Event) -> AsyncIterator[Event]:
        assert isinstance(event, TonePlan)
        tid = event.turn_id
        verdict = self.last(SafetyVerdict)
        transcript = self.last(Transcript)
        text = transcript.text if transcript else ""
        # The crisis answer of the turn before, whatever this turn's path: only the very next turn repeats its call.
        answered, self.session.answered = self.session.answered, None
        repeats, self.session.acted_again = self.session.acted_again, 0
        if verdict is not None and verdict.action == "crisis":
            if rules_taken.AFTER_ACT in verdict.reasons:
                self.session.acted_again = repeats + 1
            words = crisis.crisis_words(text, verdict.reasons)
            self.session.begin_care(care.raised(words))
            self.session.answered = words
            sentences = crisis.crisis_answer(text, verdict.reasons, self.locale, words)
            async for out in self._vetted(tid, sentences, "crisis"):
                yield out
            return
        if verdict is not None and verdict.action == "refuse":
            # In an emergency, a refusal the classifier alone decided is worded for that moment, after the call again
            # on the turn right after the answer that asked for it.
            concerns = self.session.care_concerns if self.session.in_care else []
            helped = care.helped_refusal(text, verdict.categories, verdict.reasons, answered, concerns)
            lead = care.reminder(self.locale, answered, text) if helped else []
            sentences = helped or crisis.refusal(verdict.categories, verdict.reasons)
            async for out in self._vetted(tid, sentences, "refusal", lead):
                yield out
            return
        async for out in self._from_model(tid, text, event, verdict, answered):
            yield out

    def _prompt(self, note: str, user_text: str) -> tuple[int, list[Message]]:
        """Where the shown history begins this turn, and the prompt's messages."""
        session = self.session
        start = history_start(
            session.history, session.shown_from - session.dropped, self.backend.count_tokens, self.history_tokens
        )
        messages = build_messages(
            user_text=user_text,
            history=session.history[start:],
            note=note,
            count_tokens=self.backend.count_tokens,
            history_budget_tokens=self.history_tokens,
        )
        return start, messages

    def next_prompt_start(self) -> list[Message]:
        """The start of the next turn's prompt as far as it is known before the person speaks: the system
        message, the history the next turn will show, and the fixed first line of its note."""
        return self._prompt(NOTE_LEAD, "")[1][:-1]

    async def _vetted(
        self, tid: int, sentences: list[str], source: ReplySource, lead: Sequence[str] = ()
    ) -> AsyncIterator[Event]:
        """Vetted sentences, after ``lead`` (the call again, said as the safety layer's own words)."""
        said = [*((s, "safety") for s in lead), *((s, source) for s in sentences)]
        for i, (sentence, by) in enumerate(said):
            yield ReplySentence(turn_id=tid, text=sentence, index=i, source=by)
        yield ReplyDone(turn_id=tid, text=" ".join(s for s, _ in said))

    async def _from_model(
        self, tid: int, text: str, tone: TonePlan, verdict: SafetyVerdict | None, answered: CrisisWords | None = None
    ) -> AsyncIterator[Event]:
        mood = self.last(MoodEstimate)
        care_note = care.care_note(self.locale, self.session.care_concerns) if self.session.in_care else ""
        session = self.session
        # Kept with the exchange, so later prompts repeat it word for word (llama.cpp reuses their state).
        session.turn_note = turn_note(mood, tone, verdict, care_note)
        start, messages = self._prompt(session.turn_note, text)
        session.shown_from = session.dropped + start
        echo = InstructionEcho([m.content for m in messages if m.role == "system"])
        delivered: list[str] = []
        # Tone-fit drops: a reply left empty by them gets a gentle line, not the generic "tell me more".
        misfit: list[str] = []
        stopped = False
        t0 = time.perf_counter()
        token = CancelToken(self.scope, tid)
        # A threat told, answered with care (``threats.DANGER``): vetted words of safety come first, never the model's.
        danger = verdict is not None and threats.DANGER in verdict.reasons
        # The turn after a crisis answer that asked for a call: that call again, before the model speaks.
        lead = [*(crisis.danger_line(self.locale) if danger else []), *care.reminder(self.locale, answered, text)]
        for i, sentence in enumerate(lead):
            yield ReplySentence(turn_id=tid, text=sentence, index=i, source="safety")
        if danger:
            # The turns after go on with care, as after a crisis answer: "thank you" was met in an upbeat tone ("I
            # hope your day is filled with joy") by a person who had just said they were choked.
            session.begin_care(("threatened",))

        def screened(sentence: str) -> tuple[list[Event], bool]:
            """Events for one sentence, and whether the reply must stop."""
            sentence, transcript = before_role_label(strip_markers(sentence))
            if transcript:
                log.info("the reply stops where the model wrote a speaker's label")
            if not sentence:
                return [], transcript
            if echo(sentence):
                log.info("a reply sentence that repeats the instructions was dropped: %r", sentence)
                return [], transcript
            if narrates_the_user(sentence):
                log.info("a reply sentence that narrates the user in the third person was dropped: %r", sentence)
                return [], transcript
            if self.numbers(sentence):
                log.info("a reply sentence with a phone number tenor has not vetted was dropped: %r", sentence)
                # The locale's own line in its place, once: the person may have asked for a number.
                line = care.number_line(self.locale, session.care_concerns if session.in_care else ())
                if line in delivered or line in lead:
                    return [], transcript
                delivered.append(line)
                index = len(lead) + len(delivered) - 1
                return [ReplySentence(turn_id=tid, text=line, index=index, source="safety")], transcript
            out_verdict = _stamp(self.screen.screen_output(sentence, mood, tone), tid)
            assert isinstance(out_verdict, SafetyVerdict)
            if out_verdict.action == "allow":
                if not delivered:
                    self.metrics.add(tid, "first_sentence", (time.perf_counter() - t0) * 1000.0)
                delivered.append(sentence)
                return [ReplySentence(turn_id=tid, text=sentence, index=len(lead) + len(delivered) - 1)], transcript
            if out_verdict.action == "caution":
                misfit.extend(c for c in out_verdict.categories if c == "tone_fit")
                return [out_verdict], transcript
            delivered.append(crisis.stop_line(out_verdict.reasons, hard))
            index = len(lead) + len(delivered) - 1
            sentence_ev = ReplySentence(turn_id=tid, text=delivered[-1], index=index, source="fallback")
            return [out_verdict, sentence_ev], True

        # Words read as a self-harm risk below the crisis point (a caution).
        at_risk = verdict is not None and verdict.action == "caution" and "self_harm" in verdict.categories
        # Heard as having a hard time: a stopped sentence is replaced by a line of presence, not a refusal's.
        hard = (
            session.in_care
            or at_risk
            or bool(lead)
            or (mood is not None and not mood.uncertain and mood.label in ("sadness", "fear"))
        )
        # A refusal the model writes to words the screens allowed outright (an everyday story, a safe question
        # that sounds alarming) is the small model misfiring, not a safety decision: the screens make those. Its
        # reply is written once more (the sampler's seed moves on with each call); a second refusal stands, so
        # the model's caution still counts where the screens may have missed something.
        retry = self.retry_refusals and (verdict is None or verdict.action == "allow") and not session.in_care

        async def written() -> AsyncGenerator[str, None]:
            """The reply's sentences as the model writes them, then its unfinished rest (none once cancelled)."""
            splitter = SentenceSplitter()
            async with contextlib.aclosing(self.backend.stream(messages, self.options, token)) as stream:
                async for piece in stream:
                    for sentence in splitter.feed(piece):
                        yield sentence
                    if token.cancelled:
                        return
            if not token.cancelled:
                for sentence in splitter.flush():
                    yield sentence

        try:
            while True:
                refused = False
                async with contextlib.aclosing(written()) as sentences:
                    async for sentence in sentences:
                        refused = retry and not delivered and REFUSAL.search(sentence) is not None
                        if refused:
                            break
                        events, stopped = screened(sentence)
                        for ev in events:
                            yield ev
                        # Enough for a spoken answer: what is left unsaid is dropped, not cut mid-sentence.
                        if stopped or len(delivered) >= self.max_sentences:
                            break
                if not refused:
                    break
                log.info("the model refused words the screens allowed; its reply is written once more")
                retry = False
        except ReplyError as err:
            yield StageError(turn_id=tid, stage=self.name, message=str(err), fatal=True)
            yield ReplyDone(turn_id=tid, text=" ".join([*lead, *delivered]), truncated=True)
            return
        if not delivered and not token.cancelled:
            # A reply left empty to words read as a self-harm risk below the crisis point gets care, not "tell
            # me more" ("Nobody ever calls me anymore", after the model's one sentence narrated the user).
            delivered.append(crisis.GENTLE if misfit or at_risk or lead else EMPTY_REPLY)
            yield ReplySentence(turn_id=tid, text=delivered[0], index=len(lead), source="fallback")
        yield ReplyDone(turn_id=tid, text=" ".join([*lead, *delivered]), truncated=stopped or token.cancelled)
