"""Places as entities: one per gazetteer place, with coordinates (a district's city's)."""

from __future__ import annotations

from khabar.link.places import place_entities, resolve_places
from khabar.model import Article

TEXT = "تقدمت القوات في حي الأربعمائة شرق مدينة درنة، وقال مسؤول في درنة إن المعارك مستمرة."


def test_every_place_is_one_entity_and_a_district_takes_its_citys_coordinates() -> None:
    report = Article(id="a", source="a.txt", outlet=None, url=None, title=None,
                     published=None, text=TEXT, sha256="a")
    entities = {entity.name_en: entity for entity in place_entities(resolve_places([report]))}
    derna = entities["Derna"]
    assert derna.type == "GPE" and len(derna.mentions) == 2
    assert all(TEXT[m.span[0]:m.span[1]] == m.text for m in derna.mentions)
    district = next(e for e in entities.values() if e.geo and e.geo["kind"] == "district")
    assert district.type == "LOC" and district.geo["precision"] == 2
    assert (district.geo["lat"], district.geo["lon"]) == (derna.geo["lat"], derna.geo["lon"])
