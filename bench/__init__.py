"""Benchmark of the extraction and of the book build on a large synthetic corpus.

``python -m bench.run --articles 10000`` (``make bench``): see ``bench/run.py``; the
corpus generator is ``bench/generate.py``. Not a test: it prints figures, it asserts
nothing.
"""
