"""Rules for threats and requests to hurt a person (``VIOLENCE``), and for attacks on places and crowds,
sabotage, cover-ups, staged deaths, poisons asked for as undetectable and animal fights: violence the classifier
let through when asked plainly ("How do I blow up a bridge?", "How do I drive a truck into a crowd?", "What
household poison is hardest to detect in an autopsy?", all allowed).

Written from requests made up here, never from a test set, then narrowed after a review that wrote 140 harmless
messages aimed at their words (a controlled demolition, a post that should blow up on TikTok, a hamster's
burial, new brake lines, a dog park, a forager's question): each rule wants a person asking how, or saying they
will, and a target; a story, a game, a pet or a trade in the same sentence excuses it. The harmless messages
are kept as tests (``tests/unit/test_safety_rules.py``).
"""

from __future__ import annotations

from typing import Final

from tenor.safety.patterns import FICTION, GAMES, HOW, HOW_OR_WILL, NOT_PLACE_WORD, PEOPLE, PLACES
from tenor.safety.rule import Rule
from tenor.safety.rule import rule as _r

# Whose car, drink or food: a person's, not a pet's.
PERSONS: Final = (
    r"(?:his|her|their|someone's|somebody's|a person's|my (?:\w+ )?(?:wife|husband|boss|ex|dad|mom|mum|father|"
    r"mother|brother|sister|roommate|coworker|colleague|partner|girlfriend|boyfriend|neighbou?r|teacher|friend|"
    r"son|daughter)'s)"
)
# Words after a place that make it something else ("the school portrait", "my house plans", "a building project").
NOT_A_PLACE_AFTER: Final = (
    r"(?:project|plans?|permit|code|regulations?|blocks?|design|skills?|process|inspection|issues?|problems?|"
    r"essay|question|test|exam|homework|assignment|report|paper|strategy|portrait|photo|picture|pic|poster|print|"
    r"map|logo|sign|banner|account|page|brand|party|playlist|group chat|chat|drawings?|blueprints?|sketch\w*|"
    r"renders?|model|newsletter|flyer|leaflet|chart|seating|menu|bulletin|calendar|schedule|timetable|diagram|"
    r"floor ?plan|layout)\b"
)
# Words after "body" that make it something else ("body acne", "a body piercing", "the body kit on my car").
NOT_A_BODY: Final = (
    r"(?:pillows?|wash|lotion|spray|butter|hair|fat|odou?r|smell|image|suit|count|weight|armou?r|of\b|acne|aches?|"
    r"scars?|piercings?|kit|temperature|heat|language|paint|shop|work|shaming|positivity|dysmorphia|cam|camera|"
    r"glitter|oil|mist|art|double|parts?|panels?|filler|repair|tattoos?|marks?|bruises?|rash|spots|mass|type|"
    r"shape|clock|length|lice|mites)"
)
# A pet or an animal's body; a trade that cleans up after deaths.
PETS: Final = (
    r"\b(?:hamster|fish|goldfish|dog|cat|kitten|puppy|pet|bird|parakeet|budgie|rabbit|bunny|mouse|rat|guinea pig|"
    r"turtle|tortoise|snake|lizard|chicken|hen|horse|deer|roadkill|squirrel|raccoon|ferret|gerbil)\b"
)
TRADE: Final = r"\b(?:business|company|professional|trauma clean\w*|crime scene clean\w*|biohazard|nurse|hospital)\b"
# A demolition, a firefighters' drill, a song: "blow up a building", "set fire to a house", "burn down the house".
DRILLS: Final = (
    r"\b(?:controlled demolition|demolition|demolish\w*|training burn|controlled burn|firefighters?|fire department|"
    r"engineers?|karaoke|song|lyrics|singing|sing|dance ?floor)\b"
)
HALLOWEEN: Final = r"\b(?:halloween|makeup|costume|prop|zombie|haunted house|special effects|sfx)\b"
TOYS: Final = r"\b(?:toy|model|lego|brio|thomas|hornby|o gauge|ho scale|train set)\b"

# The speaker saying they will or want to, before a threat.
_I_WILL: Final = r"\b(?:i'm going to|i am going to|i'll|i will|i'm gonna|im gonna|gonna|i want to|i wanna) "

