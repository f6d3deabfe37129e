"""A learned complement to the relation rules: a linear model over the words around two
actors named in one sentence.

The rules (``relations``) read a cue word and its grammar; they miss the many ways a
relation is stated without one of their cues ("BelGee, the joint venture between Geely
and BelAZ", "Haval cars are built at Great Wall Motor's plant in Tula"). This model
reads every pair of actors of a sentence that the rules left unrelated and, when it is
confident enough, adds the relation it predicts, marked ``rule="model"``. It also reads
the pairs the rules related: a rule row whose pair the model judges unrelated with a
probability of at least ``veto`` is set aside (the rules' cues fire on words a pair does
not own: "the deal still needs approval", a kit supplier's partner in a table), and kept
apart for review rather than dropped unseen.

Reads (the rows ``assemble`` settles across documents): sentences, mentions, the rules'
relations, and each actor's type, sector, provenance and parent. Writes (``review``):
the rules' rows kept, the rows added, with the pair's most telling word as the cue, and
the rows set aside, with the model's probability of no relation.

The model is multinomial logistic regression over binary features (``pair_features``):
the words between, before and after the two names, the words of the whole sentence
(hedges, talks, denials), the two actors' types, sectors and provenance, and whether the
rules related them. Its classes are a relation type and its direction (``production>``:
the first-named actor is the source), or ``none``. It is trained by
``relation_training`` on the annotated folders of ``tests/unseen/`` and stored in
``analysis/data/relation_model.json`` with its threshold and its cross-validated scores;
inference here needs no scikit-learn, only NumPy (which pandas brings).
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from analysis.extraction.actors import Actor
from analysis.extraction.grammar import one_word_cues
from analysis.extraction.relation_consolidate import is_region
from analysis.extraction.relation_context import (
    GRAMMAR,
    SYMMETRIC,
    dateline_length,
    is_possibility,
    is_question,
    is_retraction,
)
from analysis.extraction.relation_places import LICENSED
from analysis.extraction.relation_rules import allowed
from analysis.extraction.relation_ventures import RULE as VENTURE_RULE
from analysis.extraction.relation_ventures import SETTLED as VENTURE_RELATIONS
from analysis.extraction.russian import CYRILLIC

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "relation_model.json"
#: The rule name of the relations this module adds.
RULE = "model"
#: The class of a pair with no relation.
NONE = "none"
#: The reason a rule's row this module sets aside carries in ``relations_set_aside``.
SET_ASIDE = "learned model"
#: Bumped when ``pair_features`` changes: a stored model of another version is refused.
FEATURES_VERSION = 2
#: Pairs further apart than this many words are not read: long-distance pairs are
#: almost never related in the annotated folders, and they are most of the pairs.
MAX_GAP = 40

_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` with their offsets, lower-cased (read once per sentence)."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


def _bucket(n: int) -> str:
    return next((str(b) for b in (0, 2, 5, 10, 20) if n <= b), "more")


@dataclass(frozen=True)
class Pair:
    """Two actors named in one sentence, in reading order."""

    document: str
    sentence_id: str
    sentence: str
    first: str
    second: str
    key: tuple = ()


def pair_features(
    text: str,
    first: Mapping,
    second: Mapping,
    between_mentions: int,
    first_actor: Actor,
    second_actor: Actor,
    ruled: bool,
    roles: Mapping[str, set[str]] | None = None,
    tokens: list[tuple[int, int, str]] | None = None,
) -> list[str]:
    """The binary features of the pair of mention rows ``first`` < ``second`` (their
    ``start``, ``end``, ``kind`` and ``role``) in the sentence ``text``. ``roles``: what
    each actor is in the rules' relations of the sentence ("production:source"), which
    tells a brand made at a place the rules gave its maker, or a venture's parents."""
    tokens = tokens if tokens is not None else words_of(text)
    a, b = first["end"], second["start"]
    between = [w for s, e, w in tokens if s >= a and e <= b]
    left = [w for s, e, w in tokens if e <= first["start"]][-3:]
    right = [w for s, e, w in tokens if s >= second["end"]][:3]
    ta, tb = first_actor.type, second_actor.type
    out = [
        f"t1={ta}",
        f"t2={tb}",
        f"tt={ta}|{tb}",
        f"k={first['kind']}|{second['kind']}",
        f"r={first['role']}|{second['role']}",
        f"nb={_bucket(len(between))}",
        f"nm={_bucket(between_mentions)}",
        f"ruled={ruled}",
        f"prov={first_actor.provenance}|{second_actor.provenance}",
        f"sec={first_actor.sector}|{second_actor.sector}",
    ]
    out += [f"b={w}" for w in between]
    out += [f"bb={x}_{y}" for x, y in pairwise(between)]
    if len(between) <= 4:
        out.append("short=" + "_".join(between))
    if between:
        out += [f"b0={between[0]}", f"bl={between[-1]}"]
        if len(between) > 1:
            out += ["b01=" + "_".join(between[:2]), "bl2=" + "_".join(between[-2:])]
    out += [f"l={w}" for w in left] + [f"r={w}" for w in right]
    out += [f"s={w}" for w in {w for _, _, w in tokens}]
    if second_actor.name in (first_actor.parent,) or first_actor.name == second_actor.parent:
        out.append("kbparent")
    roles = roles or {}
    out += [f"ra={r}" for r in roles.get(first_actor.name, ())]
    out += [f"rb={r}" for r in roles.get(second_actor.name, ())]
    out += [f"srel={r.split(':')[0]}" for rs in roles.values() for r in rs]
    gap = text[first["end"] : second["start"]].strip()
    if gap in (",", "(", "—", "-", ":"):
        out.append("punct=" + gap)
    return sorted(set(out))


