"""Phone numbers in the model's replies: only the locale's vetted ones are said (stop 41)."""

from __future__ import annotations

import asyncio

import pytest

from tenor.config import load_config
from tenor.safety import care
from tenor.safety.numbers import VettedNumbers
from tenor.testing import ScriptedReply, conversation

US, GB = VettedNumbers("US"), VettedNumbers("GB")


@pytest.mark.parametrize(
    "sentence",
    [
        # Said by the 135M model to a person who had just taken an overdose.
        "You can reach them now with the phone call that has been waiting all these years: 1-23795680.",
        "Call 1.800.273.8255 and someone will listen.",
        "You can reach the crisis line at (800) 273-8255.",
        "You can get in touch with the Samaritans on 116 123.",
        "In the UK the emergency number is 999.",
        "Lifeline Australia: 13 11 14.",
        "Call the helpline at 222-1222.",
        "Call the National Suicide Prevention Lifeline at 1-800-273-8255.",
        "Text HOME to 741741 to reach the Crisis Text Line.",
        "Try calling (555) 123-4567.",
        "Call +44 20 7946 0958 for help.",
        "Reach them at 0800 123 4567.",
        "Call 999 if you're in danger.",
        "Ring 111 for advice.",
    ],
)
def test_a_number_not_vetted_for_the_locale_is_dropped(sentence: str) -> None:
    assert US(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Please call Poison Control at 1-800-222-1222.",
        "Call 800-222-1222 now.",
        "You can call or text 988 any time.",
        "Call 911 right away.",
        "My favourite year was 2019.",
        "It costs $1,250,000 in total.",
        "The meeting is on 2024-05-01.",
        "In the 2018-2019 season they won the cup.",
        "Call me in 15 minutes.",
        "Line 42 of the code has a bug.",
        "You could call your mom at 5 pm.",
        "The population is 8 100 000 people.",
        "There were 1,234 votes.",
        "Version 3.11.7 is out.",
        "For 5.00 - 10.00?",
        "You can call or text 988 24/7.",
        "Call Poison Help at 1-800-222-1222 (24/7).",
        "Call 1 (800) 222-1222 right away.",
        # The vetted 888-426-4435 with the country code: dropped until a fresh probe found it (stop 41).
        "Call the ASPCA at 1-888-426-4435.",
        "Call the ASPCA at +1 888 426 4435.",
        "Office hours are 0800-1800, Monday to Friday.",
        "The American Civil War lasted from 1861-1865.",
        "The city has a population of 8 336 817.",
        "The hotline received 300 calls on its first night.",
        "The Samaritans helpline was founded in 1953.",
        "Your order number is 1234567.",
        "The ISBN is 978-0-14-044913-6.",
        "Turn the oven dial to 200 and wait ten minutes.",
        "You may want to call United about flight 815.",
        "You can reach them at 350 Fifth Avenue, on the 20th floor.",
        "The phone costs 799 and ships next week.",
        "Call them at 3.",
    ],
)
def test_vetted_numbers_and_other_figures_are_kept(sentence: str) -> None:
    assert not US(sentence)


def test_the_vetted_numbers_are_the_locales() -> None:
    assert GB("Call 999 if you're in danger.") is False and GB("Call Samaritans free on 116 123.") is False
    assert US("Call Samaritans free on 116 123.")
    assert GB("Call 911 right away.") and GB("You can call or text 988 any time.")


def test_the_sentence_is_replaced_once_and_the_reply_goes_on() -> None:
    reply = ScriptedReply(
        ("I'm here for you. ", "Call the helpline at 1-800-555-0199. ", "Or try 1-800-555-0100. ", "You're not alone.")
    )
    config = load_config(env={}, flags={"safety.locale": "US"})
    result = asyncio.run(conversation(reply, config=config).run("who can i call when i feel lonely at night"))
    line = care.number_line("US")
    assert result.reply == f"I'm here for you. {line} You're not alone."
    assert [s.source for s in result.sentences] == ["model", "safety", "model"]


def test_in_care_after_a_poisoning_the_locales_poison_line_takes_its_place() -> None:
    reply = ScriptedReply(("The number is 1-800-555-0199. ",))
    config = load_config(env={}, flags={"safety.locale": "GB"})
    conv = conversation(reply, config=config)
    asyncio.run(conv.run("my toddler drank some bleach what do i do"))
    asyncio.run(conv.run("ok"))
    again = asyncio.run(conv.run("what was the number again?"))
    assert "NHS 111" in again.reply and "555" not in again.reply
