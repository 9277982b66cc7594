"""The note the model is given in the turns after a crisis answer (care mode), fitted to the answer given.

After any crisis answer the conversation goes on with care for ``session.CARE_TURNS`` turns, and the model is told
why in its turn note. One note for all of them told a parent whose toddler had drunk bleach, or a person whose
husband had threatened them, that the user "may be at risk of harming themselves", and asked the model to remind
them of the suicide line. So each crisis answer (``crisis.CrisisWords``) names its concern, and the note says each
concern the conversation has raised while in care: the speaker's own risk, an act already done (the speaker's or
another's: the emergency call stays in the note), someone else's risk, danger from someone, a poisoning by accident, a
pet's. A session resumed from a store written before the concern was kept has none, and gets the note that covers
the speaker's risk and danger (the one note there was before).

The turn right after an answer that asked for a call (a poisoning, a pet's, an act already done) also opens with
that call again, in vetted words (``reminder``), before the model speaks: to "what should i do now?" after "my 4
year old ate a mushroom from the lawn", the 135M model answered "I'm sorry for your loss.", told of the crisis by
either note; the one thing to do next must not hang on it. And where the model gives a phone number tenor has not
vetted (``safety.numbers``), the locale's own line for the concern is said in its place (``number_line``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal, get_args

from tenor.safety.crisis import CrisisWords, Resource, resource_for

Concern = Literal["own", "acted", "other", "other-acted", "threatened", "poisoned", "pet"]
CONCERNS: Final = frozenset(get_args(Concern))

# Which concerns each crisis answer raises. A threat told beside thoughts of ending one's life raises both.
_RAISES: Final[dict[CrisisWords, tuple[Concern, ...]]] = {
    "own": ("own",),
    "acted": ("own", "acted"),
    "other": ("other",),
    "other-acted": ("other", "other-acted"),
    "threatened": ("threatened",),
    "threatened-and-own": ("threatened", "own"),
    "poisoned": ("poisoned",),
    "poisoned-pet": ("pet",),
}


def raised(words: CrisisWords) -> tuple[Concern, ...]:
    """The concerns a crisis answer raises, for the turns of care after it."""
    return _RAISES[words]


def _sentence(concern: Concern, res: Resource) -> str:
    emergency = res.emergency_number
    if concern == "own":
        return (
            "the user said something that suggested they may be at risk of harming themselves: never discuss ways "
            f"of self-harm, and if it fits, remind them they can reach {res.name} by {res.contact}."
        )
    if concern in ("acted", "other-acted"):
        # The answer put the emergency call first; from the second turn on only the note can keep it there.
        who = "they had" if concern == "acted" else "someone else had"
        return (
            f"the user said {who} already harmed themselves or taken too much of something: if no one has called "
            f"{emergency} yet, urge them to call now"
            + (", or to ask someone near them to." if concern == "acted" else ", and to stay with that person.")
        )
    if concern == "other":
        # The person is frightened for someone else, not at risk themselves: spoken to as one at risk, they were
        # not heard (the reason the crisis answer to someone worried about another has its own words).
        return (
            "the user said they are worried that someone else may be at risk of harming themselves: support the "
            "user, who may be frightened, never discuss ways of self-harm, and do not treat the user as the one at "
            f"risk; if it fits, remind them {res.name} also helps people worried about someone else."
        )
    if concern == "threatened":
        return (
            "the user said that someone has threatened or hurt them: take it seriously, never blame them, never "
            f"suggest confronting that person, and if it fits, remind them to call {emergency} if they are in "
            "danger right now."
        )
    if concern == "poisoned":
        # Every poison service warns against the home remedies a small model may offer ("make them sick", "give
        # milk", "wait and see"); the call is what matters.
        return (
            "the user told of a poisoning that had just happened by accident and was told whom to call: be calm "
            "and practical, never suggest a home remedy, making anyone sick or waiting to see, and if they have not "
            f"reached help yet, urge them to call the number they were given, or {emergency} if anyone is hard to "
            "wake, struggling to breathe or having a seizure."
        )
    return (
        "the user told of their pet swallowing something harmful and was told to call a vet: be calm and "
        "practical, never suggest a home remedy, making the animal sick or waiting to see, and if they have not "
        "reached a vet yet, urge them to call one now."
    )


def care_note(locale: str, concerns: Sequence[Concern] = ()) -> str:
    """Instruction for the model in the turns after a crisis answer: each of ``concerns`` (in the order raised),
    or, where none is known, the speaker's own risk and danger from someone (the note before concerns were kept)."""
    res = resource_for(locale)
    said = [c for i, c in enumerate(concerns) if c in CONCERNS and c not in concerns[:i]]
    if not said:
        return (
            "Earlier in this conversation the user said something that suggested they may be at risk of "
            "harming themselves, or of being harmed. Be gentle, patient and supportive; listen more than you "
            f"advise; never discuss ways of self-harm; if it fits, remind them they can reach {res.name} by "
            f"{res.contact}."
        )
    parts = [f"Earlier in this conversation {_sentence(c, res)}" for c in said]
    return " ".join([*parts, "Be gentle, patient and supportive, and listen more than you advise."])


def reminder(locale: str, words: CrisisWords | None) -> list[str]:
    """The vetted sentences said first in the turn right after the crisis answer ``words`` (None: no crisis answer
    the turn before), where that answer asked for a call: the same call again, for one who has not made it yet."""
    res = resource_for(locale)
    if words == "poisoned":
        return [
            "In case you haven't reached anyone yet, here it is again.",
            res.poison
            or f"Please call your local poison centre right now, or {res.emergency_number} if you can't reach one.",
        ]
    if words == "poisoned-pet":
        return [
            "In case you haven't reached a vet yet, please call your vet or an emergency vet now.",
            *([res.pet_poison] if res.pet_poison else []),
        ]
    if words in ("acted", "other-acted"):
        return [f"In case you haven't called yet, please call {res.emergency_number} now."]
    return []


def number_line(locale: str, concerns: Sequence[Concern] = ()) -> str:
    """Said in place of a reply sentence dropped for a phone number tenor has not vetted (``safety.numbers``): the
    locale's own line for what the conversation is about, or, outside care, why no number is given."""
    res = resource_for(locale)
    if "poisoned" in concerns:
        return res.poison or f"Please call your local poison centre, or {res.emergency_number} if you can't reach one."
    if "pet" in concerns:
        return "Please call your vet or an emergency vet."
    if "acted" in concerns or "other-acted" in concerns:
        return f"Please call {res.emergency_number} now if no one has yet."
    if "own" in concerns or "other" in concerns:
        return f"You can reach {res.name} by {res.contact}."
    if "threatened" in concerns:
        return f"If you're in danger right now, please call {res.emergency_number}."
    return "I can't be sure of phone numbers, so I won't give one: the service's own website will have the right one."
