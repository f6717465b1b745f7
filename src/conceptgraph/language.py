"""Which language a text is written in, offline: py3langid's model (shipped inside its
wheel, nothing downloaded) over the letters of the text, its web and mail addresses
left out. The answer is an ISO 639 code (``en``, ``de``, ``zh``), or ``und``
(undetermined) for a text with too few letters to tell.

>>> detect("Was ist der Unterschied zwischen Kooperation und Zusammenarbeit?")
'de'
>>> detect("ok :)"), detect("I vote for ConstructiveComments.")  # too short; a guess at French
('und', 'und')
>>> main_languages(["Bonjour à tous, quelle est la différence ?", "Je ne sais pas, à vrai dire.", "ok",
...                 "I vote for ConstructiveComments."])
['fr']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Any

__all__ = ["detect", "looks_english", "main_languages", "UNDETERMINED"]

UNDETERMINED = "und"
#: Fewer letters than this and a guess is noise ("Soup." reads as Czech).
MIN_LETTERS = 20
#: A guess the model gives less than this probability is no answer: "I vote for
#: ConstructiveComments." reads as French (0.24), "Cluster Integration Tests?" as German
#: (0.09); a text in a language reads as it at 0.6 or more, most at 0.9.
MIN_PROBABILITY = 0.5
#: What the model is given of a text: its first characters (a guess needs no more).
_SAMPLE = 5000
#: A language is listed when it holds this share of a thread's letters.
_SHARE = 0.1
#: How many messages are looked at, evenly spread, in a very long thread.
_MAX_MESSAGES = 5000
_NOISE = re.compile(r"\(?(?:https?://|www\.)\S+|\S+@\S+\.\w+|[@#]\w+|`[^`]*`")


def _letters(text: str) -> int:
    """How many letters ``text`` holds, a Chinese or Japanese character or a Hangul
    syllable counted as the several letters of a word it stands for (a sentence of
    Chinese is twenty characters; of English, eighty letters).

    >>> _letters("Soup, please."), _letters("可持续性")
    (10, 12)
    """
    return sum((3 if _DENSE.match(ch) else 1) for ch in text if ch.isalpha())


# Scripts whose one character is a syllable or a word: CJK ideographs, kana, Hangul
_DENSE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@cache
def _identifier() -> Any:
    from pathlib import Path

    from py3langid import langid

    # the model shipped in the wheel (about a second to load), with probabilities that sum to one
    return langid.LanguageIdentifier.from_modelpath(Path(langid.MODEL_DIR) / langid.MODEL_FILE, norm_probs=True)


def _classify(text: str) -> str:
    code, probability = _identifier().classify(text)
    if code == "zxx" or probability < MIN_PROBABILITY:  # zxx: "no linguistic content"
        return UNDETERMINED
    return str(code)


def _words(text: str) -> str:
    return _NOISE.sub(" ", text[:_SAMPLE])


def detect(text: str) -> str:
    """The ISO 639 code of the language ``text`` is written in, or ``und``."""
    words = _words(text)
    return _classify(words) if _letters(words) >= MIN_LETTERS else UNDETERMINED


# Words of English that other languages do not write: four of them in a text's opening
# make it English without asking the model (which takes a thousand times longer).
_ENGLISH = frozenset("the and of that with this you are was have not would which what there their been were "
                     "they should because about".split())
_WORD = re.compile(r"[a-z]+")


def looks_english(text: str) -> bool:
    """Whether ``text`` shows at once that it is English: four words only English
    writes in its opening. False says nothing: ask :func:`detect`.

    >>> looks_english("I think that the word was used with care."), looks_english("Je pense que le mot est juste.")
    (True, False)
    """
    return len(_ENGLISH.intersection(_WORD.findall(text[:400].lower()))) >= 4


def main_languages(texts: Iterable[str]) -> list[str]:
    """The languages of a thread's messages, the one with the most letters first, then
    any other holding at least a tenth of them; ``["und"]`` when none can be told.
    A message too short to tell counts for nothing."""
    texts = list(texts)
    step = max(1, len(texts) // _MAX_MESSAGES)
    letters: Counter[str] = Counter()
    for text in texts[::step]:
        words = _words(text)
        n = _letters(words)
        if n >= MIN_LETTERS:
            letters[_classify(words)] += n
    letters.pop(UNDETERMINED, None)  # a text the model could not tell counts for nothing
    total = sum(letters.values())
    found = [code for code, n in letters.most_common() if n >= _SHARE * total]
    return found or [UNDETERMINED]
