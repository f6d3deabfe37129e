"""Quantitative claims: numbers with unit, value, year, kind, hedging and attribution.

The extractor works on one plain-text sentence at a time with compiled regular
expressions over the cue lexicons of ``analysis/data/lexicons/figures.yaml`` (French and
English). It loads no language model, so the pipeline can call it on every sentence for
a small fraction of the cost of the spaCy parse. The code is split into
``figures_lexicon`` (compiled lexicons), ``figures_numbers`` (steps 1-2),
``figures_clauses`` (steps 3-7), ``figures_table`` (table rows), ``figures_extract``
(:func:`extract_figures`) and ``figures_subject`` (:func:`assign_subject`); this module
is their public face.

Method, in order:

1. **Numbers.** Digits with the language's separators (French ``100 000`` with normal,
   no-break U+00A0 or narrow no-break U+202F spaces and decimal comma ``58,7``; English
   ``270,000`` and ``1.5``), or a number word in front of a multiplier (``un million``).
   A multiplier (``million``, ``milliards``, ``bn``; ``$5 m`` after a currency),
   ``et demi`` / ``and a half``, a currency, a percent sign, a unit (optionally after
   ``de`` / ``of`` and, in English, one adjective) and a rate (``par an``) may follow.
   Units are the controlled names of the lexicon (``vehicles``, ``GWh``, ``kg``, ``t``,
   ``m²``, ``km/h``, ``Wh/kg``...); the one-letter symbols ``g``, ``m``, ``t`` count only
   in lower case after a space (``5G`` is a code). A currency followed by ``/`` or
   ``par`` / ``la`` / ``per`` and a unit is a price per unit (``$115/kWh`` = ``USD/kWh``).
   Fractions with a complement (``la moitié de``) are percentages.
2. **Not figures.** Bare numbers (no unit, multiplier or currency) are dropped when they
   are years (1800-2100, kept as year mentions), days of a date (``7 septembre``,
   ``Oct. 4``, ``du 22 au 25 août``, ``March 3 and 5``, ``2024-03-01``, ``3/4/2024``),
   clock times (``10 h 30``, ``14 h``, ``10:30``, ``9 am``), durations (``3 ans``),
   ordinals (``2e``), identifiers (``n° 5``), codes (``Q3``, ``H1``, ``5G``) or model
   names (``Model 3``, ``C30``: a number glued to or right after a capitalised word).
   Quantity words without a number (``des MILLIARDS de roubles``) are never figures;
   :func:`find_vague_quantities` reports them separately.
3. **Clause window.** The sentence is cut at punctuation and conjunctions into clauses.
   A figure's *window* runs from the last strong boundary before it (``;``, ``mais``,
   ``contre``, ``while``...) to the end of its own clause, leaving out relative clauses
   (``, qui ...,``) that do not contain it, so a cue in the main clause reaches a figure
   in a complement (``Kamaz ... s'attendait à produire environ 600 voitures``) but not
   a figure in a later coordinated clause. In a **table row** (``Haval — ventes 2024
   (unités) : 170 000 ; part de marché : 10,5 %``) the window of a value is the row's
   first cell and the value's own label; the label gives a bare value its unit and
   multiplier (``(unités)`` = vehicles, ``(GWh)``, ``(milliards de roubles)``).
4. **Year.** The nearest explicit year in the figure's clause; else a relative year
   (``cette année``, ``next year``) resolved with ``sentence_year_hint``; else the single
   year of the window (then of the sentence, but not of other cells of a table row).
5. **Kind.** ``target`` when the window holds a plan / expectation / capacity cue, a
   French future (``produira``) or ``va`` + infinitive, or when the year is later than
   ``sentence_year_hint``; ``fact`` otherwise.
6. **Hedges.** Approximators and bounds right before or after the number (``environ``,
   ``up to``, ``plus de``, ``at least``: there is no separate bound field), modal and
   expectation cues and French conditionals in the window, and evidential cues
   (``selon``, ``according to``, ``sources anonymes``) anywhere in the sentence - except
   a ``selon`` / ``according to`` that introduces a qualifier (``selon les finitions``,
   ``selon que``, ``according to trim level``).
7. **Attribution.** ``selon X`` / ``according to X`` (also ``selon les estimations du
   cabinet X``), inverted ``, a indiqué X`` / ``, said X``, or ``X a déclaré`` /
   ``X said``; the occurrence nearest the figure wins.
"""

from __future__ import annotations

from analysis.extraction.figures_extract import Figure, extract_figures, find_vague_quantities
from analysis.extraction.figures_lexicon import (
    LEXICON_PATH,
    controlled_units,
    supported_languages,
)
from analysis.extraction.figures_subject import assign_subject, continues_speaker

__all__ = [
    "LEXICON_PATH",
    "Figure",
    "assign_subject",
    "continues_speaker",
    "controlled_units",
    "extract_figures",
    "find_vague_quantities",
    "supported_languages",
]
