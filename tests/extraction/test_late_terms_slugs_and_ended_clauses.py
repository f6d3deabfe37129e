"""A name written before the bracket that defines it for another firm; a wire slug glued
to a headline's first name; a clause opened by the year a relation ended.

Each test uses invented firms; the negative cases are guards that also pass before the
change they go with."""

from __future__ import annotations

from analysis.corpus import load_corpus
from analysis.extraction import extract
from tests.fixtures.extraction_shared import tables_for


def _entities(texts: dict[str, tuple[str, str]]) -> set[str]:
    return set(tables_for(texts).entities["entity"])


def test_a_name_used_before_its_definition_is_the_defined_firm(tmp_path) -> None:
    """A web page whose keywords and lead write "Varkon Lithium" before 'Jiangxi Varkon
    Lithium Co., Ltd. ("Varkon Lithium" or "the Company")': one firm, which holds the
    venture (not a second "Varkon Lithium" beside it)."""
    (tmp_path / "about_en.html").write_text(
        """<!DOCTYPE html>
<html lang="en"><head><title>Our Business | About Us | Jiangxi Varkon Lithium Co., Ltd.</title>
<meta name="keywords" content="Varkon Lithium, lithium carbonate, spodumene, Yichun">
</head><body>
<h1>Our Business</h1>
<p>From ore to salts: Varkon Lithium controls every step between the mine and the plant.</p>
<h2>Who we are</h2>
<p>Jiangxi Varkon Lithium Co., Ltd. (“Varkon Lithium” or “the Company”) is a producer of
lithium carbonate, headquartered in Nanchang.</p>
<p>Abroad, Varkon holds 49% of Qalmar Lithium LLP, a joint venture with Ertau Resources
JSC, which holds the remaining 51%.</p>
</body></html>
""",
        encoding="utf-8",
    )
    tables = extract(load_corpus(tmp_path).documents, progress=False)
    assert "Varkon Lithium" not in set(tables.entities["entity"])
    first = tables.mentions[tables.mentions["text"] == "Varkon Lithium"]
    assert set(first["entity"]) == {"Jiangxi Varkon Lithium Co., Ltd."}


def test_a_name_defined_for_itself_stays_one_actor() -> None:
    """(guard) A firm whose short name is defined first and used after: nothing moves."""
    text = (
        "Jiangxi Varkon Lithium Co., Ltd. (“Varkon Lithium”) is a producer of lithium "
        "carbonate.\n\nVarkon Lithium supplies lithium carbonate to Quellon Motors."
    )
    names = _entities({"early_term": (text, "en")})
    assert "Jiangxi Varkon Lithium Co., Ltd." in names and "Varkon Lithium" not in names


def test_a_wire_slug_is_no_part_of_the_name_it_is_glued_to() -> None:
    """'FACTBOX-Quellon Motors at a glance', 'EXCLUSIVE-China's ...': the slug goes, the
    name stays whole."""
    text = (
        "EXCLUSIVE-China's Varkon Automobile to buy control of Quellon Motors -sources\n\n"
        "Varkon Automobile Group Co., Ltd. has agreed to buy 51% of Quellon Motors LLC, "
        "according to two people familiar with the matter.\n\n"
        "FACTBOX-Quellon Motors at a glance\n\n"
        "Quellon Motors assembles cars at its plant in Tula."
    )
    names = _entities({"wire": (text, "en")})
    assert not any(n.startswith(("EXCLUSIVE", "FACTBOX")) for n in names)
    assert "Quellon Motors LLC" in names or "Quellon Motors" in names


def test_the_year_a_relation_ended_opening_its_clause_ends_it() -> None:
    """'Varkon has no plant in Russia; until 2023 its cars were assembled by Quellon
    Motors in Kaliningrad': Quellon's production there has ended; without the year it
    stands (the positive control)."""
    ended = (
        "Varkon Automobile has no plant in Russia; until 2023 its cars were assembled "
        "under contract by Quellon Motors in Kaliningrad."
    )
    running = (
        "Varkon Automobile has no plant in Russia; its cars are assembled under contract "
        "by Quellon Motors in Kaliningrad."
    )
    for text, stands in ((ended, False), (running, True)):
        rows = tables_for({"until": (text, "en")}).relations
        found = {(r.source, r.target, r.relation) for r in rows.itertuples()}
        assert (("Quellon Motors", "Kaliningrad", "production") in found) is stands, text


def test_a_plant_in_a_country_its_firm_leaves_is_its_past() -> None:
    """A timeline: 'Varkon Motors assembles cars at its plant in Kaluga' in 2021, then
    'Varkon Motors leaves Russia' in 2022: the exit stands, the production goes; without
    the exit it stands (the positive control)."""
    plant = "Feb 2021: Varkon Motors assembles cars at its plant in Kaluga."
    exit_ = "May 2022: Varkon Motors leaves Russia and sells the plant to Quellon Auto."
    for text, stands in ((f"{plant}\n\n{exit_}", False), (plant, True)):
        rows = tables_for({"left": (text, "en")}).relations
        found = {(r.source, r.target, r.relation) for r in rows.itertuples()}
        assert (("Varkon Motors", "Kaluga", "production") in found) is stands, found
        assert ("Varkon Motors", "Russia", "exit") in found or stands


