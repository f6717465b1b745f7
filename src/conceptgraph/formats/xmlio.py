"""XML shared by the GraphML and GEXF readers and writers: escaping for writing, and a
streaming reader (expat) that knows the line of every element and refuses entity
declarations (the way "billion laughs" and external-entity attacks work).

>>> class Count(XmlReader):
...     n = 0
...     def start(self, ns, tag, attrs): self.n += 1
>>> r = Count("x.xml"); r.parse(b"<a><b/><b/></a>"); r.n
3
>>> escape_attr('say "hi"\\n')
'say &quot;hi&quot;&#10;'
"""

from __future__ import annotations

import re
from xml.parsers import expat

from ..errors import DatasetError, excerpt

__all__ = ["escape_text", "escape_attr", "XmlReader"]


def escape_text(s: str) -> str:
    """Element content that reads back as ``s``. NEL and the Unicode line and paragraph
    separators are written as references: XML 1.1 parsers (and JavaScript's xmldom)
    turn them into line feeds otherwise."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    if "\x85" in s or "\u2028" in s or "\u2029" in s:
        s = s.replace("\x85", "&#133;").replace("\u2028", "&#8232;").replace("\u2029", "&#8233;")
    return s


def escape_attr(s: str) -> str:
    """An attribute value (between double quotes) that reads back as ``s``."""
    return escape_text(s).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _why(code: int | None, data: bytes, open_elements: list[str], at_end: bool) -> str:
    """What most often lies behind an XML error a person meets: a file cut short, or
    one saved in another encoding than the UTF-8 it says (or leaves unsaid)."""
    codes = expat.errors.codes
    if code == codes[expat.errors.XML_ERROR_INVALID_TOKEN] and not re.match(rb"<\?xml[^>]*encoding=[\"'](?!utf-?8)",
                                                                            data[:200], re.I):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            return (f" (byte 0x{data[e.start]:02x} is not UTF-8: the file was saved in another encoding, such as "
                    "Latin-1 or Windows-1252; save it as UTF-8)")
    if open_elements and (at_end or code in (codes[expat.errors.XML_ERROR_NO_ELEMENTS],
                                             codes[expat.errors.XML_ERROR_UNCLOSED_TOKEN],
                                             codes[expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION])):
        return f" (the file ends inside <{open_elements[-1]}>: is it cut short?)"
    return ""


class XmlReader:
    """Subclasses override :meth:`start` and :meth:`end`; ``self.line`` is the line of
    the element being read, ``self.path`` the local names of its open ancestors."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.path: list[str] = []
        self._text: list[str] = []
        self._parser: expat.XMLParserType | None = None
        self._opened = 0  # elements opened so far

    @property
    def line(self) -> int | None:
        return self._parser.CurrentLineNumber if self._parser is not None else None

    def error(self, problem: str, line: int | None = None) -> DatasetError:
        return DatasetError(problem, self.file, line if line is not None else self.line)

    def parse(self, data: bytes) -> None:
        p = self._parser = expat.ParserCreate(namespace_separator=" ")
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.EntityDeclHandler = self._no_entities
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._text.append
        try:
            p.Parse(data, True)
        except expat.ExpatError as e:
            # at the very end of the data: where a file cut short breaks
            at_end = e.lineno > data.count(b"\n") and e.offset >= len(data) - data.rfind(b"\n") - 2
            raise DatasetError(f"XML syntax error: {expat.ErrorString(e.code)}{_why(e.code, data, self.path, at_end)}",
                               self.file, e.lineno) from None
        except RecursionError:
            raise self.error("elements nested too deeply") from None
        except (LookupError, ValueError) as e:  # the encoding the declaration names (UnicodeError is a ValueError)
            if self._opened:  # not the declaration's: raised reading an element
                raise
            declared = re.search(rb"""encoding\s*=\s*["']([^"']{0,40})""", data[:200])
            name = declared.group(1).decode("ascii", "replace") if declared else "?"
            raise DatasetError(f"cannot read the encoding the XML declaration names ('{name}'): {excerpt(e, 80)}",
                               self.file, 1) from None

    def _no_entities(self, *args: object) -> None:
        raise self.error("XML entity declarations are not accepted")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        ns, _, tag = name.rpartition(" ")
        self._opened += 1
        self._text.clear()
        self.start(ns, tag, attrs)
        self.path.append(tag)

    def _end(self, name: str) -> None:
        ns, _, tag = name.rpartition(" ")
        self.path.pop()
        text = "".join(self._text)
        self._text.clear()
        self.end(ns, tag, text)

    def start(self, ns: str, tag: str, attrs: dict[str, str]) -> None:
        """An element opens (``ns`` is its namespace URI, ``tag`` its local name)."""

    def end(self, ns: str, tag: str, text: str) -> None:
        """An element closes; ``text`` is the character data since its last child."""
