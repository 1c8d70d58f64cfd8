"""extract.html."""
