"""Every threshold khabar uses, with its default and why, in one frozen object.

Stages take the ``Settings`` they need as an argument; nothing reads globals. Change a value
with ``dataclasses.replace(Settings(), name=value)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


def setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    # --- reuse: candidates (reuse/candidates.py) -----------------------------------------
    shingle_words: int = setting(2, "Words per shingle. On the development set (dev/reuse), "
                                    "word pairs find 93% of reuse pairs as candidates, word "
                                    "triples 87%, for 16% more candidates.")
    passage_min_words: int = setting(8, "Sentences shorter than this are joined to the next "
                                        "before hashing, so short formulae do not collide.")
    minhash_permutations: int = setting(64, "MinHash permutations per passage.")
    lsh_bands: int = setting(16, "LSH bands; bands x rows must equal the permutations.")
    lsh_rows: int = setting(4, "Rows per band: with 16 x 4, passages of Jaccard 0.5 collide "
                               "with probability 0.64, 0.7 with 0.98, 0.3 with 0.12.")
    max_bucket_reports: int = setting(60, "A bucket shared by more reports than this is "
                                          "boilerplate (site furniture, a formula), not reuse.")
    minhash_seed: int = setting(1, "Seed of the MinHash permutations (fixed: reproducible).")
    # --- reuse: alignment and kind (reuse/align.py, reuse/direction.py) ------------------
    sentence_match: float = setting(0.5, "A target sentence derives from the source when its "
                                         "word bigrams are this much contained in a source "
                                         "sentence (or two adjacent ones).")
    min_reused_words: int = setting(12, "A pair counts as reuse only when its aligned passages "
                                        "hold at least this many words.")
    duplicate_coverage: float = setting(0.8, "target_coverage from which a pair is a duplicate.")
    duplicate_similarity: float = setting(0.85, "...and the least mean sentence similarity of "
                                                "a duplicate (below: a full rewrite).")
    rewrite_coverage: float = setting(0.3, "target_coverage from which a pair is a rewrite "
                                           "(below it: partial).")
    contained_coverage: float = setting(0.8, "Direction by containment: the source's sentences "
                                             "found in the target reach this share...")
    containment_margin: float = setting(0.1, "...and the target's own coverage is at least "
                                             "this much lower (it has more text of its own).")

    # --- stories (stories/cluster.py, stories/terms.py) -----------------------------------
    story_vector_terms: int = setting(40, "Strongest TF-IDF terms kept per report.")
    story_centroid_terms: int = setting(60, "Strongest terms kept in a story's centroid.")
    story_index_terms: int = setting(12, "A report is compared with the stories that have one "
                                         "of its strongest this-many terms among theirs.")
    story_candidates: int = setting(50, "Stories a report is scored against at most: those "
                                        "sharing most of its strongest terms (keeps the cost "
                                        "per report flat as the corpus grows).")
    story_join_similarity: float = setting(0.4, "A report joins the closest story from this "
                                                "similarity; below, it opens a new story. On "
                                                "the stories dev set (dev/stories) pairwise F1 "
                                                "is .80 at 0.3 and .78 at 0.4, but precision "
                                                ".92 against .98; below 0.4 the seeds' Derna "
                                                "and Tripoli stories merge.")
    story_entity_bonus: float = setting(0.0, "Added per linked entity (at most two) the report "
                                             "shares with the story. 0: shared speakers did not "
                                             "help on the dev set and hurt the seeds (the LNA "
                                             "spokesman speaks in both offensives).")
    story_linkage: str = setting("average", "How a report is compared with a story: 'average' "
                                            "cosine with its latest reports, or 'centroid'.")
    story_linkage_members: int = setting(30, "Latest reports of a story averaged over.")
    story_copy_coverage: float = setting(0.5, "A reuse pair forces one story when at least "
                                              "this share of each report is the other's text. "
                                              "On the 30k corpus, all reuse pairs chained 2,198 "
                                              "reports into one story (roundups, templates).")
    story_gap_days: int = setting(4, "A dated report joins a story only this close in days to "
                                     "the story's dated reports.")

    def describe(self) -> list[tuple[str, object, str]]:
        """(name, value, help) of every setting, for --help texts and docs."""
        return [(f.name, getattr(self, f.name), f.metadata["help"]) for f in fields(self)]
