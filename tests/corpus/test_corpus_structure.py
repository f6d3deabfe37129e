"""Markdown tables and lists: one paragraph per table row and per list item.

The articles below were written for these tests (figures are illustrative).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus import Paragraph, htmltext, load_corpus
from analysis.corpus.structure import mark_structure
from analysis.corpus.text import normalize_typography, sentences

INTRO = (
    "Les constructeurs chinois ont consolidé leur position sur le marché russe l'an "
    "dernier, profitant du départ des marques européennes et japonaises du pays."
)
OUTRO = (
    "Les analystes de l'agence Autostat s'attendent à un ralentissement des ventes au "
    "second semestre, en raison de la hausse de la taxe de recyclage décidée à Moscou."
)


def load_one(seeds: Path):
    (doc,) = load_corpus(seeds).documents
    assert doc.status == "ok", doc.status
    return doc


def by_kind(doc, kind: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.kind == kind]


def test_markdown_table_with_header(seeds: Path, write) -> None:
    write(
        "ventes.md",
        "# Les marques chinoises en tête des ventes en Russie\n\n"
        f"{INTRO}\n\n"
        "| Constructeur | Ventes 2024 (unités) | Part de marché |\n"
        "|:-------------|:--------------------:|---------------:|\n"
        "| Haval | 170 000 | 10,5 % |\n"
        "| **Chery** | 135 000 | 8,3 % |\n"
        "| `Geely` | 98 400 | 6,1 % |\n\n"
        f"{OUTRO}\n",
    )
    doc = load_one(seeds)
    assert by_kind(doc, "table_row") == [
        "Haval — ventes 2024 (unités) : 170 000 ; part de marché : 10,5 %.",
        "Chery — ventes 2024 (unités) : 135 000 ; part de marché : 8,3 %.",
        "Geely — ventes 2024 (unités) : 98 400 ; part de marché : 6,1 %.",
    ]
    assert [p.kind for p in doc.paragraphs] == ["heading", "text", *["table_row"] * 3, "text"]
    assert [p.index for p in doc.paragraphs] == list(range(6))
    # The header row is never a paragraph of its own; pipes and separators are gone.
    assert not any("Constructeur" in p.text for p in doc.paragraphs)
    assert not any(c in doc.text for c in ("|", "---", "**", "`"))
    # Each row is one sentence, and rows sharing labels are neither copies nor restatements.
    for row in by_kind(doc, "table_row"):
        assert sentences(row) == [row]
    assert all(p.duplicate_of is None for p in doc.paragraphs)
    assert doc.repetition_share == 0.0


def test_a_column_of_row_numbers_is_no_row_subject(seeds: Path, write) -> None:
    write(
        "imports.md",
        "# Importers\n\n"
        f"{INTRO}\n\n"
        "| # | Importer | Group | Tonnes |\n"
        "|---|---|---|---|\n"
        "| 1 | Ionika LLC | Itil Holding | 1,860 |\n"
        "| 2. | Renera | Rosatom | 1,420 |\n\n"
        "| Year | Importer | Tonnes |\n"
        "|---|---|---|\n"
        "| 2024 | Renera | 1,420 |\n\n"
        f"{OUTRO}\n",
    )
    assert by_kind(load_one(seeds), "table_row") == [
        "Ionika LLC — group : Itil Holding ; tonnes : 1,860.",
        "Renera — group : Rosatom ; tonnes : 1,420.",
        "2024 — importer : Renera ; tonnes : 1,420.",
    ]


def test_table_without_header(seeds: Path, write) -> None:
    write(
        "terres-rares.md",
        "Production de terres rares\n\n"
        "Les chiffres de l'Institut d'études géologiques des États-Unis montrent que la "
        "Chine assure toujours l'essentiel de la production mondiale de terres rares.\n\n"
        "| Chine | 2023 | 240 000 t |\n"
        "| Birmanie | 2023 | 38 000 t |\n"
        "| Australie | 2023 | 18 000 t. |\n",
    )
    doc = load_one(seeds)
    assert by_kind(doc, "table_row") == [
        "Chine ; 2023 ; 240 000 t.",
        "Birmanie ; 2023 ; 38 000 t.",
        "Australie ; 2023 ; 18 000 t.",
    ]


def test_markdown_bullet_and_numbered_lists(seeds: Path, write) -> None:
    write(
        "batteries.md",
        "## Pourquoi les gigafactories européennes prennent du retard\n\n"
        "Le rapport publié jeudi par la Cour des comptes européenne relève plusieurs "
        "obstacles au développement de la production de cellules en Europe :\n\n"
        "- le coût de l'énergie, deux fois plus élevé\n"
        "  qu'aux États-Unis ;\n"
        "* la concurrence des aides *américaines* ;\n"
        "+ lithium\n\n"
        "Les projets les plus avancés sont les suivants.\n\n"
        "1. Northvolt à Skellefteå, en Suède.\n"
        "2) ACC à Billy-Berclau, dans le Pas-de-Calais.\n"
        "3. Verkor à Dunkerque.\n",
    )
    doc = load_one(seeds)
    assert by_kind(doc, "list_item") == [
        "le coût de l'énergie, deux fois plus élevé qu'aux États-Unis ;",
        "la concurrence des aides américaines ;",
        "lithium",  # a one-word item is data, not a stray fragment
        "Northvolt à Skellefteå, en Suède.",
        "ACC à Billy-Berclau, dans le Pas-de-Calais.",
        "Verkor à Dunkerque.",
    ]
    assert doc.paragraphs[0].kind == "heading" and doc.paragraphs[0].heading
    assert all(not p.heading for p in doc.paragraphs if p.kind == "list_item")
    assert "Les projets les plus avancés sont les suivants." in by_kind(doc, "text")


def test_menu_list_is_still_boilerplate(seeds: Path, write) -> None:
    write(
        "menu.md",
        "- Accueil\n- Partager sur Facebook\n- Newsletter\n\n"
        "# Le marché russe des voitures neuves\n\n" + INTRO + "\n\n" + OUTRO + "\n",
    )
    doc = load_one(seeds)
    assert by_kind(doc, "list_item") == []
    assert "Accueil" not in doc.text and doc.boilerplate_lines == 3


def test_pipe_table_and_bullets_in_text_seed(seeds: Path, write) -> None:
    write(
        "usines.txt",
        "Les usines de batteries d'Europe centrale\n\n"
        "La Hongrie accueille désormais plusieurs usines de cellules de batteries "
        "appartenant à des groupes chinois et coréens, selon le ministère des Affaires "
        "étrangères hongrois.\n"
        "| Usine | Capacité (GWh) | Mise en service |\n"
        "|---|---|---|\n"
        "| CATL Debrecen | 100 | 2026 |\n"
        "| Samsung SDI Göd | 40 | 2018 |\n"
        "Les projets cités :\n"
        "• CATL, premier fabricant mondial\n"
        "• Samsung SDI, filiale du conglomérat coréen\n"
        "- EVE Energy, qui fournira\n"
        "BMW à partir de 2026.\n"
        "2024. Une année record pour les investissements chinois en Hongrie.\n",
    )
    doc = load_one(seeds)
    assert by_kind(doc, "table_row") == [
        "CATL Debrecen — capacité (GWh) : 100 ; mise en service : 2026.",
        "Samsung SDI Göd — capacité (GWh) : 40 ; mise en service : 2018.",
    ]
    assert by_kind(doc, "list_item") == [
        "CATL, premier fabricant mondial",
        "Samsung SDI, filiale du conglomérat coréen",
        "EVE Energy, qui fournira",
    ]
    # Plain-text rules apply elsewhere: a capitalised line starts a new paragraph, and a
    # year followed by a full stop is not a numbered item.
    assert "BMW à partir de 2026." in [p.text for p in doc.paragraphs]
    assert "2024. Une année record pour les investissements chinois en Hongrie." in by_kind(
        doc, "text"
    )
    assert "|" not in doc.text and "•" not in doc.text


def test_header_labels_lower_case_but_acronyms_kept() -> None:
    text, found = mark_structure(
        "| Modèle | Batterie (kWh) | Véhicules EV | Catégorie A | Prix |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| Moskvich 3e | 82 | oui | non | 3,9 millions de roubles |",
        markdown=False,
    )
    row = (
        "Moskvich 3e — batterie (kWh) : 82 ; véhicules EV : oui ; catégorie A : non ; "
        "prix : 3,9 millions de roubles."
    )
    assert text.split("\n") == ["", row, ""]
    assert found[row].kind == "table_row"
    assert found[row].compare == "Moskvich 3e ; 82 ; oui ; non ; 3,9 millions de roubles."


HTML_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Terres rares : Pékin resserre son contrôle | Le Courrier des métaux</title></head>
<body>
<nav><a href="/">Accueil</a> <a href="/metaux">Métaux</a></nav>
<article>
<h1>Terres rares : Pékin resserre son contrôle</h1>
<p>La Chine a encore accru sa part de la production mondiale de terres rares l'an dernier,
selon les estimations publiées en janvier par l'Institut d'études géologiques américain.</p>
<table>
<thead><tr><th>Pays</th><th>Production minière (tonnes)</th>
<th>Réserves USGS (tonnes)</th></tr></thead>
<tbody>
<tr><td>Chine</td><td>240 000</td><td>44 000 000</td></tr>
<tr><td>États-Unis</td><td>43 000</td><td>1 800 000</td></tr>
<tr><td>Birmanie</td><td>38 000</td><td>n.d.</td></tr>
</tbody></table>
<p>Les analystes citent plusieurs raisons à la domination chinoise sur ce marché.</p>
<ul><li>des coûts d'extraction plus faibles que partout ailleurs</li>
<li>une maîtrise presque complète du <b>raffinage</b></li></ul>
<ol><li>Pékin fixe des quotas de production chaque année.</li>
<li>Les exportations de technologies de raffinage sont interdites.</li></ol>
</article>
<footer>© 2024 Le Courrier des métaux. Tous droits réservés.</footer>
</body></html>
"""
HTML_ROWS = [
    "Chine — production minière (tonnes) : 240 000 ; réserves USGS (tonnes) : 44 000 000.",
    "États-Unis — production minière (tonnes) : 43 000 ; réserves USGS (tonnes) : 1 800 000.",
    "Birmanie — production minière (tonnes) : 38 000 ; réserves USGS (tonnes) : n.d.",
]
HTML_ITEMS = [
    "des coûts d'extraction plus faibles que partout ailleurs",
    "une maîtrise presque complète du raffinage",
    "Pékin fixe des quotas de production chaque année.",
    "Les exportations de technologies de raffinage sont interdites.",
]


