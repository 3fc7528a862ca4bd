"""claimtrack: a provenance-linked tracker of quantitative claims in Arabic and English news."""

__version__ = "0.1.0"
