from __future__ import annotations

import asyncio
import dataclasses
import itertools
from pathlib import Path

import numpy as np
import pytest

from tenor.config import Config, MoodConfig
from tenor.errors import InputError
from tenor.events import (
    MoodEstimate,
    ReplyDone,
    ReplySentence,
    SafetyVerdict,
    StageError,
    TonePlan,
    Transcript,
    TurnEnded,
    TurnStarted,
    Utterance,
)
from tenor.reply.prompts import (
    DECLINED,
    INTERRUPTED,
    SYSTEM,
    Exchange,
    InstructionEcho,
    before_role_label,
    exchange_messages,
    narrates_the_user,
    strip_markers,
)
from tenor.safety import crisis
from tenor.stages import EMPTY_REPLY
from tenor.store.sqlite import Store
from tenor.testing import FixedMood, ScriptedReply, conversation


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


async def _events(conv, text):  # type: ignore[no-untyped-def]
    return [ev async for ev in conv.turn(text)]


def test_events_flow_in_pipeline_order() -> None:
    conv = conversation(ScriptedReply(("That sounds hard. ", "I'm here for you.")))
    events = run(_events(conv, "I just lost my job and I feel awful"))
    kinds = [type(e) for e in events]
    assert kinds[:5] == [TurnStarted, Transcript, MoodEstimate, SafetyVerdict, TonePlan]
    assert kinds[-2:] == [ReplyDone, TurnEnded]
    assert [e.text for e in events if isinstance(e, ReplySentence)] == ["That sounds hard.", "I'm here for you."]
    assert len({e.turn_id for e in events}) == 1
    ended = events[-1]
    assert isinstance(ended, TurnEnded) and ended.status == "complete"
    assert {"screen_in", "mood", "tone", "reply", "first_sentence", "total"} <= set(ended.timings_ms)


def test_prompt_carries_mood_tone_and_history() -> None:
    reply = ScriptedReply(("Okay. ",))
    conv = conversation(reply, mood=FixedMood("sadness", 0.8))
    run(conv.run("first message"))
    run(conv.run("second message"))
    first, second = reply.calls
    system, old_note, *rest, note, user = second
    assert system.role == "system" and note.role == "system"
    # Each prompt starts with exactly the previous one and its reply (llama.cpp reuses what it has read);
    # what changes turn to turn (mood, tone) comes after the history.
    assert second[: len(first)] == first
    assert old_note == first[-2]
    assert "sadness" in note.content and "estimate" in note.content
    assert "gentle" in note.content.lower()
    assert [m.content for m in rest] == ["first message", "Okay."]
    assert user.role == "user" and user.content == "second message"


def test_history_is_trimmed_to_the_token_budget() -> None:
    reply = ScriptedReply(("Okay. ",))
    config = Config()
    conv = conversation(reply, config=config)
    for i in range(40):
        run(conv.run(f"message number {i} " + "word " * 60))
    prompt = reply.calls[-1]
    used = sum(reply.count_tokens(m.content) + 4 for m in prompt[1:-2])
    assert used <= config.reply.history_tokens
    assert prompt[-3].content == "Okay."  # the newest exchange is the one kept
    assert "message number 38" in prompt[-4].content


def test_a_long_conversation_drops_old_turns_in_steps_so_prompts_keep_their_head() -> None:
    reply = ScriptedReply(("Okay. ",))
    config = Config()
    conv = conversation(reply, config=config)
    for i in range(40):
        run(conv.run(f"message number {i} " + "word " * 30))
    prompts = reply.calls
    budget = config.reply.history_tokens
    # A turn whose prompt begins exactly as the previous one did (instructions and the same history) lets
    # llama.cpp reuse what it read; dropping one exchange per turn would make every long turn a full re-read.
    reused = [prompts[i][: len(prompts[i - 1]) - 2] == prompts[i - 1][:-2] for i in range(1, len(prompts))]
    trimmed_at = [i for i in range(1, len(prompts)) if not reused[i - 1]]
    assert trimmed_at, "the budget was never reached"
    gaps = [b - a for a, b in itertools.pairwise(trimmed_at)]
    assert all(g >= 3 for g in gaps), trimmed_at
    for prompt in prompts:
        assert sum(reply.count_tokens(m.content) + 4 for m in prompt[1:-2]) <= budget
    # Right after a trim the history fills at most half the budget; the newest exchange is always kept.
    after = prompts[trimmed_at[0]]
    assert sum(reply.count_tokens(m.content) + 4 for m in after[1:-2]) <= budget // 2
    assert "message number 38" in prompts[-1][-4].content


