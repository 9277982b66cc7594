"""Danger from someone else told to tenor: another person has said they will kill or hurt the speaker.

"he said if i go to the police he'll kill me and my mum" was refused as a request for violence ("I can't help with
hurting anyone"), and "my ex said he's going to kill me, he has a gun" got the words for a person thinking of
suicide: the classifier reads the words of harm, not who they are aimed at. A threat *told* (said, texted, sworn,
threatened: ``told``) is the sign read here. Where the screen would refuse such a message as harm to a person
(violence, self-harm or harassment at its point, as the policy decides), the layered screen
(``classifier.LayeredScreen``) gives it the crisis protocol instead, vetted text that is never the model's, and
``crisis.crisis_words`` gives it the words for a person in danger from someone else: alone where every word is
one a threat is told in or one of when, where and fear, else beside the words for thoughts of ending one's life.
The same reading picks those words where a rule already gave the protocol ("my husband threatened to kill me if i
leave"). It turns a refusal into the protocol and never lowers a verdict. A message the screen would only answer
with care (a caution) or allow is never stopped: the same words carry most figures of speech ("my roommate said
he'll kill me when he gets home tonight because i finished the milk"), and a review's figures said with fear or the
police beside them ("my mum said she'll kill me if i come home with another piercing, i'm actually scared") read
at a caution. Where a sign of danger is said beside such a threat (``in_danger``: a weapon brought, harm done
before or grave harm, their children or family as the target, a court order or a refuge, what to do), it is
answered with care and the vetted danger line comes before the model's answer (``DANGER``,
``crisis.danger_line``). The rules alone (``safety.screen = "rules"``) read neither.

A game or a sport named straight after the threat ("said he'd kill me at fifa", "shoot me in fortnite") makes it no
threat told.

A threat said outright, with no word of its telling ("he's going to kill me", "my ex is coming to hurt me"), is read
the same way (stop 38, ``_OUTRIGHT``), except after a wish, a doubt or a denial in its sentence ("part of me hopes
he'll kill me", "i don't think he'll hurt me").
"""

from __future__ import annotations

import re
from typing import Final

from tenor.vocab import SafetyCategory

