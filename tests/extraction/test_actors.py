"""Knowledge base, linking of actors and country adjectives, discovery of candidates."""

from __future__ import annotations

import copy

import pytest
import yaml

from analysis.extraction.actors import (
    ATTRIBUTE,
    KB_PATH,
    PARTICIPANT,
    KnowledgeBaseError,
    load_knowledge_base,
    parse_knowledge_base,
)
from analysis.extraction.countries import english_adjective_forms, french_adjective_forms
from tests.fixtures.extraction_shared import mentions, tables_for


def _types(entities) -> dict[str, str]:
    """Actor name -> type, from an entities table."""
    return dict(zip(entities["entity"], entities["type"], strict=True))


def _kb_data() -> dict:
    return yaml.safe_load(KB_PATH.read_text(encoding="utf-8"))


def _names(text: str, lang: str = "fr") -> set[str]:
    return {m.entity for m in mentions(text, lang)}


# --- knowledge base ---------------------------------------------------------------------


def test_kb_has_every_seed_actor_with_controlled_fields() -> None:
    kb = load_knowledge_base()
    for name in [
        "Russia", "China", "Kazakhstan", "Ukraine", "Japan", "France", "USSR", "Moscow",
        "Beijing", "Astana", "Kamaz", "Kama", "Atom", "Atom Automotive Engineering and Technology",
        "Moskvich", "JAC", "Renault", "Nissan", "Vehicle Energy Japan", "Voltalia", "McDonald's",
        "Starbucks", "Reuters", "Bloomberg", "BBC", "Getty Images", "Rosatom", "Renera", "Xiaomi",
        "BAIC", "Hyundai", "Nio", "Wang Yi", "Murat Nurtleu", "Agnès Pannier-Runacher",
        "TECHNPLAY.COM", "Google", "Russian government", "Chinese Ministry of Foreign Affairs",
        "Kazakh Ministry of Foreign Affairs",
    ]:  # fmt: skip
        assert name in kb.actors, name
    assert kb.actors["Wang Yi"].type == "person" and kb.actors["Wang Yi"].country == "CN"
    assert kb.actors["Getty Images"].type == "media"
    assert "unverified" in kb.actors["Atom Automotive Engineering and Technology"].note
    # Kama (the seed's start-up) is not merged with Kamaz.
    assert "Kamaz" not in kb.actors["Kama"].aliases and "Kama" not in kb.actors["Kamaz"].aliases


def test_share_buttons_are_not_actors() -> None:
    kb = load_knowledge_base()
    for name in ["Facebook", "Twitter", "LinkedIn", "Pinterest", "Instagram", "Flipboard"]:
        assert name not in kb.actors
    assert not _names("Partagez sur Facebook, Twitter et LinkedIn.")


def test_countries_are_generated_for_all_iso_codes_in_both_languages() -> None:
    kb = load_knowledge_base()
    codes = {a.country for a in kb.actors.values() if a.type == "country"}
    assert len(codes) >= 249
    assert {"Hongrie", "Hungary"} <= set(kb.actors["Hungary"].aliases)
    assert {"Corée du Sud", "South Korea"} <= set(kb.actors["South Korea"].aliases)
    assert "Etats-Unis" in kb.actors["United States"].aliases  # accent-free variant


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["actors"][0].update(type="startup"), "type 'startup'"),
        (lambda d: d["actors"][0].update(country="Russia"), "not an ISO 3166"),
        (lambda d: d["actors"][0].update(sector="cars"), "sector 'cars'"),
        (lambda d: d["actors"][0].update(aliases="Kama"), "'aliases' must be a list"),
        (lambda d: d["actors"][0].update(colour="red"), "unknown field"),
        (lambda d: d["actors"].append(dict(d["actors"][0])), "duplicate name"),
    ],
)
def test_bad_kb_entry_raises_naming_the_entry(mutate, message: str) -> None:
    data = copy.deepcopy(_kb_data())
    mutate(data)
    with pytest.raises(KnowledgeBaseError, match=message) as err:
        parse_knowledge_base(data)
    assert "'Kama'" in str(err.value)


# --- adjectives -------------------------------------------------------------------------


