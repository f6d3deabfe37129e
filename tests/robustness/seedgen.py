"""Seed folders for the robustness tests, generated at test time (bytes written by code).

``make_broken_hostile_seeds`` writes one folder holding every broken seed of issue 6
(empty, binary, undecodable, UTF-16, cp1252, over 50 MB, German and Spanish, exact and
near duplicates, no actor, a malformed provenance row, a name with spaces and accents, a
symbolic link leading outside, unsupported types) next to hostile seeds whose titles and
sentences carry HTML, Markdown, MyST, LaTeX, math and template payloads. The articles are
French (written for these tests) and use real cue words, so that extraction puts the
payloads into the relations, figures and titles shown by the book.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import random
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

#: The tests' one fixtures folder: the extraction's articles and the other seeds' ones.
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_FOLDERS = (FIXTURES / "articles", FIXTURES / "other_articles")

#: What a payload that ran would set (checked to be undefined in the browser).
PWNED = "window.__pwned=1"
SCRIPT = f"<script>{PWNED};alert(1)</script>"
IMG = f"<img src=x onerror={PWNED};alert(1)>"
JS_LINK = f"[lien](javascript:{PWNED};alert(1))"
SVG = f"<svg onload={PWNED}>"
INPUT = r"\input{/etc/passwd}"
MYST_CITE = "{cite}`fake2020`"
RAW = "```{raw} html"
INCLUDE = "{include} /etc/passwd"
EVAL_RST = "{eval-rst}"
JINJA_VAR = "{{ secret }}"
JINJA_TAG = "{% include x %}"
INLINE_MATH = "$x$"
DISPLAY_MATH = "$$y$$"
#: A word only the seeds contain, searched for in the HTML book's search page.
SEARCH_WORD = "Zorvatek"
#: Text of the file a symbolic link points to, outside the seeds folder.
OUTSIDE_SECRET = "OUTSIDESECRET4821"
#: Sizes: the corpus reader skips files over 50 MiB without reading them.
HUGE_BYTES = 51 * 1024 * 1024


def write_seed_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BASE_ARTICLE = """\
Le chinois Chery reprend l'usine abandonnée par Volkswagen à Kalouga

Le constructeur chinois Chery va relancer l'ancienne usine de Volkswagen à Kalouga, au \
sud-ouest de Moscou, selon le quotidien Kommersant. Le groupe allemand a quitté la Russie \
en 2022 après le début de la guerre en Ukraine.

L'usine pourrait assembler 80 000 voitures par an à partir de 2024, d'après des sources \
proches du dossier. Chery fournirait les kits de montage et la technologie, tandis qu'un \
investisseur russe apporterait le financement.

Les sanctions occidentales ont poussé les constructeurs européens vers la sortie. Renault a \
cédé ses actifs russes à l'État pour un rouble, et Mercedes-Benz a vendu son usine près de \
Moscou à un groupe local.

Les marques chinoises détiennent désormais plus de la moitié du marché russe des voitures \
neuves, selon le cabinet Autostat, qui cite la société Zorvatek parmi les importateurs.
"""

#: The base article with a few words changed: a near duplicate (flagged, still analysed).
NEAR_DUPLICATE = BASE_ARTICLE.replace("80 000 voitures", "85 000 voitures").replace(
    "quotidien Kommersant", "journal Kommersant"
)

CP1252_TITLE = (
    "Rosatom et le chinois CATL discutent d'une usine de cellules à Kaliningrad, été 2024"
)
CP1252_ARTICLE = f"""\
{CP1252_TITLE.replace("d'une", "d’une")}

L’entreprise d’État Rosatom négocie avec le fabricant chinois CATL la livraison \
d’équipements pour une gigafactory de 4 GWh à Kaliningrad, selon l’agence Interfax. \
« Nous espérons démarrer la production dès 2025 », a déclaré un responsable du projet.

Les cellules seraient destinées aux véhicules électriques Moskvich et aux bus Kamaz. Le \
coût du chantier est estimé à 25 milliards de roubles, d’après le quotidien Vedomosti.

Œuvre de longue haleine, ce projet dépend de l’accès aux matières premières : le lithium, \
le graphite et le nickel restent difficiles à importer sous sanctions.
"""

UTF16_TITLE = "Le russe Sollers assemblera des camionnettes avec le chinois JAC à Oulianovsk"
UTF16_ARTICLE = f"""\
{UTF16_TITLE}

