"""Learning aids: every product side by side, concept cards, and their documents."""
