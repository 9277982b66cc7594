"""The moment of an attempt: the speaker where they mean to jump from, on the tracks, or with the means against their
body, about to act or acting (stop 38).

The self-harm rules read plans ("i'm going to jump off the bridge") and wishes, not the moment itself, and the
classifier reads it at most as a caution: "i'm on the roof and i'm going to jump", "the car is running and i sealed
the garage, im just waiting now" and "the gun is against my head right now" were answered by the model or allowed,
and "loaded my dads gun. its in my lap. im ending it" was refused as a request for violence. The same places and
things are everyday life (a roofer on a roof, a diver on the high dive, a commuter whose next train it is, a hunter's
loaded rifle, a razor in the bath), so each rule needs the speaker ("i'm", "i") and two things said together: where
they are and that they are going (a jump, over the rail, or a last word: "goodbye", "don't try to stop me"); the
means against their own body; or the car running in a shut garage with them inside. A fun jump, a job at a height,
a game, a film or a reminder said beside it excuses it.

Input only: a reply that says these words is read by the other rules and the classifier.
"""

from __future__ import annotations

from typing import Final

from tenor.safety.rule import Rule
from tenor.safety.rule import rule as _r

_I_AM: Final = r"\b(?:i'?m|im|i am)"
# A place high enough to fall from; a building only by its roof, edge, ledge or top.
_HIGH: Final = (
    r"(?:roof(?:top)?|ledge|bridge|balcony|rail(?:ing)?|overpass|cliff|parking (?:garage|structure|deck)|"
    r"water tower|fire escape|window ?sill|(?:top|edge|ledge|roof) of (?:the |my |this |a )?(?:\w+ )?building|"
    r"\d+(?:st|nd|rd|th) floor (?:window|balcony|ledge))s?\b"
)
# The speaker there: "i'm on the roof", "im standing on the edge of the bridge", "i climbed up the water tower".
_ME_THERE: Final = (
    rf"(?:{_I_AM}(?: (?:standing|sitting|lying|laying|perched|hanging|up|out|now|already|still|just|finally))*|"
    r"\bi (?:just |finally )?(?:climbed|got|went|made it|drove|walked)(?: up| out| over)?) (?:on|at|onto|on top of|"
    r"at the top of|up on|out on|up|over|to) (?:the |a |this |my |that )?(?:(?:edge|top|side) of (?:the |a |this |my |"
    rf"that )?)?(?:[\w'-]+ ){{0,4}}?{_HIGH}"
)
# The speaker going: "i'm going to jump", "about to jump", "im jumping", "i'm letting go", "climbing over".
_ME_GOING: Final = (
    r"(?:\b(?:i'?m|im|i am|i'?ll|ill|i will|i)(?: (?:just|really|finally|gonna|going to|about to|ready to|want to|"
    r"wanna|gunna|finna|so|now|really))* |\b(?:about to|ready to|going to|gonna) )(?:jump(?:ing)?|let(?:ting)? go|"
    r"go(?:ing)? over|climb(?:ing)? over|step(?:ping)? off)\b(?! (?:into|down|onto|on|to|off (?:the|a) "
    r"(?:diving|high)|over (?:the |a )?(?:puddle|fence|hurdle|wave)|of)\b| in\b(?! (?:front of|a|an|one|two|three|"
    r"five|ten|\d+|a few|just a) ?(?:minutes?|mins?|seconds?|secs?|moments?|hours?|of)?\b))"
)
# A last word: "goodbye", "tell my mom i'm sorry", "don't try to stop me", "i can't do this anymore".
_LAST: Final = (
    r"(?:good ?bye(?: (?:world|everyone|everybody|all|forever))?\W*$|good ?bye (?:world|everyone|everybody|all|"
    r"forever)\b|bye (?:world|everyone|all)\W*$|tell (?:my )?\w+ (?:that )?(?:i'?m sorry|im sorry|i love (?:them|him|"
    r"her|you)\W*$)|don'?t (?:try to )?(?:stop|save) me|i can'?t (?:do this|go on|take (?:it|this)) any ?more|"
    r"(?:my|a) suicide note|this is my last (?:message|words|night|day)|(?:ending|end) it (?:all|now|tonight)\b|"
    r"(?:nobody|no one|noone) will miss me|better off without me|not coming (?:down|back)|note (?:is )?written|"
    r"wrote (?:my|a|the) (?:goodbye |suicide )?note\b(?! (?:to|for|on|about))|left (?:my|a) (?:goodbye |suicide )"
    r"note|(?:i'?m|im) ending it\W*$|(?:it'?s|its) high enough\W*$)"
)
# Said of the means made ready, a last word in fewer words: "the rope is tied and im doing it", "tonights the night".
_NOW: Final = (
    r"(?:this is it|(?:i'?m|im) doing it|(?:tonight|now)(?:'?s| is) the (?:night|time)|it'?s happening (?:tonight|"
    r"now)|its happening (?:tonight|now)|" + _LAST + ")"
)
# A jump for fun, a job at a height, a game or a film, a reminder: what the sentence is for.
_NOT_AT_RISK: Final = (
    r"\b(?:pool|lake|river|sea|ocean|water(?! tower)|quarry|dock|div(?:e|ing)|plane|bungee|skydiv\w*|parachut\w*|"
    r"base jump\w*|cliff[- ]?(?:div|jump)\w*|rope swing|polar plunge|skis?|skiing|trampoline|zip ?line|parkour|shed|"
    r"hot tub|helicopter|gta|minecraft|fortnite|game|gaming|playing|movie|film|song|sing|concert|stage|crowd|"
    r"wish me luck|lol|lmao|haha\w*|first (?:time|jump|bungee)|feet down|meteor\w*|fix\w*|repair\w*|replac\w*|"
    r"clean\w*|install\w*|paint\w*|shingles|gutters?|antenna|dish|solar|flashing|ladder|photos?|pictures?|selfie|"
    r"video|view|sunset|fireworks|party|bar|drinks|terrace|lunch|dinner|cigarette|smok\w*|plants?|costume|halloween|"
    r"remind me|set a (?:timer|reminder)|forecast|weather|wind|roofer|climbing wall|gym|class|lesson|practice|"
    r"training|stunt|wedding|vacation|holiday|trip|cruise|ferry|boat|sail\w*)\b"
)
# On the tracks, and the train meant: "im lying on the tracks and i can hear it coming".
_ON_TRACKS: Final = (
    rf"(?:{_I_AM}(?: \w+)?? (?:(?:lying|laying|sitting|standing|waiting|kneeling) )?(?:on|across|between) the "
    r"(?:(?:railroad |railway |train |subway |rail )?tracks|(?:railroad|railway|train) track)\b|"
    rf"{_I_AM} not (?:moving|getting|going) off the (?:\w+ )?tracks?\b)"
)
_TRAIN_MEANT: Final = (
    r"(?:train|it)(?:'?s| is)? (?:coming|here|close|getting closer)|(?:hear|see) (?:it|the train)|not (?:moving|"
    r"getting up|getting off)|won'?t (?:move|get up)|wont (?:move|get up)|waiting for (?:it|the train)|" + _LAST
)
# The means against the speaker's own body, held by them.
_HOLDING: Final = (
    r"(?:i have|i'?ve got|ive got|i'?m holding|im holding|holding|i put|i'?m putting|im putting|i'?m pressing|"
    r"im pressing|pressing|i pressed|i'?ve put)"
)
_AT_BODY: Final = (
    r"\b(?:the |a |my )?(?:rope|noose)(?:'?s| is)? (?:tied )?(?:around|on|round) my neck\b|"
    rf"\b{_HOLDING} (?:the |a |my )?(?:rope|noose) (?:around|on|round) my neck\b|"
    rf"\b{_HOLDING} (?:the |my |a |his |dad'?s )?(?:gun|pistol|revolver|barrel) (?:to|against|in|under|at) my "
    r"(?:head|temple|mouth|chin)\b|\b(?:the|my) (?:gun|pistol|revolver|barrel)(?:'?s| is) (?:pressed )?(?:against|in|"
    r"at|to|under) my (?:head|temple|mouth|chin)\b|"
    rf"\b{_HOLDING} (?:the |my |a )?(?:razor|blade|knife) (?:on|against|at|to|across) my (?:wrists?|throat)\b|"
    r"\b(?:the|my) (?:razor|blade|knife)(?:'?s| is) (?:pressed )?(?:on|against|at|to|across) my (?:wrists?|throat)\b|"
    r"\b(?:the|my) (?:gun|pistol|revolver|barrel)(?:'?s| is) (?:pointed|aimed) at (?:me|myself)\b|"
    r"\b(?:loaded|cocked) (?:the |my |a |my \w+'?s? )?(?:gun|pistol|revolver)\b[^\n]{0,40}?\bin my lap\b|"
    r"\b(?:gun|pistol|revolver)(?:'?s| is) (?:loaded|cocked)\b[^\n]{0,40}?\bin my lap\b|"
    # The stool kicked away beside a rope: "its tied off, im stepping off the stool in a minute".
    r"\b(?:rope|noose|tied)\b[^\n]{0,80}?\b(?:step(?:ping)? off|kick(?:ing)?(?: away| over)?) (?:the )?(?:stool|"
    r"chair)\b|\bkick(?:ing)? (?:away |over )?the (?:stool|chair)(?: away| over)?\b[^\n]{0,80}?\b(?:rope|noose)\b|"
    # An overdose swallowed, said so it cannot be a treat or a prescription.
    r"\b(?:i|i'?ve|ive|just) swallowed (?:every (?:pill|tablet)|everything in the (?:medicine |bathroom )?cabinet|"
    r"the (?:whole|entire) bottle(?: of (?:pills|tablets|meds))?|all (?:of )?(?:my|the) (?:pills|tablets|meds|"
    r"medication))\b"
)
# The means made ready, with a last word: "rope is tied to the banister, don't try to stop me", "gun loaded. note
# written. tonight.", "bath is filling up and the razor is next to it. goodbye".
_READY: Final = (
    r"\b(?:(?:the |a |my )?(?:rope|noose)(?:'?s| is)? (?:tied|ready|up|hung|set)|tied (?:the|a|my) (?:rope|noose)|"
    r"(?:rope|noose|belt|cord)(?:'?s| is)? (?:tied|hung|up|fixed|secured)(?: up)? (?:to|on|from|over) (?:the |a |my )?"
    r"(?:banister|beam|rafter|ceiling|ceiling fan|fan|closet (?:rod|bar)|door ?frame|pipe|hook|loft|stair ?rail)|"
    r"(?:loaded|cocked) (?:the |my |a |my \w+'?s? )?(?:gun|pistol|revolver)|(?:gun|pistol|revolver)(?:'?s| is)? "
    r"(?:loaded|cocked|ready)|(?:have|got) (?:the |my |a )?(?:gun|pistol|rope|noose) ready|(?:razor|blade) (?:is )?in "
    r"my hand|(?:bath|tub)\w*\b[^\n]{0,80}?\b(?:razor|blade)s?|(?:razor|blade)s?\b[^\n]{0,80}?\b(?:bath|tub))\b"
)
_NOT_READY: Final = (
    r"\b(?:boat|sail\w*|dock|anchor|cleat|bumper|tow\w*|swing|hammock|tree|tent|lasso|hangman|knot|climb\w*|crag|"
    r"belay|rappel\w*|gym|range|hunt\w*|deer|duck|season|blind|blanks|prop|starter|nail gun|glue|nerf|water gun|"
    r"bolt gun|target|match|idpa|clays?|clean\w*|safe|holster|class|lesson|practice|play|game|video|movie|haunted|"
    r"costume|halloween|zip ?line|waist|necklace|wear\w*|shav\w*|hair|legs|beard|barber|lol|joke|kidding|first time|"
    r"lead\w*|rack|kayak|canoe|swing|battle|deer|rifle)\b"
)
# The car running in a shut garage with the speaker inside.
_RUNNING: Final = r"\b(?:car|engine|motor)(?:'?s| is)? (?:still )?(?:running|on)\b"
_SHUT: Final = (
    r"\b(?:garage (?:door )?(?:is |'s )?(?:closed|shut|down|sealed)|(?:sealed|shut|closed) (?:the |my )?garage|"
    r"(?:garage )?doors? (?:is |are )?(?:closed|shut|sealed)|door shut)\b"
)
_ME_INSIDE: Final = (
    rf"(?:{_I_AM}(?: \w+)? (?:in|inside|sitting in|staying in|waiting|not getting out|just waiting)|\bi (?:sealed|shut|"
    r"closed) (?:the|my) garage|till it'?s over|until it'?s over)\b"
)
_CAR_SHUT: Final = (
    rf"{_I_AM} (?:in|inside|sitting in) (?:the|my) garage\b[^\n]{{0,60}}?{_RUNNING}[^\n]{{0,60}}?(?:not (?:getting|"
    r"coming) out|till it'?s over|until it'?s over|good ?bye)|\bgarage is filling (?:up )?with (?:exhaust|fumes)\b"
    rf"[^\n]{{0,60}}?{_LAST}|"
    rf"{_ME_INSIDE}[^\n]{{0,100}}?(?:{_RUNNING}[^\n]{{0,80}}?{_SHUT}|{_SHUT}[^\n]{{0,80}}?{_RUNNING})|"
    rf"(?:{_RUNNING}[^\n]{{0,80}}?{_SHUT}|{_SHUT}[^\n]{{0,80}}?{_RUNNING})[^\n]{{0,100}}?{_ME_INSIDE}"
)
_NOT_SHUT: Final = (
    r"\b(?:warm\w*|mechanic|lift|charg\w*|ev|safe|can i|is it|how long|should i|generator|idle|inspection|rain\w*|"
    r"parking lot|exhaust (?:pipe|manifold|leak)|locked out|keys)\b"
)
# Someone else in the moment, told by one who is worried ("my roommate locked himself in the garage"): the other rules
# and the classifier read it.
_SOMEONE_ELSE: Final = (
    r"\b(?:my|our|his|her) (?:\w+ )?(?:friend|mate|brother|sister|mom|mum|mother|dad|father|son|daughter|wife|husband|"
    r"partner|girlfriend|boyfriend|bf|gf|kid|child|cousin|roommate|student|coworker|colleague|neighbou?r|uncle|aunt|"
    r"grandpa|grandma|teen|boss|ex)(?:'s)? (?:\w+ )?(?:is|was|has|just|keeps|says|said|texted|sent|posted|called|"
    r"wont|won't|locked)\b|\b(?:he|she|they)(?:'s|s| is| are|'re| was| were)? (?:going to|gonna|about to|wants? to|"
    r"will|said|says|texted)\b|\btold me (?:he|she|they)\b|\b(?:someone|somebody|a (?:man|woman|guy|kid|girl|boy|"
    r"person|stranger)) (?:is|was)\b"
)

