"""Names in quote marks after a head noun: places and organizations the gazetteer and the
NER model need not know. Texts written by the team; the names are invented."""

from khabar.link.entities import link_entities
from khabar.link.quoted_names import find_quoted_names
from tests.extract.conftest import make

TEXT = ('وسيطرت القوات على الملعب وحي "الزهيرات" ومعسكر «النخلة»، وقال عضو في حزب “الغد '
        'الأخضر” إن قوات "درع الوادي" انسحبت.\n')


def test_a_quoted_name_after_a_head_noun_is_a_place_or_organization_without_its_proclitic():
    found = {name.written: name for name in find_quoted_names(TEXT)}
    assert set(found) == {'حي "الزهيرات"', "معسكر «النخلة»", "حزب “الغد الأخضر”",
                          'قوات "درع الوادي"'}
    assert found['حي "الزهيرات"'].name == "حي الزهيرات"
    assert found['حي "الزهيرات"'].type == "LOC"
    assert found["حزب “الغد الأخضر”"].type == "ORG"
    for name in found.values():
        assert TEXT[name.start:name.end] == name.written


def test_a_quotation_after_a_head_noun_is_no_name():
    text = 'وقال رئيس الحزب إن الحزب "لن يشارك في الانتخابات المقبلة مهما كانت الأسباب".\n'
    assert find_quoted_names(text) == []
    assert find_quoted_names('وزار الوفد منطقة "الشرق"، ثم غادر.') != []
    assert find_quoted_names("وقال إن المعسكر \"الذي قصف\" خال.") == []


def test_quoted_places_and_organizations_are_entities_once_each():
    article = make(TEXT + 'وعاد الهدوء إلى حي "الزهيرات" مساء.\n')
    entities = {(e.type, e.name): e for e in link_entities([article], [])}
    district = entities[("LOC", "حي الزهيرات")]
    assert [m.text for m in district.mentions] == ['حي "الزهيرات"'] * 2
    assert ("ORG", "حزب الغد الأخضر") in entities
    # the NER model's names inside a quoted name are not entities of their own
    assert not any(e.name == "الزهيرات" for e in entities.values())
    for entity in entities.values():
        for mention in entity.mentions:
            assert article.text[mention.span[0]:mention.span[1]] == mention.text