def test_a_russian_issuer_term_defined_after_a_former_name_is_read_in_every_case() -> None:
    """'АО «Варкон Литий» (прежнее наименование — АО «Ерден», далее — «Общество»)':
    the marker follows a comma inside the brackets; «Общества», «Обществом» are the
    firm too, and a neuter past verb ("приобрело") is a cue like the feminine one."""
    text = (
        "Акционерное общество «Варкон Литий» (прежнее наименование — АО «Ерден», "
        "далее — «Общество») сообщает следующее.\n\n"
        "Основной вид деятельности Общества — добыча лития.\n\n"
        "Совет директоров Общества одобрил сделку. Обществу принадлежит 100% ТОО "
        "«Квеллон Логистик»."
    )
    tables = tables_for({"obshchestvo": (text, "ru")})
    linked = tables.mentions[tables.mentions["text"].str.startswith("Обществ")]
    assert set(linked["entity"]) == {"Варкон Литий"} and len(linked) == 4
    named = "АО «Варкон Литий» приобрело ТОО «Квеллон Логистик»."
    found = {
        (r.source, r.target, r.relation)
        for r in tables_for({"n": (named, "ru")}).relations.itertuples()
    }
    assert ("Варкон Литий", "Квеллон Логистик", "acquisition") in found


def test_the_neuter_past_of_a_russian_cue_is_read_and_a_name_ending_so_is_not() -> None:
    from analysis.extraction.relation_russian import with_neuter_past

    assert with_neuter_past(["приобрела", "купили", "перешла в собственность"]) == [
        "приобрела",
        "купили",
        "перешла в собственность",
        "приобрело",
        "перешло в собственность",
    ]
    # (guard) a short word and a plural stay as they are
    assert with_neuter_past(["была", "выпускали"]) == ["была", "выпускали"]


def test_a_numbered_or_doubled_wire_slug_goes_too() -> None:
    """'UPDATE 2-Quellon Motors ...', 'REFILE-UPDATE 1-...': the tokenizer leaves a space
    before the number; every slug goes, and the headline's name stays whole."""
    from analysis.extraction.name_spans import _without_slug
    from analysis.extraction.nlp import load_model

    nlp = load_model("en")
    for headline in ("UPDATE 2-Quellon Motors", "REFILE-UPDATE 1-Quellon Motors"):
        doc = nlp(headline)
        span = _without_slug(doc[0 : len(doc)])
        assert span is not None and span.text == "Quellon Motors", headline
    doc = nlp("EXCLUSIVE")
    assert _without_slug(doc[0:1]) is None


def test_a_term_after_a_comma_names_the_firm_right_before_it() -> None:
    """'Varkon Lithium (a subsidiary of Quellon Group Co., Ltd., hereinafter "Quellon")':
    "Quellon" is the parent named before the comma, not Varkon Lithium."""
    text = (
        "Varkon Lithium LLP (a subsidiary of Quellon Group Co., Ltd., hereinafter "
        '"Quellon") produces lithium at Shalkar.\n\nQuellon supplies cells to Ertau Motors.'
    )
    tables = tables_for({"comma_term": (text, "en")})
    quellon = tables.mentions[tables.mentions["text"] == "Quellon"]
    assert "Varkon Lithium LLP" not in set(quellon["entity"])


def test_a_relative_word_of_an_earlier_clause_does_not_hide_the_year_that_ended_it() -> None:
    """'Varkon said that it has no plant in Russia; until 2023 its cars were assembled by
    Quellon Motors in Kaliningrad': "that" belongs to the first clause."""
    text = (
        "Varkon Automobile said that it has no plant in Russia; until 2023 its cars were "
        "assembled under contract by Quellon Motors in Kaliningrad."
    )
    rows = tables_for({"until_that": (text, "en")}).relations
    found = {(r.source, r.target, r.relation) for r in rows.itertuples()}
    assert ("Quellon Motors", "Kaliningrad", "production") not in found


def test_a_defined_term_frees_only_a_span_of_itself_and_lower_case_words() -> None:
    from analysis.extraction.mentioned_again import _term_first

    defined = {"Общество": "Варкон Литий", "Quellon Motors": "Quellon Motors LLC"}
    assert _term_first("Общество приобрело", defined)
    assert _term_first("Quellon Motors", defined)
    # (guards) more of a name after the term, quoted or not, and an empty text
    assert not _term_first("Общество «Квеллон»", defined)
    assert not _term_first("Общество Квеллон", defined)
    assert not _term_first("", defined)


def test_a_plural_is_no_case_of_a_russian_term() -> None:
    """'ТОО «Варкон» (далее — «Компания»)': «Компании» in "Компании региона увеличили
    выпуск" are the region's companies; «Компании» of "деятельность Компании" is the firm."""
    text = (
        "ТОО «Варкон Литий» (далее — «Компания») сообщает следующее.\n\n"
        "Основной вид деятельности Компании — добыча лития.\n\n"
        "Компании региона увеличили выпуск."
    )
    tables = tables_for({"plural": (text, "ru")})
    linked = tables.mentions[tables.mentions["text"] == "Компании"]
    assert list(linked["sentence_id"]) == ["plural:1:0"]


def test_a_plant_its_firm_still_runs_after_leaving_stays() -> None:
    """'Varkon Motors left the Russian car market in 2022 ... it still assembles vans at
    its plant in Kaluga': the production's own sentence says it goes on."""
    text = (
        "May 2022: Varkon Motors leaves Russia.\n\n"
        "Varkon Motors still assembles vans at its plant in Kaluga."
    )
    rows = tables_for({"still": (text, "en")}).relations
    found = {(r.source, r.target, r.relation) for r in rows.itertuples()}
    assert ("Varkon Motors", "Kaluga", "production") in found
