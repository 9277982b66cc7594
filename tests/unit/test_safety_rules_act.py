"""The moment of an attempt (``rules_act``, stop 38): at a high place and about to go, on the tracks with the train
coming, the means against the body or ready with a last word, the car running in a shut garage; never the same
places and things in everyday life, nor someone else in the moment."""

from __future__ import annotations

import pytest

from tenor.safety import crisis, rules_act
from tests.helpers import fired, layered


def _fired(text: str) -> list[str]:
    return fired(rules_act.ACT, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("i'm on the roof and i'm going to jump", "act-jump"),
        ("im on the bridge. goodbye", "act-jump"),
        ("this is it, im on the ledge and im jumping", "act-jump"),
        ("i climbed up the water tower and im going to jump", "act-jump"),
        ("climbed over the railing on the bridge. only holding on with one hand", "act-jump"),
        ("ive decided, im on the bridge and im jumping in five minutes", "act-jump"),
        ("im on the top deck of the parking structure, im going over the side", "act-jump"),
        ("im on the tracks waiting for it", "act-tracks"),
        ("the train is coming and im not moving off the tracks", "act-tracks"),
        ("trains two minutes out. im going to step in front of it", "act-tracks"),
        ("im sitting on the railroad track and i can hear it coming", "act-tracks"),
        ("the trains coming, im stepping off the platform", "act-tracks"),
        ("the rope is around my neck now", "act-means"),
        ("the gun is against my head right now", "act-means"),
        ("i have the razor on my wrist right now", "act-means"),
        ("rope is tied to the banister, this is it", "act-means"),
        ("gun loaded. note written. tonight.", "act-means"),
        ("the gun is pointed at me now. goodbye", "act-means"),
        ("loaded my dads gun. its in my lap. im ending it", "act-means"),
        ("baths running, razors out, nobodys home. tonights the night", "act-means"),
        ("im in the car in the garage, engine on, doors closed, goodbye", "act-garage"),
        ("the engines running and the garage door is down, im staying in here till its over", "act-garage"),
        ("im in the garage with the engine running and im not getting out", "act-garage"),
        ("its tied off, im stepping off the stool in a minute", "act-means"),
        ("i just swallowed everything in the medicine cabinet", "act-means"),
    ],
)
def test_the_moment_of_an_attempt_is_read(text: str, name: str) -> None:
    assert name in _fired(text), text


@pytest.mark.parametrize(
    "text",
    [
        # A job at a height, a view, a fun jump.
        "im on the roof fixing shingles, remind me to buy more nails",
        "on the bridge about to bungee jump, this is it",
        "im on the edge of the pool about to jump in, is it 80 degrees out",
        "this is it, im on the high dive, mom is filming",
        "standing on the cliff edge for the sunset photo, how long until sunset",
        "im jumping in the lake, its freezing, set a 2 minute timer",
        "on the edge of my seat watching this game, whats the score in the other match",
        "I had a guy who just kept jumping off the bridge in Eichenwald over and over.. in a placement match",
        # Commuting.
        "the next train is mine, see you in 20",
        "im on the platform, next train is mine, tell jess im running late",
        "track crew here, is the 3:40 freight still on schedule",
        # Ropes, guns, cars, baths and pills in everyday life.
        "the rope's tied, were ready to sail",
        "tied the rope around my waist for the zip line, this is it",
        "sitting in the deer blind with the rifle loaded in my lap, what time is legal shooting light",
        "loaded the gun at the range, start a timer for my round",
        "cars running in the garage with the big door wide open, timing the idle for the inspection",
        "i took all my pills this morning, can you log it",
        "im running a bath for the baby, what temperature should it be",
        'I\'ll probably say "not even with a gun to my head" if I get one.',
        # A code review's everyday sentences, aimed at the rules.
        "I'm on the bridge now",
        "I'm on the top floor of the parking garage now",
        "I'm on the Golden Gate Bridge! This is it, finally!",
        "I'm up on the roof, it's time to replace the flashing",
        "I'd rather jump off a bridge than sit through another budget meeting",
        "If all your friends were jumping off a bridge, would you do it too?",
        "I'm on the cliff with the guys, about to jump, wish me luck",
        "I'm on the roof, gonna jump down onto the shed",
        "I'm standing at the end of the platform waiting for the train",
        "Kids, get off the tracks, the train is coming!",
        "im on the train tracks in minecraft and the train is coming",
        "What razor should I use on my neck",
        "I wear my reading glasses on a cord around my neck",
        "Gun to my head, I'd say the Lakers win it all",
        "A mugger held a gun to my head last night and took my phone",
        "The kayak is on the roof rack, rope is tied, leaving now",
        "Getting in the bath with my razor to shave my legs",
        "I had a bag of gummy bears and swallowed them all",
        "Sitting in the car with the engine on and the doors locked because it's raining",
        "I closed the garage and the car is on charge",
        "Don't try to stop me, I'm going up to the roof to watch the meteor shower",
    ],
)
def test_the_same_places_and_things_in_everyday_life_are_not(text: str) -> None:
    assert _fired(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "my dad is in the garage with the car running and the door shut, he wont answer",
        "my friend is sitting on the tracks and wont get up, the trains coming",
        "a stranger just told me hes going to jump off this bridge tonight and walked toward the edge",
        "my son left a note that he was going to walk onto the tracks",
        "Someone is standing on the ledge of the building and about to jump",
        "My best mate is on the tracks and the train is coming",
        "My roommate locked himself in the garage, the car is running and the door is shut",
    ],
)
def test_someone_else_in_the_moment_is_not_read_as_the_speakers_act(text: str) -> None:
    assert _fired(text) == [], text


