"""Danger from someone else told to tenor: another person has said they will kill or hurt the speaker.

"my boyfriend said he'll kill me when he gets home. he just texted me, i'm scared" was allowed, "my husband says
he'll kill me tonight" too, and "he said if i go to the police he'll kill me and my mum" was refused as a request
for violence: the classifier reads the words of harm, not who they are aimed at, and the self-harm rule leaves
"he'll kill me" alone on purpose, since "my dad will kill me if he finds out" is a figure of speech. A threat
*told* (said, texted, sworn, threatened: ``told``) is the sign read here; but the same words carry most figures
too ("my girlfriend said she'd kill me if i ate the leftover pizza"), and only what is at stake tells them apart.
So the layered screen takes a threat told for danger only where the classifier also reads harm to a person in
the message at least at a caution (``classifier.LayeredScreen``): then the message gets the crisis protocol
(vetted text, never the model) in the words for a person in danger from someone else
(``crisis.crisis_answer``). It only ever raises a verdict to the protocol, never lowers one; the rules alone
(``safety.screen = "rules"``) do not use it.

Said as a joke, in a game or a sport in the same sentence ("my brother said he'd kill me at fifa lol") it is
not read as told.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from tenor.safety.patterns import GAMES
from tenor.safety.rule import Rule, fires
from tenor.safety.rule import rule as _r
from tenor.vocab import SafetyCategory

# The other person, as the subject of what they said: anyone but the speaker ("i", "we") or the listener.
_SUBJECT: Final = r"\b(?!(?:i|we|you|u|i've|i'd|we've|we'd)\b)[a-z']+"
# Nor the word just before what was said ("when i say i'm dead inside").
_NOT_SPEAKER: Final = r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bu )(?<!\bi've )(?<!\bi'd )"
# The other person and up to four words more ("my ex keeps", "the guy i owe money").
_SOMEONE: Final = rf"{_SUBJECT} (?:\w+ ){{0,4}}?{_NOT_SPEAKER}"
# How a threat reaches the speaker: said, written, sent, sworn or shouted ("keeps texting me that", "told me").
_REPORTED: Final = (
    r"(?:said|says|say|saying|told (?:me|us)|tells (?:me|us)|telling (?:me|us)|texting(?: me)?|messaging(?: me)?|"
    r"writing|posting|yelling|screaming|shouting|texted(?: me)?|messaged(?: me)?|wrote(?: to me)?|posted|screamed|"
    r"shouted|yelled|swore|swears|promised|promises|warned (?:me|us)|threatened|threatens|threatening|"
    r"emailed(?: me)?|dm'?e?d(?: me)?|sent (?:me )?(?:a )?(?:message|text|note|dm) (?:saying|that)|left (?:me )?"
    r"(?:a )?(?:note|message|voicemail) (?:saying|that))"
)
# A condition said before the threat ("said if i leave him he'll ...").
_CONDITION: Final = (
    r"(?:(?:if|when|once|unless|as soon as|the (?:next|second|minute)(?: time)?|next time) [^.!?;]{1,60}?,? )?"
)
# The threatener's future: "he'll", "she is going to", "they'd".
_WILL: Final = (
    r"(?:he|she|they|someone|somebody|his (?:\w+ )?(?:mates|friends|boys|brothers?|cousins|guys)|her (?:\w+ )?"
    r"(?:mates|friends|brothers?|cousins|boyfriend))(?:'ll|'d| will| would| is going to| is gonna|'s going to|"
    r"'s gonna| was going to| was gonna| were going to| are going to| are gonna|'re going to|'re gonna| gonna)"
)
# What is done to the speaker: "kill me", "break my legs", "burn the house down with us inside".
_HARM: Final = (
    r"(?:kill|murder|shoot|stab|strangle|choke|hurt|harm|beat|bash|batter|smash|cut|slit|slice|burn|poison|drown|"
    r"end|finish|knife|attack|jump|hit|punch|kick|rape|torture|break|push|throw|run)"
)
_TARGET: Final = (
    r"(?:(?:me|us)\b(?! (?:out|off|up on|through|at (?:\w+ )?(?:chess|tennis|poker|cards|fifa|pool|darts)))|"
    r"(?:both |all )?(?:my|our) (?:\w+ )?(?:throat|neck|head|face|legs?|arms?|fingers|kneecaps|skull|teeth|ribs|"
    r"jaw|eyes?|body|kids?|children|son|daughter|baby|family|mum|mom|mother|dad|little (?:brother|sister))\b|"
    r"(?:the|my|our) (?:house|flat|home|apartment|car|place)(?: down)? with (?:me|us)(?: \w+)? (?:in|inside)\b)"
)
# Harm said in other words: "make sure i don't make it home", "put me in the hospital".
_HARM_OTHERWISE: Final = (
    r"(?:make sure (?:i|we) (?:never|don't|won't|do not) (?:make it|get|come) (?:home|back|out)|make sure (?:i|we) "
    r"end up (?:in (?:the )?(?:hospital|ground|morgue|grave)|dead)|put (?:me|us) in (?:the |a )?(?:hospital|"
    r"ground|grave|wheelchair|coffin))"
)
# A weapon beside the threat ("he's going to kill me, he has a knife").
_WEAPON: Final = r"(?:guns?|knife|knives|rifle|shotgun|pistol|machete|axe|hammer|baseball bat|blade|razor|weapon)"

# Danger said beside a threat told: fear, the police or a court order, hiding, a real weapon, harm already done, a
# threatener who knows where the speaker is. A figure of speech rarely says any of these; the threat itself ("beat me
# up") is not counted as harm already done.
_DANGER: Final = re.compile(
    r"\b(?:scared|afraid|terrified|frightened|petrified|police|cops?|911|999|112|(?:restraining|protection|"
    r"protective|no[- ]contact) orders?|order of protection|hiding|locked (?:myself|me|us) in|shelter|safe house|"
    r"means it|meant it|(?:not|isn't|wasn't) joking|done it before|did it before|(?<!water )(?:guns?|rifle|shotgun|"
    r"pistol)|knife|knives|machete|weapon|(?:choked|strangled|hit|punched|kicked|stabbed|beaten) (?:me|us)|"
    r"tracks? my|follow(?:ed|ing|s) me|outside my|knows where i live|my address|jail|prison)\b"
)

# The reason a verdict carries when a threat told gets the crisis protocol.
TOLD: Final = "self_harm:threatened"
# What a threat told scores for self-harm, the category whose action is the crisis protocol.
TOLD_SCORE: Final = 0.95
# The categories of the classifier's reading that say harm to a person is meant (at their policy caution_at).
HARM_TO_A_PERSON: Final[tuple[SafetyCategory, ...]] = ("violence", "self_harm", "harassment")

_TOLD: Final[Rule] = _r(
    "self_harm",
    0.95,
    "threatened",
    # Reported: "he said he'd kill me", "my ex keeps texting that she's going to hurt me", "she told me if i
    # leave she'll stab me", "he swore on his mother he's gonna end me".
    rf"{_SOMEONE}{_REPORTED}(?: me| us)?(?: that)?(?: \w+){{0,4}}?,? {_CONDITION}{_WILL} "
    rf"(?:\w+ ){{0,4}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})|"
    # "my dad threatened to beat me", "is threatening to come here and kill me", "threatened me with a knife".
    rf"{_SOMEONE}(?:threatened|threatens|threatening|threatend) (?:me |us )?(?:to |with )"
    rf"(?:\w+ ){{0,5}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})|"
    rf"\bthreaten(?:ed|s|ing)? (?:me|us) with (?:a|his|her|their|the) (?:\w+ )?{_WEAPON}\b|"
    # "the guy i owe money says i'm dead if i don't pay".
    rf"{_SOMEONE}{_REPORTED}(?: me| us)?(?: that)? (?:i'm|im|i am|i'll be|i'd be|we're|we'll be) (?:dead|a dead "
    r"(?:man|woman|girl|boy))\b|"
    # Meant, with a weapon beside it: "he's going to kill me, he has a knife".
    rf"\b{_WEAPON}\b.{{0,80}}\b{_WILL} (?:\w+ ){{0,4}}?{_HARM} {_TARGET}|"
    rf"\b{_WILL} (?:\w+ ){{0,4}}?{_HARM} {_TARGET}.{{0,80}}\b{_WEAPON}\b",
    # Said in play, in a game or a sport: the figure, read as before.
    context=(
        r"\b(?:lol|lmao|haha\w*|hehe\w*|jk|joking|kidding|a joke|jokingly|banter|teasing)\b",
        GAMES,
        r"\b(?:at|in) (?:chess|tennis|poker|cards|fifa|mario ?kart|darts|pool|squash|golf|ping pong|monopoly|"
        r"scrabble|boxing|sparring|training|practice|the (?:game|match|race|final))\b",
    ),
    where=("input",),
)


def told(view: str, breaks: Sequence[int] = ()) -> bool:
    """Whether a normalised view of the person's words tells of another person's threat to kill or hurt them
    (``breaks``: where its lines end, as for a rule's context)."""
    return fires(_TOLD, view, breaks)


def danger_said(view: str) -> bool:
    """Whether a normalised view of the person's words says something of danger beside a threat (``_DANGER``)."""
    return _DANGER.search(view) is not None


# The speaker's own risk said beside a threat ("... and part of me wishes he would", "... i'd rather end it myself"):
# the crisis answer for the speaker's own risk instead. Not complete, and need not be: the answer to a threat also
# names thoughts of ending one's life and the line for them (``crisis.crisis_reply``).
_OWN_RISK: Final = re.compile(
    r"\b(?:(?:wish|hope|hoping|want|wanted)(?:es|ed|ing)? (?:\w+ )?(?:he|she|they|him|her|them|it)"
    r"(?:'d| would| will| to)? (?:\w+ )?(?:does|do|did|would|will|use it|go through|finish|kill|end|happen|"
    r"go too far|hurry)|"
    r"let (?:him|her|them)\b(?! (?:know|in|go|see|out|down)\b)|go ahead|save (?:him|her|them) the trouble|"
    r"(?:do|end|finish) (?:it|this) (?:to )?myself|myself first|(?:kill|hurt|harm|cut|end) myself|"
    r"be done with|i'm done\b|i am done\b|not (?:going to|gonna) (?:run|fight|hide|lock)|not locking|"
    r"(?:keep|stop|go on) living|want to (?:die|be dead|disappear)|rather (?:be dead|die)|better off (?:dead|without)|"
    r"goodbye|last (?:message|words|statement)|can'?t (?:go on|do this|take (?:it|this))|overdos\w*|pills|"
    r"bridge|razor|don'?t (?:even )?care (?:anymore|any more|if i die)|at least (?:it'?ll|i won'?t|i wouldn'?t)|"
    r"(?:finally|all) be over)"
)


def own_risk_beside(view: str) -> bool:
    """Whether a normalised view of the person's words says their own risk beside a threat (``_OWN_RISK``)."""
    return _OWN_RISK.search(view) is not None
