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
    rf"{_PERSON_NOUN}\b|(?:^|[.!?] )(?:[\w'-]+ ){{0,2}}?{_PERSON_NOUN}\b|\b(?:he|she|they|someone|somebody)\b)"
    r"(?:'s|s|'re|re)?"
)
# A pet as the subject: "my dog", "our old cat", "the puppy".
_PET: Final = (
    rf"(?:(?:\b(?:my|our|his|her|their|the|this|(?:my|our) \w+'?s) |(?:^|[.!?] )(?:[\w'-]+ ){{0,1}}?)"
    rf"(?:[\w'-]+ ){{0,2}}?(?:{DOG_CAT}|{SMALL_PET}|horse|pony|bird|parrot)\b(?:'s|s)?)"
)
# A pet named before a sign with no person named between ("my dog cut his paw on glass and its pouring blood"; not
# "my dog bit my son and he's bleeding badly").
_PET_THEN: Final = rf"{_PET}(?:(?!\b(?:my|our|his|her|their|the|a|this) (?:\w+ )?{_PERSON_NOUN}\b)[^.!?\n]){{0,80}}?"
# Words between the subject and the sign: "just", "suddenly", "has", "is", "out of nowhere".
_BETWEEN: Final = (
    r"(?: (?:just|suddenly|has|have|had|is|are|was|were|'s|s|seems to|seems to be|just now|now|then|also|still|"
    r"all of a sudden|out of nowhere|literally|completely|totally|really|i think|think|and|has just|keeps|kept|went|"
    r"gone|going|looks|looking|all|so|very|is going|has gone))"
    r"{0,3} "
)
# Signs a person or an animal shows, that need no subject: no thing breathes, fits or chokes.
_BREATHING: Final = (
    r"(?:\b(?:isn'?t|isnt|is not|aren'?t|arent|are not|not|stopped|has stopped|have stopped|can'?t|cant|cannot|"
    r"can not|struggling to|fighting to|barely|hardly|no longer|(?:is|are)n'?t really) breath(?:e|ing)\b(?! "
    r"(?:through|out of) (?:my|his|her|their|the|your) nose| a word)|\bonly breathing (?:like |about )?(?:every|once)|"
    r"\bgrunting with (?:every|each) breath|\bsucking in (?:under|between|below) (?:her|his|their|the) ribs|"
    r"\bblue around (?:the|his|her|their) (?:mouth|lips)|\bbreathing (?:is )?(?:really |very |so |super |all )?"
    r"(?:weird(?:ly)?|strange(?:ly)?|funny|odd(?:ly)?|shallow|slow(?:ly)?|wrong|raspy|noisy|gurgl\w*|rattl\w*)|"
    r"\bgasping(?: for (?:air|breath))?\b|\b(?:lips|face|skin|fingers|mouth|tongue|gums) (?:is |are |has |have |'s |s )"
    r"?"
    r"(?:gone |going |turned |turning |went |looks? |looking )?(?:all |really |very )?(?:blue|grey|gray|purple)\b|\btur"
    r"ning blue\b|\bno pulse\b|"
    r"\bcan'?t (?:find|feel) (?:a|his|her|their|the) (?:pulse|heartbeat)\b)"
)
_SEIZURE: Final = (
    r"(?:\b(?:eyes?|eye) (?:are |have |has )?(?:rolled|rolling|rolls) (?:back|up)\b|\bs(?:ei|ie|ee)zure (?:has|is|'s|s)"
    r" "
    r"(?:gone|going|lasted|been going|been) (?:on )?(?:for )?(?:more|over|longer|\d+|five|ten|a few)|\bs(?:ei|ie|ee)zur"
    r"e "
    r"(?:won'?t|wont|isn'?t|isnt|is not|not|hasn'?t|has not) stop\w*|\bhaving (?:some (?:kind|sort) of|a) (?:fit|"
    r"seizure)\b|\b(?:is|'s|s|are|am|keeps|started|just started|now) having (?:a |another |an? )?(?:(?:bad|big|massive|"
    r"huge|long) )?(?:s(?:ei|ie|ee)zures?|fits?|convulsions?)\b(?! disorder)|\bhaving (?:a |another )?s(?:ei|ie|ee)zure"
    r"\b(?! "
    r"disorder)|\b(?:is|'s|are|started|keeps|still|won'?t stop|wont stop) (?:seizing|convulsing|fitting)\b(?! up)|"
    r"\bjust had (?:a|his|her|their|another|a big|her first|his first) seizure\b|\bin the middle of a seizure\b|"
    r"\bbeen (?:seizing|convulsing|fitting) for\b)"
)
_CHOKING: Final = (
    r"(?:(?<!\bstop )\bchoking\b(?! (?:in (?:exams?|tests?|interviews?|games?|finals?|matches|the final|big "
    r"moments)|up|hazards?|risks?|game|challenge|on (?:my|his|her|their|your) (?:words|tears))|(?:him|her|them) "
    r"(?:out|with)\b)|\bchoking on (?:a |an |his |her |their |"
    r"some |the |something|food|it)|\b(?:something|food|a \w+|it)(?: is|'s)? stuck in (?:his|her|their|my|the "
    r"baby'?s) (?:throat|windpipe|airway)\b)"
)
_BLEEDING: Final = (
    r"(?:\bbleeding (?:really |so |very |super )?(?:a lot|so much|badly|heavily|everywhere|profusely|like crazy|bad|"
    r"non ?stop|heavy|loads|a ton|tons|from (?:his|her|their|my|the) (?:head|neck|chest|ears?)|out\b(?! of)|through (?:"
    r"the|a|his|her|my) (?:towel|bandage|cloth|shirt|dressing))|"
    r"\b(?:won'?t|wont|will not|can'?t|cant|cannot|couldn'?t) (?:get (?:it|the bleeding|him|her) to )?stop(?: the)? "
    r"bleeding\b|\bbleeding (?:won'?t|wont|will not|isn'?t|isnt|is not|hasn'?t|has not) (?:stop|slow)\w*|\bblood "
    r"(?:is )?(?:everywhere|spurting|pouring|gushing|pumping|squirting|won'?t stop)|\b(?:spurting|gushing|pouring|"
    r"pumping|squirting) (?:out )?blood\b|\blost (?:a lot|so much|loads) of blood\b|\b(?:towel|bandage|cloth|shirt|"
    r"dressing|tea towel)s? (?:is |are |'s |s )?(?:already )?(?:soaked|drenched|full of blood)|\b(?:vomiting|throwing "
    r"up|coughing up|puking) (?:up )?(?:blood|a lot of blood)|\bblood (?:is )?(?:coming|pouring|dripping) (?:out )?"
    r"(?:of|from) (?:his|her|their|my) (?:ears?|head)|\b(?:ripped|torn|sliced|split) (?:wide )?open\b)"
)
_HEART: Final = (
    r"(?:\b(?:having|is having|'s having|am having|i'?m having|im having) (?:a )?heart attack\b|"
    # "my chest is killing me" reaches the rules as the figures read it plainly: "... is wearing me out".
    r"\bchest\b[^.!?\n]{0,20}?\b(?:pains?|hurt\w*|tight\w*|crush\w*|pressure|heavy|killing|wearing me out|squeez\w*)\b"
    r"(?=[^.!?\n]{0,90}\b(?:arm|jaw|shoulder|neck|sweat\w*|clammy|short of breath|breathless|can'?t breathe|hard to "
    r"breathe|can'?t (?:catch|get) (?:my|his|her|their) breath|dizzy|faint\w*|pass(?:ing)? out|nause\w*|throwing up|"
    r"crushing|squeezing|elephant|grey|gray|pale|floor)\b)|\bcrushing (?:\w+ ){0,2}?(?:in|on|across) (?:my|his|her|"
    r"their|the) chest\b|\bclutching (?:his|her|their|my) chest\b|\bcrushing chest pain\b)"
)
_STROKE: Final = (
    r"(?:\b(?:having|is having|'s having|am having|i'?m having|im having) (?:a )?stroke\b|\b(?:face|mouth|smile) "
    r"(?:is |has |'s |s )?(?:suddenly |just )?(?:drooping|droopy|drooped|sagging|gone (?:droopy|lopsided|crooked)|"
    r"lopsided|crooked|fallen)\b|\bone side of (?:his|her|their|my) (?:face|body|mouth) (?:is |has |went |gone )?"
    r"(?:numb|drooping|droopy|weak|limp|not moving|dead|fallen)\b|\b(?:half|one side of|(?:left|right|whole left|whole "
    r"right) side of) (?:my|his|her|their) (?:face|body|mouth)\b[^.!?\n]{0,20}?\b(?:numb|droop\w*|weak|limp|dead)\b|"
    r"\b(?:my|his|her|their) (?:whole )?(?:left|right|one) side (?:\w+ ){0,2}?(?:went|is|has gone|feels|goes) (?:all )?"
    r"(?:numb|weak|dead|limp|heavy)\b|\bcan'?t get (?:my|his|her|their) words out\b|\b(?:speech|words) (?:is |are |"
    r"went |has gone |have gone |going |suddenly )?(?:all )?(?:weird|funny|slurred|strange|garbled|jumbled)\b|"
    r"\b(?:face|mouth|smile) (?:looks?|looking) (?:droopy|lopsided|crooked)\b|\bworst headache of (?:my|his|her|"
    r"their) life\b|\b(?:suddenly|all of a sudden|out of nowhere) "
    r"(?:\w+ ){0,3}?(?:slurring|can'?t (?:speak|talk|lift|move|raise|feel|see))\b)"
)
_ALLERGY: Final = (
    r"(?:\b(?:throat|tongue|lips?|airway) (?:is |are |feels? |has |'s |s |keeps? )?(?:like (?:it'?s|its|it is) )?"
    r"(?:swelling|swollen|closing|puffing|puffed|huge)(?: up| shut)?\b|\bthroat (?:is |feels )?(?:so |really )?(?:tight"
    r"|"
    r"itchy)\b(?=[^\n]{0,100}\b(?:nuts?|peanuts?|shellfish|shrimp|bee|wasp|stung|sting|allerg\w*|epi ?pen|hives|"
    r"wheez\w*)\b)|\b(?:nuts?|peanuts?|shellfish|shrimp|bee|wasp|stung|sting|allergic)\b[^\n]{0,100}\bthroat (?:is "
    r"|feels )?(?:so |really )?(?:tight|itchy)\b|\b(?:going into|is in|in|having) (?:an? )?anaphyla\w+|\banaphylactic\b"
    r"|"
    r"\bepi ?pen (?:isn'?t|is not|didn'?t|did not|not|hasn'?t|has not) (?:work|help)\w*)"
)
_HEAD: Final = (
    r"(?:\b(?:hit|banged|smacked|cracked|bashed|knocked) (?:his|her|their|my) head\b(?=[^\n]{0,120}\b(?:confus\w*|"
    r"vomit\w*|throwing up|threw up|being sick|drowsy|sleepy|won'?t wake|can'?t wake|passed out|knocked out|blacked "
    r"out|unconscious|(?:from|out of) (?:his|her|their|my) ears?|pupils|slurr\w*|doesn'?t know where|can'?t "
    r"remember|seizure|fitting)\b)|\bfell (?:down|off|from)\b[^.!?\n]{0,60}?\b(?:won'?t wake|can'?t wake|unconscious|"
    r"knocked out|not moving|can'?t move|can'?t feel|fluid (?:coming )?(?:from|out of)|so drowsy)\b)"
)
_DROWNING: Final = (
    r"(?:\b(?:is|'s|are|were) drowning\b(?! in\b)|\b(?:pulled|got|dragged|fished) (?:him|her|them|my \w+) out of the "
    r"(?:water|pool|lake|sea|river|bath|bathtub|tub|ocean)\b|\bfound (?:him|her|them|my \w+) (?:face ?down |"
    r"floating )?(?:in|at the bottom of) the (?:pool|bath|bathtub|tub|pond|lake)\b|\bface ?down in (?:the|a) (?:\w+ )?"
    r"(?:pool|water|bath|bathtub|tub|pond|lake|river|sea)\b)"
)
_INJURY: Final = (
    r"(?:\bbone (?:is )?(?:sticking|poking|jutting|coming) (?:out|through)\b|\b(?:badly|severely|really badly) "
    r"burn(?:ed|t)\b|\b(?:clothes|hair|he|she) caught (?:on )?fire\b|\b(?:got|just got|has been|'s been|was just) elect"
    r"rocuted\b|"
    r"\binhaler (?:isn'?t|isnt|is not|not|doesn'?t|does not|didn'?t|did not) (?:working|helping|work|help)\b|"
    r"\basthma attack\b(?=[^\n]{0,100}\b(?:no change|not helping|isn'?t helping|not working|isn'?t working|getting wors"
    r"e|"
    r"blue|can'?t (?:talk|speak|breathe)|gasping)\b)|\b(?:(?:bad|severe|serious|major|deep) burns|skin (?:is |'s |s )?"
    r"(?:peeling off|blistering|bubbling|charred|melted|melting|coming off))\b|\b(?:boiling|scalding|hot) (?:water|oil|"
    r"tea|coffee|fat)\b[^.!?\n]{0,50}?\b(?:over|onto|on) (?:him|her|them|my|his|her|their)(?:sel(?:f|ves))?\b|"
    r"\b(?:kettle|pan|pot) (?:went|spilled|tipped|fell) (?:all )?(?:over|onto|on)\b|\b(?:got |just got |has been |'s be"
    r"en |s been |was just |just been |just )(?:hit|"
    r"run over|knocked down) by a (?:car|truck|bus|van|train|motorbike|lorry)\b|\b(?:diabetic|diabetes|type ?1|type one"
    r"|"
    r"t1d|blood sugar|sugar (?:is|'s) (?:low|high)|hypo)\b[^\n]{0,100}?\b(?:confused|slurr\w*|unconscious|passed out|"
    r"won'?t wake|can'?t wake|not making sense|unresponsive|fitting|seizure)\b)"
)
# Signs that also fit a thing or a mood ("my laptop won't wake up", "the deal collapsed"): a person or a pet first.
_NOT_WAKING: Final = (
    r"(?:(?:won'?t|wont|will not|can'?t|cant|cannot|isn'?t|isnt|is not|not|doesn'?t|does not|didn'?t|did not|"
    r"hasn'?t|has not|stopped) (?:wak(?:e|ing)(?: up)?|waken|respond(?:ing)?|reacting|react|moving|move|com(?:e|ing) "
    r"(?:round|around|to))\b(?! (?:to "
    r"(?:my|his|her|the) (?:texts?|messages?|calls?|emails?|dms?)|for (?:school|work|class|church)))|"
    r"(?:unconscious|unresponsive|out cold|limp|floppy)\b(?! (?:bias|mind|level))|"
    r"(?:(?:gone|went|turned|turning|looks?|looking) (?:all |really |very )?(?:blue|grey|gray))\b|"
    r"collapsed(?! (?:on|onto|into|in) (?:the |my |his |her |our )?(?:couch|sofa|bed|chair|rug|"
    r"carpet|lap|cushion|blanket))"
    r"\b)"
)
# Someone else waking them or not: "i can't wake him up", "we can't get her to wake up".
_CANT_WAKE: Final = (
    r"(?:\b(?:can'?t|cant|cannot|couldn'?t|can not|unable to) (?:get )?(?:wake|rouse|waken) (?:him|her|them|my \w+|the "
    r"baby)(?: up)?\b|\b(?:can'?t|cant|cannot|couldn'?t) get (?:him|her|them|my \w+|the baby) to (?:wake up|respond|"
    r"open (?:his|her|their) eyes)\b)"
)
_SIGNS: Final = (
    rf"(?:{_BREATHING}|{_SEIZURE}|{_CHOKING}|{_BLEEDING}|{_HEART}|{_STROKE}|{_ALLERGY}|{_HEAD}|{_DROWNING}|"
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
    r"\b(?:(?:\w+ )?(?:years?|months?|weeks?|days|ages|decades) ago|(?<!since )(?:last (?:week|month|year|summer|"
    r"winter|spring|fall|autumn|christmas|time)|yesterday)|when (?:i|he|she|they|we) (?:was|were) (?:little|small|"
    r"young|a (?:baby|toddler|kid|child|puppy|kitten))|as a (?:baby|toddler|kid|child)|back (?:then|when|in)|(?:in|"
    r"back in) (?:19|20)\d\d|used to\b|whenever|every time|once (?:had|when)|"
    r"(?:movie|film|book|novel|story|episode|show|series|character|cartoon|comic|article|podcast|documentary|video|"
    r"tiktok|youtube|reel|clip|minecraft|roblox|sims|fortnite|song|poem|script|play|news|quiz|exam|course|"
    r"class|training|drill|scenario|hypothetical\w*|suppose|imagine|dream\w*|nightmare|scene|chapter|game|"
    r"gameplay|raid|boss fight|npc|patients?|clients?|shift|ward|as a (?:nurse|paramedic|emt|doctor|lifeguard))\b|"
    r"what (?:should|do|would|can|to) (?:i|you|we|one|someone|people)? ?do (?:if|when)|(?:if|in case|whether) "
    r"(?:someone|somebody|a person|you|your|my|he|she|they|a|an|the|i|we)\b|(?:how (?:do|to|can|would|should|"
    r"could) (?:i|you|we|one|people)? ?(?:tell|know|recogni[sz]e|spot))|(?:signs|symptoms) of|what (?:are|is) "
    r"(?:the )?(?:signs|symptoms)|(?:but|and) (?:now |then )?(?:he'?s|she'?s|they'?re|i'?m|it'?s|hes|shes|im|theyre"
    r"|he is|she is|they are|i am) (?:totally |completely |all )?(?:fine|ok|okay|alright|all right|awake|"
    r"conscious|breathing (?:again|now|normally|fine)|back to normal)|coughed it (?:out|up)|spat it out|came (?:round|"
    r"around|to)|woke (?:back )?up|(?:ambulance|paramedics?|emts?|medics|firefighters|fire brigade|doctors?|nurses?|"
    r"help) (?:is|are|were|was|have|has|just|already) (?:here|arrived|on (?:the|their|its) way|came|coming|took|"
    r"with)|(?:i|we|he|she|they|someone|my \w+) (?:already |just )?(?:called|rang|phoned|dialed|dialled) (?:911|999|"
    r"112|000|111|an ambulance|the ambulance|emergency|for help|the paramedics|for an ambulance)|(?:we'?re|we are|"
    r"i'?m|i am|im|he'?s|she'?s|they'?re|he is|she is|they are) (?:now )?(?:at|in) (?:the )?(?:hospital|er|a&e|"
    r"emergency room|urgent care|ambulance|icu)|lol|lmao|lmfao|haha\w*|rofl|jk|just kidding|laugh\w*|so funny|"
    r"hilarious|cringe|dramatic|figuratively|metaphorically|(?:gave|give|giving|gives|almost|nearly|gonna give|going "
    r"to give|about to give|going to have|gonna have) (?:me |him |her |us |you )?(?:a )?(?:heart attack|stroke)|"
    r"heavy sleeper|sleeping in|sleep in|for school|alarm|hangover|(?:fell |is |'s |so )?asleep|napping|nap\b|"
    r"is (?:that|this|it) normal|first round|round \d|(?:title|boxing|ufc|cage|prize) fight|what a fight|boxing|ufc|"
    r"bout|knockout|ko\b|turned out|(?:worried|afraid|scared|concerned|worry|fear) (?:it|that|he|she|they|about)\b|so "
    r"(?:that )?(?:she|he|they|it) (?:can'?t|won'?t)|(?:hopes?|hoping|wish(?:es|ing)?|wants?|wanting|prays?|praying) "
    r"(?:\w+ ){0,3}?(?:she|he|they|i|to)\b|from (?:surgery|the anaesthetic|the anesthetic|anaesthesia|anesthesia|the "
    r"operation)|luckily|fortunately|did(?:n'?t| not) make it|passed away|put (?:him|her|them) "
    r"down|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"call of duty|warzone|apex|revive\w*|respawn\w*|after (?:the|a|his|her|their) (?:dog park|walk|run|hike|zoomies|"
    r"workout|party|game)|"
    r"(?:laptop|computer|pc|mac|phone|iphone|android|tablet|ipad|server|website|site|app|router|wifi|printer|tv|"
    r"screen|monitor|engine|battery|system|program|software|code|bot|game|console|controller|xbox|"
    r"playstation|switch|fish tank|plant|tent|shelf|bridge|market|economy|stock|deal|plan|talks|team|startup|"
    r"company|cake|souffl[eé]|sourdough|pen|ink|paint|marker|dye|colou?rs?|brakes?|radiator|pipes?)\b)"
)
_MINOR: Final = (
    r"\b(?:paper ?cut|shaving|shaved|nicked|tooth|teeth|tongue|lip|gums?|nose|knee|elbow|scraped|scrape|graze\w*|"
    r"splinter|pimple|zit|scab|period|stitches|playground|finger|thumb|mandoline|avocado|blister|hangnail|cuticle|"
    r"ear piercing|piercing)\b"
)
# Not a sign at all: emotion ("choking up", "drowning in work"), a figure ("bleeding money", "bleeding edge").
_NOT_A_SIGN: Final = (
    r"\b(?:choking up|choked up|bleeding (?:money|cash|jobs|customers|subscribers|users|air|edge|heart|out of (?:the|"
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
    r"[^.!?\n]{0,30}\b(?:is|are) (?:a|an) (?:real |true |medical )?emergency|different from [^.!?\n]{0,30}|feels like ("
    r"?:he|she|they) (?:can'?t|cant))"
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
        # A pet's, read by the pet's rule.
        rf"{_PET_THEN}(?:{_SIGNS}|{_NOT_WAKING})[^.!?\n]*",
        context=(_NOT_NOW,),
        where=("input",),
    ),
)

