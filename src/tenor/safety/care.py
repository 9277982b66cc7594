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
either note; the one thing to do next must not hang on it. It is left out where that message says the call is made or
help has come (``already_called``: "ok i called them, what now?"), since telling someone to do what they have just
done reads as not listening; never for a question, a wish or a call not made. And where the model gives a phone
number tenor has not vetted (``safety.numbers``), the locale's own line for the concern is said in its place
(``number_line``).

In an emergency (the turn right after an answer that asked for a call, or a later turn of its care window that says
help has come), a refusal that the classifier alone decided as violence, harassment or drugs is worded for that moment
(``helped_refusal``), after the call again on that first turn: the classifier refused "the ambulance is here im going
with her" as violence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, Literal, get_args

from tenor.safety import normalize
from tenor.safety.crisis import CrisisWords, Resource, resource_for
from tenor.vocab import SafetyCategory

Concern = Literal["own", "acted", "other", "other-acted", "threatened", "poisoned", "pet", "emergency", "pet-emergency"]
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
    "emergency": ("emergency",),
    "emergency-pet": ("pet-emergency",),
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
    if concern == "emergency":
        # The call handler talks the caller through first aid; a 135M model's version of it could kill.
        return (
            "the user told of a medical emergency happening now and was told to call "
            f"{emergency}: be calm and brief, never give first aid or medical instructions yourself, and if they "
            "have not called yet, urge them to call now and to follow what the person on the call says."
        )
    if concern == "pet-emergency":
        return (
            "the user told of their pet in a medical emergency and was told to call a vet: be calm and brief, never "
            "give treatment advice yourself, and if they have not reached a vet yet, urge them to call one now."
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


# The person says the call is made or help has come ("i called them", "poison control said to watch her", "the
# ambulance is on its way", "we're at the vet"): the reminder would tell them to do what they have done. Never a
# question or a wish ("should i call?", "i want to call"), a call to someone else ("i called my sister"), a call not
# made, failed or long past ("i haven't called", "no one is answering", "i called 911 last year").
_SERVICE: Final = (
    r"(?:911|999|112|000|111|988|nine one one|nhs(?: 111)?|poison control|the poison (?:line|centre|center|people)|"
    r"(?:the|a|an|our) (?:after hours |out of hours |emergency )?vets?|vet|the operator|operator|the dispatcher|"
    r"dispatcher|the (?:911|999|112|poison) (?:lady|guy|man|woman|person|operator|nurse)|the nurse on the \w+ line)"
)
_HELP: Final = (
    r"(?:the ambulance(?: crew| guys| people)?|an ambulance|ambulance|paramedics?|the paramedics?|emts?|the emts?|ems|"
    r"medics|the medics|firefighters|the fire (?:department|brigade|service)|fire (?:department|brigade|service)|"
    r"(?:the |an )?(?:air ambulance|helicopter)|help|the police|police|they|theyre|they're)"
)
_CALLED: Final = re.compile(
    # Someone called the service: "i called them", "called 999, what now?", "yeah i did call already".
    r"(?:^|[.!,;:]\s*|\b(?:and|so|ok|okay|yes|yeah|yep|um|done|already|just)\s+)(?:(?:i|we|my \w+|he|she|they|someone|"
    r"a neighbou?r|the \w+)(?:'ve|ve| have| has| did| had)? )?(?:already |just |now |finally )?(?:called|calld|rang|"
    r"phoned|dialled|dialed|rung|did call|reached|got through to|spoke to|spoken to|talked to)(?= (?:them|em|it|"
    r"an? ambulance|the ambulance|emergency|the emergency \w+|the number|the helpline|the line|for help|"
    rf"for an ambulance|{_SERVICE})\b| *(?:$|[.!,;:]| and\b| but\b| already\b| now\b| they\b| theyre\b| what\b))"
    # The service spoke: "poison control said to watch her", "911 is telling me how to do compressions".
    rf"|\b(?:{_SERVICE}|{_HELP})(?: \w+)? (?:said|says|told|tells|asked|asks|is asking|are asking|wants?|confirmed|"
    r"is telling|are telling|hung up after|is still on|is on the|is with me|is on speaker|is talking)\b"
    # On the line: "on hold with poison control", "the dispatcher is still on the line", "i have 999 on the other
    # phone".
    rf"|\bon (?:the line|hold|the phone|speaker)(?: with| to)? {_SERVICE}\b|\b{_SERVICE}\b[^.!?]{{0,15}}\b(?:on the "
    rf"(?:line|phone)|on speaker|with me|on the other phone)\b|\bhave {_SERVICE} on\b|\btalking to {_SERVICE}\b"
    # Help has come or is coming: "the ambulance just pulled up", "paramedics arrived", "they're 3 minutes away".
    rf"|(?<!\bis )(?<!\bwill )(?<!\bwhen )(?<!\bare )(?<!\bis the )(?<!\bwill the )(?<!\bwhen the )(?<!\bare the )"
    rf"(?<!\bif the )(?<!\bif )\b{_HELP}\b(?:'s|'re|re| is| are)? (?:already |just |now |finally "
    r"|still )?(?:arrived|here|got here|pulled up|walked in|came|took (?:him|her|them)|taking (?:him|her|them)|working "
    r"on|landing|checking|giving|have (?:him|her|them)|took over|taking over|\d+ (?:mins?|minutes?) (?:out|away)|"
    r"(?:a few |five |ten )?minutes (?:out|away)|on (?:its|their|the) way|sending|sent|coming|"
    r"with (?:us|him|her|them))\b"
    # At the hospital or the vet, or on the way: "we just arrived at the emergency room", "driving to the vet now".
    r"|\b(?:we'?re|we are|were|i'?m|i am|im|he'?s|she'?s|they'?re|just got|just arrived|arrived|got|now) (?:now "
    r"|already |just )?(?:at|in|to) (?:the )?(?:vets?|emergency vet|animal hospital|hospital|er|a&e|emergency room|"
    r"urgent care|ambulance|resus)\b|\bon (?:our|my|the) way (?:to|in to) (?:the )?(?:vets?|animal hospital|hospital|"
    r"er|a&e)\b|\bdriving (?:there|over|to the (?:vets?|hospital|er))\b|\bfollowing (?:in the car|the ambulance)\b|"
    r"\bthe vet is (?:seeing|looking at|with|examining)\b"
)
# A call not made, failed or long past, read first: "i haven't called anyone yet", "no one is answering", "i called
# 911 last year for my dad".
_NOT_CALLED: Final = re.compile(
    r"\b(?:haven'?t|havent|have not|hasn'?t|has not|didn'?t|did not|can'?t|cant|cannot|couldn'?t|won'?t|not) (?:yet )?"
    r"(?:called|call|rang|ring|phoned|phone|dialled|dialed|reached|reach|got through|get through)\b|\bno one (?:has )?"
    r"(?:called|answered|answering|is answering|picked up)|\bnobody (?:has )?(?:called|answered|answering|is answering|"
    r"picked up)|\b(?:hung up on me|got cut off|call (?:dropped|failed|cut out)|no answer|line is busy|busy tone|went "
    r"to voicemail|not picking up|keeps ringing|no signal)\b|\b(?:last (?:year|month|week|time|summer|winter|spring|"
    r"autumn|fall|christmas)|yesterday|(?:(?:\d+|a|two|three|few|many) )?(?:years?|months?|weeks?|days?) ago|back when|"
    r"when i was)\b"
)


def already_called(text: str) -> bool:
    """Whether a message says the call asked for is made or help has come (the reminder is then not said)."""
    view = normalize.basic(text)
    return _CALLED.search(view) is not None and _NOT_CALLED.search(view) is None


# Said in place of a refusal that the classifier alone decided, in an emergency: the turn right after a crisis answer
# that asked for a call, or a later turn of its care window whose message says help has come (``already_called``).
# Trained on no talk of ambulances, hospitals or the police, the classifier refused "the ambulance is here im going with
# her" as violence (0.97), and the person heard "I can't help with hurting anyone. If you're angry or scared about
# someone...". It is still a refusal, with no word of the model's: a request in the same setting to hide or finish a
# harm ("police are on the way, where do i put the knife") reads alike to the classifier, so neither is answered; this
# says so, where answers are, and that tenor is there, and invites no question (a threat said in the same window, "i'm
# going to finish him off before the ambulance gets here", hears it too, where a rule does not read the threat).
HELPED: Final = (
    "I can't go into that here.",
    "The emergency services, the doctors or the vet can tell you what happens next, and I'm here if you want to talk "
    "while you wait.",
)
# The crisis answers that ask for a call (an emergency number, a poison service, a vet): the turn right after one opens
# with that call again (``reminder``).
_CALL_ASKED: Final[frozenset[CrisisWords]] = frozenset(
    {"acted", "other-acted", "emergency", "emergency-pet", "poisoned", "poisoned-pet"}
)
# The concerns those answers raise: the care window of one is an emergency's.
_EMERGENCY_CONCERNS: Final[frozenset[Concern]] = frozenset(
    {"acted", "other-acted", "emergency", "pet-emergency", "poisoned", "pet"}
)
# The only refusals worded this way: the three the classifier gives such messages in the rows written for them
# (violence; harassment; illegal drugs, "on the line with poison control right now they want to know how much she
# took"). Every other category keeps its own words (a sexual request, hate, an injection), whatever the setting.
_MISREAD: Final[frozenset[SafetyCategory]] = frozenset({"violence", "harassment", "illegal_drugs"})


def helped_refusal(
    text: str,
    categories: Sequence[SafetyCategory],
    reasons: Sequence[str],
    answered: CrisisWords | None = None,
    concerns: Sequence[Concern] = (),
) -> list[str]:
    """``HELPED``, said in place of the category's refusal of ``text``, or none. Only where every category of the
    verdict is one the classifier misreads in an emergency (``_MISREAD``) and no reason but the classifier's names
    one (a rule's refusal keeps its words), and in an emergency: right after a crisis answer that asked for a call
    (``answered``; the call is said again first, ``reminder``), or in the care window of one (``concerns``, the
    session's while in care) where the message says help has come."""
    if not categories or not set(categories) <= _MISREAD:
        return []
    if any(r.split(":", 1)[0] in categories for r in reasons):
        return []
    emergency = answered in _CALL_ASKED or (bool(_EMERGENCY_CONCERNS & set(concerns)) and already_called(text))
    return list(HELPED) if emergency else []


def reminder(locale: str, words: CrisisWords | None, text: str = "") -> list[str]:
    """The vetted sentences said first in the turn right after the crisis answer ``words`` (None: no crisis answer
    the turn before), where that answer asked for a call: the same call again, for one who has not made it yet
    (``text``, the person's message this turn: none where it says the call is made or help has come)."""
    # Read only on the turn after a crisis answer: every other turn has no reminder to leave out.
    if words is None or already_called(text):
        return []
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
    if words in ("acted", "other-acted", "emergency"):
        return [f"In case you haven't called yet, please call {res.emergency_number} now."]
    if words == "emergency-pet":
        return ["In case you haven't reached a vet yet, please call your vet or an emergency vet now."]
    return []


def number_line(locale: str, concerns: Sequence[Concern] = ()) -> str:
    """Said in place of a reply sentence dropped for a phone number tenor has not vetted (``safety.numbers``): the
    locale's own line for what the conversation is about, or, outside care, why no number is given."""
    res = resource_for(locale)
    if "poisoned" in concerns:
        return res.poison or f"Please call your local poison centre, or {res.emergency_number} if you can't reach one."
    if "pet" in concerns or "pet-emergency" in concerns:
        return "Please call your vet or an emergency vet."
    if "acted" in concerns or "other-acted" in concerns or "emergency" in concerns:
        return f"Please call {res.emergency_number} now if no one has yet."
    if "own" in concerns or "other" in concerns:
        return f"You can reach {res.name} by {res.contact}."
    if "threatened" in concerns:
        return f"If you're in danger right now, please call {res.emergency_number}."
    return "I can't be sure of phone numbers, so I won't give one: the service's own website will have the right one."
