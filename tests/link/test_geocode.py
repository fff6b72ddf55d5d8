"""Geocoder: place names found in invented sentences, resolved from their context."""

import pytest

from khabar.link.geocode import (
    Gazetteer,
    Place,
    distance_km,
    find_places,
    load_gazetteer,
    resolve,
)


def place(id: str, name: str, kind: str, country: str, lat: float | None, lon: float | None,
          parent: str | None = None, cue: str = "", **extra) -> Place:
    return Place(id=id, name=name, name_en=id, kind=kind, country=country, admin1="",
                 lat=lat, lon=lon, parent=parent, source="team", cue=cue, **extra)


# A small gazetteer, so the rules are tested apart from the shipped data.
SMALL = Gazetteer.from_places([
    place("LY", "ليبيا", "country", "LY", 26.3, 17.2, demonyms=("ليبي",)),
    place("LB", "لبنان", "country", "LB", 33.9, 35.9, demonyms=("لبناني",)),
    place("LY:tripoli", "طرابلس", "city", "LY", 32.9, 13.2, capital=True),
    place("LB:tripoli", "طرابلس", "city", "LB", 34.4, 35.8),
    place("LB:beirut", "بيروت", "city", "LB", 33.9, 35.5, capital=True),
    place("LY:benghazi", "بنغازي", "city", "LY", 32.1, 20.1),
    place("LY:bayda", "البيضاء", "city", "LY", 32.8, 21.8, cue="context"),
    place("LY:khadra", "الخضراء", "village", "LY", 32.4, 13.7, cue="strict"),
    place("LY:ain-zara", "عين زارة", "district", "LY", 32.8, 13.3, parent="LY:tripoli"),
])


def texts(mentions) -> list[str]:
    return [m.text for m in mentions]


@pytest.mark.parametrize(("sentence", "name"), [
    ("اندلعت اشتباكات بدرنة فجر اليوم.", "درنة"),
    ("ووصلت التعزيزات إلى مصراتة وطرابلس مساء أمس.", "طرابلس"),
    ("وعاد الوفد لبنغازي بعد جولة المفاوضات.", "بنغازي"),
    ("والتقى المبعوث وزير الخارجية في بيروت والقاهرة.", "القاهرة"),
    ("وتوجه الوفد للقاهرة صباح الأحد.", "لقاهرة"),  # ل + القاهرة, the alef dropped
    ("وبمصراتة انتهت الجولة الأولى.", "مصراتة"),
])
def test_geocode_finds_names_behind_proclitics_with_round_trip_spans(sentence, name):
    mentions = find_places(sentence)
    assert name in texts(mentions)
    for mention in mentions:
        assert sentence[mention.start:mention.end] == mention.text


def test_geocode_spans_point_into_the_original_with_diacritics_and_tatweel():
    sentence = "قصفت الطائرات مواقعَ في بنغـازي وطَرابلس."
    mentions = find_places(sentence)
    assert texts(mentions) == ["بنغـازي", "طَرابلس"]
    assert all(sentence[m.start:m.end] == m.text for m in mentions)


@pytest.mark.parametrize(("sentence", "name", "place_id"), [
    ("أعلنت الحكومة حالة الطوارئ في طرابلس الغرب كلها.", "طرابلس الغرب", "LY:tripolitania"),
    ("وتعرض مطار معيتيقة لقصف صاروخي.", "مطار معيتيقة", "LY:mitiga-airport"),
    ("ودارت معارك عنيفة في عين زارة جنوبا.", "عين زارة", "LY:ain-zara"),
])
def test_geocode_takes_the_longest_name(sentence, name, place_id):
    mentions = find_places(sentence)
    assert texts(mentions) == [name]
    assert place_id in {p.id for p in mentions[0].candidates}


def test_geocode_tripoli_alone_is_libyan():
    resolved = resolve(find_places("وصل المبعوث الأممي إلى طرابلس لإجراء محادثات."))
    assert [r.place.id for r in resolved] == ["LY:tripoli"]
    assert resolved[0].geo_precision == 1