# A pet's emergency: the signs above, and those a vet calls urgent in an animal (straining and not passing water, a
# swollen belly while retching, hit by a car, heatstroke, back legs that will not hold).
_PET_SIGNS: Final = (
    r"(?:(?:can'?t|cant|cannot|unable to|straining to|trying to|keeps trying to|hasn'?t been able to) (?:pee|urinate|"
    r"wee)|(?:(?:belly|stomach|tummy|abdomen) )?(?:is |looks |'s |s )?(?:all |really |so |very )?(?:swollen|"
    r"bloated|hard|huge|distended)(?=[^.!?\n]{0,80}\b(?:retch\w*|dry heav\w*|trying to (?:throw up|vomit|be sick)|"
    r"can'?t (?:throw up|vomit)|gagging)\b)|(?:retch\w*|dry heav\w*|trying to (?:throw up|vomit|be sick))\b[^.!?\n]{0,8"
    r"0}?"
    r"\b(?:belly|stomach|tummy|abdomen) (?:is |looks |'s |s )?(?:all |really |so |very )?(?:swollen|bloated|hard|huge|"
    r"distended)|straining\b[^.!?\n]{0,60}?\b(?:nothing (?:comes|coming|came) out|can'?t pee|no pee)|(?:back )?legs "
    r"(?:suddenly )?(?:stopped working|gave out|won'?t work|are paraly[sz]ed|just collapsed)|(?:in labou?r|whelping|"
    r"giving birth|pushing)\b[^.!?\n]{0,80}?\b(?:no (?:puppy|puppies|kitten|kittens|foal)|for (?:an|two|\d+) hours?|"
    r"stuck)|panting (?:really |so |very )?(?:fast|hard|heavily)\b[^.!?\n]{0,40}?\bmouth open|breathing with "
    r"(?:his|her|its|their) mouth open|(?:rolling|kicking at (?:his|her|its) (?:belly|stomach|side))\b[^.!?\n]{0,60}?"
    r"\b(?:sweat\w*|won'?t stop|rolling)|(?:got |has been |'s been |s been |was just |just been |just got |just )hit by"
    r" a "
    r"(?:car|truck|van|bike|vehicle)|heat ?stroke|(?:can'?t|cant|cannot) (?:stand up|stand on (?:his|her|its) (?:\w+ )?"
    r"legs|walk|get up|move (?:his|her|its) (?:back )?legs)|dragging (?:his|her|its) "
    r"back legs)"
)
EMERGENCY_PET: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.85,
        "emergency-pet",
        rf"{_PET_THEN}(?:{_SIGNS}|{_NOT_WAKING}|{_PET_SIGNS})|"
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
# comes; read over the message, the first that matches.
_STEPS: Final = (
    (
        re.compile(_BLEEDING),
        "Press firmly on the wound with a clean cloth, or your hand, and keep pressing; if blood soaks through, add "
        "more cloth on top instead of lifting it.",
    ),
    (
        re.compile(_SEIZURE),
        "Move anything nearby that could hurt them and cushion their head; don't hold them down or put anything in "
        "their mouth.",
    ),
    (re.compile(_ALLERGY), "If they have an adrenaline auto-injector, like an EpiPen, use it now."),
    (re.compile(_STROKE), "Note the time the signs started: the doctors will need it."),
)


_OWN_BODY: Final = re.compile(
    r"\b(?:i|i'?m|im|i am|me|my (?:chest|throat|tongue|lips|face|heart|breathing|arm|left arm|head|mouth))\b"
)
_SOMEONE: Final = re.compile(_PERSON)


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
    step = next((line for pattern, line in _STEPS if pattern.search(view)), None)
    # The speaker's own body, with no one else named: they may be alone, and soon unable to open the door.
    own = _OWN_BODY.search(view) is not None and _SOMEONE.search(view) is None
    return [
        "Let's get help right now.",
        f"Please call {emergency} straight away, or get someone near you to call.",
        *abroad,
        "Put the phone on speaker: the person on the call will tell you what to do, step by step, until help arrives.",
        *([step] if step else []),
        "If you're on your own, unlock the door if you can, and stay where someone can find you."
        if own
        else "Stay with them until help arrives.",
        "I'm here. Can you call now?",
    ]
