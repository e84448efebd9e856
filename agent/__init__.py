"""Shirube: Japan's AI regulation, mapped onto your use case."""

__version__ = "0.1.0"
