"""Speaker phrases: who a statement is attributed to, parsed from the words around its cue.

Arabic news names a speaker with a title or rank, an office in the genitive, a name and an
apposed role, in almost any order: «العميد أحمد المسماري، المتحدث باسم الجيش الليبي»,
«الناطق باسم الجيش الوطني اللواء أحمد المسماري», «مدير مكتب الإعلام للقيادة العامة للجيش
الليبي خليفة العبيدي», «الوزارة», «مصادر عسكرية», «معاليه». Without capital letters the
parser decides where an office ends and a name begins from word lists (titles, offices,
organization heads, name words from ANERcorp) and from the names already met in the same
article («المسماري» after «أحمد المسماري»).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.extract.lexicons import (
    common_words,
    complementizers,
    function_words,
    person_name_words,
    reporting_cues,
    speaker_words,
    structure_words,
)
from khabar.text.quotes import FOLDED_QUOTE_MARKS
from khabar.text.tokens import FoldedText

MAX_NAME_WORDS = 4
MAX_CHAIN_WORDS = 14
APPOSITION_MARKS = frozenset({"،", ","})
DEFINITE_PREFIXES = ("ال", "لل", "بال", "وال")


@dataclass
class SpeakerPhrase:
    """A parsed speaker: token range, kind, and its parts (token indices into FoldedText)."""

    first: int
    last: int  # inclusive
    kind: str  # PER / ORG / UNNAMED / ANAPHOR / OTHER
    gender: str | None = "m"  # None: unknown (a statement that speaks for a body)
    titles: list[int] = field(default_factory=list)
    role: list[int] = field(default_factory=list)  # office / apposed role words
    name: list[int] = field(default_factory=list)  # the person's or organization's name


@dataclass
class KnownNames:
    """Names met so far in one article: folded word → it is (part of) a person's name."""

    words: set[str] = field(default_factory=set)

    def add(self, folded: FoldedText, phrase: SpeakerPhrase) -> None:
        if phrase.kind == "PER":
            for index in phrase.name:
                form = folded.tokens[index].form
                if form not in structure_words("name_connector") and len(form) > 2:
                    self.words.add(form)


def runs(indices: list[int]) -> list[list[int]]:
    """Consecutive token indices grouped: the words of «الرئيس التركي» make one title."""
    groups: list[list[int]] = []
    for index in indices:
        if groups and groups[-1][-1] + 1 == index:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def word_kind(form: str) -> str | None:
    entry = speaker_words().get(form)
    return entry.kind if entry else None


def _is_plain_word(form: str) -> bool:
    """A word that can be part of a name or office: not a particle, cue or punctuation."""
    return (
        form[0].isalpha()
        and form not in function_words()
        and form not in complementizers()
        and _cue_base(form) is None
    )


def _cue_base(form: str) -> str | None:
    cues = reporting_cues()
    if form in cues:
        return form
    if len(form) > 3 and form[0] in "وفل" and form[1:] in cues:
        return form[1:]
    return None


def _is_name_start(form: str, known: KnownNames) -> bool:
    return (form in person_name_words() or form in known.words
            or form in structure_words("name_connector"))


def _looks_like_name_word(form: str, known: KnownNames) -> bool:
    """A word that may continue a name: a name word, a connector, a nisba («المسماري»)."""
    if not _is_plain_word(form) or word_kind(form) is not None:
        return False
    if (form in person_name_words() or form in known.words
            or form in structure_words("name_connector")):
        return True
    # Family names: «المسماري», «الزوي» (nisba) or a word ANERcorp never met («ترامب»); an
    # ordinary word («سيطرة», «دعم») ends the name. Other definite words («الربيعة») only
    # at the end of the phrase (see _take_name), since «ونفى المسماري التهم» is common.
    if form in common_words() or form.startswith(("بال", "لل", "وال", "فال", "كال")):
        return False
    if form[0] in "بلوفك" and (form[1:] in common_words() or form[1:].startswith("ال")
                               or (form[0] != "ك" and form[1] in "اتمي")):
        # «باستهداف», «لجميع», «بتدمير», «كالعادة»: a particle on an ordinary word (verbal
        # nouns and participles begin with ا ت م ي). Names begin with these letters too
        # («بحاح», «كيليا», «لوران»).
        return False
    return not form.startswith("ال") or (form.endswith("ي") and len(form) > 4)


