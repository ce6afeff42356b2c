"""Named periods of Stalin's life, for filters in notebooks and the period menu on the map."""
from __future__ import annotations

from dataclasses import dataclass

from .dates import DateSpan
from .errors import LifemapError


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    span: DateSpan


# Boundaries follow the turning points of the life: leaving the seminary (May 1899), the February
# Revolution (March 1917 N.S.), General Secretary (April 1922), the Great Break (1929), the war
# from the invasion of Poland (September 1939) to Japan's surrender, and death (March 1953); then
# the years after it, as far as the sources go.
_PERIODS = (
    ("childhood", "Childhood and seminary", "1878-12", "1899-05"),
    ("underground", "Underground and exiles", "1899-06", "1917-02"),
    ("revolution", "Revolution and civil war", "1917-03", "1922-03"),
    ("rise", "Rise to power", "1922-04", "1928-12"),
    ("terror", "Collectivisation and terror", "1929-01", "1939-08"),
    ("war", "War", "1939-09", "1945-09"),
    ("post-war", "Post-war", "1945-10", "1953-03"),
    # what became of his body, his names and his memory (the 1956 speech, the 1961 reburial, 2017)
    ("legacy", "After his death", "1953-04", "2017-12"),
)


def periods() -> list[Period]:
    """The named periods in order.

    >>> [(p.key, p.span.label()) for p in periods()][:2]
    [('childhood', 'Dec 1878 – May 1899'), ('underground', 'Jun 1899 – Feb 1917')]
    """
    return [Period(key, label, DateSpan(a, b, "month")) for key, label, a, b in _PERIODS]


def period(key: str) -> Period:
    for p in periods():
        if p.key == key:
            return p
    raise LifemapError(f"no period {key!r}; the periods are: {', '.join(p.key for p in periods())}")
