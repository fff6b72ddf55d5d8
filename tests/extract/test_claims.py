"""Numeric claims: units, what is counted and whose, non-claims, and who claims them."""

import pytest

from khabar.extract.claims import article_claims
from khabar.extract.statements import article_statements
from tests.extract.conftest import make


def claims_of(text: str, with_statements: bool = False):
    article = make(text)
    statements = article_statements(article) if with_statements else []
    return article, article_claims(article, statements), statements


def only(text: str):
    _, claims, _ = claims_of(text)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "quantity", "subject"),
    [
        ("وأسفرت المعارك عن سقوط 31 قتيلا من الإرهابيين.", 31, "count", "killed", "militants"),
        ("وأعلنت الشرطة مقتل 12 مسلحا في الاشتباك.", 12, "count", "killed", "militants"),
        ("واعتقلت القوات 21 إرهابيا في المدينة.", 21, "count", "arrested", "militants"),
        ("وقال إن أكثر من 22 شخصا سلموا أنفسهم.", 22, "count", "surrendered", "militants"),
        ("وأصيب في الحادث خمسة جرحى من المدنيين.", 5, "count", "wounded", "civilians"),
        ("وبلغت تكلفة المشروع 3 ملايين ريال.", 3_000_000, "SAR", "money", None),
        ("وتقدمت القوات على مسافة 15 كم من العاصمة.", 15, "km", "distance", None),
        ("واستمر القصف لأكثر من 72 ساعة متواصلة.", 72, "hours", "duration", None),
    ],
)
def test_claims_value_unit_quantity_subject(text, value, unit, quantity, subject):
    claim = only(text)
    assert (claim.value, claim.unit, claim.quantity, claim.subject) == (
        value, unit, quantity, subject)


def test_claims_area_as_written_and_the_km_trap():
    claim = only("وأكد أن الجيش حرر 480 كم مربع من المدينة.")
    assert (claim.unit, claim.quantity) == ("km2", "area_controlled")
    claim = only("وأكد أن الجيش سيطر على 480 كم من مدينة درنة.")
    assert claim.unit == "km"  # as written: no silent upgrade to km²


def test_claims_interrogative_kam_is_no_unit():
    _, claims, _ = claims_of("كم عدد القتلى؟ لا أحد يعرف.")
    assert claims == []


def test_claims_approximation_and_ranges():
    claim = only("وقتل في الغارة نحو 31 مسلحا.")
    assert claim.approx and claim.text.startswith("نحو")
    claim = only("وتسيطر القوات على 90 إلى 93% من مساحة البلاد.")
    assert (claim.value, claim.value_high, claim.unit) == (90, 93, "percent")
    claim = only("وشارك في المسيرة عشرات المواطنين.")
    assert (claim.value, claim.approx) == (10, True)  # ACLED: «tens» is 10


@pytest.mark.parametrize(
    "text",
    [
        "وبدأت العملية في 8 مايو الماضي.",
        "وفي عام 2014 سيطر التنظيم على المدينة.",
        "ووقع الانفجار في الساعة 10 صباحا.",
        "ونصت المادة 5 من القانون على ذلك.",
        "للاستفسار يرجى الاتصال على 920000000.",
    ],
)
def test_claims_dates_times_labels_and_ids_are_not_claims(text):
    _, claims, _ = claims_of(text)
    assert claims == [], [c.text for c in claims]


def test_claims_a_share_counts_what_its_total_counts():
    _, claims, _ = claims_of("وسقط نحو 31 قتيلا من المسلحين، بينهم 8 أجانب.")
    total, share = claims
    assert share.quantity == total.quantity == "killed"
    assert share.text.startswith("بينهم")


def test_claims_a_dual_is_a_figure_of_two():
    claim = only("وسلم خلال يومين عدد من المطلوبين أنفسهم.")
    assert (claim.value, claim.unit, claim.quantity) == (2, "days", "duration")


def test_claims_a_dual_of_people_is_counted_by_the_event_word_before_it():
    killed = only("وفي هجوم على القرية قتل المتمردون جنديين ليرتفع عدد القتلى.")
    assert (killed.text, killed.value, killed.quantity, killed.subject) == (
        "جنديين", 2, "killed", "army")
    children, people = claims_of("وأسفر الانفجار عن مقتل طفلين وإصابة شخصين.")[1]
    assert (children.text, children.quantity, children.subject) == (
        "مقتل طفلين", "killed", "civilians")
    assert (people.value, people.quantity) == (2, "wounded")
    # a dual of people that no event word counts is no figure
    assert claims_of("والتقى الرجلان في القاهرة.")[1] == []


def test_claims_an_indefinite_singular_person_counted_by_an_event_word_is_one():
    officer, soldiers = claims_of("وأسفر الانفجار عن مقتل ضابط وثلاثة جنود.")[1]
    assert (officer.text, officer.value, officer.quantity, officer.subject) == (
        "مقتل ضابط", 1, "killed", "army")
    assert soldiers.value == 3
    assert [(c.value, c.subject) for c in claims_of("وقتل شرطي في الهجوم.")[1]] == [
        (1, "police")]
    # a definite noun names a person (often one of a figure told before); a noun with no
    # event word right before it counts nothing
    assert claims_of("ونتج عن ذلك استشهاد العريف أحمد، والجندي أول محمد.")[1] == []
    assert claims_of("وقال جندي إن المعارك مستمرة.")[1] == []


