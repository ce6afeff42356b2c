"""Named exceptions: every error lifemap raises on purpose derives from LifemapError."""


class LifemapError(Exception):
    """Base class of lifemap's own errors."""


class DataError(LifemapError):
    """A data file is malformed; the message names the file, the line and the field."""

    def __init__(self, path, line, field, message):
        self.path, self.line, self.field = str(path), line, field
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {field}: {message}" if field else f"{where}: {message}")


class DateError(LifemapError, ValueError):
    """A date is impossible or not in a form lifemap reads."""


class UnknownPlace(LifemapError, LookupError):
    """A name or id the gazetteer cannot resolve."""


class GeocodingError(LifemapError):
    """The opt-in geocoding layer was misused (e.g. too fast a rate for the real service)."""
