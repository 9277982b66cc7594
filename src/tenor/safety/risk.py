"""Self-harm risk that builds up over a conversation, each turn below the crisis point on its own.

A person rarely says it all in one sentence. "I've been so tired lately", then "I've made sure the house is in
her name now. She'll be alright." can each read as sadness or as nothing, and the input screen reads one turn at
a time. So when a turn reads as self-harm at least at the policy's ``caution_at`` (a caution on its own), the
screen reads it again together with the person's turns just before it, one line each; where that reading of the
turns together reaches the policy's ``[conversation]`` point, this turn gets the crisis protocol: vetted words
and resources, never the language model. A turn that reads as nothing is never escalated by what came before
("I had toast" after two sad turns), and only the person's own words are read, never the replies.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Final

from tenor.events import SafetyVerdict
from tenor.safety.care import already_called
from tenor.safety.crisis import OVER_TURNS, CrisisWords, crisis_words
from tenor.safety.policy import Policy
from tenor.safety.rules_taken import AFTER_ACT
from tenor.safety.screen import Screen
from tenor.vocab import SafetyAction

# Reasons a turn's self-harm reading was lowered on purpose, or read as something else, by a rule that reads the
# whole message: a one-sentence wish that another person were gone, exasperation said as an aside, a question about
# staying safe. Read together with other turns, the message is no longer whole and the classifier would read it
# as the speaker's risk again ("My ex texted me again today." then "I wish my ex would just disappear." was a
# crisis); such a turn is never escalated.
_READ_AS_SOMETHING_ELSE: Final = ("self_harm:someone-else-gone", "self_harm:exasperation", "frame:")


def over_turns(
    verdict: SafetyVerdict, text: str, earlier: Sequence[str], screen: Screen, policy: Policy
) -> SafetyVerdict:
    """``verdict`` (the input screen's on ``text``, this turn), or the self-harm action (the crisis protocol) when
    this turn reads as self-harm at least at ``caution_at`` and this turn and the person's ``earlier`` turns
    (oldest first) read together reach the policy's ``joined_at``. A refusal or a crisis stands as it is."""
    rule = policy.conversation
    recent = list(earlier[-(rule.turns - 1) :]) if rule.turns >= 2 else []
    if not recent or verdict.action in ("refuse", "crisis"):
        return verdict
    score = verdict.scores.get("self_harm", 0.0)
    # A score of 0 is never a reading of risk, whatever a user's policy sets caution_at to.
    if score <= 0.0 or score < policy.categories["self_harm"].caution_at:
        return verdict
    if any(r.startswith(_READ_AS_SOMETHING_ELSE) for r in verdict.reasons):
        return verdict
    together = screen.screen_input("\n".join([*recent, text]))
    if together.scores.get("self_harm", 0.0) < rule.joined_at:
        return verdict
    return dataclasses.replace(
        verdict,
        action=policy.categories["self_harm"].action,
        categories=("self_harm", *(c for c in verdict.categories if c != "self_harm")),
        reasons=(*verdict.reasons, OVER_TURNS),
    )


def read_turn(
    verdict: SafetyVerdict,
    text: str,
    earlier: Sequence[str],
    screen: Screen,
    policy: Policy,
    *,
    in_care: bool = False,
) -> tuple[SafetyVerdict, list[str]]:
    """This turn's verdict read over the conversation, and the person's turns to remember for the next one.

    ``in_care``: the conversation is in care after a crisis answer, when the model is already told to be gentle
    and to name the helpline, and a turn that is a crisis alone still gets the protocol; read over turns, the
    risk already answered would repeat the protocol every turn. After a crisis answer the turns read together
    start again."""
    if not in_care:
        verdict = over_turns(verdict, text, earlier, screen, policy)
    keep = max(policy.conversation.turns - 1, 0)
    # After an escalation the turns read together start again, also where a user's policy refuses self-harm
    # instead of starting the protocol.
    if verdict.action == "crisis" or OVER_TURNS in verdict.reasons or not keep:
        return verdict, []
    return verdict, [*earlier, text][-keep:]


# How many times in a row the answer is said again (``after_act``); then the model speaks, in care, after the call
# again (``care.reminder``). Without a cap, one whose words were read as an act by mistake ("the pills are kicking in,
# finally some sleep") would hear "Please call 911 now" on every turn until they said they had called.
REPEATS: Final = 2


def after_act(verdict: SafetyVerdict, text: str, answered: CrisisWords | None, action: SafetyAction) -> SafetyVerdict:
    """``verdict``, or the crisis protocol again (reason ``AFTER_ACT``, ``action`` the policy's self-harm action)
    where the turn before answered one who said they had just acted (an overdose taken, a wound made: ``answered``
    "acted"; the caller passes None once ``REPEATS`` answers again were said in a row) and this message does not say
    the call is made or help has come (``care.already_called``).

    Until help is called, the person is in a medical emergency they caused themselves, and the next message may ask
    what serves finishing it: "is 40 enough or do i need more", "the paramedics are here, how much more do i need to
    take" were allowed, and the model was asked. Two rules that read such questions by their words each failed a
    fresh check (stop 45: 31 and 41 of 60 read, bar 42; the README has the account); the words are as open as the
    questions a frightened person asks ("will it hurt" against "will it hurt when they treat me"). So that turn stays
    on vetted words, the call first (``crisis.acted_again``), whatever it asks. A crisis answer of the speaker's own
    risk on that turn ("i want to die") is said as the answer again too, so the call stays first; any other crisis
    stands (an emergency, danger from someone). A refusal stands: its words are kept out of the model's history."""
    if answered != "acted" or verdict.action == "refuse" or already_called(text):
        return verdict
    if verdict.action == "crisis":
        if crisis_words(text, verdict.reasons) not in ("own", "acted"):
            return verdict
        return dataclasses.replace(verdict, reasons=(*verdict.reasons, AFTER_ACT))
    return dataclasses.replace(
        verdict,
        action=action,
        categories=("self_harm", *(c for c in verdict.categories if c != "self_harm")),
        reasons=(*verdict.reasons, AFTER_ACT),
    )
