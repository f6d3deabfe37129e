"""Hard-wrapped plain text (a PDF or an e-mail pasted at a fixed width) is read as prose.

The texts here were written for these tests; none comes from a seed folder.
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus import load_corpus
from analysis.corpus.wrapping import continues, join_lines, wrap_width

REPORT = """\
Assembly under licence has become the rule rather than the exception. Orenburg
Motor Works LLC, a venture of the regional holding Uralskaya Gruppa and of the
Chinese truck maker Hebei Taihang Automobile Co., Ltd., assembles tractors in
Orsk from kits that Taihang ships by rail from Shijiazhuang. The venture sells
through Uralskaya's own dealers and, since March, through the leasing arm of
Sberbank.

Figure 3. Registrations of Chinese-built tractors, 2022-2025
"""

EMAIL = """\
Bonjour à toutes et à tous,

Suite à notre échange de mardi, je vous confirme que la société Ferrolux SAS a
cédé le 3 mars son site de Samara à la société Volzhskie Komponenty. Le
repreneur y fabrique désormais des jantes pour le constructeur Avtotor, et
Ferrolux n'a plus aucune activité en Russie.

Bien cordialement,
Hélène Marchetti
Direction juridique
"""


def paragraphs(seeds: Path, write, name: str, text: str) -> list[str]:
    write(name, text)
    (doc,) = load_corpus(seeds).documents
    return [p.text for p in doc.paragraphs]


def test_a_pdf_paragraph_wrapped_before_capitals_is_one_paragraph(seeds: Path, write) -> None:
    got = paragraphs(seeds, write, "report.txt", REPORT)
    body = " ".join(REPORT.split("\n\n")[0].split("\n"))
    assert got[0] == body
    assert "Orenburg Motor Works LLC, a venture" in got[0]
    assert got[1] == "Figure 3. Registrations of Chinese-built tractors, 2022-2025"


def test_an_e_mail_keeps_its_greeting_and_signature_lines_apart(seeds: Path, write) -> None:
    got = paragraphs(seeds, write, "mail.txt", EMAIL)
    assert got[0] == "Bonjour à toutes et à tous,"
    assert got[1].startswith("Suite à notre échange") and "Le repreneur y fabrique" in got[1]
    assert got[1].endswith("aucune activité en Russie.")
    # The signature block is short lines: not a hard wrap.
    assert got[2:] == ["Bien cordialement,", "Hélène Marchetti", "Direction juridique"]


def test_lists_headers_and_figure_columns_are_not_hard_wraps() -> None:
    speakers = [
        "Aida Serikbayeva - Head of Investor Relations",
        "Timur Akhmetov - Chief Executive Officer",
        "Li Wenbo - Chief Financial Officer, Beijing",
    ]
    header = [
        "Question publiée au JO le : 12/03/2026 page : 2041",
        "Réponse publiée au JO le : 04/06/2026 page : 3377",
        "Rubrique : industrie automobile et équipements",
    ]
    figures = [
        "Cathode output (t) 12,400 15,900",
        "Employees at year end 884 1,020",
        "Water withdrawn (thousand m3) 310 355",
    ]
    for block in (speakers, header, figures):
        assert wrap_width(block) is None


def test_web_text_with_one_paragraph_per_line_is_not_a_hard_wrap() -> None:
    block = [
        "Le constructeur chinois a confirmé mardi l'ouverture d'une deuxième chaîne de montage "
        "dans la région de Kalouga, où il produit déjà des berlines",
        "Selon le ministère, la production locale couvrira la moitié des ventes de la marque "
        "en Russie dès l'an prochain, contre un tiers aujourd'hui",
        "les importations de kits devraient baisser d'autant",
    ]
    assert wrap_width(block) is None


def test_a_short_line_or_a_dash_item_ends_its_paragraph() -> None:
    width = 80
    assert continues("x" * 70, "Taihang ships", width)
    assert not continues("Key points", "Taihang ships", width)  # a heading
    assert not continues("x" * 70, "— Taihang ships", width)  # an item
    assert not continues("x" * 69 + ".", "Taihang ships", width)  # a sentence end
    assert not continues("x" * 70, "Taihang ships", None)  # not a hard-wrapped block
    assert continues("a line that did not end", "and goes on", None)


def test_a_word_broken_by_a_hyphen_is_rejoined() -> None:
    assert join_lines("through the dealer's show-", "rooms.") == "through the dealer's show-rooms."
    assert join_lines("tonnes in 2024 -", "a record") == "tonnes in 2024 - a record"
