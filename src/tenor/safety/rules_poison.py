"""A poisoning that has just happened by accident: a child, a pet, someone by mistake (stop 40).

"my toddler drank some bleach what do i do", "the baby swallowed a button battery", "my cat licked antifreeze" and
"my dog got into my ibuprofen and ate like 10 of them" were answered by the language model, which may say what
every poison service warns against (make them sick, wait and see). The person needs one thing first: the poison
service, or a vet, on the phone now. So these rules hand the turn to a vetted answer (``crisis.crisis_reply`` with
``poisoned``): the locale's poison service, the emergency number if someone is hard to wake, struggling to breathe
or having a seizure, and not to make them sick. The self-harm category carries them (its action is the vetted
answer, as for a threat told), under their own names, so the audit tells them apart.

Each rule reads who, a past verb of swallowing ("ate", "drank", "got into the medicine cabinet", "licked") and a
thing that is a poison for them. A toddler, an infant or an age up to twelve may have swallowed a medicine, a
household product, what no one swallows on purpose (mouthwash, a battery, iron pills) or what a grown-up takes every
day (wine, a cannabis gummy, a cigarette); a baby, a son or a daughter of no age said, the first three; a pet,
also the foods that poison dogs and cats (chocolate, grapes, xylitol, lilies); a grown-up, the speaker or another,
only with a word of the mistake ("by accident", "took her pills twice", "drank from the lemonade bottle it was kept
in"). Not a child's or a pet's own dose, a question of what would happen, a story, a dream, a quiz, the past told as
past, a call already made or an outcome known, a near miss. An act on purpose is read too, but answered as one
(``meant``, in ``crisis.crisis_words``): with the words for someone who has acted, the emergency call first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from tenor.safety import normalize
from tenor.safety.rule import Rule
from tenor.safety.rule import rule as _r
from tenor.safety.rules_taken import DRUG, GRAVE, NOT_CARRIED, POISONS, THEIR_INTENT

# An age up to twelve years, or in months: "2 year old", "4yo", "18 month old", "1.5 year old".
_SMALL_AGE: Final = (
    r"(?:(?:[1-9]|1[0-2]|\d\.5|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve)[ -]?(?:years?[ -]?old|yrs?[ -]?old|yr[ -]?old|yo|y/?o|y\.o\.?)|\d{1,2}[ -]?(?:months?[ -]?old|"
    r"mo[ -]?old|mos?|months?))"
)
# A child said to be small: a drink, a cannabis gummy or a cigarette is read for them, never for "my baby" (a partner
# too) or "my little brother".
_SMALL: Final = rf"(?:toddlers?|infants?|newborns?|\blo\b|little ones?|{_SMALL_AGE})"
# A young child said as one, or a son, a daughter of no age said: a medicine, a household product or what no one
# swallows on purpose is read for them.
_CHILD: Final = (
    r"(?:bab(?:y|ies)|little (?:guy|girl|boy|man|lady)|kiddos?|twins|grandbab(?:y|ies)|(?:little|baby) (?:brother|"
    r"sister|bro|sis|cousin)|kids?|child|children|son|daughter|boy|girl|grandson|granddaughter|grandkids?|"
    r"grandchild|nephew|niece|step(?:son|daughter)|youngest|teen(?:ager)?s?|1[3-9][ -]?(?:years?[ -]?old|"
    r"yrs?[ -]?old|yo|y/?o))"
)
# Whose: "my", "our", "the kids", "my sister's". Never after "if", "what if", "suppose" (a question of what would
# happen), nor after "after" (what came after).
_WHOSE: Final = (
    r"(?<!\bif )(?<!\bwhen )(?<!\bin case )(?<!\bwhether )(?<!\bsuppose )(?<!\bimagine )(?<!\bafter )\b(?:my|our|"
    r"his|her|their|both (?:my|our)|one of (?:my|our)|(?:my|our) \w+'?s)"
)
# "the baby", "the kids", "the twins" (not "the girls", "the boys": grown-ups at brunch).
_THE_CHILD: Final = (
    r"(?<!\bif )(?<!\bwhen )(?<!\bsuppose )(?<!\bimagine )(?<!\bafter )\bthe (?:bab(?:y|ies)|toddlers?|kids|"
    r"children|twins|little ones?)"
)
# An age said after the child: "my son (3)", "my son who's 3", "my grandson, he's 2,", "my son is 3 and he".
_AGE_AFTER: Final = (
    r"(?: \(?(?:\d|1[0-2])\)?|,? (?:who is|who's|whos|is|aged|he's|she's|hes|shes|he is|she is) (?:only |"
    r"just )?(?:[1-9]|1[0-2]|\d\.5|one|two|three|four|five|six|seven|eight|nine|ten)(?: (?:years?|yrs?)"
    r"(?: old)?)?,?(?: and (?:he|she|they)| (?:he|she|they)\b)?)"
)
# The child as the subject: small ("my 2 year old", "my son who's 3", "toddler got into" at the start), or not said so.
_SMALL_SUBJECT: Final = (
    rf"(?:{_WHOSE} (?:[\w'-]+ ){{0,3}}?{_SMALL}(?:'s|s)?(?: {_CHILD})?|^(?:omg |help |oh god |oh no |so |um |"
    rf"uh )?{_SMALL}|(?<!\bif )(?<!\bwhen )(?<!\bsuppose )(?<!\bimagine )(?<!\bafter )\bthe (?:bab(?:y|ies)|"
    rf"toddlers?|infant|newborn)|{_WHOSE} (?:[\w'-]+ ){{0,2}}?{_CHILD}{_AGE_AFTER})"
)
_CHILD_SUBJECT: Final = (
    rf"(?:{_WHOSE} (?:[\w'-]+ ){{0,2}}?{_CHILD}(?:'s|s)?|{_THE_CHILD}|^(?:omg |help |oh god |oh no |so |um |"
    r"uh )?(?:baby|twins))"
)
# Said of them after: "just", "may have", "might've", "somehow", "got into the cupboard and", "found and".
_SAID: Final = (
    r"(?: (?:just|has|had|have|somehow|accidentally|apparently|may have|might have|must have|might'?ve|must'?ve|"
    r"could'?ve|could have|might of|must of|may of|maybe|possibly|probably|already|then|also|literally|definitely|"
    r"i think|snuck|sneakily|quickly|seems to have|found and|got into (?:the|my|a|our|her|"
    r"his) (?:\w+ ){0,2}?\w+ and|found (?:a|the|some|my) (?:\w+ ){0,2}?\w+ and|(?:chewed|climbed|knocked|"
    r"opened|pulled|broke|tore|ripped) (?:\w+ ){1,3}?and(?: then)?)){0,3}"
)
# Got into a place where poisons are kept, or into a poison itself ("got into my pills"): never "got into medicine
# at oxford", "got into bleach and naruto", "got into my tablet".
_GOT_INTO: Final = (
    r"(?:got|gotten|has got|had got) into(?= (?:the|my|our|his|her|their|some of (?:the|my)|grandma'?s|grandpa'?s|"
    r"\w+'s) )(?! (?:my|his|her|the|our|their) (?:\w+ )?(?:tablet|ipad|phone|laptop|computer|account|email|car|"
    r"room|bed|school|college|uni|university|team|class|course|program|programme|business|band|club)\b)"
)
_PLACE: Final = (
    r"\b(?:(?:the |my |our |her |his |grandma'?s |grandpa'?s |\w+'s )?(?:medicine|meds|pill|bathroom|"
    r"first aid) (?:cabinet|cupboard|drawer|bag|box|basket|organi[sz]er|shelf)|(?:the |my |our )?(?:cleaning|"
    r"chemical|laundry) (?:cupboard|cabinet|supplies|products|stuff|shelf)|(?:the )?(?:cupboard|"
    r"cabinet) under the (?:kitchen |bathroom )?sink)\b"
)
# The verbs, past: swallowed or had in the mouth; "got into" a poison.
_ATE: Final = (
    r"(?:swallowed|swallowd|ate(?! up\b)|eaten|drank|drunk|licked|chewed(?: on| up| through)?|bit(?: into| in to)|"
    r"bitten|sucked on|ingested|gulped(?: down)?|scarfed(?: down)?|wolfed(?: down)?|gobbled(?: up)?|"
    r"munched(?: on)?|got hold of|got ahold of|got a hold of|helped (?:him|her|them|it)sel(?:f|ves) to|"
    r"stole and ate|(?:took|had) (?:a )?(?:bite|sip|swig|gulp|lick)s? (?:of|from|out of)|drank (?:out of|from)|"
    rf"(?:was |is |'s )?(?:eating|chewing(?: on)?|drinking|licking|sucking on)|{_GOT_INTO})"
)
# A small child's verbs that also mean carried or a dose given ("took my batteries for his controller", "took some
# motrin for his teething"): only with an amount or another's, and not carried or for a reason.
_TOOK: Final = (
    r"(?:took|popped|chugged|downed|bit)(?= (?:some|a few|a couple|a bunch|a handful|a lot|lots|most|all|half|one|"
    r"two|three|four|five|several|\d+|a whole|the whole|an entire|a|an|my|our|grandma'?s|grandpa'?s|\w+'s)\b)"
)
# How much and whose, before the thing: "some of my", "a whole bottle of", "half the", "one of grandma's".
_OF: Final = (
    r"(?: ?(?:(?:like|about|around|maybe|possibly|at least|almost) )?(?:some|a few|a couple|one|two|three|four|"
    r"five|several|a bunch|a handful|a lot|lots|most|all|half|the rest|\d+|a whole (?:\w+ )?(?:bottle|pack|packet|"
    r"box|bag|bar|tube|tub|sheet|strip|jar|sleeve|container)|the whole (?:\w+ )?(?:bottle|pack|packet|box|bag|bar|"
    r"tube|tub|sheet|strip|jar|sleeve|container)|an entire (?:\w+ )?(?:bottle|pack|packet|box|bag|bar|tube)|"
    r"a (?:\w+ )?(?:bottle|pack|packet|box|bag|bar|tube|tub|sheet|strip|jar|sip|mouthful|gulp|bit|little|piece|"
    r"capful|swig|taste|lick|cup|glass|sleeve|container|spoonful|handful|stick)|an? (?:\w+ )?(?:few|couple)|"
    r"pieces?|bits?|part)(?: of)?)?(?: ?(?:my|our|the|some|a|an|his|her|their|those|these|one of|(?:my )?\w+'?s|"
    r"(?:\w+ )?(?:grandmas|grandpas|nanas|nans|grans|moms|mums|dads|brothers|sisters|husbands|wifes|roommates|"
    r"neighbou?rs|parents)))?"
)
# Up to three words between that and the thing ("some of my blood pressure pills"), never a word that takes the
# sentence elsewhere ("ate lunch with holly", "a lollipop at the dry cleaner", "that sugary poison", "took home").
_FILL: Final = (
    r"(?:(?!(?:at|with|in|on|from|for|to|and|but|while|after|before|off|under|near|that|this|such|like|so|too|"
    r"pure|sugary|processed|lunch|dinner|breakfast|food|meal|candy|home|back|out|away|over)\b)[\w'-]+ ){0,3}?"
)
# A household poison, for anyone.
_CHEMICALS: Final = (
    rf"(?:{POISONS}|(?:drain|oven|toilet|toilet bowl|glass|window|floor|carpet|bathroom|kitchen|surface|"
    r"multi-?purpose|all-?purpose|grill|bbq|jewelry|jewellery|denture|pipe|shower|tile|grout|mou?ld|rust|metal|"
    r"stain|brake|engine|paint ?brush) cleaner|(?<!dry )cleaner|cleaning (?:spray|solution|liquid|tablets?|"
    r"products?|stuff|fluid)|windex|lysol|dettol|domestos|pine ?sol|fabuloso|detergent|laundry (?:pods?|capsules?|"
    r"liquid|soap|gel|detergent)|dishwasher (?:pods?|tablets?|tabs|detergent|liquid|gel)|fabric softener|lamp oil|"
    r"tiki (?:torch )?(?:oil|fuel)|kerosene|paraffin|gasoline|gas(?=[^.!?\n]{0,30}?\b(?:mower|can|siphon\w*|"
    r"tank)\b)|petrol|diesel|paint thinner|thinners?|turpentine|white spirit|brake fluid|screenwash|(?:windshield|"
    r"windscreen) (?:wiper |washer )?fluid|de-?icer|coolant|antifre?eze|caustic soda|toilet (?:tablets?|blocks?|"
    r"duck)|descaler|mouse poison|rodenticide|rat (?:bait|pellets|blocks?)|poison (?:bait|pellets|blocks?)|"
    r"weed ?killer|insecticide|bug (?:spray|killer)|ant (?:bait|killer|poison|traps?|gel)|roach (?:bait|killer|"
    r"spray)|slug pellets|snail bait|metaldehyde|fertili[sz]er|(?:pool |chlorine )(?:shock|tablets?|chemicals?)|"
    r"chlorine(?! water)|flea (?:and tick )?(?:pills?|treatment|drops|medicine|collar|shampoo|spray|stuff|"
    r"tablets?|chews)|(?:button|coin|coin cell|watch|lithium|hearing aid) batter(?:y|ies)|button cells?|"
    r"coin cells?|(?:e[- ]?|vape )(?:liquid|juice|oil)|vape (?:pens?|pods?|cartridges?|carts?)|liquid nicotine|"
    r"nicotine (?:liquid|gum|patch(?:es)?|pouch(?:es)?|pods?|lozenges?|vape)|zyns?|(?:fentanyl|nicotine|pain|"
    r"hormone) patch(?:es)?|something (?:from )?under the (?:kitchen |bathroom )?sink)"
)
# A medicine or a household poison: not "the tablet screen", "my tablet" (the device), a pill bug.
_HOUSEHOLD: Final = (
    r"\b(?!(?:on |with )?(?:(?:my|his|her|the|our|your) )?(?:samsung |amazon |fire |kindle |new |old |"
    rf"android )?tablet\b(?! of))(?:{_CHEMICALS}|{DRUG}|(?:tylenol|motrin|calpol|advil|ibuprofen|paracetamol|"
    r"benadryl|nyquil|adderall|vyvanse|xanax|warfarin|insulin|suboxone|subutex|buprenorphine|clonidine|metformin|"
    r"lithium|prenatals?|multi-?vitamins?|vicks|vapo ?rub|eye ?drops|orajel))\b"
)
# For a child or a pet, what no one swallows on purpose but a child may: mouthwash, a battery, magnets, iron pills, a
# poisonous plant. Mild for a grown-up ("swallowed a bit of mouthwash while rinsing").
_ODD: Final = (
    r"\b(?:iron (?:pills|tablets|supplements?)|mouthwash|listerine|hand ?sani[tz]i[sz]er|dish ?(?:soap|"
    r"washing liquid)|washing[- ]up liquid|hydrogen peroxide|peroxide|nail polish(?: remover)?|acetone|perfume|"
    r"cologne|aftershave|essential oils?|(?:tea tree|eucalyptus|clove|peppermint|wintergreen|camphor|"
    r"lavender) oil|vanilla extract|baby oil|super ?glue|gorilla glue|mothballs|silica (?:gel|packets?)|hair dye|"
    r"batter(?:y|ies)|(?:a |some |two |the )?magnets?|diaper (?:rash )?cream|denture (?:cleaning )?tablets?|"
    r"(?:poisonous|unknown|strange|random) (?:mushrooms?|berries|plants?)|wild mushrooms?|(?:\w+ )?(?:leaves|leaf|"
    r"seeds?|nuts?) (?:from|of|off) (?:the |a |my |our )?(?:sago palm|lily|lilies|oleander|foxglove|yew)|(?:yew|"
    r"holly|mistletoe|daffodil|lily of the valley) (?:berries|leaves|bulbs?|flowers?|plant)|nightshade|pokeweed|"
    r"belladonna|foxglove|oleander|dieffenbachia|pothos|philodendron|caladium|peace lily|"
    r"houseplants?(?: leaves)?)\b"
)
# For a small child or a pet, also what a grown-up takes every day: a drink, a cannabis gummy, a cigarette, vitamins.
# Not "ginger beer", "apple cider", "rum cake", "beer battered", "candy cigarettes", "edible glitter".
_FOR_SMALL: Final = (
    r"\b(?:(?<!ginger )(?<!root )(?<!butter)(?<!\bno )(?<!alla )(?:wine(?! gums?)|beer|vodka|whiske?y|"
    r"rum(?! (?:cake|balls?|raisin))|gin\b(?! gin)|tequila|liquor|alcohol(?!-free)|booze|champagne|prosecco|"
    r"(?<!apple )cider(?! vinegar)|cocktails?|margaritas?)(?![- ](?:battered|batter|bread|braised|glazed|sauce|"
    r"cake|chicken|gravy|marinade|reduction|soaked|cheese|gums?))|(?:(?<=my )|(?<=his )|(?<=her )|(?<=the )|"
    r"(?<=of )|(?<=our )|(?<=some ))weed(?: (?:gumm(?:y|ies)|brownies?|cookies?|edibles?|candy|chocolates?|butter|"
    r"vape|pen|cart\w*|oil|joint|blunt|stash))?|weed (?:gumm(?:y|ies)|brownies?|cookies?|edibles?|candy|"
    r"chocolates?|vape|pen)|(?:cannabis|marijuana|thc)(?: (?:gumm(?:y|ies)|brownies?|cookies?|edibles?|candy|"
    r"chocolates?|butter|vape|pen|cart\w*|oil|joint|blunt|stash))?|pot (?:gumm(?:y|ies)|brownies?|cookies?|"
    r"edibles?|candy|chocolates?)|edibles|(?:an |my |his |her |the |\w+'s )edible\b(?! (?:glitter|flowers?|"
    r"cookie dough|paint|ink|gold|decorations?|sprinkles|pearls?|image|paper))|(?<!candy )(?<!chocolate )"
    r"(?<!bubble gum )(?:cigarettes?|cigarette butts?|cigars?|tobacco)|vitamins?|(?:gummy|chewable) (?:vitamins?|"
    r"melatonin)|melatonin|cough (?:syrup|medicine)|(?:wild )?(?:mushrooms?|toadstools?) (?:from|in|off|"
    r"growing in|on) (?:the|our|my|a|his|her) (?:garden|yard|lawn|backyard|park|woods|grass)|(?:some |a few |"
    r"the )?berries (?:from|off|on) (?:a|the|our|my|some|their|his|her) (?:\w+ )?(?:bush|shrub|hedge))\b"
)
# For a dog or a cat, also the foods that poison them; never a name ("lily's food", "licked lily", "brownie's face"),
# nor food made for dogs ("a dog chocolate drop", "onion-free stuffing").
_FOR_DOGS_CATS: Final = (
    r"\b(?:(?:(?!dog\b|safe\b|carob\b|doggy\b|doggie\b|white\b)\w+ )?(?<!dog-safe )(?<!dog )"
    r"(?<!carob )chocolate(?! (?:labs?|labradors?|brown|point|colou?red|drops?))(?: chips?| bars?| cake| cookies?|"
    r" brownies?| bunn(?:y|ies)| eggs?)?|cocoa (?:powder|beans?|mulch)|(?:a|the|some|\d+|of) brownies?|brownies|"
    r"grapes?|raisins?|sultanas|currants|xylitol|sugar[- ]free (?:gum|mints|candy|sweets|peanut butter)|(?:(?:my|"
    r"his|her|a|the|some|chewing|nicotine|orbit|trident|extra|eclipse|stride) |(?:piece|pack|packet|stick|"
    r"bunch) of )gum(?! disease| line)|onions?(?!-free)|garlic|chives|leeks|macadamias?(?: nuts)?|avocado(?: skin|"
    r" pit| stone| peel)?|coffee (?:grounds|beans)|caffeine (?:pills|tablets)|(?:bread|pizza|raw|yeast|"
    r"rising) dough|(?:(?<=the )|(?<=a )|(?<=some )|(?<=of )|(?<=my )|(?<=our )|(?<=her )|(?<=those )|"
    r"(?<=these ))lily(?!'s)|lilies|(?:a |some |the )?tulips?(?: bulbs?| leaves)?|daffodils?|sago palm|azaleas?|"
    r"(?:a |some |wild )?mushrooms?|(?:rat|mouse) (?:bait|poison)|(?:a |the |cane )toad|(?:\w+ )?fried onions)\b"
)
# After the thing, no word that makes it something else: "the wine business", "fertilizer research", "the battery
# cover", "the wine cork".
_NOT_THAT: Final = (
    r"(?!'s| (?:bags?|delivery|order|refills?|list|schedule|reminders?|business|industry|scene|collect\w*|making|"
    r"art|research|test\w*|games?|workouts?|ball|screen|computer|case|charger|bugs?|cafe|tree|jolly|shop|store|"
    r"aisle|section|ads?|commercials?|label|brand|stocks?|company|blonde|bottle cap|cover|compartment|cork|"
    r"disease|stains?|spots?|lid)\b)"
)
# A child's or a pet's own dose given as meant ("my son had his tylenol", "the puppy ate her dewormer tablet").
_OWN_DOSE: Final = (
    r"(?! (?:his|her|their|its) (?:own |usual |daily |morning |evening |night |normal |regular |prescribed |"
    r"monthly |chewable |gummy )?(?:[\w'-]+ )?(?:vitamins?|gumm(?:y|ies)|medicine|meds|dose|antibiotics?|inhaler|"
    r"tylenol|motrin|calpol|ibuprofen|paracetamol|pills?|tablets?|treats?|food|kibble|chews?|dinner|breakfast|"
    r"cough syrup|melatonin|heartworm|dewormer|wormer|worming|flea|tick|apoquel|rimadyl|carprofen)\b)"
)
# Done with, said after the thing anywhere in the message: the outcome known, a call made ("the vet said he was
# fine", "we've been to the vet and she's fine now", "they said it's fine"). Not "he was fine an hour ago but".
_DONE_WITH: Final = (
    r"(?![^\n]{0,300}?\b(?:(?:he|she|they|it)(?:'s| is| are|'re) (?:totally |completely |perfectly |absolutely |"
    r"all |just |doing )?(?:fine|ok|okay|alright|all right|good) now\b(?! but)|turned out (?:fine|ok|okay|to be)|"
    r"ended up (?:fine|ok|okay|being fine)|(?:fully )?recovered|(?:the |our |my )?(?:vet|doctor|poison control|"
    r"hospital|er|a&e|pediatrician|paediatrician|gp|nurse)s? (?:said|says|told (?:me|us)|thinks) (?:it'?s|he'?s|"
    r"she'?s|they'?re|it was|he was|she was|it is|he is|she is|(?:it|he|she) (?:will|would) be) (?:fine|ok|okay|"
    r"nothing|harmless|safe|not)|(?:the |our |my )?vet (?:checked|induced)|(?:they|poison control) said (?:it'?s|"
    r"he'?s|she'?s|it was|he was|she was|(?:it|he|she) (?:is|was|will be)) (?:fine|ok|okay|nothing|harmless|safe)|"
    r"(?:we'?ve|we have|i'?ve|i have) (?:been|gone) to the (?:vet|hospital|er|a&e|doctor)|(?:we|i) (?:went|were|"
    r"was) (?:to|at) the (?:vet|hospital|er|a&e|emergency|doctor)|came back clear|nothing happened\b(?! yet)|"
    r"vet bill (?:was|came)|induced vomiting|made (?:him|her|them|it) (?:throw up|vomit|sick))\b)"
)
# What a grown-up mistook a chemical for: "thinking it was water", "what he thought was vodka".
_MISTAKEN_FOR: Final = (
    r"(?:(?:my|his|her|their|a|an|the|some) )?(?:own |other |usual |regular )?(?:water|juice|soda|pop|lemonade|"
    r"gatorade|drink|vodka|gin|wine|beer|milk|coffee|tea|candy|sweets|mints|mouthwash|medicine|cough syrup)\b"
)
# A container a drink is kept in: "from the lemonade bottle", "out of an old gatorade bottle".
_DRINK_BOTTLE: Final = (
    r"(?:a|an|the|my|his|her|some|an old|the old|a old) (?:\w+ ){0,2}?(?:drink|drinks|water|soda|pop|juice|coke|"
    r"lemonade|gatorade|sports drink|vodka|beer|milk|squash) (?:bottle|jug|can|carton|cup|glass|mug)"
)
# The words of a mistake, after a chemical drunk.
_MISTAKE: Final = (
    r"(?:by mistake|by accident|accidentally|(?:thinking|thought) (?:it|they|that) (?:was|were|"
    rf"'?s) {_MISTAKEN_FOR}|(?:he|she|they|i) thought (?:was|were) {_MISTAKEN_FOR}|instead of {_MISTAKEN_FOR}|(?:i|"
    r"we|someone|he|she) (?:had )?(?:left|put) (?:it |them )?in (?:the|a|an|my|his|her) (?:\w+ )?(?:kettle|bottle|"
    rf"cup|glass|mug|jar)|(?:from|out of|(?:that|which) was in) {_DRINK_BOTTLE})"
)
# A medicine's mistake: by accident, mixed up, another's pills taken for one's own, the wrong bottle.
_MED_MISTAKE: Final = (
    r"(?:by mistake|by accident|accidentally|mixed (?:them )?up|got (?:them |it )?mixed up|instead of (?:(?:my|"
    r"his|her|their) (?:own |usual |regular )?(?:\w+ )?(?:pills?|meds|tablets?|medicine|medication|vitamins?)|"
    r"mine|his|hers|theirs)\b|(?:thinking|thought) (?:it|they) (?:was|were) (?:(?:my|his|her|their) (?:own|"
    r"(?:\w+ )?(?:pills?|meds|tablets?|medicine|vitamins?))|(?:like )?(?:advil|tylenol|ibuprofen|paracetamol|"
    r"aspirin|candy|sweets|vitamins?))\b)"
)
# Pills carried or put somewhere, as ``rules_taken`` reads them, and "over", "round", "for his controller".
_CARRIED: Final = (
    rf"{NOT_CARRIED}(?! (?:over|round|around|along|for (?:his|her|their|my|the) (?!(?:fever|temperature|cold|cough|"
    r"headache|pain|teething|cramps|period|migraine)\b)\w+)\b)"
)
# A poison drunk from a bottle it was kept in: "drank from a water bottle that had bleach in it".
_FROM_A_BOTTLE: Final = (
    r"(?:drank|swallowed|had a (?:sip|swig|gulp|mouthful)) (?:from|out of|some of) (?:a|an|the|my|his|her) (?:\w+ )?"
    rf"(?:bottle|cup|glass|jar|can|mug) (?:that|which|with|full of|of)\b[^.!?\n]{{0,30}}?\b{_CHEMICALS}"
)
# A grown-up, or anyone: the speaker, or another named.
_ANYONE: Final = (
    rf"(?:(?<!\bif )\bi|{_WHOSE} (?:[\w'-]+ ){{0,3}}?(?:mom|mum|mother|dad|father|grandma|grandpa|grandmother|"
    r"grandfather|nan|nana|gran|granny|grandad|granddad|husband|wife|partner|boyfriend|girlfriend|aunt|uncle|"
    r"brother|sister|roommate|flatmate|friend|coworker|colleague|neighbou?r|teenager|teen|son|daughter|patient|"
    r"resident|client|kid|child|toddler|baby|boy|girl|nephew|niece|grandson|granddaughter|twins)s?|\b(?:he|she|"
    r"grandpa|grandma|grandad|granddad|nan|mom|mum|dad))\b"
)
_MEDS: Final = r"(?:pills?|meds|medications?|medicines?|tablets?|dose|insulin|warfarin|blood thinners?)"
# Someone given a medicine by the speaker: a child, a grown-up cared for, a pet.
_GIVEN: Final = (
    rf"(?:my|our|the) (?:\w+ )?(?:{_SMALL}|{_CHILD}|mom|mum|mother|dad|father|grandma|grandpa|nan|husband|wife|"
    r"partner|patient|resident|client)"
)
# Why, grave words, intent, anywhere in the message: an act on purpose is answered as one (``meant``).
_ON_PURPOSE: Final = (
    rf"(?:{GRAVE}|{THEIR_INTENT}|on purpose|purposely|deliberately|intentionally|suicid\w*|self[- ]?harm\w*|"
    r"to (?:kill|hurt|harm) (?:him|her|them|my)sel(?:f|ves)|kill (?:him|her|them|my)sel(?:f|ves)|to die\b|"
    r"wants? to die|wanted to die|to end (?:it|things|his life|her life|my life|their life)|hates? (?:her|him|my|"
    r"them|their)sel(?:f|ves)|hates? (?:her|his|my|their) life|(?:doesn'?t|don'?t|didn'?t|dont|"
    r"doesnt) want to (?:live|be here|be alive|wake up|go on)|wants? (?:everything|it all|it) to (?:end|stop|"
    r"be over)|sleep forever|ready to go|sorry for everything|(?:nobody|no one|noone) would (?:miss|care)|"
    r"depressed|depression|wants? to disappear|after (?:a|the|an) (?:fight|argument|breakup|break-up|row)\b|"
    r"tired of (?:living|life|being alive)|better off (?:without|if)|(?:would|will) be better off|"
    r"better if i (?:don'?t|dont|never|didn'?t|didnt) wake up|(?:if|when|hope) i (?:don'?t|dont|never|won'?t|"
    r"wont) wake up|wish i'?d taken (?:the whole|all|more)|(?:a |the )?(?:note|letter) (?:saying|that said)|"
    r"(?:left|wrote) a (?:note|letter))"
)
# Beside it in its sentence: not now, not real, not a poisoning.
_NOT_NOW: Final = (
    r"\b(?:(?:\w+ )?(?:years?|months?|weeks?|ages|decades|a (?:long )?(?:time|while)) ago|last (?:week|month|year|"
    r"summer|winter|spring|fall|autumn)|when (?:i|he|she|they|we) (?:was|were) (?:little|small|young|a (?:baby|"
    r"toddler|kid|child|puppy|kitten)|\d)|as a (?:baby|toddler|kid|child|puppy|kitten)|back (?:then|when)|(?:in|"
    r"back in) (?:19|20)\d\d|growing up|used to\b(?! (?:make|mop|clean|bake|cook|wash|wipe|scrub|spray|fill|store|"
    r"keep))|whenever|(?:his|her|their) whole life|never had a reaction|once(?=\W*(?:$|and|but|lol|haha|,))|"
    r"(?:movie|film|book|novel|story|episode|the show|a show|tv show|series|character|cartoon|comic|article|"
    r"headline|podcast|documentary|video|tiktok|youtube|reel|clip|minecraft|roblox|sims|skyrim|song|poem|script|"
    r"the play|a play|the news|news|quiz|exam|course|training|scenario|hypothetical\w*|suppose|supposing|imagine|"
    r"dream\w*|nightmare|scene|chapter|painting|drawing)\b|(?:a|the|in the|in a|playing a|"
    r"this) game\b(?! controller)|(?:read|heard|saw) (?:a |an |the )?(?:story|article|news|post|video|thread)|"
    r"what (?:happens|would happen|should i do|do you do|to do) (?:if|when)|(?:turned out|ended up) (?:totally |"
    r"completely |perfectly |all |just )?(?:fine|ok|okay|alright|all right)\b|(?:i|we|he|she|"
    r"my \w+) (?:already )?(?:called|rang|phoned|spoke to|talked to|went to|took (?:him|her|them|it) to|am at|"
    r"are at|'re at|'m at|are with|'re with) (?:the |a |an |our |my )?(?:poison control|poison cent(?:er|re)|"
    r"poisons? (?:line|centre|center|information)|vets?|vet'?s|er|a&e|emergency|hospital|doctor|pediatrician|"
    r"paediatrician|111|911|999|gp|ambulance)\b(?! but| and (?:they|no one|nobody)| (?:is|are) closed)|(?:spent|"
    r"were|was|'re|are|am|'m) (?:\w+ ){0,3}?(?:at|in) (?:the )?(?:\w+ )?(?:vets?|vet'?s|a&e|er|hospital|"
    r"emergency room)|(?:the |our |my )?(?:vet|doctor|poison control|hospital|pediatrician|paediatrician|nurse|gp|"
    r"pharmacist) (?:said|says|told (?:me|us)) (?:it'?s|he'?s|she'?s|they'?re|it was|he was|she was|it is|he is|"
    r"she is) (?:fine|ok|okay|safe|nothing|harmless)|(?:i|we) (?:gave|give) (?:him|her|them|it) (?:the|his|her|a|"
    r"an|some) (?:\w+ )?(?:pill|tablet|dose|treat|chew)|like every (?:month|morning|day|night|week)|"
    r"without (?:any )?(?:fuss|complaining|problem|issue)|no problem|with (?:breakfast|lunch|dinner|a meal|food|"
    r"a snack|his juice|her juice)|as (?:prescribed|usual|directed|normal|scheduled)|like (?:always|usual)|"
    r"twice (?:a|per) (?:day|week)|twice daily|once in the morning|morning and (?:night|evening)|(?:this|"
    r"last) week|after a (?:week|break|few days)|normal schedule|pill pocket|wrapped in (?:cheese|ham|bread|"
    r"peanut butter|a pill pocket|a treat)|(?:he|she|they|it) (?:didn'?t|didnt|did not|never|hadn'?t|"
    r"hadnt) (?:actually |even )?(?:eat|drink|swallow|touch|bite|lick|open)|before (?:he|she|they|"
    r"it) (?:could )?(?:eat|drink|swallow|got|touched|had|ate|drank|swallowed|opened)|nothing (?:was|is) missing|"
    r"(?:it|that) was empty|pretend(?:ed|ing)? to (?:drink|eat|swallow)|(?:got|took|pulled) it (?:off|back|away|"
    r"out)|spat (?:it )?(?:straight |right )?out|unopened|the lock held|(?:lid|cap) (?:is|was|'s) (?:still )?on|"
    r"sealed|a patient|patients|a client|clients|my shift|at work today|vet (?:nurse|tech)|as a (?:vet|nurse|"
    r"pharmacist|doctor)|to (?:see|test|check) (?:if|whether) (?:it|they|the \w+) (?:was|were|is|are) (?:charged|"
    r"working|real|dead|live)|the wrong way|(?:were|was|are|is|it'?s|they'?re|theyre|its) (?:just|"
    r"only) (?:\w+ )?(?:vitamins?|sugar|candy|mints|placebos?|water|juice|chewable)|for (?:his|her|their|"
    r"the) (?:\w+ )?(?:fever|temperature|cold|cough|headache|pain|teething|cramps|period|migraine|allergies|flu|"
    r"tummy|hangover|sleep)|before (?:bed|school|the match|football)|after (?:football|the match|brushing|dinner|"
    r"lunch|breakfast)|like the (?:doctor|dentist|nurse|pharmacist) said|(?:she'?s|he'?s|they'?re|shes|hes|"
    r"theyre) allowed|(?:with|given) (?:my|our) permission|at (?:his|her|their|the) (?:wedding|party|birthday|"
    r"21st|30th))"
)
# The fumes of cleaners mixed, and how the person is: "mixed bleach and ammonia and now i cant stop coughing".
_FUMES: Final = (
    r"(?:mixed|used|combined|poured) (?:some )?(?:bleach|clorox|ammonia|(?:\w+ )?cleaners?|vinegar|chlorine|"
    r"windex|lysol)(?: spray)? (?:and|with|and then|then)(?: \w+){0,6}? (?:bleach|clorox|ammonia|"
    r"(?:\w+ )?cleaners?|vinegar|chlorine|windex|lysol)\b(?=[^\n]{0,80}?\b(?:cough\w*|(?:can'?t|cant|hard to|"
    r"trouble|struggling to) breath\w*|chest (?:hurts|is tight|pain)|dizzy|wheez\w*|(?:throat|eyes|lungs|"
    r"nose) (?:is |are )?(?:burn\w*|sting\w*|hurt\w*)|burning (?:throat|eyes|lungs|nose))\b)"
)

# The words a child's form opens on.
_OPENS: Final = (
    r"\b(?=(?:my|our|his|her|their|both|one|the|found|i|omg|help|oh|so|um|uh|toddlers?|infants?|newborns?|lo|little|"
    r"bab(?:y|ies)|twins|\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
)

POISONED: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.85,
        "poisoned",
        # A child: "my 2 year old just swallowed some of my pills", "the baby drank from my vape liquid bottle",
        # "found my toddler chewing on grandmas blood pressure pills", "my son drank some toilet cleaner". Every form
        # opens on one of a few words: read only where one stands (the rest of the text is skipped fast).
        rf"{_OPENS}(?:{_SMALL_SUBJECT}{_SAID} (?:{_ATE}\b{_OWN_DOSE}{_OF} ?{_FILL}(?:{_HOUSEHOLD}|{_ODD}|{_FOR_SMALL}|"
        rf"{_PLACE})|"
        rf"{_TOOK}\b{_OWN_DOSE}{_OF} ?{_FILL}(?:{_HOUSEHOLD}|{_ODD}){_CARRIED})|{_CHILD_SUBJECT}{_SAID} {_ATE}\b"
        rf"{_OWN_DOSE}{_OF} ?{_FILL}(?:{_HOUSEHOLD}|{_ODD}|{_PLACE})|"
        rf"(?:{_SMALL_SUBJECT}|{_CHILD_SUBJECT}){_SAID} {_FROM_A_BOTTLE}|"
        # A son or a daughter: a drink or a gummy with a word of the mistake ("ate one of my cannabis gummies he
        # thought it was candy"), or many of a dose ("ate a bunch of chewable melatonin").
        rf"{_CHILD_SUBJECT}{_SAID} {_ATE}\b{_OF} ?{_FILL}{_FOR_SMALL}[^.!?\n]{{0,60}}?\b(?:by mistake|by accident|"
        r"accidentally|(?:he|she|they) thought (?:it|they) (?:was|were) (?:candy|sweets|juice|water|soda|a drink))|"
        rf"{_CHILD_SUBJECT}{_SAID} {_ATE} (?:like |about |maybe )?(?:a bunch|a handful|a lot|lots|all|most|half|the "
        r"whole bottle|a whole bottle|an entire bottle|\d{2,}|ten|twenty|thirty) (?:of )?(?:the |my |his |her |their "
        r"|those )?(?:gummy |chewable |children'?s |kids'? )?(?:vitamins?|melatonin|gumm(?:y|ies)|cough (?:syrup|"
        r"medicine))|"
        # "my baby put a piece of rat bait in her mouth", "found my boy with an open bottle of drain cleaner".
        rf"(?:{_SMALL_SUBJECT}|{_CHILD_SUBJECT}){_SAID} put{_OF} ?{_FILL}(?:{_HOUSEHOLD}|{_ODD})\b[^.!?\n]{{0,20}}? in "
        r"(?:his|her|their) mouth|"
        rf"found (?:my|our|the) (?:\w+ ){{0,2}}?(?:{_SMALL}|{_CHILD}) (?:with|holding|playing with|next to|beside) "
        r"(?:an? |the )?(?:open|opened|empty|half[- ]empty|chewed) (?:\w+ )?(?:bottle|pack|packet|box|container|tub|"
        rf"jar|tube|blister pack|pod) (?:of )?(?:[\w'-]+ ){{0,2}}?(?:{_HOUSEHOLD}|{_ODD}))"
        rf"{_NOT_THAT}{_DONE_WITH}|"
        # A medicine given wrong by the speaker: "i gave my baby the adult ibuprofen", "i gave my mum her tablets
        # twice tonight".
        rf"\bi (?:\w+ ){{0,2}}?gave {_GIVEN} (?:(?:his|her|their|some|the|a|an) )?(?:\w+ ){{0,2}}?(?:{_MEDS}|{DRUG}|"
        r"tylenol|motrin|calpol|ibuprofen|paracetamol|cough syrup|melatonin) (?:\w+ ){0,2}?(?:twice|two times|again by "
        rf"mistake)\b|\bi (?:\w+ ){{0,2}}?gave {_GIVEN} (?:a double dose|two doses|too much) of (?:his |her |their "
        rf"|the |my )?(?:\w+ ){{0,2}}?(?:{_MEDS}|{DRUG}|tylenol|motrin|calpol|ibuprofen|paracetamol|cough syrup|"
        rf"melatonin)\b|\bi (?:\w+ ){{0,2}}?gave {_GIVEN} (?:the |an |some )?(?:adult|grown-?up) (?:\w+ )?(?:medicine|"
        rf"dose|tylenol|motrin|ibuprofen|paracetamol|pills?|tablets?)\b|\bi (?:\w+ ){{0,2}}?gave {_GIVEN} the wrong "
        rf"(?:medicine|meds|dose|pills?|tablets?)\b{_DONE_WITH}",
        context=(_NOT_NOW,),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.85,
        "poisoned",
        # A grown-up by mistake, the speaker or another: "i accidentally took a double dose of my blood pressure meds",
        # "my aunt drank from a bottle of cleaner she thought was water", "my mum took her evening pills twice".
        rf"{_ANYONE}{_SAID} (?:"
        + "|".join(
            (
                # A chemical drunk or eaten by mistake.
                rf"(?:accidentally|mistakenly|by mistake|by accident) (?:{_ATE}|swallowed|drank)\b{_OF} ?{_FILL}"
                rf"{_CHEMICALS}{_NOT_THAT}",
                rf"(?:{_ATE}|swallowed)\b{_OF} ?{_FILL}{_CHEMICALS}{_NOT_THAT}[^.!?\n]{{0,60}}?\b{_MISTAKE}",
                rf"(?:{_ATE}|took|had|chugged|downed) what (?:he|she|they|i) thought was\b[^.!?\n]{{0,40}}?\b"
                rf"{_CHEMICALS}",
                _FROM_A_BOTTLE,
                # A medicine taken by mistake, doubled, or twice.
                rf"(?:accidentally|mistakenly|by mistake|by accident) (?:took|swallowed|ate|had)\b{_OF} ?{_FILL}"
                rf"{_HOUSEHOLD}{_NOT_THAT}{_CARRIED}",
                rf"(?:took|swallowed|ate)\b{_OF} ?{_FILL}{_HOUSEHOLD}{_NOT_THAT}{_CARRIED}[^.!?\n]{{0,60}}?\b"
                rf"{_MED_MISTAKE}",
                rf"took the wrong (?:pills?|meds|medicine|medication|tablets?|bottle|dose)\b{_NOT_THAT}{_CARRIED}",
                r"(?:took|had|taken|gave (?:myself|himself|herself)) (?:a |my |his |her |their )?(?:double|triple) dose"
                rf"\b(?! of (?!(?:my |his |her |their )?(?:\w+ ){{0,2}}?(?:{_MEDS}|{DRUG})\b))",
                rf"(?:double dosed|doubled up)(?: on (?:my|his|her|their) (?:\w+ ){{0,2}}?(?:{_MEDS}|{DRUG})\b|"
                r"(?=\W*$| by mistake| by accident| accidentally))",
                rf"(?:took|had|taken) (?:my|his|her|their) (?:\w+ ){{0,2}}?{_MEDS}(?: \w+){{0,3}}? (?:twice|two times)"
                r"\b(?! (?:a|per) (?:day|week)| daily)",
                rf"(?:took|had|taken) (?:my|his|her|their) (?:\w+ ){{0,2}}?{_MEDS}(?: \w+){{0,3}}? again\b(?=[^.!?\n]"
                r"{0,60}?\b(?:by mistake|by accident|accidentally|forgot (?:that )?(?:i|he|she|they)(?:'d| had)? "
                r"(?:already )?(?:taken|took|had)|mixed up|too much)\b)",
                rf"(?:took|had|taken) (?:two|2) doses of (?:my|his|her|their) (?:\w+ ){{0,2}}?{_MEDS}\b(?=[^.!?\n]"
                r"{0,80}?\b(?:forgot|by mistake|by accident|accidentally|already))",
                rf"(?:took|had) (?:my|his|her|their) (?:\w+ ){{0,2}}?{_MEDS}\b[^.!?\n]{{0,30}}?\b(?:took|had) (?:them|"
                r"it|another dose|another one|more) again\b",
                r"mixed up (?:his|her|their|my) (?:\w+ )?(?:pills|meds|medications?|tablets|doses)\b[^.!?\n]{0,20}? "
                r"and (?:then )?(?:took|had|swallowed)\b",
                # Fumes breathed while cleaning.
                _FUMES,
            )
        )
        # With dementia no word of a mistake is needed for a household poison: "my mum with dementia drank some of
        # the toilet cleaner".
        + rf"){_DONE_WITH}|\b(?:with|has|who has) (?:dementia|alzheimer'?s)\b{_SAID} (?:{_ATE})\b{_OF} ?{_FILL}"
        rf"{_CHEMICALS}",
        context=(_NOT_NOW,),
        where=("input",),
    ),
)

_DOG_CAT: Final = (
    r"(?:dogs?|doggo|pup|pups|puppy|puppies|cats?|kitty|kitties|kittens?|labs?|labradors?|retrievers?|goldens?|"
    r"beagles?|poodles?|terriers?|spaniels?|cockers?|collies?|shepherds?|husk(?:y|ies)|chihuahuas?|dachshunds?|"
    r"pugs?|bulldogs?|frenchies|frenchie|corgis?|pit ?bulls?|pitties|boxer|schnauzers?|yorkies?|(?:golden|labra|"
    r"berne|aussie|sheepa|cava|mini )?doodles?|cavapoos?|cockapoos?|maltipoos?|staff(?:y|ie|ies)|jack russells?|"
    r"westies?|bichons?|pomeranians?|shibas?|akitas?|shelties?|ridgebacks?|lurchers?|shih tzus?|greyhounds?|"
    r"whippets?|mutts?|heelers?|malinois|rottweilers?|dobermans?|great danes?|maltese|cavaliers?|springers?|"
    r"pointers?|setters?|vizslas?)"
)
_SMALL_PET: Final = (
    r"(?:rabbits?|bunny|bunnies|hamsters?|guinea pigs?|ferrets?|parrots?|parakeets?|budgies?|cockatiels?|"
    r"tortoises?|pets?)"
)
# A pet of the speaker's ("my dog", "our 2 year old lab"), or the dog or the cat; never "the rabbits", "the birds",
# "my hot dog", "my hush puppies".
_PET_WHOSE: Final = (
    r"(?<!\bif )(?<!\bwhen )(?<!\bsuppose )(?<!\bimagine )(?<!\bafter )\b(?:my|our|his|her|their|(?:my|"
    r"our) \w+'?s) (?:(?!(?:hot|chili|chilli|corn|hush|sausage|prairie|top|sea|lazy|fat|copy|scaredy|"
    r"snicker)\b)[\w'-]+ ){0,3}?"
)
_PET_ATE: Final = rf"(?:{_ATE}|grabbed|stole|snatched)"

POISONED_PET: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.85,
        "poisoned-pet",
        # "my dog ate a whole bar of dark chocolate", "my cat licked antifreeze off the garage floor", "my puppy got
        # into my meds", "our parrot grabbed a piece of chocolate cookie off my plate and ate it".
        rf"(?:(?:{_PET_WHOSE}{_DOG_CAT}(?:'s|s)?|\bthe (?:dog|puppy|pup|cat|kitten|kitty)|^(?:omg |help |oh no |so )?"
        rf"(?:dog|puppy|pup|cat|kitten))\b{_SAID} {_PET_ATE}\b{_OWN_DOSE}{_OF} ?{_FILL}(?:{_HOUSEHOLD}|{_ODD}|"
        rf"{_FOR_SMALL}|{_FOR_DOGS_CATS}|{_PLACE})|{_PET_WHOSE}{_SMALL_PET}(?:'s|s)?\b{_SAID} {_PET_ATE}\b{_OWN_DOSE}"
        rf"{_OF} ?{_FILL}(?:{_HOUSEHOLD}|{_ODD}|(?:\w+ )?chocolate|avocado))(?:\b[^.!?\n]{{0,40}}? and (?:then )?"
        rf"(?:ate|swallowed|chewed|gobbled|scarfed))?{_NOT_THAT}{_DONE_WITH}|"
        # A dog's flea treatment put on a cat: "i put my dog's flea treatment on my cat by mistake".
        r"(?<!can )(?<!could )(?<!should )(?<!do )\bi (?:just |accidentally |mistakenly |think i )?put (?:the |my |our "
        r"|some )?(?:dog'?s'? |dog |doggy )(?:\w+ )?flea (?:treatment|drops|medicine|stuff|spray|spot-on) on (?:my|our"
        r"|the) (?:\w+ )?(?:cats?|kittens?)\b|"
        # A human painkiller given to a pet: "i gave my cat some of my tylenol".
        rf"\bi (?:\w+ ){{0,2}}?gave (?:my|our|the) (?:\w+ )?(?:{_DOG_CAT}|{_SMALL_PET}) (?:a |an |some |one |two |\d+ |"
        r"half (?:a|of a) )?(?:of (?:my|the|our) )?(?:tylenol|paracetamol|acetaminophen|ibuprofen|advil|motrin|aleve|"
        r"naproxen|panadol|nurofen)\b",
        context=(_NOT_NOW,),
        where=("input",),
    ),
)


# The reasons the rules give.
PERSON_POISONED: Final = "self_harm:poisoned"
# The pets, for a pet's emergency (rules_emergency.py).
DOG_CAT: Final = _DOG_CAT
SMALL_PET: Final = _SMALL_PET
PET_POISONED: Final = "self_harm:poisoned-pet"
REASONS: Final = frozenset({PERSON_POISONED, PET_POISONED})
# Someone else's act the self-harm rules read beside a poisoning ("my son drank some bleach"): with no word of
# intent in the message, it is read as the accident.
_OTHERS_ACT: Final = frozenset({"self_harm:other-acted", "self_harm:other-at-risk"})
_MEANT: Final = re.compile(rf"\b{_ON_PURPOSE}")
_ACCIDENT: Final = re.compile(
    rf"\b(?:{_SMALL}|bab(?:y|ies)|kids?|kiddos?|twins|little (?:girl|boy|guy|man|lady)|(?:from|out of|(?:that|which) "
    rf"was in) {_DRINK_BOTTLE}|(?:what )?(?:he|she|they|i) thought was|(?:he|she)(?:'s| is) (?:[1-9]|1[0-2]|one|two|"
    r"three|four|five|six|seven|eight|nine|ten)(?! (?:am|pm|o'?clock|minutes|hours|days))\b|by mistake|by accident|"
    r"accidentally|mistakenly|(?:thinking|thought) (?:it|they) (?:was|were)|mixed (?:them )?up)"
)


def poisoned(reasons: Sequence[str]) -> str:
    """Which accidental poisoning the rules read in a verdict's ``reasons``: "person", "person-or-act" (a rule for
    someone else's act fired too: ``accidental`` decides), "pet", or "" where none, or where another self-harm rule
    fired too (the speaker's own risk is answered as such)."""
    rules = {r for r in reasons if r.startswith("self_harm:")}
    if PERSON_POISONED in rules and rules <= REASONS | _OTHERS_ACT:
        return "person-or-act" if rules & _OTHERS_ACT else "person"
    if PET_POISONED in rules and rules <= {PET_POISONED}:
        return "pet"
    return ""


def accidental(text: str) -> bool:
    """Whether the message says it was an accident or a small child's: then a poisoning the rule for someone else's act
    reads too is answered as the accident ("my daughter swallowed a bunch of my pills by accident", "my daughter drank a
    cup of bleach, she's 4"); else ("my son drank some bleach", "my little brother swallowed all his antidepressants,
    he's 16") as someone who has acted, the emergency call first."""
    return _ACCIDENT.search(normalize.basic(text)) is not None


def meant(text: str) -> bool:
    """Whether the message says, anywhere, that it was done on purpose or with a wish to die: "my son swallowed 30 of
    my tylenol. he left a note.", "i accidentally took my pills twice. maybe it's better if i don't wake up.". Then
    the answer is the one for someone who has acted, not the one for an accident."""
    return _MEANT.search(normalize.basic(text)) is not None


def grave(text: str) -> bool:
    """Whether the message says the person is in a state for the emergency number first: not waking, not breathing, a
    seizure, turning blue."""
    return _GRAVE_STATE.search(normalize.basic(text)) is not None


def breathed(text: str) -> bool:
    """Whether the poisoning told is fumes breathed in (cleaners mixed), where fresh air comes first."""
    return _FUMES_SAID.search(normalize.basic(text)) is not None


_FUMES_SAID: Final = re.compile(_FUMES)
_GRAVE_STATE: Final = re.compile(
    r"\b(?:won'?t wake up|wont wake up|not waking up|(?:is |'s )?passed out|unconscious|unresponsive|barely "
    r"(?:breathing|awake|conscious)|(?:not|isn'?t|isnt|stopped) breathing|can'?t breathe|cant breathe|turning (?:blue|"
    r"grey|gray)|(?:having a |had a )?seizures?|seizing|fitting|convuls\w*|collapsed)\b"
)