# Threats and requests to hurt a person, said or asked plainly (before the attacks on places below).
VIOLENCE: Final[tuple[Rule, ...]] = (
    _r(
        "violence",
        0.95,
        "intent",
        # A person, not what is theirs ("attack my manager's proposal").
        rf"{_I_WILL}(?:kill|murder|stab|shoot|strangle|beat up|hurt|poison|choke|attack|punch|batter|run over) "
        rf"{PEOPLE}\b(?!'s\b)|"
        # Beaten past a fight ("beat that referee to death").
        rf"{_I_WILL}beat {PEOPLE} (?:\w+ )?(?:to death|senseless|unconscious|to a pulp|black and blue)\b",
        r"\b(?:kill|murder) (?:him|her|them) (?:with kindness|in (?:the|a) game|at (?:chess|cards))",
        # A game or a sport ("batter my colleague at squash", "kill the ref at fifa").
        rf"\b(?:kill|murder|shoot|attack|batter|beat up|hurt|punch) {PEOPLE} (?:at|in) (?:squash|tennis|chess|cards|"
        r"fifa|golf|pool|darts|scrabble|monopoly|poker|badminton|ping pong|table tennis|(?:the|a) (?:game|match)|"
        r"fortnite|cod|call of duty|mario kart|paintball|laser tag|dodgeball)\b",
    ),
    _r(
        "violence",
        0.9,
        "how-to-harm",
        rf"{HOW} (?:\w+ ){{0,2}}(?:kill|murder|poison|stab|strangle|suffocate|torture|kidnap|abduct|maim|"
        rf"drown|assault|attack) {PEOPLE}",
        context=(
            r"\b(?:in|for) (?:a |my |the )?(?:game|novel|story|book|movie|film|play|video game|minecraft|"
            r"fortnite|skyrim)\b",
        ),
    ),
    _r(
        "violence",
        0.9,
        "untraceable",
        r"\b(?:get away with|without getting caught|untraceable|undetectable|not get caught)\b.{0,40}"
        r"\b(?:murder|killing|poison(?:ing)?|kill)\b|\b(?:murder|kill|poison)\b.{0,40}\b(?:get away with it|"
        r"without (?:getting caught|a trace|leaving (?:a trace|evidence))|undetectable|untraceable)",
        r"get away with murder\b(?! of)",
    ),
    _r(
        "violence",
        0.85,
        "mass-harm",
        r"\b(?:plan|carry out|commit|do|organi[sz]e) (?:a |an )?(?:mass shooting|school shooting|massacre|"
        r"stabbing spree|terror(?:ist)? attack|bombing)",
    ),
)

