"""Seeded problems with numbers chosen for hand computation, one generator per topic.

``problem`` holds a problem and its exact entries, ``levels`` the difficulties, ``draw`` every
random choice, ``directions`` the known directions that give clean angles; the generators are
grouped by family (``products``, ``geometry``, ``shapes``, ``layers``), ``topics`` names them
and ``generation`` draws a sheet's problems from a seed.
"""
