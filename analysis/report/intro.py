"""The Key findings chapter (file name kept: ``chapters/intro``).

The findings themselves are generated in :mod:`analysis.report.findings`; this module
keeps the one-paragraph scope of the corpus used by other pages.
"""

from __future__ import annotations

from analysis.report import corpus
from analysis.report.data import ReportData


def scope(data: ReportData) -> str:
    return corpus.summary(data)