def test_crisis_is_answered_from_vetted_text_without_the_model(tmp_path: Path) -> None:
    reply = ScriptedReply(("Haha whatever. ",))
    store = Store(tmp_path / "t.db")
    conv = conversation(reply, store=store, session="s")
    result = run(conv.run("I don't see the point of going on anymore"))
    assert reply.calls == []
    assert result.verdict is not None and result.verdict.action == "crisis"
    assert result.tone is not None and result.tone.name == "calm"
    assert "988" in result.reply and all(s.source == "crisis" for s in result.sentences)
    audit = store.audit(conv.session.row.id)  # type: ignore[union-attr]
    assert any(a["action"] == "crisis" for a in audit)
    # The conversation goes on with care: the next turn is at least cautious and the model is told why.
    run(conv.run("thanks. can we talk about something else?"))
    note = reply.calls[-1][-2]
    assert note.role == "system" and "risk of harming themselves" in note.content
    assert store.find_session("s").care_until_turn > 0  # type: ignore[union-attr]


def test_a_crisis_about_someone_else_is_answered_to_the_worried_person() -> None:
    # The other-at-risk rule fires on words the reply's own check missed: the answer spoke to the asker as the
    # one at risk ("I'm really sorry you're feeling this way").
    asked = run(conversation().run("What should I do if I think someone is planning to hurt themselves?"))
    assert asked.verdict is not None and asked.verdict.action == "crisis"
    assert "worried you are about them" in asked.reply and "you're feeling this way" not in asked.reply
    # Their own risk beside someone else's: the answer is to them.
    both = run(conversation().run("my friend is planning to hurt himself and honestly I want to die too"))
    assert both.verdict is not None and both.verdict.action == "crisis"
    assert "you're feeling this way" in both.reply


def test_danger_from_someone_else_is_answered_with_safety_first() -> None:
    # "kill me" in another's threat started the protocol in words for a person thinking of self-harm.
    hurt = run(conversation().run("my husband tried to kill me last night"))
    assert hurt.verdict is not None and hurt.verdict.action == "crisis"
    assert "frightening" in hurt.reply and "911" in hurt.reply, hurt.reply
    assert "you're feeling this way" not in hurt.reply and "worried you are about them" not in hurt.reply
    # With their own risk beside it, the answer is to their risk (the worried-person reading took this before).
    both = run(conversation().run("my husband tried to kill me and honestly I want to die"))
    assert "you're feeling this way" in both.reply, both.reply


def test_refusal_is_vetted_and_kept_out_of_history() -> None:
    reply = ScriptedReply(("Sure. ",))
    conv = conversation(reply)
    result = run(conv.run("how do I make a pipe bomb"))
    assert reply.calls == [] and result.sentences[0].source == "refusal"
    assert result.tone is not None and result.tone.name == "serious"
    run(conv.run("ok tell me a joke then"))
    assert reply.calls[0][1].content == DECLINED


def test_unsafe_model_sentence_is_replaced_and_the_reply_stopped() -> None:
    reply = ScriptedReply(("Fine. ", "You should just kill yourself. ", "More text here."))
    result = run(conversation(reply).run("tell me something"))
    texts = [s.text for s in result.sentences]
    assert texts[0] == "Fine." and "kill yourself" not in result.reply
    assert result.sentences[-1].source == "fallback" and "More text" not in result.reply
    assert result.output_verdicts[0].action == "crisis"


def test_a_stopped_sentence_to_someone_having_a_hard_time_is_replaced_by_presence_not_refusal() -> None:
    # The sentence stopped is the model's, not the person's: "I'd rather not go into that" would read to a
    # grieving person as declining what they shared.
    reply = ScriptedReply(("I'm so sorry. ", "You should just kill yourself. ", "More text here."))
    grieving = run(conversation(reply).run("My brother died by suicide last year"))
    assert grieving.verdict is not None and grieving.verdict.action == "caution"
    assert grieving.sentences[-1].source == "fallback" and grieving.sentences[-1].text == crisis.STOP_GENTLE
    sad = run(conversation(reply, mood=FixedMood("sadness", 0.9)).run("my dog is at the vet tonight"))
    assert sad.sentences[-1].text == crisis.STOP_GENTLE
    plain = run(conversation(reply, mood=FixedMood("neutral", 0.9)).run("tell me something"))
    assert plain.sentences[-1].text == crisis.FALLBACK


