"""Prompt files (*.md) for the Q&A agent; agent/prompts.py loads them."""