def test_adjective_morphology() -> None:
    assert french_adjective_forms("chinois") == ["chinois", "chinoise", "chinoises"]
    assert set(french_adjective_forms("kazakh")) == {"kazakh", "kazakhe", "kazakhs", "kazakhes"}
    assert "coréenne" in french_adjective_forms("coréen")
    assert english_adjective_forms("Japanese") == ["Japanese"]
    assert english_adjective_forms("Russian") == ["Russian", "Russians"]


def test_adjective_of_a_firm_is_an_attribute() -> None:
    ms = mentions("Le constructeur automobile chinois JAC travaille avec Kamaz.")
    roles = {(m.entity, m.role) for m in ms}
    assert ("China", ATTRIBUTE) in roles and ("JAC", PARTICIPANT) in roles


def test_adjective_of_a_non_firm_is_a_participant() -> None:
    ms = mentions("Les autorités kazakhes soutiennent une initiative chinoise.")
    assert {(m.entity, m.role) for m in ms} == {
        ("Kazakhstan", PARTICIPANT),
        ("China", PARTICIPANT),
    }


def test_feminine_plural_adjective_and_compound() -> None:
    assert _names("Les entreprises chinoises et une alliance russo-chinoise.") == {
        "China",
        "Russia",
    }


def test_english_adjectives() -> None:
    ms = mentions("Japanese carmaker Nissan agreed a Sino-Russian deal.", "en")
    roles = {(m.entity, m.role) for m in ms}
    assert ("Japan", ATTRIBUTE) in roles
    assert {"China", "Russia", "Nissan"} <= {m.entity for m in ms}


# --- names ------------------------------------------------------------------------------


def test_longest_alias_wins() -> None:
    assert _names("Nissan rachète Vehicle Energy Japan.") == {"Nissan", "Vehicle Energy Japan"}
    assert _names("Le Groupe automobile de Pékin Co aide Xiaomi.") == {"BAIC", "Xiaomi"}


def test_glued_all_caps_alias_is_repaired() -> None:
    assert "JAC" in _names("comme entre Nio Et JACqui choisit alors")


def test_single_token_aliases_are_case_sensitive() -> None:
    assert "Atom" not in _names("an atom of lithium", "en")
    assert "United States" not in _names("they told us about it", "en")
    assert "United States" in _names("exports to the US rose", "en")


def test_bare_government_is_not_linked() -> None:
    assert _names("Le gouvernement travaille avec le constructeur.") == set()
    assert _names("Le gouvernement russe travaille avec JAC.") == {"Russian government", "JAC"}


# --- candidates -------------------------------------------------------------------------

JUNK = (
    "Bonjour à tous et bienvenue !\n\nCliquez pour commenter.\n\nAbonnez-vous à notre chaîne."
    "\n\nLaisser un commentaire.\n\nRestez toujours informé.\n\nPassons maintenant au sujet."
    "\n\nRosatom lance sa DEUXIÈME usine, on parle de MILLIARDS de roubles au XXIe siècle."
)


def test_junk_words_are_neither_actors_nor_candidates() -> None:
    t = tables_for({"junk": (JUNK, "fr")})
    words = {"Bonjour", "Cliquez", "Abonnez", "Laisser", "Restez", "Passons", "DEUXIÈME"}
    words |= {"MILLIARDS", "XXIe siècle"}
    assert set(t.entities["entity"]) == {"Rosatom"}
    assert not words & set(t.candidates["text"])


def test_a_generic_noun_capitalised_is_no_actor() -> None:
    """An annual report's "the Group" or "the Company" refers to a firm; it names none."""
    t = tables_for(
        {
            "en": (
                "In 2025 the Group opened a refinery at Pavlodar. The Company expects the "
                "Ministry to approve a second line, and the Holding also owns Zorvex Mining.",
                "en",
            ),
            "fr": ("Le Groupe a ouvert une usine à Pavlodar. La Société attend.", "fr"),
        }
    )
    assert set(t.entities["entity"]) == {"Pavlodar", "Zorvex Mining"}


