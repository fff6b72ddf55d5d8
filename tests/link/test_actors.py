from khabar.link.actors import find_actors, force_of, resolve
from khabar.text.tokens import fold_and_tokenize

LNA = "Military Forces of Libya (2014-) Libyan National Army"
GNA = "Military Forces of Libya (2016-) Government of National Accord"


def actors_in(text):
    return [(actor.name, actor.written) for actor in find_actors(fold_and_tokenize(text))]


def test_forces_of_a_named_army_are_one_name_not_a_generic_and_a_stray_adjective():
    assert actors_in("تقدمت قوات الجيش الليبي نحو المدينة") == [(LNA, "قوات الجيش الليبي")]
    # a generic «قوات الجيش» alone stays generic
    assert actors_in("تقدمت قوات الجيش نحو المدينة")[0][0] == "Military Forces of {country}"


def test_a_generic_name_among_two_forces_of_one_country_is_the_one_called_so():
    both = frozenset({LNA, GNA})
    assert force_of("Military Forces of {country}", both, "القوات المسلحة") == LNA
    assert force_of("Military Forces of {country}", both, "للجيش") == LNA
    assert force_of("Military Forces of {country}", both, "الشرطة") is None
    assert force_of("Military Forces of {country}", both) is None
    assert resolve("Military Forces of {country}", "Libya", both, "قوات الجيش") == LNA
    assert force_of("Islamic State", both) == "Islamic State"


def test_a_country_adjective_gives_a_generic_force_its_country():
    found = find_actors(fold_and_tokenize("وقصفت القوات الأردنية مواقع واعتقلت الشرطة المغربية"))
    assert [(a.written, a.country) for a in found] == [
        ("القوات الأردنية", "Jordan"), ("الشرطة المغربية", "Morocco")]
    assert resolve(found[0].name, found[0].country) == "Military Forces of Jordan"
    # the country's one named force: Libya's forces in a report naming the LNA alone
    libyan = find_actors(fold_and_tokenize("تقدمت القوات الليبية"))[0]
    assert resolve(libyan.name, libyan.country, frozenset({LNA})) == LNA
    # «قوات» alone, or before a word that is no country adjective, names no one
    assert find_actors(fold_and_tokenize("وصلت قوات كبيرة")) == []


def test_a_head_word_before_a_named_group_is_part_of_its_name_but_not_before_a_generic():
    found = actors_in("قاتلت جماعة أنصار الشريعة وتنظيم القاعدة ضد جماعة مسلحة")
    assert found == [("Ansar al Sharia ({country})", "جماعة أنصار الشريعة"),
                     ("Al Qaeda", "تنظيم القاعدة"),
                     ("Unidentified Armed Group ({country})", "جماعة مسلحة")]
    assert actors_in("حركة الجيش الليبي") == [(LNA, "الجيش الليبي")]
    assert actors_in("ضد جماعة الإخوان المسلمين") == [("Muslim Brotherhood",
                                                       "جماعة الإخوان المسلمين")]


def test_a_militia_head_and_a_name_are_an_armed_group_the_lexicon_need_not_list():
    # invented names
    assert actors_in("هاجمت ميليشيات الزرقاء المطار") == [("ميليشيات الزرقاء", "ميليشيات الزرقاء")]
    assert actors_in("وقاتلت كتيبة شهداء الوادي هناك") == [
        ("كتيبة شهداء الوادي", "كتيبة شهداء الوادي")]
    # the name ends with its first definite word; a proclitic is not part of it
    found = find_actors(fold_and_tokenize("وانسحبت وكتيبة الصخرة المتمركزة في الجنوب"))
    assert [(actor.written, actor.inter) for actor in found] == [("كتيبة الصخرة", "3")]
    # no name: a side's word, an indefinite adjective, the article on the head
    for text in ("قصفت ميليشيات النظام الحي", "وانتشرت ميليشيات مسلحة في الشوارع",
                 "انهيار في صفوف الميليشيات الإرهابية"):
        assert actors_in(text) == [], text


def test_a_name_in_a_context_of_another_sense_is_no_actor():
    # «القاعدة» is also a base or a rule
    for text in ("داخل هذه القاعدة سجن", "هبطت الطائرة في القاعدة الجوية",
                 "النظام الغذائي هو القاعدة الأساسية"):
        assert actors_in(text) == [], text
    assert actors_in("تحالف القاعدة وداعش") == [("Al Qaeda", "القاعدة"),
                                                 ("Islamic State", "داعش")]
    assert actors_in("عناصر تنظيم القاعدة الإرهابي") == [("Al Qaeda", "تنظيم القاعدة")]
    # a base named earlier in the sentence is the one «القاعدة» then means
    assert actors_in("وحاصرت المقاومة قاعدة العند وسيطرت على التلال المطلة على القاعدة") == [
        ("Military Forces of Yemen (2012-) Hadi faction", "المقاومة")]
    assert actors_in("هاجموا قاعدة العند. وتبنى مسلحو القاعدة الهجوم") == [
        ("Al Qaeda", "القاعدة")]
    assert actors_in("بعد انشقاقه عن القاعدة انتقل إلى قاعدة أخرى ثم عاد إلى القاعدة") == [
        ("Al Qaeda", "القاعدة")]
