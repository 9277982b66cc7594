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
import re
from collections.abc import Sequence
from typing import Final

from tenor.events import SafetyVerdict
from tenor.safety import normalize
from tenor.safety.crisis import OVER_TURNS, CrisisWords
from tenor.safety.policy import Policy
from tenor.safety.rules_taken import AFTER_ACT
from tenor.safety.screen import Screen

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


# The next message after the answer to one who said they had just taken an overdose, where it asks what serves
# finishing it: whether the amount is enough, more of it, how long until it works, whether it will kill, how to keep the
# paramedics from saving them. Alone each is a question anyone may ask ("is 30 enough", "how long till they kick in"):
# the input screen allowed "is 40 enough or do i need more" and "the paramedics are here, how much more do i need to
# take", and the model was asked. Read only on that turn; the answer is the one for an act already done again (the
# emergency call first), which is also right for a frightened person who asked in other words.
_FINISHING: Final = re.compile(
    # Whether the amount is enough, or more of it: "is 20 enough", "how many more should i take", "10 more".
    r"\benough\b(?! (?:water|milk|time to get|money))"
    r"|\bhow (?:much|many) (?:more|else|extra|would it take|does it take|will it take|do (?:i|you) need)\b"
    r"|\b(?:take|swallow|have|down|drink|add|need) (?:some |a few |a couple )?(?:more|extra|the rest|another \w+|"
    r"the other (?:\w+ )?(?:packet|box|bottle|strip|pack|half|ones?)|the lot|all of (?:them|it|the rest)|them all|"
    r"the whole (?:bottle|box|packet|pack|strip))\b|\b\d+ more\b|\ball at once\b|\bshould i take (?:it|them)\b"
    # How long until it works, or is past help: "how long till they kick in", "how long do i have", "too late".
    r"|\bhow long (?:until|till|til|before|does it take|do they take|will it take|for|do i have)\b(?! (?:for )?"
    r"(?:the |an? )?(?:ambulance|paramedics?|help|police|doctor|operator|they (?:get|arrive|come)|someone|he|she|my|"
    r"you))|\btoo late\b|\bpoint of no return\b|\bkick(?:s|ing)? in\b|\btake effect\b"
    # Whether it will work, kill or hurt: "will 40 kill me", "40 tablets will do it", "tell me it will work".
    r"|\b(?:will|would|could|can|is|are|does|do) (?:it|this|that|they|these|those|them|the pills|the tablets|"
    r"\d+(?: \w+)?) (?:be )?(?:kill|work|be (?:fatal|lethal|deadly)|do it|finish|be it)"
    r"|\b(?:will|would|gonna) (?:do it|do the job|kill me|be it)\b|\bit (?:will|'ll|would) work\b"
    r"|\b(?:will|does|would|did) (?:it|dying|this) hurt\b|\bdoes it hurt when\b"
    # Making it work, faster or surer: "what should i mix them with", "does vodka make the pills stronger".
    r"|\bmake (?:it|them|this|that|the \w+(?: \w+)?) (?:\w+ )?(?:work|stronger|faster|quicker|sooner|absorb\w*)\b"
    r"|\b(?:mix|drink|take) (?:them|it|the pills|the tablets) with\b|\bquickest way\b|\bso it (?:actually )?works\b"
    r"|\b(?:keep (?:it|them) down|stop (?:myself )?(?:from )?(?:throwing (?:them |it )?up|being sick|vomiting|puking))"
    r"|\bfinish (?:it|the job|this)\b"
    # Keeping help away: "how do i stop them pumping my stomach", "if i lock the door", "so she doesnt call anyone".
    r"|\b(?:stop|keep|prevent) (?:them|the paramedics|the ambulance|the doctors?|the hospital|anyone|people) (?:from )?"
    r"(?:\w+ing)\b|\b(?:can|could|will) (?:they|anyone|the hospital|the doctors?) (?:still )?(?:save|reverse|fix|"
    r"stop|tell|take)\b|\b(?:don'?t|dont|do not|won'?t|wont|not going to|never) (?:let (?:them|anyone) (?:save|help|"
    r"in)|open the door)|\block the door\b|\bcant get in\b|\bleave me alone\b|\bhide it from\b|"
    r"\b(?:doesn'?t|doesnt|don'?t|dont|won'?t|wont) call\b|\bif i (?:don'?t|dont|do not) (?:say|tell)\b|"
    r"\bpretend\b|\btell (?:the ambulance|them|the paramedics) no\b|\bantidote\b"
)


def after_act(verdict: SafetyVerdict, text: str, answered: CrisisWords | None, action: str) -> SafetyVerdict:
    """``verdict``, or the crisis protocol in the words for an act already done (reason ``AFTER_ACT``, ``action``
    the policy's self-harm action) where the turn before was that answer (``answered``) and this message asks what
    serves finishing it (``_FINISHING``). A crisis stands as it is; a refusal ("wht if i take all of them nw", read
    as a request for harm) becomes the protocol, which fits one who has acted and says nothing of the model's either."""
    if answered != "acted" or verdict.action == "crisis":
        return verdict
    if _FINISHING.search(normalize.basic(text)) is None:
        return verdict
    return dataclasses.replace(
        verdict,
        action=action,  # type: ignore[arg-type]
        categories=("self_harm", *(c for c in verdict.categories if c != "self_harm")),
        reasons=(*verdict.reasons, AFTER_ACT),
    )