def _ends_phrase(folded: FoldedText, k: int) -> bool:
    """Whether a speaker phrase can end before token k: punctuation, «أن», a cue, or an
    office or title that is apposed («عبد الله البرقان رئيس لجنة …»)."""
    if k >= len(folded.tokens):
        return True
    form = folded.tokens[k].form
    return (not form[0].isalpha() or complementizers().get(form) == "that"
            or _cue_base(form) is not None or word_kind(form) in {"role", "title"})


def _take_name(folded: FoldedText, k: int, known: KnownNames, after_title: bool) -> list[int]:
    """Name tokens from k on: after a title the first word is a name whatever it is."""
    tokens = folded.tokens
    taken: list[int] = []
    while k < len(tokens) and len(taken) < MAX_NAME_WORDS + 2:
        form = tokens[k].form
        if form in structure_words("honorific"):
            break  # «سعود الفيصل رحمه الله»: a blessing ends the name
        if form in FOLDED_QUOTE_MARKS and taken == [] and k + 2 < len(tokens):
            k += 1  # «وأكد "قريز" أن»: a quoted name
            continue
        if not taken:
            if after_title and form in structure_words("name_after_title"):
                pass  # «الأمير علي»: folded, the name is also a preposition
            elif (not _is_plain_word(form) or word_kind(form) is not None
                  or not (after_title or _is_name_start(form, known))):
                break
            elif after_title and form in common_words() and form not in known.words:
                break  # «اللاعب البالغ من العمر»: an ordinary word is no name
        elif tokens[taken[-1]].form in structure_words("name_connector") and _is_plain_word(form):
            pass  # «عبد الله», «أبو إبراهيم»: the word after the head is part of the name
        elif not _looks_like_name_word(form, known) and not (
                # «عبد العزيز الشيخ،», «عبدالله الربيعة أن», «عبد الله البرقان رئيس …»: a
                # definite family name, when the phrase ends right after it.
                _ends_phrase(folded, k + 1) and form.startswith("ال") and (
                    (form not in common_words() and word_kind(form) is None)
                    or word_kind(form) == "title")) and not (
                # «عبدالله الدخيل بالمستوى»: a definite word right after a given name.
                form.startswith("ال") and form not in common_words()
                and word_kind(form) is None and _is_plain_word(form)
                and tokens[taken[-1]].form in person_name_words()):
            break
        taken.append(k)
        k += 1
    while taken and tokens[taken[-1]].form in structure_words("name_connector"):
        taken.pop()
    return taken


def _take_chain(folded: FoldedText, k: int, known: KnownNames) -> list[int]:
    """The genitive complement of an office or organization: «باسم الجيش الليبي».

    A chain of construct nouns («مدير مكتب الإعلام») may run on through definite words
    («للقيادة العامة للجيش الليبي»); once a definite word is in, an indefinite one ends it
    («… للجيش الليبي خليفة العبيدي»: the name begins), unless a preposition opens a new
    phrase («في مدينة شحات»).
    """
    tokens = folded.tokens
    taken: list[int] = []
    definite_seen = False
    while k < len(tokens) and len(taken) < MAX_CHAIN_WORDS:
        form = tokens[k].form
        if form in FOLDED_QUOTE_MARKS:
            # A quoted name inside an office: «المخابرات العامة "الأمن الداخلي"».
            close = next((j for j in range(k + 1, min(k + 6, len(tokens)))
                          if tokens[j].form in FOLDED_QUOTE_MARKS), None)
            if close is None or close == k + 1:
                break
            taken.extend(range(k, close + 1))
            k = close + 1
            continue
        if form in structure_words("chain_preposition"):
            if k + 1 < len(tokens) and _is_plain_word(tokens[k + 1].form):
                taken.append(k)
                definite_seen = False
                k += 1
                continue
            break
        if not _is_plain_word(form) or word_kind(form) == "anaphor":
            break
        if word_kind(form) == "title" and k + 1 < len(tokens) and (
                _is_name_start(tokens[k + 1].form, known)
                or word_kind(tokens[k + 1].form) == "title"):
            break  # «… للجيش اللواء أحمد»; but «مدير الفريق الأول» is an office
        definite = form.startswith(DEFINITE_PREFIXES)
        if (form.startswith(("ل", "ب")) and not definite and len(form) > 3
                and (form[1:] in common_words() or word_kind(form[1:]) == "org")):
            # «الأمين العام لمجلس التعاون لدول الخليج», «الناطق الإعلامي بصحة الطائف»: a new
            # genitive
            definite_seen = False
        elif definite_seen and not definite:
            break
        if form in known.words and taken:
            break
        definite_seen = definite_seen or (definite and form != "باسم")
        taken.append(k)
        k += 1
    while taken and tokens[taken[-1]].form in structure_words("chain_preposition"):
        taken.pop()
    return taken


