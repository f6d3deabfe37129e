"""Requirement 3: HTML seeds give the article text (trafilatura) and the page title."""

from __future__ import annotations

from pathlib import Path

from corpus_samples import FRENCH_BODY, FRENCH_TITLE

from analysis.corpus import load_corpus

PAGE = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{FRENCH_TITLE} | Le Journal de l'Auto</title>
<script>alert("x")</script><style>p {{color: red}}</style></head>
<body>
<nav><a href="/">Accueil</a> <a href="/auto">Auto</a></nav>
<article>
<h1>{FRENCH_TITLE}</h1>
{"".join(f"<p>{p}</p>" for p in FRENCH_BODY)}
</article>
<aside><a href="https://facebook.com/share">Partager sur Facebook</a></aside>
<footer>© 2024 Le Journal de l'Auto. Tous droits réservés.</footer>
</body></html>
"""


def test_html_article_and_title(seeds: Path, write) -> None:
    write("page.html", PAGE.encode("cp1252"))
    (doc,) = load_corpus(seeds).documents
    assert doc.status == "ok"
    assert doc.title.startswith(FRENCH_TITLE)
    texts = [p.text for p in doc.paragraphs]
    for paragraph in FRENCH_BODY:
        assert paragraph in texts
    assert "alert" not in doc.text and "color" not in doc.text
    assert "Accueil" not in doc.text and "Facebook" not in doc.text
    assert doc.language == "fr"


def test_html_without_article_falls_back(seeds: Path, write) -> None:
    body = "".join(f"<div>{p}</div>" for p in FRENCH_BODY)
    write("bare.htm", f"<html><body><h1>{FRENCH_TITLE}</h1>{body}</body></html>")
    (doc,) = load_corpus(seeds).documents
    assert doc.status == "ok"
    assert doc.title == FRENCH_TITLE
    assert "40 000 véhicules" in doc.text
