"""Regression evaluation of the agent's answers."""
