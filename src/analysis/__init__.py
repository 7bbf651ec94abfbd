"""Helper library for the peace-talks framing notebooks: load, clean and segment news articles."""

__version__ = "0.1.0"
