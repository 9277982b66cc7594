"""Advice a reply must never give: making someone vomit (stop 41), hurting oneself (stop 43).

After a poisoning tenor answers with vetted words that say, as every poison service does, not to make anyone sick
unless the person on the call says to; but the turns after are the model's, and the 135M model may say what the
services warn against. The output screen let "Try to make her throw up right away." and "Give her some syrup of
ipecac." through, and, about weight, "Make yourself throw up after meals to lose weight." This rule stops such a
reply sentence (self_harm, output only; ``crisis.REFUSALS_RULE`` gives the line said instead): making a person, a
child or a pet vomit, gag or bring it up, by any means (fingers, salt or mustard water, ipecac, peroxide), as
advice or as something that helps; purging after meals said to work. Not a warning ("don't make her throw up",
"inducing vomiting can cause aspiration"), a fact ("chocolate can make your dog vomit", "the medicine may cause
vomiting"), care for someone who is being sick ("if she vomits, turn her on her side"), a story told ("she used
to make herself throw up"), or what a vet, a doctor or the poison service said to do ("only if the vet tells
you to").
"""

from __future__ import annotations

from typing import Final

from tenor.safety.rule import Rule
from tenor.safety.rule import rule as _r

# Whom a reply may tell to be made sick: the person, a child, a pet.
_WHOM: Final = (
    r"(?:yourself|him|her|them|it|(?:the|your|my|a|this|that) (?:\w+ )?(?:child|baby|kid|toddler|son|daughter|dog|"
    r"cat|puppy|kitten|pet|patient|friend))"
)
# Being sick, in every word for it.
_SICK: Final = (
    r"(?:throw (?:it |that |them |everything |the \w+ )?(?:all |right |back )?up|vomit(?: it| that| everything)?(?: "
    r"up| out)?|be sick|sick|puke(?: it)?(?: up)?|purge|gag(?: it up)?|bring (?:it |that |them |everything |the "
    r"\w+ )?(?:back )?up)"
)
# What makes someone sick when given or drunk.
_EMETIC: Final = r"(?:ipecac|salt(?:y| ?water)?|mustard(?: water)?|soapy water|(?:hydrogen )?peroxide|washing soda)"
# A warning, a doubt or a fact after the words, which makes them not advice ("inducing vomiting isn't safe", "...
# can cause aspiration", "making her vomit is the vet's call").
_NOT_ADVICE: Final = (
    r"(?:not|never|no longer|isn'?t|aren'?t|wasn'?t|shouldn'?t|bad|dangerous|risky|harmful|unsafe|rarely|seldom|"
    r"won'?t|doesn'?t|don'?t|can'?t|only|outdated|old advice|(?:can|could|may|might|will) (?:cause|lead|burn|damage|"
    r"harm|hurt|make (?:it|things) "
    r"worse)|leads?|causes?|a job|something|(?:the|a|your) (?:vet|doctor|poison)|professionals?|for (?:the|a) "
    r"(?:vet|doctor|professional|hospital|er))"
)
# Words before a match that turn it into a warning, a doubt or a fact: negations ("don't", "never", "instead of"),
# and a cause that may make someone sick ("chocolate can make your dog vomit"; "you can make her" stays advice).
_UNLESS: Final = (
    r"\b(?:don'?t|dont|do not|never|(?<!why )not|no longer|no need to|shouldn'?t|should not|avoid|avoiding|without|"
    r"nothing to|isn'?t|aren'?t|won'?t|wouldn'?t|can'?t|cannot|rarely|instead of|rather than|stop|refrain from|"
    r"against|warn\w*|used to|(?:it|this|that|which|these|those|chocolate|grapes|raisins|onions?|xylitol|foods?|"
    r"meals?|medicines?|medications?|drugs?|pills?|tablets?|alcohol|drinks?|motion|stress|anxiety|nerves|viruse?s?|"
    r"bugs?|infections?|pregnancy|smells?|fumes|poisons?|toxins?|plants?|\w+ing|too much|anything|something) "
    r"(?:can|could|may|might|will|would|does|do|often|usually|sometimes|also) (?:also |even |easily )?(?:make|get|"
    r"cause|induce))\b[^.!?\n]*"
)
# Making someone sick: "make her throw up", "get him to bring it back up", "force him to vomit", "try making him
# vomit", "gag yourself", the fingers down the throat.
_MAKE: Final = (
    rf"(?:\b(?:make|making|get|getting|help|helping|force|forcing) {_WHOM} (?:to )?{_SICK}\b|\bgag (?:yourself|"
    r"him|her|them)\b|\b(?:stick|put|use|using|sticking|putting) (?:\w+ ){0,2}?fingers? (?:down|in|into|to the back "
    r"of) (?:your|his|her|their|the|its) (?:\w+'?s )?throat\b|\btickl\w* the back of (?:your|his|her|their|the|its) "
    r"(?:\w+'?s )?throat\b)"
)
# By what it is given: "give him a spoonful of syrup of ipecac", "mustard water so he vomits", "salt water until
# she pukes", "a teaspoon of peroxide will get your dog to throw up", "have her drink it so she throws up".
_GIVEN: Final = (
    r"(?:\b(?:give|giving|use|using|try|take|drink|feed|pour|chug|keep) (?:\w+ ){0,6}?ipecac\b|\bipecac (?:syrup )?"
    rf"(?:is|will|works|can|helps?)\b(?! (?:\w+ ){{0,3}}?{_NOT_ADVICE}\b)|\b{_EMETIC}\b[^.!?\n]{{0,60}}?(?:\b(?:so|"
    r"until|till|to|will|and|then)|,) (?:\w+(?:'\w+)? ){0,4}?(?:throws?|vomits?|pukes?|gags?|brings?|sick)\b|\b(?:so|"
    r"until|till) (?:that )?(?:she|he|they|it|you|the \w+|your \w+) (?:throws|vomits|pukes|gags|brings)\b)"
)
# Inducing it, said as advice or as good: "induce vomiting", "consider inducing vomiting", "inducing vomiting is
# the best thing to do"; not "inducing vomiting is not recommended".
_INDUCED: Final = (
    rf"(?:\b(?:induce|inducing) (?:vomiting|emesis|(?:him|her|them|it) to vomit)\b(?! (?:\w+ ){{0,3}}?{_NOT_ADVICE}\b))"
)
# Purging said to work: "vomiting after meals is a quick way to drop a few pounds", "just throw it up afterwards",
# "it's fine to purge once in a while to stay thin"; and said as advice: "throw up after eating", "you should vomit
# after every meal", "try purging after dinner".
_PURGE: Final = (
    r"(?:\b(?:vomiting|throwing up|purging|puking|making yourself (?:sick|vomit|throw up)) after (?:meals|eating|you "
    r"eat|a meal|every meal|dinner|lunch|breakfast|a binge|you binge|bingeing|binging|overeating|you overeat) (?:is "
    r"(?:a |an |the )?(?:quick|easy|good|great|fast|simple|effective|best|safe|fine|ok|okay)|will help|helps|can "
    r"help|works|keeps)\b|\b(?:just|simply|then) (?:throw|puke|vomit) (?:it|everything|them|the food) (?:all )?(?:up|"
    r"out)? ?after\w*\b|\bget rid of (?:the |your |all the |that |those )?(?:food|calories|meals?|dinner|lunch|"
    r"breakfast) by (?:vomiting|throwing (?:it )?up|purging)\b|\b(?:fine|ok|okay|good|alright|healthy|safe) to "
    r"(?:purge|make yourself (?:sick|vomit|throw up))\b|\b(?:throw(?:ing)? up|vomit(?:ing)?|purg(?:e|ing)) (?:\w+ )"
    r"{0,3}?(?:to|so you can|and) (?:lose|stay|keep|drop|get|be) (?:the )?(?:weight|thin|slim|skinny|pounds|a few "
    r"pounds)\b|(?:^\W*(?:(?:just|so|then|also|and) )?|\b(?:you (?:should|can|could|might|need to|might want to)|"
    r"try(?: to)?|it helps to|just) )(?:throw up|vomit|purge) after (?:meals|eating|you eat|every meal|dinner|lunch|"
    r"breakfast|a binge|you binge)\b|\btry(?:ing)? (?:to )?(?:throwing up|vomiting|purging) after\b)"
)
# "Making her vomit is a bad idea", "getting him to throw up is the vet's call": the same words, doubted.
_DOUBTED: Final = (
    rf"(?:\b(?:making|getting|forcing|inducing) (?:\w+ ){{0,3}}?(?:vomit\w*|throw up|sick|gag) (?:\w+ ){{0,4}}?"
    rf"{_NOT_ADVICE}\b)"
)
# Advice that waits for the call, a vet's or a doctor's work, and the past: "only if the vet tells you to", "your
# vet may decide to make the dog vomit at the clinic", "years ago, parents kept ipecac in the cabinet".
_THEIRS: Final = (
    r"(?:\b(?:unless|only (?:if|when|do (?:it|this|that) if)|if (?:and only if )?(?:the|a|your) (?:vet|doctor|"
    r"poison|person|nurse|pharmacist|call handler)|(?:the|a|your|our) (?:vet|doctor|poison control|poison "
    r"cent(?:er|re)|nurse|pharmacist) (?:tells|told|says|said|advises|advised|instructs|instructed|recommended|"
    r"recommends)|as (?:the|your) (?:vet|doctor|poison control) (?:said|told|advised)|(?:the|a|your|our) (?:vet|"
    r"doctor|nurse|clinic|hospital|er|staff)s? (?:may|might|will|can|could|would|usually|sometimes|often|decides?|"
    r"uses?|gives?)|\b(?:vets|doctors|nurses) (?:may|might|can|could|usually|sometimes|often|give|use)|at the "
    r"(?:clinic|hospital|vet'?s|surgery)|under (?:medical |veterinary )?supervision|years ago|in the past|back "
    r"then|decades ago|historically))"
)
MAKE_SICK: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.95,
        "make-sick-output",
        rf"{_MAKE}|{_GIVEN}|{_INDUCED}|{_PURGE}",
        _UNLESS,
        _DOUBTED,
        context=(_THEIRS,),
        where=("output",),
    ),
)


