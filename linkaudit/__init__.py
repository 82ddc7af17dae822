"""linkaudit: audit a seller's own marketplace accounts for account linkage."""

__version__ = "0.1.0"
