"""analyze.nlp.patches."""