def test_claims_inside_a_statement_belong_to_its_speaker():
    text = ("قال العقيد نادر الصافي إن القوات قتلت 12 مسلحا في الاشتباك.\n"
            "وأفادت الصحيفة بأن المعارك استمرت. وقتل 3 مدنيين في القصف.\n")
    article, claims, statements = claims_of(text, with_statements=True)
    by_value = {c.value: c for c in claims}
    said = next(s for s in statements if s.speaker_name == "نادر الصافي")
    assert by_value[12].statement_id == said.id
    assert by_value[3].statement_id is None  # the outlet's own voice
    for claim in claims:
        assert article.text[claim.span[0]:claim.span[1]] == claim.text


@pytest.mark.parametrize(
    "text",
    [
        "وقال اللاعب البالغ من العمر 34 عاما إنه سعيد.",
        "وأصدرت الممثلة (52 عاما) بيانا.",
        "وانطلقت المباراة عند 12:30 ظهرا.",
        "وقد تأسس النادي في 1989 بقرار رسمي.",
    ],
)
def test_claims_ages_times_and_bare_years_are_not_claims(text):
    _, claims, _ = claims_of(text)
    assert claims == [], [c.text for c in claims]


def test_claims_a_year_like_count_with_its_noun_is_a_claim():
    claim = only("واعتقلت السلطات أكثر من 1300 شخص منذ بداية الشهر.")
    assert (claim.value, claim.approx, claim.quantity) == (1300, True, "arrested")


def test_claims_a_number_after_wa_opens_a_new_figure():
    _, claims, _ = claims_of("وقتل خمسة من رجال الأمن، وستة متدربين.")
    assert [c.value for c in claims] == [5, 6]


def test_claims_km_is_an_area_only_when_control_is_said_just_before():
    claim = only("وتواصل القوات دخول المدينة من الغرب بحوالي 3 كم، واستطاعت السيطرة على الميناء.")
    assert claim.quantity == "distance"
    claim = only("وأكد سيطرة الجيش على 480 كم من المدينة.")
    assert (claim.unit, claim.quantity) == ("km", "area_controlled")


@pytest.mark.parametrize(("text", "figure", "bound"), [
    ("سلم أكثر من 22 شخصا أنفسهم", "22", "at_least"),
    ("أصيب أقل من 10 أشخاص", "10", "at_most"),
    ("سقط نحو 31 قتيلا", "31", "about"),
    ("أصيب عشرات المدنيين", "عشرات", "at_least"),
    ("قتل 12 شخصا", "12", None),
])
def test_claims_say_how_an_approximate_figure_leans(text: str, figure: str,
                                                     bound: str | None) -> None:
    [claim] = [c for c in claims_of(text)[1] if figure in c.text]
    assert claim.bound == bound


def test_a_period_named_before_a_figure_is_recorded_as_written() -> None:
    text = "وذكرت مصادر أن الضربات الجوية خلال يوم واحد أدت إلى مقتل 32 مسلحا."
    [claim] = [c for c in claims_of(text)[1] if c.value == 32]
    assert claim.period is not None
    assert claim.period["text"] == "يوم واحد"
    start, end = claim.period["span"]
    assert text[start:end] == "يوم واحد"


def test_a_figure_in_another_sentence_has_no_period() -> None:
    text = "استمرت المعارك يومين. وقتل 12 شخصا."
    [claim] = [c for c in claims_of(text)[1] if c.value == 12]
    assert claim.period is None


def test_a_share_points_to_its_total() -> None:
    claims = claims_of("سقط نحو 31 قتيلا، بينهم 8 أجانب.")[1]
    total, share = claims[0], claims[1]
    assert share.part_of == total.id and total.part_of is None


def test_a_party_cleared_out_of_an_area_is_not_whose_it_is() -> None:
    claim = only("وصل إجمالي المنطقة التي تم تطهيرها من الإرهابيين حوالي 480 كم مربع.")
    assert claim.subject != "militants"


def test_a_measured_figure_after_a_change_holds_for_the_state_after_it() -> None:
    text = "كانت القوات تقف عند خط نار حوالي 110 كم مربع، الآن تقلص إلى 25 كم مربع."
    [before, after] = claims_of(text)[1]
    assert before.period is None
    assert after.period is not None and after.period["text"] == "تقلص إلى"
    start, end = after.period["span"]
    assert text[start:end] == "تقلص إلى"


def test_a_toll_that_rose_is_the_running_toll_without_a_period() -> None:
    claim = only("وارتفعت حصيلة القتلى إلى 20 شخصا.")
    assert (claim.quantity, claim.period) == ("killed", None)


def test_a_count_named_earlier_by_its_number_word_says_what_is_counted() -> None:
    text = "وقال إن عدد المسلحين الذين سلموا أنفسهم للقوات خلال يومين 34 مسلحا."
    [claim] = [c for c in claims_of(text)[1] if c.value == 34]
    assert claim.quantity == "surrendered"


def test_the_noun_after_a_bare_count_is_part_of_its_text() -> None:
    claims = claims_of("سقط نحو 31 قتيلا، بينهم 8 أجانب من عدة دول.")[1]
    assert claims[1].text == "بينهم 8 أجانب"


def test_a_share_counted_by_the_same_word_is_part_of_the_total() -> None:
    claims = claims_of("ارتفعت الحصيلة إلى 17 قتيلا، بينهم ثلاث نساء.")[1]
    assert claims[1].part_of == claims[0].id
