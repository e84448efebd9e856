"""Screens and modals of the terminal app, one per module."""
