"""The book's title, study block and downloads (issue 15), without building a book."""

from __future__ import annotations

import zipfile

import pandas as pd
import yaml

from analysis import bookmeta, downloads
from analysis.corpus.study import Study


def entities() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "entity": ["Uzbekistan", "China", "BYD", "Russia", "Kazakhstan"],
            "type": ["country", "country", "company", "country", "country"],
            "mentions": ["9", "7", "12", "7", "1"],
        }
    )


def test_the_seeds_most_mentioned_countries_title_a_book_without_study(tmp_path):
    (tmp_path / "_config.yml").write_text("title: Old\nauthor: Us\n", encoding="utf-8")
    title = bookmeta.write_book_meta(tmp_path, Study(), entities(), with_pdf=False)
    # ties are broken by name: China before Russia
    assert (
        title == "Uzbekistan, China and Russia in the news: actors, partnerships and supply chains"
    )
    config = yaml.safe_load((tmp_path / "_config.yml").read_text(encoding="utf-8"))
    assert config == {"title": title, "author": "Us"}
    page = (tmp_path / bookmeta.STUDY_PAGE).read_text(encoding="utf-8")
    assert "the defaults (the seeds folder has no `study.yaml`" in page
    assert "book.pdf" not in page and "data.zip" in page


def test_a_study_title_is_escaped_text(tmp_path):
    (tmp_path / "_config.yml").write_text("title: Old\n", encoding="utf-8")
    study = Study(title="Plants *and* {partners}", subtitle="<b>two</b>", given=True)
    bookmeta.write_book_meta(tmp_path, study, entities(), with_pdf=True)
    page = (tmp_path / bookmeta.STUDY_PAGE).read_text(encoding="utf-8")
    assert "*and*" not in page and "<b>" not in page.split("```{raw} html")[0]
    assert "book.pdf" in page and "the seeds folder's `study.yaml`" in page


def test_the_data_archive_holds_every_csv_and_a_readme_and_is_reproducible(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "entities.csv").write_text("entity\nBYD\n", encoding="utf-8")
    (data / "relations.csv").write_text("source,target\n", encoding="utf-8")
    (data / "run.json").write_text("{}", encoding="utf-8")
    first = downloads.write_archive(data, tmp_path / "a.zip").read_bytes()
    second = downloads.write_archive(data, tmp_path / "b.zip").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        names = archive.namelist()
        readme = archive.read("data/README.md").decode("utf-8")
    assert names == ["data/README.md", "data/entities.csv", "data/relations.csv"]
    assert "``entities.csv``" in readme and "sentence_id" in readme


def test_the_archive_holds_the_chapters_data_under_the_names_the_book_prints(tmp_path):
    data = tmp_path / "data"
    pages = tmp_path / "chapters" / "data"
    data.mkdir()
    pages.mkdir(parents=True)
    (data / "entities.csv").write_text("entity\nBYD\n", encoding="utf-8")
    (pages / "actors-relations.csv").write_text("source,target,type\nA,B,supply\n", "utf-8")
    downloads.write_archive(data, tmp_path / "a.zip", pages)
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        names = archive.namelist()
        readme = archive.read("data/README.md").decode("utf-8")
    assert "data/chapters/actors-relations.csv" in names
    assert "- `actors-relations.csv`: source, target, type" in readme
