"""Events: trigger sentences coded with ACLED types, actors, place, date and fatalities,
and the same event in several reports merged into one record."""

from __future__ import annotations

from dataclasses import astuple

from khabar.events.detect import DateHit, PlaceHit, article_event_mentions
from khabar.events.merge import date_range, merge_events
from khabar.extract.claims import article_claims
from khabar.extract.statements import article_statements
from khabar.model import Article, Citation, Reuse, Story
from khabar.pipeline import prepare

# Written by the team; the places are invented.
STRIKE = ("شن الجيش الوطني الليبي غارات جوية على مواقع داعش في وادي السدر أمس، "
          "ما أدى إلى مقتل 12 مسلحا. وفي مدينة الكفرة اعتقلت الشرطة خمسة أشخاص.")
CLASH = "قال مصدر عسكري إن اشتباكات عنيفة اندلعت في مدينة الكفرة بين قوات الوفاق ومسلحين."


def article(doc_id: str, text: str, published: str = "2025-03-10",
            outlet: str = "outlet") -> Article:
    return prepare(Article(id=doc_id, source=f"{doc_id}.txt", outlet=outlet, url=None,
                           title=None, published=published, text=text, sha256=doc_id))


def place(text: str, name: str, precision: int = 1) -> PlaceHit:
    start = text.index(name)
    return PlaceHit(start, start + len(name), name, "Libya", None, 24.2, 23.3, precision)


def mentions_of(report: Article, places: list[PlaceHit], dates: list[DateHit] = ()):
    statements = article_statements(report)
    return article_event_mentions(report, article_claims(report, statements), places,
                                  list(dates), statements)


def test_a_strike_sentence_is_coded_with_actors_place_and_fatalities() -> None:
    report = article("a", STRIKE)
    yesterday = STRIKE.index("أمس")
    dates = [DateHit(yesterday, yesterday + 3, "2025-03-09", "day")]
    mentions = mentions_of(report, [place(STRIKE, "وادي السدر"), place(STRIKE, "الكفرة")],
                           dates)
    strike, arrest = mentions
    assert (strike.event_type, strike.sub_event_type) == ("Explosions/Remote violence",
                                                          "Air/drone strike")
    assert strike.actor1 == "Military Forces of Libya (2014-) Libyan National Army"
    assert strike.actor2 == "Islamic State"
    assert strike.place.name == "وادي السدر" and strike.place_in_sentence
    assert (strike.event_date, strike.date_precision) == ("2025-03-09", "day")
    assert [figure["value"] for figure in strike.fatalities_reported] == [12]
    assert (arrest.sub_event_type, arrest.place.name) == ("Arrests", "الكفرة")
    assert arrest.actor1 == "Police Forces of Libya"
    for mention in mentions:
        start, end = mention.span
        assert report.text[start:end] == mention.text


def test_an_undated_event_is_dated_by_its_report_at_week_precision() -> None:
    report = article("b", CLASH)
    [clash] = mentions_of(report, [place(CLASH, "الكفرة")])
    assert (clash.event_date, clash.date_precision) == ("2025-03-10", "week")
    assert clash.sub_event_type == "Armed clash"
    assert clash.actor1 == "Military Forces of Libya (2016-) Government of National Accord"


def test_an_undated_event_takes_the_day_its_report_leads_with() -> None:
    text = ("ذكرت مصادر أن القتال تجدد في 2 يونيو الماضي ثم أمس الجمعة في مدينة الكفرة.\n"
            "واندلعت اشتباكات عنيفة في مدينة الكفرة بين قوات الوفاق ومسلحين.\n")
    report = article("n", text, published="2025-07-26")
    old, friday = text.index("2 يونيو"), text.index("أمس الجمعة")
    dates = [DateHit(old, old + 7, "2025-06-02", "day"),
             DateHit(friday, friday + 10, "2025-07-25", "day")]
    *_, clash = mentions_of(report, [place(text, "الكفرة")], dates)
    # a daily's lead says «أمس»; the June date is too old to be the report's news day
    assert clash.span[0] == text.index("واندلعت")
    assert (clash.event_date, clash.date_precision) == ("2025-07-25", "week")


def test_the_day_something_was_said_does_not_date_the_event_it_tells() -> None:
    # invented sentences; the event took place on or before the day it was announced
    for text, said in (("أعلنت وزارة الدفاع يوم أمس أن قياديا قتل في غارة قرب مدينة الكفرة.",
                        "يوم أمس"),
                       ("ونفذت الطائرات 21 ضربة جوية قرب مدينة الكفرة وفقا للبيان الذي أذيع "
                        "اليوم الاثنين.", "اليوم الاثنين")):
        at = text.index(said)
        report = article("s", text, published="2025-03-10")
        [strike] = mentions_of(report, [place(text, "الكفرة")],
                               [DateHit(at, at + len(said), "2025-03-09", "day")])
        assert (strike.event_date, strike.date_precision) == ("2025-03-09", "week"), text
        assert not strike.date_in_sentence
    told = "وقتل قيادي يوم أمس في غارة قرب مدينة الكفرة."
    at = told.index("يوم أمس")
    [strike] = mentions_of(article("s", told), [place(told, "الكفرة")],
                           [DateHit(at, at + 7, "2025-03-09", "day")])
    assert (strike.event_date, strike.date_precision) == ("2025-03-09", "day")


def test_a_sentence_without_an_event_word_is_no_event() -> None:
    text = "قال الوزير إن الحكومة ستعلن خطة جديدة للتعليم في مدينة الكفرة."
    assert mentions_of(article("c", text), [place(text, "الكفرة")]) == []


def test_an_event_a_speaker_tells_keeps_the_speaker() -> None:
    text = "وقال العقيد نادر الصافي إن القوات استعادت مدينة الكفرة بعد معارك."
    report = article("d", text)
    mentions = mentions_of(report, [place(text, "الكفرة")])
    assert mentions and all(m.claimed_by and m.claimed_by["statement_id"] for m in mentions)