# The other person, as the subject of what was said: a pronoun, a name, or a phrase that opens with a determiner
# ("my ex", "the guy i owe money to", "a man at the gas station"), or said before ("... followed me and said").
# Never the speaker or the listener, and never words before it ("i'm doing it tonight he said ..." is not the
# subject "doing it tonight he").
_SOMEONE: Final = (
    r"(?<![\w'])(?:and (?:then )?|(?:my|his|her|their|our|the|a|an|this|that|some|these|those) "
    r"(?:(?!(?:and|but|so|then|he|she|they|i'm|im|we|you|when|if|because)\b)[\w'-]+ ){0,5}?|"
    r"(?!(?:i|we|you|u|i'm|im|i've|i'd|i'll|we've|we'd|we're|and|but|so|then|now|tonight|today|it|is|was|this|that|"
    r"if|when|because|cause)\b)[a-z]+ (?:(?:still|just|keeps?|kept|also|even|always|then|now|again|has|had|have|is|"
    r"was|literally|actually|really|seriously|on|all|apparently|once) )*)"
)
# How a threat reaches the speaker: said, written, sent, sworn or shouted ("keeps texting me that", "told my sister").
_REPORTED: Final = (
    r"(?:said|says|say|saying|sayin|sed|text(?: me)?|goes|(?:was|is) like|"
    r"told (?:me|us|my \w+|(?:his|her|their) \w+|everyone|people)|tells (?:me|us)|"
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
# The threatener's future: "he'll", "she is going to", "they'd", "he's coming to" (and as typed: "hell", "hes
# gonna", "he gunna", "she finna").
_WILL: Final = (
    r"(?:(?:he|she|they|someone|somebody|his (?:\w+ )?(?:mates|friends|boys|brothers?|cousins|guys)|her (?:\w+ )?"
    r"(?:mates|friends|brothers?|cousins|boyfriend))(?:'ll|'d| will| would| is going to| is gonna|'s going to|"
    r"'s gonna| was going to| was gonna| were going to| are going to| are gonna|'re going to|'re gonna| gonna|"
    r"(?:'s| is|'re| are| was) coming (?:here |over |back )?to| wud| wld)|"
    r"hell|shell|hed|shed|theyll|theyd|(?:he|she|they)(?:'s|s| is|'re|re| are)? (?:gonna|going to|gon|goin to|goin|"
    r"gunna|finna))"
)
# What is done to the speaker: "kill me", "break my legs", "burn the house down with us inside". Not the words of
# everyday favours and contests ("throw me a party", "cut me some slack", "beat me home"), nor a threat in a game or
# a sport said straight after ("kill me at chess", "shoot me in fortnite").
_HARM: Final = (
    r"(?:kill?|murder|shoot|stab|strangle|choke|hurt|bash|batter|smash|slit|burn|poison|drown|rape|torture|punch|"
    r"slap|kick|hang|jump)"
)
_PLAYED: Final = (
    r"(?:chess|tennis|padel|poker|cards|fifa|mario ?kart|darts|pool|squash|golf|ping pong|monopoly|scrabble|uno|"
    r"dominoes|boxing|kickboxing|sparring|paintball|laser tag|an escape room|(?:a|the|this) (?:game|quiz|race)|"
    r"minecraft|fortnite|roblox|call of duty|warzone|gta|valorant|overwatch|apex|pubg|counter-?strike|halo|"
    r"elden ring|among us|rocket league|werewolf|mafia|the next round)"
)
_TARGET: Final = (
    rf"(?:(?:me|us)\b(?! (?:up (?:the|a) (?:stairs|hill)|out\b|off\b|(?:at|in|on|over) {_PLAYED}\b|"
    r"(?:a|an|some|another) (?:text|message|line|email|dm|call|cd|copy|note|pic|photo|link|look|smile|wink)\b|"
    r"on (?:points|price)|with (?:the|a|my|her|his) (?:\w+ )?(?:pillow|water|snowball|nerf|glue|kindness|love)))|"
    r"(?:both |all )?(?:my|our) (?:\w+ )?(?:throat|neck|head|face|legs?|arms?|fingers|kneecaps|skull|teeth|ribs|"
    r"jaw|eyes?|body|kids?|children|baby|son|daughter|family|mum|mom|mother|dad|father|sister|brother|wife|husband|"
    r"partner|girlfriend|boyfriend)\b(?!'s)|(?:the|our) (?:kids|children|baby)\b|"
    r"(?:them|the kids|the children|my kids) and (?:then )?(?:me|us)\b|"
    r"(?:the|my|our) (?:house|flat|home|apartment|car|place)(?: down)? with (?:me|us)(?: \w+)? (?:in|inside)\b)"
)
# Harm said in other words: "make sure i don't make it home", "put me in the hospital", "end me", "run me over".
_HARM_OTHERWISE: Final = (
    r"(?:make sure (?:i|we) (?:never|don't|won't|do not) (?:make it|get|come) (?:home|back|out)(?! late)|make sure "
    r"(?:i|we) end up (?:in (?:the )?(?:hospital|ground|morgue|grave)|dead)|put (?:me|us) in (?:the |a )?(?:hospital|"
    r"ground|grave|wheelchair|coffin)|(?:end|finish) (?:me|us)\b(?! off\b)|run (?:me|us) over(?! to\b)|"
    r"break (?:both |all )?(?:my|our) (?:\w+ )?(?:neck|legs?|arms?|fingers|jaw|ribs|skull|teeth|face)\b|"
    r"cut (?:my|our) (?:\w+ )?(?:throats?|fingers?|hands?|face)\b|"
    r"cut (?:me|us)\b(?! (?:off|some|a|in|out|loose|down|short|up|free|slack)\b)|hit (?:me|us)\b(?! (?:up|back|with "
    r"(?:a|the|some|that|this|her|his) (?:\w+ )?(?:song|beat|track|question|request|link|text|message|email|call|"
    r"pillow|snowball|balloon|water|nerf|cushion|towel))\b)|"
    r"beat (?:me|us)\b(?! (?:home|back|to (?:it|the|a)|at|by|in|on|for)\b)|beat the (?:crap|shit|hell|life) out "
    r"of (?:me|us)|set (?:me|us) on fire|push (?:me|us) (?:down|off|out of|in front of)|(?:kick|smash|cave) (?:my|our) "
    r"heads? in|snap (?:my|our) necks?|knock (?:my|our) teeth (?:out|in)|end (?:my|our) li(?:fe|ves)|"
    r"bury (?:me|us)\b(?! in (?:paperwork|work|emails|homework|papers|forms|laundry|debt|questions))|"
    r"put a bullet (?:in|through) (?:my|our) (?:head|brain|skull|heart)|throw acid (?:in|on|at) (?:my|our) faces?|"
    r"shoot up (?:my|our) (?:house|place|home|flat|apartment|car)|use (?:it|that|the (?:\w+ )?(?:gun|knife)) on "
    r"(?:me|us)\b)"
)
# The threatener's weapon, said beside the threat ("he's going to kill me, he has a knife"); not a toy.
WEAPON: Final = r"(?:guns?|knife|knives|rifle|shotgun|pistol|machete|axe|baseball bat|weapon)"
_HIS_WEAPON: Final = (
    rf"\b(?:he|she|they)(?:'s| has| had|'s got| got| is holding| was holding| pulled| grabbed| keeps| showed me)"
    rf"(?: out)? (?:a|an|his|her|their|the) (?:\w+ )?(?<!water )(?<!nerf )(?<!toy )(?<!squirt ){WEAPON}\b"
)

# The other person as the subject of a threat said outright, with no word of its telling ("my ex is coming to kill
# me", "the guy i owe money to is gonna hurt me"): a pronoun, or a person named by what they are to the speaker,
# with a short clause after it. Not a thing ("these shoes are going to kill me", "this heat is gonna kill me"), nor
# a coach or a teacher, whose "trying to kill us" is the day's drills.
PERSON: Final = (
    r"(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|ex|ex-\w+|baby daddy|dad|father|stepdad|"
    r"stepfather|mum|mom|mother|stepmum|stepmom|stepmother|brother|sister|son|daughter|uncle|aunt|cousin|grandpa|"
    r"grandad|grandfather|in-laws?|(?:brother|sister|father|mother|son|daughter)[- ]in[- ]law|neighbou?r|landlord|"
    r"landlady|boss|manager|coworker|co-worker|colleague|client|customer|roommate|flatmate|housemate|pimp|dealer|"
    r"trafficker|stalker|abuser|attacker|guy|guys|man|men|woman|women|girl|dude|bloke|stranger|gang|family|people|"
    r"mates|friends?|cousins|brothers|kids|boys|girls|grandma|grandmother|granny|nan|nephew|niece|stepbrother|"
    r"stepsister|stepson|stepdaughter|daddy|mommy|mama|papa)"
)
# Kin and partners may go without a determiner, as typed ("dad's going to kill me", "bf is gonna hurt me").
KIN_WORDS: Final = (
    "husband wife partner boyfriend girlfriend bf gf ex dad father stepdad mum mom mother stepmum stepmom brother "
    "sister uncle".split()
)
_KIN: Final = "(?:" + "|".join(KIN_WORDS) + ")"
# A bare kin word is the subject's start only where no determiner stands before it: "i wish my husband would kill me"
# is read from "my" (and there it is a wish), never from "husband".
_BARE_KIN: Final = (
    r"(?<!my )(?<!his )(?<!her )(?<!their )(?<!our )(?<!the )(?<!a )(?<!an )(?<!this )(?<!that )(?<!some )"
    r"(?<!these )(?<!those )(?<!your )"
)
_SUBJECT: Final = (
    r"(?<![\w'])(?:(?:(?:my|his|her|their|our|the|a|an|this|that|these|those|some) (?:[\w'-]+ ){0,3}?"
    rf"{PERSON}|{_BARE_KIN}{_KIN})(?:'s|s)?(?: (?:upstairs|downstairs|outside|next door)|(?: (?:who|that|i|he|she|"
    r"we|they|from|at|next|down|across|with|on|in|over|by) [^.!?;,]{0,40}?))?)"
)
# What the subject means to do, as it is said without a word of its telling: "is going to", "'s gonna", "will",
# "is trying to", "is coming to", "is out to".
_MEANS: Final = (
    r"(?:'ll|'d| will| would| is going to| is gonna|'s going to|'s gonna|'s gunna| was going to| was gonna| are "
    r"going to| are gonna|'re going to|'re gonna| going to| gonna| gunna| finna| is trying to|'s trying to| are "
    r"trying to|'re trying to| tried to| keeps trying to| wants to|(?: is|'s| are|'re) (?:coming|on (?:his|her|their) "
    r"way) (?:here |over |back |home |after me )?to| is out to|'s out to)"
)
# Said before it in the same sentence, what makes it no threat: a wish ("i keep hoping that my husband will kill
# me", "part of me hopes he'll kill me": the speaker's own risk, ``rules_risk``), or a doubt or a denial ("i don't
# think he'll hurt me", "there's no way he's going to hurt me").
_NOT_A_THREAT_BEFORE: Final = re.compile(
    r"\b(?:wish\w*|hop(?:e|es|ed|ing)|hopefully|pray\w*|if only|(?:wouldn't|would not|won't|wont) mind|"
    r"(?:wouldn't|would not|don't|dont|do not) care|(?:it'?d|it would) be (?:nice|better|easier|a relief)|"
    r"let (?:him|her|them)|want(?:ed)? (?:him|her|them|someone|somebody)|(?:don't|dont|do not|never) think|"
    r"doubt\w*|no way|not (?:worried|scared|afraid))\b"
)
# Words between the intent and the harm ("he's going to come back and kill me", "is gonna break the door down and
# kill me"), never a negation ("he would never hurt me", "she'd not hurt me", "make sure they don't hurt me"), nor
# a sentence that protects ("he'd rather die than hurt me", "he'd kill anyone who hurt me", "he'd be the last to
# hurt me", "she'd feel terrible if she hurt me").
_BETWEEN: Final = (
    r"(?:(?!(?:never|not|no|nobody|ever|rather|than|last|anyone|anybody|whoever|who|protect|make|sure|don't|dont|"
    r"won't|wont|doesn't|if|feel|let)\b)[\w']+ ){0,6}?"
)

# The reason a verdict carries when a threat told gets the crisis protocol.
TOLD: Final = "self_harm:threatened"
# What a threat told scores for self-harm, the category whose action is the crisis protocol.
TOLD_SCORE: Final = 0.95
# The categories whose classifier reading at its policy act_at (a refusal) says harm to a person is meant.
HARM_TO_A_PERSON: Final[tuple[SafetyCategory, ...]] = ("violence", "self_harm", "harassment")
_WEAPON_HELD: Final = re.compile(_HIS_WEAPON)

_TOLD: Final = re.compile(
    # Reported: "he said he'd kill me", "my ex keeps texting that she's going to hurt me", "she told me if i
    # leave she'll stab me", "he swore on his mother he's gonna end me".
    rf"{_SOMEONE}{_REPORTED}(?: me| us)?(?: that)?(?: [\w']+){{0,4}}?,? {_CONDITION}{_WILL} "
    rf"(?:[\w']+ ){{0,8}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})|"
    # Quoted: "he texted me 'i'm going to kill you'".
    rf"{_SOMEONE}{_REPORTED}(?: me| us)?,? ['\"]?(?:(?:i'll|ill|i will|i'm going to|im going to|i'm gonna|im gonna|"
    rf"gonna|imma) (?:\w+ ){{0,3}}?(?:kill|murder|shoot|stab|strangle|hurt|end) (?:you|u)\b|(?:you're|youre|ur|you "
    r"are) (?:dead|a dead (?:man|woman|girl|boy))\b)|"
    # "my dad threatened to beat me", "is threatening to come here and kill me", "threatened me with a knife".
    rf"{_SOMEONE}(?:threatened|threatens|threatening|threatend|threatned) (?:me |us )?(?:to |with )"
    rf"(?:\w+ ){{0,6}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})|"
    rf"\bthreaten(?:ed|s|ing)? (?:me|us) with (?:a|his|her|their|the) (?:\w+ )?{WEAPON}\b|"
    # "the guy i owe money says i'm dead if i don't pay".
    rf"{_SOMEONE}{_REPORTED}(?: me| us)?(?: that)? (?:(?:i'm|im|i am|i'll be|i'd be|we're|we'll be) (?:dead|a dead "
    r"(?:man|woman|girl|boy))\b|(?:i'm|im|i am|we're) going to die\b(?! (?:of|from|laughing)\b))|"
    # Meant, with the threatener's weapon beside it in the same sentence: "he's going to kill me, he has a knife".
    rf"{_HIS_WEAPON}[^.!?;]{{0,60}}?\b{_WILL} (?:\w+ ){{0,4}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})|"
    rf"\b{_WILL} (?:\w+ ){{0,4}}?(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})[^.!?;]{{0,60}}?{_HIS_WEAPON}",
)
# "hell" as typed for "he'll" ("hell kill me"), never as an oath ("what the hell just kill me", "oh hell kill me").
_NOT_OATH: Final = r"(?<!the )(?<!oh )(?<!to )(?<!like )(?<!bloody )(?<!a )(?<!of )"
# Said outright, with no word of its telling (stop 38): "he's going to kill me", "my ex is coming to hurt me", "the
# guy i owe money to will break my legs", "someone is trying to kill me". Never "shell" or "shed" as "she'll" or
# "she'd", nor "hell" as an oath (``_NOT_OATH``). Read only where nothing before it in its sentence makes it a wish, a
# doubt or a denial (``_NOT_A_THREAT_BEFORE``).
_OUTRIGHT: Final = re.compile(
    rf"(?:{_SUBJECT}{_MEANS}|(?<![\w'])(?!(?:shell|shed)\b)(?:(?=hell\b){_NOT_OATH}|(?!hell\b)){_WILL}|(?<![\w'])(?:he|she|they|someone|somebody)"
    rf"(?:'s|s| is|'re|re| are) (?:trying |(?:coming|on (?:his|her|their) way) (?:here |over |back |home )?|out )to|"
    rf"(?<![\w'])(?:(?:he|she|someone|somebody) wants|they want) to) {_BETWEEN}(?:{_HARM} {_TARGET}|{_HARM_OTHERWISE})"
)


def _outright_spans(view: str) -> list[tuple[int, int]]:
    """Where a view says a threat outright (``_OUTRIGHT``) with no wish, doubt or denial before it in its sentence."""
    found = []
    for m in _OUTRIGHT.finditer(view):
        sentence = max(view.rfind(end, 0, m.start()) for end in ".!?;\n") + 1
        if not _NOT_A_THREAT_BEFORE.search(view, sentence, m.start()):
            found.append(m.span())
    return found


# Signs said beside a threat told that it is meant, not a figure of speech: a weapon in the threatener's hand or
# brought ("he came in with a bat", "threatened me with his gun"), harm done before ("she's done it before", "last
# week he choked me"), harm grave enough that a figure rarely reaches for it ("beat me to death", "throw acid in my
# face", "put me in the hospital"), the speaker's family as the target, a court order or a refuge, asking what to
# do. Not fear, the police, a broken leg or a condition of leaving or telling: in reviews they came with figures as
# often as with threats ("she'll kill me if i come home with another piercing, i'm actually scared", "my coach said
# he'll break my legs if i skip leg day", "my brother said he'll kill me if i break up with her"), and neither is a
# screen's caution (reviews' figures reached one more often than their threats did).
_REAL_WEAPON: Final = (
    rf"(?<!butter )(?<!pocket )(?<!bread )(?<!nerf )(?<!glue )(?<!lego )(?<!water )(?<!toy )(?<!squirt )(?<!foam )"
    rf"(?:{WEAPON}|bat|hammer|crowbar)(?! block)"
)
_WEAPON_BROUGHT: Final = (
    rf"(?:(?:with|holding|has|had|pulled|grabbed|got|brought|carries|carrying|bought|hides|hid|keeps) (?:a|an|his|her|"
    rf"their) (?:\w+ )?{_REAL_WEAPON}|(?:found|saw) (?:a|an|his|her|their|the) (?:\w+ )?{_REAL_WEAPON})"
)
# Harm done before: "she's done it before", "last week he choked me", "like he did last month", "he's thrown things
# at me before", "he already killed one", "he put me in hospital in march", "he's been violent with the kids".
_HARM_BEFORE: Final = (
    r"(?:(?:he|she|they)(?:'s| has|'ve| have) (?:done|did) (?:it|this|that) before|like (?:he|she|they) did|"
    r"(?:again|before|last (?:time|night|week|month|year))\W+(?:\w+ ){0,3}?(?:he|she|they) (?:hit|hurt|beat|choked|"
    r"strangled|stabbed|attacked|pushed|punched|kicked|slapped) (?:me|us)|"
    r"(?:he|she|they)(?:'s| has| have| had)? (?:already |actually |even )?(?:hit|hurt|beat(?:en)?|choked|strangled|"
    r"stabbed|attacked|pushed|punched|kicked|slapped|thrown (?:\w+ ){0,2}at|broke(?:n)?|followed|put (?:me|us) in|"
    r"killed|shot|burned|assaulted)\b[^.!?;]{0,40}?\b(?:before|last (?:time|night|week|month|year)|yesterday|"
    r"already|again|in (?:january|february|march|april|may|june|july|august|september|october|november|december))|"
    r"(?:he|she|they)(?:'s| has| have| had)? already (?:hit|hurt|beat(?:en)?|choked|strangled|stabbed|attacked|"
    r"killed|shot|burned)|(?:hit|hurt|beat|choke|strangle|stab|punch|kick|slap) (?:me|us) again(?! (?:in|at|on)\b)|"
    r"break (?:my|our) \w+ again|like last time|(?:did|done) it (?:last|again)|been violent)"
)
# The speaker's children or family as the target, which figures rarely name.
_FAMILY_TARGET: Final = (
    r"(?:hurt|kill|beat|stab|shoot|strangle|drown) (?:my|the|our) (?:little )?(?:kids|children|son|daughter|baby|"
    r"sister|brother|mom|mum|mother)\b"
    # Not where their own act is the reason, as in a figure ("... the kids if they wake him up", "... our daughter
    # for using his razor").
    r"(?![^.!?;,]*\b(?:if|when|unless|once) (?:they|he|she|it)\b)(?! for \w+)"
)
# Harm grave enough that a figure of speech rarely reaches for it.
_GRAVE: Final = (
    r"(?:to death|(?:till|until) (?:i|we) (?:can't|cannot|can not|lose)|(?:in|into) (?:the|a) (?:hospital|wheelchair|"
    r"coffin|grave|morgue)|run (?:me|us) over with (?:a|his|her|their|the) (?:car|truck|van)|acid (?:in|on|at|into) "
    r"(?:my|our|me|us)|throw\w* acid|firebomb\w*|"
    r"shoot up|burn (?:the|my|our) (?:house|flat|home|place|apartment) down|lose (?:the|my|our) baby|off a bridge|"
    r"make sure (?:i|we) (?:never|don't|won't|do not) make it)"
)
# Help sought for staying safe, and the threatener able to reach the speaker.
_HELP_SOUGHT: Final = (
    r"(?:restraining order|protection order|protective order|court order|(?:women's|domestic violence|dv) shelter|"
    r"refuge|safe house|what (?:do|should|can) (?:i|we) do|am i safe|knows where (?:i|we) live|"
    r"(?:still )?has a key)"
)
_DANGER_BESIDE: Final = re.compile(
    rf"\b(?:{_WEAPON_BROUGHT}|{_HARM_BEFORE}|{_FAMILY_TARGET}|{_GRAVE}|{_HELP_SOUGHT})\b"
)
# A joke said beside the words: "lol", "we were both laughing", "it's our running joke", "she's all talk".
_JOKING: Final = re.compile(
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|joking|jokes?|kidding|laugh\w*|all talk|banter|teasing)\b|"
    "[\U0001f602\U0001f923\U0001f606\U0001f605\U0001f61c\U0001f61d]"
)
# The reason a verdict carries when a threat told that the screen would allow or answer with care gets a caution and
# the vetted line for a person in danger before the model's answer (``crisis.danger_line``).
DANGER: Final = "violence:threatened"


