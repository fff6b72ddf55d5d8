from khabar.extract.ner import NameSpan
from khabar.extract.statements import find_statements
from khabar.link.entities import link_entities
from tests.extract.conftest import make

FIRST = """قال العميد نادر الصافي، المتحدث باسم قيادة العمليات، إن القوات استعادت المدخل.
وأكد الصافي أن الاشتباكات انتهت.
وأضاف أن الألغام تعرقل التقدم.
"""
SECOND = """وأوضح اللواء نادر الصافى أن المعركة دخلت مرحلتها الأخيرة.
وقال المتحدث باسم قيادة العمليات إن القوات تقدمت.
"""
OTHER = """وقال الدكتور سامي الصافي مدير المستشفى إن عشرة جرحى وصلوا.
"""


def linked(*texts):
    articles = [make(text, published=f"201{n}-05-01") for n, text in enumerate(texts, 8)]
    statements = find_statements(articles)
    entities = link_entities(articles, statements)
    return articles, statements, entities


def test_entities_one_person_across_spellings_titles_and_partial_names():
    _, statements, entities = linked(FIRST, SECOND)
    person = next(e for e in entities if e.name == "نادر الصافي")
    assert {s.speaker for s in statements} == {person.id}  # dropped subjects too
    assert [entry["title"] for entry in person.title_history][:2] == ["العميد", "اللواء"]
    assert person.title_history[0]["first"] == "2018-05-01"
    texts = {m.text for m in person.mentions}
    assert {"الصافي", "اللواء نادر الصافى"} <= texts
    # the name inside a titled mention is no mention of its own
    assert "نادر الصافى" not in texts


def test_entities_apposition_is_a_mention_of_its_own():
    _, _, entities = linked(FIRST)
    person = next(e for e in entities if e.name == "نادر الصافي")
    texts = {m.text for m in person.mentions}
    assert {"العميد نادر الصافي", "المتحدث باسم قيادة العمليات"} <= texts
    assert not any("،" in text for text in texts)


LATTER = """اتصل الرئيس سامر الخطيب بالمشير كريم الدالي قائد القوات البرية، \
مثنيا على جهود الأخير في المعركة.
وقال مسؤول إن الأسبوع الأخير شهد هدوءا.
"""


def test_entities_latter_is_the_person_named_last_and_titles_after_a_preposition():
    articles, _, entities = linked(LATTER)
    text = articles[0].text
    person = next(e for e in entities if e.name == "كريم الدالي")
    texts = {m.text for m in person.mentions}
    assert "المشير كريم الدالي" in texts  # «بالمشير»: the preposition stays out
    latter = [m for m in person.mentions if m.text == "الأخير"]
    assert len(latter) == 1  # «الأسبوع الأخير» is no anaphor
    assert latter[0].span[0] == text.index("الأخير")
    other = next(e for e in entities if e.name == "سامر الخطيب")
    assert "الأخير" not in {m.text for m in other.mentions}


def test_entities_a_title_before_a_family_name_is_the_person_named_in_full():
    _, _, entities = linked("قال المشير كريم حداد إن القوات تقدمت.\n"
                            "ويحاول المشير حداد استعادة المدينة.\n"
                            "ووصل اللواء الثالث إلى المدينة.\n")
    person = next(e for e in entities if e.name == "كريم حداد")
    assert "المشير حداد" in {m.text for m in person.mentions}
    assert not any(m.text == "اللواء الثالث" for e in entities for m in e.mentions)


def test_entities_mentions_round_trip():
    articles, _, entities = linked(FIRST, SECOND)
    text = {article.id: article.text for article in articles}
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.doc_id][mention.span[0]:mention.span[1]] == mention.text


def test_entities_same_family_name_different_first_names_stay_apart():
    _, statements, entities = linked(FIRST, OTHER)
    people = {e.name for e in entities if e.type == "PER"}
    assert {"نادر الصافي", "سامي الصافي"} <= people
    assert len({s.speaker for s in statements}) == 2


# Invented: forces under several names, a unit of one, and people named without a title.
FORCES = """أعلنت قوات حفتر السيطرة على الميناء، وقال الجيش الوطني الليبي إن الجيش يواصل تقدمه.
وشاركت قوات الصاعقة في الهجوم.
والتقى دونالد ترامب بالرئيس رجب طيب أردوغان في واشنطن، وقال ترامب إن اللقاء كان جيدا.
"""


