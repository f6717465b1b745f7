"""What is never written: e-mail and IP addresses, in a message's own words too (a
signature, a pasted log, "write to me at ..."). Each is replaced by a mark saying what
was there.

>>> without_addresses("Mail ann.lee@example.org or ping 192.0.2.14 (not 1.2.3.4.5).")
'Mail [e-mail address] or ping [IP address] (not 1.2.3.4.5).'
"""

from __future__ import annotations

import re

__all__ = ["without_addresses"]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(rf"(?<![\w.]){_OCTET}(?:\.{_OCTET}){{3}}(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])"
                   r"|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?(?![\w:])")


def without_addresses(text: str) -> str:
    """``text`` with each e-mail address and IPv4 or IPv6 address replaced by a mark."""
    if "@" in text:
        text = _EMAIL.sub("[e-mail address]", text)
    if "." in text:
        text = _IPV4.sub("[IP address]", text)
    if "::" in text or text.count(":") >= 7:
        # a digit and three hex characters in a row tell an address from C++'s a::b
        text = _IPV6.sub(lambda m: "[IP address]" if re.search(r"\d", m[0]) and re.search(r"[0-9A-Fa-f]{3}", m[0])
                         else m[0], text)
    return text