def told(view: str) -> bool:
    """Whether a normalised view of the person's words tells of another person's threat to kill or hurt them, or
    says it outright."""
    return _TOLD.search(view) is not None or bool(_outright_spans(view))


def weapon_spans(view: str) -> list[tuple[int, int]]:
    """Where a view says the threatener's weapon ("he has a knife"), part of the threat, not the speaker's own."""
    return [m.span() for m in _WEAPON_HELD.finditer(view)]


def spans(view: str) -> list[tuple[int, int]]:
    """Where a view holds the words of a threat told (a weapon in someone's hand alone is none: "my brother keeps
    talking about ending it all, he has a gun" is his risk)."""
    return sorted([m.span() for m in _TOLD.finditer(view)] + _outright_spans(view))


# A game or a play fight named anywhere in the message ("he beat me last time on fifa", "like she did yesterday when
# we wrestled"): its harm done before is a game's. Only games by name: "a guy from an online game" may mean it.
_PLAYING: Final = re.compile(
    r"\b(?:(?:at|on|in|of|playing|play) (?!(?:a|the|this) (?:game|quiz|race)\b)" + _PLAYED + r"|rematch|wrestl\w*|"
    r"play ?fight\w*|pillow fight\w*|tickl\w*)\b"
)


def in_danger(view: str) -> bool:
    """Whether a threat told is read as meant: a sign of danger is said beside it (``_DANGER_BESIDE``) and no joke
    is."""
    # The signs first: they are rarer and cheaper to read than a threat told.
    return (
        _DANGER_BESIDE.search(view) is not None
        and not _JOKING.search(view)
        and not _PLAYING.search(view)
        and told(view)
    )
