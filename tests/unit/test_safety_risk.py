"""Self-harm risk read over a conversation's turns (``tenor.safety.risk``), and its wiring into a conversation."""

from __future__ import annotations

import asyncio
import dataclasses
from importlib import resources
from pathlib import Path

import pytest

from tenor.config import Config
from tenor.errors import ConfigError
from tenor.events import SafetyVerdict
from tenor.pipeline import Components, Conversation
from tenor.safety.crisis import OVER_TURNS, crisis_answer
from tenor.safety.policy import ConversationRule, load_policy
from tenor.safety.risk import over_turns, read_turn
from tenor.safety.screen import RuleScreen
from tenor.testing import ScriptedReply
from tenor.voice.tone import TableTone

POLICY = load_policy()


class ScoredScreen(RuleScreen):
    """The rule screen's policy, with each line's self-harm score given by the test ("0.6|words"); turns read
    together (one line each) score the sum of their lines, at most 1."""

    def __init__(self) -> None:
        super().__init__()
        self.read: list[str] = []

    def screen_input(self, text: str) -> SafetyVerdict:
        self.read.append(text)
        score = min(1.0, sum(float(line.split("|")[0]) for line in text.split("\n")))
        action, categories = self.policy.decide({"self_harm": score})
        return SafetyVerdict(
            turn_id=0, stage="input", action=action, categories=categories, scores={"self_harm": score}
        )


def screened(text: str, **others: float) -> SafetyVerdict:
    """``text``'s verdict from ``ScoredScreen``, with ``others`` (category scores) beside its self-harm score."""
    score = float(text.split("|")[0])
    scores = {"self_harm": score, **others}
    action, categories = POLICY.decide(scores)  # type: ignore[arg-type]
    return SafetyVerdict(turn_id=0, stage="input", action=action, categories=categories, scores=scores)  # type: ignore[arg-type]


def test_the_built_in_policy_reads_three_turns_together_from_a_caution() -> None:
    assert POLICY.conversation == ConversationRule(turns=3, joined_at=0.9)
    assert POLICY.categories["self_harm"].caution_at == 0.5


def test_a_cautious_turn_whose_turns_read_together_reach_the_point_gets_the_crisis_protocol() -> None:
    screen = ScoredScreen()
    alone = screened("0.6|b")
    assert alone.action == "caution"
    read = over_turns(alone, "0.6|b", ["0.4|a"], screen, POLICY)
    assert read.action == "crisis" and read.categories[0] == "self_harm" and read.reasons[-1] == OVER_TURNS
    assert screen.read == ["0.4|a\n0.6|b"]  # the person's turns, oldest first, one line each
    # Below the point together, the caution stands.
    assert over_turns(alone, "0.6|b", ["0.2|a"], screen, POLICY).action == "caution"
    # Only the last two earlier turns are read with this one (three in all).
    screen.read.clear()
    assert over_turns(alone, "0.6|b", ["0.9|x", "0.1|y", "0.1|z"], screen, POLICY).action == "caution"
    assert screen.read == ["0.1|y\n0.1|z\n0.6|b"]


def test_only_a_turn_that_reads_as_self_harm_itself_is_read_again() -> None:
    screen = ScoredScreen()
    # Earlier risk does not make an ordinary turn a crisis ("I had toast" after two sad turns), and the turns are
    # not read together for it.
    assert over_turns(screened("0.4|c"), "0.4|c", ["0.7|a", "0.7|b"], screen, POLICY).action == "allow"
    assert over_turns(screened("0.6|a"), "0.6|a", [], screen, POLICY).action == "caution"
    assert screen.read == []


def test_a_turn_read_as_something_else_alone_or_at_zero_is_never_read_again() -> None:
    screen = ScoredScreen()
    # The single-turn screen lowered it on purpose (a wish that another person were gone; exasperation; a question
    # about staying safe): in the joined text the rule that lowered it no longer sees the whole message.
    for reason in ("self_harm:someone-else-gone", "self_harm:exasperation", "frame:seeks-safety"):
        lowered = dataclasses.replace(screened("0.6|b"), reasons=(reason,))
        assert over_turns(lowered, "0.6|b", ["0.9|a"], screen, POLICY) is lowered
    # A user's policy with caution_at 0 does not make every turn ("I had toast") a reading of risk.
    zero = dataclasses.replace(
        POLICY,
        categories={
            **POLICY.categories,
            "self_harm": dataclasses.replace(POLICY.categories["self_harm"], caution_at=0.0),
        },
    )
    assert over_turns(screened("0.0|c"), "0.0|c", ["0.9|a", "0.9|b"], screen, zero).action == "allow"
    assert screen.read == []


def test_the_escalation_takes_the_policys_self_harm_action_and_the_speakers_wording() -> None:
    screen = ScoredScreen()
    rule = dataclasses.replace(POLICY.categories["self_harm"], action="refuse")
    refusing = dataclasses.replace(POLICY, categories={**POLICY.categories, "self_harm": rule})
    read, kept = read_turn(screened("0.6|b"), "0.6|b", ["0.9|a"], screen, refusing)
    assert read.action == "refuse" and kept == []
    # This turn is about someone else, but the turns before were the speaker's own risk.
    text = "My mom says she doesn't want to be a burden anymore."
    assert "worried you are about them" in " ".join(crisis_answer(text, ("self_harm:other-at-risk",), "US"))
    spoken = " ".join(crisis_answer(text, ("self_harm:other-at-risk", OVER_TURNS), "US"))
    assert "you're feeling this way" in spoken and "988" in spoken