def test_html_table_and_list(seeds: Path, write) -> None:
    write("metaux.html", HTML_PAGE)
    doc = load_one(seeds)
    assert by_kind(doc, "table_row") == HTML_ROWS
    assert by_kind(doc, "list_item") == HTML_ITEMS
    assert not any("Pays" in p.text for p in doc.paragraphs)
    assert "|" not in doc.text and "---" not in doc.text


def test_html_fallback_table_and_list(seeds: Path, write, monkeypatch) -> None:
    # Without an article found by trafilatura, the lxml fallback writes the same Markdown.
    monkeypatch.setattr(htmltext.trafilatura, "extract", lambda *args, **kwargs: None)
    write("metaux.html", HTML_PAGE)
    doc = load_one(seeds)
    assert by_kind(doc, "table_row") == HTML_ROWS
    assert by_kind(doc, "list_item") == HTML_ITEMS


def test_paragraph_kind_and_heading_agree() -> None:
    assert Paragraph(0, "Ventes", heading=True).kind == "heading"
    assert Paragraph(0, "Ventes", kind="heading").heading
    assert Paragraph(0, "lithium", kind="list_item").heading is False
    assert Paragraph(0, "Une phrase.").kind == "text"
    with pytest.raises(ValueError):
        Paragraph(0, "x", kind="table")


