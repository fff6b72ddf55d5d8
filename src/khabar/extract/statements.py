"""Attributed statements: who said what, with which cue, directly or not, affirming or denying.

For every reporting cue of ``lexicons/reporting_verbs.tsv`` the extractor finds the speaker
(after the verb «وأكد العميد أحمد المسماري أن», before it «اللواء المسماري أشار», after
«كان … قد» «وكان الجيش قد أعلن», dropped «وأضاف أن», carried on by a participle «مشيرا إلى»,
after a nominal cue «وبحسب مصادر عسكرية فإن»), the content (a quote in any quote marks, text
after a colon, or an indirect clause up to the next cue or the sentence end), the venue
(«في مقابلة مع قناة “الحرة”», «خلال مؤتمر صحفي»), and the polarity (نفى → deny). A headline
«المسماري: …» is a statement of whoever the headline names, and the answers of an interview
transcript are the interviewee's. Every span points into ``Article.text``.

Speakers are linked to entities afterwards (``khabar.link.entities``): a statement records
the speaker phrase and, for a dropped subject, the statement it inherits its speaker from.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from khabar.extract.lexicons import (
    Cue,
    complementizers,
    cue_first_words,
    cues_by_skeleton,
    function_words,
    longest_cue_words,
    reporting_cues,
    structure_words,
    venue_heads,
)
from khabar.extract.speakers import (
    APPOSITION_MARKS,
    KnownNames,
    SpeakerPhrase,
    parse_speaker,
    runs,
    word_kind,
)
from khabar.model import Article, Span, Statement
from khabar.text.normalize import skeleton
from khabar.text.quotes import FOLDED_QUOTE_MARKS
from khabar.text.sentences import sentence_spans
from khabar.text.tokens import SENTENCE_END, FoldedText, fold_and_tokenize

SPEAKER_WINDOW = 25  # tokens between a cue and its content, at most
ANSWER_BREAK = re.compile(r"(?<!\.)\.(?!\.)\s+")


@dataclass
class _Found:
    """A statement before ids and entities: what the extractor saw, as token ranges."""

    cue: Cue | None
    cue_range: tuple[int, int] | None
    speaker: SpeakerPhrase | None
    speaker_range: tuple[int, int] | None
    content: Span
    mode: str
    venue: str | None
    inherits: int | None = None  # index of the earlier statement whose speaker this takes
    in_title: bool = False
    in_answer: bool = False
    parent: _Found | None = None  # the statement at ``inherits``, kept across sorting


def find_statements(articles: list[Article]) -> list[Statement]:
    """Every attributed statement of every article, in text order."""
    statements: list[Statement] = []
    for article in articles:
        statements.extend(article_statements(article))
    return statements


def article_statements(article: Article) -> list[Statement]:
    """The statements of one article, with speaker phrases (not yet linked to entities)."""
    folded = fold_and_tokenize(article.text)
    if not folded.tokens:
        return []
    extractor = _Extractor(article, folded)
    return extractor.run()


class _Extractor:
    """One article's pass: tokens, sentences, the names met so far, the statements found."""

    def __init__(self, article: Article, folded: FoldedText) -> None:
        self.article = article
        self.folded = folded
        self.tokens = folded.tokens
        self.token_starts = [token.start for token in folded.tokens]
        self.known = KnownNames()
        self.found: list[_Found] = []
        self.consumed_until = 0  # tokens before this belong to a statement's cue and speaker
        self._carrier: str | None = None  # «وفقا لـ …» met inside the last speaker phrase
        self.sentence_of = self._sentence_index()
        self.title_end = self._title_end()

    # -- structure -------------------------------------------------------------------
    def _sentence_index(self) -> list[int]:
        bounds = [self.folded.folded.to_normalized(start) for start, _ in
                  sentence_spans(self.article.text)]
        index, result = 0, []
        for token in self.tokens:
            while index + 1 < len(bounds) and token.start >= bounds[index + 1]:
                index += 1
            result.append(index)
        return result

    def _title_end(self) -> int:
        """Normalized offset where the headline line ends (0 when the text has no title)."""
        title = (self.article.title or "").strip()
        first_line = self.article.text.split("\n", 1)[0].strip()
        if title and first_line == title:
            return self.folded.folded.to_normalized(len(self.article.text.split("\n", 1)[0]))
        return 0

    def _token_at(self, position: int) -> int | None:
        """Index of the first token starting at or after a normalized offset."""
        k = bisect_left(self.token_starts, position)
        return k if k < len(self.tokens) else None

    def _line_span(self, position: int) -> tuple[int, int]:
        text = self.folded.folded.text
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        return start, len(text) if end < 0 else end

    # -- the pass --------------------------------------------------------------------
    def run(self) -> list[Statement]:
        self._learn_names()
        answers = self._interview_answers()
        i = 0
        while i < len(self.tokens):
            if self.tokens[i].start in answers:
                i = answers[self.tokens[i].start]
                continue
            cue, width = self._cue_at(i)
            if cue is not None and i < self.consumed_until:
                cue = None  # «وفقاً لـ …» inside the last statement's speaker phrase
            if cue is None or cue.kind == "tail":
                self._maybe_headline(i)
                i += max(width, 1)
                continue
            handled = self._statement_at(i, cue, width)
            i = handled if handled > i else i + width
        self._apply_venues()
        self._add_answers(answers)
        for found in self.found:
            found.parent = self.found[found.inherits] if found.inherits is not None else None
        self.found.sort(key=lambda f: f.content[0])
        return self._to_statements()

    def _learn_names(self) -> None:
        """Names written with a title or office anywhere in the article («العميد خالد
        المحجوب»), so a later bare «المحجوب» is known to be a person."""
        for k, token in enumerate(self.tokens):
            if word_kind(token.form) in {"title", "role"}:
                phrase = parse_speaker(self.folded, k, self.known)
                if phrase is not None and len(phrase.name) >= 2:
                    self.known.add(self.folded, phrase)

    def _cue_at(self, i: int) -> tuple[Cue | None, int]:
        """The longest cue starting at token i (one-letter prefixes و/ف/ل allowed)."""
        cues = reporting_cues()
        first = self.tokens[i].form
        if first not in cue_first_words() and first[1:] not in cue_first_words():
            return self._misspelled_cue(i), 1
        for width in range(min(longest_cue_words(), len(self.tokens) - i), 0, -1):
            words = [t.form for t in self.tokens[i:i + width]]
            form = " ".join(words)
            if form in cues:
                return cues[form], width
            if len(words[0]) > 3 and words[0][0] in "وفلب":
                stripped = " ".join([words[0][1:], *words[1:]])
                # «بتأكيد الرئيس …»: ب only before a verbal noun.
                if stripped in cues and (words[0][0] != "ب" or cues[stripped].kind == "masdar"):
                    return cues[stripped], width
        return self._misspelled_cue(i), 1

    def _misspelled_cue(self, i: int) -> Cue | None:
        """«وأصاف: هنالك …»: a clause-opening word that is a verb cue but for its dots, when
        what follows opens content (a colon, a quote, «أن»), is read as that cue."""
        form = self.tokens[i].form
        following = self.tokens[i + 1].form if i + 1 < len(self.tokens) else ""
        if not (form[:1] in "وف" and len(form) > 4 and (
                following in {":", *FOLDED_QUOTE_MARKS}
                or complementizers().get(following) == "that")):
            return None
        if form[1:] in function_words() or form[1:] in complementizers():
            return None  # «فإنهم أن» is no slip for «اتهم»
        return cues_by_skeleton().get(skeleton(form[1:]))

    # -- one cue ---------------------------------------------------------------------
    def _statement_at(self, i: int, cue: Cue, width: int) -> int:
        tokens = self.tokens
        cue_last = i + width - 1
        j = cue_last + 1
        # «وتابع قائلا», «اختتم حديثه بالقول»: the verb and its «saying» word are one cue.
        while j < len(tokens) and tokens[j].form in structure_words("cue_extender"):
            cue_last, j = j, j + 1
        venue_parts: list[str] = []
        j = self._skip_adverbials(j, venue_parts)
        speaker: SpeakerPhrase | None = None
        inherits = None
        before = None
        if cue.kind in {"verb", "masdar", "nominal"}:
            start = j
            if cue.kind == "nominal" and j < len(tokens) and tokens[j].form in {"ل", "عن", "الى"}:
                start = j + 1
            speaker = parse_speaker(self.folded, start, self.known)
            if speaker is not None:
                j = speaker.last + 1
                j = self._skip_adverbials(j, venue_parts)
        if cue.kind == "verb" and speaker is None:
            before = self._speaker_before(i) or self._purpose_subject(i)
        if speaker is None and cue.kind == "verb":
            named = self._quoted_name(j)  # «وأكد "قريز" أن»
            if named is not None:
                speaker, j = named, named.last + 2
        content_start, mode = self._content_start(j, cue, speaker)
        if content_start is None and cue.kind in {"verb", "nominal"}:
            # An unparsed speaker phrase: everything up to «أن/إن» within the window.
            opener = self._next_opener(j)
            if opener is not None and opener[0] > j:
                speaker = self._loose_speaker(start=j if speaker is None else speaker.first,
                                              end=opener[0] - 1)
                content_start, mode = opener
        if content_start is None:
            return cue_last + 1
        if speaker is None and before is not None:
            speaker = before
        if speaker is None and cue.kind in {"masdar", "nominal"}:
            return i + width  # «تأكيد» with no one named is not an attribution
        if speaker is None and cue.kind == "participle":
            speaker = self._sentence_subject(i)  # «اتصل الرئيس دونالد ترامب …، مثنيا»
        if speaker is None:
            if cue.kind == "verb" and not self._at_clause_start(i):
                return cue_last + 1  # a subject we could not read: «التنظيمات … كذبت»
            inherits = self._resolve_dropped(cue, i)
            if inherits is None:
                return cue_last + 1
        elif speaker.kind == "ANAPHOR":
            inherits = self._resolve_dropped(cue, i)
        content = self._content_span(content_start, mode, cue_last)
        if content is None:
            return cue_last + 1
        if speaker is not None and speaker.kind == "PER":
            self.known.add(self.folded, speaker)
        if self.tokens[i].start < self.title_end and mode != "direct":
            return cue_last + 1  # a headline's verb («المسماري يكشف …») restates the body
        self.consumed_until = max(self.consumed_until, content_start)
        self.found.append(_Found(
            cue=cue,
            cue_range=(i, cue_last),
            speaker=speaker,
            speaker_range=(speaker.first, speaker.last) if speaker else None,
            content=content,
            mode=mode,
            venue=" ".join(venue_parts) or self._take_carrier(),
            inherits=inherits,
            in_title=self.tokens[i].start < self.title_end,
        ))
        return cue_last + 1

    def _take_carrier(self) -> str | None:
        carrier, self._carrier = self._carrier, None
        return carrier

    def _skip_adverbials(self, j: int, venue_parts: list[str]) -> int:
        """Skip commas, time words and a venue phrase between cue, speaker and content."""
        tokens = self.tokens
        while j < len(tokens):
            form = tokens[j].form
            if (form in APPOSITION_MARKS or form in structure_words("time_word")
                    or form in {"له", "لها", "قد"}):
                j += 1
                continue
            if form in structure_words("venue_preposition") and j + 1 < len(tokens):
                head = tokens[j + 1].form
                if head in venue_heads() or head.removeprefix("ال") in venue_heads():
                    end = self._venue_end(j + 1)
                    venue_parts.append(self._quote(j, end)[1])
                    j = end + 1
                    continue
                if head in {"وقت", "سابق"}:
                    j += 1
                    continue
            break
        return j

    def _venue_end(self, j: int) -> int:
        """Last token of a venue phrase whose head noun is at j."""
        tokens = self.tokens
        last = j
        k = j + 1
        definite_seen = in_quote = False
        while k < len(tokens) and k - j < 12:
            form = tokens[k].form
            if form in APPOSITION_MARKS or form in SENTENCE_END or form == ":":
                break
            if form in FOLDED_QUOTE_MARKS:
                in_quote = not in_quote
                definite_seen = True
            elif not in_quote and form[0].isalpha():
                if form in structure_words("time_word"):
                    break
                if definite_seen and not form.startswith("ال") and form not in {
                        "مع", "له", "لها", "عبر", "اجرته", "اجرتها", "معه", "معها"}:
                    break
                definite_seen = definite_seen or form.startswith(("ال", "لل"))
            if complementizers().get(form) == "that" or form in {"الى", "على"}:
                break
            if self._cue_at(k)[0] is not None or word_kind(form) in {"title", "role"}:
                break
            time_words = structure_words("time_word")
            if form in time_words and k + 1 < len(tokens) and tokens[k + 1].form in time_words:
                break
            last = k
            k += 1
        return last

    def _speaker_before(self, i: int) -> SpeakerPhrase | None:
        """A subject written before its verb: «اللواء المسماري أشار», «وكان الجيش قد أعلن»."""
        tokens = self.tokens
        verb = i
        if verb > 0 and tokens[verb - 1].form == "قد":
            verb -= 1  # «وكان الجيش قد أعلن»
        if verb > 0 and tokens[verb - 1].form in APPOSITION_MARKS:
            verb -= 1  # «وكان … العميد خالد المحجوب، قد كشف»
        start = verb
        while start > 0 and verb - start < SPEAKER_WINDOW:
            previous = tokens[start - 1]
            if not previous.is_word and previous.form not in FOLDED_QUOTE_MARKS:
                break
            if self.sentence_of[start - 1] != self.sentence_of[i]:
                break
            start -= 1
        openers = structure_words("clause_opener") | {"كان", "وكان", "كانت", "وكانت"}
        while start < verb and tokens[start].form in openers:
            start += 1
        if start >= verb:
            return None
        speaker = parse_speaker(self.folded, start, self.known)
        if speaker is None or speaker.last + 1 != verb or speaker.kind == "ANAPHOR":
            return None
        return speaker

    def _purpose_subject(self, i: int) -> SpeakerPhrase | None:
        """«قبل أن يظهر حفتر من جديد ليعلن أنه …»: a cue with the purpose «ل» shares the
        subject of the verb before it; that subject is a name already met, a few words back."""
        tokens = self.tokens
        if not (tokens[i].form.startswith("ل") and tokens[i].form not in reporting_cues()):
            return None
        for k in range(i - 1, max(-1, i - 8), -1):
            if self.sentence_of[k] != self.sentence_of[i] or not tokens[k].is_word:
                return None
            if tokens[k].form in self.known.words:
                phrase = parse_speaker(self.folded, k, self.known)
                if phrase is not None and phrase.name and phrase.last < i:
                    return phrase
        return None

    def _sentence_subject(self, i: int) -> SpeakerPhrase | None:
        """For a participle with no statement before it in its sentence: the first person
        named with a title or office earlier in that sentence."""
        sentence = self.sentence_of[i]
        if any(self.sentence_of[f.cue_range[0]] == sentence for f in self.found
               if f.cue_range and f.cue_range[0] < i):
            return None
        k = i - 1
        while k >= 0 and self.sentence_of[k] == sentence:
            k -= 1
        for start in range(k + 1, i):
            if word_kind(self.tokens[start].form) in {"title", "role"}:
                phrase = parse_speaker(self.folded, start, self.known)
                if phrase is not None and phrase.name and phrase.last < i:
                    return phrase
        return None

    def _at_clause_start(self, i: int) -> bool:
        """Whether a cue opens its clause, so a missing subject is a dropped one («وأضاف»)."""
        if i == 0 or self.tokens[i].form[0] in "وف":
            return True
        previous = self.tokens[i - 1]
        return (not previous.is_word or previous.form in structure_words("clause_opener") or
                self.sentence_of[i - 1] != self.sentence_of[i] or self._after_topic(i))

    def _after_topic(self, i: int) -> bool:
        """«وبشأن الدول التي تدعم الفوضى أكد أن …»: a sentence opened by a fronted topic has
        its verb after the topic, and a missing subject there is still a dropped one."""
        start = i - 1
        while start > 0 and self.sentence_of[start - 1] == self.sentence_of[i]:
            start -= 1
        if i - start > SPEAKER_WINDOW or any(
                self._cue_at(k)[0] is not None for k in range(start, i)):
            return False
        words = [token.form for token in self.tokens[start:start + 3]]
        openers = structure_words("topic_opener")
        return words[0] in openers or " ".join(words[:2]) in openers or " ".join(
            words[:3]) in openers

    def _quoted_name(self, j: int) -> SpeakerPhrase | None:
        tokens = self.tokens
        if j >= len(tokens) or tokens[j].form not in FOLDED_QUOTE_MARKS:
            return None
        close = next((k for k in range(j + 1, min(j + 5, len(tokens)))
                      if tokens[k].form in FOLDED_QUOTE_MARKS), None)
        if close is None or close + 1 >= len(tokens) or close == j + 1:
            return None
        if complementizers().get(tokens[close + 1].form) != "that" and tokens[
                close + 1].form != ":":
            return None  # «وأكد "قريز" أن», «وقال "العواجي": "…"»
        words = list(range(j + 1, close))
        if not all(tokens[k].is_word for k in words):
            return None
        return SpeakerPhrase(j, close, "PER", name=words)

    def _loose_speaker(self, start: int, end: int) -> SpeakerPhrase | None:
        tokens = self.tokens
        while start <= end and (not tokens[start].is_word and tokens[start].form not in
                                FOLDED_QUOTE_MARKS):
            start += 1
        while end >= start and tokens[end].form in APPOSITION_MARKS:
            end -= 1
        # «وقال بيان للقيادة المشتركة إن»: the statement is the venue, the body behind its
        # «ل» the speaker.
        head = tokens[start].form.removeprefix("ال")
        by_statement = (start < end and head in venue_heads()
                        and tokens[start + 1].form.startswith("ل")
                        and len(tokens[start + 1].form) > 3)
        if by_statement:
            self._carrier = self._quote(start, start)[1]
            start += 1
        # «المحجوب، وفقاً لـ "سكاي نيوز عربية"»: what follows a comma and a nominal cue
        # names the outlet that carried the statement, not the speaker.
        for k in range(start + 1, end):
            if tokens[k].form in APPOSITION_MARKS and self._cue_at(k + 1)[0] is not None:
                self._carrier = self._quote(k + 1, end)[1]
                end = k - 1
                break
        # «كيفين كيليا في البيان», «الشرطة لموقع "تي إم زد"», «أصدقاء الشاب للسلطات»: a
        # preposition after the first word opens where or to whom it was said.
        named_later = [k for k in range(start, end + 1)
                       if word_kind(tokens[k].form) in {"title", "role"}]
        for k in range(start + 1, end + 1):
            form = tokens[k].form
            if named_later and named_later[-1] > k:
                continue  # «قائد … فى مدينة شحات، … الرائد خيرى قريز»: the name comes later
            to_medium = form[0] == "ل" and form[1:] in structure_words("medium")
            if form in structure_words("loose_speaker_stop") or to_medium or (
                    form[0] == "ل" and form not in self.known.words and word_kind(form) is None
                    and not form.startswith("لل") and k > start + 1) or form in {"-", "وهو"}:
                venue = self._quote(k, end)[1]
                self._carrier = self._carrier or venue
                end = k - 1
                break
        while (end >= start and not tokens[end].is_word
               and tokens[end].form not in FOLDED_QUOTE_MARKS):
            end -= 1
        if end < start:
            return None
        # Prefer a name inside the phrase: the title nearest the end, then its name.
        parsed = None
        for k in range(start, end + 1):
            if word_kind(tokens[k].form) == "title":
                parsed = parse_speaker(self.folded, k, self.known) or parsed
        phrase = SpeakerPhrase(start, end, parsed.kind if parsed else "OTHER")
        if parsed is not None:
            phrase.titles, phrase.name, phrase.gender = parsed.titles, parsed.name, parsed.gender
        head = parse_speaker(self.folded, start, self.known)
        if head is not None:
            phrase.kind = head.kind if parsed is None else phrase.kind
            phrase.role = head.role
            phrase.gender = head.gender if parsed is None else phrase.gender
            if not phrase.name:
                phrase.name = head.name
        if phrase.kind == "OTHER" and all(t.form in FOLDED_QUOTE_MARKS or t.is_word
                                          for t in tokens[start:end + 1]):
            words = [t for t in tokens[start:end + 1] if t.is_word]
            if 0 < len(words) <= 4 and (not tokens[start].form.startswith("ال")
                                        or tokens[start].form in self.known.words):
                phrase.kind = "PER"  # «وأكد "قريز" أن»: a bare name
                phrase.name = [k for k in range(start, end + 1) if tokens[k].is_word]
        if by_statement:
            phrase.gender = None  # «وأضاف» after «قال بيان للقيادة» follows the statement
        return phrase

    def _next_opener(self, j: int) -> tuple[int, str] | None:
        """Where the content opens after an unparsed speaker phrase: «أن/إن» (indirect), or
        a quote or colon (direct: «وقال كاريك لموقع النادي "…"»). A short quoted name on the
        way («لصحيفة "الرياض"») is part of the phrase."""
        tokens = self.tokens
        k = j
        while k < min(j + SPEAKER_WINDOW, len(tokens)):
            form = tokens[k].form
            if form in SENTENCE_END or self.sentence_of[k] != self.sentence_of[j]:
                return None
            if form == ":":
                return (k, "direct") if k > j else None
            if form in FOLDED_QUOTE_MARKS:
                close = next((c for c in range(k + 1, min(k + 6, len(tokens)))
                              if tokens[c].form in FOLDED_QUOTE_MARKS), None)
                if close is None:
                    return (k, "direct") if k > j else None
                k = close + 1
                continue
            if complementizers().get(form) == "that":
                return k, "indirect"
            cue = self._cue_at(k)[0] if k > j else None
            if cue is not None and cue.kind != "nominal":
                return None
            k += 1
        return None

    def _content_start(self, j: int, cue: Cue,
                       speaker: SpeakerPhrase | None) -> tuple[int | None, str]:
        tokens = self.tokens
        while j < len(tokens) and tokens[j].form in APPOSITION_MARKS:
            j += 1
        if j >= len(tokens):
            return None, ""
        form = tokens[j].form
        if form == ":" or form in FOLDED_QUOTE_MARKS:
            return j, "direct"
        kind = complementizers().get(form)
        if kind == "that":
            if j + 1 < len(tokens) and tokens[j + 1].form in FOLDED_QUOTE_MARKS:
                return j + 1, "direct"  # «أنه "تم الوصول …"»
            return j, "indirect"
        if kind == "lead":
            return j, "indirect"
        if form in {"فان", "فإن"}:
            return j, "indirect"
        if cue.kind == "nominal" and speaker is not None:
            return (j, "indirect") if tokens[j].is_word else (None, "")
        if cue.object == "np" and tokens[j].is_word and form not in SENTENCE_END:
            if form in structure_words("venue_preposition") or form == "منذ":
                # «كشف في وقت سابق من اليوم عن وجود …»: the content opens after the adverb.
                for k in range(j + 1, min(j + 8, len(tokens))):
                    if tokens[k].form in APPOSITION_MARKS | SENTENCE_END:
                        break
                    if complementizers().get(tokens[k].form) is not None and \
                            tokens[k].form not in {"من", "في"}:
                        return k, "indirect"
                return None, ""
            if word_kind(form) is None and self._cue_at(j)[0] is None:
                return j, "indirect"
        return None, ""

    def _content_span(self, start: int, mode: str, cue_last: int) -> Span | None:
        tokens = self.tokens
        if mode == "direct":
            k = start
            while k < len(tokens) and tokens[k].form in {":"} | FOLDED_QUOTE_MARKS:
                opener = tokens[k].form in FOLDED_QUOTE_MARKS
                k += 1
                if opener:
                    return self._quoted(k)
            if k >= len(tokens):
                return None  # «وقال:» at the very end of a report: nothing said
            _, line_end = self._line_span(tokens[start].start)
            last = k
            while last + 1 < len(tokens) and tokens[last + 1].end <= line_end:
                last += 1
            return self._trimmed(k, last)
        last = start
        sentence = self.sentence_of[start]
        k = start + 1
        depth = 0
        while k < len(tokens) and self.sentence_of[k] == sentence:
            form = tokens[k].form
            if form in FOLDED_QUOTE_MARKS:
                depth ^= 1
            if depth == 0 and k > start + 1:
                cue, _ = self._cue_at(k)
                if cue is not None and (cue.kind in {"participle", "tail"} or (
                        tokens[k - 1].form in APPOSITION_MARKS and cue.kind != "nominal")):
                    break
            last = k
            k += 1
        return self._trimmed(start, last)

    def _quoted(self, first: int) -> Span | None:
        """The words inside a quote opened just before token ``first``, up to its close."""
        tokens = self.tokens
        _, line_end = self._line_span(tokens[first - 1].start)
        k = first
        while k < len(tokens) and tokens[k].start < line_end:
            if tokens[k].form in FOLDED_QUOTE_MARKS:
                break
            k += 1
        while first < k and tokens[first].form == ":":
            first += 1
        return self._trimmed(first, k - 1)

    def _trimmed(self, first: int, last: int) -> Span | None:
        tokens = self.tokens
        while last >= first and (tokens[last].form in SENTENCE_END | APPOSITION_MARKS
                                 or tokens[last].form in {":", "-", "؛", ";"}):
            last -= 1
        if last < first:
            return None
        if tokens[last].form in FOLDED_QUOTE_MARKS and not any(
                tokens[k].form in FOLDED_QUOTE_MARKS for k in range(first, last)):
            last -= 1  # a stray closing mark
        if last < first:
            return None
        return self.folded.span(first, last)

    def _quote(self, first: int, last: int) -> tuple[Span, str]:
        return self.folded.quote(first, last)

    # -- speakers ------------------------------------------------------------------------
    def _resolve_dropped(self, cue: Cue, i: int) -> int | None:
        """The earlier statement whose speaker a subjectless cue continues."""
        for index in range(len(self.found) - 1, -1, -1):
            found = self.found[index]
            if found.in_title:
                continue
            gender = self._gender_of(index)
            if cue.gender in {"any", "pl"} or gender in {None, cue.gender}:
                return index
            if cue.kind == "participle" and self.sentence_of[found.cue_range[0]] == \
                    self.sentence_of[i]:
                return index
        return None

    def _speaking(self, index: int | None) -> SpeakerPhrase | None:
        """The speaker phrase a statement resolves to, following dropped subjects back."""
        seen = set()
        while index is not None and index not in seen:
            seen.add(index)
            found = self.found[index]
            if found.speaker is not None and found.speaker.kind != "ANAPHOR":
                return found.speaker
            index = found.inherits
        return None

    def _gender_of(self, index: int) -> str | None:
        speaker = self._speaking(index)
        return speaker.gender if speaker else None

    # -- headlines, venues, interviews ---------------------------------------------
    def _maybe_headline(self, i: int) -> None:
        """«المسماري: هدف القوات …» on the headline line: a statement of the one named."""
        tokens = self.tokens
        if i != 0 or self.title_end == 0:
            return
        speaker = parse_speaker(self.folded, 0, self.known)
        if speaker is None or speaker.last + 1 >= len(tokens):
            if speaker is None:
                head = tokens[0].form
                if not (self.known.words and head in self.known.words):
                    return
            else:
                return
        colon = (speaker.last + 1) if speaker else 1
        if colon >= len(tokens) or tokens[colon].form != ":":
            return
        content = self._content_span(colon, "direct", colon)
        if content is None or content[1] > self.folded.folded.to_original(
                self.title_end, self.title_end)[0] + 1:
            return
        self.found.append(_Found(None, None, speaker, (speaker.first, speaker.last), content,
                                 "direct", None, in_title=True))

    def _apply_venues(self) -> None:
        """A venue named once holds for the same speaker's other statements of the article;
        «جاء ذلك في حوار أجرته …» gives one to the statements before it."""
        text = self.folded.folded.text
        for marker in structure_words("venue_marker"):
            position = text.find(marker)
            if position < 0:
                continue
            k = self._token_at(position)
            if k is None:
                continue
            parts: list[str] = []
            self._skip_adverbials(k + 2, parts)
            if parts:
                for found in self.found:
                    if found.venue is None and found.content[0] < self.folded.folded.offsets[
                            position]:
                        found.venue = parts[0]
        keys = [self._speaker_key(index) for index in range(len(self.found))]
        for index, found in enumerate(self.found):
            if found.venue is not None or found.in_title:
                continue
            same = [other for n, other in enumerate(self.found)
                    if keys[n] == keys[index] and other.venue and n != index]
            earlier = [other for other in same if other.content[0] < found.content[0]]
            chosen = earlier[-1] if earlier else (same[0] if same else None)
            if chosen is not None:
                found.venue = chosen.venue

    def _speaker_key(self, index: int) -> str | None:
        speaker = self._speaking(index)
        words = [self.tokens[k].form for k in (speaker.name or speaker.role)] if speaker else []
        return words[-1] if words else None

    def _interview_answers(self) -> dict[int, int]:
        """Token start of each answer line of a question-and-answer transcript → the index
        of the first token after that line. Empty when the article is not a transcript."""
        text = self.folded.folded.text
        lines = []
        position = 0
        for line in text.split("\n"):
            lines.append((position, position + len(line), line.strip()))
            position += len(line) + 1
        questions = [n for n, (_, _, line) in enumerate(lines)
                     if line.endswith(("؟", "?")) or line.startswith(("س:", "س :", "س-"))]
        if len(questions) < 2:
            return {}
        marker = any(m in text for m in structure_words("transcript_marker"))
        answered = [n for n in questions if n + 1 < len(lines) and lines[n + 1][2] and
                    not lines[n + 1][2].endswith(("؟", "?"))]
        if not marker and len(answered) < 2:
            return {}
        first = questions[0]
        self.answer_lines = [
            (start, end) for n, (start, end, line) in enumerate(lines)
            if n > first and line and n not in questions
        ]
        self.question_lines = [(lines[n][0], lines[n][1]) for n in questions]
        skip: dict[int, int] = {}
        for start, end in [*self.answer_lines, *self.question_lines]:
            k = self._token_at(start)
            if k is None:
                continue
            after = self._token_at(end)
            after = len(self.tokens) if after is None else after
            skip[self.tokens[k].start] = after
        return skip

    def _add_answers(self, answers: dict[int, int]) -> None:
        if not answers:
            return
        first_question = min(start for start, _ in self.question_lines)
        before = [n for n, f in enumerate(self.found)
                  if f.content[0] < self.folded.folded.offsets[first_question] and not f.in_title]
        if not before:
            return
        counts: dict[str | None, int] = {}
        for n in before:
            key = self._speaker_key(n)
            counts[key] = counts.get(key, 0) + 1
        main = max(counts, key=lambda key: counts[key])
        source = next(n for n in before if self._speaker_key(n) == main)
        venue = next((self.found[n].venue for n in before
                      if self._speaker_key(n) == main and self.found[n].venue), None)
        offsets = self.folded.folded.offsets
        for start, end in self.answer_lines:
            line_start, line_end = offsets[start], offsets[end]
            for s_start, s_end in _answer_sentences(self.article.text[line_start:line_end]):
                span = (line_start + s_start, line_start + s_end)
                text = self.article.text[span[0]:span[1]]
                stripped = text.rstrip(" .")
                if len(stripped.split()) < 3:
                    continue
                self.found.append(_Found(None, None, None, None,
                                         (span[0], span[0] + len(stripped)), "direct", venue,
                                         inherits=source, in_answer=True))

    # -- records ---------------------------------------------------------------------
    def _to_statements(self) -> list[Statement]:
        article = self.article
        statements: list[Statement] = []
        ids = [f"{article.id}-s{n + 1:03d}" for n in range(len(self.found))]
        order = {id(found): n for n, found in enumerate(self.found)}
        for n, found in enumerate(self.found):
            speaker_span, speaker_text = (None, None)
            if found.speaker_range is not None:
                speaker_span, speaker_text = self._quote(*found.speaker_range)
                speaker_span, speaker_text = _strip_quote_marks(speaker_span, speaker_text)
            verb_span, verb = (None, None)
            if found.cue_range is not None:
                verb_span, verb = self._quote(*found.cue_range)
            content_text = article.text[found.content[0]:found.content[1]]
            phrase = found.speaker
            polarity = found.cue.polarity if found.cue else "assert"
            if (found.cue and found.cue.lemma == "قال" and found.cue.kind == "participle"
                    and found.parent and found.parent.cue):
                polarity = found.parent.cue.polarity  # «ونفى …، قائلا: "…"»
            statements.append(Statement(
                id=ids[n],
                doc_id=article.id,
                speaker=None,
                speaker_text=speaker_text,
                speaker_span=speaker_span,
                verb=verb,
                verb_span=verb_span,
                mode=found.mode,
                polarity=polarity,
                content=content_text,
                content_span=found.content,
                venue=found.venue,
                speaker_kind=phrase.kind if phrase else None,
                speaker_titles=[self._quote(run[0], run[-1])[1] for run in runs(phrase.titles)]
                if phrase else [],
                speaker_role=self._phrase_text(phrase.role) if phrase else None,
                speaker_name=self._phrase_text(phrase.name) if phrase else None,
                speaker_from=ids[order[id(found.parent)]] if found.parent else None,
                in_title=found.in_title,
                cue_lemma=found.cue.lemma if found.cue else None,
            ))
        return statements

    def _phrase_text(self, indices: list[int]) -> str | None:
        words = [k for k in indices if self.tokens[k].form not in FOLDED_QUOTE_MARKS]
        if not words:
            return None
        text = self._quote(words[0], words[-1])[1].strip('"“”«»\' ')
        first = self.tokens[words[0]].form
        if first.startswith("لل") and word_kind("ال" + first[2:]) is not None:
            text = "ال" + text[2:]  # «للقيادة المشتركة» (after «بيان») names «القيادة …»
        return text


def _answer_sentences(line: str) -> list[Span]:
    """An answer split at full stops only: «..» and «؛» keep one thought together."""
    spans, start = [], 0
    for match in ANSWER_BREAK.finditer(line):
        spans.append((start, match.start() + 1))
        start = match.end()
    spans.append((start, len(line)))
    return [(a, b) for a, b in spans if line[a:b].strip()]


def _strip_quote_marks(span: Span, text: str) -> tuple[Span, str]:
    """Drop a quote mark left unpaired at either end of a speaker phrase («"قريز»)."""
    start, end = span
    marks = '"“”«»\''
    if sum(text.count(mark) for mark in marks) % 2 == 1:
        if text and text[0] in marks:
            text, start = text[1:], start + 1
        elif text and text[-1] in marks:
            text, end = text[:-1], end - 1
    if len(text) > 1 and text[0] in marks and text[-1] in marks:
        text, start, end = text[1:-1], start + 1, end - 1
    return (start, end), text

