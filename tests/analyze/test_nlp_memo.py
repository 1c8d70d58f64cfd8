"""The memoised attribute ruler and lemmatizer give the model's own output."""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, POS

from wirewatch.analyze.nlp import load_nlp
from wirewatch.analyze.nlp_memo import LemmaMemo, RulerMemo

TEXTS = [
    "There is no doubt that Russia's troops were massing; let's see, he said.",
    "There is no doubt that Russia's troops were massing; let's see, he said.",  # memo hits
    "Y'all gonna ain't c'mon gotta: the ministers met in Brussels and agreed to talks.",
    "",
    "   \n\n  ",
]


def test_memoised_pipeline_matches_the_model_components() -> None:
    memo = load_nlp()
    plain = load_nlp(memo=False)
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
