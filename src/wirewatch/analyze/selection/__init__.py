"""analyze.selection."""