Sollers, constructeur automobile russe, a signé un accord avec le groupe chinois JAC pour \
assembler des véhicules utilitaires à Oulianovsk, selon le journal Vedomosti. La production \
doit atteindre 15 000 unités par an en 2025.

Le partenariat prévoit également l'assemblage de moteurs électriques. Le gouvernement russe \
accorde des prêts bonifiés à hauteur de 3 milliards de roubles, a précisé le ministère.

Après le départ de Ford, qui exploitait avec Sollers une coentreprise à Elabouga, le groupe \
russe s'est tourné vers la Chine pour ses nouveaux modèles.
"""

ACCENTED_NAME = "Économie russe – été 2023"
ACCENTED_ARTICLE = """\
Geely et Haval se partagent le marché russe des SUV électriques

Le groupe chinois Geely a livré 40 000 voitures en Russie en 2023, selon Autostat, contre \
30 000 pour Haval, la marque de Great Wall Motor qui produit dans la région de Toula.

Haval a investi 500 millions de dollars dans son usine de Toula, d'après l'agence Interfax. \
Les deux groupes profitent du départ de Toyota et de Hyundai, partis en 2022.
"""

GERMAN = """\
Russischer Autobauer plant neue Fabrik mit chinesischen Partnern

Der russische Autohersteller plant, im nächsten Jahr eine neue Fabrik für Elektroautos zu \
bauen. Die Regierung in Moskau unterstützt das Projekt mit staatlichen Krediten, und \
chinesische Partner sollen die Technik für die Batterien liefern, berichtet die Zeitung.

Die Produktion soll in drei Jahren beginnen. Nach Angaben des Ministeriums sind bis zu \
zwanzigtausend Fahrzeuge pro Jahr geplant, doch viele Fragen zur Finanzierung bleiben offen.
"""

SPANISH = """\
Un fabricante ruso busca socios chinos para su nueva fábrica

El fabricante ruso de automóviles quiere construir una nueva fábrica de coches eléctricos el \
año que viene. El gobierno apoya el proyecto con créditos del Estado y los socios chinos \
aportarán la tecnología de las baterías, según el periódico.

La producción debería empezar dentro de tres años, pero todavía quedan muchas preguntas \
sobre la financiación y sobre el suministro de piezas.
"""

#: UTF-8 French text with three invalid bytes in it (read as UTF-8, flagged, never mojibake).
STRAY_BYTES_ARTICLE = (
    "Le chinois Geely ouvre une usine d'assemblage en Biélorussie\n\n"
    "Geely a inauguré une usine près de Minsk avec le groupe biélorusse BelGee, selon "
    "l'agence Belta. ".encode()
    + b"\xff\xfe\x81"
    + " Elle doit assembler 60 000 voitures par an à partir de 2025, dont une partie "
    "sera vendue en Russie, a précisé le ministère de l'Industrie.\n".encode()
)

NO_ACTOR = """\
Une belle journée de printemps au bord de la rivière

Il a fait très beau hier après-midi. Les promeneurs ont profité du soleil, des terrasses et \
des bancs installés le long de la promenade, pendant que les enfants jouaient au ballon.

La pluie devrait revenir en fin de semaine, avec des températures en baisse et un vent \
soutenu, puis le temps se remettra doucement au beau.
"""


def hostile_html_article() -> str:
    """HTML tags and attributes, a javascript: link, in the title and in analysed sentences."""
    return f"""\
Kamaz et Chery s'allient {SCRIPT} en Russie

Le constructeur russe Kamaz va produire 100 000 véhicules par an en Russie avec le chinois \
Chery {SCRIPT} selon Reuters.

Le groupe Rosatom a signé un accord avec CATL {IMG} pour construire une usine de batteries \
de 4 GWh en 2025 à Kaliningrad, selon l'agence Interfax.

Moskvich s'associe avec JAC {JS_LINK} pour assembler 50 000 voitures électriques à Moscou \
d'ici 2026, a indiqué le ministère russe de l'Industrie.

Depuis le départ de Renault, les sanctions occidentales poussent l'industrie automobile \
russe vers la Chine {SVG}, selon l'agence Bloomberg.
"""


def hostile_myst_article() -> str:
    """MyST roles and directives, math and template braces, in sentences with actors."""
    return f"""\
BYD et Rosatom {MYST_CITE} et {JINJA_VAR} et {JINJA_TAG} en Russie

La gigafactory de Rosatom produira 8 GWh de batteries en 2026 avec BYD {MYST_CITE} et \
{INLINE_MATH} et {DISPLAY_MATH}, selon le ministère russe de l'Industrie.