def test_a_refusal_stands_and_other_categories_are_kept() -> None:
    screen = ScoredScreen()
    refused = screened("0.6|b", violence=0.9)
    assert over_turns(refused, "0.6|b", ["0.9|a"], screen, POLICY) is refused
    cautious = screened("0.6|b", harassment=0.6)
    read = over_turns(cautious, "0.6|b", ["0.9|a"], screen, POLICY)
    assert read.action == "crisis" and read.categories == ("self_harm", "harassment")


def test_the_reading_can_be_switched_off_or_made_stricter() -> None:
    screen = ScoredScreen()
    off = dataclasses.replace(POLICY, conversation=ConversationRule(turns=0))
    assert over_turns(screened("0.6|b"), "0.6|b", ["0.9|a"], screen, off).action == "caution"
    strict = dataclasses.replace(POLICY, conversation=ConversationRule(turns=3, joined_at=1.0))
    assert over_turns(screened("0.6|b"), "0.6|b", ["0.3|a"], screen, strict).action == "caution"
    assert over_turns(screened("0.6|b"), "0.6|b", ["0.4|a"], screen, strict).action == "crisis"


def test_read_turn_remembers_the_last_turns_and_starts_again_after_a_crisis() -> None:
    screen = ScoredScreen()
    read, kept = read_turn(screened("0.1|c"), "0.1|c", ["0.0|a", "0.0|b"], screen, POLICY)
    assert read.action == "allow" and kept == ["0.0|b", "0.1|c"]
    read, kept = read_turn(screened("0.6|c"), "0.6|c", ["0.0|a", "0.4|b"], screen, POLICY)
    assert read.action == "crisis" and kept == []
    # A crisis alone also starts again.
    assert read_turn(screened("0.95|c"), "0.95|c", ["0.6|b"], screen, POLICY)[1] == []
    # In care after a crisis answer each turn is read alone (the model is already told to be gentle).
    read, kept = read_turn(screened("0.6|c"), "0.6|c", ["0.7|b"], screen, POLICY, in_care=True)
    assert read.action == "caution" and kept == ["0.7|b", "0.6|c"]


def _policy_file(tmp_path: Path, conversation: str) -> Path:
    text = resources.files("tenor.safety.data").joinpath("policy.toml").read_text("utf-8")
    head = text[: text.index("[conversation]")]
    path = tmp_path / "policy.toml"
    path.write_text(head + conversation, "utf-8")
    return path


def test_the_conversation_table_is_read_and_checked(tmp_path: Path) -> None:
    assert load_policy(_policy_file(tmp_path, "")).conversation == ConversationRule()
    read = load_policy(_policy_file(tmp_path, "[conversation]\nself_harm_turns = 4\nself_harm_joined_at = 1\n"))
    assert read.conversation == ConversationRule(4, 1.0)
    for bad in (
        "self_harm_turns = -1",
        "self_harm_turns = 11",
        "self_harm_turns = true",
        "self_harm_turns = 2.5",
        "self_harm_joined_at = 0",
        "self_harm_joined_at = 1.5",
        "self_harm_joined_at = nan",
        "self_harm_joined_at = '0.9'",
        "self_harm_window = 3",
    ):
        with pytest.raises(ConfigError, match=r"\[conversation\]"):
            load_policy(_policy_file(tmp_path, "[conversation]\n" + bad + "\n"))


def _conversation(reply: ScriptedReply) -> Conversation:
    components = Components(reply=reply, screen=ScoredScreen(), tone=TableTone())
    return Conversation(Config(), components)


def test_a_conversation_gives_the_crisis_answer_when_risk_builds_up_and_then_goes_on_with_care() -> None:
    reply = ScriptedReply(("I'm here. ",))
    conv = _conversation(reply)
    first = asyncio.run(conv.run("0.6|I don't know how much longer I can keep going"))
    assert first.verdict is not None and first.verdict.action == "caution" and len(reply.calls) == 1
    second = asyncio.run(conv.run("0.6|I've made sure the house is in her name now"))
    assert second.verdict is not None and second.verdict.action == "crisis"
    assert OVER_TURNS in second.verdict.reasons
    assert "988" in second.reply and all(s.source == "crisis" for s in second.sentences)
    assert len(reply.calls) == 1  # the crisis answer never comes from the model
    # Care mode follows, and the next cautious turn is answered with care, not the protocol again.
    third = asyncio.run(conv.run("0.6|I don't know"))
    assert third.verdict is not None and third.verdict.action == "caution"
    assert "risk of harming themselves" in reply.calls[-1][-2].content


def test_a_screen_without_tenors_policy_reads_each_turn_alone() -> None:
    class PlugIn:
        name = "plug-in"

        def screen_input(self, text: str) -> SafetyVerdict:
            return ScoredScreen().screen_input(text)

        def screen_output(self, sentence: str, mood: object = None, tone: object = None) -> SafetyVerdict:
            return ScoredScreen().screen_output(sentence)

    conv = Conversation(Config(), Components(reply=ScriptedReply(("Okay. ",)), screen=PlugIn(), tone=TableTone()))
    actions = [asyncio.run(conv.run(t)).verdict.action for t in ("0.6|a", "0.6|b")]  # type: ignore[union-attr]
    assert actions == ["caution", "caution"]


def test_cautious_turns_far_apart_are_each_read_alone() -> None:
    conv = _conversation(ScriptedReply(("Okay. ",)))
    actions = [asyncio.run(conv.run(t)).verdict.action for t in ("0.6|a", "0.1|b", "0.1|c", "0.6|d")]  # type: ignore[union-attr]
    assert actions == ["caution", "allow", "allow", "caution"]