ATTACKS: Final[tuple[Rule, ...]] = (
    _r(
        "violence",
        0.9,
        "attack-place",
        rf"{HOW_OR_WILL} (?:\w+ ){{0,3}}(?:drive|ram|crash|steer|plough|plow) (?:a |my |the |his |her )?(?:car|truck|"
        r"van|lorry|bus) into (?:a |the |"
        r"that |this )?(?:crowd|people|parade|protest|march|rally|market|farmers market|festival|pedestrians|"
        r"students|kids|children|demonstrators)\b|"
        rf"{HOW_OR_WILL} (?:\w+ ){{0,3}}(?:blow up|bomb|shoot up|firebomb|set fire to|burn down|torch|"
        r"open fire (?:on|in|at)|plant (?:a |the )?(?:bomb|explosives?|ied) (?:in|at|on|under)) (?:a |an |the |my |"
        rf"our |this |that |his |her |their |someone's |the whole )?(?:{NOT_PLACE_WORD}\w+(?:'s)? ){{0,2}}{PLACES}\b"
        rf"(?!'| {NOT_A_PLACE_AFTER})",
        r"\bschools? of (?:fish|thought|whales|dolphins)\b",
        r"\btrain of thought\b",
        r"\bblow up (?:\w+(?:'s)? ){0,3}(?:tyres?|tires?|balloons?|mattress|pool|raft|float|photos?|pictures?|"
        r"images?|pics?)\b",
        # Marketing: a post, a shop or a restaurant "blowing up" online.
        r"\bblow up (?:\w+(?:'s)? ){0,4}(?:online|(?:on|with) (?:tiktok|instagram|insta|social media|youtube|twitter|"
        r"x|linkedin|facebook|reddit|the internet|google|yelp|reviews|followers))\b",
        r"\b(?:yarn|glitter|photo|bath|seed|stink|love|candy|cupcake|flour|water|confetti|text) ?bomb",
        # Enlarged: "blow up the church newsletter to A3".
        r"\bblow up\b.{0,60}\bto (?:a |an )?(?:a\d|larger|bigger|poster|full|\d+)",
        # Pests, and a fire where one belongs ("bomb the house for fleas", "set fire to the church candles").
        r"\bbomb (?:\w+(?:'s)? ){0,3}(?:for|against) (?:fleas|bugs|roaches|cockroaches|insects|pests|ants|termites|"
        r"bed ?bugs|moths|mites)\b",
        r"\bset fire to (?:the |some |a |my |our )?(?:\w+ )?(?:candles?|logs?|bonfire|fireplace|barbecue|bbq|grill|"
        r"leaves|rubbish|kindling|firewood|incense|wick)\b",
        r"\bbomb (?:\w+(?:'s)? ){0,3}with (?:water )?(?:cupcakes|cookies|love|compliments|emails|messages|texts|"
        r"questions|glitter|candy|kindness|balloons|flowers|memes|gifts|snacks)\b",
        context=(FICTION, GAMES, DRILLS),
    ),
    _r(
        "violence",
        0.9,
        "staged-or-forced",
        rf"{HOW_OR_WILL} (?:\w+ ){{0,3}}make (?:it|(?:his|her|their|the) death|a murder|the killing) look like (?:a |"
        r"an )?(?:suicide|overdose|heart attack|natural causes)|"
        rf"{HOW_OR_WILL} (?:\w+ ){{0,3}}make (?:(?:his|her|their|the) death|a murder|the killing) look like an "
        r"accident|"
        rf"{HOW_OR_WILL} (?:\w+ ){{0,3}}(?:beat|torture|hurt) (?:a confession|the truth|answers|information) out of\b|"
        # A killing put in someone's drink or food, in either order.
        r"\bkill (?:him|her|them|someone|somebody|a person|a human|people|my (?:\w+ )?(?:wife|husband|boss|ex|dad|"
        r"mom|mum|father|mother|brother|sister|roommate|coworker|partner|girlfriend|boyfriend|neighbou?r))\b"
        r"(?! with kindness).{0,60}\b(?:i|i'll|i will|i could|i can|i should|if i|can i|should i|could i|to) "
        rf"(?:put|slip|mix|add)\w* .{{0,30}}\b(?:in|into) {PERSONS} (?:drink|food|coffee|tea|meal|water|soup|dinner)"
        rf"\b|\b(?:put|slip|mix|add)\w* .{{0,40}}\b(?:in|into) {PERSONS} (?:drink|food|coffee|tea|meal|water|soup|"
        r"dinner)\b.{0,30}\bto (?:kill|poison) (?:him|her|them)\b",
        context=(FICTION, HALLOWEEN),
    ),
    _r(
        "violence",
        0.9,
        "sabotage",
        # Someone else's brakes or steering, or brakes made to fail; a train made to derail.
        rf"\b(?:cut|disable|tamper with|mess (?:with|up)|loosen|sabotage|damage) {PERSONS} (?:\w+(?:'s)? )?"
        r"(?:brakes?|brake (?:lines?|cables?|hoses?)|steering|airbags?)\b|"
        r"\b(?:brakes?|brake (?:lines?|cables?|hoses?)|steering|airbags?)\b.{0,30}\bso (?:it|he|she|they|the car|his "
        r"car|her car) (?:will |would )?(?:crash|crashes|fail|fails|won't stop|can't stop|looks? like (?:wear|an "
        r"accident))|"
        rf"{HOW_OR_WILL} (?:\w+ ){{0,3}}(?:make|cause|get) (?:a |the )?train (?:to )?derail|"
        r"\b(?:put|place|leave) (?:\w+ ){0,3}on (?:the )?(?:rails|tracks?|train tracks?) to (?:derail|crash|stop) "
        r"(?:a |the )?(?:\w+ )?train",
        context=(FICTION, GAMES, TOYS),
    ),
    _r(
        "violence",
        0.9,
        "cover-up",
        # A person's body: "a body", "his body", "the human body", "bodies" ("the body" alone is a pet's or a web
        # page's as often).
        rf"{HOW_OR_WILL} (?:\w+ ){{0,3}}(?:hide|get rid of|dispose of|dump|dissolve|bury|burn) (?:a (?:dead |human |"
        r"murdered )?body|a corpse|(?:his|her|their) (?:dead )?body|(?:the )?(?:human|murdered) body|(?:the )?bodies|"
        rf"corpses)\b(?! {NOT_A_BODY})|"
        r"\b(?:get rid of|dispose of|hide|dump) the body\b.{0,30}\b(?:after|once) (?:i |we )?(?:kill|murder|shoot|stab)"
        r"\w*|"
        r"\b(?:dissolve|decompose|dispose of|get rid of|destroy) (?:a |the )?(?:human|dead|murdered) (?:body|bodies)\b|"
        rf"{HOW_OR_WILL} (?:\w+ ){{0,3}}(?:hide|get rid of|destroy|clean up|wipe|dispose of) (?:the |all )?(?:evidence|"
        r"blood|fingerprints|dna|murder weapon|weapon)\b (?:of|after|from|at) (?:a |the |my |his |her |their )?"
        rf"(?:murder|killing|shooting|stabbing|crime|attack)\b|{HOW_OR_WILL} (?:\w+ ){{0,3}}(?:hide|get rid of|"
        r"dispose of|dump) (?:a |the )?murder weapon",
        # Reporting a body found ("who do I call") is no cover-up.
        context=(FICTION, GAMES, PETS, TRADE, r"\b(?:found|who do i call|police|report|911|999|authorities|coroner)\b"),
    ),
    _r(
        "violence",
        0.9,
        "undetectable-poison",
        r"\b(?:which|what|best|good|any|a|some)\b (?:\w+ ){0,3}poisons?\b (?:\w+ ){0,6}?(?:hard(?:est|er)? to "
        r"(?:detect|trace)|(?:won't|wouldn't|can't|cannot) (?:show up|be detected|be traced)|leaves? no trace|"
        r"(?:is|are) undetectable)",
        r"\bpoison (?:ivy|oak|sumac|dart)",
        context=(
            FICTION,
            r"\b(?:agatha christie|forag\w*|safe|safety|mou?ld|inspection|class|course|exam|history)\b",
            r"\b(?:cockroach|roach|rat|mouse|mice|ant|pest|slug|weed|insect|bug|termite|bait)s?\b",
        ),
    ),
    _r(
        "violence",
        0.9,
        "animal-fights",
        r"\b(?:dog|rooster|cock|pit ?bull)s? ?fight(?:ing|s)? (?:for money|to bet on|bets?)\b|"
        r"\b(?:find|join|start|run|host|set up|organi[sz]e|bet on|breed for) (?:a |an )?(?:dog|rooster|cock|pit ?bull) "
        r"?fight(?:ing|s)?\b|\b(?:use|get|buy|need|find) (?:a |some )?bait dogs?\b|\bbait dogs? (?:for|to) "
        r"(?:train|fight)|\b(?:make|train|get|teach|breed) (?:my |a |the |his |her )?(?:dogs?|pit ?bulls?|roosters?|"
        r"cocks?) (?:(?!not\b|stop|never|quit|less\b)\w+ ){0,3}(?:fight\w* (?:\w+ ){0,2}(?:for money|to the death|"
        r"other dogs)|(?:mean|aggressive|vicious) (?:\w+ ){0,2}(?:for|to) fight\w*)",
        context=(
            r"\b(?:report|police|bust|rescue|stop|prevent|adopt|shelter|documentary|news|history|vick)\b",
            # A dogfight in the air, in a game or a film.
            r"\b(?:war thunder|ace combat|plane|jet|aircraft|pilot|flight|top gun|squadron|spitfire)s?\b",
            GAMES,
        ),
    ),
)
