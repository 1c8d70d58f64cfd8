"""analyze.quotes."""
