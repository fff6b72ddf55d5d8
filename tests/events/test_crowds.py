"""Crowd events: a protest coded by what happened to it, over its sentence and the
sentences after it that still tell of the crowd. Every text is invented by the team."""

from __future__ import annotations

from khabar.events.crowds import crowd_outcomes
from khabar.events.merge import merge_events
from khabar.model import Story
from tests.events.test_events import article, mentions_of, place


def crowd_events(text: str, *places: str):
    report = article("c", text)
    mentions = crowd_outcomes(report.text, mentions_of(report, [place(text, name)
                                                                for name in places]))
    for mention in mentions:
        assert report.text[mention.span[0]:mention.span[1]] == mention.text
    return mentions, merge_events(mentions, [Story("s", "l", ["c"], None, None)], [report], [])


def test_police_dispersal_told_after_the_protest_makes_it_a_protest_with_intervention():
    text = ("وتظاهر مئات من العمال وسط مدينة الكفرة للمطالبة برواتبهم.\n"
            "واستخدمت الشرطة الغاز المسيل للدموع لتفريق المتظاهرين.\n")
    _, [event] = crowd_events(text, "الكفرة")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")
    assert (event.actor1, event.actor2) == ("Protesters (Libya)", "Police Forces of Libya")


def test_a_crowd_throwing_stones_is_a_riot_and_the_toll_it_reacts_to_is_not_its_own():
    text = ("تظاهر أنصار الحزب في مدينة الكفرة بعد مقتل ثلاثة أشخاص في اشتباكات قرب المدينة.\n"
            "وأقام محتجون ملثمون حواجز على الطرق.\n"
            "واستخدمت الشرطة الغاز المسيل للدموع لتفريق المتظاهرين الذين رشقوا القوات "
            "بالحجارة.\n")
    mentions, _ = crowd_events(text, "الكفرة")
    riot = mentions[0]
    assert (riot.event_type, riot.sub_event_type) == ("Riots", "Violent demonstration")
    assert (riot.actor1, riot.actor2) == ("Rioters (Libya)", "Police Forces of Libya")
    assert riot.fatalities_reported == []


def test_a_later_sentence_that_no_longer_tells_of_the_crowd_does_not_code_it():
    text = ("وتظاهر مئات من العمال وسط مدينة الكفرة للمطالبة برواتبهم.\n"
            "ويعاقب القانون الجديد من يرشق الحجارة على السيارات بالسجن.\n")
    [protest], _ = crowd_events(text, "الكفرة")
    assert protest.sub_event_type == "Peaceful protest"


def test_protesters_arrested_are_the_intervention_at_the_protest_told_before():
    text = ("وخرجت مظاهرة في مدينة الكفرة أمس ضد غلاء الأسعار.\n"
            "وقال شهود إن الحركة توقفت في الشوارع لساعات.\n"
            "وفي المساء اعتقلت الشرطة نحو 50 متظاهرا في مدينة الكفرة.\n")
    mentions, [event] = crowd_events(text, "الكفرة")
    assert [m.event_type for m in mentions] == ["Protests", "Protests"]
    assert event.sub_event_type == "Protest with intervention"
    assert (event.actor1, event.actor2) == ("Protesters (Libya)", "Police Forces of Libya")
    assert len(event.spans) == 2


def test_live_fire_on_a_protest_is_excessive_force_against_protesters():
    text = "وأطلقت قوات الأمن الرصاص الحي على مظاهرة في مدينة الكفرة."
    [protest], _ = crowd_events(text, "الكفرة")
    assert protest.sub_event_type == "Excessive force against protesters"
    assert protest.actor2 == "Police Forces of Libya"


def test_what_a_crowd_reacts_to_at_a_place_of_its_own_is_an_event_of_its_own():
    text = ("تظاهر أنصار الحزب في مدينة الكفرة أمس بعد مقتل ثلاثة أشخاص في اشتباكات بين "
            "الشرطة ومسلحين في مدينة سبها.\n"
            "ورشق المتظاهرون الشرطة بالحجارة.\n")
    mentions, _ = crowd_events(text, "الكفرة", "سبها")
    riot, clash = mentions
    # the sentence after still tells of the crowd, past the clause of the clash
    assert (riot.sub_event_type, riot.place.name) == ("Violent demonstration", "الكفرة")
    assert riot.fatalities_reported == []
    assert (clash.sub_event_type, clash.place.name) == ("Armed clash", "سبها")
    assert clash.text.startswith("بعد مقتل")
    assert [figure["value"] for figure in clash.fatalities_reported] == [3]
