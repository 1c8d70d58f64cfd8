"""analyze.nlp."""
