"""The answer engine: one module per step (see docs/architecture.md)."""
