"""Disqus guests (no account) are known by the name they type: within one page that is
one person, but two pages' guests of one name are not known to be one person (a trial's
two "Guest Listener"s on two pages had been merged into one). Kept apart, said, and
joined on request."""

from __future__ import annotations

import warnings
from pathlib import Path

from conceptgraph.discussions import read_discussion, same_people


def post(pid: str, thread: str, name: str, text: str, anonymous: bool, parent: str = "") -> str:
    author = (f"<author><name>{name}</name><isAnonymous>{'true' if anonymous else 'false'}</isAnonymous>"
              + ("" if anonymous else f"<username>{name.lower().replace(' ', '')}</username>") + "</author>")
    return (f'<post dsq:id="{pid}"><id/><message><![CDATA[<p>{text}</p>]]></message>'
            f"<createdAt>2019-03-0{pid[-1]}T10:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>"
            f'{author}<thread dsq:id="{thread}"/>' + (f'<parent dsq:id="{parent}"/>' if parent else "") + "</post>")


XML = ('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
       'xmlns:dsq="http://disqus.com/disqus-internals">'
       '<thread dsq:id="10"><link>https://blog.example/podcast</link><title>Podcast?</title></thread>'
       '<thread dsq:id="20"><link>https://blog.example/weather</link><title>Weather?</title></thread>'
       + post("101", "10", "Dana Whitlock", "A podcast is a feed.", False)
       + post("102", "10", "Guest Listener", "A podcast is any show.", True)
       + post("103", "10", "Guest Listener", "I mean any audio show.", True, parent="101")
       + post("204", "20", "Guest Listener", "Weather is today.", True)
       + post("205", "20", "Dana Whitlock", "Climate is decades.", False)
       + "</disqus>")


def test_guests_of_one_name_are_a_person_on_each_page(tmp_path: Path) -> None:
    path = tmp_path / "disqus.xml"
    path.write_text(XML, encoding="utf-8")
    with warnings.catch_warnings(record=True) as heard:
        warnings.simplefilter("always")
        ds, _ = read_discussion([path])
    by = {c.id: c.name for c in ds.contributors}
    guests = sorted({m.by for m in ds.messages if by[m.by] == "Guest Listener"})
    assert len(guests) == 2  # one on each page; the two on the first page are one
    assert len({m.by for m in ds.messages if by[m.by] == "Dana Whitlock"}) == 1  # an account: one person
    assert [str(w.message) for w in heard] == [
        f"{path}: 1 guest name (no account) on several pages (Guest Listener): a person on each page, as no "
        "account says they are one (--same-person joins them, by id)"]
    joined = same_people(ds, [(guests[1], guests[0])])
    assert len({m.by for m in joined.messages if m.text.startswith(("A podcast is any", "I mean", "Weather"))}) == 1
