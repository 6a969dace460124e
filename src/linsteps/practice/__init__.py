"""Practice: seeded problem generators, worksheets and their documents, rosters."""