def candidate_pairs(
    sentences: Iterable[Mapping],
    mentions: Iterable[Mapping],
    relations: Iterable[Mapping],
    actors: Mapping[str, Actor],
) -> Iterator[tuple[Pair, list[str]]]:
    """Every pair of distinct actors named in one sentence (two countries excepted, a
    dateline's place, and pairs more than ``MAX_GAP`` words apart), with its features,
    in reading order."""
    by_sentence: dict[str, list[Mapping]] = defaultdict(list)
    for m in mentions:
        by_sentence[m["sentence_id"]].append(m)
    ruled: dict[str, set[frozenset]] = defaultdict(set)
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in relations:
        ruled[r["sentence_id"]].add(frozenset((r["source"], r["target"])))
        roles[r["sentence_id"]][r["source"]].add(f"{r['relation']}:source")
        roles[r["sentence_id"]][r["target"]].add(f"{r['relation']}:target")
    for s in sentences:
        sid, text = s["sentence_id"], s["text"]
        # (a paragraph's first sentence may open with a dateline: "MOSCOW, June 9 ... -")
        filed = dateline_length(text) if str(s.get("sentence")) == "0" else 0
        ms = sorted(by_sentence.get(sid, ()), key=lambda m: (m["start"], m["end"]))
        ms = [m for m in ms if m["start"] >= filed]
        if len(ms) < 2:
            continue
        tokens = words_of(text)
        for i, a in enumerate(ms):
            for j in range(i + 1, len(ms)):
                b = ms[j]
                if a["entity"] == b["entity"] or a["end"] > b["start"]:
                    continue
                actor_a, actor_b = actors[a["entity"]], actors[b["entity"]]
                if actor_a.type == actor_b.type == "country":
                    continue
                if sum(1 for s_, e_, _ in tokens if s_ >= a["end"] and e_ <= b["start"]) > MAX_GAP:
                    break
                inside = sum(1 for m in ms[i + 1 : j] if m["start"] >= a["end"])
                pair = Pair(s["document"], sid, text, a["entity"], b["entity"], s.get("_key", ()))
                is_ruled = frozenset((a["entity"], b["entity"])) in ruled[sid]
                yield (
                    pair,
                    pair_features(
                        text, a, b, inside, actor_a, actor_b, is_ruled, roles.get(sid), tokens
                    ),
                )


class ModelError(ValueError):
    """The stored model cannot be used; the message says why."""