SEEDS = Path(__file__).parents[2] / "seeds"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_real_seeds_have_no_structure(path: Path) -> None:
    """The five seeds hold no table or list: their text goes through unchanged."""
    text = normalize_typography(path.read_text(encoding="utf-8"))
    assert mark_structure(text, markdown=False) == (text, {})


def test_note_markers_are_not_text(seeds: Path, write) -> None:
    """ "Lishen[11].", "en 2023.[3]", "[réf. nécessaire]" and a Markdown footnote's
    label are references: gone from the text, the words around them kept."""
    write(
        "notes.md",
        "# Une coentreprise de batteries\n\n"
        f"{INTRO}[1]\n\n"
        "La coentreprise est détenue à 40 % par Lishen[11]. Les boîtes viendraient de "
        "Fast Gear[réf. nécessaire].[^2]\n\n"
        "[^2]: Selon la presse spécialisée, les livraisons ont commencé en 2024.\n",
    )
    text = load_one(seeds).text
    assert "par Lishen." in text and "de Fast Gear." in text
    assert "Selon la presse spécialisée" in text
    assert not any(m in text for m in ("[1]", "[11]", "[réf", "[^2]"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A PDF's note call glued to the name it follows is no part of the name.
        ("avec le groupe chinois Pelman Graphite(1).", "avec le groupe chinois Pelman Graphite."),
        # An enumeration after a space, a plural and a formula stay as written.
        ("les étapes (1) et (2)", "les étapes (1) et (2)"),
        ("the Model(s) 3", "the Model(s) 3"),
        ("CO2(3) emissions", "CO2(3) emissions"),
    ],
)
def test_a_bracketed_note_call_glued_to_a_word_is_dropped(text: str, expected: str) -> None:
    from analysis.corpus.structure import strip_note_markers

    assert strip_note_markers(text) == expected


