"""Hostile text: what an editor's slip or a pasted article could put in any text field.

Each payload carries a marker `Pnn` so a test can find where it landed. Every one must reach the
page as exactly the text it is (with runs of whitespace shown as one space).
"""

from __future__ import annotations

import re

ATTACKS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img') data-pwned>",
    "<svg onload=alert('svg') data-pwned></svg>",
    "<iframe src=\"javascript:alert('iframe')\" data-pwned></iframe>",
    "[click](javascript:alert('link'))",
    "![x](javascript:alert('image'))",
    "<a href=\"javascript:alert('a')\" data-pwned>a</a>",
    "text {: onclick=\"alert('attr')\" data-pwned }",
    "cited[^1] and [^2]",
    "cell | split | here",
    "*em* _em_ **strong** `code` ~~del~~",
    "# heading ## { #injected-anchor }",
    "- a list item",
    "1. an ordered item",
    "> a quote",
    '!!! danger "admonition"',
    "??? note",
    "--- rule",
    "*[HTML]: an abbreviation",
    "    indented code",
    "&amp; &lt;b&gt; &#60;script&#62; &copy;",
    "back\\slash \\* \\[",
    "\"double\" and 'single' quotes",
    "{ braces } { #id } {: .class }",
    "<!-- a comment --> ]]> <![CDATA[ x ]]>",
    "line one\n\nline two\n- item\n| a | b |\n|---|---|",
    "https://example.org/<img src=x onerror=alert('url') data-pwned>",
    "<b>bold</b> <em data-pwned>em</em> <style>body{display:none}</style>",
]


def payload(n: int) -> str:
    """The n-th hostile text: a marker, then one attack (they cycle)."""
    return f"P{n:03d} {ATTACKS[n % len(ATTACKS)]}"


def shown(text: str) -> str:
    """How a page shows text: runs of whitespace as one space."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()