def test_a_material_written_like_a_name_is_no_actor() -> None:
    """Battery materials' trade abbreviations ("MHP", "NdPr") are products, not firms."""
    t = tables_for(
        {
            "en": (
                "Korvel Nickel sells all of its MHP to Brantell Cobalt, and its NdPr oxide "
                "goes to Quellon Magnets.",
                "en",
            )
        }
    )
    entities = set(t.entities["entity"])
    assert not {"MHP", "NdPr"} & entities, entities
    rel = t.relations
    assert "MHP" not in set(rel["source"]) | set(rel["target"]), rel


def test_a_case_title_is_no_actor() -> None:
    """ "X c. Y", "X v. Y": the title of a case names two parties, not one actor."""
    t = tables_for(
        {
            "fr": ("Brantell Bus c. Korvel Motors : le tribunal donne raison au fabricant.", "fr"),
            "en": ("Brantell Bus v. Korvel Motors: the court upheld the award.", "en"),
        }
    )
    assert not {e for e in t.entities["entity"] if " c. " in e or " v. " in e}


def test_unknown_firms_become_discovered_actors_typed_by_the_text() -> None:
    t = tables_for(
        {
            # Made-up firms: no knowledge base can know them.
            "fr": ("Le groupe Varkon Industries s'associe avec Stellantis à Saragosse.", "fr"),
            "en": ("Shares of Stellantis rose after Quellon Technology said so.", "en"),
        }
    )
    entities = t.entities.set_index("entity")
    assert entities.loc["Stellantis", "provenance"] == "knowledge base"
    # Every candidate that looks like a name is an actor, marked as discovered.
    cands = t.candidates.set_index("text")
    assert {"Varkon Industries", "Saragosse", "Quellon Technology"} <= set(cands.index)
    assert cands.loc["Varkon Industries", "actor"] == "Varkon Industries"
    assert entities.loc["Varkon Industries", "provenance"] == "discovered"
    assert entities.loc["Varkon Industries", "type"] == "company"  # "le groupe Varkon Industries"
    assert entities.loc["Saragosse", "type"] == "place"  # "à Saragosse"
    evidence = t.details["actor_evidence"]
    row = evidence[(evidence["entity"] == "Varkon Industries") & (evidence["attribute"] == "type")]
    assert list(row["sentence_id"]) == ["fr:0:0"] and list(row["basis"]) == ["descriptor"]
    assert "Shares" not in set(cands.index)  # sentence-initial capital says nothing


def test_models_minerals_and_labels_are_not_actors_and_firm_words_type_names() -> None:
    """ "Qin Plus" is a model, "Graphite sphérique" a material, "Plateforme : X" a label
    and its value; "Tobol Lithium", which NER may call a person, is a firm."""
    t = tables_for(
        {
            "fr": (
                "L'usine de Zorvex a produit 46 000 Qin Plus et Song Plus. "
                "Graphite sphérique — site : Angren.",
                "fr",
            ),
            "en": ("Tau-Ken Samruk owns 25% of Tobol Lithium.", "en"),
            "md": ("Plateforme : Dongfeng (licence)", "fr"),
        }
    )
    entities = t.entities.set_index("entity")
    assert not {"Qin Plus", "Song Plus", "Graphite sphérique", "Graphite"} & set(entities.index)
    assert "Plateforme : Dongfeng" not in set(t.candidates["text"])
    assert "Dongfeng Motor" in entities.index
    assert entities.loc["Tobol Lithium", "type"] == "company"


def test_a_region_named_after_a_known_city_is_its_own_place() -> None:
    """ "dans la région de Kalouga", "in the Minsk region": the region, in the city's
    country, not the city itself."""
    t = tables_for(
        {
            "fr": ("Zorvex Motors assemble des camions dans la région de Kalouga.", "fr"),
            "en": ("Zorvex Motors assembles trucks in the Minsk region.", "en"),
            "new": ("Zorvex Motors mines lithium in the Quellonsk region.", "en"),
        }
    )
    entities = t.entities.set_index("entity")
    assert entities.loc["Kaluga region", "type"] == "place"
    assert entities.loc["Kaluga region", "country"] == "RU"
    assert entities.loc["Minsk region", "country"] == "BY"
    # (a production at a region is read, then set aside: a region is no plant's site)
    rel = t.details["relations_set_aside"]
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert ("Zorvex Motors", "Minsk region", "production") in found, found
    assert ("Zorvex Motors", "Minsk", "production") not in found, found
    assert "Minsk" not in set(t.relations["target"])
    # A place the knowledge base lacks keeps its region word too.
    assert "Quellonsk region" in set(t.candidates["text"]), t.candidates


