"""Places as entities: one per gazetteer place, with coordinates (a district's city's)."""

from __future__ import annotations

from khabar.link.places import place_entities, resolve_places
from khabar.model import Article

TEXT = "تقدمت القوات في حي الأربعمائة شرق مدينة درنة، وقال مسؤول في درنة إن المعارك مستمرة."


def test_every_place_is_one_entity_and_a_district_takes_its_citys_coordinates() -> None:
    report = Article(id="a", source="a.txt", outlet=None, url=None, title=None,
                     published=None, text=TEXT, sha256="a")
    found = place_entities(resolve_places([report]), {report.id: report.text})
    entities = {entity.name_en: entity for entity in found}
    derna = entities["Derna"]
    assert derna.type == "GPE" and len(derna.mentions) == 2
    assert all(TEXT[m.span[0]:m.span[1]] == m.text for m in derna.mentions)
    district = next(e for e in entities.values() if e.geo and e.geo["kind"] == "district")
    assert district.type == "LOC" and district.geo["precision"] == 2
    assert (district.geo["lat"], district.geo["lon"]) == (derna.geo["lat"], derna.geo["lon"])


def test_a_place_mention_keeps_its_kind_word_and_a_place_inside_a_name_is_no_mention() -> None:
    text = "قصفت الطائرات مواقع في مدينة درنة، وقاتلت كتيبة شهداء أبو سليم في دولة ليبيا."
    report = Article(id="b", source="b.txt", outlet=None, url=None, title=None,
                     published=None, text=text, sha256="b")
    found = place_entities(resolve_places([report]), {report.id: report.text})
    written = {m.text for entity in found for m in entity.mentions}
    assert "مدينة درنة" in written  # the kind of place is part of its name as written
    assert "ليبيا" in written and "دولة ليبيا" not in written  # a country is its name
    assert not any("سليم" in form for form in written)  # the brigade's, not Abu Salim's
    for entity in found:
        for mention in entity.mentions:
            assert text[mention.span[0]:mention.span[1]] == mention.text


def test_an_adjective_of_the_kind_of_place_after_a_cued_place_is_part_of_its_mention() -> None:
    # invented sentence: «الساحلية» describes the city; after an uncued place it may
    # describe the noun before it (the crossings)
    text = "بدأت عملية تطهير مدينة درنة الساحلية، وأغلقت منافذ طبرق الحدودية."
    report = Article(id="c", source="c.txt", outlet=None, url=None, title=None,
                     published=None, text=text, sha256="c")
    found = place_entities(resolve_places([report]), {report.id: report.text})
    written = {m.text for entity in found for m in entity.mentions}
    assert "مدينة درنة الساحلية" in written
    assert "طبرق" in written and "طبرق الحدودية" not in written


def test_a_country_adjective_is_a_mention_of_its_country_but_not_inside_an_actor() -> None:
    text = ("قال الرئيس التركي إن الجيش الليبي دخل مدينة درنة الليبية، "
            "وإن الليبيين ينتظرون.")
    report = Article(id="c", source="c.txt", outlet=None, url=None, title=None,
                     published=None, text=text, sha256="c")
    found = place_entities(resolve_places([report]), {report.id: report.text})
    by_name = {entity.name_en: [m.text for m in entity.mentions] for entity in found}
    assert by_name["Turkey"] == ["التركي"]
    # «الجيش الليبي» is an organization, «درنة الليبية» a qualified town, «الليبيين» people
    assert "Libya" not in by_name
    # the qualifying adjective of the town's own country is part of the town's mention
    assert by_name["Derna"] == ["مدينة درنة الليبية"]


def test_a_place_name_that_is_an_outlets_is_no_place() -> None:
    text = "وقال مسؤول لـ«الشرق الأوسط» إن الوفد وصل إلى الرياض، بحسب صحيفة الرياض."
    report = Article(id="c", source="c.txt", outlet=None, url=None, title=None,
                     published=None, text=text, sha256="c")
    resolved = resolve_places([report])[report.id]
    assert [(place.start, place.location) for place in resolved] == [
        (text.index("الرياض"), "Riyadh")]
