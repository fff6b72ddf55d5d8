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
    assert {"الصافي", "الصافى"} <= {m.text for m in person.mentions}


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