def test_a_region_named_after_a_country_is_a_place_of_it() -> None:
    """ "the East Kazakhstan region", "la région du Kazakhstan-Oriental": a region of
    the country, not the country; "South Korea" stays the country."""
    t = tables_for(
        {
            "en": ("Zorvex Mining produces graphite in the East Kazakhstan region.", "en"),
            "fr": ("Zorvex Mining exploite une mine dans la région du Kazakhstan-Oriental.", "fr"),
            "kr": ("Zorvex Mining builds trucks in South Korea.", "en"),
        }
    )
    entities = t.entities.set_index("entity")
    assert entities.loc["East Kazakhstan region", "type"] == "place"
    assert entities.loc["East Kazakhstan region", "country"] == "KZ"
    assert "Kazakhstan-Oriental" in " ".join(t.mentions["text"]), t.mentions
    rel = t.relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert ("Zorvex Mining", "Kazakhstan", "production") not in found, found
    assert ("Zorvex Mining", "South Korea", "production") in found, found


@pytest.mark.parametrize(
    ("text", "lang", "name", "kind"),
    [
        # Invented names; an apposition with a descriptor's head makes each a candidate
        # even where NER misses it, and types it.
        (
            "Analysts still talk about the mine. Varkon Gold, the Canadian miner, left "
            "Kyrgyzstan in 2022.",
            "en",
            "Varkon Gold",
            "company",
        ),
        (
            "Selon nos informations, Tessan Motors, un assembleur kazakh, monte des "
            "utilitaires à Kostanaï.",
            "fr",
            "Tessan Motors",
            "company",
        ),
    ],
)
def test_a_name_an_apposition_describes_is_an_actor(text, lang, name, kind) -> None:
    entities = tables_for({"t": (text, lang)}).entities
    types = _types(entities)
    assert types.get(name) == kind, types


def test_a_comma_after_an_opening_word_makes_no_actor() -> None:
    entities = tables_for({"t": ("Meanwhile, the company said nothing.", "en")}).entities
    assert "Meanwhile" not in set(entities["entity"])


@pytest.mark.parametrize(
    ("name", "label", "kind"),
    [
        ("Zorvex Magnetics", "LOC", "company"),  # a firm's head noun, not the town's name
        ("Varkon Materials", "PER", "company"),
        ("Quellon Rare-Earth", "PER", "company"),  # a two-word entry: "Rare Earth"
        ("Kerbala Tyres", "LOC", "company"),
        ("Anna Petrova", "PER", "person"),
        ("Kerbala", "LOC", "place"),
    ],
)
def test_words_of_a_firms_name_type_it_before_the_ner_label(name, label, kind) -> None:
    from analysis.extraction.descriptors import _from_name, load_lexicon

    assert _from_name(name, label, load_lexicon())[0].value == kind


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        # A plural head types every name of the list after it (invented names).
        (
            "Three Chinese carmakers, Brixon, Talvera and Quorra, have left Belarus.",
            "en",
            ["Brixon", "Talvera", "Quorra"],
        ),
        (
            "Les équipementiers allemands Valmor, Drenic et Sarvel ont quitté la Russie en 2022.",
            "fr",
            ["Valmor", "Drenic", "Sarvel"],
        ),
        (
            "Two battery makers, Korvath Cells and Ilsen Power, stopped shipping to "
            "Russia last year.",
            "en",
            ["Korvath Cells", "Ilsen Power"],
        ),
    ],
)
def test_a_plural_head_types_each_name_of_its_list(text, lang, names) -> None:
    entities = tables_for({"t": (text, lang)}).entities
    types = _types(entities)
    for name in names:
        assert types.get(name) == "company", types


