"""The act already done: an overdose swallowed, a poison drunk, a wound made (stop 39).

"i took 40 of my sleeping pills an hour ago", "i swallowed all my antidepressants" and "i overdosed on purpose and
i'm feeling dizzy" were answered by the model with care: the classifier reads them as self-harm, but under the
protocol's point. And where the protocol was given ("i just took a whole bottle of pills"), its words were for a
person who has not acted: "If you might act on these thoughts...". A person who has acted needs medical help first,
and crisis lines say so: call the emergency number now, even if you feel all right.

The same words are everyday life: the morning's pills, two ibuprofen for a headache, a double dose by mistake, a
child in the vitamins, a finger cut on an onion, forty photos taken, the whole box taken to the recycling. So each
rule reads the speaker ("i", or a message that opens on the verb) and an amount no prescription or treat comes in:
the whole bottle of a medicine, a count of ten or more of one, every pill in the house, an overdose said as one, a
poison drunk, a wound that will not stop bleeding (``act-taken``, ``act-wound``); or a smaller amount or a looser
word said with why or with a grave word ("to end it", "its done": ``act-taken-said``). Pills taken somewhere or put
somewhere, the past told as past, an accident, a question of what would happen, a story or a game excuse the
first; everyday doses and plans too excuse the looser ones; a wound's rule is excused by what caused an accident.

``acted`` also reads, for the words of a crisis answer given for any reason, a few looser forms ("i took them all",
"its done, i already swallowed them"): there the protocol is given already, and only its words are chosen.
Someone else who has acted is read by ``OTHERS_TAKEN`` below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from tenor.safety import normalize
from tenor.safety.rule import Rule, fires
from tenor.safety.rule import rule as _r
from tenor.safety.threats import PERSON

# The speaker: "i", "i've", "i just", "i got home and"; or a message or sentence that opens on the verb ("took 40
# pills an hour ago"). Never a condition, a supposition, a wish or another's words reported ("if i took all my
# antidepressants", "say i took 40 tylenol", "i wish i had taken", "she texted me i took all my pills").
_I: Final = (
    r"(?:\bi(?<!\bif i)(?<!\bwhen i)(?<!\bsay i)(?<!\bsuppose i)(?<!\bimagine i)(?<!\bcase i)(?<!\bonce i)"
    r"(?<!\bunless i)(?<!\bwhether i)(?<!\bwish i)(?<!\bshould i)(?<!: i)(?<!\" i)(?<!\u201c i)(?<!\u2018 i)"
    r"(?<!saying i)(?<!said i)(?<!says i)(?<!\bme i)(?<!wrote i)(?:'ve|ve| have| had)?(?: (?:just|already|"
    r"actually|finally|really|literally|honestly|kinda|probably|then|also|now|went and|gone and))*|(?:^|"
    r"(?<=[.!?\n] ))(?:(?:just|already|so|ok|okay|well) )*|\bi (?:(?!(?:he|she|they|we|you|my|his|her|their|"
    r"someone|somebody)\b)[\w']+ ){1,6}?and (?:then |just |also )?)"
)
# Taking verbs that may carry pills somewhere ("took my pills with me"), and those that cannot.
_TOOK: Final = r"(?:took|taken|popped)"
_DOWNED: Final = r"(?:swallowed|downed|necked|chugged|injected|overdosed on|od'd on|oded on)"
_NAMED: Final = (
    r"(?:(?:[\d.]+ ?mg |extra strength )?(?:tylenol|paracetamol|acetaminophen|ibuprofen|advil|aleve|aspirin|benadryl|"
    r"nyquil|xanax|valium|ambien|oxycodone|oxycontin|oxys|percocet|vicodin|norco|opioids|insulin|lithium|seroquel|"
    r"zoloft|prozac|sertraline|fluoxetine|lexapro|wellbutrin|effexor|lamictal|lamotrigine|citalopram|escitalopram|"
    r"amitriptyline|propranolol|co-codamol|codeine|diazepam|zopiclone|klonopin|clonazepam|ativan|lorazepam|alprazolam|"
    r"tramadol|morphine|methadone|gabapentin|trazodone|quetiapine|venlafaxine|bupropion|mirtazapine|adderall|benzos|"
    r"heroin|fentanyl|painkillers|antidepressants|anti-depressants|sleepers|sleep(?:ing)? aids?))"
)
# What a count or a container may not be of: time, photos, doses of a treatment, other kinds of things.
_NOT_A_KIND: Final = (
    r"(?!(?:hours?|days?|weeks?|months?|years?|photos?|pictures?|screenshots?|shots?|doses?|puffs?|drops?|"
    r"different|kinds?|types?|bottles?|packs?|boxes?|empty|vitamins?|gumm\w*|supplements?|fish|candy|mints?|cough|"
    r"breath|tic|caffeine|energy|diet|protein|enzyme|creon|lactase|charcoal|probiotic|fiber|fibre|iron|his|her|"
    r"their|its|your)\b)"
)
# A medicine: a name, or up to two words before "pills", "tablets", "meds" ("my blood pressure pills", "my 50 mg
# tablets"); not a word for something about it ("medication changes", "pill bottles").
_DRUG: Final = (
    rf"(?:(?:{_NOT_A_KIND}[\w'-]+ ){{0,2}}?(?:pills?|tablets?|capsules?|caplets|meds|medications?|medicines?)|"
    rf"{_NAMED})\b(?! (?:bottles?|boxes|changes?|photos?|pictures?|selfies|cups?|cabinet|schedule|list|reviews?|"
    r"organi[sz]ers?)\b)"
)
# Whose: "my", "the", "my mom's", "my moms" (as typed), "all of my", "my prescribed".
_MINE: Final = (
    r"(?:(?:my|the|all (?:of )?(?:my|the)|(?:my )?(?:\w+'s|moms|mums|dads|nans|grans|nanas|grandmas|grandpas|brothers|"
    r"sisters|husbands|wifes|partners|boyfriends|girlfriends|roommates|parents))(?: own| prescription| prescribed|"
    r" old| leftover| remaining)? )?"
)
# What pills were taken with, to, from or for, or put somewhere after, or a figure: not swallowed ("took my pills with
# me", "took the whole box to the recycling", "took 40 pills and put them in a cup", "popped a box in the trolley",
# "took everything personally").
_NOT_CARRIED: Final = (
    r"(?! (?:with (?:me|us|him|her|them)|to (?:the|my|his|her|their|our|a|an|work|school|class|church|camp|uni|"
    r"see)|home|back|out(?! of (?:desperation|despair|hopelessness))|off|away|down|apart|up|upstairs|into|camping|"
    r"from \w+|for (?:a|my|the|his|her|their) (?:\w+ )?(?:trip|walk|drive|ride|friend|mom|mum|dad|pharmacist|"
    r"review|check|back|headache|hay fever)|in(?:to)? (?:the|my|a|her|his) (?:\w+ )?(?:bag|handbag|car|purse|cup|"
    r"pile|row|box|trolley|basket|cart|pocket|backpack|suitcase|drawer|cupboard|cabinet|glove ?box|coat|hand|lap|"
    r"room)|on (?:the|my) (?:trip|plane|flight|holiday|vacation|desk|table|bed)|and (?:put|hid|lined|counted|"
    r"poured|saved|kept|left|placed|shared|moved|gave|laid|crushed|ground|got|bought|sorted|organi[sz]ed|cleaned|"
    r"checked|threw|binned|tossed)|and (?:they'?re|it'?s|theyre|its) (?:on|in)|and (?:now )?(?:i'?m|im|"
    r"i am) (?:just )?(?:sitting|staring|looking|counting|holding|here)|personally|for granted|in (?:my )?stride|"
    r"seriously|to heart|the wrong way)\b)"
)
# About a count: "like 50", "maybe thirty".
_ABOUT: Final = r"(?:(?:like|about|around|maybe|almost|over|nearly|at least|probably|roughly|all) )?"
_COUNT: Final = (
    r"(?:\d{2,}(?: ?(?:-|or|to) ?\d+)?|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|a hundred|hundreds of|(?:a )?couple(?: of)? dozen|two dozen|dozens of|way too many|"
    r"between \d+ and \d+)(?! ?(?:mgs?|milligrams?|mcg|micrograms?|g|grams?|mls?|cc|units?|iu|%)\b)"
)
_CONTAINER: Final = r"(?:bottle|pack|packet|box|strip|blister pack|jar|container|prescription|supply|tub|sheet)"
_CONTAINERS: Final = r"(?:bottles|packs|packets|boxes|strips|jars|containers|sheets)"
# When, said right after a bare container: "i took the whole bottle 20 minutes ago".
_JUST_NOW: Final = (
    r"(?= (?:like |about |maybe )?(?:an? (?:hour|few|couple)|\d+ ?(?:min|mins|minutes|hours?|hrs?)|half an hour|"
    r"just now|ago|on purpose|at once|all at once)\b)"
)
# A container said bare, with nothing else in it: "swallowed the whole bottle", not "...bottle of wine".
_BARE: Final = (
    r"(?:(?:a |the |my |an )?(?:whole|entire|full) |(?:almost|nearly|most of) (?:a |the |"
    rf"my )?(?:whole )?){_CONTAINER}\b(?! of (?!{_MINE}{_DRUG}))"
)
# An amount no prescription or treat comes in.
_AMOUNT: Final = (
    rf"(?:(?:a |the |my |an )?(?:whole|entire|full) {_CONTAINER} of {_MINE}{_DRUG}|(?:half (?:a|the|my)|two|three|"
    rf"four|\d|(?:a )?couple(?: of)?) (?:whole )?(?:{_CONTAINER}|{_CONTAINERS}) of {_MINE}{_DRUG}|"
    rf"{_ABOUT}{_COUNT} (?:of )?{_MINE}{_DRUG}|a (?:bottle|pack|packet|box|strip) of {_MINE}{_DRUG}|(?:my |"
    rf"a )?whole (?:week|month|weeks|months)(?:'?s)? (?:worth )?of {_MINE}{_DRUG}(?=[^.!?\n]{{0,30}}?\b(?:at once|"
    r"in one go|tonight|ago|just now|on purpose)\b)|everything in (?:my|the) (?:medicine|bathroom|pill|"
    r"meds) (?:cabinet|cupboard|drawer)|every (?:single |last )?(?:pill|tablet) (?:in (?:the|"
    r"my) (?:\w+ )?(?:cabinet|cupboard|house|drawer|bottle|box|bathroom|kitchen)|i (?:had|could find)|left)\b|"
    rf"(?:all|every (?:single |last )?one) (?:of )?{_MINE}{_DRUG}(?= (?:at once|in one go|all at once)\b))"
)
# An amount with a verb that cannot mean carrying, the container bare or "all my pills": "swallowed the whole
# bottle", "i downed all my meds with a bottle of wine". Not a dose taken well ("swallowed all my pills without
# gagging", "with applesauce like the nurse said").
_ALL_DOWNED: Final = (
    rf"(?:{_BARE}|(?:all|every (?:single |last )?one) (?:of )?{_MINE}{_DRUG}|every(?:thing| pill| tablet) in (?:my|"
    r"the) (?:\w+ )?(?:cabinet|cupboard|organi[sz]er|drawer|first aid (?:box|kit)|house))(?! (?:without|"
    r"with (?:a |my )?(?:applesauce|food|juice|orange juice|apple juice|(?:big )?glass of \w+|pudding|yogurt|"
    r"yoghurt|water|milk|smoothie|shake|coffee|tea|breakfast|meal)|like the|on time|this morning|for the day)\b)"
)
# Why it was taken: "to end it", "so i wouldnt wake up", "because i wanted to die".
_WHY: Final = (
    r"(?:to (?:end it|end things|end my life|die\b(?! (?:for|happy|of))|kill myself|not wake up|never wake up|"
    r"make it (?:all )?stop\b(?! (?:throbbing|hurting|itching|aching))|sleep forever|be with)|"
    r"so (?:that )?i (?:wouldn'?t|wouldnt|won'?t|wont|don'?t|dont|never) wake up\b(?! (?:at|in the|on the|during|till|"
    r"until|early|again)\b)|(?:because|cause|cuz|bc) i want(?:ed)? (?:to die|out|it (?:all )?to (?:stop|end|be over))|"
    r"i want(?:ed)? (?:to die|it (?:all )?to (?:stop|end|be over))|enough to (?:not wake up|die|never wake up|end it))"
)
# An amount said as one, for "on purpose" a few words on ("i took a lot of my pills tonight on purpose"); a bare "my
# pills" only right before it ("i took my pills at night on purpose" is a time of day).
_SOME_AMOUNT: Final = (
    r"(?:a lot|lots|too many|so many|way more|more|a bunch|a handful|a load|a fistful|handfuls|loads|a ton)(?: of)? "
    rf"{_MINE}{_DRUG}"
)
# A smaller amount of a medicine, said with why.
_SOME: Final = (
    r"(?:(?:a lot|lots|too many|so many|way more|more|a bunch|some|a few|a handful|a load|a fistful|handfuls|loads|"
    rf"a ton|enough)(?: of)? {_MINE}{_DRUG}|too (?:much|many) {_MINE}{_DRUG}|{_MINE}{_DRUG})"
)
# An overdose said as one, not of a soup, a pet's treatment or a treat.
_OVERDOSED: Final = (
    r"(?:over ?dosed|od'd|oded|took an? (?:\w+ )?(?:overdose|od)|(?:have|'ve|ve) taken an? (?:\w+ )?overdose|"
    r"(?:'m|m| am) (?:overdosing|od'?ing))\b(?! (?:the|my|his|her|our|him|them|it|slightly|a bit|a little|"
    r"with the)\b)(?! of (?:bad|good|\w+ news|news|sun|love|work))(?![^!?\n]{0,40}?\b(?:too much|"
    r"too many)\b(?! (?:pills|meds|tablets|of my)\b))(?![^!?\n]{0,25}?\bon (?:the gym|gym|halloween|sugar|"
    r"caffeine|coffee|espresso|candy|chocolate|netflix|tv|pizza|cake|cookies|sweets|anime|memes|cuteness|"
    r"christmas|carbs|music|love|ice cream|sunshine|sun|screen time|energy drinks?|garlic|pie|salt|vitamins?|"
    r"work)\b)"
)
# An attempt told as just made: "I tried to end it an hour ago with pills", "i attempted tonight. pills.".
_ATTEMPTED: Final = (
    r"(?:tried to end it\b(?=[^.!?\n]{0,30}?\b(?:pills|tablets|a knife|a razor)\b)|attempted (?:tonight|today|"
    r"earlier|last night|an hour ago|just now)\b(?!'s)|(?:attempted suicide|tried to (?:kill myself|end my life|"
    r"overdose|od|hang myself))\b(?=[^.!?\n]{0,50}?\b(?:pills|tablets|tonight|an hour|hours? ago|minutes|earlier|"
    r"today|just now|last night|this (?:morning|afternoon|evening))\b))"
)
_POISONS: Final = (
    r"(?:bleach|clorox|drano|antifreeze|drain cleaner|rat poison|weed ?killer|roundup|pesticide|poison|lye|"
    r"paraquat|windshield (?:washer )?fluid|cleaning (?:stuff|products?|fluid)|toilet cleaner|oven cleaner|"
    r"ammonia|lighter fluid|methanol|rubbing alcohol|hand sani[tz]i[sz]er|tide pods?)\b(?!-| (?:free|ivy|oak|"
    r"apple|dart|pretzels?|bagels?|control|punch|berries|frog|mushrooms?)\b)"
)
_POISON: Final = (
    r"(?:drank|drunk|swallowed|downed|chugged|ate|had|took) (?:(?:like |about )?(?:some|a little|a bit|a lot|a cup|"
    r"a glass|a bottle|a mug|a shot|a mouthful|half a (?:cup|bottle|glass)|half the bottle|the whole bottle|"
    rf"a whole bottle|a bunch|most)(?: of)?(?: the| my)? |the |some )?{_POISONS}"
)
# Beside the looser forms ("i took them all"), the words of what was done and what it means, in the same sentence.
_GRAVE: Final = (
    r"(?:too late (?:to (?:stop|save|call|help)|now)|(?:it'?s|its|it is) (?:done|over)\b|no going back|what (?:did|"
    r"have) i (?:do|done)\b(?! with)|good ?bye\b(?! for now| to)|(?:don'?t|dont|do not) (?:call|send|tell) (?:anyone|"
    r"anybody|an ambulance|911)|no point (?:in )?calling|stay with me (?:until|till|while)(?! i fall asleep)|(?:can|"
    r"will|could) you (?:just )?stay with me\b(?! until i fall asleep)|i did it(?=\W*$|[.!?])|i'?ve done it(?=\W*$|"
    r"[.!?])|too late for (?:help|the hotline|anyone|that)|(?:hope|so|and|then) i (?:won'?t|wont|never|don'?t|"
    r"dont) wake up|nothing (?:anyone|you) can do|(?:i'?m|im) (?:so |really )?sorry (?:for everything|mom|mum|dad|"
    rf"everyone)|{_WHY})"
)
_LOOSE: Final = (
    r"(?:(?:took|taken|swallowed|downed) (?:them all|all of them|every last one|everything(?! (?:i|we) (?:need|"
    r"own|had|could)| (?:the|my) doctor| you said)|the (?:\w+ )?pills|the tablets|all (?:of )?(?:my|"
    rf"the) {_DRUG})\b{_NOT_CARRIED}|(?:swallowed|(?:already|just) (?:took|taken|swallowed|"
    rf"downed)) them\b(?! all\b){_NOT_CARRIED})"
)
# What the sentence is about instead, strong enough to excuse a whole bottle or forty pills: the past told as past,
# an accident (not "it wasnt an accident"), a dose doubled by mistake or taken as every day, a pet's, a story, a game,
# a question of what would happen, a plan not yet acted on.
_NOT_NOW: Final = (
    r"\b(?:(?:\w+ )?(?:years?|months?|weeks?|ages|decades|a (?:long )?(?:time|while)) ago|when i was|as a (?:kid|"
    r"teen\w*|child)|at (?:age )?1\d\b(?! ?(?:am|pm|:|o'?clock|tonight))|it'?s been (?:a |\w+ )?(?:years?|months?|"
    r"weeks?|while|long time) since|last (?:year|summer|winter|spring|fall|autumn)|back then|in (?:19|20)\d\d|"
    r"(?:i'?ve|ive|i have) been (?:sober|clean)|(?:years?|months?) (?:sober|clean)|(?<!not )(?<!\bno )(?<!n't )"
    r"(?<!nt )(?<!not by )(?<!n't by )(?<!nt by )(?<!wasn't an )(?<!wasnt an )(?<!not an )(?<!isn't an )"
    r"(?<!isnt an )(?<!never an )(?<!not some )(?<!was an )accident\w*|by mistake|mistakenly|double dos\w*|"
    r"extra dose|forgot (?:i|that i)|(?:the|my|a|to the) vet\b|(?:dog|cat|puppy|kitten|hamster|rabbit|parrot|"
    r"pet) (?:ate|got into|swallowed|chewed|drank)|vitamins?|gumm(?:y|ies)|supplements?|antibiotics|as prescribed|"
    r"as directed|like (?:the|my) (?:doctor|nurse|pharmacist|\w+ologist|gp) said|in the (?:movie|film|novel|book|"
    r"story|show|game|play|song|poem|dream)|(?:a|the|my) (?:movie|film|novel|book|story|poem|song|script|"
    r"play) (?:where|about|i'?m writing)|character|episode|lyrics|hypothetically|would happen if|if (?:someone|"
    r"a person|you) (?:took|takes|swallowed|swallows|overdosed|overdoses|were to)|haven'?t (?:taken|swallowed)|"
    r"havent (?:taken|swallowed)|not yet|in front of me|lined (?:them )?up|(?:going to|gonna|will|i'?ll|"
    r"ill) (?:take|swallow|drink) (?:them|it|the rest)|skyrim|sims|minecraft|baldur\w*|escape room|murder mystery|"
    r"potion|game(?! over)|gaming|quest|campaign|with (?:breakfast|dinner|lunch|meals?|food)|(?:morning|evening|"
    r"nighttime|night|daily|usual|regular) (?:pills|meds|tablets|dose)|since \w+day|over the (?:weekend|\w+ days|"
    r"week)|over (?:two|three|four|five|several|\d+) (?:days|weeks)|like (?:always|usual)|as usual|routine|"
    r"for my (?:heart|fever|back|toothache|knee|cholesterol|headache|migraines?|cold|flu|period|cramps|arthritis|"
    r"blood pressure|hay ?fever)|in 24 hours|taper|birth control|sugar pills|penicillin|prednisone|(?:texted|"
    r"messaged) me(?: saying| that|:)? (?:im|i'?m|i)\b|today|this (?:week|month)|over the last|so far|the course|"
    r"course (?:finished|is done)|finished the course|\d+ of the \d+|is that (?:ok|okay|too much|safe)|"
    r"is it (?:bad|ok|okay|safe) that|dependent|regimen|log|add (?:that|it) to|so (?:she|he|they|nobody|no one|"
    r"it) (?:wouldn'?t|wouldnt|won'?t|wont|can'?t|cant|couldn'?t|couldnt|doesn'?t|doesnt|didn'?t|didnt|don'?t|"
    r"dont)|backpack|hike|hiking|suitcase|packing|to keep (?:them|it) (?:away|safe)|in a safe|locked (?:them|it)|"
    r"in a rush|(?:hate|the) taste|(?:they'?re|theyre|they are) in my (?:drawer|room|bag|pocket|closet)|"
    r"hid(?:den)? (?:them|it)|i'?ve hidden|(?:as|like) (?:the|my) (?:doctor|nurse|pharmacist|\w+ologist|gp)\b|"
    r"nurse said|good job|all done for today|for today|without (?:missing|crushing|gagging|choking)|missing a day|"
    r"first (?:week|day|month)|pre-?workout|gym|too much (?:pie|food|coffee|caffeine|sugar|candy|chocolate|salt|"
    r"garlic|espresso)|espressos?|garlic|yeast|thanksgiving|nightmare|dream|in (?:college|high school|uni)|"
    r"song goes|the song|nail|rusty|antibiotic\w*)\b"
)
# Beside the weaker forms, more: a dose as an everyday one, an everyday purpose, a plan, a place or a trip.
_NOT_NOW_SAID: Final = (
    r"\b(?:side effects?|course|so far|is that (?:right|ok|okay)|did i take|do i need to take|can i stop|"
    r"when do i (?:start|take)|still (?:feel )?tired|(?:don'?t|dont) feel any different|so (?:she|he|they|nobody|"
    r"no one) (?:wouldn'?t|wouldnt|won'?t|wont|can'?t|cant|couldn'?t|couldnt|doesn'?t|doesnt|didn'?t|didnt)|"
    r"to keep (?:them|it) (?:away|safe)|backpack|hike|hiking|suitcase|packing|first aid kit|on (?:holiday|vacation|"
    r"a trip)|(?:for|on) the trip|travel\w*|in a rush|rushing|the taste|empty stomach|take-?back|pharmacy|in a safe|"
    r"dispos\w*|recycl\w*|organi[sz]er|moving|moved out|packed|stash\w*|saving them|hid(?:den)? (?:them|it)|hiccups|"
    r"tooth\w*|headache|cough|flight|alarm)\b"
)
# The wound's rule: the speaker's cut (after the speaker), and that it is grave.
_CUT: Final = (
    r"(?:(?:cut|slit|slashed|sliced) (?:(?:both )?(?:of )?my (?:wrists?|arms?|forearms?|thighs?|legs?|throat|"
    r"neck|stomach)|myself\b(?! (?:a|some) (?:\w+ )?(?:sandwich|slice|piece|bit)|off\b))|stabbed myself)"
)
_BLEEDING: Final = (
    r"(?:(?:won'?t|wont|will not|can'?t|cant) stop (?:the )?bleeding|(?:so much|a lot of|too much) blood|"
    r"blood (?:is )?everywhere|blood all over|bleeding (?:a lot|bad(?:ly)?|heavily|so much|through|everywhere)|"
    r"gushing|pouring|spurting|hit a vein|too deep|deeper than (?:ever|before|i meant|i wanted)|"
    r"can see (?:the )?(?:fat|bone|muscle)|soaked (?:in|with|through)|(?:cuts?|wounds?) (?:is|are) (?:really |so |"
    r"too )?deep)"
)
# Grave for a cut (not for a hurt: "i hurt my leg at soccer and now i feel dizzy"): faint, light-headed.
_FAINT: Final = (
    r"(?:(?:feel|feeling|going to|about to|gonna|getting|i'?m|im|so|really|very) (?:faint|pass out|light ?headed|"
    r"dizzy|weak))"
)
# What caused an accident: "on the broken glass", "chopping onions", "with the saw", "shaving".
_NOT_A_WOUND: Final = (
    r"\b(?:(?:on|with|while|from|by) (?:a |an |the |some |my )?(?:\w+ )?(?:glass|knife slipped|fence|rock|metal|"
    r"screwdriver|mandoline|coral|trampoline|router|pumpkin|tiles?|saw|lawn ?mower|mower|barbed wire|wire|shells?|"
    r"oven|rose ?bush|can|paper|razor blade while shaving|grater|scissors|nail|thorn|branch|sheet|edge|corner|"
    r"table)|paper cut|cooking|chopping|shav\w*|pruning|carving|gardening|soccer|football|rugby|epipen|onions?|"
    r"avocado|bagel|finger|thumb|palm|knife slipped|nosebleed|fell (?:down|off|over)|falling (?:down|off|over))\b"
)

TAKEN: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.95,
        "act-taken",
        # "i took 40 of my sleeping pills an hour ago", "i swallowed all my antidepressants", "just took a whole
        # bottle of tylenol", "i overdosed an hour ago", "i drank bleach", "i attempted tonight. pills".
        # Most forms open on the speaker: one group after it, so the speaker is looked for once at each place.
        rf"{_I} ?(?:"
        + "|".join(
            (
                rf"{_TOOK} {_AMOUNT}{_NOT_CARRIED}",
                rf"{_TOOK} (?=(?:a |the |my |an )?(?:whole|entire|full) (?:bottle|pack|packet|strip|prescription)\b)"
                rf"{_BARE}{_JUST_NOW}{_NOT_CARRIED}"
                r"(?![^.!?\n]{0,30}?\bto (?:my|the|his|her|our|a)\b)",
                rf"{_DOWNED} (?:{_AMOUNT}|{_ALL_DOWNED})",
                _OVERDOSED,
                _ATTEMPTED,
                _POISON,
            )
        )
        + ")|"
        + "|".join(
            (
                rf"\bi(?:'ve|ve| have) (?:just )?had {_ABOUT}{_COUNT} (?:of )?{_MINE}{_DRUG}",
                rf"\bi (?:just |already )?(?:did it|done it)\b[^\n]{{0,20}}?\b{_TOOK} (?:a |the |my )?(?:whole|entire) "
                rf"{_CONTAINER}\b(?! of (?!{_MINE}{_DRUG}))(?! without)",
                rf"\bafter (?:taking|swallowing|downing) {_AMOUNT}{_NOT_CARRIED}[^.!?\n]{{0,40}}?"
                r"\bi (?:did it|did|just|already)\b",
            )
        ),
        context=(_NOT_NOW,),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.95,
        "act-taken-said",
        # A smaller amount or a looser word, with why or a grave word beside it: "I took a lot of oxycodone about half
        # an hour ago to end things", "help i took too much on purpose", "its done. i swallowed them all".
        rf"{_I} ?(?:"
        + "|".join(
            (
                rf"(?:{_TOOK}|{_DOWNED}) {_SOME_AMOUNT}{_NOT_CARRIED}(?: [\w']+){{0,3}} on purpose\b",
                rf"(?:{_TOOK}|{_DOWNED}) {_MINE}{_DRUG} on purpose\b",
                rf"(?:{_TOOK}|{_DOWNED}) too (?:much|many) on purpose\b",
                rf"(?:{_TOOK}|{_DOWNED}) (?:{_SOME}|enough\b){_NOT_CARRIED}[^.!?\n]{{0,60}}?{_WHY}",
                rf"(?:drank|swallowed|downed|chugged) (?:[\w'-]+ ){{1,4}}?{_WHY}",
                rf"{_LOOSE}[^.!?\n]{{0,80}}?{_GRAVE}",
            )
        )
        + ")|"
        + "|".join(
            (
                rf"{_WHY}[^.!?\n]{{0,40}}?{_I} ?(?:{_TOOK}|{_DOWNED}) {_SOME}{_NOT_CARRIED}",
                rf"{_GRAVE}[^.!?\n]{{0,80}}?{_I} ?{_LOOSE}",
                rf"(?:^|(?<=[.!?\n] ))(?:{_GRAVE})[.!?] (?:{_I} ?)?{_LOOSE}",
                rf"{_I} ?{_LOOSE}[.!?] (?:{_GRAVE})",
            )
        ),
        context=(_NOT_NOW, _NOT_NOW_SAID),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.95,
        "act-wound",
        # "i cut my wrists and theres a lot of blood", "i slit my wrists", "i cut too deep and its gushing", "my wrists
        # wont stop bleeding", "i stabbed myself". As for the act taken, the speaker is looked for once at each place.
        rf"{_I} ?(?:"
        + "|".join(
            (
                rf"{_CUT}[^.!?\n]{{0,80}}?(?:{_BLEEDING}|{_FAINT})",
                rf"(?:hurt|harmed) myself\b[^.!?\n]{{0,80}}?{_BLEEDING}",
                r"(?:slit|slashed) (?:both )?(?:of )?my (?:wrists?|throat)\b",
                r"stabbed myself\b",
                r"cut (?:way |so |really )?too deep\b(?! (?:in|into|on|with|while|carving|cutting|when)\b)"
                r"(?=[^.!?\n]*\b(?:wrists?|arms?|thighs?|skin|myself|blood|bleeding|fat|bone|gushing))",
                r"(?:cut|slit|slashed) my (?:wrists?|arm|forearm|thigh) open\b",
                r"cut deeper than i (?:meant|wanted|planned)",
            )
        )
        + ")|"
        + "|".join(
            (
                rf"(?:{_BLEEDING}|{_FAINT})[^.!?\n]{{0,60}}?{_I} ?{_CUT}",
                r"\bmy (?:wrists?|arms?|cuts?|thighs?) (?:won'?t|wont|will not) stop bleeding\b",
                r"\bthe cuts? (?:won'?t|wont|will not) stop bleeding\b",
                r"\b(?:the|my) cuts? (?:are|is) (?:too |really |so )?deep and (?:won'?t|wont) (?:close|stop)",
            )
        ),
        context=(_NOT_NOW, _NOT_A_WOUND),
        where=("input",),
    ),
)


# --- Someone else who has acted, told by one who is with them or worried ("my roommate just swallowed a bunch of pills
# and wont tell me how many", "my mom cut her wrists and theres blood everywhere"): allowed or refused before, where
# the answer for one worried about someone else is what they need (``crisis.about_someone_else`` reads this rule as
# another's risk), with emergency help first (``other_acted``). A young child's or a pet's accident is an emergency of
# another kind, so a young child's age, a toddler, a pet or an accident beside it excuses it.
_PEOPLE: Final = (
    rf"(?:{PERSON}|student|teacher|kid|teen(?:ager)?|person|buddy|bestie|bro|twin|patient|roomate|grandson|"
    r"granddaughter|classmate|teammate|fiancee?)s?"
)
_THEM: Final = (
    rf"(?:\b(?:my|our|his|her|their|a|an|the|this|that|one of my|some) (?:[\w'-]+ ){{0,3}}?{_PEOPLE}(?:'s)?\b(?: (?:at|"
    r"in|from|on) (?:my|our|the|his|her) \w+)?|\b(?:he|she|they)\b|\b(?:someone|somebody)(?: (?:i know|in my \w+|"
    rf"at (?:my )?\w+))?\b|(?:^|[.!?,;] ){_PEOPLE}\b)"
)
# Said of them: "has", "just", "said she", "told me he". A few words at most: an unbounded repeat here was read again
# from every "he" of a long message ("he has he has ...": seconds for 20,000 characters).
_THEY: Final = (
    r"(?:(?:'s|s| is| has| had| have| just| already| then| says| said| told me| texted(?: me)?| admitted|"
    r" called(?: me)?)(?: (?:that|he|she|they|just|already|has|had|have|\w+ing)){0,3})?"
)
_THEIRS: Final = (
    r"(?:(?:his|her|their|the|all (?:of )?(?:his|her|their|the)|(?:his|her|their) \w+'s|\w+'s)(?: own| prescription|"
    r" prescribed)? )?"
)
_THEIR_AMOUNT: Final = (
    rf"(?:(?:a |the |his |her |their )?(?:whole|entire|full) {_CONTAINER}(?: of {_THEIRS}{_DRUG}|{_JUST_NOW}(?! of))|"
    rf"(?:almost|nearly|most of) (?:a |the |his |her |their )?(?:whole )?{_CONTAINER}\b(?! of (?!{_THEIRS}{_DRUG}))|"
    rf"(?:two|three|\d) {_CONTAINERS} of {_THEIRS}{_DRUG}|a (?:bottle|pack|packet|box|strip) of {_THEIRS}{_DRUG}|"
    rf"{_ABOUT}{_COUNT} (?:of )?{_THEIRS}{_DRUG}|(?:all|every (?:single |"
    rf"last )?one) (?:of )?{_THEIRS}{_DRUG}(?= (?:at once|in one go)\b)|every(?: pill| tablet) in (?:the|his|her|"
    r"their) (?:\w+ )?(?:cabinet|cupboard|drawer|house)|everything in (?:the|his|her|their) (?:medicine|bathroom|"
    r"pill) (?:cabinet|cupboard|drawer))"
)
_THEIR_INTENT: Final = (
    r"(?:on purpose|to (?:kill|hurt) (?:himself|herself|themselves|themself)|to die\b(?! (?:for|happy|of))|"
    r"to end (?:it|his life|her life|their life|things)|(?:because|cause|cuz|bc|and) (?:he|she|"
    r"they) (?:said (?:he|she|they) )?want(?:s|ed)? to die|(?:said|says) (?:he|she|they) (?:wanted|"
    r"wants) (?:to die|to go|out|it to (?:stop|end|be over))|wanted to (?:die|go))"
)
# An amount that needs why or a grave state beside it.
_THEIR_SOME: Final = (
    rf"(?:(?:a lot|lots|too many|so many|way more|a bunch|some|a handful|a load|a fistful)(?: of)? {_THEIRS}{_DRUG}|"
    rf"too (?:many|much)(?: of {_THEIRS}{_DRUG})?|all (?:of )?{_THEIRS}{_DRUG})"
)
_THEIR_POISON: Final = (
    r"(?:drank|drunk|swallowed|downed|chugged|ate)(?: (?:like |about )?(?:some|a little|a bit|a lot|a cup|a glass|"
    r"a bottle|a mug|a shot|half a (?:cup|bottle|glass)|the whole bottle|a whole bottle|a bunch)(?: of)?(?: the| his|"
    rf" her| their)?| the| some)? {_POISONS}"
)
_THEIR_WOUND: Final = (
    r"(?:cut|slit|slashed|sliced|stabbed) (?:(?:both )?(?:of )?(?:his|her|their) (?:wrists?|arms?|thighs?|legs?|"
    r"throat)|himself|herself|themselves|themself)(?: open)?\b"
)
# How they are, grave: "wont wake up", "barely breathing", "turning blue", "slurring". With the milder states below,
# they also tell that an attempt said of them ("tried to overdose") is now.
_THEIR_GRAVE_STATE: Final = (
    r"(?:won'?t wake up|wont wake up|not waking up|(?:is |'s )?passed out|unconscious|unresponsive|"
    r"barely (?:breathing|awake|conscious)|(?:not|isn'?t|isnt|stopped) breathing|breathing (?:weird|funny|slow\w*|"
    r"strange)|turning (?:blue|pale|grey|gray)|not making sense|slurring|(?:is |'s )?not responding|"
    r"won'?t respond|wont respond|seizing|having a seizure)"
)
_THEIR_STATE: Final = (
    rf"(?:{_THEIR_GRAVE_STATE}|throwing up|puking|vomiting|shaking|so (?:drowsy|sleepy|groggy)|(?:really |"
    r"so )?(?:groggy|drowsy|confused)|getting (?:really |so |very )?(?:pale|cold|sleepy|drowsy))"
)
# Said loosely, beside a grave word: "she took all her sleeping pills and said goodbye".
_THEIR_LOOSE: Final = (
    rf"(?:took|swallowed|downed|taken) (?:the pills|pills|all (?:of )?(?:his|her|their) {_DRUG}|"
    rf"a lot of {_DRUG})\b{_NOT_CARRIED}"
)
_THEIR_GRAVE: Final = (
    r"(?:good ?bye\b(?! for now| to)|not (?:picking up|answering)|slurring|(?:it'?s|its) done|won'?t tell me|"
    rf"wont tell me|{_THEIR_GRAVE_STATE}|{_THEIR_INTENT})"
)
# Found with the bottles emptied: "i found my brother on the floor with empty pill bottles next to him".
_FOUND: Final = (
    rf"\bfound (?:my (?:[\w'-]+ )?{_PEOPLE}|him|her)\b[^\n]{{0,60}}?\b(?:empty (?:pill |medicine |"
    r"prescription )bottles?|(?:pill|medicine|prescription) bottles? (?:next to|beside|around)|"
    rf"(?:empty )?bottles? of {_DRUG}|pills (?:everywhere|all over))"
)
_NOT_THEIRS_NOW: Final = (
    r"\b(?:(?:\w+ )?(?:years?|months?|ages|decades|a (?:long )?(?:time|while)) ago|when (?:he|she|they) (?:was|"
    r"were)|back then|in (?:19|20)\d\d|last (?:year|summer|winter|spring|fall|autumn)|(?:has|have|"
    r"'s) been (?:sober|clean)|(?<!not )(?<!\bno )(?<!n't )(?<!nt )(?<!not by )(?<!n't by )(?<!wasn't an )"
    r"(?<!wasnt an )(?<!not an )(?<!never an )accident\w*|by mistake|mistakenly|thinking (?:it|they) (?:was|were)|"
    r"while (?:spraying|cleaning|working|playing)|from a (?:water |soda )?bottle|got into|in the (?:shed|garage)|"
    r"(?:[0-9]|1[0-2]) ?(?:years?|yrs?) old\b|\d+ ?(?:months?|mo) old|toddler|baby\b(?! (?:sister|brother|girl|"
    r"boy))|infant|little one|dog|cat|puppy|kitten|hamster|rabbit|bunny|parrot|bird|ferret|guinea pig|horse|pet|"
    r"news|article|celebrity|singer|actor|rapper|died|passed away|funeral|obituary|autopsy|overdose deaths?|"
    r"statistics|podcast|documentary|episode|season|book|chapter|memoir|biography|play|history|class|snow white|"
    r"socrates|jonestown|shift|a patient who|had a patient|movie|film|novel|character|story|the show|game|"
    r"for (?:his|her|their) (?:back|headache|pain|cold)|one at a time|hates? (?:taking|swallowing)|(?:morning|"
    r"evening|night|daily|usual) (?:pills|meds|dose)|like (?:always|usual)|as usual|with (?:breakfast|dinner|"
    r"lunch|meals?|food)|after work|camping|trolley|sugar|caffeine|energy drinks?|coffee|like (?:she|he|"
    r"they) always|what happens if|what would happen|if (?:someone|a person|you)|why (?:my|did|he|she)|"
    r"understand why|help me understand|grie\w+|anniversary|halloween|minecraft|sims|roblox|fortnite|this morning|"
    r"today|course|who (?:overdosed|died|took)|after (?:my|his|her|their|our) (?:\w+ ){1,2}overdosed|eulogy|"
    r"letter|funding|memorial|in memory|rip|addiction services|write a|writing a)\b"
)
# What caused another's wound or fall: "cut herself chopping onions", "hurt himself falling".
_NOT_THEIR_WOUND: Final = (
    rf"(?:{_NOT_A_WOUND}|\b(?:fall\w*|fell|football|trampoline|mower|chainsaw|iv|stairs|shaving|cooking)\b)"
)

# An overdose said of them as one, not of a treat: "my husband overdosed on his oxy", "my mum's taken an overdose".
_THEY_OVERDOSED: Final = (
    r"(?:over ?dosed|od'd|oded|took an? (?:\w+ )?(?:overdose|od)|(?:has|'s|have|had) taken an? (?:\w+ )?overdose|(?:is|"
    r"'s) (?:overdosing|od'?ing))\b(?! (?:the|my|his|her|our|him|them|it)\b)(?![^.!?\n]{0,25}?\bon (?:sugar|caffeine|"
    r"coffee|espresso|candy|chocolate|energy drinks?|netflix|pizza|cake|sweets)\b)"
)
# The person and what is said of them: "my roommate just", "she said she", "a kid at my school".
_SAID: Final = rf"{_THEM}{_THEY} (?:\w+ )?"
# An overdose or an attempt said of them, read only with a sign beside it that it is now and grave (``_NOW_GRAVE``):
# "my cousin tried to kill himself, he took a lot of xanax".
_OVERDOSED_OR_TRIED: Final = (
    r"(?:over ?dosed|od'd|oded|took an? (?:\w+ )?(?:overdose|od)|(?:has|'s|have|had) taken an? (?:\w+ )?overdose|"
    r"(?:is|'s) (?:overdosing|od'?ing)|tried to (?:overdose|od|kill (?:himself|herself|themselves)|end (?:his|her|"
    r"their) life))\b"
)
# Beside "tried to" said of them, that it is now and grave: "hes breathing weird", "this morning", "what do i do".
_NOW_GRAVE: Final = (
    rf"(?:{_THEIR_STATE}|{_THEIR_INTENT}|\b(?:tonight|this (?:morning|afternoon|evening)|an hour|minutes|right now|"
    r"what do i do|not answering|good ?bye|pills|tablets)\b)"
)
_EMPTY_BOTTLES: Final = (
    rf"\b(?:empty (?:pill |medicine |prescription )bottles?|(?:empty )?bottles? of {_DRUG}|pills (?:everywhere|"
    r"all over))"
)

OTHERS_TAKEN: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.85,
        "other-acted",
        # "my roommate just swallowed a bunch of pills", "my dad swallowed his whole bottle of heart meds", "my son
        # drank bleach on purpose", "my husband overdosed on his oxy, hes breathing weird", "my mom cut her wrists
        # and theres blood everywhere", "i found my brother on the floor with empty pill bottles next to him".
        # Most forms open on the person and what is said of them: one group after it.
        rf"{_SAID}(?:"
        + "|".join(
            (
                rf"{_TOOK} {_THEIR_AMOUNT}{_NOT_CARRIED}",
                rf"{_DOWNED} {_THEIR_AMOUNT}",
                rf"(?:took|swallowed|downed|injected|overdosed on) {_THEIR_SOME}\b{_NOT_CARRIED}[^\n]{{0,80}}?"
                rf"{_THEIR_GRAVE}",
                _THEY_OVERDOSED,
                rf"{_OVERDOSED_OR_TRIED}(?=[^\n]{{0,80}}?{_NOW_GRAVE})",
                _THEIR_POISON,
                rf"{_THEIR_LOOSE}[^\n]{{0,80}}?{_THEIR_GRAVE}",
                rf"{_THEIR_GRAVE_STATE}[^\n]{{0,60}}?{_EMPTY_BOTTLES}",
            )
        )
        + ")|"
        + "|".join(
            (
                rf"(?:^|\bplease )help\b[^\n]{{0,20}}?{_SAID}(?:over ?dosed|od'd|oded)\b",
                _FOUND,
                rf"{_THEIR_GRAVE}[^\n]{{0,80}}?{_SAID}{_THEIR_LOOSE}",
            )
        ),
        context=(_NOT_THEIRS_NOW,),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.85,
        "other-acted",
        # A wound: "my mom slit her wrists", "my girlfriend cut herself really deep and it wont stop bleeding"; not a
        # kitchen, a fall or a game.
        rf"{_SAID}(?:(?:slit|slashed) (?:both )?(?:of )?(?:his|her|their) (?:wrists?|throat)\b|stabbed (?:himself|"
        rf"herself|themselves)\b|{_THEIR_WOUND}[^\n]{{0,80}}?(?:blood|bleeding|deep|{_THEIR_GRAVE_STATE}|{_THEIR_INTENT}|"
        r"hospital|(?:not to|don'?t|dont) tell anyone)|(?:hurt|harmed) (?:himself|herself|themselves|themself) on "
        rf"purpose[^\n]{{0,60}}?(?:blood|bleeding)|cut too deep\b(?! (?:in|into|on|with|while|when)\b)"
        r"(?=[^.!?\n]*\b(?:wrists?|arms?|thighs?|skin|"
        r"herself|himself|blood|bleeding|bandage))|(?:cut|slit) (?:his|her|their) wrists?)|"
        r"\bbleeding (?:a lot |badly |heavily |so much )?from (?:his|her|their) wrists?\b|"
        rf"(?:blood|bleeding)[^\n]{{0,60}}?{_SAID}(?:hurt|harmed) (?:himself|herself|themselves|themself) on purpose",
        context=(_NOT_THEIRS_NOW, _NOT_THEIR_WOUND),
        where=("input",),
    ),
)


def other_acted(text: str, reasons: Sequence[str] = ()) -> bool:
    """Whether someone else has already acted, in the speaker's words: ``OTHERS_TAKEN`` fired (``reasons``, a
    verdict's), or fires on the message's first view with its line breaks kept."""
    return OTHER_ACTED in reasons or any(fires(rule, normalize.lined(text)) for rule in OTHERS_TAKEN)


# The words for a medicine, a household poison, pills carried somewhere and an act's intent, for the rules of a
# poisoning by accident (rules_poison.py).
DRUG: Final = _DRUG
POISONS: Final = _POISONS
NOT_CARRIED: Final = _NOT_CARRIED
GRAVE: Final = _GRAVE
THEIR_INTENT: Final = _THEIR_INTENT

# The reasons the rules give.
ACTED: Final = frozenset({"self_harm:act-taken", "self_harm:act-taken-said", "self_harm:act-wound"})
# The answer said again on the turn after the answer to an act already done (``risk.after_act``);
# ``crisis.crisis_words`` reads it as the act's.
AFTER_ACT: Final = "self_harm:after-act"
OTHER_ACTED: Final = "self_harm:other-acted"

# Looser forms, for the words of a crisis answer given for any reason: "i took them all", "its done. i already
# swallowed them", "i took the pills", "i've taken everything", "the pills are kicking in".
_DONE: Final = re.compile(
    rf"{_I} ?(?:took|taken|swallowed|downed) (?:them|the (?:\w+ )?pills|the tablets|all (?:of )?(?:them|"
    rf"{_MINE}{_DRUG})|everything(?! (?:i|we) (?:need|own|had|could)| (?:the|my) doctor| you said)|{_COUNT} of them|"
    r"(?:way )?(?:too|so) many "
    rf"(?:of (?:my|the) )?{_DRUG})(?: all\b|(?! all\b))\b{_NOT_CARRIED}|"
    r"\b(?:i|i'?ve|ive) (?:just |already )?(?:done it|did it)\b(?=[^\n]{0,60}?\b(?:took|taken|swallowed|drank|cut)\b)|"
    r"\b(?:pills|tablets|meds) (?:are|r) (?:kicking in|starting to work|(?:already )?in my (?:stomach|system))\b"
)
# Beside the looser forms, in their sentence: a dose as an everyday one ("the pills are kicking in, my headache is
# finally gone", "took all my pills this morning, can you log it"), or a plan not yet acted on ("i did it, i bought
# the pills").
_NOT_DONE: Final = re.compile(
    rf"{_NOT_NOW}|{_NOT_NOW_SAID}|\b(?:headaches?|migraines?|cramps|period|pain'?s (?:finally )?(?:gone|better)|pain "
    r"is (?:finally )?(?:gone|better)|this morning|log\w*|track\w*|remind\w*|infection|going to|gonna|i'?ll|about to|"
    r"tonight'?s the night|right here|on the table|counting|bought|without (?:gagging|missing|crushing|choking)|"
    r"gagging|proud|first (?:week|day|month)|on time|late\b|too "
    r"late to (?:take|drink|eat|get)|next (?:one|dose))\b"
)


def acted(text: str, reasons: Sequence[str] = ()) -> bool:
    """Whether the speaker says they have already taken an overdose or a poison or made a wound: a rule of ``TAKEN``
    fired (``reasons``, a verdict's), or a looser form is read in the message's first view, its line breaks kept,
    with no everyday reason or plan in its sentence."""
    if ACTED & set(reasons):
        return True
    view = normalize.lined(text)
    for match in _DONE.finditer(view):
        start = max(view.rfind(end, 0, match.start()) for end in ".!?\n") + 1
        stops = [i for i in (view.find(end, match.end()) for end in ".!?\n") if i >= 0]
        if not _NOT_DONE.search(view, start, min(stops, default=len(view))):
            return True
    return False