def test_one_event_in_two_reports_is_one_record_with_the_lowest_toll() -> None:
    second = ("أسفرت غارات جوية على وادي السدر عن مقتل 15 مسلحا، "
              "وفق ما أعلنه الجيش الوطني الليبي.")
    reports = [article("a", STRIKE, outlet="الأولى"),
               article("e", second, published="2025-03-10", outlet="الثانية")]
    mentions = (mentions_of(reports[0], [place(STRIKE, "وادي السدر")])
                + mentions_of(reports[1], [place(second, "وادي السدر")]))
    story = Story("s", "label", ["a", "e"], None, None)
    events = merge_events(mentions, [story], reports, [])
    strikes = [event for event in events if event.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    [strike] = strikes
    assert strike.doc_ids == ["a", "e"] and strike.outlets == ["الأولى", "الثانية"]
    assert strike.fatalities == 12
    assert sorted(figure["value"] for figure in strike.fatalities_reported) == [12, 15]
    assert strike.independent_sources == 2
    copy = Reuse("a", "e", "rewrite", 0.8, 0.8, ["date"], Citation((0, 0), ""), [])
    [strike] = [event for event in merge_events(mentions, [story], reports, [copy])
                if event.sub_event_type == "Air/drone strike"]
    assert strike.independent_sources == 1


def test_events_of_different_stories_or_places_stay_apart() -> None:
    other = "شن الجيش الوطني الليبي غارات جوية على مواقع في مدينة الكفرة."
    reports = [article("a", STRIKE), article("f", other)]
    mentions = (mentions_of(reports[0], [place(STRIKE, "وادي السدر")])
                + mentions_of(reports[1], [place(other, "الكفرة")]))
    stories = [Story("s1", "l", ["a", "f"], None, None)]
    strikes = [event for event in merge_events(mentions, stories, reports, [])
               if event.sub_event_type == "Air/drone strike"]
    assert sorted(event.location for event in strikes) == ["الكفرة", "وادي السدر"]
    again = "شن الجيش الوطني الليبي غارات جوية على وادي السدر."
    reports.append(article("g", again))
    twice = mentions[:1] + mentions_of(reports[-1], [place(again, "وادي السدر")])
    assert len(merge_events(twice, [*stories, Story("s2", "l", ["g"], None, None)],
                            reports, [])) == 2
    assert len(merge_events(twice, [Story("s1", "l", ["a", "g"], None, None)],
                            reports, [])) == 1


def test_a_date_precision_is_a_range_of_days() -> None:
    assert date_range("2025-03-10", "week")[0].isoformat() == "2025-03-04"
    assert date_range("2025-02", "month")[1].isoformat() == "2025-02-28"
    assert date_range("2025", "year")[0].isoformat() == "2025-01-01"


def test_questions_plans_and_denials_are_no_events() -> None:
    for text in ("هل تنتهي الاشتباكات في مدينة الكفرة قريبا؟",
                 "وقال القائد إن القوات سوف تشن هجوما على مدينة الكفرة.",
                 "ونفى العقيد نادر الصافي أن تكون قواته قصفت مدينة الكفرة.",
                 "وتدرب لاعبو خط الوسط والهجوم في نادي الكفرة.",
                 "وأطلق المغردون وسم #تفجير_الكفرة للتنديد."):
        assert mentions_of(article("q", text), [place(text, "الكفرة")]) == [], text
    told = "وقع تفجير في مدينة الكفرة أمس."
    assert len(mentions_of(article("q", told), [place(told, "الكفرة")])) == 1


def test_the_future_governs_its_own_clause_and_what_follows_not_the_clause_before() -> None:
    # invented sentences
    for text in ("وقال إن الأيام القليلة المقبلة ستشهد تنفيذ المرحلة الثانية من عملية تحرير "
                 "مدينة الكفرة.",
                 "وفتحت السلطات ممرات آمنة للأهالي، تمهيدا لاقتحام مدينة الكفرة.",
                 "وحذر من هجوم محتمل على مدينة الكفرة."):
        assert mentions_of(article("f", text), [place(text, "الكفرة")]) == [], text
    text = "قتل 5 جنود في هجوم على مدينة الكفرة، وسيواصل الجيش عملياته في الأيام المقبلة."
    [attack] = mentions_of(article("f", text), [place(text, "الكفرة")])
    assert attack.trigger == "هجوم"


def test_a_phrase_holding_an_event_word_takes_only_that_word_to_another_sense() -> None:
    # «رئيس تحرير»: an editor, not a liberation; the arrest of the editor is an event
    text = "واعتقلت الشرطة رئيس تحرير صحيفة محلية في مدينة الكفرة."
    [arrest] = mentions_of(article("e", text), [place(text, "الكفرة")])
    assert arrest.sub_event_type == "Arrests"
    edited = "وكان يرأس تحرير جريدة تصدر في مدينة الكفرة."
    assert mentions_of(article("e", edited), [place(edited, "الكفرة")]) == []


def test_an_aim_is_no_event_but_the_sentences_other_event_word_stands() -> None:
    for text in ("وتدفع الدولتان بالمسلحين من أجل السيطرة على مدينة الكفرة.",
                 "وهي العملية التي بدأها الجيش قبل أشهر لتحرير مدينة الكفرة."):
        assert mentions_of(article("a", text), [place(text, "الكفرة")]) == [], text
    text = "وتعرضت مدينة الكفرة لقصف عنيف بهدف السيطرة عليها."
    [shelled] = mentions_of(article("a", text), [place(text, "الكفرة")])
    assert shelled.sub_event_type == "Shelling/artillery/missile attack"
    taken = "وتمكنت القوات من تحرير مدينة الكفرة."
    assert len(mentions_of(article("a", taken), [place(taken, "الكفرة")])) == 1


def test_a_speciality_is_no_event_even_with_its_preposition_glued() -> None:
    text = "وشن مسلحون هجوما على مدينة الكفرة بينهم خلية المتخصصة بالتفجير."
    [attack] = mentions_of(article("s", text), [place(text, "الكفرة")])
    assert attack.trigger == "هجوما"
    assert attack.sub_event_type == "Armed clash"
    text = "وتضم الكتيبة في مدينة الكفرة وحدة مختصة في التفجير."
    assert mentions_of(article("s", text), [place(text, "الكفرة")]) == []


def test_a_sentence_is_one_event_and_the_specific_weapon_wins() -> None:
    text = "وأدت المعارك في مدينة الكفرة إلى مقتل 9 أشخاص جراء الغارات الجوية."
    [mention] = mentions_of(article("w", text), [place(text, "الكفرة")])
    assert mention.sub_event_type == "Air/drone strike"


# Invented: who acts and who is acted on.
ROLES = (
    "وقالت مصادر إن غارة استهدفت مسلحي داعش في المدينة.\n"
    "وأعلنت قوات الوفاق أن سلاح الجو الليبي قصف مواقعها جنوب المدينة.\n"
    "وأكد الجيش الوطني الليبي أن الجيش سيطر على الحي بعد اشتباكات مع قوات الوفاق.\n"
)


def test_targets_the_acting_trigger_and_a_generic_army_get_their_roles() -> None:
    report = article("r", ROLES)
    town = place(ROLES, "المدينة")
    strike, raid, clash = mentions_of(report, [town])
    # «غارة استهدفت مسلحي داعش»: the fighters are struck, the striker is not named
    assert (strike.actor1, strike.actor2) == (None, "Islamic State")
    # the air force is the event word and acts, though the GNA is named before it
    assert raid.actor1 == "Military Forces of Libya (2014-) Libyan National Army"
    assert raid.actor2 == "Military Forces of Libya (2016-) Government of National Accord"
    # two Libyan forces named: «الجيش» is the one called an army
    assert clash.actor1 == "Military Forces of Libya (2014-) Libyan National Army"
    assert clash.actor2 == "Military Forces of Libya (2016-) Government of National Accord"


def coded(text: str, country_place: str) -> tuple:
    report = article("r", text)
    [mention] = mentions_of(report, [place(text, country_place)])
    return mention.actor1, mention.actor2


def test_the_actor_a_sentence_says_acted_is_actor1_and_the_side_that_lost_people_actor2():
    # invented sentences
    assert coded("قتل جنديان في قصف شنه داعش على ثكنة قرب مدينة الكفرة.", "الكفرة") == (
        "Islamic State", None)
    assert coded("سقط قتلى من قوات الوفاق في اشتباكات بمدينة الكفرة.", "الكفرة") == (
        None, "Military Forces of Libya (2016-) Government of National Accord")
    assert coded('وقتل 8 من "القاعدة" في اشتباكات بمدينة الكفرة.', "الكفرة") == (
        None, "Al Qaeda")
    assert coded("وأدت الغارات إلى مقتل عدة قادة لقوات الوفاق في مدينة الكفرة.", "الكفرة") == (
        None, "Military Forces of Libya (2016-) Government of National Accord")


def test_who_lost_people_who_was_hit_and_a_parenthesis_that_only_glosses_a_name():
    # invented sentences
    gna = "Military Forces of Libya (2016-) Government of National Accord"
    # the side counted right after a casualty noun lost the people
    assert coded("أعلن مصدر مقتل ثلاثة من عناصر الأمن في انفجار عبوة ناسفة بمدينة الكفرة.",
                 "الكفرة")[1] == "Police Forces of Libya"
    killed = coded("أعلن مصدر مقتل عسكريين تونسيين في انفجار عبوة ناسفة بمدينة الكفرة.",
                   "الكفرة")
    assert killed[1] == "Military Forces of Tunisia" != killed[0]
    # a verb is no casualty noun: the actor after «قتل» killed
    assert coded("وفي هجوم بمدينة الكفرة قتل المسلحون جنديين.", "الكفرة")[0] == (
        "Unidentified Armed Group (Libya)")
    # a side listed after one that lost people lost people too
    assert coded("سقط قتلى من قوات الوفاق وتنظيم داعش في اشتباكات بمدينة الكفرة.",
                 "الكفرة") == (None, gna)
    # an actor right after a word that says it was hit is not the one that acted
    assert coded("قال إن الجيش قطع إمدادات الإرهابيين خلال عملية تحرير مدينة الكفرة.",
                 "الكفرة") == ("Military Forces of Libya", "Unidentified Armed Group (Libya)")
    # an agent word in a later clause tells who did something else
    assert coded("وتمكن الجيش من السيطرة على مدينة الكفرة، وفيها مقبرة قتلى من قبل المسلحين.",
                 "الكفرة")[0] == "Military Forces of Libya"
    # a parenthesis after a name says what it is; it names no second side
    assert coded("ونفذت جبهة النصرة (ذراع القاعدة في سورية) حكم الإعدام في مدينة الكفرة.",
                 "الكفرة") == ("Al Nusrah Front", None)


def test_acled_coding_rules_for_crowds_arrests_and_unnamed_shooters():
    # protesters are actor1 even when the police acted
    assert coded("فرقت الشرطة مظاهرة في مدينة الكفرة.", "الكفرة") == (
        "Protesters (Libya)", "Police Forces of Libya")
    # an arrest is made by a state force: the group named is the one arrested
    assert coded("اعتقلت عناصر من داعش في مدينة الكفرة.", "الكفرة") == (
        "Police Forces of Libya", "Islamic State")
    # shells from across a border: an unidentified group of the country they came from
    assert coded("سقطت مقذوفات من داخل الأراضي المصرية على مدينة الكفرة.", "الكفرة")[0] == (
        "Unidentified Armed Group (Egypt)")
    assert coded("سقطت مقذوفات من الحدود المصرية على مدينة الكفرة.", "الكفرة")[0] == (
        "Unidentified Armed Group (Egypt)")
    # and so even when the sentence names the forces that were fired on or answered
    assert coded("تعرض مركز في مدينة الكفرة لقذائف من داخل الأراضي المصرية، وردت القوات "
                 "المسلحة على مصادر النيران.", "الكفرة") == (
        "Unidentified Armed Group (Egypt)", "Military Forces of Libya")


def test_the_event_is_placed_at_the_town_nearest_its_trigger_not_a_region() -> None:
    text = "وتواصلت المعارك بأطراف مدينة الرمادي غرب الفلوجة في محافظة الأنبار."
    report = article("p", text)
    places = [place(text, "الرمادي", 2), place(text, "الفلوجة"), place(text, "الأنبار", 3)]
    [battle] = mentions_of(report, places)
    assert battle.place.name == "الرمادي"
    [alone] = mentions_of(report, [place(text, "الأنبار", 3)])
    assert alone.place.name == "الأنبار"
    whence = "وقتل 31 مسلحا في مدينة الكفرة بينهم 8 أجانب من مصر وتونس."
    [clash] = mentions_of(article("w", whence), [
        place(whence, "مصر", 3), place(whence, "تونس", 3), place(whence, "الكفرة")])
    assert clash.place.name == "الكفرة"
    fired = "سقطت قذائف من اليمن على قرية في جازان."
    [shelling] = mentions_of(article("y", fired), [place(fired, "اليمن", 3),
                                                   place(fired, "جازان", 3)])
    assert shelling.place.name == "جازان"


def test_a_sentence_listing_towns_tells_one_event_at_each_and_shares_its_toll() -> None:
    text = ("وفي هجومين منفصلين بإقليمي الكفرة وسبها قتل المسلحون 3 جنود ليرتفع عدد القتلى منذ "
            "20 يوليو إلى 21.\nوشنت الطائرات غارات على مدن عدة من بينها الكفرة وسبها وغات "
            "ودرنة.\n")
    report = article("t", text, published="2025-07-30")
    towns = [place(text, "الكفرة"), place(text, "سبها")]
    listed = [hit for name in ("الكفرة", "سبها", "غات", "درنة")
              for hit in [place(text[text.index("من بينها"):], name)]]
    offset = text.index("من بينها")
    listed = [PlaceHit(hit.start + offset, hit.end + offset, *astuple(hit)[2:])
              for hit in listed]
    kufra, sabha, campaign = mentions_of(report, towns + listed)
    assert (kufra.place.name, sabha.place.name) == ("الكفرة", "سبها")
    assert kufra.trigger == "هجومين"  # a dual event word is an event word
    assert kufra.split_among == sabha.split_among == ["الكفرة", "سبها"]
    # «إلى 21» is the running total since 20 July, not these attacks' dead
    assert [figure["value"] for figure in kufra.fatalities_reported] == [3]
    # four towns sum up a campaign: one event, at the town nearest the event word
    assert (campaign.place.name, campaign.split_among) == ("الكفرة", [])
    events = merge_events([kufra, sabha, campaign], [], [report], [])
    tolls = {event.location: event.fatalities for event in events if event.split_among}
    assert tolls == {"الكفرة": 2, "سبها": 1}
    assert len({event.id for event in events}) == 3


def test_a_count_of_fighters_killed_is_a_clash_unless_it_goes_on_the_event_before() -> None:
    text = ("شنت الطائرات غارات على مواقع المسلحين في مدينة الكفرة. وأسفرت عن مقتل 12 مسلحا.\n"
            "وفي اليوم الخامس قتل 8 مسلحين في مدينة الكفرة.\n"
            "وقال الطبيب إن ثلاثة مدنيين قتلوا في المدينة.\n")
    report = article("k", text)
    places = [place(text, "الكفرة")]
    strike, clash = mentions_of(report, places)
    assert strike.sub_event_type == "Air/drone strike"
    assert [figure["value"] for figure in strike.fatalities_reported] == [12]
    assert (clash.event_type, clash.sub_event_type) == ("Battles", "Armed clash")
    assert clash.text.startswith("وفي اليوم الخامس")
    assert [figure["value"] for figure in clash.fatalities_reported] == [8]


def test_a_sentence_retelling_the_reports_last_event_of_its_kind_joins_it() -> None:
    text = ("وقعت اشتباكات عنيفة في مدينة الكفرة أمس بين الجيش الوطني الليبي ومسلحين.\n"
            "وفي مدينة سبها اندلعت اشتباكات بين قوات الوفاق ومسلحين.\n"
            "وقال شهود إن الاشتباكات استمرت ساعات.\n"
            "وردت قوات الوفاق بقصف مدفعي على مواقع المسلحين.\n"
            "وتواصل القصف المدفعي طوال الليل.\n")
    report = article("r", text)
    places = [place(text, "الكفرة"), place(text, "سبها")]
    mentions = mentions_of(report, places)
    # an answer («وردت قوات الوفاق بقصف») is an event of its own; the shelling goes on
    assert [m.new_scene for m in mentions] == [True, True, False, True, False]
    events = merge_events(mentions, [Story("s", "l", ["r"], None, None)], [report], [])
    spans = sorted([text[s.span[0]:s.span[1]][:12] for s in event.spans] for event in events)
    # the third sentence retells the clash in Sabha (the nearest), not the one in Kufra
    assert len(events) == 3
    assert [len(event.spans) for event in sorted(events, key=lambda e: e.spans[0].span)] == [
        1, 2, 2], spans


def test_a_fight_naming_no_side_takes_the_side_of_the_reports_fight_before_it() -> None:
    text = ("قصف الجيش الوطني الليبي مواقع المسلحين في مدينة الكفرة.\n"
            "وأدت الضربات الجوية إلى مقتل 32 مسلحا في المدينة.\n"
            "وفي مدينة سبها شنت طائرات غارات جوية على مواقع للمسلحين.\n")
    report = article("c", text)
    places = [place(text, "الكفرة"), place(text, "سبها")]
    shelling, strike, elsewhere = mentions_of(report, places)
    army = "Military Forces of Libya (2014-) Libyan National Army"
    assert shelling.actor1 == army and shelling.actor1_from is None
    # the air strikes on the same town are the army's, and the record says where that is read
    assert strike.actor1 == army
    assert strike.actor1_from.text == shelling.text
    assert text[slice(*strike.actor1_from.span)] == shelling.text
    # another town's strike names no side, and none is lent to it
    assert (elsewhere.place.name, elsewhere.actor1) == ("سبها", None)
    [event] = [e for e in merge_events([strike], [], [report], []) if e.actor1]
    assert event.actor1_from == strike.actor1_from


def test_an_event_recalled_from_weeks_before_the_report_is_background_not_news() -> None:
    text = ("ووقع تفجير في مدينة الكفرة في 26 يونيو الماضي.\n"
            "وقتل مسلحون جنديين في هجوم على مدينة الكفرة ليرتفع عدد القتلى منذ 20 يونيو إلى 21.\n"
            "ووقع تفجير في مدينة الكفرة أمس.\n")
    report = article("h", text, published="2025-07-30")
    old, since, yesterday = (text.index(word) for word in ("26 يونيو", "20 يونيو", "أمس"))
    dates = [DateHit(old, old + 8, "2025-06-26", "day"),
             DateHit(since, since + 8, "2025-06-20", "day"),
             DateHit(yesterday, yesterday + 3, "2025-07-29", "day")]
    clash, bombing = mentions_of(report, [place(text, "الكفرة")], dates)
    # the June bombing is not this report's news; «منذ 20 يونيو» starts the toll's period,
    # so the clash takes the report's news day («أمس»)
    assert clash.sub_event_type == "Armed clash"
    assert (clash.event_date, clash.date_precision) == ("2025-07-29", "week")
    assert (bombing.event_date, bombing.date_precision) == ("2025-07-29", "day")


def test_a_toll_over_months_or_a_weeks_long_situation_is_no_event() -> None:
    for text in ("وقتل التحالف 3042 مسلحا في مدينة الكفرة خلال 10 أشهر.",
                 "وتدور منذ أسابيع معارك في بلدات قرب مدينة الكفرة."):
        assert mentions_of(article("l", text), [place(text, "الكفرة")]) == [], text
    # a day of its own makes it news; years-long background does not hide an event
    for text in ("وقتل 5 مسلحين في مدينة الكفرة أمس في معارك تدور منذ أسابيع.",
                 "وأصيب جنديان في هجوم على مدينة الكفرة التي لم تعرف الهدوء منذ سنوات."):
        report = article("l", text)
        yesterday = text.find("أمس")
        dates = [DateHit(yesterday, yesterday + 3, "2025-03-09", "day")] if yesterday > 0 else []
        assert len(mentions_of(report, [place(text, "الكفرة")], dates)) == 1, text


def test_a_period_of_a_week_since_then_or_since_a_month_long_ago_is_no_event() -> None:
    # invented sentences; published 2025-03-10
    for text in ("وأسفرت الغارات خلال أسبوع عن مقتل 260 مسلحا في مدينة الكفرة.",
                 "ومنذ ذلك الحين تشن القوات غارات على مدينة الكفرة."):
        assert mentions_of(article("p", text), [place(text, "الكفرة")]) == [], text
    text = "وخسرت القوات منذ نهاية يناير الماضي مدنا منها الكفرة بعد معارك عنيفة."
    january = text.index("يناير")
    since = [DateHit(january, january + len("يناير الماضي"), "2025-01", "month")]
    assert mentions_of(article("p", text), [place(text, "الكفرة")], since) == []
    # a date after the event words is another clause's: «منذ» a town's capture, a total
    for text in ("وقصفت طائرة حربية حيا في مدينة الكفرة التي تسيطر عليها المعارضة منذ "
                 "نهاية يناير الماضي.",
                 "وقتل المسلحون جنديين في الكفرة ليرتفع عدد القتلى منذ نهاية يناير الماضي."):
        january = text.index("يناير")
        since = [DateHit(january, january + len("يناير الماضي"), "2025-01", "month")]
        assert len(mentions_of(article("p", text), [place(text, "الكفرة")], since)) == 1, text


def test_ground_taken_by_an_army_named_generically_is_the_government_regaining_it() -> None:
    # «الجيش الوطني» is a template of the lexicon (its country is filled in from the place):
    # the sub-type must follow the actor it resolves to, not the template's spelling.
    text = "وخلال الأيام الماضية، حرر الجيش الوطني مناطق عدة من سيطرة الميليشيات في الكفرة."
    [taken] = mentions_of(article("t", text), [place(text, "الكفرة")])
    assert taken.actor1.startswith("Military Forces of Libya")
    assert (taken.event_type, taken.sub_event_type) == ("Battles",
                                                        "Government regains territory")
    # a militia the lexicon does not list is a non-state actor, not an unknown taker
    text = "وسيطرت ميليشيات الزرقاء قبل أيام على مدينة الكفرة."
    [taken] = mentions_of(article("t", text), [place(text, "الكفرة")])
    assert (taken.actor1, taken.sub_event_type) == ("ميليشيات الزرقاء",
                                                    "Non-state actor overtakes territory")


def test_forces_that_answer_fire_from_another_country_fired_an_event_of_their_own() -> None:
    text = ("سقطت قذائف من داخل الأراضي اليمنية على مدينة الكفرة.\n"
            "من جهة أخرى، ردت القوات السعودية بالمدفعية على مصدر إطلاق القذائف التي "
            "تنطلق من الأراضي اليمنية.\n")
    incoming, answer = mentions_of(article("r", text), [place(text, "الكفرة")])
    assert incoming.actor1 == "Unidentified Armed Group (Yemen)"
    assert (answer.trigger, answer.actor1) == ("بالمدفعية", "Military Forces of Saudi Arabia")
    assert answer.actor2 == "Unidentified Armed Group (Yemen)"
    assert answer.new_scene
    # equipment is no fire
    kept = "ووضع المسلحون الدبابات والمدفعية في خنادق قرب الكفرة."
    assert mentions_of(article("r", kept), [place(kept, "الكفرة")]) == []


def test_an_accusation_the_report_rejects_is_no_event_but_one_it_reports_stands() -> None:
    # invented sentences
    rejected = ("ونفى المتحدث التهم الموجهة لقواته، وقال إن هذه الاتهامات باطلة.\n"
                "وأضاف أن الاتهامات الموجهة للجيش قصف مدينة الكفرة هدفها تشويه صورته.")
    assert mentions_of(article("a", rejected), [place(rejected, "الكفرة")]) == []
    # the rejection in the same sentence counts as well
    same = "وقال إن اتهامات قصف مدينة الكفرة كاذبة."
    assert mentions_of(article("a", same), [place(same, "الكفرة")]) == []
    # an accusation nobody rejects is the accuser's report of fighting
    reported = "واتهمت الحكومة المسلحين بقصف مدينة الكفرة أمس."
    [shelling] = mentions_of(article("a", reported), [place(reported, "الكفرة")])
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    # an event word before the accusation is not what it says
    before = "وقتل 3 في قصف على مدينة الكفرة، ونفى الجيش الاتهامات."
    assert len(mentions_of(article("a", before), [place(before, "الكفرة")])) == 1


def test_the_group_an_attack_came_from_acted() -> None:
    # invented sentences
    assert coded("وقع 12 هجوما على مطار الكفرة منذ عام 2020 من ميليشيات الزرقاء.",
                 "الكفرة")[0] == "ميليشيات الزرقاء"
    # ground taken from a group: the group lost it
    assert coded("استعاد الجيش الوطني الليبي مدينة الكفرة من داعش.", "الكفرة") == (
        "Military Forces of Libya (2014-) Libyan National Army", "Islamic State")
    # people killed from a side: that side lost them
    assert coded("قتل 5 في هجوم على مدينة الكفرة من عناصر داعش.", "الكفرة")[0] != "Islamic State"


def test_a_taking_verb_then_its_subject_then_its_preposition_is_ground_taken() -> None:
    # invented sentences: «سيطرت … على» with the actor between
    text = "وسيطرت القوات الليبية قبل أيام على مبنى جامعة الكفرة."
    [taken] = mentions_of(article("s", text), [place(text, "الكفرة")])
    assert (taken.trigger, taken.sub_event_type) == ("سيطرت", "Government regains territory")
    # no actor after the verb, or the preposition in another clause: nothing was taken
    for text in ("وسيطر الهدوء الحذر على مدينة الكفرة.",
                 "سيطرت قوات الوفاق، وهي قوات كبيرة، على الكفرة."):
        assert mentions_of(article("s", text), [place(text, "الكفرة")]) == [], text


def test_the_side_an_attack_is_against_is_actor2_not_an_ally_listed_with_actor1() -> None:
    # invented sentence
    assert coded("وأظهرت معارك اليوم في مدينة الكفرة أن القاعدة وداعش تحالفوا ضد قوات الوفاق.",
                 "الكفرة") == ("Al Qaeda",
                               "Military Forces of Libya (2016-) Government of National Accord")


def test_the_side_that_gave_itself_up_is_actor1_of_a_surrender() -> None:
    # invented sentences
    lna = "Military Forces of Libya (2014-) Libyan National Army"
    text = "وأكد المتحدث باسم الجيش الوطني الليبي أن 22 شخصا سلموا أنفسهم في مدينة الكفرة."
    [surrender] = mentions_of(article("s", text), [place(text, "الكفرة")])
    assert (surrender.event_type, surrender.sub_event_type) == ("Strategic developments",
                                                                "Other")
    assert (surrender.actor1, surrender.actor2) == ("Unidentified Armed Group (Libya)", lna)
    # a group named gives itself up; with no side named, an unidentified armed group does
    assert coded("وقال إن عناصر داعش استسلموا للجيش الوطني الليبي في مدينة الكفرة.",
                 "الكفرة") == ("Islamic State", lna)
    assert coded("وخصصت السلطات مكانا للذين سلموا أنفسهم في مدينة الكفرة.", "الكفرة")[0] == (
        "Unidentified Armed Group (Libya)")


def coded_in(text: str, place_name: str, country: str) -> tuple:
    start = text.index(place_name)
    hit = PlaceHit(start, start + len(place_name), place_name, country, None, 13.0, 44.0, 1)
    [mention] = mentions_of(article("r", text), [hit])
    return mention.actor1, mention.actor2


def test_a_name_of_one_countrys_war_is_an_actor_only_there() -> None:
    # invented sentences; «المقاومة الشعبية» is the pro-Hadi side in Yemen only
    hadi = "Military Forces of Yemen (2012-) Hadi faction"
    text = "وسيطرت المقاومة الشعبية على مدينة قعطبة بعد معارك مع الحوثيين."
    assert coded_in(text, "قعطبة", "Yemen") == (hadi, "Ansar Allah (Houthis)")
    text = "واندلعت اشتباكات بين المقاومة الشعبية والجيش في مدينة صيدا."
    assert hadi not in coded_in(text, "صيدا", "Lebanon")


def test_the_forces_backing_a_side_are_neither_actor1_nor_actor2() -> None:
    # invented sentences
    text = ("وكانت المقاومة المسنودة بقوات الجيش الوطني وطيران التحالف قد سيطرت على وادي "
            "عقان في محافظة لحج.")
    assert coded_in(text, "لحج", "Yemen") == (
        "Military Forces of Yemen (2012-) Hadi faction", None)
    text = "وشنت قوات الوفاق بدعم من الطيران التركي هجوما على مدينة الكفرة."
    assert coded(text, "الكفرة")[1] is None


def test_actors_listed_with_actor1_are_its_side_unless_between_names_two() -> None:
    # invented sentences
    text = "ونجح الجيش الوطني والمقاومة الشعبية في السيطرة على مدينة قعطبة."
    assert coded_in(text, "قعطبة", "Yemen")[1] is None
    text = "ونجحت قوات الوفاق وميليشيات البقرة في السيطرة على مطار مدينة الكفرة."
    assert coded(text, "الكفرة")[1] is None
    text = "واندلعت اشتباكات بين قوات الوفاق والجيش الوطني الليبي في مدينة الكفرة."
    assert coded(text, "الكفرة") == (
        "Military Forces of Libya (2016-) Government of National Accord",
        "Military Forces of Libya (2014-) Libyan National Army")


def test_a_group_named_in_the_definite_plural_is_an_unidentified_armed_group() -> None:
    # invented sentence
    text = "وأصيب جندي في كمين نصبته الجماعات الإرهابية قرب مدينة الكفرة."
    assert coded(text, "الكفرة")[0] == "Unidentified Armed Group (Libya)"


def test_a_sentence_pointing_back_to_a_told_event_retells_it() -> None:
    # invented report: the bombing, then its condemnation in a sentence with a place of its
    # own; a new definite event word with no pointing word stays an event
    text = ("قتل خمسة من رجال الأمن في تفجير انتحاري استهدف مسجدا في مدينة الكفرة.\n"
            "ووقف المواطنون في ليبيا صفا واحدا ضد التفجير الجبان.\n"
            "وفي مدينة سبها وقع التفجير الثاني قرب مركز للشرطة.\n")
    report = article("r", text)
    places = [place(text, "الكفرة"), place(text, "ليبيا", precision=3), place(text, "سبها")]
    mentions = mentions_of(report, places)
    assert [m.told_before for m in mentions] == [False, True, False]
    events = merge_events(mentions, [Story("s", "l", ["r"], None, None)], [report], [])
    assert sorted(len(event.spans) for event in events) == [1, 2]


def test_a_protest_against_a_bombing_is_a_protest_and_a_cause_is_not_a_reaction() -> None:
    # invented sentences: the bombing is what the crowd protests, so the sentence's event
    # is the protest; «جراء» names a cause, and the sentence's event is the strike
    text = "وتجمع مئات في مدينة الكفرة للتظاهر احتجاجا على التفجير الانتحاري."
    [mention] = mentions_of(article("p", text), [place(text, "الكفرة")])
    assert mention.event_type == "Protests"
    text = "وتضررت منازل في مدينة الكفرة جراء الغارات الجوية ومظاهرة خرجت بعدها."
    [mention] = mentions_of(article("c", text), [place(text, "الكفرة")])
    assert mention.sub_event_type == "Air/drone strike"


def test_a_definite_weapon_with_its_adjective_is_an_event_word_and_making_it_is_none() -> None:
    # invented sentences: «العبوة الناسفة», both words definite, names the bomb; a cell
    # that makes suicide belts tells no explosion
    text = "وقتل جنديان بعد أن زرع مسلحون العبوة الناسفة في طريق دورية قرب مدينة الكفرة."
    [mention] = mentions_of(article("d", text), [place(text, "الكفرة")])
    assert mention.sub_event_type == "Remote explosive/landmine/IED"
    text = "واعتقلت الشرطة في مدينة الكفرة أعضاء خلية مهمتها تصنيع الأحزمة الناسفة."
    [mention] = mentions_of(article("m", text), [place(text, "الكفرة")])
    assert mention.sub_event_type == "Arrests"


def test_civilians_are_never_actor1() -> None:
    # invented sentence
    text = "وندين قصف المدنيين في مدينة الكفرة."
    assert coded(text, "الكفرة") == ("Unidentified Armed Group (Libya)", "Civilians (Libya)")


def test_an_arms_adjective_may_stand_between_a_force_noun_and_its_country() -> None:
    # invented sentence
    text = "وقتل ستة أشخاص في القصف الجوي التركي على قرية قرب مدينة الكفرة."
    assert coded(text, "الكفرة")[0] == "Military Forces of Turkey"


def test_who_laid_the_mines_that_exploded_is_actor1() -> None:
    # invented sentence
    text = "وقتل مدنيون في انفجار ألغام أرضية زرعها الحوثيون في مدينة الكفرة."
    assert coded(text, "الكفرة")[0] == "Ansar Allah (Houthis)"


def test_clauses_telling_events_of_different_kinds_are_events_of_their_own() -> None:
    # invented sentence: a shelling, then clashes told in a clause of their own
    text = ("وقتل ثلاثة جنود في قصف شنه تنظيم داعش على ثكنة قرب مدينة الكفرة، وكانت المدينة "
            "شهدت في الأيام الماضية اشتباكات عنيفة بين قوات الوفاق ومسلحين.")
    report = article("k", text)
    shelling, clash = mentions_of(report, [place(text, "الكفرة")])
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    assert shelling.text.endswith("الكفرة") and clash.text.startswith("وكانت")
    assert clash.sub_event_type == "Armed clash" and clash.place.name == "الكفرة"
    assert [figure["value"] for figure in shelling.fatalities_reported] == [3]
    assert not clash.fatalities_reported
    for mention in (shelling, clash):
        assert report.text[mention.span[0]:mention.span[1]] == mention.text


def test_a_clause_retelling_or_causing_the_event_told_stays_with_it() -> None:
    # invented sentences: responsibility for the attack told, a bomb that caused the deaths
    for text in ("وقتل خمسة في تفجير انتحاري بمدينة الكفرة، وحملت السلطات تنظيم داعش "
                 "مسؤولية الهجوم.",
                 "واعتقلت الشرطة ثلاثة أشخاص في مدينة الكفرة، وقالت إن قوة الانفجار "
                 "دمرت مبنى.",
                 "وقتل جنديان في اشتباكات بمدينة الكفرة، إثر انفجار عبوة ناسفة."):
        assert len(mentions_of(article("t", text), [place(text, "الكفرة")])) == 1, text


def test_control_of_a_situation_is_not_ground_taken() -> None:
    # invented sentence
    text = "وتمكنت قوات الأمن من السيطرة على الموقف في مدينة الكفرة."
    assert mentions_of(article("m", text), [place(text, "الكفرة")]) == []


def test_actors_listed_before_a_word_of_a_side_are_one_side_after_between() -> None:
    # invented sentence
    text = ("واندلعت اشتباكات بين قوات الوفاق وميليشيات البقرة من جهة، وتنظيم داعش من "
            "جهة أخرى في مدينة الكفرة.")
    assert coded(text, "الكفرة") == (
        "Military Forces of Libya (2016-) Government of National Accord", "Islamic State")


def test_the_site_or_identity_of_a_told_event_points_back_to_it() -> None:
    # invented report
    text = ("قتل خمسة من رجال الأمن في تفجير انتحاري استهدف مسجدا في مدينة الكفرة.\n"
            "وتعمل السلطات على التعرف على هوية الانتحاري.\n"
            "وطوقت الشرطة موقع الانفجار.\n")
    mentions = mentions_of(article("i", text), [place(text, "الكفرة")])
    assert [m.told_before for m in mentions] == [False, True, True]


def test_strategic_developments_are_coded_with_acleds_sub_types() -> None:
    # invented sentences; ground held without a fight is not ground taken in battle
    for text, sub_type in (
            ("وسيطرت قوات الوفاق على مدينة الكفرة دون أي مقاومة.",
             "Non-violent transfer of territory"),
            ("وأعلنت حكومة الوفاق التعبئة العامة في مدينة الكفرة.", "Change to group/activity"),
            ("وبدأ الحوثيون نقل الأسرى من سجن مدينة الكفرة.", "Other"),
            ("وفي مدينة الكفرة مبنى قديم فجره تنظيم داعش.", "Looting/property destruction")):
        [mention] = mentions_of(article("g", text), [place(text, "الكفرة")])
        assert (mention.event_type, mention.sub_event_type) == (
            "Strategic developments", sub_type), text


def test_a_definite_event_noun_with_no_place_of_its_own_retells_the_event() -> None:
    # invented report: «القصف» retells the shelling; the one at a place of its own is new
    text = ("وقصفت قوات النظام بالمدفعية أحياء مدينة الكفرة.\n"
            "وأدى القصف إلى تدمير عدد من المنازل.\n"
            "وتعرضت مدينة سبها للقصف أيضا.\n")
    report = article("q", text)
    mentions = mentions_of(report, [place(text, "الكفرة"), place(text, "سبها")])
    assert [m.told_before for m in mentions] == [False, True, False]


def test_a_surrender_counts_no_dead_and_a_toll_beside_it_is_a_clash_of_its_own() -> None:
    # invented sentence: fighters killed, then fighters who gave themselves up, joined by
    # a speaker's participles (not «، و»)
    text = ("وقال المتحدث باسم الجيش الليبي إن المعارك في مدينة الكفرة مستمرة، مؤكدا مقتل "
            "31 إرهابيا، مشيرا إلى أن أكثر من 22 مسلحا سلموا أنفسهم.")
    report = article("s", text)
    clash, surrender = mentions_of(report, [place(text, "الكفرة")])
    assert (clash.sub_event_type, surrender.sub_event_type) == ("Armed clash", "Other")
    assert [figure["value"] for figure in clash.fatalities_reported] == [31]
    assert surrender.fatalities_reported == []
    assert surrender.text.startswith("مشيرا") and "31" not in surrender.text
    # they gave themselves up to the side whose spokesman tells it
    assert surrender.actor2 == "Military Forces of Libya (2014-) Libyan National Army"
    for mention in (clash, surrender):
        assert report.text[mention.span[0]:mention.span[1]] == mention.text


def test_a_toll_in_a_participle_clause_stays_with_a_fight_told_before_it() -> None:
    # invented sentence: the toll belongs to the strikes
    text = ("وقال المتحدث باسم الجيش الليبي إن الطيران شن غارات على مواقع داعش في مدينة "
            "الكفرة، مؤكدا مقتل 12 مسلحا.")
    [strike] = mentions_of(article("u", text), [place(text, "الكفرة")])
    assert strike.sub_event_type == "Air/drone strike"
    assert [figure["value"] for figure in strike.fatalities_reported] == [12]


def test_our_forces_in_a_spokesmans_words_are_the_force_he_speaks_for() -> None:
    # invented report: the spokesman's role names his side; «قواتنا» is that side
    text = ("وقال المتحدث باسم الجيش الليبي إن الوضع مستقر.\n"
            "وأضاف أن قواتنا سيطرت على مدينة الكفرة دون أي قتال.\n"
            "وقال شاهد إن قواتنا سيطرت على مدينة سبها دون أي قتال.\n")
    ours, unknown = mentions_of(article("o", text),
                                [place(text, "الكفرة"), place(text, "سبها")])
    assert ours.sub_event_type == "Non-violent transfer of territory"
    assert ours.actor1 == "Military Forces of Libya (2014-) Libyan National Army"
    assert unknown.actor1 is None  # a witness speaks for no force


def test_a_retelling_joins_the_event_it_names_with_a_word_of_another_kind() -> None:
    # invented report: «نفذت الهجوم.» (the sentence's last word, before its full stop)
    # retells the suicide bombing, though «الهجوم» alone would be an armed clash
    text = ("قتل عشرة أشخاص في تفجير انتحاري استهدف سوقا في مدينة الكفرة.\n"
            "وتضاربت المعلومات بشأن منفذ العملية، فيما قالت تقارير إن امرأة نفذت الهجوم.\n")
    report = article("h", text)
    bombing, retelling = mentions_of(report, [place(text, "الكفرة")])
    assert (bombing.event_type, retelling.event_type) == ("Explosions/Remote violence",
                                                          "Battles")
    assert retelling.told_before
    events = merge_events([bombing, retelling], [Story("s", "l", ["h"], None, None)],
                          [report], [])
    assert len(events) == 1 and len(events[0].spans) == 2


def test_an_explosion_of_knowledge_or_people_is_no_bomb() -> None:
    # invented sentence
    text = "وقال باحث إن الانفجار المعرفي في مدينة الكفرة غير حياة الناس."
    assert mentions_of(article("x", text), [place(text, "الكفرة")]) == []


def test_a_front_line_is_a_place_not_a_clash() -> None:
    # invented sentences; the shelling near the front line stands
    text = "ودخلت تركيا علنا على خط المواجهات في مدينة الكفرة."
    assert mentions_of(article("f", text), [place(text, "الكفرة")]) == []
    text = "وقصفت قوات النظام بالمدفعية قرى مدينة الكفرة القريبة من خطوط المواجهات."
    [shelling] = mentions_of(article("f", text), [place(text, "الكفرة")])
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"


def test_a_country_opening_a_reported_clause_acted_and_is_not_the_place() -> None:
    # invented sentences: Turkey struck; the strikes were in Kufra
    text = "وقال مسؤول إن تركيا شنت غارات جوية على مواقع في مدينة الكفرة."
    at = text.index("تركيا")
    turkey = PlaceHit(at, at + len("تركيا"), "Turkey", "Turkey", None, 39.0, 35.0, 3)
    [strike] = mentions_of(article("c", text), [turkey, place(text, "الكفرة")])
    assert strike.place.name == "الكفرة"
    assert strike.actor1 == "Military Forces of Turkey"
    # a country that is the only place named stays the place
    text = "وقال مسؤول إن تركيا شهدت اشتباكات عنيفة."
    at = text.index("تركيا")
    turkey = PlaceHit(at, at + len("تركيا"), "Turkey", "Turkey", None, 39.0, 35.0, 3)
    [clash] = mentions_of(article("c", text), [turkey])
    assert clash.place.name == "Turkey"
    assert clash.actor1 != "Military Forces of Turkey"


def test_an_attack_with_its_possessor_glued_is_an_event() -> None:
    # invented sentence
    text = "وقالت الشرطة إن ثلاثة من أفرادها أصيبوا أثناء هجومهم على ثكنات داعش في مدينة الكفرة."
    [attack] = mentions_of(article("p", text), [place(text, "الكفرة")])
    assert (attack.sub_event_type, attack.place.name) == ("Armed clash", "الكفرة")


def test_a_bombing_told_in_a_province_then_in_its_town_is_one_event() -> None:
    # invented report: the province in the lead, the town inside it in the next sentence
    text = ("قتل أربعة جنود اليوم إثر انفجار عبوة ناسفة بمحافظة الجبل الأخضر.\n"
            "وقال المتحدث العسكري اليوم إن مسلحين زرعوا العبوة الناسفة على طريق بمدينة "
            "شحات، ما أسفر عن مقتل أربعة جنود.\n")
    report = article("p", text)
    start = text.index("الجبل الأخضر")
    town = PlaceHit(text.index("شحات"), text.index("شحات") + 4, "Shahhat", "Libya",
                    "Al Jabal al Akhdar", 32.8, 21.86, 1)
    today = [DateHit(at, at + 5, "2025-03-10", "day") for at in
             (text.index("اليوم"), text.index("اليوم", text.index("اليوم") + 1))]
    # the region named as ACLED's admin1, or as news names it with that admin1
    for name, admin1 in (("Al Jabal al Akhdar", None),
                         ("Al Jabal al Akhdar District", "Al Jabal al Akhdar")):
        province = PlaceHit(start, start + len("الجبل الأخضر"), name, "Libya", admin1,
                            32.6, 21.6, 3)
        mentions = mentions_of(report, [province, town], today)
        assert len(mentions) == 2
        [event] = merge_events(mentions, [Story("s", "l", ["p"], None, None)], [report], [])
        assert event.location == "Shahhat" and event.fatalities == 4


def test_whom_a_crowd_stands_with_is_not_where_and_near_a_town_is_by_it() -> None:
    # invented sentences
    text = "وتضامنا مع مدينة سبها تظاهر مئات في مدينة الكفرة."
    [mention] = mentions_of(article("s", text), [place(text, "سبها"), place(text, "الكفرة")])
    assert mention.place.name == "الكفرة"
    # «من» after «بالقرب» is not «from»
    text = "وقتل خمسة في غارة جوية بالقرب من الكفرة في ليبيا."
    [mention] = mentions_of(article("n", text), [place(text, "الكفرة"),
                                                 place(text, "ليبيا", precision=3)])
    assert mention.place.name == "الكفرة"


def test_a_place_in_the_clause_of_what_led_to_the_event_is_not_its_place() -> None:
    # invented sentence: the police were killed in Sabha; the strikes hit elsewhere
    text = ("وبعد مقتل اثنين من رجال الشرطة في مدينة سبها، شن الطيران غارات جوية على مواقع "
            "المسلحين في منطقة الجفرة.")
    [mention] = mentions_of(article("c", text), [place(text, "سبها"),
                                                 place(text, "الجفرة", precision=3)])
    assert mention.sub_event_type == "Air/drone strike" and mention.place.name == "الجفرة"


def test_a_toll_over_the_period_a_report_counted_over_is_no_event() -> None:
    # invented report: a ten-month total, then «this period» of it
    text = ("وقتل 300 مسلح في غارات جوية على مدينة الكفرة خلال 10 أشهر.\n"
            "وقتل 17 مدنيا في الغارات الجوية على مدينة الكفرة خلال هذه الفترة.\n")
    assert mentions_of(article("p", text), [place(text, "الكفرة")]) == []
    # without the total before it, «this period» is no period of weeks
    text = "وقتل 17 مدنيا في غارات جوية على مدينة الكفرة خلال هذه الفترة."
    assert len(mentions_of(article("q", text), [place(text, "الكفرة")])) == 1


def test_a_day_that_ends_a_long_period_does_not_make_its_count_an_event() -> None:
    # invented sentences: «حتى اليوم» ends the ten months; «اليوم» alone is the day of it
    for text, events in (
            ("وقتل 300 مسلح في غارات جوية على مدينة الكفرة خلال 10 أشهر وحتى اليوم.", 0),
            ("وقتل 30 مسلحا في غارات جوية على مدينة الكفرة اليوم بعد معارك دامت 10 أشهر.", 1)):
        today = text.index("اليوم")
        dates = [DateHit(today, today + len("اليوم"), "2025-03-10", "day")]
        assert len(mentions_of(article("u", text), [place(text, "الكفرة")], dates)) == events


def test_a_place_that_says_where_the_one_before_it_lies_is_not_where() -> None:
    # invented sentence: the clashes are in the region, which lies north of the town
    text = "وفي محافظة الجفرة شمال سبها اندلعت اشتباكات بين قوات الوفاق ومسلحين."
    [mention] = mentions_of(article("l", text), [place(text, "الجفرة", precision=3),
                                                 place(text, "سبها")])
    assert mention.place.name == "الجفرة"


def kind(text: str, town: str) -> tuple:
    [mention] = mentions_of(article("k", text), [place(text, town)])
    return mention.event_type, mention.sub_event_type, mention.actor1, mention.actor2


def test_a_strike_verb_with_an_aircraft_for_subject_is_an_air_strike():
    # invented sentences
    air = ("Explosions/Remote violence", "Air/drone strike")
    # «قصف» alone is shelling; with an aircraft after it, an air strike
    assert kind("قصفت مقاتلات الجيش الوطني الليبي رتلا للمسلحين في مدينة الكفرة.",
                "الكفرة")[:3] == (*air, "Military Forces of Libya (2014-) Libyan National Army")
    assert kind("قصفت القوات رتلا للمسلحين في مدينة الكفرة.", "الكفرة")[:2] == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    # «استهدف» and «تدمير» are no event words, but an aircraft before them strikes
    assert kind("وقال المصدر إن الطيران استهدف مخازن للسلاح في مدينة الكفرة.",
                "الكفرة")[:2] == air
    assert kind("ونجحت طائرات الجيش في تدمير مخازن للسلاح في مدينة الكفرة.",
                "الكفرة")[:2] == air
    assert not mentions_of(article("k", "استهدفت الخطة تطوير مدينة الكفرة."), [])
    # an aircraft destroyed is no strike
    assert not mentions_of(article("k", "وأعلن الجيش تدمير طائرات في مطار الكفرة."), [])
    # only a state's forces fly: the rebels who hold the town did not strike it
    assert kind("تحطمت طائرة حربية أثناء قصفها حيا في مدينة الكفرة التي تسيطر عليها "
                "فصائل المعارضة.", "الكفرة")[:3] == (*air, None)


def test_an_armed_group_that_arrests_people_abducts_them():
    # invented sentences
    assert kind("اعتقل تنظيم داعش 38 مواطنا في مدينة الكفرة أمس.", "الكفرة") == (
        "Violence against civilians", "Abduction/forced disappearance", "Islamic State",
        "Civilians (Libya)")
    # its members arrested, or a verbal noun: the state's police arrested them
    assert kind("اعتقلت عناصر من داعش في مدينة الكفرة.", "الكفرة")[1:3] == (
        "Arrests", "Police Forces of Libya")
    assert kind("وأعلنت الشرطة اعتقال تنظيم داعش في مدينة الكفرة.", "الكفرة")[1] == "Arrests"


def test_a_blast_named_again_at_its_place_without_a_day_is_the_same_blast() -> None:
    # invented report; the second sentence places the blast again, with no day of its own
    text = ("قالت مصادر إن 18 مجندا بالشرطة على الأقل أصيبوا يوم الأحد في انفجار عبوة ناسفة "
            "استهدف حافلة بمدينة "
            "الكفرة.\nوذكرت المصادر أن الانفجار وقع على الطريق الساحلي بالكفرة.\n"
            "واعتقلت الشرطة خمسة أشخاص في الكفرة.\nوقالت إن الاعتقال جرى في الكفرة.\n")
    report = article("b", text, published="2025-03-10")
    sunday = text.index("يوم الأحد")
    towns = [PlaceHit(at, at + 6, "الكفرة", "Libya", None, 24.2, 23.3, 1)
             for at in (text.index("الكفرة"), text.index("بالكفرة") + 1,
                        text.index("الكفرة", text.index("خمسة")),
                        text.rindex("الكفرة"))]
    mentions = mentions_of(report, towns, [DateHit(sunday, sunday + 9, "2025-03-09", "day")])
    # the police bused to their leave were hurt: they are actor2, not who set the bomb
    assert mentions[0].actor2 == "Police Forces of Libya" != mentions[0].actor1
    events = merge_events(mentions, [Story("s", "l", ["b"], None, None)], [report], [])
    [blast] = [event for event in events if event.event_type == "Explosions/Remote violence"]
    assert len(blast.spans) == 2
    # an arrest is not an attack named again: its two sentences stay as they were
    assert len([event for event in events if event.sub_event_type == "Arrests"]) == 2


def test_yemens_sides_by_the_names_news_gives_them():
    # invented sentences: the pro-government side and the Houthis as Saudi news names them
    def yemen(text: str, town: str, country: str = "Yemen") -> tuple:
        at = text.index(town)
        hit = PlaceHit(at, at + len(town), town, country, None, 13.6, 44.0, 1)
        [mention] = mentions_of(article("y", text), [hit])
        return mention.actor1, mention.actor2
    assert yemen("وتواصلت المواجهات بين القوات الموالية للشرعية وميليشيات المتمردين في تعز.",
                 "تعز") == ("Military Forces of Yemen (2012-) Hadi faction",
                           "Ansar Allah (Houthis)")
    # a name that says «الحوثي» is the Houthis wherever the shells fall
    assert yemen("سقطت مقذوفات أطلقها المتمردون الحوثيون على قرية في الطوال.", "الطوال",
                 "Saudi Arabia")[0] == "Ansar Allah (Houthis)"


def test_an_event_word_inside_an_armed_groups_name_tells_no_event():
    # invented sentences
    for text in ("وقضت المرأة حكما بالسجن لانتمائها إلى جبهة جيش تحرير الشعب الثوري في الكفرة.",
                 "وقال إن عناصر من هيئة تحرير الشام وصلوا إلى الكفرة."):
        assert mentions_of(article("g", text), [place(text, "الكفرة")]) == [], text
    # a name that starts with its event word still tells it
    text = "وشن سلاح الجو الليبي ضربات على مواقع في الكفرة."
    [strike] = mentions_of(article("g", text), [place(text, "الكفرة")])
    assert strike.sub_event_type == "Air/drone strike"


def test_gunfire_is_a_clash_or_an_attack_on_civilians_but_a_ceasefire_is_neither():
    # invented sentences
    assert kind("وأطلق مسلحون النار على دورية للشرطة في مدينة الكفرة.", "الكفرة")[:2] == (
        "Battles", "Armed clash")
    assert kind("وفتح مسلحون النار على المدنيين في سوق مدينة الكفرة.", "الكفرة")[:2] == (
        "Violence against civilians", "Attack")
    text = "وأعلن الطرفان وقف إطلاق النار في مدينة الكفرة."
    assert all(mention.event_type != "Battles"
               for mention in mentions_of(article("f", text), [place(text, "الكفرة")]))