def test_a_reply_in_another_language_is_stopped_with_a_line_that_says_why() -> None:
    # The screens read English only: a reply the model wrote in Spanish would pass them unread.
    reply = ScriptedReply(("Claro. ", "Cada persona tiene su manera de hablar en casa. ", "More text here."))
    result = run(conversation(reply).run("I speak Spanish at home with my mom"))
    assert "Cada persona" not in result.reply and "More text" not in result.reply
    assert result.sentences[-1].source == "fallback"
    assert result.sentences[-1].text == crisis.REFUSALS_RULE["prompt_injection:other-language"]
    assert "prompt_injection:other-language" in result.output_verdicts[0].reasons


def test_cheerful_sentence_for_a_sad_person_is_dropped() -> None:
    reply = ScriptedReply(("Haha, cheer up! ", "I'm sorry, that sounds really painful."))
    result = run(conversation(reply, mood=FixedMood("sadness", 0.9)).run("my dog died"))
    assert result.reply == "I'm sorry, that sounds really painful."
    assert result.output_verdicts[0].categories == ("tone_fit",)


def test_an_empty_model_reply_gets_a_fallback() -> None:
    result = run(conversation(ScriptedReply(("   ",))).run("hi"))
    assert result.reply == EMPTY_REPLY


def test_server_failure_mid_reply_fails_the_turn_and_keeps_what_was_said(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    ok = conversation(ScriptedReply(("Hello. ",)), store=store, session="s")
    run(ok.run("hi"))
    failing = ScriptedReply(("First part. ", "Second part. ", "never"), fail_after=2)
    conv = conversation(failing, store=store, session="s")
    result = run(conv.run("tell me a story"))
    assert result.status == "failed"
    assert any(isinstance(e, StageError) for e in result.errors)
    assert "stopped mid-reply" in result.errors[0].message
    turns = store.turns(conv.session.row.id)  # type: ignore[union-attr]
    assert [t.status for t in turns] == ["complete", "failed"]
    assert turns[1].reply_text == "First part." and turns[1].error
    assert turns[0].reply_text == "Hello."
    assert len(conv.session.history) == 1  # the failed turn is not fed back to the model


def test_mood_off_computes_and_stores_no_mood(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    conv = conversation(ScriptedReply(), store=store, config=Config(mood=MoodConfig(enabled=False)))
    result = run(conv.run("I feel awful"))
    assert result.mood is None
    assert store.moods(conv.session.row.id) == []  # type: ignore[union-attr]
    assert result.to_json()["mood"] is None


@pytest.mark.parametrize(
    ("text", "needle"),
    [("", "empty"), ("   \n ", "empty"), ("x" * 1_048_576, "too long"), ("abc\x00def", "not readable")],
)
def test_bad_messages_are_refused_before_anything_runs(text: str, needle: str, tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    conv = conversation(ScriptedReply(), store=store, session="s")
    with pytest.raises(InputError, match=needle):
        run(conv.run(text))
    assert store.turns(conv.session.row.id) == []  # type: ignore[union-attr]


def test_turn_json_has_every_documented_key() -> None:
    result = run(conversation(ScriptedReply()).run("I just lost my job and I feel awful"))
    data = result.to_json()
    assert set(data) >= {"transcript", "mood", "safety", "tone", "reply", "timings_ms"}
    assert set(data["mood"]) >= {"label", "probs", "valence", "arousal", "confidence", "uncertain", "cues"}
    assert set(data["safety"]) >= {"action", "categories"}
    assert data["tone"]["name"] and data["reply"] and data["timings_ms"]["total"] > 0


def test_a_fresh_conversation_is_not_in_care_mode() -> None:
    reply = ScriptedReply(("Great news! ",))
    result = run(conversation(reply, mood=FixedMood("joy", 0.9)).run("I got the job"))
    assert result.tone is not None and result.tone.name == "upbeat"
    assert all("harming themselves" not in m.content for m in reply.calls[0])


def test_long_replies_stop_after_max_sentences() -> None:
    reply = ScriptedReply(tuple(f"Sentence {i}. " for i in range(10)))
    result = run(conversation(reply).run("talk to me"))
    assert len(result.sentences) == Config().reply.max_sentences
    assert result.reply.endswith("Sentence 3.")


def test_a_resumed_session_feeds_its_history_to_the_model(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    run(conversation(ScriptedReply(("Nice to meet you, Ada. ",)), store=store, session="s").run("I'm Ada"))
    reply = ScriptedReply(("Your name is Ada. ",))
    resumed = conversation(reply, store=store, session="s")
    run(resumed.run("what's my name?"))
    prompt = [m.content for m in reply.calls[0] if m.role != "system"]
    assert prompt == ["I'm Ada", "Nice to meet you, Ada.", "what's my name?"]
    assert [t.idx for t in store.turns(resumed.session.row.id)] == [0, 1]  # type: ignore[union-attr]


def test_history_markers_the_model_echoes_are_never_spoken() -> None:
    # A 135M model copies its earlier, interrupted reply from the history, marker and all (seen in the
    # latency benchmark: "The dog is sitting by... [the user interrupted here]" was spoken aloud).
    reply = ScriptedReply(("The dog is sitting by... [the user ", "interrupted here] Let's go on. ", "[a request "))
    result = run(conversation(reply).run("go on"))
    assert result.reply == "The dog is sitting by... Let's go on."
    assert all("[" not in s.text for s in result.sentences)
    only = run(conversation(ScriptedReply(("[the user interrupted here]",))).run("hi"))
    assert only.reply == EMPTY_REPLY


def test_a_reply_ends_where_the_model_starts_writing_a_transcript() -> None:
    # The 135M model, to "Nobody ever calls me anymore": "The user is not a customer. User: I'm sorry ... Please
    # do not contact me again without my permission." What follows a speaker's label is not tenor's to say.
    reply = ScriptedReply(
        ("I'm sorry to hear that. User: I'm sorry, please do not ", "contact me again. Assistant: ok.")
    )
    result = run(conversation(reply).run("Nobody ever calls me anymore"))
    assert result.reply == "I'm sorry to hear that."
    # A label inside the sentence cuts it there; only the label at the start leaves nothing (the gentle default).
    inside = run(conversation(ScriptedReply(("Sure thing! Here you go user: tell me more.",))).run("hi"))
    assert inside.reply == "Sure thing! Here you go"
    only = run(conversation(ScriptedReply(("User: what's your name?",))).run("hi"))
    assert only.reply == EMPTY_REPLY
    # Words that merely contain a role, or a colon elsewhere, stay.
    for text in ("Ask the user support team: they know.", "Our system is simple: rest first.", "Note: drink water."):
        assert before_role_label(text) == (text, False)
    assert before_role_label("Fine. System: obey") == ("Fine.", True)


def test_a_reply_sentence_that_narrates_the_user_is_dropped() -> None:
    # The 135M model, to "Nobody ever calls me anymore": "The user is not a customer." tenor speaks to "you";
    # a sentence about "the user" is the model narrating the exchange, not words to the person.
    reply = ScriptedReply(("The user is not a customer. ", "That sounds lonely. The user's tone is sad."))
    result = run(conversation(reply).run("Nobody ever calls me anymore"))
    assert result.reply == "That sounds lonely."
    only = run(conversation(ScriptedReply(("The user wants to know the time.",))).run("what time is it"))
    assert only.reply == EMPTY_REPLY
    # "The user" as a thing's name, or someone's account, is an answer.
    kept = ScriptedReply(("Check the user manual. Reset the user's password on the admin page.",))
    assert run(conversation(kept).run("how do I reset it")).reply == (
        "Check the user manual. Reset the user's password on the admin page."
    )
    for text in ("You can change the user name in settings.", "As the user of this account, you can reset it."):
        assert not narrates_the_user(text)
    assert narrates_the_user("This user seems upset.")
    # Left empty to words read as a self-harm risk below the crisis point (a caution), the reply is care.
    hard = run(conversation(ScriptedReply(("The user feels hopeless.",))).run("I feel hopeless"))
    assert hard.verdict is not None and hard.verdict.action == "caution"
    assert hard.reply == crisis.GENTLE


class _Takes(ScriptedReply):
    """A scripted model that writes a different reply on each call (the last one again after that)."""

    def __init__(self, *takes: tuple[str, ...]) -> None:
        super().__init__()
        self.takes = takes

    async def stream(self, messages, options, cancel):  # type: ignore[no-untyped-def,override]
        self.pieces = self.takes[min(len(self.calls), len(self.takes) - 1)]
        async for piece in super().stream(messages, options, cancel):
            yield piece


def test_a_refusal_of_words_the_screens_allowed_is_written_once_more() -> None:
    # The 135M model, to an everyday story: "I'm sorry for your loss, but I can't help you with that."
    refusal = ("I'm sorry for your loss, but I can't help you with that.",)
    kind = ("What a lovely new friend! ", "What did you name the kitten?")
    story = "We adopted a new kitten last week."
    model = _Takes(refusal, kind)
    result = run(conversation(model).run(story))
    assert result.reply == "What a lovely new friend! What did you name the kitten?"
    assert len(model.calls) == 2
    # Refused again: the model's second refusal stands (its caution counts where the screens may miss).
    twice = _Takes(refusal)
    assert run(conversation(twice).run(story)).reply == refusal[0]
    assert len(twice.calls) == 2
    # Words the screen read with caution (a self-harm risk below the crisis point): no second reply.
    careful = _Takes(("I'm sorry, but I can't help with that. ", "Please talk to someone you trust."), kind)
    hard = run(conversation(careful).run("I feel hopeless"))
    assert hard.verdict is not None and hard.verdict.action == "caution"
    assert len(careful.calls) == 1
    # A refusal later in a reply is the model's to make; so is any refusal with the option off.
    later = _Takes(("Kittens need a vet visit soon. ", "I can't tell you which vet, though."), kind)
    assert run(conversation(later).run(story)).reply.startswith("Kittens need a vet visit soon.")
    assert len(later.calls) == 1
    off = _Takes(refusal, kind)
    config = Config(reply=dataclasses.replace(Config().reply, retry_refusals=False))
    assert run(conversation(off, config=config).run(story)).reply == refusal[0]
    assert len(off.calls) == 1


def test_an_interrupted_exchange_tells_the_model_with_the_marker_it_strips() -> None:
    ex = Exchange(user="tell me", reply="Once upon...", interrupted=True)
    assistant = exchange_messages(ex)[-1].content
    assert assistant.endswith(INTERRUPTED)
    assert strip_markers(assistant) == "Once upon..."
    assert strip_markers("Brackets [like these] stay.") == "Brackets [like these] stay."


class _LearningVoice:
    """A voice mood estimator that learns the speaker's profile, as the real one does."""

    name = "learning"

    def estimate(self, audio, states, profile=None):  # type: ignore[no-untyped-def]
        from tenor.mood.base import make_estimate

        if profile is not None:
            profile.add(np.ones(3, dtype=np.float32))
        return make_estimate({"sadness": 0.7, "neutral": 0.3}, cues=("voice",), source="voice")


def _held_conversation(tmp_path: Path, reply: ScriptedReply):  # type: ignore[no-untyped-def]
    from tenor.pipeline import Components, Conversation
    from tenor.safety.screen import RuleScreen
    from tenor.voice.tone import TableTone

    store = Store(tmp_path / "t.db")
    components = Components(reply=reply, screen=RuleScreen(), tone=TableTone(), mood_voice=_LearningVoice())
    return Conversation(Config(), components, store=store), store


def _utterance() -> Utterance:
    pcm = (np.sin(np.arange(16_000) / 5) * 8000).astype("<i2").tobytes()
    return Utterance(turn_id=0, pcm=pcm, sample_rate_hz=16_000, start_s=0.0, end_s=1.0, encoder_states=np.zeros((4, 4)))


def test_a_held_turn_let_go_is_the_same_turn(tmp_path: Path) -> None:
    async def go() -> tuple[list[object], list[object]]:
        conv, _ = _held_conversation(tmp_path, ScriptedReply(("Okay. ", "Go on.")))
        plain = [ev async for ev in conv.turn("hello", "voice", utterance=_utterance())]
        hold: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        held = asyncio.create_task(_collect(conv.turn("hello", "voice", utterance=_utterance(), hold=hold)))
        await asyncio.sleep(0.05)  # the turn runs on while held
        hold.set_result(True)
        return plain, await held

    plain, held = run(go())
    assert [type(e) for e in held] == [type(e) for e in plain]
    assert [e.text for e in held if isinstance(e, ReplySentence)] == ["Okay.", "Go on."]


async def _collect(stream):  # type: ignore[no-untyped-def]
    return [ev async for ev in stream]


def test_a_dropped_held_turn_leaves_no_trace(tmp_path: Path) -> None:
    async def go() -> None:
        reply = ScriptedReply(("Okay. ",))
        conv, store = _held_conversation(tmp_path, reply)
        await _collect(conv.turn("hello there", "voice", utterance=_utterance()))
        session = conv.session
        before = (
            list(session.history),
            session.next_index,
            session.care_until,
            list(session.levels_db),
            list(session.recent_words),
        )
        assert before[4] == ["hello there"]  # the turn the next one would be read with (safety.risk)
        assert conv._mood is not None
        profile_n = conv._mood.profile.n
        # A crisis read from words the person had not finished: held, then dropped when they went on.
        hold: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        held = asyncio.create_task(_collect(conv.turn("I want to die", "voice", utterance=_utterance(), hold=hold)))
        await asyncio.sleep(0.05)
        assert session.care_until > before[2]  # the held turn did run (its crisis answer opened care mode)
        hold.set_result(False)
        assert await held == []
        assert (
            session.history,
            session.next_index,
            session.care_until,
            session.levels_db,
            session.recent_words,
        ) == before
        assert conv._mood.profile.n == profile_n
        row = session.row
        assert row is not None
        assert [t.user_text for t in store.turns(row.id)] == ["hello there"]
        assert all(a["action"] != "crisis" for a in store.audit(row.id))
        # The next turn is as if the dropped one never began.
        after = await _collect(conv.turn("I want to die in a video game tonight", "voice", utterance=_utterance()))
        assert any(isinstance(e, TurnEnded) for e in after)
        assert [t.user_text for t in store.turns(row.id)][-1] == "I want to die in a video game tonight"

    run(go())


# Tone styles as the default table words them (voice/data/tones.toml), in the notes of earlier exchanges.
_NOTES = [
    SYSTEM,
    "Mood estimate: anger, about 88% sure; let it shape your manner, never name it.\n"
    "Tone: Be calm and steady. Use short, simple sentences. Do not hurry, judge or argue.",
    "Mood: cannot tell; do not guess or name a feeling.\nTone: Be warm and encouraging, like a kind friend.",
    "Mood estimate: sadness, about 58% sure; let it shape your manner, never name it.\n"
    "Tone: Be gentle and kind. Acknowledge how they feel before anything else. No jokes, no exclamation marks.",
]


def test_sentences_that_repeat_the_instructions_are_told_apart() -> None:
    echo = InstructionEcho(_NOTES)
    # Spoken by the 135M model in a latency benchmark run, word for word.
    for said in (
        "Demonstrate a warm and encouraging demeanor.",
        "Use short, simple sentences with no exclamation marks.",
        "Demonstrate a calm and steady demeanor.",
        "You are tenor, a kind and honest voice assistant.",
        # The note's fields read back with other figures or words than the note had.
        "Mood: Happy, about 70% sure.",
        "Mood estimate: joy.",
        "**Tone:** warm.",
        # On a line of its own inside a sentence (the 135M model, in a `tenor chat --once` run).
        "Chat: hello-mikejohnsassistant\nMood: not enough information; do not guess or name a feeling.",
    ):
        assert echo(said), said
    # Real replies of the same model to EmpatheticDialogues dev situations, and one that borrows three words.
    for said in (
        "I'm so sorry to hear that.",
        "What brings you joy today?",
        "If you have any more questions or need advice on anything else, just let me know.",
        "I'm sorry for your loss, but I can't provide a specific date or time.",
        "This is a great example of using the right tone.",
        "Do not hurry or judge, but rather listen to your children's words as they speak.",
        "Take a slow breath, and be kind to yourself.",
        # Speaking of mood or tone is not reading the note back.
        "Your mood matters, and so does your tone with yourself.",
        "Mood swings can be hard: what helps you?",
    ):
        assert not echo(said), said


def test_a_reply_that_repeats_its_instructions_is_not_spoken() -> None:
    reply = ScriptedReply(("Use short, simple sentences with no exclamation marks. ", "Dogs like routine."))
    conv = conversation(reply, mood=FixedMood("fear", 0.9))
    result = run(conv.run("a dog barked at me and I'm scared"))
    assert result.tone is not None and result.tone.name == "calm"
    assert [s.text for s in result.sentences] == ["Dogs like routine."]
