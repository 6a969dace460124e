"""The documents of a worksheet: Markdown, LaTeX and HTML, one module per format.

``questions`` states each problem as a catalog key with notation nodes, ``layout`` lays a sheet
out in any markup, ``markdown``, ``latex`` and ``html`` give the markup of one format each, and
``formats`` names the formats and renders a sheet in one.  Nothing here computes: the answers
and worked solutions are read from the derivations the sheet holds.
"""