@dataclass(frozen=True)
class RelationModel:
    """A trained model: ``weights[feature][class]``, ``bias[class]``, the probability
    from which a relation is added (``threshold``), and the probability of no relation
    from which a rule row is set aside (``veto``; 1.0 sets nothing aside)."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, Mapping[int, float]]
    threshold: float
    info: Mapping
    veto: float = 1.0

    @classmethod
    def from_json(cls, data: Mapping) -> RelationModel:
        if data.get("features_version") != FEATURES_VERSION:
            raise ModelError(
                f"relation model has features version {data.get('features_version')}, "
                f"the code reads version {FEATURES_VERSION}: retrain it with "
                "`python -m analysis.extraction.relation_training`"
            )
        classes = tuple(data["classes"])
        weights = {
            f: {int(k): float(v) for k, v in row.items()} for f, row in data["weights"].items()
        }
        return cls(
            classes,
            tuple(data["bias"]),
            weights,
            float(data["threshold"]),
            data["info"],
            float(data.get("veto", 1.0)),
        )

    @functools.cached_property
    def _matrix(self) -> tuple[dict[str, int], np.ndarray]:
        """The weights as one dense row per feature: a pair's scores are one gather and
        one sum instead of a Python loop over its features' classes (on 1,000 bench
        articles, 26,910 pairs: 5.3 s before, 2.5 s after, both under the profiler)."""
        index = {f: i for i, f in enumerate(self.weights)}
        matrix = np.zeros((len(index) + 1, len(self.classes)))  # last row: unknown
        for f, i in index.items():
            for k, w in self.weights[f].items():
                matrix[i, k] = w
        return index, matrix

    def probabilities(self, features: Iterable[str]) -> list[float]:
        """The probability of each class (softmax of the linear scores)."""
        index, matrix = self._matrix
        unknown = len(index)
        rows = [index.get(f, unknown) for f in features]
        scores = np.asarray(self.bias) + matrix[rows].sum(axis=0)
        exp = np.exp(scores - scores.max())
        return (exp / exp.sum()).tolist()

    def cue(self, features: Iterable[str], k: int) -> str:
        """The word between the two names that weighs most for class ``k`` (content
        words only: "which" or "a" may weigh, but tell a reader nothing)."""
        words = [
            (self.weights.get(f, {}).get(k, 0.0), f[2:])
            for f in features
            if f[:2] == "b=" and len(f) >= 6
        ]
        best = max(words, default=(0.0, ""))
        return best[1] if best[0] > 0 else ""


@functools.cache
def load_model(path: Path = MODEL_PATH) -> RelationModel:
    """The stored model (``relation_training`` writes it)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ModelError(f"{path}: cannot read the relation model ({error})") from error
    return RelationModel.from_json(data)


def _allowed(source: Actor, target: Actor, relation: str) -> bool:
    """The rules' type constraints (``relation_rules.allowed``), and an exit only from a
    country (the rules map a place left to its country; the model keeps none)."""
    if relation == "exit" and target.type != "country":
        return False
    return allowed(source, target, relation)


#: Relation types whose rows with a coarse site (a country or a region) as target the
#: model does not set aside.
COARSE_SITES = frozenset({"production", "investment"})


#: Rules whose cue words are read by their place around the names, which the model's
#: bag of words does not see (``vetoable``).
UNVETOED_RULES = ("apposition", LICENSED, "whose")