def parse_speaker(folded: FoldedText, k: int, known: KnownNames) -> SpeakerPhrase | None:
    """Parse a speaker phrase starting at token k, or None when none starts there.

    Args:
        folded (FoldedText): the article's tokens.
        k (int): where the phrase should start (just after a cue, or at a clause start).
        known (KnownNames): names already met in this article.
    RETURNS (SpeakerPhrase | None): the phrase, its kind and parts.
    """
    tokens = folded.tokens
    if k >= len(tokens):
        return None
    first = k
    form = tokens[k].form
    entry = speaker_words().get(form)
    if entry is None and form.startswith("لل"):
        entry = speaker_words().get("ال" + form[2:])  # «بيان للقيادة المشتركة»
        entry = entry if entry and entry.kind == "org" else None
    if entry and entry.kind == "anaphor":
        return SpeakerPhrase(k, k, "ANAPHOR", entry.gender)
    if entry and entry.kind == "unnamed":
        last = k
        for j in range(k + 1, min(k + 4, len(tokens))):
            if not _is_plain_word(tokens[j].form) or word_kind(tokens[j].form):
                break
            last = j
        return SpeakerPhrase(first, last, "UNNAMED", entry.gender, name=list(range(k, last + 1)))
    if entry and entry.kind == "org":
        chain = _take_chain(folded, k + 1, known)
        phrase = SpeakerPhrase(first, chain[-1] if chain else k, "ORG", entry.gender,
                               name=[k, *chain])
        if not chain and not form.startswith("ال"):
            return None  # a bare indefinite «وزارة» names nobody
        return phrase
    phrase = SpeakerPhrase(first, k, "PER")
    gender = "m"
    if _is_family_name_alone(folded, k):
        phrase.name = [k]
        phrase.last = k
        return phrase
    while k < len(tokens):
        form = tokens[k].form
        entry = speaker_words().get(form)
        if (entry is None and form.startswith("ال") and form.endswith("ي") and k + 1 < len(tokens)
                and word_kind(tokens[k + 1].form) == "title"):
            phrase.titles.append(k)  # «الأردني الأمير علي»: a nationality before the title
            k += 1
            continue
        if entry and entry.kind == "title":
            phrase.titles.append(k)
            gender = entry.gender if entry.gender != "m" else gender
            k += 1
            # «صاحب السمو الملكي», «الرئيس التركي», «البريجادير جنرال»: honorific or nisba
            # words stay in the title.
            while k < len(tokens) and tokens[k].form not in known.words and (
                word_kind(tokens[k].form) == "title"
                or (tokens[k].form.startswith("ال") and tokens[k].form.endswith("ي"))
            ):
                phrase.titles.append(k)
                k += 1
            k = _skip_descriptors(folded, k, known, phrase)
            name = _take_name(folded, k, known, after_title=True)
            last_title = tokens[phrase.titles[-1]].form
            if not name and word_kind(last_title) is None and _ends_phrase(folded, k):
                # «اللواء المسماري أشار»: the nisba taken as part of the title is the name.
                name = [phrase.titles.pop()]
            if name:
                phrase.name = name
                k = name[-1] + 1
                break
            continue
        if entry and entry.kind == "role" and not phrase.role:
            chain = _take_chain(folded, k + 1, known)
            if not chain and not form.startswith("ال"):
                break
            phrase.role = [k, *chain]
            gender = entry.gender if entry.gender != "m" else gender
            k = phrase.role[-1] + 1
            k = _skip_apposed_roles(folded, k, known, phrase)
            continue
        if not phrase.name:
            # «الناطق الإعلامي … عيضة بن الهذلي»: «بن» shows a name the lexicon does not know.
            patronymic = (k + 1 < len(tokens)
                          and tokens[k + 1].form in structure_words("patronymic"))
            name = _take_name(folded, k, known, after_title=bool(phrase.titles) or patronymic)
            if name:
                phrase.name = name
                k = name[-1] + 1
        break
    if not (phrase.name or phrase.role):
        return None
    if not phrase.name and phrase.titles and not phrase.role:
        return None
    k = _take_apposition(folded, k, known, phrase)
    phrase.last = k - 1
    phrase.gender = gender
    return phrase