def test_entities_one_organization_per_actor_under_its_names_and_units_apart():
    articles, _, entities = linked(FORCES)
    army = next(e for e in entities if e.name_en and "Libyan National Army" in e.name_en)
    assert army.type == "ORG" and army.name == "الجيش الوطني الليبي"
    written = {m.text for m in army.mentions}
    # «الجيش» alone is the one specific force of the report
    assert {"قوات حفتر", "الجيش الوطني الليبي", "الجيش"} <= written
    assert "قوات الصاعقة" not in written
    unit = next(e for e in entities if any(m.text == "قوات الصاعقة" for m in e.mentions))
    assert unit.id != army.id and unit.type == "ORG"
    text = articles[0].text
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.span[0]:mention.span[1]] == mention.text


def test_entities_people_named_without_a_title_come_from_the_ner_model():
    _, _, entities = linked(FORCES)
    people = {e.name: e for e in entities if e.type == "PER"}
    assert "دونالد ترامب" in people
    assert "ترامب" in {m.text for m in people["دونالد ترامب"].mentions}
    without = link_entities([make(FORCES)], [], use_names=False)
    assert "دونالد ترامب" not in {e.name for e in without}


def test_entities_a_person_titled_in_one_report_is_found_by_name_in_another():
    # invented reports; the NER model misses the name in the second
    articles, _, entities = linked("وقال العقيد معمر الصافي إن القوات تقدمت.",
                                   "منذ سقوط نظام معمر الصافي عام 2011.")
    person = next(e for e in entities if e.name == "معمر الصافي")
    assert (articles[1].id, "معمر الصافي") in {(m.doc_id, m.text) for m in person.mentions}


def test_entities_names_over_a_place_are_left_to_the_places_stage():
    article = make("وصل الوفد إلى مدينة مصراتة أمس.\n")
    place = article.text.index("مصراتة")
    spans = {article.id: [(place, place + len("مصراتة"))]}
    entities = link_entities([article], [], spans)
    assert not any(m.span[0] < place + 6 and place < m.span[1]
                   for e in entities for m in e.mentions)


def test_entities_news_outlets_named_in_the_text_are_organizations():
    text = ("وقال المتحدث في حوار أجرته \"العين الإخبارية\" معه إن القوات تقدمت.\n"
            "وذكرت صحيفة الرياض أن الوفد وصل إلى الرياض.\n")
    article = make(text)
    entities = link_entities([article], [])
    outlets = {e.name_en: e for e in entities if e.type == "ORG" and e.name_en}
    assert {"Al-Ain News", "Al Riyadh"} <= set(outlets)
    riyadh = outlets["Al Riyadh"]
    assert [m.span[0] for m in riyadh.mentions] == [text.index("الرياض")]
    assert all(article.text[m.span[0]:m.span[1]] == m.text
               for e in outlets.values() for m in e.mentions)


def test_entities_a_person_an_actor_is_named_after_is_a_person_too():
    article = make("وردت حكومة فايز السراج بإعلان التعبئة العامة.\n")
    entities = link_entities([article], [])
    government = next(e for e in entities if e.type == "ORG")
    assert [m.text for m in government.mentions] == ["حكومة فايز السراج"]
    person = next(e for e in entities if e.type == "PER")
    assert [m.text for m in person.mentions] == ["فايز السراج"]


def test_entities_our_forces_in_a_spokesmans_words_are_the_force_he_speaks_for():
    # invented report: the spokesman's role names his side; a witness speaks for none
    articles, _, entities = linked(
        "قال العميد نادر الصافي، المتحدث باسم الجيش الوطني الليبي، إن الوضع مستقر.\n"
        "وأضاف أن قواتنا تتقدم في حي الأربعمائة.\n"
        "وقال شاهد إن جنودنا تعبوا.\n")
    army = next(e for e in entities if e.name_en and "Libyan National Army" in e.name_en)
    text = articles[0].text
    ours = [m for m in army.mentions if m.text == "قواتنا"]
    assert len(ours) == 1 and text[ours[0].span[0]:ours[0].span[1]] == "قواتنا"
    assert not any(m.text == "جنودنا" for e in entities for m in e.mentions)


def test_entities_a_name_the_model_cut_short_is_the_person_named_in_full():
    # invented sentence; the model is made to return the name without its last word
    text = "وذكر رئيس مجلس أعيان المدينة، عبد العزيز الشيخ، أن المدينة هادئة.\n"
    article = make(text, published="2018-05-01")
    start = text.index("عبد العزيز")
    cut = NameSpan(start, start + len("عبد العزيز"), "PER", "عبد العزيز")
    entities = link_entities([article], find_statements([article]),
                             names={article.id: [cut]})
    people = {e.name for e in entities if e.type == "PER"}
    assert "عبد العزيز الشيخ" in people and "عبد العزيز" not in people