def vetoable(row: Mapping, actors: Mapping[str, Actor]) -> bool:
    """Whether the model may set aside a rule's ``row``: not a firm's production or
    investment in a country or a region. The annotated folders disagree there (the
    older ones and the seeds' gold count production in a country or region named beside
    the town, the newer ones only the town), so the model's "no relation" on such a row
    is a convention, not a reading; the rules' row stands, and the consolidation drops
    it where the document names the site. Nor an exit: the folders disagree on those too
    (a sale of Russian assets is an exit in the older ones, only "left Russia" in the
    newer), and with 51 folders the model set aside "après le retrait de Kia du
    Kazakhstan".

    Nor a row read in Russian. Among the 336 rows that hand checks judged in the ten
    latest checked folders, a model trained without them would have set aside 6 wrong
    rows and 1 right one at a probability of no relation of 0.8 with Russian rows, 4 and
    0 without; but with 69 folders it still sets aside the plain "Завод «Москвич» ...
    собрал ... автомобилей из машинокомплектов китайской компании JAC" (0.93), a stated
    supply: its Russian is too thin to overrule the rules.

    Nor an apposition's row ("A subsidiary of X, Y assembles ...", "Y, filiale de X"):
    its cue words are the pair's own, read by their place around the name, which the
    model's bag of words does not see (with 77 folders it set aside that plain sentence
    of the open-world tests). Nor the brands of a licence or kits ("assemble des voitures
    sous licence de Chery, de Geely et de FAW"), for the same reason: with 117 folders
    the model set those three aside after a clause naming two countries (0.80, 0.93,
    0.95). A brand right after the verb stays vetoable: of the five such rows the same
    model set aside on its folders, four were wrong ("qui monte ces stators sur la
    Mégane E-Tech qu'il assemble"). Nor a row of an owner's relative clause ("la marque
    X, qu'elle contrôle", "X, whose brand Y ...": the rule "whose"), read by structure
    too: the 15 such rows hand checks judged were all right, and the model trained on 133
    folders set aside "la marque Moskvich, qu'elle contrôle depuis 2022" (0.81)."""
    rule = row.get("rule", "")
    if CYRILLIC.search(row.get("sentence", "")) or rule.startswith(UNVETOED_RULES):
        return False
    target = actors.get(row["target"])
    coarse = target is not None and (target.type == "country" or is_region(target))
    return row["relation"] != "exit" and not (row["relation"] in COARSE_SITES and coarse)


@dataclass(frozen=True)
class Review:
    """What the model made of the rules' rows: ``kept`` and ``set_aside`` partition them
    (in their order; a set-aside row carries ``p_none``), ``added`` are its own rows."""

    kept: list[dict]
    added: list[dict]
    set_aside: list[dict]


def review(
    sentences: list[Mapping],
    mentions: list[Mapping],
    relations: list[Mapping],
    actors: Mapping[str, Actor],
    model: RelationModel | None = None,
) -> Review:
    """The model's reading of every pair of actors named in one sentence: for a pair the
    rules left unrelated, the most probable class becomes a row when it is not ``none``
    and its probability reaches ``threshold`` (one row per source, target, type and
    sentence); a rule row whose pair, in its sentence, has a probability of ``none`` of
    at least ``veto`` is set aside (unless it places a firm in a country or a region: ``vetoable``).
    Questions and sentences a modal clause governs whole ("Il est possible que ...") are
    left alone, and so are the ownership and partnership of a sentence whose joint
    venture's parents the rules settled (``relation_ventures``). The model adds nothing
    where a correction or an allegation takes a statement back ("An earlier version
    wrongly said ..."), and the rows of a coordination (one sentence, one type, a shared
    end) are set aside together or not at all."""
    model = model or load_model()
    none = model.classes.index(NONE)
    settled = {r["sentence_id"] for r in relations if r.get("rule", "").startswith(VENTURE_RULE)}
    out: dict[tuple, dict] = {}
    p_none: dict[tuple[str, frozenset], float] = {}
    named: dict[str, list[Mapping]] = defaultdict(list)
    for m in mentions:
        named[m["sentence_id"]].append(m)
    for pair, features in candidate_pairs(sentences, mentions, relations, actors):
        if is_question(pair.sentence) or is_possibility(pair.sentence):
            continue
        if "ruled=True" not in features and is_retraction(pair.sentence):
            continue  # ("An earlier version ... wrongly said that X supplies Y")
        probs = model.probabilities(features)
        if "ruled=True" in features:
            # (a pair named twice in its sentence: set aside only if every reading agrees)
            key = (pair.sentence_id, frozenset((pair.first, pair.second)))
            p_none[key] = min(p_none.get(key, 1.0), probs[none])
            continue
        k = max(range(len(probs)), key=probs.__getitem__)
        label = model.classes[k]
        if label == NONE or probs[k] < model.threshold:
            continue
        relation, forward = label[:-1], label[-1] == ">"
        source, target = (pair.first, pair.second) if forward else (pair.second, pair.first)
        if relation in SYMMETRIC:
            source, target = pair.first, pair.second
        if not _allowed(actors[source], actors[target], relation):
            continue
        if relation in VENTURE_RELATIONS and pair.sentence_id in settled:
            continue
        if relation == "exit" and _complement_only(pair.sentence, named[pair.sentence_id], source):
            continue  # ("X, longtemps fournisseur d'OrAZ, a quitté la Russie": X leaves)
        out.setdefault(
            (source, target, relation, pair.sentence_id),
            dict(
                source=source,
                target=target,
                relation=relation,
                document=pair.document,
                sentence_id=pair.sentence_id,
                sentence=pair.sentence,
                cue=model.cue(features, k),
                rule=RULE,
                directed=relation not in SYMMETRIC,
                _key=(*pair.key, relation, source, target),
            ),
        )

    def unrelated(row: Mapping) -> float | None:
        p = p_none.get((row["sentence_id"], frozenset((row["source"], row["target"]))))
        return p if p is not None and p >= model.veto and vetoable(row, actors) else None

    # A coordination's rows stand or fall together: rows of one sentence and type that
    # share an end ("sous licence de Chery, de Geely et de FAW") are set aside only if
    # the model judges every one of them unrelated.
    groups: dict[tuple, list[Mapping]] = {}
    for row in relations:
        for end in ("source", "target"):
            groups.setdefault((row["sentence_id"], row["relation"], end, row[end]), []).append(row)
    kept, set_aside = [], []
    for row in relations:
        p = unrelated(row)
        peers = [
            r
            for end in ("source", "target")
            for r in groups[(row["sentence_id"], row["relation"], end, row[end])]
        ]
        if p is not None and all(unrelated(r) is not None for r in peers):
            set_aside.append({**row, "p_none": round(p, 3), "reason": SET_ASIDE})
        else:
            kept.append(dict(row))
    return Review(kept, list(out.values()), set_aside)


