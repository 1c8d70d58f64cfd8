"""analyze.actors."""
