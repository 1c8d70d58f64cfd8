"""extract.text."""
