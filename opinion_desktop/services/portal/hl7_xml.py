"""Safe parsing of HL7 v3 XML (C-CDA) and turning its narrative blocks into plain text.

Safety: a file declaring a DOCTYPE or ENTITY is refused before any parsing (no entity expansion,
no "billion laughs"); the standard library's expat parser never fetches external resources.
C-CDA section fragments often come without namespace declarations (even for ``xsi:``), so every
file is parsed inside a wrapper element declaring them; the file's own declarations win.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.services.portal.common import decode_text

V3 = "urn:hl7-org:v3"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
_WRAPPER = "opinion-desktop-wrapper"
_OPEN = (
    f'<{_WRAPPER} xmlns="{V3}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xmlns:sdtc="urn:hl7-org:sdtc" xmlns:voc="urn:hl7-org:v3/voc">'
)
_DECLARATIONS = re.compile(r"<!\s*(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.IGNORECASE)
_PROLOG = re.compile(r"\A\ufeff?\s*<\?xml[^>]*\?>")
_V3_PREFIX = "{" + V3 + "}"
#: expat error codes meaning the text stops inside something: no element, unclosed token,
#: partial character, unclosed CDATA section.
_ENDS_EARLY = frozenset({3, 5, 6, 20})
_BLOCKS = frozenset(
    {"paragraph", "item", "caption", "list", "table", "thead", "tbody", "tfoot", "tr", "br"}
)
_CELLS = frozenset({"td", "th"})


def local(tag: object) -> str:
    """``{urn:hl7-org:v3}section`` → ``section``; other namespaces are kept."""
    text = str(tag)
    return text[len(_V3_PREFIX) :] if text.startswith(_V3_PREFIX) else text


def parse_hl7(data: bytes, filename: str) -> ET.Element:
    """The root element of an HL7 v3 file, with v3 tags made local; refuses unsafe or broken XML."""
    text = decode_text(data)
    if _DECLARATIONS.search(text):
        raise ImportRefusedError(
            f"{filename} contains a DOCTYPE or ENTITY declaration, which C-CDA files never have; "
            "it was not opened, for safety."
        )
    prolog = _PROLOG.match(text)
    if prolog:  # keep line numbers: replace the declaration by as many newlines
        text = "\n" * prolog.group(0).count("\n") + text[prolog.end() :]
    last_line = text.rsplit("\n", 1)[-1]
    end = (text.count("\n") + 1, len(last_line) + (0 if "\n" in text else len(_OPEN)))
    try:
        wrapper = ET.fromstring(f"{_OPEN}{text}</{_WRAPPER}>")
    except ET.ParseError as exc:
        line, column = exc.position if exc.position else (0, 0)
        if (line, column) >= end or getattr(exc, "code", 0) in _ENDS_EARLY:
            raise ImportRefusedError(f"{filename} is damaged: the XML ends early.") from None
        raise ImportRefusedError(
            f"{filename} is damaged: its XML cannot be read (line {line})."
        ) from None
    roots = list(wrapper)
    if len(roots) != 1:
        raise ImportRefusedError(f"{filename} is not a C-CDA document.")
    root = roots[0]
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(_V3_PREFIX):
            element.tag = element.tag[len(_V3_PREFIX) :]
    return root


def id_index(root: ET.Element) -> dict[str, ET.Element]:
    """Elements by their narrative ``ID`` attribute, for ``<reference value="#id"/>``."""
    return {e.attrib["ID"]: e for e in root.iter() if "ID" in e.attrib}


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def squeeze(text: str | None) -> str:
    """Whitespace collapsed and invisible characters (zero-width spaces) removed."""
    return " ".join((text or "").translate(_INVISIBLE).split())


def element_text(element: ET.Element | None) -> str:
    return squeeze("".join(element.itertext())) if element is not None else ""


def referenced_text(element: ET.Element | None, ids: dict[str, ET.Element]) -> str:
    """The text of ``element``, or of the narrative its ``<reference value="#x"/>`` points at."""
    if element is None:
        return ""
    reference = element.find("reference")
    if reference is not None:
        target = ids.get(reference.get("value", "").lstrip("#"))
        if target is not None:
            return element_text(target)
    return element_text(element)


def narrative_text(element: ET.Element | None) -> str:
    """A section's ``<text>`` as plain lines: one per paragraph or table row, cells by ``|``."""
    if element is None:
        return ""
    parts: list[str] = []
    _render(element, parts)
    lines = []
    for raw in "".join(parts).split("\n"):
        cells = [squeeze(c) for c in raw.split("\t")]
        line = " | ".join(c for c in cells if c)
        if line:
            lines.append(line)
    return "\n".join(lines)


def _render(element: ET.Element, parts: list[str], *, top: bool = True) -> None:
    tag = local(element.tag)
    if tag in _CELLS:
        parts.append("\t")
    if tag in _BLOCKS:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        _render(child, parts, top=False)
    if tag in _BLOCKS:
        parts.append("\n")
    if not top:
        parts.append(element.tail or "")