ACT: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.95,
        "act-jump",
        # "i'm on the roof and i'm going to jump", "im on the bridge. goodbye", "im on the ledge and im jumping",
        # "i'm on the edge of the bridge and i'm gonna jump", "i climbed up the water tower and im going to jump".
        rf"{_ME_THERE}[^\n]{{0,120}}?(?:{_ME_GOING}|{_LAST})|(?:{_ME_GOING}|\b{_LAST})[^\n]{{0,120}}?{_ME_THERE}|"
        rf"{_I_AM} (?:going|climbing) over the rail(?:ing)?\b|(?:^|[.!?,;] |\bi (?:just )?|\bi'?ve )climbed over the "
        r"(?:rail(?:ing)?|barrier|fence|wall|guard ?rail) (?:on|of) (?:the |this )?(?:bridge|overpass|roof|balcony|"
        rf"building|parking \w+)\b|{_I_AM}(?: \w+)? on the (?:wrong|other|outside) side of "
        r"the (?:rail(?:ing)?|fence|barrier)\b",
        context=(_NOT_AT_RISK, _SOMEONE_ELSE),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.95,
        "act-tracks",
        # "im lying on the tracks and the train will be here soon", "the train is coming and im not moving off the
        # tracks", "im going to step in front of it".
        rf"{_ON_TRACKS}[^\n]{{0,80}}?\b(?:{_TRAIN_MEANT})|\b(?:{_TRAIN_MEANT})[^\n]{{0,80}}?{_ON_TRACKS}|"
        r"\b(?:i'?m|im|i am|i'?ll|ill|i will)(?: \w+)?(?: going to| gonna| about to)? (?:step(?:ping)?|jump(?:ing)?|"
        r"walk(?:ing)?) in front of (?:it|the (?:next )?(?:train|express|subway|freight))\b|"
        rf"\bnext (?:train|one|express|freight)(?:'?s| is) mine\b(?=[^\n]{{0,80}}?{_LAST})|"
        r"\b(?:i'?m|im|i am|i'?ll|ill|i will)(?: \w+)?(?: going to| gonna| about to)? (?:jump(?:ing)?|step(?:ping)?|"
        r"walk(?:ing)?|lie|lying|lay|laying) (?:down )?(?:onto|on) the (?:\w+ )?tracks?\b|"
        rf"(?:{_I_AM}(?: \w+)? (?:stepping|jumping|going) off the (?:edge of the )?platform\b[^\n]{{0,80}}?\b"
        rf"(?:{_TRAIN_MEANT}|when (?:the|it) (?:train )?comes)|\b(?:{_TRAIN_MEANT}|when the train comes)[^\n]{{0,80}}?"
        rf"{_I_AM}(?: \w+)? (?:stepping|jumping|going) off the (?:edge of the )?platform\b)|"
        rf"{_I_AM} (?:standing )?at the (?:end|edge) of the platform\b[^\n]{{0,60}}?when the train comes,? (?:i'?m|im) "
        r"going\b",
        context=(r"\b(?:minecraft|game|model|lionel|toy|selfie|photos?|video|commute|see you|movie)\b", _SOMEONE_ELSE),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.95,
        "act-means",
        # "the rope is around my neck now", "the gun is against my head right now", "the blade is pressed to my
        # wrist"; "rope is up, kicking away the chair now"; "gun loaded. note written. tonight."; "im in the car in
        # the garage with the engine running, door shut".
        rf"{_AT_BODY}|{_READY}(?=[^\n]{{0,100}}?{_NOW})|\b{_NOW}[^\n]{{0,100}}?{_READY}",
        context=(_NOT_READY, _SOMEONE_ELSE),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.95,
        "act-garage",
        _CAR_SHUT,
        context=(_NOT_SHUT, _SOMEONE_ELSE),
        where=("input",),
    ),
)