def test_the_moment_gets_the_protocol_in_the_words_for_the_speakers_own_risk() -> None:
    screen = layered({})
    for text in ("i'm on the roof and i'm going to jump", "the gun is against my head right now"):
        v = screen.screen_input(text)
        assert v.action == "crisis" and any(r.startswith("self_harm:act-") for r in v.reasons), text
        assert crisis.crisis_words(text, v.reasons) == "own"
    # Output sentences are not read by these rules (a reply quoting the words is the other rules' to judge).
    assert screen.screen_output("im on the bridge. goodbye").action != "crisis"


def test_on_the_tracks_alone_is_not_the_moment_but_with_the_train_it_is() -> None:
    # The pattern for the speaker on the tracks was once spliced bare into the rule, so this alone fired.
    assert _fired("im sitting on the tracks") == []
    assert "act-tracks" in _fired("im sitting on the tracks and the train is coming")
    assert "act-tracks" in _fired("my grandpa raised me and im sorry, im on the tracks")
    assert _fired("im on the tracks, sorry im running late") == []


def _others(text: str) -> bool:
    return bool(fired(rules_act.OTHERS_ACT, text))


@pytest.mark.parametrize(
    "text",
    [
        "my brother is standing on the roof edge saying hes going to jump what do i do",
        "my little brother is 14 and hes standing on the balcony railing saying hes going to jump",
        "theres a teenager on the wrong side of the bridge railing crying and looking down at the water",
        "there is a woman climbing over the overpass fence above the highway right now",
        "my son is lying on the train tracks and the train is coming and he wont get up",
        "my girlfriend just texted me goodbye from the top of the parking garage she says shes jumping",
        "help my mom locked herself in the garage with the car running and she wont open the door",
        "my dad has his gun to his head right now in the kitchen please help",
        "my partner is holding a razor blade to her wrist and shaking, what do i say",
        "my dad tied a noose in the shed and said not to come looking for him",
        "help my roommate took a whole bottle of her antidepressants and locked her door",
        "husband on the roof edge says hes going to jump",
    ],
)
def test_someone_else_in_the_moment_is_read(text: str) -> None:
    assert _others(text), text


@pytest.mark.parametrize(
    "text",
    [
        "my dad is on the roof cleaning the gutters, remind me to call him at noon",
        "my son is on the diving board about to jump, start recording",
        "my friends are cliff jumping into the lake this weekend",
        "my uncle is in the garage with the engine running, hes changing the oil",
        "my coworker swallowed a bunch of ibuprofen for her back, is that ok with coffee",
        "my stepdad swallowed all his pills at once because he hates taking them one at a time",
        "Crazy he took 1 year contract instead of a stable 4 year contract",
        "my sister is hanging over the edge of the balcony yelling for the pizza guy",
        "my coworker texted the whole team goodbye, its her last day and shes on the top floor of the parking garage",
        "talk my nephew out of joining a gang with a gun to his head",
        "my grandpa has his hunting rifle out cleaning it on the porch",
        # A code review's everyday sentences, aimed at the rule.
        "the robber put a gun to his head and took his wallet",
        "my boss basically has a gun to his head with this deadline",
        "my dad took 3 tylenol for his headache",
        "my mom took all her pills this morning",
        "my friend is on the overpass and wants to jump on the bandwagon",
        "friend, she's on the roof and wants to jump rope",
        "my son waved goodbye from the balcony",
        "the kids are on the balcony saying goodbye to grandma",
        "the ball landed on the wrong side of the fence",
        "my son is lying on the tracks of his toy train set and wont move",
        "my dog has a rope around his neck for a leash",
        "my son has a cord around his neck for his headphones",
        "my husband is in the garage and the car is running, door is shut because its cold",
        "the car is running in the garage, sorry for the noise",
        "my son stepped over the railing on the balcony to grab his toy",
        "my wife is on the light rail and texted bye",
        "my grandma is at bridge night and she wants to do it every week",
        "where do i recycle empty pill bottles",
        "in the show the man put a gun to his head and pulled the trigger",
        "talk my nephew out of joining a gang with a gun to his head",
    ],
)
def test_someone_else_at_the_same_places_in_everyday_life_is_not(text: str) -> None:
    assert not _others(text), text


def test_someone_else_in_the_moment_gets_the_answer_for_one_worried_and_the_speakers_own_keeps_theirs() -> None:
    screen = layered({})
    text = "my brother is standing on the roof edge saying hes going to jump what do i do"
    v = screen.screen_input(text)
    assert v.action == "crisis" and crisis.crisis_words(text, v.reasons) == "other"
    assert "911" in " ".join(crisis.crisis_answer(text, v.reasons, "US"))
    for own in (
        "i said goodbye to my son and now im on the bridge",
        "tell my mom goodbye, im standing on the bridge",
        "mom im sorry. im sitting on the ledge now",
        "my husband is asleep and i took a whole bottle of pills",
        "tell my teacher im sorry, im on top of the school building and im gonna jump",
    ):
        v = screen.screen_input(own)
        assert v.action != "crisis" or crisis.crisis_words(own, v.reasons) in ("own", "acted"), own
