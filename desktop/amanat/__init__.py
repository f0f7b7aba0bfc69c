"""Amanat: an offline, encrypted archive for the letters and testimony of political prisoners."""

__version__ = "0.1.0"
