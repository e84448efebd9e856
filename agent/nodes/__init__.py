"""Nodes of the Q&A graph, one concern per module."""
