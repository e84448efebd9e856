"""Shared basics every layer may use: errors, settings, storage faults, telemetry switches, the
use-case profile model and the condition evaluator. Imports nothing from the other packages."""