def test_a_singular_head_types_no_list_after_it() -> None:
    """ "the carmaker Brixon, Anna Petrova and Oleg Sidorov": a singular head describes
    the first name only; the persons after it stay persons."""
    entities = tables_for(
        {"t": ("The carmaker Brixon, Anna Petrova and Oleg Sidorov met in Almaty in May.", "en")}
    ).entities
    types = _types(entities)
    assert types.get("Brixon") == "company", types
    for person in ("Anna Petrova", "Oleg Sidorov"):
        assert types.get(person) == "person", types


@pytest.mark.parametrize(
    ("text", "lang", "name", "place"),
    [
        # NER takes these invented firms for persons; a person does not make goods at a place.
        ("En Chine, Brixon Wiring fabrique à Wuhu des faisceaux.", "fr", "Brixon Wiring", "Wuhu"),
        # a "person" whose name holds a town is a firm's name
        (
            "En Chine, Wuhu Brixon Wiring, la coentreprise du groupe, fabrique à Wuhu des "
            "faisceaux.",
            "fr",
            "Wuhu Brixon Wiring",
            "Wuhu",
        ),
    ],
)
def test_a_name_that_makes_goods_at_a_place_is_a_firm(text, lang, name, place) -> None:
    t = tables_for({"t": (text, lang)})
    types = _types(t.entities)
    assert types.get(name) == "company", types
    rel = t.relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert (name, place, "production") in found, found


def test_a_hyphenated_country_pair_in_an_apposition_still_describes_the_name() -> None:
    entities = tables_for(
        {
            "t": (
                "Korvathmet, the Mongolian-Russian state company that mines fluorspar at "
                "Berkh, signed a memorandum in May.",
                "en",
            )
        }
    ).entities
    types = _types(entities)
    assert types.get("Korvathmet") == "company", types


def test_an_unknown_word_opening_a_french_sentence_can_be_a_name() -> None:
    """The French tagger may tag an invented name at a sentence's start as an adverb; a
    word its vectors do not know, that NER calls a name, is still a candidate."""
    t = tables_for(
        {"t": ("Zyrelon, filiale du groupe Kelmar Holding, assemble des packs à Tver.", "fr")}
    )
    types = _types(t.entities)
    assert types.get("Zyrelon") == "company", types


def test_a_hyphenated_first_word_stays_in_a_name_that_ends_with_a_legal_form() -> None:
    """ "Bel-Ata Glass LLC": NER finds no part of it; the name runs back from its legal
    form over capitalised words and the hyphen inside one."""
    entities = tables_for(
        {
            "t": (
                "Windscreens and side glass come from Bel-Ata Glass LLC, a sister company "
                "also wholly owned by Ak-Tor Invest Holding LLC, which makes them at "
                "Balykchy.",
                "en",
            )
        }
    ).entities
    names = set(entities["entity"])
    assert "Bel-Ata Glass LLC" in names, names
    assert "Ata Glass LLC" not in names, names


@pytest.mark.parametrize(
    ("text", "lang", "name", "kind"),
    [
        # the agent of a trade participle is a firm, whatever NER said ...
        (
            "Les faisceaux sont fabriqués par Brixon Wiring à Wuhu.",
            "fr",
            "Brixon Wiring",
            "company",
        ),
        # ... but a person who compiled or signed something stays a person
        (
            "The estimate is based on information compiled by Fiona Talvercott, a member "
            "of the institute.",
            "en",
            "Fiona Talvercott",
            "person",
        ),
    ],
)
def test_the_agent_of_a_participle_is_a_firm_only_after_a_trade_verb(text, lang, name, kind):
    entities = tables_for({"t": (text, lang)}).entities
    types = _types(entities)
    assert types.get(name) == kind, types


def test_a_name_after_a_plant_and_at_is_a_place_whatever_ner_says() -> None:
    """ "a plant at X" says where the plant is, even when NER calls X an organisation
    (it does here); "l'usine de X" may be X's plant, and is left to NER."""
    entities = tables_for(
        {
            "t": (
                "Brixon Graphite ships its concentrate to Talvera's anode plant at Qitaihe.",
                "en",
            )
        }
    ).entities
    types = _types(entities)
    assert types.get("Qitaihe") == "place", types
