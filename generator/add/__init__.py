"""`python -m generator add PATH`: register a new article and draft the records it supports.

The article is copied into seeds/ (never over a different file), described by a `kind: seed`
record appended to data/sources.yaml, and read by the rules in generator/extract/. What it says
becomes candidates in data/drafts/SOURCE-ID.yaml, each beside the sentence it comes from,
compared with the records already there: a repeat is proposed as a second source for the
record, a different value for the same period as a disagreement. A review page is written
beside the draft. Everything is checked before the first file is written; then all files are
written or none.

What lives where:
- register.py: `add`: the article copied, checked and registered; the draft and review written.
- core.py: the drafting context (the article's sentences, ids taken, citations), the source
  record, and the candidate list the kinds below make.
- one module per kind, each drafting from the context it is given: names.py (people, places,
  organisations), figures.py (figures and goals), claims.py (claims about a figure drafted;
  it reads figures.py's Found), events.py (meetings, visits, calls, agreements).
- known.py: what the data and the gazetteer already hold: names, records, ids.
register.py imports core.py, core.py the kinds, the kinds known.py; the kinds name core.py's
Drafting only as a type, so nothing imports in a circle.
"""

from .register import add

__all__ = ["add"]
