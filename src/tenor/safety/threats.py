"""Danger from someone else told to tenor: another person has said they will kill or hurt the speaker.

"he said if i go to the police he'll kill me and my mum" was refused as a request for violence ("I can't help with
hurting anyone"), and "my ex said he's going to kill me, he has a gun" got the words for a person thinking of
suicide: the classifier reads the words of harm, not who they are aimed at. A threat *told* (said, texted, sworn,
threatened: ``told``) is the sign read here. Where the classifier would refuse such a message as harm to a person
(violence, self-harm or harassment at its point), the layered screen (``classifier.LayeredScreen``) gives it the
crisis protocol instead, vetted text that is never the model's, and ``crisis.crisis_words`` gives it the words for
a person in danger from someone else: alone where nothing but when, where and fear is said beside the threat, else
beside the words for thoughts of ending one's life. The same reading picks those words where a rule already gave
the protocol ("my husband threatened to kill me if i leave"). It turns a refusal into the protocol and never
lowers a verdict; a message the classifier would only answer with care (a caution) or allow is left so, since
the same words carry most figures of speech ("my girlfriend said she'd kill me if i ate the leftover pizza") and
a review's figures said with fear or the police beside them ("my mum said she'll kill me if i come home with
another piercing, i'm actually scared") read at a caution; the rules alone (``safety.screen = "rules"``) do not
use it.

Said in a game or a sport in the same sentence ("my brother said he'd kill me at fifa") it is not read as told.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from tenor.safety.rule import Rule, fires
from tenor.safety.rule import rule as _r
from tenor.vocab import SafetyCategory

# The other person, as the subject of what they said: anyone but the speaker ("i", "we") or the listener.
_SUBJECT: Final = r"\b(?!(?:i|we|you|u|i've|i'd|we've|we'd)\b)[a-z']+"
# Nor the word just before what was said ("when i say i'm dead inside").
_NOT_SPEAKER: Final = r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bu )(?<!\bi've )(?<!\bi'd )"
# The other person and up to four words more ("my ex keeps", "the guy i owe money").
_SOMEONE: Final = rf"{_SUBJECT} (?:[\w']+ ){{0,4}}?{_NOT_SPEAKER}"
# How a threat reaches the speaker: said, written, sent, sworn or shouted ("keeps texting me that", "told my sister").
_REPORTED: Final = (
    r"(?:said|says|say|saying|sayin|sed|told (?:me|us|my \w+|(?:his|her|their) \w+|everyone|people)|tells (?:me|us)|"
    r"telling (?:me|us|everyone|people|my \w+)|texting(?: me)?|"
    r"messaging(?: me)?|writing|posting|yelling|screaming|shouting|texted(?: me)?|messaged(?: me)?|wrote(?: to me)?|"
    r"posted|screamed|shouted|yelled|swore|swears|promised|promises|warned (?:me|us)|threatened|threatens|"
    r"threatening|emailed(?: me)?|dm'?e?d(?: me)?|sent (?:me )?(?:a )?(?:message|text|note|dm) (?:saying|that)|"
    r"left (?:me )?(?:a )?(?:note|message|voicemail) (?:saying|that))"
)
# A condition said before the threat ("said if i leave him he'll ...").
_CONDITION: Final = (
    r"(?:(?:if|when|once|unless|as soon as|the (?:next|second|minute)(?: time)?|next time) [^.!?;]{1,60}?,? )?"
)
# The threatener's future: "he'll", "she is going to", "they'd" (and typed without the apostrophe: "hell", "shed").
_WILL: Final = (
    r"(?:(?:he|she|they|someone|somebody|his (?:\w+ )?(?:mates|friends|boys|brothers?|cousins|guys)|her (?:\w+ )?"
    r"(?:mates|friends|brothers?|cousins|boyfriend))(?:'ll|'d| will| would| is going to| is gonna|'s going to|"
    r"'s gonna| was going to| was gonna| were going to| are going to| are gonna|'re going to|'re gonna| gonna)|"
    r"hell|shell|hed|shed|theyll|theyd|hes going to|hes gonna|shes going to|shes gonna|(?:he|she|they)(?:'s| is|"
    r"'re| are)? (?:gon|goin to|goin))"
)
# What is done to the speaker: "kill me", "break my legs", "burn the house down with us inside". Not the words of
# everyday favours and contests ("throw me a party", "cut me some slack", "beat me home", "beat me at chess").
_HARM: Final = r"(?:kill|murder|shoot|stab|strangle|choke|hurt|bash|batter|smash|slit|burn|poison|drown|rape|torture)"
_TARGET: Final = (
    r"(?:(?:me|us)\b(?! (?:up (?:the|a) (?:stairs|hill)|out\b|off\b|in (?:a|the) (?:race|game|match|final|quiz)|"
    r"on (?:points|price)|with (?:the|a|my|her|his) (?:\w+ )?(?:pillow|water|snowball|nerf|glue|kindness|love)))|"
    r"(?:both |all )?(?:my|our) (?:\w+ )?(?:throat|neck|head|face|legs?|arms?|fingers|kneecaps|skull|teeth|ribs|"
    r"jaw|eyes?|body|kids?|children|baby|son|daughter|family)\b|(?:the|our) (?:kids|children|baby)\b|"
    r"(?:them|the kids|the children|my kids) and (?:me|us)\b|"
    r"(?:the|my|our) (?:house|flat|home|apartment|car|place)(?: down)? with (?:me|us)(?: \w+)? (?:in|inside)\b)"
)
# Harm said in other words: "make sure i don't make it home", "put me in the hospital", "end me", "run me over".
_HARM_OTHERWISE: Final = (
    r"(?:make sure (?:i|we) (?:never|don't|won't|do not) (?:make it|get|come) (?:home|back|out)(?! late)|make sure "
    r"(?:i|we) end up (?:in (?:the )?(?:hospital|ground|morgue|grave)|dead)|put (?:me|us) in (?:the |a )?(?:hospital|"
    r"ground|grave|wheelchair|coffin)|(?:end|finish) (?:me|us)\b(?! off\b)|run (?:me|us) over|break (?:both |all )?"
    r"(?:my|our) (?:\w+ )?(?:neck|legs?|arms?|fingers|jaw|ribs|skull|teeth|face)\b|cut (?:my|our) throats?|"
    r"beat (?:me|us)\b(?! (?:home|back|to (?:it|the|a)|at|by|in|on|for)\b)|beat the (?:crap|shit|hell|life) out "
    r"of (?:me|us)|set (?:me|us) on fire|push (?:me|us) (?:down|off|out of|in front of)|(?:kick|smash|cave) (?:my|our) "
    r"heads? in|snap (?:my|our) necks?|knock (?:my|our) teeth (?:out|in)|bury (?:me|us)\b|"
    r"end (?:my|our) li(?:fe|ves))"
)
# A weapon beside the threat ("he's going to kill me, he has a knife"); not a toy's ("a water gun", "a nerf gun").
_WEAPON: Final = (
    r"(?<!water )(?<!nerf )(?<!glue )(?<!airsoft )(?<!bb )(?<!paintball )(?<!toy )(?<!squirt )(?<!staple )"
    r"(?<!nail )(?:guns?|knife|knives|rifle|shotgun|pistol|machete|axe|baseball bat|weapon)"
)

# Games that excuse a threat told in the same sentence ("said he'd kill me in minecraft"); not ``patterns.GAMES``,
# whose bare "level", "quest" or "mod" a threat may hold ("he said he'll kill me, his anger is on another level").
_PLAYED: Final = (
    r"\b(?:video ?games?|(?:a|the|this|online|shooter|board|card) game|minecraft|fortnite|roblox|call of duty|"
    r"warzone|gta|valorant|overwatch|apex|pubg|counter-?strike|halo|elden ring|among us|sims|zelda|pokemon)\b"
)

# The reason a verdict carries when a threat told gets the crisis protocol.
TOLD: Final = "self_harm:threatened"
# What a threat told scores for self-harm, the category whose action is the crisis protocol.
TOLD_SCORE: Final = 0.95
# The categories whose classifier reading at its policy act_at (a refusal) says harm to a person is meant.
HARM_TO_A_PERSON: Final[tuple[SafetyCategory, ...]] = ("violence", "self_harm", "harassment")

_TOLD: Final[Rule] = _r(
    "self_harm",
    TOLD_SCORE,
    "threatened",
    # Reported: "he said he'd kill me", "my ex keeps texting that she's going to hurt me", "she told me if i
    # leave she'll stab me", "he swore on his mother he's gonna end me".
    rf"{_SOMEONE}{_REPORTED}(?: me| us)?(?: that)?(?: [\w']+){{0,4}}?,? {_CONDITION}{_WILL} "
    rf"(?:[\w']+ ){{0,8}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})|"
    # Quoted: "he texted me 'i'm going to kill you'".
    rf"{_SOMEONE}{_REPORTED}(?: me| us)?,? ['\"]?(?:(?:i'll|i will|i'm going to|im going to|i'm gonna|im gonna|"
    rf"gonna|imma) (?:\w+ ){{0,3}}?(?:kill|murder|shoot|stab|strangle|hurt|end) (?:you|u)\b|(?:you're|youre|ur|you "
    r"are) (?:dead|a dead (?:man|woman|girl|boy))\b)|"
    # "my dad threatened to beat me", "is threatening to come here and kill me", "threatened me with a knife".
    rf"{_SOMEONE}(?:threatened|threatens|threatening|threatend) (?:me |us )?(?:to |with )"
    rf"(?:\w+ ){{0,5}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})|"
    rf"\bthreaten(?:ed|s|ing)? (?:me|us) with (?:a|his|her|their|the) (?:\w+ )?{_WEAPON}\b|"
    # "the guy i owe money says i'm dead if i don't pay".
    rf"{_SOMEONE}{_REPORTED}(?: me| us)?(?: that)? (?:(?:i'm|im|i am|i'll be|i'd be|we're|we'll be) (?:dead|a dead "
    r"(?:man|woman|girl|boy))\b|(?:i'm|im|i am|we're) going to die\b(?! (?:of|from|laughing)\b))|"
    # Meant, with a weapon beside it: "he's going to kill me, he has a knife".
    rf"\b{_WEAPON}\b.{{0,80}}\b{_WILL} (?:\w+ ){{0,4}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})|"
    rf"\b{_WILL} (?:\w+ ){{0,4}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE}).{{0,80}}\b{_WEAPON}\b",
    # Said in a game or a sport: the figure. Not with a laugh ("lol", "haha"), nor "joking", which a frightened
    # person says as well ("my ex said he'd kill me haha. i'm scared", "he's not joking").
    context=(
        _PLAYED,
        r"\b(?:at|in|over|during) (?:chess|tennis|padel|poker|cards|fifa|mario ?kart|darts|pool|squash|golf|"
        r"ping pong|monopoly|scrabble|uno|dominoes|boxing|kickboxing|sparring|training|practice|paintball|"
        r"laser tag|an escape room|the (?:game|match|race|final|quiz))\b",
        r"\b(?:water|nerf|airsoft|squirt|toy) guns?\b|\bpillow fight\b|\bsnowball\b",
    ),
    where=("input",),
)


def told(view: str, breaks: Sequence[int] = ()) -> bool:
    """Whether a normalised view of the person's words tells of another person's threat to kill or hurt them
    (``breaks``: where its lines end, as for a rule's context)."""
    return fires(_TOLD, view, breaks)


def spans(view: str) -> list[tuple[int, int]]:
    """Where a view holds the words of a threat told (for the words said beside it; context not read)."""
    return [m.span() for m in _TOLD.pattern.finditer(view)]