@pytest.mark.parametrize("sentence", [
    "وقال مسؤول في بيروت إن اشتباكات اندلعت في طرابلس ليلا.",
    "واندلعت اشتباكات في طرابلس شمال لبنان.",
    "وشهدت مدينة طرابلس اللبنانية احتجاجات واسعة.",
    "وأكد الجيش اللبناني أن الوضع في طرابلس هادئ.",
])
def test_geocode_tripoli_beside_lebanon_is_lebanese(sentence):
    resolved = resolve(find_places(sentence), sentence)
    tripoli = [r for r in resolved if r.place.name_en == "Tripoli"]
    assert tripoli and all(r.country == "LB" for r in tripoli)


def test_geocode_district_resolves_to_its_city_with_precision_two():
    resolved = resolve(find_places("وتواصلت الاشتباكات في عين زارة وأبو سليم."))
    assert [r.place.id for r in resolved] == ["LY:ain-zara", "LY:abu-salim"]
    tripoli = load_gazetteer().by_id["LY:tripoli"]
    for r in resolved:
        assert r.geo_precision == 2
        assert (r.lat, r.lon) == (tripoli.lat, tripoli.lon)
        assert r.location == "Tripoli"
        assert r.admin1 == "Tripoli"


def test_geocode_country_has_precision_three():
    resolved = resolve(find_places("وأعلنت مصر دعمها لجهود التسوية."))
    assert [(r.place.id, r.geo_precision) for r in resolved] == [("EG", 3)]


def test_geocode_near_a_town_has_precision_two():
    resolved = resolve(find_places("وقصف الطيران مواقع شرق درنة."))
    assert [(r.place.id, r.geo_precision) for r in resolved] == [("LY:derna", 2)]


def test_geocode_country_named_like_its_capital_is_the_country_unless_a_cue_says_city():
    assert [r.place.kind for r in resolve(find_places("وصل لاجئون من تونس."))] == ["country"]
    resolved = resolve(find_places("وعقد الاجتماع في مدينة تونس."))
    assert [(r.place.kind, r.geo_precision) for r in resolved] == [("city", 1)]


@pytest.mark.parametrize("sentence", [
    "وزرعت البلدية الأشجار في المساحات الخضراء.",
    "ورفع المقاتلون الراية البيضاء.",
])
def test_geocode_common_word_that_names_a_village_is_no_place_without_a_cue(sentence):
    assert find_places(sentence, gazetteer=SMALL) == []


def test_geocode_common_word_is_a_place_after_a_cue_word():
    mentions = find_places("ووصلت القافلة إلى بلدة الخضراء مساء أمس.", gazetteer=SMALL)
    assert [(m.text, m.cue, m.candidates[0].id) for m in mentions] == [
        ("الخضراء", "بلدة", "LY:khadra")]


@pytest.mark.parametrize("cue", ["بإقليمي", "بمحافظتي", "بمنفذ", "بمركز", "بقطاع"])
def test_geocode_dual_and_administrative_cue_words_cue_a_strict_name(cue):
    mentions = find_places(f"وقتل جنديان {cue} الخضراء وبنغازي.", gazetteer=SMALL)
    assert texts(mentions)[:1] == ["الخضراء"]


def test_geocode_context_name_needs_a_locative_in_a_text_about_its_country():
    assert find_places("وصل الوفد إلى البيضاء.", gazetteer=SMALL) == []
    mentions = find_places("وصل الوفد إلى البيضاء قادما من بنغازي.", gazetteer=SMALL)
    assert texts(mentions) == ["البيضاء", "بنغازي"]


def test_geocode_words_opening_a_list_of_places_are_a_locative():
    assert find_places("وقال إن بينها البيضاء.", gazetteer=SMALL) == []
    sentence = "وقصفت الطائرات مدنا ليبية عدة من بينها البيضاء وبنغازي."
    assert texts(find_places(sentence, gazetteer=SMALL)) == ["البيضاء", "بنغازي"]


def test_geocode_cue_marks_can_be_ignored_for_measuring():
    assert texts(find_places("ورفع المقاتلون الراية البيضاء.", gazetteer=SMALL,
                             cues=False)) == ["البيضاء"]


