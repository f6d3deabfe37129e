"""The introduction: what the book analyses and how, stated from the build's data."""

from __future__ import annotations

from analysis.report import corpus
from analysis.report.data import ReportData


def scope(data: ReportData) -> str:
    return corpus.summary(data)
