"""The seeds folder's study settings (``study.yaml``): defaults, values, clear errors."""

from __future__ import annotations

import pytest

from analysis.corpus import load_corpus
from analysis.corpus.study import Study, StudyError, generic_title, read_study


def write(tmp_path, text: str):
    (tmp_path / "study.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_without_a_study_file_the_defaults_apply(tmp_path):
    study = read_study(tmp_path)
    assert study == Study()
    assert (study.focus_countries, study.partner_country, study.home_country) == (
        ("RU", "CN", "KZ"),
        "CN",
        "RU",
    )
    assert not study.given
    assert study.book_title(["Uzbekistan", "China"]) == (
        "Uzbekistan and China in the news: actors, partnerships and supply chains"
    )


def test_a_study_file_sets_title_countries_and_period(tmp_path):
    study = read_study(
        write(
            tmp_path,
            'title: "Uzbekistan  and its partners"\nsubtitle: Twelve articles\n'
            "focus_countries: [uz, CN]\npartner_country: cn\nperiod: [2022, 2025]\n",
        )
    )
    assert study.title == "Uzbekistan and its partners"
    assert study.focus_countries == ("UZ", "CN")
    # no home given and Russia not in focus: the first focus country
    assert (study.partner_country, study.home_country, study.period) == ("CN", "UZ", (2022, 2025))
    assert study.book_title(["Russia"]) == "Uzbekistan and its partners"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("partner: CN\n", "unknown key(s) partner"),
        ("partner_country: China\n", "'partner_country': 'China'"),
        ("focus_countries: [RU, XX]\n", "'focus_countries': 'XX'"),
        ("period: [2025, 2022]\n", "'period'"),
        ("period: 2024\n", "'period'"),
        ("title: [a, b]\n", "'title'"),
        ("- just\n- a list\n", "expected keys"),
        ("title: 'unclosed\n", "cannot be read as YAML"),
    ],
)
def test_a_bad_value_names_the_file_and_the_key(tmp_path, text, named):
    with pytest.raises(StudyError) as error:
        read_study(write(tmp_path, text))
    assert "study.yaml" in str(error.value) and named in str(error.value)


def test_the_study_file_is_no_seed(tmp_path):
    write(tmp_path, "title: A study\n")
    (tmp_path / "a.txt").write_text("Une phrase en français sur Renault.", encoding="utf-8")
    ids = [d.id for d in load_corpus(tmp_path).documents]
    assert ids == ["a"]


def test_a_generic_title_with_no_country():
    assert "in the news" in generic_title([])
