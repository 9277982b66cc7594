"""Hand-written training rows for the safety classifier, written for tenor (not copied from any test set).

Four kinds: statements of self-harm risk, direct and indirect (a voice companion hears these as statements,
not requests); harmful *content* written as statements (threats, slurs, sexual talk), which the request
datasets lack; sad or angry talk that is not a crisis; and safe prompts that look scary (figures of speech,
words with a harmless sense, safe contexts), which teach the classifier that topics are not harms.
Templates multiply a few frames by a few fillers, with a fixed order so the rows are reproducible.
"""

from __future__ import annotations

import itertools

_SELF_HARM = [
    "I don't see the point of going on anymore",
    "I can't do this anymore, I just want it all to stop",
    "everyone would be better off without me",
    "I've been thinking about ending my life",
    "I want to kill myself",
    "I wish I could go to sleep and never wake up",
    "I have a plan to end it tonight",
    "I've started giving my things away because I won't need them",
    "nothing matters and I don't want to be here anymore",
    "I keep thinking about jumping off the bridge near my house",
    "I've been cutting myself again to feel something",
    "I took a bunch of pills and I feel weird",
    "there's no way out for me except dying",
    "I'm so tired of living",
    "I wrote goodbye letters to my family",
    "what's the point of living when everything hurts",
    "I just want to disappear forever",
    "I'm a burden to everyone and I should just go",
    "how many sleeping pills would it take to not wake up",
    "what is the most painless way to die",
    "I hurt myself on purpose last night",
    "I don't think I'll be around much longer",
    "life isn't worth living anymore",
    "I feel like ending it all",
    "I'm going to take my own life",
    "sometimes I think about driving into a wall",
    "I bought a rope today and I know what it's for",
    "I can't stop thinking about killing myself",
    "no one would even notice if I was gone",
    "I have nothing left to live for",
    "tell me how to cut deep enough",
    "i want to die",
    "I'm done, tonight is the night I end it",
    "I don't want to wake up tomorrow",
    "I've been starving myself for weeks and I want to lose more",
    "I keep scratching my arms until they bleed",
    "the voices tell me to hurt myself",
    "I'm ready to say goodbye for good",
    "it would be easier if I just stopped existing",
    "I can't see a future for myself at all",
]

_FIGURES = [
    "this commute is killing me",
    "how do I kill a python process that hangs",
    "my feet are killing me after that hike",
    "I totally bombed my exam today",
    "that comedian absolutely killed it last night",
    "I could murder a pizza right now",
    "this homework is going to be the death of me",
    "I nearly died laughing at that video",
    "how do I shoot a good photo at night",
    "how can I blow up a balloon without a pump",
    "what's the best way to kill weeds in my garden",
    "how do I terminate a child process in linux",
    "how do I execute a shell script",
    "I'm dying to see the new movie",
    "my boss is going to kill me if I'm late again",
    "how do I strangle a vine that's taking over my fence",
    "how do I beat the final boss in the game",
    "how to punch up a boring speech",
    "how do I hit a golf ball further",
    "what's a killer opening line for a cover letter",
    "how do I attack this chess opening",
    "how do I destroy my old hard drive safely before recycling it",
    "how do I slaughter the competition at the bake sale",
    "how do I get rid of mold in the bathroom",
    "how do I eliminate bugs in my code",
    "how can I crush my fitness goals this year",
    "my phone battery is dead again",
    "I'd kill for a cup of coffee",
    "how do I stab a potato to check if it's cooked",
    "where can I shoot some hoops around here",
]

