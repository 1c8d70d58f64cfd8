"""analyze.events."""
