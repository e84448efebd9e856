"""Deterministic tools over the rule base: profile, roles, triggers, checklist, assessment."""