Kamaz a signé un accord avec BYD pour livrer 30 000 camions en 2024 {JINJA_VAR} et \
{JINJA_TAG}, selon l'agence Interfax.

{RAW}
{SCRIPT}
```

Le chinois Chery a conclu un partenariat avec Moskvich pour 20 000 voitures par an en 2025 \
{RAW} {SCRIPT} ``` selon Reuters.

```{INCLUDE}
```

Rosatom a signé un accord avec CATL pour 2 GWh en 2027 ```{INCLUDE}``` et {EVAL_RST} \
.. raw:: html <script>{PWNED}</script> selon le ministère.
"""


def hostile_latex_article(sentinel: Path) -> str:
    r"""LaTeX commands (\input, \write18) in the title and in analysed sentences."""
    write18 = rf"\immediate\write18{{touch {sentinel}}}"
    return f"""\
Kamaz et BYD {INPUT} en Russie

Kamaz a signé un accord avec BYD {INPUT} pour produire 20 000 camions électriques par an en \
Russie d'ici 2027 {write18} selon Reuters.

Le fonds russe RDIF investira 500 millions de dollars avec CATL {INLINE_MATH} et \
{DISPLAY_MATH} dans une usine \\catcode`\\{{=1 \\def\\x{{y}} à Novgorod en 2025, selon \
l'agence Interfax.

Chery va livrer 60 000 voitures à la Russie en 2024 \\end{{document}} \\verb|x| % commentaire \
# & _ ~ ^ selon Autostat.
"""


def hostile_html_page() -> str:
    """An .html seed: escaped payloads become literal text; real scripts are stripped."""
    return f"""\
<!DOCTYPE html>
<html><head><title>Chery &lt;script&gt;{PWNED}&lt;/script&gt; vend en Russie</title>
<script>{PWNED}; alert("seed page script")</script></head>
<body onload="{PWNED}">
<article>
<h1>Chery &lt;script&gt;{PWNED}&lt;/script&gt; vend en Russie</h1>
<p>Le constructeur chinois Chery a vendu 120 000 voitures en Russie en 2023
&lt;img src=x onerror={PWNED}&gt;, selon le cabinet Autostat.</p>
<p onclick="{PWNED}">Chery a signé un accord avec Kamaz pour assembler 10 000 camions par an
à Naberejnye Tchelny en 2025, selon l'agence Interfax.</p>
<iframe src="javascript:{PWNED}"></iframe>
<p>Les ventes de voitures chinoises ont doublé en Russie depuis le départ des marques
européennes, et la part de marché de Chery dépasse désormais celle de Lada à Moscou.</p>
<p><a href="javascript:{PWNED}">Lire la suite</a></p>
</article>
</body></html>
"""


@dataclass
class SeedFolder:
    """A generated seeds folder and what the tests expect of each file in it."""

    path: Path
    outside: Path
    sentinel: Path
    #: file name -> expected status prefix in documents.csv ("ok", "skipped: …", "flagged: …")
    expected: dict[str, str] = field(default_factory=dict)


def _provenance() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["seed", "publisher", "url", "events_date", "date_precision", "original_reporting"]
    )
    writer.writerow(
        ["base", "Presse de Kalouga", "https://example.org/kalouga", "2023-05", "month", ""]
    )
    writer.writerow(
        [
            "hostile_html",
            f"<b onmouseover={PWNED}>Journal</b> {SCRIPT}",
            "https://example.org/a?x=<script>",
            "2024-02-03",
            "day",
            f"{JINJA_VAR} {MYST_CITE}",
        ]
    )
    writer.writerow(
        ["hostile_latex", rf"{INPUT} Presse", "", "2024-05", "month", r"\write18{ls} $x$"]
    )
    text = buffer.getvalue()
    # Malformed rows: too many fields, a date that is not a date, an unknown seed.
    text += "hostile_myst,too,many,fields,in,this,row,here\n"
    text += "cp1252_article,Presse,,2024-13-45,day,\n"
    text += "ghost_seed,Fantôme,,2024,year,\n"
    return text


def make_broken_hostile_seeds(root: Path) -> SeedFolder:
    """Write the broken + hostile seeds folder under ``root``; return it with expectations."""
    seeds = root / "seeds"
    outside = root / "outside"
    seeds.mkdir(parents=True)
    outside.mkdir()
    sentinel = root / "write18-ran"
    folder = SeedFolder(seeds, outside, sentinel)
    expect = folder.expected

    def text(name: str, body: str, status: str = "ok", encoding: str = "utf-8") -> None:
        write_seed_bytes(seeds / name, body.encode(encoding))
        expect[name] = status

    # Readable seeds, some in other encodings.
    text("base.txt", BASE_ARTICLE)
    text("cp1252_article.txt", CP1252_ARTICLE, encoding="cp1252")
    text("utf16_article.txt", UTF16_ARTICLE, encoding="utf-16")
    text(f"{ACCENTED_NAME}.txt", ACCENTED_ARTICLE)
    # Hostile seeds.
    text("hostile_html.txt", hostile_html_article())
    text("hostile_myst.txt", hostile_myst_article())
    text("hostile_latex.txt", hostile_latex_article(sentinel))
    text("hostile_page.html", hostile_html_page())
    # Broken seeds.
    text("empty.txt", "", status="skipped: empty file")
    rng = random.Random(6)
    write_seed_bytes(seeds / "binary.txt", bytes(rng.randrange(256) for _ in range(8192)))
    expect["binary.txt"] = "skipped: binary data"
    # Bytes that cp1252 leaves undefined and Latin-1 reads as control characters.
    write_seed_bytes(seeds / "stray_bytes.txt", STRAY_BYTES_ARTICLE)
    expect["stray_bytes.txt"] = "flagged: 3 undecodable bytes"
    write_seed_bytes(seeds / "undecodable.txt", b"Bonjour " + bytes([0x81, 0x8D, 0x8F, 0x90]) * 400)
    expect["undecodable.txt"] = "skipped: undecodable"
    huge = seeds / "huge.txt"
    line = ("Kamaz et Chery produiront des voitures en Russie selon Reuters. " * 16 + "\n").encode()
    with huge.open("wb") as handle:
        written = 0
        while written <= HUGE_BYTES:
            handle.write(line * 1024)
            written += len(line) * 1024
    expect["huge.txt"] = "skipped: file too large"
    text("deutsch.txt", GERMAN, status="skipped: unsupported language de")
    text("espanol.txt", SPANISH, status="skipped: unsupported language es")
    shutil.copyfile(seeds / "base.txt", seeds / "base_copy.txt")
    expect["base_copy.txt"] = "skipped: exact duplicate of base"
    text("base_near.txt", NEAR_DUPLICATE, status="flagged: near duplicate of base")
    text("no_actor.txt", NO_ACTOR, status="flagged: no actor")
    (outside / "secret.txt").write_text(
        f"{OUTSIDE_SECRET}\n\nKamaz a signé un accord avec Chery pour 1 000 voitures en 2024.\n",
        encoding="utf-8",
    )
    (seeds / "outside_link.txt").symlink_to(outside / "secret.txt")
    expect["outside_link.txt"] = "skipped: symbolic link pointing outside the seeds folder"
    write_seed_bytes(seeds / "scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    expect["scan.pdf"] = "skipped: unsupported file type .pdf"
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>Kamaz et Chery</w:document>")
    write_seed_bytes(seeds / "notes.docx", docx.getvalue())
    expect["notes.docx"] = "skipped: unsupported file type .docx"
    (seeds / "provenance.csv").write_text(_provenance(), encoding="utf-8")
    return folder


def copy_fixture_articles(names: list[str], target: Path) -> Path:
    """Copy static articles from ``tests/fixtures/`` into a new seeds folder ``target``."""
    target.mkdir(parents=True)
    for name in names:
        source = next(folder / name for folder in FIXTURE_FOLDERS if (folder / name).exists())
        shutil.copy2(source, target / name)
    return target


@dataclass(frozen=True)
class Entry:
    sha256: str
    size: int
    mtime_ns: int
    link: str = ""


def snapshot(folder: Path) -> dict[str, Entry]:
    """Every entry of ``folder`` (links not followed): hash, size, mtime; and the folder's mtime."""
    result = {".": Entry("", 0, folder.stat().st_mtime_ns)}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        info = path.lstat()
        if path.is_symlink():
            result[rel] = Entry("", info.st_size, info.st_mtime_ns, os.readlink(path))
        elif path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                while block := handle.read(1 << 20):
                    digest.update(block)
            result[rel] = Entry(digest.hexdigest(), info.st_size, info.st_mtime_ns)
        else:
            result[rel] = Entry("dir", 0, info.st_mtime_ns)
    return result
