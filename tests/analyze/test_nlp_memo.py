"""The memoised attribute ruler and lemmatizer give the model's own output."""

from __future__ import annotations

import spacy
from spacy.attrs import LEMMA, MORPH, POS

from wirewatch.analyze.nlp.load import PARAGRAPHS, load_nlp, model_name
from wirewatch.analyze.nlp.patches.memo import LemmaMemo, RulerMemo, install_memos

TEXTS = [
    "There is no doubt that Russia's troops were massing; let's see, he said.",
    "There is no doubt that Russia's troops were massing; let's see, he said.",  # memo hits
    "Y'all gonna ain't c'mon gotta: the ministers met in Brussels and agreed to talks.",
    "",
    "   \n\n  ",
]


def test_memoised_pipeline_matches_the_model_components() -> None:
    # the same model, same operations, with and without the memos
    memo = spacy.load(model_name())
    memo.add_pipe(PARAGRAPHS, before="parser")
    assert install_memos(memo)
    plain = load_nlp(fast=False)
    assert isinstance(memo.get_pipe("attribute_ruler"), RulerMemo)
    assert isinstance(memo.get_pipe("lemmatizer"), LemmaMemo)
    assert not isinstance(plain.get_pipe("attribute_ruler"), RulerMemo)
    assert memo.pipe_names == plain.pipe_names
    for _ in range(2):  # first misses, then hits
        for ours, theirs in zip(memo.pipe(TEXTS), plain.pipe(TEXTS), strict=True):
            assert ours.text == theirs.text
            attrs = [POS, MORPH, LEMMA]
            assert (ours.to_array(attrs) == theirs.to_array(attrs)).all()


def test_disabling_the_lemmatizer_still_works() -> None:
    doc = next(load_nlp().pipe(["Iraq rejected the proposals."], disable=["lemmatizer"]))
    assert doc[1].pos_ == "VERB"


def test_set_based_rule_lemmas_equal_spacys() -> None:
    from wirewatch.analyze.nlp.lemmas import for_lemmatizer
    from wirewatch.analyze.nlp.patches.memo import closed_class_lemma

    plain = load_nlp(fast=False)
    lemmatizer = plain.get_pipe("lemmatizer")
    fast = for_lemmatizer(lemmatizer)
    assert fast is not None
    texts = [
        "The ministers were meeting in Geneva; talks broke down and troops withdrew.",
        "Bigger, better, happiest: the analyses of crises showed mice and geese fleeing.",
        "She'd been told that the U.S.-led coalition's strikes had hit 3 targets quickly.",
    ]
    checked = 0
    for doc in plain.pipe(texts):
        for token in doc:
            assert fast(token) == lemmatizer.rule_lemmatize(token), token.text
            closed = closed_class_lemma(doc, token.orth, token.pos, token.morph.key, fast)
            if closed is not None:
                assert closed == lemmatizer.rule_lemmatize(token)[0], token.text
            checked += 1
    assert checked > 40
