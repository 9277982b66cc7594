"""A medical emergency happening now: someone not breathing, collapsed, fitting, choking, bleeding hard (stop 42).

"my dad just collapsed and he isn't breathing what do i do", "my son is having a seizure", "my baby is choking" and
"i think i'm having a heart attack" were answered by the 135M language model; "he's bleeding really badly from his
leg and it wont stop" was refused, read by the classifier as violence. What the person needs first is the emergency
number, and someone on the line who can talk them through what to do: every first-aid body says so, and a voice
assistant's tiny model must not be the one guessing at first aid. So these rules hand the turn to a vetted answer
(``crisis.crisis_reply`` with ``emergency``): the emergency number first, the phone on speaker, and, for a few signs,
the one step that every first-aid body gives before help comes (press on the wound; nothing in the mouth of one who
is fitting; the auto-injector). Not a self-harm risk, but the self-harm category carries them, as it carries a
poisoning (its action is the vetted answer, never the model), under their own names so the audit tells them apart.

Each rule reads a sign that is happening now: not breathing or breathing strangely, not waking or responding,
collapsed, a seizure, choking, bleeding that will not stop, the signs of a heart attack, a stroke or a severe
allergic reaction, a head injury with a sign of danger, someone drowning. Words that also fit a thing ("won't wake
up", "collapsed", "not responding") need a person before them; a pet before them is read by the pet's rule, whose
answer is a vet. Not the past told as past, help already called or come, an outcome known, a question of what to do
if, a story, a game, a course, a shift at work, a figure of speech ("i can't breathe i'm laughing so hard", "this
traffic is giving me a heart attack"), a heavy sleeper.

Since stop 44 these rules are not in ``rules.RULES``: on fresh rows they missed a fifth of the emergencies and read one
look-alike in twenty, so the ``layered`` screen reads an emergency with a model trained for it, these rules beside it
(``tenor.safety.emergency``); the ``rules`` screen, which has no model, reads them alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, Literal

from tenor.safety import normalize
from tenor.safety.rule import Rule
from tenor.safety.rule import rule as _r
from tenor.safety.rules_poison import DOG_CAT, SMALL_PET

# A person, as the subject of a sign: "my dad", "our little girl", "my friend's mum", "this guy", "he", "i".
_PERSON_NOUN: Final = (
    r"(?:mom|mum|mommy|mummy|mother|dad|daddy|father|parents?|husband|hubby|wife|partner|boyfriend|girlfriend|bf|gf|"
    r"fianc[eé]e?|son|daughter|kids?|child|children|bab(?:y|ies)|toddler|infant|newborn|brother|sister|bro|sis|"
    r"grandma|grandpa|granny|grandad|granddad|grandmother|grandfather|nan|nana|nanna|gran|papa|uncle|aunt|auntie|"
    r"cousin|nephew|niece|friend|buddy|mate|roommate|flatmate|housemate|neighbou?r|coworker|co-worker|colleague|"
    r"boss|guy|man|woman|lady|girl|boy|person|stranger|student|teacher|customer|driver|cyclist|runner|hiker|"
    r"swimmer|twins|grandson|granddaughter|stepdad|stepmom|stepmum|stepson|stepdaughter|teen(?:ager)?|little one|"
    r"rider|biker|motorcyclist|pedestrian|passenger|worker|climber|skier|diver|surfer|player|patron|kiddo|lo|"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[ -]?(?:years?[ -]?old|yrs?[ -]?old|yo|months?[ -]?ol"
    r"d))"
)
# Never the speaker: one who is talking is awake ("i passed out at the gym").
_PERSON: Final = (
    rf"(?:\b(?:my|our|his|her|their|the|this|that|a|an|some|one of (?:my|our|the)|(?:my|our) \w+'?s) (?:[\w'-]+ ){{0,2"
    rf"}}?"
    rf"{_PERSON_NOUN}\b|(?:^|[.!?] )(?:[\w'-]+ ){{0,2}}?{_PERSON_NOUN}\b|\b(?:he|she|they|someone|somebody)(?:'s|s|'re|"
    rf"re)?\b)"
)
# Breeds whose names are also people or things ("a boxer collapsed in the ring", "my lab partner", "the shepherd"):
# a pet only after a possessive and before no word that makes it a person or a place.
_BREED_OR_PERSON: Final = r"(?:labs?|boxers?|shepherds?|pointers?|setters?|springers?|cavaliers?|goldens?|heelers?)"
# A pet as the subject: "my dog", "our old cat", "the puppy".
_PET: Final = (
    # Never one ridden ("she fell off her horse"): the rider's signs are a person's.
    rf"(?:(?:(?<!\boff )(?<!\bfrom )\b(?:my|our|his|her|their|the|this|(?:my|our) \w+'?s) |(?:^|[.!?] )(?:[\w'-]+ )??)"
    rf"(?:[\w'-]+ ){{0,2}}?(?:(?!{_BREED_OR_PERSON}\b)(?:{DOG_CAT}|{SMALL_PET}|horse|pony|bird|parrot))\b(?:'s|s)?"
    rf"|\b(?:my|our|his|her|their) (?:[\w'-]+ )??{_BREED_OR_PERSON}\b(?! (?:partner|mate|tech|class|results?|work|"
    rf"coat|group|session|assistant|manager|director|head|leader|teacher|coach|trainer))(?:'s|s)?)"
)
# A pet named before a sign with no person named between ("my dog cut his paw on glass and its pouring blood"; not
# "my dog bit my son and he's bleeding badly").
_NOT_A_PERSON: Final = rf"(?!\b(?:my|our|his|her|their|the|a|this) (?:\w+ )?{_PERSON_NOUN}\b|\bme\b)"
_PET_THEN: Final = rf"{_PET}(?:{_NOT_A_PERSON}[^.!?\n]){{0,80}}?"
# Words between the subject and the sign: "just", "suddenly", "has", "is", "out of nowhere".
_BETWEEN: Final = (
    r"(?: (?:just|suddenly|has|have|had|is|are|was|were|'s|s|seems to|seems to be|just now|now|then|also|still|"
    r"all of a sudden|out of nowhere|literally|completely|totally|really|i think|think|and|has just|keeps|kept|went|"
    r"gone|going|looks|looking|all|so|very|is going|has gone))"
    r"{0,3} "
)
# Signs a person or an animal shows, that need no subject: no thing breathes, fits or chokes.
_BREATHING: Final = (
    r"(?:\b(?:isn'?t|isnt|is not|aren'?t|arent|are not|not|won'?t|wont|will not|stopped|has stopped|have stopped|can'?t"
    r"|cant|cannot|"
    r"can not|struggling to|fighting to|barely|hardly|no longer|(?:is|are)n'?t really) breath(?:e|ing)\b(?! "
    r"(?:through|out of|outta) (?:my|his|her|their|the|your|one) (?:nose|nostril)| a word)|\bonly breathing (?:like |ab"
    r"out )?(?:every|once)|"
    r"\bgrunting with (?:every|each) breath|\bsucking in (?:under|between|below) (?:her|his|their|the) ribs|"
    r"\bblue around (?:the|his|her|their) (?:mouth|lips)|\bbreathing (?:is )?(?:really |very |so |super |all )?"
    r"(?:weird(?:ly)?|strange(?:ly)?|funny|odd(?:ly)?|shallow|slow(?:ly)?|wrong|raspy|noisy|gurgl\w*|rattl\w*)|"
    r"\bgasping(?: for (?:air|breath)\b|(?= *(?:$|[.!?,;]| (?:and|like|sounds?|noises?|now|again|but|on|help|please|"
    r"he|she|i|every|each|really|badly|heavily)\b)))|\b(?:his|her|their) heart (?:has )?stopped\b(?! (?:when|for a|at|"
    r"beating for))|\b(?:barely|semi|hardly) ?conscious\b|\bin and out of consciousness\b|\b(?:lips|face|skin|fingers|m"
    r"outh|tongue|gums) (?:is |are |has |have |'s |s )"
    r"?"
    r"(?:gone |going |turned |turning |went |looks? |looking )?(?:all |really |very )?(?:blue|grey|gray|purple|bluish|g"
    r"reyish|grayish)\b|\b(?:keeps?|kept) (?:stopping|pausing) "
    r"(?:breathing|(?:his|her|their) breathing)\b|\bpaus\w* (?:in )?(?:his|her|their) breathing\b|\b(?:passed out|"
    r"unconscious|won'?t wake|can'?t wake (?:him|her|them)?)\b[^.!?\n]{0,60}\b(?:gurgl\w*|rattl\w*)|\b(?:gurgl\w*|"
    r"rattl\w*)\b[^.!?\n]{0,60}\b(?:passed out|unconscious|won'?t wake|can'?t wake)\b|\btur"
    r"ning blue\b|\bno pulse\b|"
    r"\bcan'?t (?:find|feel) (?:a|his|her|their|the) (?:pulse|heartbeat)\b)"
)
_SEIZURE: Final = (
    r"(?:\b(?:eyes?|eye) (?:are |have |has )?(?:rolled|rolling|rolls) (?:back|up)\b|\bs(?:ei|ie|ee)zure (?:has|is|'s|s)"
    r" "
    r"(?:gone|going|lasted|been going|been) (?:on )?(?:for )?(?:more|over|longer|\d+|five|ten|a few)|\bs(?:ei|ie|ee)zur"
    r"e "
    r"(?:won'?t|wont|isn'?t|isnt|is not|not|hasn'?t|has not) stop\w*|\bhaving (?:some (?:kind|sort) of|a) (?:fit|"
    r"seizure)\b(?! (?:of|about|over|because|when|at)\b)|\b(?:is|'s|s|are|am|keeps|started|just started|now) having (?:"
    r"a |another |an? )?(?:(?:bad|big|massive|"
    r"huge|long) )?(?:s(?:ei|ie|ee)zures?|fits?|convulsions?)\b(?! (?:disorder|of|about|over|because|when|at)\b)|\bhavi"
    r"ng (?:a |another )?s(?:ei|ie|ee)zure"
    r"\b(?! "
    r"disorder)|\b(?:is|'s|are|hes|shes|theyre|started|keeps|still|won'?t stop|wont stop) (?:seizing|"
    r"convulsing|fitting)\b(?! (?:up|the|a|an|new|in|into|out|my|his|her|their|them|it|"
    r"its|together|well|nicely|perfectly|right|for (?:a|the|his|her|my|new|an))\b)|"
    r"\bjust had (?:a|his|her|their|another|a big|her first|his first) seizure\b|\bin the middle of a seizure\b|"
    r"\bbeen (?:seizing|convulsing|fitting) for\b|\bs(?:ei|ie|ee)zure\b[^.!?\n]{0,60}?\b(?:now (?:he'?s|she'?s|they'?re"
    r"|"
    r"hes|shes) having another|another one (?:started|is starting)|a second one started)\b|\b(?:shaking|jerking|"
    r"twitching|convulsing|on the floor)\b[^.!?\n]{0,40}\bfoaming\b|\bfoaming at the mouth\b[^.!?\n]{0,40}\b(?:shaking|"
    r"jerking|twitching)\b|\b(?:still|started|keeps|kept) (?:jerking|convulsing)\b|\b(?:jerking|twitching|shaking) "
    r"(?:all over )?(?:uncontrollably|all over and (?:fell|collapsed))\b|\b(?:straight|right) into another (?:one|s(?:e"
    r"i|ie|ee)"
    r"zure)\b|\banother one without waking\b)"
)
_CHOKING: Final = (
    r"(?:\b(?:strangl\w*|throttl\w*) me\b|\b(?:is|are|'s|keeps?) strangling\b|\bstrangling (?:a (?:woman|man|girl|boy|"
    r"kid|child)|someone|my \w+)\b|\b(?:hands?|arms?) (?:is |are )?(?:around|round) my (?:neck|"
    r"throat)\b|(?<!\bstop )(?<!\bfor )(?<!\bfrom )(?<!\babout )(?<!\bthan )(?<!\bof )\bchoking\b(?! (?:in (?:exams?|te"
    r"sts?|interviews?|games?|finals?|matches|the final|big "
    r"moments)|up|under|back|down|hazards?|risks?|game|challenge|on (?:my|his|her|their|your) (?:words|tears)))|\bchoki"
    r"ng on"
    r" (?:a |an |his |her |their |"
    r"some |the |something|food|it)|\b(?:something|food|a \w+|it)(?: is|'s)? stuck in (?:his|her|their|my|the "
    r"baby'?s) (?:throat|windpipe|airway)\b)"
)
_BLEEDING: Final = (
    r"(?:\b(?:so much|loads of|tons of) blood\b(?! (?:tests?|work|donat\w*|types?|pressure|sugar|"
    r"drawn|taken|cells?|in (?:the|this) (?:film|movie|game|show)))|\b(?:pouring|soaking|seeping|coming|bleeding) "
    r"(?:straight |right )?through (?:the |a |his |her |my )?(?:towels?|bandages?|cloths?|shirts?|dressings?|gauze)\b|"
    r"\bbleeding\b[^.!?\n]{0,50}?\b(?:won'?t|wont|will not|isn'?t|isnt|hasn'?t|has not) (?:stop|slow)\w*|"
    r"\bbleeding (?:really |so |very |super )?(?:a lot|so much|badly|heavily|everywhere|profusely|like crazy|bad|"
    r"non ?stop|heavy|loads|a ton|tons|from (?:his|her|their|my|the) (?:head|neck|chest|ears?)|out\b(?! of)|through (?:"
    r"the|a|his|her|my) (?:towel|bandage|cloth|shirt|dressing))|"
    r"\b(?:won'?t|wont|will not|can'?t|cant|cannot|couldn'?t) (?:get (?:it|the bleeding|him|her) to )?stop(?: the)? "
    r"bleeding\b|\bbleeding (?:won'?t|wont|will not|isn'?t|isnt|is not|hasn'?t|has not) (?:stop|slow)\w*|\bblood "
    r"(?:is )?(?:everywhere|spurting|pouring|gushing|pumping|squirting|won'?t stop)|\b(?:spurting|gushing|pouring|"
    r"pumping|squirting) (?:out )?blood\b|\blost (?:a lot|so much|loads) of blood\b|\b(?:towel|bandage|cloth|shirt|"
    r"dressing|tea towel)s? (?:is |are |'s |s )?(?:already )?(?:soaked|drenched|full of blood)|\b(?:vomiting|throwing "
    r"up|coughing up|puking) (?:up )?(?:blood|a lot of blood)|\bblood (?:is )?(?:coming|pouring|dripping) (?:out )?"
    r"(?:of|from) (?:his|her|their|my) (?:ears?|head)|\b(?:head|scalp|forehead|face|chin|lip|leg|arm|hand|wrist|knee|th"
    r"igh|foot|chest|belly|stomach|neck)s? (?:is |'s |s "
    r"|got |was |has been |been )?(?:ripped|torn|sliced|split|cut) (?:wide |right )?open\b|\b(?:split|cut|sliced|ripped"
    r") "
    r"(?:his|her|their|my) (?:head|scalp|forehead|face|leg|arm|hand|wrist|knee|thigh|foot|chest|belly|stomach|neck) "
    r"(?:wide |right )?open\b)"
)
_HEART: Final = (
    r"(?:\b(?:having|is having|'s having|am having|i'?m having|im having) (?:a )?heart attack\b|"
    # "my chest is killing me" reaches the rules as the figures read it plainly: "... is wearing me out".
    r"\b(?:chest|heart)\b[^.!?\n]{0,20}?\b(?:pains?|hurt\w*|tight\w*|crush\w*|pressure|heavy|killing|wearing me out|"
    r"squeez\w*)\b(?=[^.!?\n]{0,90}\b(?:arm|jaw|shoulder|neck|sweat\w*|clammy|short of breath|breathless|can'?t breathe"
    r"|hard to "
    r"breathe|can'?t (?:catch|get) (?:my|his|her|their) breath|dizzy|faint\w*|pass(?:ing)? out|nause\w*|throwing up|"
    r"crushing|squeezing|elephant|grey|gray|pale|floor|going dark|blacking out)\b)|\b(?:arm|jaw|sweat\w*|clammy|"
    r"short of breath|breathless|dizzy|faint\w*|nause\w*|throwing up|grey|gray)\b[^.!?\n]{0,60}?\bchest\b[^.!?\n]{0,20}"
    r"?"
    r"\b(?:pains?|hurt\w*|tight\w*|crush\w*|pressure|heavy|killing|squeez\w*)\b|\b(?:elephant|crushing|heavy weight|"
    r"tearing|ripping|squeezing) (?:[\w'-]+ ){0,4}?(?:on|in|across|through|into) (?:my|his|her|their|the) chest\b|\bcru"
    r"shing (?:\w+ ){0,2}?(?:in|on|across) (?:my|his|her|"
    r"their|the) chest\b|\bclutching (?:his|her|their|my) chest\b|\bcrushing chest pain\b)"
)
_STROKE: Final = (
    r"(?:\b(?:having|is having|'s having|am having|i'?m having|im having) (?:a )?stroke\b|\b(?:face|mouth|smile) "
    r"(?:is |has |'s |s |went |has gone |is going )?(?:suddenly |just |all )?(?:drooping|droopy|drooped|sagging|gone "
    r"(?:droopy|lopsided|crooked)|"
    r"lopsided|crooked|fallen)\b|\bone side of (?:his|her|their|my) (?:face|body|mouth) (?:is |has |went |gone )?"
    r"(?:numb|drooping|droopy|weak|limp|not moving|dead|fallen)\b|\b(?:half|one side of|(?:left|right|whole left|whole "
    r"right) side of) (?:my|his|her|their) (?:face|body|mouth|smile)\b[^.!?\n]{0,20}?\b(?:numb|droop\w*|weak|limp|dead|"
    r"isn'?t working|not working|won'?t "
    r"move|isn'?t moving|not moving)\b|"
    r"\b(?:my|his|her|their) (?:whole )?(?:left|right|one) side (?:\w+ ){0,2}?(?:went|is|has gone|feels|goes) (?:all )?"
    r"(?:numb|weak|dead|limp|heavy)\b|\bcan'?t get (?:my|his|her|their) words out\b|\b(?:speech|words) (?:is |are |"
    r"went |has gone |have gone |going |suddenly )?(?:coming out )?(?:all )?(?:weird|funny|slurred|slurry|slurring|stra"
    r"nge|garbled|jumbled|wrong)\b|"
    r"\b(?:face|mouth|smile) (?:looks?|looking|is|has gone|went) (?:all )?(?:droopy|lopsided|crooked|wrong|slack)\b|"
    r"\bone side of (?:his|her|their|my) (?:face|mouth) (?:\w+ ){0,2}?slack\b|\bcan'?t find (?:his|her|their|my) words"
    r"\b|"
    r"\bcan'?t (?:speak|talk|lift|move|raise|feel|see)\b[^.!?\n]{0,30}?\b(?:all of a sudden|suddenly|out of nowhere)\b|"
    r"\b(?:arm|leg|face|side|hand) (?:feels |is |went |has gone |just went )?(?:all )?(?:weak|numb|heavy|dead)\b"
    r"[^.!?\n]{0,30}?\b(?:all of a sudden|suddenly|out of nowhere)\b|\bworst headache of (?:my|his|her|"
    r"their) life\b|\b(?:suddenly|all of a sudden|out of nowhere) "
    r"(?:\w+ ){0,3}?(?:slurring|can'?t (?:speak|talk|lift|move|raise|feel|see))\b)"
)
_ALLERGY: Final = (
    r"(?:\b(?:throat|tongue|lips?|airway) (?:is |are |feels? |has |'s |s |keeps? )?(?:like (?:it'?s|its|it is) )?"
    r"(?:swelling|swollen|closing|puffing|puffed|huge)(?: up| shut)?\b|\bthroat (?:is |feels )?(?:so |really )?(?:tight"
    r"|"
    r"itchy)\b(?=[^\n]{0,100}\b(?:nuts?|peanuts?|shellfish|shrimp|bee|wasp|stung|sting|allerg\w*|epi ?pen|hives|"
    r"wheez\w*)\b)|\b(?:nuts?|peanuts?|shellfish|shrimp|bee|wasp|stung|sting|allergic)\b[^\n]{0,100}\bthroat (?:is "
    r"|feels )?(?:so |really )?(?:tight|itchy)\b|\b(?:going into|is in|in|having) (?:an? )?anaphyla\w+|\banaphylactic ("
    r"?:shock|reaction)\b"
    r"|"
    r"\bepi ?pen (?:isn'?t|is not|didn'?t|did not|not|hasn'?t|has not) (?:work|help)\w*|\bhives\b[^.!?\n]{0,40}\b(?:whe"
    r"ez\w*|"
    r"can'?t breathe|struggling to breathe|throat|swell\w*)\b|\bwheez\w*[^.!?\n]{0,40}\bhives\b|\b(?:sting|stung|nuts?|"
    r"peanuts?|allergic|shellfish|wasp|bee)\b[^.!?\n]{0,80}\b(?:struggling|can'?t|cant|hard) to (?:swallow|breathe)\b|"
    r"\b(?:muzzle|snout|face|eyes?)\b[^.!?\n]{0,20}?\b(?:puffing|swelling|swollen)\b[^.!?\n]{0,40}\bwheez\w*|\b(?:aller"
    r"gic reaction|"
    r"anaphyla\w+)\b[^.!?\n]{0,100}\b(?:swell\w*|wheez\w*|whistl\w*|can'?t breathe|hoarse|throat)\b|\bepi ?pen\b"
    r"[^.!?\n]{0,60}\b(?:still (?:wheez\w*|struggling|can'?t breathe|swelling|getting worse)|getting worse|wheez\w*|"
    r"hoarse|not better)\b)"
)
_HEAD: Final = (
    r"(?:\b(?:hit|banged|smacked|cracked|bashed|knocked) (?:his|her|their|my) head\b(?=[^\n]{0,120}\b(?:confus\w*|"
    r"vomit\w*|throwing up|threw up|being sick|drowsy|sleepy|won'?t wake|can'?t wake|passed out|knocked out|blacked "
    r"out|unconscious|(?:from|out of) (?:his|her|their|my) ears?|pupils?|nodding off|slurr\w*|doesn'?t know where|can'?"
    r"t "
    r"remember|seizure|fitting)\b)|\bfell (?:down|off|from)\b[^.!?\n]{0,60}?\b(?:won'?t wake|can'?t wake|unconscious|"
    r"knocked out|not moving|can'?t move|can'?t feel|fluid (?:coming )?(?:from|out of)|so drowsy)\b)"
)
_DROWNING: Final = (
    r"(?:\b(?:is|'s|are|were) drowning\b(?! in\b(?! (?:the|a) (?:\w+ )?(?:water|pool|lake|sea|river|ocean|bath|"
    r"bathtub|tub|pond|canal|quarry|surf|waves)\b))|\b(?:pulled|got|dragged|fished) (?:him|her|them|my \w+) out of the "
    r"(?:water|pool|lake|sea|river|bath|bathtub|tub|ocean)\b|\bfound (?:him|her|them|my \w+) (?:face ?down |"
    r"floating )?(?:in|at the bottom of) the (?:pool|bath|bathtub|tub|pond|lake)\b|\bface ?down in (?:the|a) (?:\w+ )?"
    r"(?:pool|water|bath|bathtub|tub|pond|lake|river|sea)\b)"
)
_INJURY: Final = (
    r"(?:\bbone (?:is )?(?:sticking|poking|jutting|coming) (?:out|through)\b|\b(?:is|are|was|were|got|been|been "
    r"so|'s|s) (?:\w+ )?(?:badly|severely|really badly) burn(?:ed|t)\b(?! (?:the|a|an|some|our|dinner|toast|it|them)\b)"
    r"|"
    r"\b(?:badly|severely|really badly) burn(?:ed|t) (?:my|his|her|their) (?:\w+ )?(?:face|arms?|legs?|hands?|chest|"
    r"back|body|neck|skin)\b|\b(?:clothes|hair|he|she|shirt|dress|jacket|top|sleeve|"
    r"trousers|pants|jumper|sweater) caught (?:on )?fire\b|\bburn(?:ed|t) (?:black|all over)\b|\b(?:huge|big|massive|te"
    r"rrible|"
    r"awful) burns\b|\bscald(?:ed|ing) (?:him|her|them|me|(?:my|his|her|their) (?:[\w'-]+ )?(?:face|arms?|legs?|hands?|"
    r"chest|back|body|neck|skin|feet|foot|head))\b|(?:\b(?:is|are|hes|shes|theyre) |'s |'re |\b(?:lying|lies|lay|found "
    r"(?:him|her|them)) (?:\w+ )?)(?:unconscious|unresponsive)\b(?! (?:bias|mind|level|on (?:text|texts|whatsapp|chat|e"
    r"mail)))|\b("
    r"?:got|just got|has been|'s been|was just) elect"
    r"rocuted\b|"
    r"\binhaler (?:isn'?t|isnt|is not|not|doesn'?t|does not|didn'?t|did not|is|does) (?:working|helping|work|help|"
    r"doing anything|do anything|doing nothing|nothing)\b|\bfell (?:from|off|out of) (?:a |the |our |my |his |her )?(?:"
    r"[\w'-]+ ){0,2}?(?:balcony|roof|"
    r"window|ladder|cliff|ledge|scaffold\w*)\b|"
    r"\basthma attack\b(?=[^\n]{0,100}\b(?:no change|not helping|isn'?t helping|not working|isn'?t working|getting wors"
    r"e|(?:isn'?t|isnt|not) getting better|barely (?:talk|speak|breathe)|"
    r"blue|can'?t (?:talk|speak|breathe)|gasping)\b)|\b(?:(?:bad|severe|serious|major|deep) burns|skin (?:is |'s |s )?"
    r"(?:\w+ and )?(?:peeling off|blistering|bubbling|charred|melted|melting|coming off))\b|\b(?:boiling|scalding|hot) "
    r"(?:water|oil|"
    r"tea|coffee|fat|grease)\b[^.!?\n]{0,80}?\b(?:over|onto|on|down|across|into) (?:him|her|them|me|himself|herself|the"
    r"mselves|myself|(?:my|his|her|their) "
    r"(?:[\w'-]+ )?(?:face|arms?|legs?|hands?|chest|back|body|neck|skin|lap|feet|foot|head)|(?:my|his|her|their|the) (?"
    r":\w+ )?"
    r"(?:baby|toddler|son|daughter|kid|child|boy|girl))\b|"
    r"\b(?:kettle|pan|pot) (?:went|spilled|tipped|fell) (?:all )?(?:over|onto|on)\b|\b(?:got |just got |has been |'s be"
    r"en |s been |was just |just been |just )(?:hit|"
    r"run over|knocked down) by a (?:car|truck|bus|van|train|motorbike|lorry)\b|\b(?:diabetic|diabetes|type ?1|type one"
    r"|"
    r"t1d|blood sugar|sugar (?:is|'s) (?:low|high)|hypo)\b[^\n]{0,100}?\b(?:confused|slurr\w*|unconscious|passed out|"
    r"won'?t wake|can'?t wake|not making sense|unresponsive|fitting|seizure|mumbl\w*|nonsense|gibberish|drowsy|"
    r"sleepy|won'?t respond\w*|not responding|pass(?:ing)? out|faint\w*|can'?t think)\b|\bbone (?:is )?(?:showing|visib"
    r"le)\b|\b(?:bent|twisted|pointing) the "
    r"wrong way\b|\b(?:fell|fall|crash\w*|came off|hit by|landed|thrown)\b[^.!?\n]{0,80}\b(?:can'?t|cannot|cant) "
    r"(?:feel|move) (?:his|her|their|my) (?:legs|arms|body|neck)\b|\b(?:trapped|pinned|crushed) under(?:neath)? (?:a |t"
    r"he "
    r"|his |her )?(?:it|car|truck|van|tree|rubble|wall|machine|tractor|vehicle|debris|beam)\b|\b(?:electric\w*(?! (?:bi"
    r"ll|"
    r"company|car|guitar|blue|toothbrush|scooter|bike))|live wires?|power lines?|sockets?|outlets?|mains)\b[^.!?\n]"
    r"{0,60}\b(?:shocked|zapped|thrown back)\b|\b(?:shocked|zapped)\b[^.!?\n]{0,40}\b(?:wires?|sockets?|outlets?|"
    r"power lines?|mains)\b|\bskin\b[^.!?\n]{0,40}?\b(?:charred|leathery)\b)"
)
# Signs that also fit a thing or a mood ("my laptop won't wake up", "the deal collapsed"): a person or a pet first.
_NOT_WAKING: Final = (
    r"(?:(?:won'?t|wont|will not|can'?t|cant|cannot|isn'?t|isnt|is not|aren'?t|arent|are not|not|doesn'?t|does not|"
    r"didn'?t|did not|hasn'?t|has not|stopped) (?:(?:wak(?:e|ing|en)|waken)(?: up)?(?! (?:(?:him|her|them|me|you) )?(?:"
    r"up )?(?:to|for|in time|before)\b)|(?:moving|move)(?! (?:on|for|forward|"
    r"ahead|in|out|house|away|back|to|over|up|down|it|the|my|his|her|their|anything|things)\b)|com(?:e|ing) "
    r"(?:round|around|to(?= *(?:$|[.!?,]| (?:yet|again|properly|at all|and)\b)))|answer(?:ing)? (?:me|us|any of us|"
    r"anyone)\b(?! (?:on|by|over) (?:the |my )?(?:phone|texts?|calls?))|(?:really |properly )?(?:respond(?:ing)?|reacti"
    r"ng|"
    r"react)(?= *(?:$|[.!?,]| "
    r"(?:to (?:me|us|anything|anyone|his name|her name|their name|my voice|touch|pain|shaking)|me|us|any of us|"
    r"anyone|at all|and|or|when|he|she|hes|shes|they|i|we|his|her)\b)))\b(?! (?:to "
    r"(?:my|his|her|the) (?:texts?|messages?|calls?|emails?|dms?)|for (?:school|work|class|church)))|"
    r"(?:unconscious|unresponsive|out cold|(?<!a )limp|floppy|slumped over)\b(?! (?:bias|mind|level|handshake|"
    r"wrist|on (?:text|texts|whatsapp|snap\w*|chat|email|insta\w*|messenger|discord|the (?:group|chat|app))))|(?:keeps?"
    r"|kept) "
    r"(?:passing out|fainting|blacking out|losing consciousness)\b|"
    r"(?:(?:gone|went|turned|turning|looks?|looking) (?:all |really |very )?blue|(?:gone|went|turned|turning) "
    r"(?:all |really |very )?purple(?! from))\b(?! (?:with cold|in the face (?:argu"
    r"ing|shouting|yelling|telling|explaining|talking|asking|"
    r"saying|trying)))|"
    r"collapsed(?! (?:on|onto|into|in) (?:the |my |his |her |our |a )?(?:couch|sofa|bed|chair|rug|"
    r"carpet|lap|cushion|blanket))"
    r"\b)"
)
# Someone else waking them or not: "i can't wake him up", "we can't get her to wake up".
_CANT_WAKE: Final = (
    r"(?:\b(?:can'?t|cant|cannot|couldn'?t|can not|unable to) (?:get )?(?:wake|rouse|waken) (?:him|her|them|my \w+|the "
    r"baby)(?: up)?\b(?! (?:to|for|in time|before)\b)|\b(?:can'?t|cant|cannot|couldn'?t) get (?:him|her|them|my \w+|the"
    r" baby) to (?:wake up|respond|"
    r"open (?:his|her|their) eyes)\b)"
)
# Signs added in stop 43, from stop 42's check half and a third helper's rows (the order of the words as people say
# them: "a bloated belly", "grabbing at his throat", "coughing up water").
_MORE: Final = (
    r"(?:\b(?:grabbing|clutching|holding|gripping|clawing) (?:at )?(?:his|her|their|my) (?:chest|throat)\b|"
    r"\b(?:chest|heart)\b[^.!?\n]{0,20}?\b(?:pains?|hurt\w*|tight\w*|pressure|heavy|squeez\w*)\b[^.!?\n]{0,60}\b(?:spre"
    r"ading|"
    r"radiating|going (?:up|down|into)) (?:to|into|down|up)\b|"
    r"\b(?:sting|stung|nuts?|peanuts?|allergic|shellfish|wasp|bee)\b[^.!?\n]{0,100}\b(?:hoarse|wheez\w*|can'?t breathe|"
    r"struggling to breathe|hives|blotchy)\b|"
    r"\b(?:coughing up|throwing up|spitting up|vomiting|bringing up) (?:\w+ )?water\b|\bwent under\b[^.!?\n]{0,60}\b(?:"
    r"got|"
    r"pulled|dragged) (?:him|her|them) out\b|"
    r"\b(?:shock|electrocuted|zapped) (?:off|from) (?:the |a )?(?:mains|wires?|sockets?|outlets?|fence|power|cable)\b|"
    r"\bburn(?:ed|t) (?:black|all over|raw)\b|"
    r"\b(?:worst|bad|severe|serious|massive) asthma attack\b[^.!?\n]{0,80}\b(?:drowsy|sleepy|confused|blue|can'?t (?:ta"
    r"lk|"
    r"speak|breathe)|exhausted)\b|"
    r"\bchoke ?hold\b[^.!?\n]{0,60}\b(?:limp|unconscious|out cold|not breathing|can'?t breathe|passed out)\b|"
    r"\b(?:diabetic|diabetes|type ?1|t1d|blood sugar|hypo)\b[^.!?\n]{0,100}\b(?:can'?t swallow|slump\w*)\b|"
    r"\b(?:can'?t|cant|cannot) tell if (?:he|she|they)(?:'s|s| is| are|re)? (?:still )?breathing\b|\bnot sure (?:if|"
    r"whether) (?:he|she|they)(?:'s|s| is| are|re)? (?:still )?breathing\b|"
    r"\bs(?:ei|ie|ee)zures? (?:one )?after (?:another|the other)\b|\bone s(?:ei|ie|ee)zure after another\b)"
)
_SIGNS: Final = (
    rf"(?:{_MORE}|{_BREATHING}|{_SEIZURE}|{_CHOKING}|{_BLEEDING}|{_HEART}|{_STROKE}|{_ALLERGY}|{_HEAD}|{_DROWNING}|"
    rf"{_INJURY})"
)
# A whole message that is only "i can't breathe" (and "help", "please"): said to a voice, taken as meant.
_CANT_BREATHE_ALONE: Final = (
    r"^(?:(?:help|please|oh god|omg)[ ,!.]*)*i (?:really )?(?:can'?t|cant|cannot) breathe[ ,!.]*(?:(?:help|please|"
    r"help me)[ ,!.]*)*$"
)
# Not now, or not a person's body: the past, help come, an outcome known, a question of what to do if, a story or a
# game, work, a figure of speech, a machine. Each excuses the matches in its sentence.
_NOT_NOW: Final = (
    r"\b(?:(?:\w+ )?(?:years?|months?|weeks?|days|ages|decades) ago|(?<!since )(?:last (?:night|week|month|year|summer|"
    r"winter|spring|fall|autumn|christmas|time)|yesterday)|when (?:i|he|she|they|we) (?:was|were) (?:little|small|"
    r"young|a (?:baby|toddler|kid|child|puppy|kitten))|as a (?:baby|toddler|kid|child)|back (?:then|when|in)|(?:in|"
    r"back in) (?:19|20)\d\d|used to\b|whenever|every time|once (?:had|when)|"
    r"(?:movie|film|book|novel|story|episode|show|series|character|cartoon|comic|article|podcast|documentary|video(?! "
    r"call)|"
    r"tiktok|youtube|reel|clip|minecraft|roblox|sims|fortnite|song|poem|script|play|news|quiz|exam|course|"
    r"(?:first aid|cpr|lifeguard|resus\w*) (?:class|course|session|training)|drill|scenario|hypothetical\w*|suppose|ima"
    r"gine|dream\w*|nightmare|scene|chapter|"
    r"gameplay|raid|boss fight|npc|patients?|clients?|shift|ward|as a (?:nurse|paramedic|emt|doctor|lifeguard))\b|"
    r"what (?:should|do|would|can|to) (?:i|you|we|one|someone|people)? ?do (?:if|when)|(?:if|in case|whether|unless) "
    r"(?:someone|somebody|a person|you|your|my|he|she|they|a|an|the|i|we)\b|(?:how (?:do|to|can|would|should|"
    r"could) (?:i|you|we|one|people)? ?(?:tell|know|recogni[sz]e|spot))|how (?:many|much|often|long (?:do|should|can) "
    r"(?:you|i|one))\b|do you (?:give|do|press|put|use|start)\b|(?:signs|symptoms) of|what (?:are|is) "
    r"(?:the )?(?:signs|symptoms)|(?:but|and) (?:now |then )?(?:he'?s|she'?s|they'?re|i'?m|it'?s|hes|shes|im|theyre"
    r"|he is|she is|they are|i am) (?:totally |completely |all )?(?:fine|ok|okay|alright|all right|awake|"
    r"conscious|breathing (?:again|now|normally|fine)|back to normal)|coughed it (?:out|up)|spat it out|(?:and|but|now|"
    r"then|finally) (?:(?:he|she|they|i|"
    r"we) )?(?:has |have )?(?:came (?:round|around|to)|woke(?: back)? up|woken up)\b|(?:ambulance|paramedics?|emts?|med"
    r"ics|firefighters|fire brigade|doctors?|nurses?|"
    r"help) (?:is|are|were|was|have|has|just|already) (?:here|arrived|on (?:the|their|its) way|came|coming|took|"
    r"with)|(?:i|we|he|she|they|someone|my \w+) (?:already |just )?(?:called|rang|phoned|dialed|dialled) (?:911|999|"
    r"112|000|111|an ambulance|the ambulance|emergency|for help|the paramedics|for an ambulance)|(?:we'?re|we are|"
    r"i'?m|i am|im|he'?s|she'?s|they'?re|he is|she is|they are) (?:now )?(?:at|in) (?:the )?(?:hospital|er|a&e|"
    r"emergency room|urgent care|ambulance|icu)|lol|lmao|lmfao|haha\w*|rofl|jk|just kidding|"
    r"went away|sent (?:her|him|them|me|us) home|discharged|(?:and|but|it|everything) (?:was|were) (?:all )?fine\b|it w"
    r"as nothing|all "
    r"clear|always (?:recovers|comes round|comes to|stops|settles|bounces back)|recover(?:s|ed)? (?:straight away|right"
    r" "
    r"away|quickly|fine)|thought (?:she|he|i|they|we) (?:was|were|'d|had) (?:having|had)|"
    r"cringe|dramatic|lazy|bdsm|kinky|kink|consensual|choke play|breath play|cute|adorable|aww+|best feeling|figurative"
    r"ly|me"
    r"taphorically|(?:gave|give|giving|gives|almost|nearly|gonna give|going "
    r"to give|about to give|going to have|gonna have) (?:me |him |her |us |you )?(?:a )?(?:heart attack|stroke)|"
    r"heavy sleeper|(?:he|she|they) always (?:does|do) (?:this|that)|sleeping in|sleep in|for school|(?:my|his|her|thei"
    r"r) alarm|alarm clock|hangover|"
    r"is (?:that|this|it) normal|first round|round \d|(?:title|boxing|ufc|cage|prize) fight|what a fight|boxing|ufc|"
    r"bout|knockout|ko\b|turned out|(?:worried|afraid|scared|concerned|worry|fear)s? (?:that )?(?:\w+ ){0,3}?(?:will|'l"
    r"l|"
    r"ll|might|may|could|would|is going to|gonna|one day|someday)\b|so "
    r"(?:that )?(?:she|he|they|it) (?:can'?t|won'?t)|(?:hopes?|hoping|wish(?:es|ing)?|wants?|wanting|prays?|praying) "
    r"(?:\w+ ){0,3}?(?:she|he|they|i|to)\b|from (?:surgery|the anaesthetic|the anesthetic|anaesthesia|anesthesia|the "
    r"operation)|luckily|fortunately|did(?:n'?t| not) make it|passed away|put (?:him|her|them) "
    r"down|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"call of duty|warzone|apex|revive\w*|respawn\w*|after (?:the|a|his|her|their) (?:dog park|walk|run|hike|zoomies|"
    r"workout|party|game)|video ?games?|board ?games?|(?:playing|play|played) (?:a |the |this )?(?:\w+ )?game\b(?!"
    r"[^.!?\n]{0,40}\b(?:suddenly|collapsed|now|and then|when (?:he|she|they)))|"
    r"(?:laptop|computer|pc|server|website|router|printer|console|playstation|xbox|fish tank|stock market|economy|"
    r"startup|souffl[eé]|sourdough|radiator)\b)"
)
_MINOR: Final = (
    r"\b(?:paper ?cut|shaving|shaved|nicked|tooth|teeth|tongue|lip|gums?|nose|knee|elbow|scraped|scrape|graze\w*|"
    r"splinter|pimple|zit|scab|period|stitches|playground|finger|thumb|mandoline|avocado|blister|hangnail|cuticle|"
    r"ear piercing|piercing)\b"
)
# A thing as the subject of a sign ("my laptop won't wake up", "the business collapsed", "the pen is bleeding
# through", "the engine is choking"), up to the sign, with no person, pronoun or new clause between: "i'm on the phone
# because my husband is choking" is a person's.
_THINGS: Final = (
    r"(?:laptop|computer|pc|mac|phone|iphone|android|tablet|ipad|server|website|site|app|router|wifi|printer|tv|"
    r"screen|monitor|engine|battery|system|program|software|code|bot|game|console|controller|xbox|playstation|"
    r"switch|fish tank|spreadsheet|excel|database|query|cpu|browser|chrome|traffic|weeds?|ivy|vines?|plants?|tree|flowe"
    r"rs?|tent|shelf|bridge|roof|ceiling|wall|building|tower|market|economy|stocks?|"
    r"deal|plan|talks|team|startup|company|business|shop|store|marriage|relationship|career|cake|souffl[eé]|sourdough|"
    r"bread|pen|ink|paint|marker|dye|colou?rs?|brakes?|radiator|pipes?|character|avatar|npc|toon|sims?|"
    r"battery|signal|stream|video|call|zoom|meeting|connection|network|account|bank|tomato(?:es)?|lettuce|"
    r"basil|seedlings?|leaves|sponge|souffle|jelly|mouse|keyboard|"
    r"trackpad|touchpad|mic|microphone|speaker|headphones|earbuds|alexa|siri|assistant|boiler|fridge|"
    r"freezer|oven|washer|dryer|dishwasher|wallet|project|fan|vacuum|hoover|(?:washing )?machine|inbox|drain|sink|"
    r"toilet|hose|filter|pump|toys?|squeaky|squeaker|ball|balloon)"
)
_THING_SIGN: Final = (
    rf"\b(?:my|our|the|his|her|their|this|that|a|an|its|(?:my|our) \w+'?s) (?:[\w'-]+ ){{0,2}}?{_THINGS}(?:'s|s)?\b"
    r"(?:(?!\b(?:he|she|they|hes|shes|theyre|i|im|we|you|him|her|them|my|our|his|their|because|while|when|now)\b)[^.!?"
    r"\n,]){0,40}?"
    r"\b(?:collaps\w*|respond\w*|wak\w*|bleed\w*|blood|chok\w*|seiz\w*|fit\w*|convuls\w*|drown\w*|dead|limp|"
    r"unconscious|unresponsive|breath\w*|gasp\w*|stuck|burn\w*|moving|move|crash\w*|froze\w*|freez\w*|floppy|blue|grey|"
    r"gray|ripped|torn|open|heart attack|stroke|swell\w*|swollen)\b"
)
_FUNNY: Final = (
    r"(?:laugh\w*|so funny|hilarious|in stitches|giggl\w*|spicy|curry|wasabi|chil(?:l)?i|peppers?|so hot|heat|humid\w*|"
    r"muggy|sweltering|stuffy|hay ?fever|pollen|blocked nose|congested|so excited|nervous)"
)
# Not a sign at all: emotion ("choking up", "drowning in work"), a figure ("bleeding money", "bleeding edge"), a thing.
_NOT_A_SIGN: Final = (
    r"(?:"
    rf"{_THING_SIGN}|\bdrowning (?:me|us)\b|\b(?:looked|looks|seemed|seems|feel|felt) like (?:the |this |that )?(?:\w+ "
    rf")?"
    rf"(?:he|she|they|i|guy|man|woman)?(?: was| were|'s| is)? having a\b|\b{_FUNNY}\b[^.!?\n]{{0,60}}\b(?:can'?t|cant|c"
    rf"annot|can barely|can hardly) breathe\b|\b(?:can'?t|c"
    rf"ant|"
    rf"cannot|can barely|can hardly) breathe\b"
    rf"[^.!?\n]{{0,40}}\b{_FUNNY}|\b{_FUNNY}\b[^.!?\n]{{0,40}}\bgasping\b(?: for (?:air|breath))?|\b(?:choking up|choke"
    rf"d up|bleeding (?:money|cash|jobs|customers|subscribers|users|air|edge|heart|out of (?:the|"
    r"my))|(?:nose|gums?|period|nosebleed)\b[^.!?\n]{0,40}\bbleeding|"
    # A small wound, however it bleeds ("i bit my tongue and it won't stop bleeding", "paper cut won't stop
    # bleeding", "cut my thumb on the mandoline and it's bleeding through the bandage"): not a call for an ambulance.
    rf"{_MINOR}[^.!?\n]{{0,70}}?\b(?:bleed\w*|blood)\b|\b(?:bleed\w*|blood)\b[^.!?\n]{{0,70}}?{_MINOR}|bleeding (?:from"
    rf" )?(?:his|her|my|their) "
    r"(?:nose|gums)|a (?:bit|little|tiny bit)\b[^.!?\n]{0,15}\bbleeding|bleeding a (?:bit|little|tiny bit)|stroke of "
    r"(?:luck|genius|midnight|brilliance|the pen)|panic attack|anxiety attack|anxious|panick\w*|"
    r"feel(?:s|ing)? (?:like|as if) (?:i|i'?m|im)\b[^.!?\n]{0,30}|"
    # Asked for, not told: "get my wife drugged unconscious" (the rules for harm read it).
    r"(?:get|make|knock|render|keep|leave) (?:[\w'-]+ ){0,3}?(?:unconscious|out cold|limp|unresponsive|stop breathing)|"
    r"[^.!?\n]{0,30}\b(?:is|are) (?:a|an) (?:real |true |medical )?emergency|\b(?:it'?s|its|it is|that'?s|thats|that is"
    r") (?:so |very |quite |rather |somehow )?fitting\b|\b(?:are you|you) "
    r"having a (?:stroke|heart attack|seizure)\b|(?:heart attack|stroke) (?:over|about|at|"
    r"from|when i saw)\b|(?:basically|practically|pretty much|virtually) (?:unconscious|dead|comatose)|(?:unconscious|o"
    r"ut "
    r"cold) (?:till|until|for the (?:night|whole))|sounds? like (?:he'?s|she'?s|they'?re|hes|shes|it'?s) chok\w*|"
    rf"choking (?:the|my|our|a|an|his|her|their) (?!(?:[\w'-]+ )?{_PERSON_NOUN}\b)\w+|different from [^.!?\n]{0, 30}|fe"
    rf"els like ("
    r"?:he|she|they) (?:can'?t|cant))"
    r")"
)

EMERGENCY: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.85,
        "emergency",
        rf"{_SIGNS}|{_PERSON}{_BETWEEN}(?:[\w'-]+ ){{0,2}}?{_NOT_WAKING}|{_CANT_WAKE}|{_CANT_BREATHE_ALONE}|"
        # Told after what happened: "my 13 year old drank a bottle of vodka and wont wake up".
        rf"{_PERSON}[^.!?\n]{{0,80}}?\b{_NOT_WAKING}",
        _NOT_A_SIGN,
        # A pet's, read by the pet's rule, to the end of its sentence ("my dog is choking on a ball and can't
        # breathe"), unless a person comes in ("my dog knocked my nan over and she isn't moving").
        rf"{_PET_THEN}(?:{_SIGNS}|{_NOT_WAKING})(?:{_NOT_A_PERSON}[^.!?\n])*",
        context=(_NOT_NOW,),
        where=("input",),
    ),
)

# A pet's emergency: the signs above, and those a vet calls urgent in an animal (straining and not passing water, a
# swollen belly while retching, hit by a car, heatstroke, back legs that will not hold).
_PET_SIGNS: Final = (
    r"(?:(?:can'?t|cant|cannot|unable to|straining to|trying to|keeps trying to|hasn'?t been able to) (?:pee|urinate|"
    r"wee)|(?:hasn'?t|has not|hasnt) (?:peed|urinated|weed)\b|(?:retch\w*|dry heav\w*)\b[^.!?\n]{0,60}\b(?:swollen|"
    r"bloated|hard|distended|huge) (?:belly|stomach|tummy|abdomen)\b|(?:muzzle|snout|face|head)\b[^.!?\n]{0,20}?\b(?:ma"
    r"ssive|"
    r"huge|puffed up|puffy|swollen|swelling)\b[^.!?\n]{0,40}\b(?:wheez\w*|wobbl\w*|can'?t breathe|struggling)|(?:pantin"
    r"g|hot|heat|left in the car)\b[^.!?\n]{0,80}\b"
    r"(?:wobbl\w*|stagger\w*|fell over|collapsed|lying flat)\b|\bpaddling (?:his|her|its|their) legs\b|(?:(?:belly|stom"
    r"ach|tummy|abdomen) )?(?:is |looks |'s |s )?(?:all |really |so |very )?(?:swollen|"
    r"bloated|hard|huge|distended|getting bigger)(?=[^.!?\n]{0,80}\b(?:retch\w*|dry heav\w*|trying to (?:throw up|vomit"
    r"|be sick)|"
    r"can'?t (?:throw up|vomit)|gagging)\b)|(?:retch\w*|dry heav\w*|trying to (?:throw up|vomit|be sick))\b[^.!?\n]{0,8"
    r"0}?"
    r"\b(?:belly|stomach|tummy|abdomen) (?:is |looks |'s |s )?(?:all |really |so |very )?(?:swollen|bloated|hard|huge|"
    r"distended|getting bigger)|straining\b[^.!?\n]{0,60}?\b(?:nothing (?:comes|coming|came) out|can'?t pee|no pee)|(?:"
    r"back )?legs "
    r"(?:suddenly )?(?:stopped working|gave out|won'?t work|are paraly[sz]ed|just collapsed)|(?:in labou?r|whelping|"
    r"giving birth|pushing)\b[^.!?\n]{0,80}?\b(?:no (?:puppy|puppies|kitten|kittens|foal)|for (?:an|two|\d+) hours?|"
    r"stuck)|panting (?:really |so |very )?(?:fast|hard|heavily)\b[^.!?\n]{0,40}?\bmouth open|breathing with "
    r"(?:his|her|its|their) mouth open|(?:rolling|kicking at (?:his|her|its) (?:belly|stomach|side))\b[^.!?\n]{0,60}?"
    r"\b(?:sweat\w*|won'?t stop|rolling)|(?:got |has been |'s been |s been |was just |just been |just got |just )hit by"
    r" a "
    r"(?:car|truck|van|bike|vehicle)|heat ?stroke|(?:(?<=he)|(?<=she)|(?<=it))s (?:convulsing|seizing|fitting)\b|(?:can"
    r"'?t|cant|cannot) (?:stand up|stand on (?:his|her|its) (?:\w+ )?"
    r"legs|walk|get up|move (?:his|her|its) (?:back )?legs)|dragging (?:his|her|its) "
    r"back legs)"
)
EMERGENCY_PET: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.85,
        "emergency-pet",
        rf"{_PET_THEN}(?:{_SIGNS}|{_NOT_WAKING}|{_PET_SIGNS})|\b(?:car|truck|van|bike|motorbike) (?:just )?(?:clipped|h"
        rf"it|"
        rf"struck|ran over|ran into) (?:my|our|the) (?:[\w'-]+ )?(?:{DOG_CAT}|{SMALL_PET})\b|"
        rf"(?:can'?t|cant|cannot) (?:wake|rouse) (?:my|our|the) (?:\w+ )?(?:{DOG_CAT}|{SMALL_PET})\b",
        _NOT_A_SIGN,
        context=(_NOT_NOW,),
        where=("input",),
    ),
)

# The reasons the rules give.
PERSON_EMERGENCY: Final = "self_harm:emergency"
PET_EMERGENCY: Final = "self_harm:emergency-pet"
REASONS: Final = frozenset({PERSON_EMERGENCY, PET_EMERGENCY})


def emergency(reasons: Sequence[str]) -> Literal["", "person", "pet"]:
    """Which emergency the rules read in a verdict's ``reasons``: a person's, a pet's (where only the pet's rule
    fired), or "" where none."""
    if PERSON_EMERGENCY in reasons:
        return "person"
    if PET_EMERGENCY in reasons:
        return "pet"
    return ""


# The few signs that get one step of first aid in the answer, each the step every first-aid body gives before help
# comes (NHS, Red Cross, St John Ambulance); read over the message, the first that matches. A pair: the words to one
# helping someone else, and to the speaker for their own body. Where the one step could do harm (blood from the ears
# or brought up, an object in the wound) the answer gives none, or the step for that.
_SHOCK: Final = (
    r"(?:"
    r"\belectrocut\w*|\belectric(?:al)? shock\b|\b(?:touching|touched|holding|grabbed) (?:a |the )?(?:live )?wires?\b"
    r")"
)
_EMBEDDED: Final = (
    r"(?:"
    r"\b(?:knife|blade|glass|shard|stick|rod|nail|metal|pole|branch|screwdriver|arrow)\b[^.!?\n]{0,40}?\b(?:still "
    r"(?:in|stuck)|stuck (?:in|into)|sticking (?:out|in)|lodged|embedded|impaled)\b|\bimpaled\b"
    r")"
)
_NO_PRESSING: Final = (
    r"\b(?:ears?|vomit\w*|throwing up|threw up|puking|coughing|coughed|bringing up|brought up|spitting|"
    r"inside|internal\w*|bum|rectal|down there)\b"
)
_BURN: Final = (
    r"(?:"
    r"\bburn(?:ed|t|s)?\b|\bscald\w*|\bcaught (?:on )?fire\b|\bskin (?:is |'s |s )?(?:peeling|blistering|bubbling)"
    r")"
)
_STEPS: Final = (
    (
        re.compile(_SHOCK),
        "Don't touch them while they may still be touching the power: switch it off at the mains first, if you "
        "safely can.",
        "Move away from the power if you safely can, without touching anything else live.",
    ),
    (
        re.compile(_EMBEDDED),
        "Don't pull out anything that's stuck in the wound: press around it with a clean cloth.",
        "Don't pull out anything that's stuck in the wound: press around it with a clean cloth.",
    ),
    (
        re.compile(_BLEEDING),
        "Press firmly on the wound with a clean cloth, or your hand, and keep pressing; if blood soaks through, add "
        "more cloth on top instead of lifting it.",
        "Press firmly on the wound with a clean cloth, or your hand, and keep pressing; if blood soaks through, add "
        "more cloth on top instead of lifting it.",
    ),
    (
        re.compile(_BURN),
        "Cool the burn under cool running water for 20 minutes, and take off anything tight near it unless it's "
        "stuck to the skin.",
        "Cool the burn under cool running water for 20 minutes, and take off anything tight near it unless it's "
        "stuck to the skin.",
    ),
    (
        re.compile(_SEIZURE),
        "Move anything nearby that could hurt them and cushion their head; don't hold them down or put anything in "
        "their mouth.",
        "If you feel a seizure coming, lie down on the floor away from anything hard.",
    ),
    (
        re.compile(_ALLERGY),
        "If they have an adrenaline auto-injector, like an EpiPen, use it now; if they're no better after 5 minutes "
        "and there's a second one, use that too.",
        "If you have an adrenaline auto-injector, like an EpiPen, use it now; if you're no better after 5 minutes and "
        "you have a second one, use that too.",
    ),
    (
        re.compile(_STROKE),
        "Note the time the signs started: the doctors will need it.",
        "Note the time the signs started: the doctors will need it.",
    ),
)


_OWN_BODY: Final = re.compile(
    r"\b(?:i|i'?m|im|i am|me|my (?:chest|throat|tongue|lips|face|heart|breathing|arm|left arm|head|mouth))\b"
)
_SOMEONE: Final = re.compile(_PERSON)
# The speaker hurt by someone else ("he choked me and i can't breathe"): their own body, and the one who did it may be
# near, so the door is for getting away, not for letting help in.
_ATTACKED: Final = re.compile(
    r"\b(?:choked|choking|strangl\w*|throttl\w*|stabbed|stabbing|attacked|beat|beaten|beating|kicked|punched|hit|"
    r"shot|pushed|threw|burned|burnt|cut) me\b|\b(?:hands?|rope|belt|cord|arm) (?:was |were |is |are )?(?:around|"
    r"round) my (?:neck|throat)\b"
)


def first_aid(text: str, own: bool) -> str | None:
    """The one step of first aid for the sign in ``text`` (``own``: the speaker's own body), or None: none of the few
    signs that have one, or bleeding where pressing on it is the wrong step."""
    view = normalize.basic(text)
    for pattern, theirs, mine in _STEPS:
        if not pattern.search(view):
            continue
        if pattern.pattern == _BLEEDING and re.search(_NO_PRESSING, view):
            return None
        return mine if own else theirs
    return None


def answer(who: Literal["person", "pet"], text: str, emergency: str, abroad: Sequence[str]) -> list[str]:
    """The vetted answer to an emergency happening now (``emergency``: the locale's number as spoken; ``abroad``:
    the line for one in another country). The number first, and the phone on speaker, since the person on the call
    talks a caller through CPR, choking and the rest, step by step and for that person; this answer does not try
    to. For a pet, a vet, and a call ahead so the clinic is ready."""
    if who == "pet":
        return [
            "That sounds serious. Please call your vet or an emergency vet right now: this can't wait.",
            "Call ahead on your way so they're ready for you, and keep your pet as still and calm as you can.",
            "I'm here. Can you call now?",
        ]
    view = normalize.basic(text)
    # The speaker's own body, with no one else named: they may be alone, and soon unable to open the door.
    attacked = _ATTACKED.search(view) is not None
    own = attacked or (_OWN_BODY.search(view) is not None and _SOMEONE.search(view) is None)
    step = first_aid(text, own)
    if attacked:
        last = (
            "If the person who hurt you is still near, get away from them if you can, somewhere you can lock the door."
        )
    elif own:
        last = "If you're on your own, unlock the door if you can, and stay where someone can find you."
    else:
        last = "Stay with them until help arrives."
    return [
        "Let's get help right now.",
        f"Please call {emergency} straight away, or get someone near you to call.",
        *abroad,
        "Put the phone on speaker: the person on the call will tell you what to do, step by step, until help arrives.",
        *([step] if step else []),
        last,
        "I'm here. Can you call now?",
    ]
