"""Analysis package of the report: corpus → extraction → tables → charts → book.

Notebooks in ``chapters/`` only call into this package; all logic lives here.
"""

__version__ = "0.1.0"
