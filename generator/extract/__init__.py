"""Reading a news article into candidate records: small, general patterns of how reports word things.

Nothing here knows the seed articles. Each rule is a pattern news reports share: a date line, a
money amount with the period it covers ("in the first half of 2024 … $237.2 million"), a
relational claim ("a 28 percent increase from the previous year", "fourfold in five years"), a
goal ("to $1 billion in the coming years"), a meeting or a visit, a title next to a name. A rule
that cannot resolve something (a year for "this year" in an undated text) says so in a note and
leaves the field empty, so the editor decides.

What lives where (each module imports only those above it):
- splitting.py: the article cut into sentences.
- figures.py: money and goods amounts; the periods a sentence names; month names.
- article.py: the article's own data: date line, title, publisher, the day it appeared.
- claims.py: changes, ratios, peaks and the period they compare with; goals; the indicator.
- events.py: meetings, visits, calls, agreements and when they happen.
- names.py: people with titles, places, organisations, and whom the report cites.
"""

from .article import Dateline, Published, find_dateline, find_published, find_publisher, find_title
from .claims import ClaimReading, GoalReading, base_period, claims, goal, indicator
from .events import EventReading, event
from .figures import Amount, PeriodReading, amounts, periods
from .names import (
    BORDER_NAME,
    Mention,
    Name,
    citing,
    known_mentions,
    organisations,
    people,
    places,
    role_title,
)
from .splitting import Sentence, sentences

__all__ = [
    "BORDER_NAME",
    "Amount",
    "ClaimReading",
    "Dateline",
    "EventReading",
    "GoalReading",
    "Mention",
    "Name",
    "PeriodReading",
    "Published",
    "Sentence",
    "amounts",
    "base_period",
    "citing",
    "claims",
    "event",
    "find_dateline",
    "find_published",
    "find_publisher",
    "find_title",
    "goal",
    "indicator",
    "known_mentions",
    "organisations",
    "people",
    "periods",
    "places",
    "role_title",
    "sentences",
]
