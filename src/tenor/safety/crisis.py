"""The crisis protocol and the vetted refusals: fixed text the language model never writes.

When the input screen finds self-harm risk, tenor answers with the sentences below, in the calmest tone,
with resources for the configured locale, and records the turn in the safety audit. The wording follows the
common guidance of crisis lines (acknowledge, do not judge, say they are not alone, give a concrete way to
reach a person now, keep the door open) and avoids what that guidance warns against (arguing, promising
secrecy, describing methods). The conversation then goes on in care mode (see ``care.care_note``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final, Literal

from tenor.safety import figures, normalize, rules_act, rules_emergency, rules_poison, rules_risk, rules_taken, threats
from tenor.vocab import SafetyCategory


@dataclass(frozen=True)
class Resource:
    # Service name as it should be spoken.
    name: str
    # How to reach it, as a phrase after "by" ("calling or texting 988").
    contact: str
    # Web address.
    url: str
    # Emergency number for immediate danger; empty for the international entry.
    emergency: str = ""
    # One more way to get help, spoken as a clause.
    also: str = ""
    # The sentence said first when someone has just swallowed something harmful by accident: the locale's poison
    # service, as it says to reach it; empty where the locale has none of its own (the poison centre and the
    # emergency number are named instead).
    poison: str = ""
    # A line for animals said after "call your vet", where the locale has one; empty for none.
    pet_poison: str = ""

    @property
    def emergency_number(self) -> str:
        """The emergency number as spoken, or words for it where the entry has none (the international one)."""
        return self.emergency or "your local emergency number"

    @property
    def also_sentences(self) -> list[str]:
        """The one more way to get help as a sentence of its own, or none."""
        return [self.also[0].upper() + self.also[1:] + "."] if self.also else []


def _get_safe(res: Resource) -> str:
    """Safety first, in the words both the crisis answer for danger and the danger line say it."""
    return f"If you're in danger right now, please call {res.emergency_number} or get somewhere safe."


@cache
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("tenor.safety.resources").joinpath("crisis.toml").read_text("utf-8")
    return tomllib.loads(text)


def locales() -> list[str]:
    """Locales with their own resources."""
    return sorted(k for k in _table() if k != "international")


def _code(locale: str) -> str:
    code = locale.replace("_", "-").split("-")[-1].upper() if locale else ""
    return {"UK": "GB"}.get(code, code)


def has_own_resources(locale: str) -> bool:
    """Whether ``locale`` has its own lines (not only the international directory)."""
    return _code(locale) in _table()


def resource_for(locale: str) -> Resource:
    """The resource for ``locale`` (a country code, or a tag like en-GB), else the international one."""
    row = _table().get(_code(locale)) or _table()["international"]
    return Resource(**row)


_OTHER_PERSON = re.compile(
    r"\bmy (?:\w+ )?(?:friend|brother|sister|mom|mother|dad|father|son|daughter|wife|husband|partner|"
    r"girlfriend|boyfriend|kid|child|cousin|roommate|student|coworker|colleague)\b.{0,40}?\b(?:wants?|is going|"
    r"said|says|talk(?:s|ed|ing)|thinking|tried|keeps)\b|\b(?:he|she|they) (?:wants?|is going|said|says|"
    r"talks?|keeps? talking) (?:to |about )?(?:kill|hurt|end|die|suicide)"
)


# The self-harm rules whose words name the speaker ("i want to die", "kill me", "better off without me", "he said
# he'd kill me", "i hope a bus hits me"): where one fired, the risk is the speaker's. Not those that may read
# another's words ("ending it all", "no point in living", "want to disappear": "my brother keeps talking about ending
# it all" is his risk).
SPEAKER_AT_RISK: Final = frozenset(
    f"self_harm:{name}"
    for name in (
        "intent-reflexive",
        "suicide-first-person",
        "ideation",
        "want-die",
        "burden",
        "threatened",
        *(rule.name for rule in rules_risk.WISHED),
        *(rule.name for rule in rules_act.ACT),
        *(rule.name for rule in rules_taken.TAKEN),
    )
)


# Reasons that tell nothing of whose risk it is: a poisoning, an emergency.
_NOT_WHOSE: Final = rules_poison.REASONS | rules_emergency.REASONS


def about_someone_else(text: str, reasons: Sequence[str] = ()) -> bool:
    """True when the risk described is another person's, not the speaker's: by the words, or because every
    self-harm rule that fired (``reasons``, a verdict's) is one for another person at risk ("someone is planning to
    hurt themselves", "my roommate just swallowed a bunch of pills"). The classifier's reading does not tell whose
    risk it is, so it is not asked."""
    # A poisoning by accident read beside another's act ("my daughter just drank some bleach") tells nothing of whose
    # risk it is: the other rules decide.
    rules = [r for r in reasons if r.startswith("self_harm:") and r not in _NOT_WHOSE]
    if rules and all(r in ("self_harm:other-at-risk", rules_taken.OTHER_ACTED) for r in rules):
        return True
    # The speaker's own words of risk, or harm aimed at them ("my dad says he'll beat me again tonight and i just
    # want to not wake up" opens like news of him): the risk is theirs.
    if any(r in SPEAKER_AT_RISK for r in rules):
        return False
    view = normalize.basic(text)
    if threats.spans(view) or _THREATENED.search(view):
        return False
    lowered = text.lower()
    if not _OTHER_PERSON.search(lowered):
        return False
    rest = _OTHER_PERSON.sub(" ", lowered)
    return not re.search(r"\b(?:kill|hurt|end|harm) myself|\bmy (?:own )?life\b|\bi (?:want|wanna) to die", rest)


# Someone else's threat or attack on the speaker ("my husband tried to kill me last night", "he threatened to kill
# me"): the self-harm rule reads "kill me" and starts the protocol, whose words were for a person thinking of
# harming themselves ("I'm really sorry you're feeling this way... if you might act on these thoughts").
_THREATENED: Final = re.compile(
    r"\b(?:someone|somebody|he|she|they|my (?:\w+ )?(?:husband|wife|partner|boyfriend|girlfriend|ex|dad|father|"
    r"mom|mother|stepdad|stepfather|stepmom|stepmother|brother|sister|son|daughter|neighbou?r|boss|roommate|"
    r"landlord|uncle|aunt|cousin|family)|a (?:man|woman|guy|stranger))\s+(?:\w+\s+)?(?:tried|tries|is trying|was "
    r"trying|keeps? trying|wants|wanted|threatened|threatens|keeps? threatening|is going|was going|is gonna|"
    r"said (?:he|she|they)(?:'d| would| will)|will|would)\s+(?:to\s+)?(?:kill|hurt|shoot|stab|poison|strangle|"
    r"choke|beat|harm|murder) me\b"
)


# What may stand beside the threat for the answer to be about it alone: when it happened, where the person is,
# that they are afraid. A list of the speaker's own words of risk could never be complete ("... and i have a gun",
# "i might as well let him", "this is goodbye" each passed one), so the words beside the threat come from a closed
# list instead, and anything else gets the answer to the speaker's own risk, or beside a threat told the answer
# that speaks to danger and to the speaker's own thoughts both.
_BESIDE_THREAT: Final = frozenset(
    "i i'm im am was think thought know scared afraid terrified frightened really so very and but now again "
    "last night tonight today yesterday this morning evening afternoon week weekend earlier before when where he "
    "she they gets get got comes home back here at the in a an our my house flat apartment please help what do "
    "should can will is tomorrow monday tuesday wednesday thursday friday saturday sunday school work bathroom "
    "bedroom room door car outside shaking freaking out hiding locked".split()
)
# The words a threat told is said in ("my boyfriend said if i leave him he'll kill me"), read as the threat itself
# where one was told. A word of neither list beside it ("the rope is ready my ex said he'll kill me") and the
# answer speaks to the speaker's own risk too: the words of a threat told are not cut away, since its pattern reads
# a name of several words and would take a plan said before it, unpunctuated, for one.
_THREAT_WORDS: Final = frozenset(
    "he she they someone somebody my his her their the a an man woman guy girl boy stranger ex husband wife partner "
    "boyfriend girlfriend bf gf fiance dad father mum mom mother stepdad stepfather stepmum stepmom brother sister "
    "son daughter neighbour neighbor boss manager coworker colleague roommate flatmate landlord uncle aunt cousin "
    "family friend said says say told tells texted text texting messaged swore swears threatened threatens "
    "threatening keeps keep kept saying telling yelled screamed shouted wrote promised warned he'll she'll they'll "
    "he'd she'd they'd he's she's they're will would going gonna to is was are were coming hell shed hes shes kill "
    "murder shoot stab strangle choke hurt beat harm poison burn drown me us kids children if leave go police tell "
    "anyone him".split()
) | frozenset(
    # A threat said outright ("shes trying to kill me", "theyre gonna hit me", "my husband's coming to break my
    # legs"): its subjects as typed, and the words of its intent and its harm.
    "theyre someones someone's gunna gon finna trying tries tried try wants come up down right hit jump break legs "
    "arms face neck head cut".split()
    + [f"{kin}{end}" for kin in threats.KIN_WORDS for end in ("'s", "s")]
)


# A plan or a farewell said only in words of ``_BESIDE_THREAT`` ("he said he's going to kill me tonight. i'll do it
# now", "this is my last night", "i know what i'll do"): a review found such messages given the words for danger
# alone. Any of these beside a threat and the answer speaks to the speaker's own risk too.
_PLAN_IN_PLAIN_WORDS: Final = re.compile(
    r"\b(?:do it|doing it|done it|i'll do|i will do|do that|(?:my|the) last|this is it|that's it|it's time|"
    r"know what (?:i|to)|before (?:he|she|they) (?:gets|get|comes|come|can|does|do)|(?:tonight|today|now|this) is "
    r"(?:it|the (?:night|day|end))|(?:it's|it is) (?:tonight|the night|time))\b|\b(?:i'll|should) just\W*$"
)


# The self-harm rules that may fire on a threat told and keep its words: "kill me", the threat itself, and the
# speaker's own wish or plan said beside it in words only ``rules_risk`` reads ("he said he'll kill me, and honestly i
# hope he does", "... i keep thinking about driving my car into a wall first"), where the answer speaks to both.
_RULES_KEEPING_THREAT: Final = frozenset(
    {
        threats.TOLD,
        "self_harm:intent-reflexive",
        *(f"self_harm:{rule.name}" for rule in (*rules_risk.WISHED, *rules_risk.ROAD)),
    }
)


def _threat_words(text: str, reasons: Sequence[str]) -> str:
    """What the words say of danger from someone else: "only" the threat, every other word from ``_BESIDE_THREAT``
    (and, for a threat told, ``_THREAT_WORDS``) and no plan among them; a threat told (``threats.told``) and "more"
    beside it; or nothing of it (""). Only where the self-harm rules that fired (``reasons``) are among
    ``_RULES_KEEPING_THREAT``, and the classifier did not read self-harm."""
    rules = {r for r in reasons if r.startswith("self_harm:")}
    if any(r.startswith("classifier:self_harm") for r in reasons):
        return ""
    if not rules or not rules <= _RULES_KEEPING_THREAT:
        return ""
    # Figures read plainly, as the screen read them: "my mum would kill me if she knew, but i hope the tumour wins"
    # is a parent's anger beside the speaker's own wish, not a threat.
    view = figures.plain([normalize.basic(text)])[0][0]
    told = threats.TOLD in rules or threats.told(view)
    cut = [m.span() for m in _THREATENED.finditer(view)] + (threats.weapon_spans(view) if told else [])
    if not told and not cut:
        return ""
    kept = list(view)
    for a, b in cut:
        kept[a:b] = " " * (b - a)
    allowed = _BESIDE_THREAT | _THREAT_WORDS if told else _BESIDE_THREAT
    words = re.findall(r"[a-z']+", "".join(kept))
    if all(word in allowed for word in words) and not _PLAN_IN_PLAIN_WORDS.search(view):
        return "only"
    return "more" if told else ""


def threatened_by_someone(text: str, reasons: Sequence[str] = ()) -> bool:
    """True when the danger the words describe comes from another person and nothing else is said (``_threat_words``
    reads "only"): the crisis answer for danger alone."""
    return _threat_words(text, reasons) == "only"


# A one-sentence wish that someone else were gone ("I wish my ex would just disappear"): anger or hurt at them.
# The classifier reads the wish to disappear as the speaker's ("I wish I could just disappear"), so alone it
# would start the crisis protocol. The wish's subject is a person other than the speaker, never a thing ("I wish
# my pain would just disappear" may be the speaker's risk), and "let me", "leave me" and the like are not in it.
_WISH_SOMEONE_GONE: Final = re.compile(
    r"^(?:\w+,? )?(?:i (?:just |really |honestly |sometimes )?wish|i hope) (?:that )?"
    r"(?:(?:my|his|her|their|our|the|that|this|these|those) (?:\w+ )?(?:ex|boss|brother|sister|mom|mum|mother|dad|"
    r"father|step(?:dad|mom|mum|father|mother)|husband|wife|partner|boyfriend|girlfriend|roommate|flatmate|"
    r"neighbou?r|co-?worker|colleague|teacher|manager|landlord|family|friend|in-laws|\w+-in-law|son|daughter|"
    r"cousin|aunt|uncle|classmate|bully|teammate|guy|girl|woman|man|kid|people|person)s?|he|she|they|people|"
    r"everyone|everybody)"
    r" (?:would|could|will|'d) (?:just |all |simply |finally |already )?"
    r"(?:disappear|vanish|go away|get lost|move away|drop dead|die)"
    r"(?: (?:forever|for good|already|from (?:my|our|the) (?:life|lives|house|office|school|world)))?\W*$"
)
# What a self-harm reading of such a wish scores when no self-harm rule fired: a caution, as the topic's mention.
SOMEONE_GONE_SCORE: Final = 0.6


def wishes_someone_gone(view: str) -> bool:
    """Whether the whole message, as its first normalised view (``normalize.views``: lower case, whitespace
    collapsed), is one wish that someone else were gone (``_WISH_SOMEONE_GONE``)."""
    return _WISH_SOMEONE_GONE.match(view) is not None


def crisis_reply(
    locale: str,
    *,
    other_person: bool = False,
    threatened: bool = False,
    also_own: bool = False,
    acted: bool = False,
    poisoned: Literal["", "person", "pet"] = "",
    urgent: bool = False,
    breathed: bool = False,
) -> list[str]:
    """The vetted sentences of the crisis answer, in speaking order: to a person at risk, to one who has already
    acted (``acted``: an overdose swallowed, a wound made), to one worried about someone else (``other_person``; with
    ``acted``, someone who has acted), to one in danger from someone else (``threatened``), to one in danger from
    someone else who may be at risk of ending their life too (``threatened`` and ``also_own``), or to one telling
    of a poisoning by accident (``poisoned``: a person's, a child's or the speaker's, or a pet's; ``urgent``: said to
    be unconscious, not breathing or having a seizure, when the emergency number comes first; ``breathed``: fumes,
    when fresh air comes first)."""
    res = resource_for(locale)
    emergency = res.emergency_number
    abroad = _abroad(res)
    if poisoned:
        return _poisoned_reply(res, poisoned, abroad, urgent=urgent, breathed=breathed)
    if acted and other_person:
        # The same for someone else who has acted: the call first, then staying with them; the person on the call
        # guides what to do, so no first aid is given here.
        return [
            "I'm really glad you told me.",
            f"Please call {emergency} right now: they need medical help straight away, even if they seem all right.",
            *abroad,
            "Stay with them if it's safe to, and the person on the call will tell you what to do.",
            f"For support, for them and for you, you can reach {res.name} by {res.contact}.",
            "I'm here. Can you call now?",
        ]
    if acted:
        # Medical help first, as crisis lines and poison services say: an overdose can do its harm hours before it is
        # felt, so "even if you feel all right". The line's people stay on while help comes; no question of what
        # was taken or how much (that is for the emergency call, not for a voice assistant to weigh).
        return [
            "I'm really glad you told me.",
            f"Please call {emergency} right now, or ask someone near you to call for you.",
            "This needs medical help straight away, even if you feel all right for now.",
            *abroad,
            "If someone is nearby, tell them what's happened and don't stay on your own.",
            f"While help is on its way, you can also talk to someone at {res.name} by {res.contact}.",
            "I'm here with you. Can you call now?",
        ]
    if threatened and also_own:
        # A threat told with more said beside it ("he said he'll kill me and part of me wishes he would", "... i've
        # got the noose ready"): no list of the words for the speaker's own risk could be complete, so the answer
        # speaks to both, and to their own thoughts first.
        return [
            "I'm so sorry. That sounds frightening and heavy, and I'm really glad you told me.",
            "You don't have to carry this alone.",
            f"If you're in danger right now, from someone else or from your own thoughts, please call {emergency}.",
            f"If you're thinking of ending your life, you can talk to someone at {res.name} by {res.contact}; "
            "it's confidential.",
            *res.also_sentences,
            "And findahelpline.com lists free, confidential services, including for people being hurt or threatened "
            "by someone.",
            "I'm here, and I'd like to keep talking with you. Are you safe right now?",
        ]
    if threatened:
        # Safety first, then people who help: the international directory lists services for people harmed by
        # someone close to them in most countries, and the locale's line stays in (its people talk with anyone in
        # crisis, and a person threatened may be at risk too).
        return [
            "I'm so sorry. That sounds frightening, and I'm glad you told me.",
            _get_safe(res),
            "You don't have to face this alone: findahelpline.com lists free, confidential services, including "
            "for people being hurt or threatened by someone.",
            f"And if it's all getting too much, you can talk to someone at {res.name} by {res.contact}.",
            "I'm here, and I'd like to keep talking with you. Are you somewhere safe right now?",
        ]
    if other_person:
        opening = [
            "I'm really glad you told me, and I can hear how worried you are about them.",
            f"If they might be in danger right now, please call {emergency} or stay with them while you get help.",
        ]
        reach = f"You can both reach {res.name} by {res.contact}, and they can also advise you on how to help."
    else:
        opening = [
            "I'm really sorry you're feeling this way, and I'm glad you told me.",
            "You don't have to carry this alone.",
            f"If you might act on these thoughts, or you're in danger right now, please call {emergency}.",
        ]
        reach = f"You can talk to someone at {res.name} by {res.contact}; it's confidential."
    sentences = [*opening, reach, *res.also_sentences]
    if res.emergency:
        sentences.append("If you're in another country, findahelpline.com lists free helplines.")
    sentences.append("I'm here, and I'd like to keep talking with you. What's been weighing on you most?")
    return sentences


def _poisoned_reply(
    res: Resource, who: Literal["person", "pet"], abroad: list[str], *, urgent: bool, breathed: bool
) -> list[str]:
    """The answer to a poisoning by accident: the poison service (or a vet) first, as every such service says;
    the emergency number for the signs they all name; and not to make them sick, which they all warn against. No
    first aid beyond that, and no weighing of what or how much: that is for the call."""
    opening = "I'm glad you told me. Let's get help straight away."
    if who == "pet":
        return [
            opening,
            "Please call your vet or an emergency vet right now, even if your pet seems fine: some poisons take "
            "hours to show.",
            *([res.pet_poison] if res.pet_poison else []),
            "Don't try to make them sick unless a vet tells you to, and take the packet or what's left of it with you.",
            "I'm here. Can you call now?",
        ]
    emergency = res.emergency_number
    # Said to be unconscious, not breathing or seizing: the emergency number first, as every poison service says.
    first = [f"Please call {emergency} right now: this needs an ambulance."] if urgent else []
    air = ["Get into fresh air straight away, and open the windows if it's safe to."] if breathed else []
    return [
        opening,
        *first,
        *air,
        res.poison
        or f"Please call your local poison centre right now, or {emergency} if you can't reach one: they'll tell "
        "you what to do.",
        f"If anyone is hard to wake, struggling to breathe or having a seizure, call {emergency} straight away.",
        *abroad,
        # The speaker may be the one who took it, and may grow drowsy: then they are the one who cannot call.
        "If it's you who took it, tell someone near you what happened and don't stay on your own.",
        "Don't try to make anyone sick unless the person on the call tells you to, and keep the bottle or packet "
        "to hand.",
        "I'm here. Can you call now?",
    ]


# The crisis answers: to the speaker's own risk, to one who has already acted on it, to one worried about someone
# else (who may have acted already), to one in danger from someone else, to one in danger who may be at risk too,
# to one telling of a poisoning by accident, a person's or a pet's, and to one telling of a medical emergency now.
CrisisWords = Literal[
    "own",
    "acted",
    "other",
    "other-acted",
    "threatened",
    "threatened-and-own",
    "poisoned",
    "poisoned-pet",
    "emergency",
    "emergency-pet",
]


# The reason a verdict carries when the crisis protocol comes from the person's turns read together
# (``safety.risk``): the risk is the speaker's, even where this turn's words are about someone else.
OVER_TURNS: Final = "self_harm:over-turns"


def _abroad(res: Resource) -> list[str]:
    """The line for one in another country, where the locale's emergency number is a country's own."""
    return ["If you're in another country, call the local emergency number."] if res.emergency else []


def acted_again(locale: str) -> list[str]:
    """The answer said again on the turn right after the answer to one who has acted, until they say help is called
    or has come (``risk.after_act``): the call first, shorter than the first answer, whose lines it repeats."""
    res = resource_for(locale)
    return [
        f"Please call {res.emergency_number} now, or ask someone near you to call for you.",
        "This needs medical help straight away, even if you feel all right.",
        *_abroad(res),
        "I'm here with you. Can you call now?",
    ]


def crisis_answer(text: str, reasons: Sequence[str], locale: str, words: CrisisWords | None = None) -> list[str]:
    """The crisis answer to ``text`` (a crisis verdict's ``reasons``): to the person at risk (or who has already
    acted on it), to one in danger from someone else (alone, or with their own thoughts of ending their life spoken to
    too), or to one worried about someone else (``crisis_words``, or ``words`` where the caller has them)."""
    words = words or crisis_words(text, reasons)
    if rules_taken.AFTER_ACT in reasons:
        return acted_again(locale)
    if words.startswith("emergency"):
        res = resource_for(locale)
        abroad = _abroad(res)
        who: Literal["person", "pet"] = "pet" if words == "emergency-pet" else "person"
        return rules_emergency.answer(who, text, res.emergency_number, abroad)
    if words.startswith("poisoned"):
        return crisis_reply(
            locale,
            poisoned="pet" if words == "poisoned-pet" else "person",
            urgent=rules_poison.grave(text),
            breathed=rules_poison.breathed(text),
        )
    return crisis_reply(
        locale,
        acted=words in ("acted", "other-acted"),
        other_person=words.startswith("other"),
        threatened=words.startswith("threatened"),
        also_own=words == "threatened-and-own",
    )


def crisis_words(text: str, reasons: Sequence[str]) -> CrisisWords:
    """Which crisis answer ``text`` gets (a crisis verdict's ``reasons``)."""
    if rules_taken.AFTER_ACT in reasons:
        # The answer again after an act already done ("my boyfriend said he's on his way" is not about another).
        return "acted"
    if OVER_TURNS in reasons:
        # "I just feel like giving up on everything.", then "My mom says she doesn't want to be a burden anymore.":
        # the turns before were the speaker's own, and they must not go unanswered.
        return _own(text, reasons)
    # Danger from someone else first: "my husband tried to kill me" also reads as news of another person.
    threat = _threat_words(text, reasons)
    if threat:
        return "threatened" if threat == "only" else "threatened-and-own"
    # A poisoning read by its rules: by accident, its own words; said to be on purpose anywhere in the message ("...
    # he left a note"), the words for someone who has acted, or for the speaker's own act or thoughts.
    # An emergency read beside it ("... and now he isn't breathing") is in the poisoning's words too: the number first.
    poison = rules_poison.poisoned([r for r in reasons if r not in rules_emergency.REASONS])
    if poison.startswith("person") and rules_poison.meant(text):
        if not _own_words(text):
            return "other-acted"
    elif poison == "pet" and rules_emergency.emergency(reasons) != "person":
        # A person's emergency beside a pet's poisoning ("the dog ate rat poison and my son is choking"): the
        # person's number first, never only a vet.
        return "poisoned-pet"
    elif poison == "person" or (poison == "person-or-act" and rules_poison.accidental(text)):
        return "poisoned"
    # A medical emergency now ("my dad collapsed and isn't breathing"): its own words, unless a rule of risk read
    # more (one who has acted keeps those words, which put the call first too).
    emergency = rules_emergency.emergency(reasons)
    if emergency and not {r for r in reasons if r.startswith("self_harm:")} - _NOT_WHOSE:
        if emergency == "pet":
            return "emergency-pet"
        # An act of self-harm told beside the signs ("i took too many pills and now i can't breathe"), though no
        # rule of risk read it: the words for one who has acted, the number first and the lifeline after.
        if rules_taken.acted(text, reasons):
            return "acted"
        return "other-acted" if rules_taken.other_acted(text, reasons) else "emergency"
    if about_someone_else(text, reasons):
        return "other-acted" if rules_taken.other_acted(text, reasons) else "other"
    return _own(text, reasons)


def _own_words(text: str) -> bool:
    """Whether a poisoning said to be meant is the speaker's own ("i took a double dose of my sleeping pills. everyone
    would be better off"): "i" took, swallowed or drank it."""
    return (
        re.search(r"\bi (?:\w+ ){0,3}?(?:took|swallowed|drank|ate|had|double dosed)\b", normalize.basic(text))
        is not None
    )


def _own(text: str, reasons: Sequence[str]) -> CrisisWords:
    """The words for the speaker's own risk: for one who says they have already acted (``rules_taken.acted``: an
    overdose swallowed, a wound made), medical help first; else the words for thoughts of ending their life."""
    return "acted" if rules_taken.acted(text, reasons) else "own"


def danger_line(locale: str) -> list[str]:
    """The vetted sentences said before the model's careful answer to a threat told that is answered with care, not
    the protocol (``threats.DANGER``): safety first, then where people who help are found."""
    return [
        _get_safe(resource_for(locale)),
        "findahelpline.com lists free, confidential services for people being hurt or threatened by someone.",
    ]


# Refusals: a kind explanation and a safer alternative, per category.
REFUSALS: Final[dict[SafetyCategory, str]] = {
    "violence": "I can't help with hurting anyone. If you're angry or scared about someone, I'm glad to talk "
    "it through, or help you find ways to stay safe.",
    "weapons_and_cbrn": "I can't help with making weapons or anything that could hurt people. I'm happy to "
    "talk about the history or the science in general terms, or about staying safe.",
    "cyber_abuse": "I can't help with breaking into systems or accounts that aren't yours. I can help you "
    "secure your own accounts and devices, though.",
    "illegal_drugs": "I can't help with making or getting illegal drugs. If you're worried about drug use, "
    "yours or someone else's, I'm glad to talk about support and safety.",
    "sexual": "That's not something I'll write. I'm glad to help with something else.",
    "sexual_minors": "I won't help with anything sexual involving children. If a child is at risk, please "
    "contact the police or a child protection service.",
    "hate": "I won't say that about any group of people. If something happened that left you angry, I'm "
    "happy to talk about it.",
    "harassment": "I can't help with hurting or intimidating someone. If there's a conflict, I can help you "
    "find words that are firm but fair.",
    "extremism": "I can't help with that. I'm happy to talk about how extremist groups work and how people leave them.",
    "privacy": "I can't help find or track private information about someone. If you need to reach a person, "
    "I can suggest proper channels.",
    "prompt_injection": "I can't change how I work or share my instructions. I'm happy to help with whatever "
    "you need, though.",
    "self_harm": "I can't help with that, but I care about how you're doing. Would you like to talk?",
    "tone_fit": "Let me put that more carefully.",
}


# Refusals for the classifier's finer classes, which the policy decides under a broader category
# (``classifier.FOLD``) but which deserve their own explanation.
REFUSALS_FINE: Final[dict[str, str]] = {
    "deception": "I can't help with deceiving or defrauding people, or with spreading false claims. I'm glad "
    "to help you check a claim or write something honest and persuasive instead.",
    "crime": "I can't help with breaking the law or getting away with it. If you're in a difficult spot, I'm "
    "happy to talk through legal options.",
    "copyright": "I can't reproduce long copyrighted texts like song lyrics or book passages. I can summarise "
    "them, or talk about what makes them good.",
}
_FINE_REASON = re.compile(r"^classifier:(\w+):")

# Refusals for requests a rule names exactly, where the category's wording would mislead: asked to answer in
# French, "I can't change how I work" sounds like a rebuff; the truth is that tenor hears and screens English only.
REFUSALS_RULE: Final[dict[str, str]] = {
    "prompt_injection:other-language": "I'm sorry, I can only listen and speak in English for now, so I'll "
    "keep to English. What would you like to talk about?",
    # Asked to make a harm look good or to talk people into it, "I can't help with hurting anyone" misses the point.
    # The asker may be the one at risk ("a song that makes cutting sound beautiful"), so it offers to listen.
    "violence:promote-harm": "I won't write something that makes that look good or talks people into it. If it's "
    "something you're going through, I'm here to listen, and I'm glad to help with something honest about it.",
    # Asked to praise a massacre's perpetrators, the hate wording ("I won't say that about any group") misleads.
    "hate:glorify-atrocity": "I won't write praise or excuses for atrocities or the people who carried them out. "
    "I'm glad to help with their history, or with remembering the victims.",
    # A reply that advised making someone vomit (rules_poison.MAKE_SICK) is replaced by what every poison service
    # says instead; a person heard as having a hard time would otherwise hear only "I'm here".
    "self_harm:make-sick-output": "Please don't try to make anyone sick unless a doctor, a vet or the poison "
    "service tells you to.",
}


def refusal(categories: tuple[SafetyCategory, ...], reasons: tuple[str, ...] = ()) -> list[str]:
    """The refusal for the most serious category (or the classifier's finer class when it decided the
    refusal, or a rule's own wording, ``REFUSALS_RULE``), split into sentences."""
    text = REFUSALS.get(categories[0], REFUSALS["violence"]) if categories else "I can't help with that."
    for reason in reasons:
        fine = _FINE_REASON.match(reason)
        if fine and fine.group(1) in REFUSALS_FINE and not any(r.startswith(categories[0]) for r in reasons):
            text = REFUSALS_FINE[fine.group(1)]
        if reason in REFUSALS_RULE and categories and reason.startswith(categories[0] + ":"):
            text = REFUSALS_RULE[reason]
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


# Said when the output screen took every sentence out of a reply for tone fit (cheerful or joking lines to
# a sad or frightened person), so that the reply still acknowledges them instead of asking them to say more.
GENTLE: Final = "I'm sorry, that sounds really hard."


# Said when the output screen stops a reply the model got wrong.
FALLBACK: Final = "I'd rather not go into that. Is there something else I can help with?"


# Said instead of ``FALLBACK`` when the person's words were heard as hard (sad or frightened, a self-harm risk
# below the crisis point, the turns of care after a crisis). The stopped sentence was the model's, not theirs:
# "I'd rather not go into that" would read to a grieving person as declining what they shared (the classifier read
# the model's "I want you to know that I'm here for you every step of the way" as sexual, 0.77).
STOP_GENTLE: Final = "I'm here, and I'm listening."


def stop_line(reasons: tuple[str, ...], hard: bool = False) -> str:
    """What replaces a reply sentence the output screen stopped: a rule's own wording where one has it (a reply
    in another language), else ``STOP_GENTLE`` for a person heard as having a hard time, else ``FALLBACK``."""
    return next((REFUSALS_RULE[r] for r in reasons if r in REFUSALS_RULE), STOP_GENTLE if hard else FALLBACK)
