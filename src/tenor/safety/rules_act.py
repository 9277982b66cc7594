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
from tenor.safety.threats import PERSON

_I_AM: Final = r"\b(?:i'?m|im|i am)"
# The speaker about to go: "i'm", "i'll", "im gonna", "i am about to".
_I_WILL: Final = r"\b(?:i'?m|im|i am|i'?ll|ill|i will)(?: \w+)?(?: going to| gonna| about to)?"
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
    r"\b(?:pool|(?:into|in|to) the (?:lake|river|sea|ocean|water|quarry)|water (?:is|temp\w*|park|slide|ski\w*)|"
    r"quarry|dock|div(?:e|ing)|plane|bungee|skydiv\w*|parachut\w*|"
    r"base jump\w*|cliff[- ]?(?:div|jump)\w*|rope swing|polar plunge|skis?|skiing|trampoline|zip ?line|parkour|shed|"
    r"hot tub|helicopter|gta|minecraft|fortnite|game|gaming|playing|movie|film|song|sing|concert|stage|crowd|"
    r"wish me luck|lol|lmao|haha\w*|first (?:time|jump|bungee)|feet down|meteor\w*|fix\w*|repair\w*|replac\w*|"
    r"clean\w*|install\w*|paint\w*|shingles|gutters?|antenna|dish|solar|flashing|ladder|photos?|pictures?|selfie|"
    r"video|view|sunset|fireworks|party|bar|drinks|terrace|lunch|dinner|cigarette|smok\w*|plants?|costume|halloween|"
    r"remind me|set a (?:timer|reminder)|forecast|weather|wind|roofer|climbing wall|gym|class|lesson|practice|"
    r"training|stunt|wedding|vacation|holiday|trip|cruise|ferry|boat|sail\w*|retir\w*|"
    r"moving (?:away|house|out|to))\b"
)
# On the tracks, and the train meant: "im lying on the tracks and i can hear it coming".
_ON_TRACKS: Final = (
    rf"(?:{_I_AM}(?: \w+)?? (?:(?:lying|laying|sitting|standing|waiting|kneeling) )?(?:on|across|between) the "
    r"(?:(?:railroad |railway |train |subway |rail )?tracks|(?:railroad|railway|train) track)\b|"
    rf"{_I_AM} not (?:moving|getting|going) off the (?:\w+ )?tracks?\b)"
)
_TRAIN_MEANT: Final = (
    r"(?:(?:train|it)(?:'?s| is)? (?:coming|here|close|getting closer)|(?:hear|see) (?:it|the train)|not (?:moving|"
    r"getting up|getting off)|won'?t (?:move|get up)|wont (?:move|get up)|waiting for (?:it|the train)|(?:i'?m|im) "
    r"(?:so )?sorry\b|" + _LAST + ")"
)
# The means against the speaker's own body, held by them.
_HOLDING: Final = (
    r"(?:i have|i'?ve got|ive got|i'?m holding|im holding|holding|i put|i'?m putting|im putting|i'?m pressing|"
    r"im pressing|pressing|i pressed|i'?ve put)"
)
_AT_BODY: Final = (
    r"(?:\b(?:the |a |my )?(?:rope|noose)(?:'?s| is)? (?:tied )?(?:around|on|round) my neck\b|"
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
    r"medication))\b)"
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
    rf"(?:{_I_AM} (?:in|inside|sitting in) (?:the|my) garage\b[^\n]{{0,60}}?{_RUNNING}[^\n]{{0,60}}?(?:not (?:getting|"
    r"coming) out|till it'?s over|until it'?s over|good ?bye)|\bgarage is filling (?:up )?with (?:exhaust|fumes)\b"
    rf"[^\n]{{0,60}}?{_LAST}|"
    rf"{_ME_INSIDE}[^\n]{{0,100}}?(?:{_RUNNING}[^\n]{{0,80}}?{_SHUT}|{_SHUT}[^\n]{{0,80}}?{_RUNNING})|"
    rf"(?:{_RUNNING}[^\n]{{0,80}}?{_SHUT}|{_SHUT}[^\n]{{0,80}}?{_RUNNING})[^\n]{{0,100}}?{_ME_INSIDE})"
)
_NOT_SHUT: Final = (
    r"\b(?:warm\w*|mechanic|lift|charg\w*|ev|safe|can i|is it|how long|should i|generator|idle|inspection|rain\w*|"
    r"parking lot|exhaust (?:pipe|manifold|leak)|locked out|keys)\b"
)
# Someone else in the moment, told by one who is worried ("my roommate locked himself in the garage"): the other rules
# and the classifier read it.
_SOMEONE_ELSE: Final = (
    r"(?:\b(?:my|our|his|her) (?:\w+ )?(?:friend|mate|brother|sister|mom|mum|mother|dad|father|son|daughter|wife|"
    r"husband|partner|girlfriend|boyfriend|bf|gf|kid|child|cousin|roommate|student|coworker|colleague|neighbou?r|uncle|aunt|"
    r"grandpa|grandma|teen|boss|ex)(?:'s)? (?:\w+ )?(?:is|was|has|just|keeps|says|said|texted|sent|posted|called|"
    r"wont|won't|locked)\b|\b(?:he|she|they)(?:'s|s| is| are|'re| was| were)? (?:going to|gonna|about to|wants? to|"
    r"will|said|says|texted)\b|\btold me (?:he|she|they)\b|\b(?:someone|somebody|a (?:man|woman|guy|kid|girl|boy|"
    r"person|stranger)) (?:is|was)\b)"
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
        rf"{_I_WILL} (?:step(?:ping)?|jump(?:ing)?|walk(?:ing)?) in front of (?:it|the (?:next )?(?:train|express|"
        r"subway|freight))\b|"
        rf"\bnext (?:train|one|express|freight)(?:'?s| is) mine\b(?=[^\n]{{0,80}}?{_LAST})|"
        rf"{_I_WILL} (?:jump(?:ing)?|step(?:ping)?|walk(?:ing)?|lie|lying|lay|laying) (?:down )?(?:onto|on) the "
        r"(?:\w+ )?tracks?\b|"
        rf"(?:{_I_AM}(?: \w+)? (?:stepping|jumping|going) off the (?:edge of the )?platform\b[^\n]{{0,80}}?\b"
        rf"(?:{_TRAIN_MEANT}|when (?:the|it) (?:train )?comes)|\b(?:{_TRAIN_MEANT}|when the train comes)[^\n]{{0,80}}?"
        rf"{_I_AM}(?: \w+)? (?:stepping|jumping|going) off the (?:edge of the )?platform\b)|"
        rf"{_I_AM} (?:standing )?at the (?:end|edge) of the platform\b[^\n]{{0,60}}?when the train comes,? (?:i'?m|im) "
        r"going\b",
        context=(
            r"\b(?:minecraft|game|model|lionel|toy|selfie|photos?|video|commute|see you|movie|running late|"
            r"(?:i'?m|im|be) late|late for|maintenance|crew|shift|work(?:ing)? (?:on|here))\b",
            _SOMEONE_ELSE,
        ),
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


# --- Someone else in the moment (stop 38), told by one who is with them or worried: the answer for one worried about
# someone else ("If they might be in danger right now, please call 911 or stay with them while you get help"), which
# "other-at-risk" gives. "my brother is standing on the roof edge saying hes going to jump what do i do" was allowed,
# and "help my mom locked herself in the garage with the car running and she wont open the door" refused. As for the
# speaker, two things said together: the person there and going, or the means against their own body, held by them.
_PEOPLE: Final = (
    rf"(?:{PERSON}|student|teacher|kid|child|teen(?:ager)?|person|lady|buddy|bestie|bro|fiancee|grandfather|grandson|"
    r"granddaughter|roomate|boss|client|patient|son|daughter)s?"
)
# The person: "my brother", "there's a teenager", "a man", "he", "someone", or a bare kin word that opens a sentence
# and is placed ("husband on the roof edge says...").
_THEM: Final = (
    rf"(?:\b(?:my|our|his|her|their|a|an|the|this|that|some|one of my) (?:[\w'-]+ ){{0,2}}?{_PEOPLE}\b|"
    rf"\bthere(?:'?s| is) (?:a|an|some|this) (?:[\w'-]+ ){{0,2}}?{_PEOPLE}\b|\b(?:he|she|they|someone|somebody)"
    r"(?:\b|(?=s\b|re\b))|(?:^|[.!?,;] )(?:husband|wife|partner|bf|gf|boyfriend|girlfriend|mom|mum|dad|son|daughter|"
    r"brother|sister|friend|roommate|kid|neighbou?r|coworker)\b(?= (?:is |'s )?(?:on|at|in|up|standing|sitting|has|had|"
    r"tied|just)\b))"
)
_IS: Final = r"(?:'?s| is| are|'?re| was| were)?"
_THEIR: Final = r"(?:his|her|their)"
# A height as said of someone there; not a game of bridge, a light rail or a roof deck party.
_THEIR_HIGH: Final = (
    r"(?:roof(?:top)?|ledge|bridge(?! (?:club|team|night|game|party|tournament))|balcony|(?:bridge |balcony |"
    r"overpass )?railing|overpass|cliff(?: edge)?|cliffs|parking (?:garage|structure|deck)|water tower|fire escape|"
    r"window ledge|(?:top|edge) of (?:the |a |their |his |her )?(?:\w+ )?(?:building|roof|bridge|cliff|garage))s?\b"
)
_THEM_THERE: Final = (
    rf"{_THEM}{_IS}(?:[^\n.,]{{0,40}}? and)?(?: (?:standing|sitting|perched|hanging|up|out|now|still|just|right now|"
    r"already|climbed|walked|went|got|drove))*(?: up| out)? (?:on|at|onto|on top of|at the top of|up on|out on|over|"
    r"off|"
    rf"to) (?:the |a |this |{_THEIR} |our )?(?:(?:edge|top|side|outside) of "
    rf"(?:the |a |this |{_THEIR} )?)?(?:[\w'-]+ ){{0,3}}?{_THEIR_HIGH}"
)
# Their going, said by them or seen: "saying hes going to jump", "says she'll jump", "threatening to jump", "wont get
# down". Never a jump for fun or a figure ("wants to jump rope", "jump on the bed", "jump for joy", "jump the fence").
_NOT_A_LEAP: Final = (
    r"(?! (?:on|rope|ahead|for|the|in|into|down|onto(?! the (?:highway|freeway|road|tracks|street|traffic|rocks))|"
    r"off (?:the|a) (?:diving|high)|to|over|with|again|at|higher|tomorrow|back|around|up)\b)"
)
_HE_IS: Final = r"(?:\b(?:is|are|hes|shes|theyre|he'?s|she'?s|they'?re)|'s|'re)"
_THEY_GO: Final = (
    rf"(?:\b(?:says?|saying|said|keeps? saying|yelling|screaming|threaten(?:ing|s|ed)|told (?:me|us)|texted(?: me)?)"
    rf"(?: that)?(?: (?:he|she|they)(?:'s|s| is| are|'re|re|'ll|ll| will| would|'d)?)? (?:(?:going|about|ready|trying) "
    rf"to |gonna |wants? to |will |would |to )?(?:jump|let go(?! of)|end it(?: all)?)\b{_NOT_A_LEAP}|"
    rf"{_HE_IS} (?:about|going|threatening|ready|trying) to (?:jump|let go(?! of))\b{_NOT_A_LEAP}|"
    rf"(?:{_HE_IS} )?gonna (?:jump|let go(?! of))\b{_NOT_A_LEAP}|"
    rf"\b(?:about|ready|threatening|trying) to (?:jump|let go(?! of))\b{_NOT_A_LEAP}|"
    r"\b(?:won'?t|wont|will not) (?:get|come) (?:down|off)\b(?! (?:from the stars|for dinner))|"
    r"\b(?:says?|saying|said|keeps? saying|yelling|screaming|told (?:me|us)|texted(?: me)?)(?: that)?(?: (?:he|she|"
    r"they)(?:'s|s| is| are|'re|re)?)? (?:done with (?:everything|it all|life)|(?:doesn'?t|doesnt|don'?t|dont) want to "
    r"(?:live|be here)|wants? to (?:die|end it)|(?:can'?t|cant) (?:take it|do this|go on) any ?more|nobody (?:will|"
    r"would) miss (?:him|her|them)|(?:going to|gonna) do it (?:tonight|now)|jumping|sorry for everything)\b|"
    r"\bwants to die\b)"
)
# Someone seen going over: "climbing over the rail of the bridge", "on the wrong side of the bridge railing".
# (After the person and their verb: "climbed over the railing", "on the wrong side of the bridge railing".)
_OVER_THE_RAIL: Final = (
    rf"(?:(?:[^\n.]{{0,60}}? and)?(?: just)? (?:climb(?:ed|ing|s)?|step(?:ped|ping|s)?|swung (?:one|a|her|his) (?:leg|"
    rf"foot)) (?:over|past) (?:the |a |{_THEIR} )?(?:[\w'-]+ ){{0,2}}?(?:rail(?:ing)?|barrier|edge|ledge|(?:overpass|"
    r"bridge|balcony|roof) fence)\b|(?: \w+)?? (?:(?:standing|sitting|hanging) )?on the (?:wrong|outside|other) side "
    r"of the (?:[\w'-]+ )?rail(?:ing)?\b)"
)
_HEIGHT: Final = (
    r"\b(?:bridge|overpass|balcony|roof|rooftop|cliff|parking (?:garage|structure|deck)|\d+(?:st|nd|rd|th) floor|"
    r"building|freeway|highway|train|ferry|pier|ship)\b"
)
# Their last word from the place: "texted me goodbye from the top of the parking garage", "sent a goodbye message and
# her location is the overpass".
_GOODBYE: Final = (
    r"(?:(?:texted|sent|messaged|posted|emailed|called)(?: [\w']+){0,3}?(?: (?:a|to say|saying|that))?(?: i love you)? "
    r"good ?bye\b|\bgood ?bye (?:text|message|note|video|email|post)s?\b|\bsaid good ?bye to (?:me|us|"
    r"everyone|all of us)\b|\b(?:saying|says) good ?bye(?: to (?:me|us|everyone|all of us))?(?=\W*$| and| but|,)|"
    r"\bthis is (?:the end(?! of)|goodbye)\b)"
)
_PLACE: Final = rf"(?:{_THEIR_HIGH}|(?:train |railroad |railway )?tracks)"
_FROM_THERE: Final = (
    rf"(?:{_THEM}(?=[^\n]{{0,60}}?(?:good ?bye|this is (?:the end|goodbye)))[^\n]{{0,40}}?(?:{_GOODBYE})[^\n]{{0,60}}?"
    r"(?<!\bi'm )(?<!\bim )(?<!\bi am )(?:\b(?:from|at|on|is)|"
    rf"(?:{_HE_IS}) (?:on|at)|'s|"
    r"location (?:says|shows|is)(?: (?:shes|hes|theyre|she'?s|he'?s|they'?re) (?:at|on))?) (?:the |a |his |her |"
    r"their )?"
    rf"(?:(?:top|edge) of (?:the )?)?(?:[\w'-]+ ){{0,3}}?{_PLACE}|{_THEM_THERE}[^\n]{{0,60}}?(?:{_GOODBYE}))"
)
_THEM_ON_TRACKS: Final = (
    rf"{_THEM}{_IS}(?: \w+)?? (?:(?:lying|laying|sitting|standing|kneeling|walking) )?(?:on|onto|across|between|"
    r"down onto) the (?:\w+ )?(?:tracks|(?:railroad|railway|train) track)\b(?! (?:team|meet|practice))"
)
_TRAIN_COMING: Final = (
    r"(?:(?:train|express|it|freight)(?:'?s| is)? (?:is )?(?:coming|pulling in|two minutes out|close|here)|train horn|"
    r"(?:not|isn'?t|isnt) moving|wont (?:move|get up)|won'?t (?:move|get up)|(?:will be|be) gone|good ?bye)"
)
# The means at their own body, held by them: "my dad has his gun to his head", "holding a razor blade to her wrist".
_HOLDS: Final = (
    r"(?:has|had|is holding|holding|holds|put|puts|is putting|pointing|pointed|is pointing|pressing|pressed|with)"
)
# (After the person, gated on a word of the means: most people said in a message hold none.)
_MEANS_WORD: Final = (
    r"(?=[^\n.]{0,80}?\b(?:gun|pistol|revolver|rifle|shotgun|barrel|knife|blade|razor|box cutter|rope|noose|belt|"
    r"cord|wrists?|himself|herself|themselves|pills?|meds|tablets|tylenol|painkillers|antidepressants|medication|"
    r"bottles?)\b)"
)
_AT_THEIR_BODY: Final = (
    rf"{_THEM}{_MEANS_WORD}(?:[^\n.]{{0,40}}?\b{_HOLDS} (?:a |the |{_THEIR} )?(?:[\w'-]+ )?(?:gun|pistol|revolver|"
    r"rifle|"
    rf"shotgun|barrel|knife|blade|razor(?: blade)?|box cutter) (?:pressed |held )?(?:to|against|in|under|at|into) "
    rf"{_THEIR} (?:own )?(?:head|temple|mouth|chin|chest|wrists?|throat)\b(?<!with a gun to his head)(?<!with a gun to "
    rf"her head)(?<!with a gun to their head)|[^\n.]{{0,40}}?\bpointing {_THEIR} (?:\w+ )?(?:gun|pistol|rifle|shotgun) "
    rf"at (?:himself|herself|themselves|themself)\b|[^\n.]{{0,40}}?\b(?:has|with|got) (?:a |the )?(?:rope|noose|belt|"
    rf"cord) (?:around|round|on) {_THEIR} neck\b(?:(?! (?:for|as)\b)(?<!belt around his neck)(?<!belt around her "
    rf"neck)(?<!cord around his neck)(?<!cord around her neck)|(?= (?:tied|hanging|attached)))|[^\n.]{{0,40}}?\b"
    rf"cutting (?:{_THEIR} wrists?|(?:himself|herself|themselves))\b|[^\n.]{{0,40}}?\b(?:passed out|unconscious|"
    r"won'?t wake up|wont wake up|not waking up)\b[^\n]{0,60}?\b(?:pills?|pill bottles|bottles)\b|"
    rf"{_IS}(?: just)? (?:swallowed|took|downed|overdosed on) (?:(?:a|the) (?:whole|entire) bottle of |(?=all (?:of )?"
    rf"(?:his|her|their) (?:\w+ )?(?:pills|meds|tablets) at once)all (?:of )?{_THEIR} |(?:\d{{2,}}|a bunch of|dozens "
    rf"of|twenty|thirty|forty|fifty) (?:of {_THEIR} )?)(?:[\w'-]+ )?(?:pills|tablets|tylenol|meds|medication|"
    r"painkillers|sleeping pills|antidepressants)\b)"
)
# A noose or a rope rigged by them: "my dad tied a noose in the shed", "with a noose and a ladder".
_RIGGED: Final = (
    rf"{_THEM}{_IS}(?: \w+)?? (?:has|had|tied|made|hung|rigged|bought|set up|put up|is holding|holding|with) (?:a|the|"
    r"up a) (?:noose|rope (?:over|from|to|tied to) the (?:rafters?|beam|ceiling|closet (?:rod|bar)|banister|fan))\b"
)
_THEM_GARAGE: Final = (
    rf"{_THEM}{_IS}(?: \w+)?? (?:in|inside|locked (?:himself|herself|themselves) in|sitting in) (?:the |{_THEIR} |"
    r"our )?(?:\w+ )?(?:garage|car|truck)\b"
)
_RUNNING_SHUT: Final = (
    r"(?:\b(?:car|engine|motor|it)(?:'?s| is)? (?:running|on)\b[^\n]{0,60}?(?:door (?:is |'s )?(?:shut|closed|down|"
    r"sealed|locked)|(?:closed|shut|sealed) garage|won'?t (?:open|come out|answer|let me in)|wont (?:open|come out|"
    r"answer|let me in)|not (?:answering|picking up)|stopped answering|hose (?:in|into|to|going into)|towels? "
    r"(?:stuffed|under))|\b(?:door (?:is |'s )?(?:shut|closed|down|sealed)|(?:closed|shut|sealed) garage)\b[^\n]{0,60}?"
    r"\b(?:car|engine|motor|it)(?:'?s| is)? (?:running|on)\b)"
)
# What the sentence is about instead: a game, a film, the news, a robbery, a hunt, a prescription, a pet, the past.
_NOT_THEIRS: Final = (
    r"\b(?:pool|lake|water (?:is|temp\w*)|div(?:e|ing)|bungee|skydiv\w*|parachut\w*|trampoline|treehouse|toy|"
    r"train set|model|museum|(?:track|bridge|swim|dive|diving) team|on the team|track meet|works there|maintenance|"
    r"crew|game|gaming|movie|film|show|book|character|"
    r"story|news|song|lyrics|years ago|when (?:i|he|she) was|used to|rob\w*|thief|mugg\w*|kidnap\w*|hostage|"
    r"wallet|demanded|arrest\w*|cop|police officer|soldier|photo|magic|trick|deadline|rent|basically|hunt\w*|deer|"
    r"duck|season|range|clean\w*|safe(?:ty)?|holster|costume|halloween|lasso|hangman|knot|swing|leash|horse|dog|"
    r"necklace|lanyard|scarf|pharmacy|recycl\w*|prescri\w*|doctor|vacation|trip|flight|sober|migraine|"
    r"headache|one at a time|spread|this week|every day|daily|cold|radio|oil|working on|about to leave|leave for "
    r"work|wash\w*|listening|warm\w*|noise|detail\w*|fixing|repair\w*|gutters?|shingles|stargaz\w*|fireworks|"
    r"photos?|pictures?|selfie|view|sunset|wav\w*|guests|last day|new job|moving (?:away|house|out|to)|"
    r"(?:went|go|gone) "
    r"(?:for a )?run|(?:morning|evening|her|his) run|jog\w*|lol|haha\w*|lmao|concert|festival|crowd|stage|queue|in the "
    r"distance|shav\w*|beard|trim\w*|climbing (?:gym|wall|route|gear)|rock climbing|gym|gear|is that (?:ok|okay|safe)|"
    r"harness|inspect\w*|worker|vitamins?|forgot|this morning|morning pills|traffic (?:is|was|jam)|stuck in traffic|"
    r"playground|slide|video|tiktok|youtube|stunt|mattress|crash mat|foam|nerf|water gun|glue gun|last (?:year|month|"
    r"week|time)|doing (?:great|well|better))\b"
)

OTHERS_ACT: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.85,
        "other-at-risk",
        # "my brother is standing on the roof edge saying hes going to jump", "theres a teenager on the wrong side of
        # the bridge railing", "my son is lying on the train tracks and the train is coming", "my girlfriend just
        # texted me goodbye from the top of the parking garage", "my dad has his gun to his head", "my dad tied a
        # noose in the shed", "help my mom locked herself in the garage with the car running and she wont open the
        # door".
        rf"{_THEM_THERE}[^\n]{{0,100}}?{_THEY_GO}|{_THEM}(?=[^\n]{{0,160}}?{_HEIGHT}){_IS}{_OVER_THE_RAIL}|"
        rf"{_HEIGHT}[^\n]{{0,80}}?{_THEM}{_IS}{_OVER_THE_RAIL}|{_THEM_ON_TRACKS}[^\n]{{0,80}}?\b(?:{_TRAIN_COMING})|\b(?:{_TRAIN_COMING})[^\n]{{0,80}}?"
        rf"{_THEM_ON_TRACKS}|{_FROM_THERE}|{_AT_THEIR_BODY}|{_RIGGED}|{_THEM_GARAGE}[^\n]{{0,60}}?{_RUNNING_SHUT}",
        # Retrieving something over a rail: "my son stepped over the railing on the balcony to grab his toy".
        r"\b(?:climb(?:ed|ing|s)?|step(?:ped|ping|s)?) (?:over|past) [^\n]{0,60}?\bto (?:get|grab|fetch|look|retrieve|"
        r"reach|rescue|save|pick)\b",
        context=(_NOT_THEIRS,),
        where=("input",),
    ),
)