def test_geocode_list_after_a_cue_shares_it():
    sentence = "وحرر الجيش مناطق في محاور صلاح الدين والخلة وعين زارة."
    assert texts(find_places(sentence)) == ["صلاح الدين", "الخلة", "عين زارة"]


def test_geocode_marks_places_inside_organization_names():
    mentions = find_places("وتسيطر جماعة مجلس شورى مجاهدي درنة على المدينة.")
    assert [(m.text, m.within_name) for m in mentions] == [("درنة", "مجاهدي")]


def test_geocode_capital_named_by_its_country_adjective():
    resolved = resolve(find_places("وتواصلت المعارك جنوب العاصمة الليبية."))
    assert [(r.text, r.place.id) for r in resolved] == [("العاصمة الليبية", "LY:tripoli")]
    assert texts(find_places("ووصل إلى العاصمة الليبية طرابلس.")) == ["طرابلس"]


def test_geocode_country_adjectives_only_on_request():
    sentence = "وقال مسؤول في قناة الحرة الأمريكية إن أحدهم أفغاني."
    assert find_places(sentence) == []
    mentions = find_places(sentence, adjectives=True)
    assert [(m.text, m.candidates[0].id, m.adjective) for m in mentions] == [
        ("الأمريكية", "US", True), ("أفغاني", "AF", True)]


def test_geocode_a_country_named_like_its_adjective_after_a_definite_noun_is_the_adjective():
    sentence = "وردت القوات السعودية على القصف، ثم عاد الوفد إلى السعودية."
    assert texts(find_places(sentence)) == ["السعودية"]
    assert find_places(sentence)[0].start == sentence.rindex("السعودية")
    with_adjectives = find_places(sentence, adjectives=True)
    assert [(m.start, m.adjective) for m in with_adjectives] == [
        (sentence.index("السعودية"), True), (sentence.rindex("السعودية"), False)]


def test_geocode_accepts_a_swapped_pair_in_a_long_site_name():
    mentions = find_places("وتعرض مطار معيتقية لقصف.")
    assert [(m.text, m.corrected) for m in mentions] == [("مطار معيتقية", "مطار معيتيقة")]


def test_geocode_small_gazetteer_resolution_weighs_the_other_places():
    mentions = find_places("التقى الوزير في طرابلس نظيره قبل أن يعود إلى بيروت.", gazetteer=SMALL)
    resolved = resolve(mentions, gazetteer=SMALL)
    assert [r.place.id for r in resolved] == ["LB:tripoli", "LB:beirut"]


@pytest.mark.parametrize("text", ["", "   \n\t", ".،؟", "123"])
def test_geocode_empty_or_placeless_text(text):
    assert find_places(text) == []
    assert resolve(find_places(text), text) == []


def test_geocode_shipped_gazetteer_is_consistent():
    gaz = load_gazetteer()
    kinds = {"country", "region", "city", "town", "village", "hamlet", "district", "site"}
    assert len(gaz.places) > 1000
    for p in gaz.places:
        assert p.kind in kinds and p.source in {"osm", "babel", "team", "team+osm", "team+geonames",
                                                 "geonames"}
        assert p.cue in {"", "context", "strict"}
        if p.parent:
            parent = gaz.by_id[p.parent]
            assert parent.lat is not None
            assert distance_km(p.lat, p.lon, parent.lat, parent.lon) < 40 if p.lat else True
        else:
            assert p.lat is not None and p.lon is not None, p.id
    assert {"LY", "LB", "EG", "TN", "SA", "US", "RU", "CN", "TD", "NE", "ML"} <= set(gaz.by_id)


def test_geocode_a_regional_town_from_geonames_needs_context():
    text = "قصفت الطائرات مديرية كرش في محافظة لحج اليمنية، وتقدمت القوات داخل المدينة."
    places = resolve(find_places(text), text)
    by_text = {place.text: place for place in places}
    assert by_text["كرش"].country == "YE" and by_text["كرش"].place.source == "geonames"
    assert "المدينة" not in by_text  # «the city», not Medina
    # the same word with no place context is no town
    assert not [p for p in resolve(find_places("ملأ كرش الرجل"), "ملأ كرش الرجل")
                if p.text == "كرش"]