def test_a_markdown_superscript_is_a_note_marker() -> None:
    from analysis.corpus.structure import strip_note_markers

    text = "ont quitté la Russie<sup>[1]</sup> ; des kits<sup>2</sup>. Ford"
    assert strip_note_markers(text) == "ont quitté la Russie ; des kits. Ford"


def test_a_bracketed_number_inside_code_is_text() -> None:
    # (a seed's payload must reach the book as written: "alert(1)" is no note call)
    from analysis.corpus.structure import strip_note_markers

    text = "<img src=x onerror=alert(1)> et [lien](javascript:alert(1))"
    assert strip_note_markers(text) == text


def test_a_row_keeps_its_first_column_header(seeds: Path, write) -> None:
    # The row sentence does not write the first header ("Client"), so the paragraph
    # carries it: a table keyed by buyer reads otherwise than one keyed by maker.
    write(
        "clients.md",
        "# Fournisseurs\n\n"
        f"{INTRO}\n\n"
        "| Client | Fournisseur | Site |\n"
        "|---|---|---|\n"
        "| Ordelia Bus | Hunan Qirong Cells | Xiangtan |\n\n"
        "| # | Acheteur | Tonnes |\n"
        "|---|---|---|\n"
        "| 1 | Ionika LLC | 1 860 |\n\n"
        "| Chine | 2023 | 240 000 t |\n"
        "| Birmanie | 2023 | 38 000 t |\n\n"
        f"{OUTRO}\n",
    )
    rows = [(p.text, p.row_header) for p in load_one(seeds).paragraphs if p.kind == "table_row"]
    assert rows == [
        ("Ordelia Bus — fournisseur : Hunan Qirong Cells ; site : Xiangtan.", "client"),
        ("Ionika LLC — tonnes : 1 860.", "acheteur"),  # (after a column of row numbers)
        ("Chine ; 2023 ; 240 000 t.", ""),
        ("Birmanie ; 2023 ; 38 000 t.", ""),
    ]
    doc = load_one(seeds)
    assert all(p.row_header == "" for p in doc.paragraphs if p.kind != "table_row")