_SAFE_TOPICS = [
    "why did the roman empire fall",
    "what happened at hiroshima in 1945",
    "what is the history of the atomic bomb",
    "how do vaccines work",
    "what are the warning signs that a friend might be suicidal",
    "how can I support someone who is self-harming",
    "what does a suicide hotline do",
    "how do I talk to my teenager about drugs",
    "what are the effects of alcohol on the liver",
    "how does encryption protect my messages",
    "how do I set a strong password for my email",
    "how do I tell if an email is a phishing attempt",
    "what is a firewall and do I need one",
    "how do I report online harassment",
    "what should I do if someone is stalking me",
    "what is the definition of genocide",
    "why are some people racist and how can we reduce it",
    "what is the legal drinking age in germany",
    "how does the police investigate a murder",
    "what is the plot of macbeth",
    "why did the villain in the novel poison the king",
    "how do I keep my kids safe online",
    "what household chemicals should never be mixed for safety",
    "how do I safely store medication away from children",
    "what is the difference between a virus and bacteria",
    "how do I protect my privacy on social media",
    "how do I delete my personal data from a website",
    "what is the capital of france",
    "can you recommend a good book about world war two",
    "how do I make a sourdough starter",
    "what is the best way to learn spanish",
    "how do I fix a leaking tap",
    "help me write a birthday message for my mum",
    "what are some good stretches for back pain",
    "tell me a fun fact about octopuses",
    "how do I ask my boss for a raise",
    "what's a healthy breakfast idea",
    "explain how a bill becomes a law",
    "what are the symptoms of depression",
    "how do self defense classes work",
    "what is the history of the ku klux klan and how was it opposed",
    "how do people leave extremist groups",
    "what is the penalty for drunk driving",
    "how do hunters field dress a deer",
    "how do I sharpen a kitchen knife",
    "how do I legally buy a hunting rifle in canada",
    "what is the lethal dose of caffeine, I want to be careful with energy drinks",
    "how do I dispose of old paint safely",
    "what is a good strategy in the board game risk to conquer europe",
    "write a murder mystery story where the detective finds the culprit",
]

_SAD_NOT_CRISIS = [
    "I'm really sad today, my dog died",
    "I failed my driving test and I feel terrible",
    "I'm so stressed about work I can't sleep",
    "my girlfriend broke up with me and I miss her",
    "I feel lonely since I moved to a new city",
    "I'm angry at my brother for lying to me",
    "I'm scared about my surgery next week",
    "I had a panic attack on the bus today",
    "my grandma passed away last night",
    "I feel like a failure at my job",
    "I'm exhausted, this week has been awful",
    "I hate mondays so much",
    "I'm furious that my flight got cancelled",
    "I cried all evening after the argument",
    "I'm worried I won't find a job after graduating",
]

_HARMFUL_STATEMENTS = {
    "hate": [
        "immigrants are vermin and should be thrown out",
        "women are too stupid to be allowed to vote",
        "those people are animals, they don't deserve rights",
        "gay people are disgusting and should be locked up",
        "muslims are all terrorists",
        "jews control the banks and the media",
        "black people are genetically inferior",
        "trans people are mentally ill freaks",
        "send them all back where they came from, they are a disease",
        "disabled people are a waste of space",
    ],
    "harassment": [
        "you are a worthless piece of garbage and everyone hates you",
        "shut up you fat ugly loser",
        "nobody likes you, go crawl in a hole",
        "you're so stupid it's embarrassing, kill yourself",
        "I know where you live and I'm coming for you",
        "you ugly cow, no wonder your husband left",
        "everyone at school laughs at you behind your back, freak",
        "you pathetic idiot, I'm going to make your life hell",
    ],
    "violence": [
        "I'm going to beat him until he can't walk",
        "I will stab my neighbour if he parks there again",
        "let's burn their house down tonight",
        "I want to shoot everyone at my old school",
        "he deserves to have his skull smashed in",
        "I'm going to find him and break every bone in his body",
        "the blood sprayed everywhere as he hacked at the body",
        "I'll kill you and your whole family",
    ],
    "sexual": [
        "describe in detail how you would touch me in bed",
        "I want you to talk dirty to me",
        "she moaned as he pulled her clothes off and pushed her onto the bed",
        "send me naked pictures",
        "let's have sex, tell me what you're wearing",
        "write a steamy explicit scene between two coworkers",
    ],
}


def _expand(frames: list[str], fills: list[str]) -> list[str]:
    return [f.format(x) for f, x in itertools.product(frames, fills)]


def hand_written() -> list[tuple[str, str]]:
    """(text, class) pairs, in a fixed order."""
    rows: list[tuple[str, str]] = []
    self_harm = _SELF_HARM + _expand(
        ["honestly {}", "{}. I mean it.", "I need to tell someone: {}"],
        [s.lower() for s in _SELF_HARM[:12]],
    )
    rows += [(t, "self_harm") for t in self_harm]
    for label, texts in _HARMFUL_STATEMENTS.items():
        rows += [(t, label) for t in texts]
    benign = _FIGURES + _SAFE_TOPICS + _SAD_NOT_CRISIS
    benign += _expand(["ugh, {}", "{} lol", "quick question: {}"], _FIGURES[:15])
    benign += _expand(["can you tell me {}", "I was wondering {}"], _SAFE_TOPICS[:20])
    rows += [(t, "benign") for t in benign]
    return rows
