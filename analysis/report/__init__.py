"""Chapter content built from the extracted tables: what each notebook shows.

One module per chapter; each returns DataFrames, charts and MyST strings that
the notebook displays with ``analysis.myst`` and ``analysis.charts``.
"""
