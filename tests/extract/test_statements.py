import pytest

from khabar.extract.statements import article_statements
from tests.extract.conftest import INTERVIEW, REPORT, make


@pytest.fixture(scope="module")
def statements():
    return article_statements(make(REPORT, title="الصافي: القوات استعادت مدخل الوادي"))


def by_verb(statements, verb):
    return next(s for s in statements if s.verb == verb)


def test_statements_every_span_round_trips(statements):
    for s in statements:
        for span, text in ((s.content_span, s.content), (s.speaker_span, s.speaker_text),
                           (s.verb_span, s.verb)):
            if span is not None:
                assert REPORT[span[0]:span[1]] == text


def test_statements_speaker_after_verb_with_apposed_role_and_venue(statements):
    s = by_verb(statements, "أعلن")
    assert s.speaker_name == "نادر الصافي"
    assert s.speaker_role == "المتحدث باسم قيادة العمليات"
    assert s.speaker_titles == ["العقيد"]
    assert s.venue == "في بيان صحفي"
    assert s.content == "أن القوات استعادت مدخل وادي السدر"
    assert (s.mode, s.polarity) == ("indirect", "assert")


def test_statements_participle_and_dropped_subject_continue_the_speaker(statements):
    announced = by_verb(statements, "أعلن")
    pointing = by_verb(statements, "مشيرا")
    added = by_verb(statements, "وأضاف")
    assert pointing.speaker_from == announced.id and pointing.speaker_text is None
    assert pointing.content == "إلى أن الاشتباكات انتهت مساء الأحد"
    assert added.speaker_from == pointing.id
    assert added.venue == "في بيان صحفي"  # the venue holds for the same speaker


def test_statements_denial_and_its_direct_quote(statements):
    denied = by_verb(statements, "ونفى")
    assert denied.polarity == "deny"
    assert denied.content == "أن تكون قواته قد استهدفت منازل المدنيين"
    quoted = by_verb(statements, "قائلا")
    assert (quoted.mode, quoted.polarity) == ("direct", "deny")
    assert quoted.content == "القصف اقتصر على مواقع محددة"


def test_statements_nominal_cue_with_unnamed_source(statements):
    s = by_verb(statements, "وبحسب")
    assert s.speaker_text == "مصادر محلية" and s.speaker_kind == "UNNAMED"
    assert s.content.startswith("فإن السكان")


def test_statements_feminine_verb_with_organization(statements):
    s = by_verb(statements, "وأكدت")
    assert s.speaker_text == "وزارة الصحة" and s.speaker_kind == "ORG"


def test_statements_headline_with_colon(statements):
    s = next(s for s in statements if s.in_title)
    assert s.speaker_text == "الصافي" and s.mode == "direct"
    assert s.content == "القوات استعادت مدخل الوادي"


def test_statements_narration_is_no_statement(statements):
    assert not any("توترا" in s.content for s in statements)




def test_statements_interview_answers_are_the_interviewees():
    statements = article_statements(make(INTERVIEW))
    said = next(s for s in statements if s.verb == "وقال")
    answers = [s for s in statements if s.verb is None]
    assert [a.content for a in answers] == [
        "القوات تتقدم من الجهة الغربية", "وقد سيطرت على المرتفعات كلها",
        "سلم أكثر من عشرين مسلحا أنفسهم خلال يومين"]
    assert all(a.speaker_from == said.id and a.mode == "direct" for a in answers)
    assert all(a.venue == said.venue == "في حوار أجرته الصحيفة معه" for a in answers)
    assert not any("؟" in s.content for s in statements)  # questions are not statements


def test_statements_a_body_speaks_through_its_statement():
    text = ("قال بيان للقيادة المشتركة إن الطائرات نفذت ثلاث غارات.\n"
            "وأضاف أن الغارات استهدفت مخازن للذخيرة.\n")
    found = article_statements(make(text))
    said, added = found
    assert said.speaker_text == "للقيادة المشتركة"
    assert said.speaker_name == "القيادة المشتركة"
    assert said.speaker_kind == "ORG" and said.venue == "بيان"
    assert added.speaker_from == said.id  # «وأضاف» (masculine) follows the statement


def test_statements_a_fronted_topic_keeps_the_dropped_subject():
    text = ("وقال الوزير سالم الحربي إن الطرق مفتوحة.\n"
            "وبشأن المنافذ الحدودية أكد أن العمل فيها مستمر.\n")
    said, confirmed = article_statements(make(text))
    assert confirmed.verb == "أكد" and confirmed.speaker_from == said.id


def test_statements_a_dotting_slip_in_a_cue_is_still_a_cue():
    text = ("قال الوزير سالم الحربي إن الطرق مفتوحة.\n"
            "وأصاف: \"العمل مستمر في المنافذ\".\n")
    said, added = article_statements(make(text))
    assert added.verb == "وأصاف" and added.cue_lemma == said.cue_lemma.replace("قال", "أضاف")
    assert added.speaker_from == said.id and added.mode == "direct"


def test_statements_a_quote_after_an_unparsed_speaker_phrase():
    text = "وقال كاريسون لموقع النادي “اللاعبون الجدد تأقلموا سريعا مع الفريق”.\n"
    (said,) = article_statements(make(text))
    assert said.mode == "direct" and said.content == "اللاعبون الجدد تأقلموا سريعا مع الفريق"
    assert said.speaker_text == "كاريسون"


def test_statements_a_quoted_name_before_a_colon():
    text = 'وقال "العواجي": "المحطة انطلاقة جديدة للشركة".\n'
    (said,) = article_statements(make(text))
    assert said.speaker_name == "العواجي" and said.content == "المحطة انطلاقة جديدة للشركة"


def test_statements_a_purpose_cue_shares_the_subject_before_it():
    text = ("أعلن المشير سالم الحداد بدء العملية.\n"
            "وبعد غياب طويل ظهر الحداد من جديد ليعلن أنه لا يزال على رأس القيادة.\n")
    _, second = article_statements(make(text))
    assert second.verb == "ليعلن" and second.speaker_text == "الحداد"
    assert second.content == "أنه لا يزال على رأس القيادة"


def test_statements_a_cue_and_colon_ending_the_report_says_nothing():
    # found on the 30k corpus: a report cut after «وقال …:» crashed the parser
    for text in ("وقال المتحدث باسم الوزارة:", "قال الوزير :"):
        assert article_statements(make(text)) == []
