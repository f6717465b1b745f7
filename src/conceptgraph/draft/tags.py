"""A word's part of speech in its sentence, guessed from the words around it: enough to
find noun phrases and the verb that follows a sentence's subject.

Closed classes (determiners, pronouns, prepositions, auxiliaries...) come from lists;
open ones from what the lemmatiser says a word can be, settled by its neighbours: after
a determiner a word is a noun or an adjective, after "to" or a modal a verb, a
capitalised unknown word inside a sentence a name.

>>> from conceptgraph.draft.text import tokens
>>> [t for _, _, _, t in tag(tokens("The old branch tracks a remote one"))]
['DET', 'ADJ', 'NOUN', 'VERB', 'DET', 'ADJ', 'PRON']
"""

from __future__ import annotations

from .text import Token, code_like, parts_of_speech

__all__ = ["tag", "Tagged", "NOUNISH"]

Tagged = tuple[int, int, str, str]  # start, end, word, tag

DET = frozenset("a an the this that these those my your his her its our their some any no every each either "
                "neither another such what which whose all both".split())
PRON = frozenset("i you he she it we they me him us them myself yourself himself herself itself ourselves themselves "
                 "one someone something anyone anything everyone everything nobody nothing somebody anybody "
                 "everybody mine yours ours theirs hers who whom".split())
PREP = frozenset("of in on at by for with about from into onto over under between among through during before after "
                 "against without within across behind beyond toward towards upon via per than like as off up down "
                 "out around along beside besides despite except inside outside versus vs".split())
CONJ = frozenset("and or but nor yet so because although though while whereas if unless since until when where "
                 "whether that".split())
AUX = frozenset("is are was were be been being am 's 're 'm do does did done has have had having".split())
MODAL = frozenset("can could may might must shall should will would 'd 'll".split())
NEG = frozenset("not n't never no".split())
ADV = frozenset("very really just only also always often usually sometimes never still already even quite rather "
                "too so then now here there perhaps maybe probably actually basically certainly clearly simply "
                "merely mostly mainly generally typically again almost enough much more most less least well "
                "instead however therefore thus indeed kind sort imo imho fwiw tbh afaik iirc btw".split())
NUMBERS = frozenset("zero one two three four five six seven eight nine ten first second third".split())
#: Tags a noun phrase is made of.
NOUNISH = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "CODE"})


# Each closed-class word's tag, the first class listing it winning (one look-up a word)
_CLOSED: dict[str, str] = {}
for _tag, _words in (("ADV", ADV), ("CONJ", CONJ), ("PREP", PREP), ("PRON", PRON), ("DET", DET), ("NEG", NEG),
                     ("MODAL", MODAL), ("AUX", AUX)):
    _CLOSED.update(dict.fromkeys(_words, _tag))


def _closed(w: str) -> str:
    t = _CLOSED.get(w, "")
    if t in ("", "ADV", "CONJ", "PREP", "PRON", "DET") and w.endswith(("n't", "n’t")):
        return "NEG"
    return t


_SUBJECTS = frozenset("i you he she it we they who".split())


def tag(toks: list[Token]) -> list[Tagged]:
    """Each token with its guessed tag: NOUN, PROPN, ADJ, VERB, ADV, NUM, CODE, or a closed
    class (DET, PRON, PREP, CONJ, AUX, MODAL, NEG, TO)."""
    out: list[Tagged] = []
    prev = core = core_word = ""  # the tag before; the tag and word before, adverbs skipped
    poses = [parts_of_speech(w) for _, _, w in toks]
    for i, (s, e, w) in enumerate(toks):
        low = w.casefold().replace("’", "'")
        pos = poses[i]
        verb_slot = core in ("MODAL", "TO", "NEG") or (core == "PRON" and core_word in _SUBJECTS) \
            or (core == "AUX" and core_word in ("do", "does", "did"))
        t = _closed(low)
        if low == "to":
            t = "TO"
        elif w[:1].isdigit() or w[:1] == "$" or (low in NUMBERS and prev in ("NOUN", "PROPN")):
            t = "NUM"
        elif code_like(w):
            t = "CODE"
        elif verb_slot and "VERB" in pos and t in ("", "PREP", "ADV"):
            t = "VERB"
        elif not t:
            nxt = poses[i + 1] if i + 1 < len(toks) else frozenset()
            if not pos:
                t = "PROPN" if w[:1].isupper() and i > 0 else ("ADV" if low.endswith("ly") else "NOUN")
            elif len(pos) == 1 and not (pos == {"VERB"} and low.endswith(("ing", "ed")) and prev in ("DET", "ADJ")
                                        and "NOUN" in nxt):
                t = next(iter(pos))
            elif prev in ("DET", "ADJ", "PREP", "NUM") and (pos & {"NOUN", "ADJ"} or low.endswith(("ing", "ed"))):
                t = "ADJ" if (("ADJ" in pos or low.endswith(("ing", "ed"))) and "NOUN" in nxt) \
                    else ("NOUN" if "NOUN" in pos else "ADJ")
            elif prev in ("NOUN", "PROPN") and "VERB" in pos and low.endswith("s") and not low.endswith("ss"):
                t = "VERB"
            elif "ADJ" in pos and "NOUN" in nxt:
                t = "ADJ"
            elif "NOUN" in pos:
                t = "NOUN"
            elif "VERB" in pos:
                t = "VERB"
            else:
                t = sorted(pos)[0]
            if t == "NOUN" and w[:1].isupper() and i > 0 and not w.isupper() and prev != "DET" \
                    and not parts_of_speech(low):
                t = "PROPN"
        out.append((s, e, w, t))
        prev = t
        if t != "ADV":
            core, core_word = t, low
    return out