# Hurting oneself, told to the listener: "try cutting yourself a little deeper", "make small cuts on both sides of your
# face", "it helps to burn yourself" (stop 43). The 135M model said the second to "i cut myself shaving, how do i
# stop it bleeding", and the output screen let it, and the first, through.
_SELF_HARM_ADVICE: Final = (
    r"(?:\b(?:cut|cutting|slice|slicing|hurt|hurting|harm|harming|burn|burning|starve|starving|hit|hitting|punish|"
    r"punishing|scratch|scratching|kill|killing|strangle|strangling|choke|choking|hang|hanging|overdose|overdosing|"
    r"bruise|bruising|beat|beating) yourself\b(?! (?:up|out|to sleep)\b)|\bcuts? (?:\w+ ){0,3}?(?:on|in|into|along|"
    r"across|to) (?:\w+ ){0,3}?your (?:skin|arms?|wrists?|legs?|thighs?|face|stomach|belly|body|hands?|hips?)\b|"
    r"\bcut (?:deeper|your (?:wrists?|arms?|skin|thighs?|legs?|face|body))\b|\byou deserve (?:to (?:feel )?(?:pain|"
    r"hurt|suffer|bleed)|the pain)\b)"
)
# A warning, care, or the urge spoken of, before the words in their sentence, or a question asked of them: "please
# don't hurt yourself", "did you hurt yourself when you fell?", "if you feel the urge to hurt yourself, call...", "be
# careful not to cut yourself on the lid". A question word only in a question: "you are bad so you should punish
# yourself" is advice.
_NOT_TOLD: Final = (
    r"(?:\b(?:\w+n'?t|not|never|no|stop|avoid|without|instead of|rather than|urges?|thoughts?|feel(?:s|ing)? like|felt "
    r"like|want(?:s|ed)? to|wanting to|thinking (?:of|about)|think about|if|whenever|when|tempted|afraid|scared|"
    r"worried|careful|safe|protect|sorry|glad|accident\w*|hope|hoping|easy to|likely to|risk|so you|"
    r"before you|in case|whether)\b[^.!?\n]*|\b(?:did|have|has|are|were|do|how|why|what|who|ever)\b[^.!?\n]*\?)"
)
# A warning of an accident, or the act said to be no answer: "you could hurt yourself on that ladder", "hurting
# yourself won't fix how you feel". ("You might also try making small cuts..." is advice: "might" alone is no warning.)
_WARNED: Final = (
    r"(?:\b(?:could|might|may|can|will|would|'ll) (?:easily |accidentally |really |seriously )?(?:hurt|cut|burn|harm) "
    r"yourself\b(?! (?:to|if you want|when you|and feel|so you feel))|\b(?:cutting|hurting|harming|burning|starving|"
    r"hitting) yourself (?:\w+ ){0,2}?(?:won'?t|isn'?t|is not|never|doesn'?t|can'?t|is dangerous|is harmful|only|"
    r"makes? (?:things|it) worse)\b)"
)
HURT_SELF: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.95,
        "self-harm-advice-output",
        _SELF_HARM_ADVICE,
        _NOT_TOLD,
        _WARNED,
        where=("output",),
    ),
)