def _skip_descriptors(folded: FoldedText, k: int, known: KnownNames,
                      phrase: SpeakerPhrase) -> int:
    """«الناشط الإعلامي المعارض أبو إبراهيم الجسري»: up to three definite words between a
    title and a name describe the person; they join the title when a name follows them."""
    tokens = folded.tokens
    for j in range(k, min(k + 4, len(tokens))):
        form = tokens[j].form
        if _is_name_start(form, known) and form not in common_words():
            phrase.titles.extend(range(k, j))
            return j
        if not (form.startswith("ال") and _is_plain_word(form)) or word_kind(form) is not None:
            break
    return k


def _is_family_name_alone(folded: FoldedText, k: int) -> bool:
    """«وأضاف البرقان أن»: one definite word that is no ordinary word, office or title,
    followed by «أن» or a comma, is a family name standing for the person."""
    form = folded.tokens[k].form
    if not (form.startswith("ال") and len(form) > 4 and _is_plain_word(form)):
        return False
    if form in common_words() or word_kind(form) is not None:
        return False
    following = folded.tokens[k + 1].form if k + 1 < len(folded.tokens) else ""
    return complementizers().get(following) == "that" or following in APPOSITION_MARKS


def _skip_apposed_roles(folded: FoldedText, k: int, known: KnownNames,
                        phrase: SpeakerPhrase) -> int:
    """After an office, «، وقائد مفرزة القبض …، الرائد خيري قريز»: more offices, then the
    name after a comma. Returns where the parse goes on (k itself when nothing follows)."""
    tokens = folded.tokens
    while k + 1 < len(tokens) and tokens[k].form in APPOSITION_MARKS:
        following = tokens[k + 1].form
        base = following[1:] if following.startswith("و") else following
        if word_kind(base) == "role":
            chain = _take_chain(folded, k + 2, known)
            if not chain:
                return k
            phrase.role.extend([k + 1, *chain])
            k = chain[-1] + 1
            continue
        if word_kind(following) == "title" or _is_name_start(following, known):
            return k + 1
        return k
    return k


def _take_apposition(folded: FoldedText, k: int, known: KnownNames,
                     phrase: SpeakerPhrase) -> int:
    """«أحمد المسماري، المتحدث باسم الجيش الليبي،»: an office apposed to a name."""
    tokens = folded.tokens
    if not phrase.name:
        return k
    j = k + 1 if k < len(tokens) and tokens[k].form in APPOSITION_MARKS else k
    if j < len(tokens) and word_kind(tokens[j].form) == "role":
        chain = _take_chain(folded, j + 1, known)
        if chain:
            phrase.role = phrase.role or [j, *chain]
            return chain[-1] + 1
    return k