#: Words before a name that make it a noun's complement ("fournisseur d'OrAZ").
OF_NAME = frozenset(GRAMMAR["complement_of"])
#: Nouns of an exit, whose complement is who leaves ("le départ de Renault").
EXIT_WORDS = one_word_cues("exit")
#: How many words an apposition may hold before the complement ("longtemps fournisseur de").
APPOSITION_WORDS = 5
#: Subject relatives after a name: the name is their antecedent, and their subject.
SUBJECT_RELATIVES = frozenset(GRAMMAR["subject_relatives"])


def _complement_only(text: str, mentions: list[Mapping], entity: str) -> bool:
    """Is every mention of ``entity`` in the sentence ``text`` the complement of a noun
    in an apposition, and of no exit's noun ("X, longtemps fournisseur d'OrAZ, a quitté";
    not "le départ de Renault", nor "l'usine de Nissan, qui a quitté"), never a subject?"""
    spans = [m for m in mentions if m["entity"] == entity]
    if not spans:
        return False
    for m in spans:
        before = text[: m["start"]].rstrip().lower()
        if before.endswith(("d'", "d’")):
            before = before[:-2] + " de"
        words = before.replace(",", " ").split()
        # (an exit's noun a few words back takes its list: "le départ précipité de
        # Renault, de Volkswagen et de Toyota")
        if len(words) < 2 or words[-1] not in OF_NAME or set(words[-8:-1]) & EXIT_WORDS:
            return False
        # ... inside an apposition a comma opens ("X, longtemps fournisseur d'OrAZ, a
        # quitté": not "l'usine de Nissan, qui a quitté", whose relative is Nissan's)
        opened = before.rfind(",")
        if opened < 0 or len(before[opened + 1 :].split()) > APPOSITION_WORDS:
            return False
        after = text[m["end"] :].lstrip(" ,").split()
        if after and after[0].lower() in SUBJECT_RELATIVES:
            return False
    return True


def model_relations(
    sentences: list[Mapping],
    mentions: list[Mapping],
    relations: list[Mapping],
    actors: Mapping[str, Actor],
    model: RelationModel | None = None,
) -> list[dict]:
    """The rows the model adds (``review``'s ``added``)."""
    return review(sentences, mentions, relations, actors, model).added
