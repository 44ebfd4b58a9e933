"""The registry of issue codes: every stable code an Issue can carry, with a short Dutch title
and what an author does about it. The README/staff guide table is generated from this, and a
test keeps it in step with the codes used in the code.

DV0xx reading files, DV1xx one value against its schema, DV2xx rules across values and files
(DV23x: what the national Algoritmeregister would refuse, when writing its entries), DS0xx the
house style (theme/huisstijl.yml and its files), DP0xx poster definitions (posters/*.yml),
DP1xx content that does not fit on a poster.

Severity follows the code, and only the code: a code that starts with `W` is a warning (the
content is valid under the contract and builds; the project advises a change), every other
code is an error (nothing is published). W0xx rules stricter than the contract, W1xx
freshness (what has gone stale), W2xx the national register (`datavisie check` reports it, a
build never fails on it), W3xx the staff workflow, W4xx readers and printers.
"""

from __future__ import annotations

from dataclasses import dataclass

WARNING_PREFIX = "W"


def is_warning(code: str) -> bool:
    """Whether an issue with this code is a warning (the one place severity is decided)."""
    return code.startswith(WARNING_PREFIX)


@dataclass(frozen=True)
class Code:
    title: str  # what is wrong, in a few words
    action: str  # what the author does about it
    was: str = ""  # the code this one replaces, for authors and scripts that knew the old one


CODES: dict[str, Code] = {
    # --- reading files ---------------------------------------------------------------------
    "DV001": Code("Bestand of regel te groot",
                  "Houd een bestand onder 1 MB en een regel onder 20.000 tekens; splits het op."),
    "DV002": Code("Geen gewone UTF-8-tekst",
                  "Sla het bestand op als UTF-8; haal binaire of vreemde tekens weg."),
    "DV003": Code("Tab gebruikt om in te springen",
                  "Spring in met spaties (meestal twee per niveau)."),
    "DV004": Code("Anker, verwijzing of samenvoeging in YAML",
                  "Schrijf elke waarde voluit op de plek waar ze hoort; geen &, * of <<."),
    "DV005": Code("Ongeldige YAML",
                  "Controleer inspringen, dubbele punten en aanhalingstekens op en vlak voor de "
                  "genoemde regel."),
    "DV006": Code("Te diep genest",
                  "Maak de opbouw platter; het inhoudsmodel heeft nooit zoveel niveaus nodig."),
    "DV007": Code("YAML-label (!iets of !!iets) niet toegestaan",
                  "Haal het label met ! of !! weg (ook `!!str`); schrijf alleen de waarde."),
    "DV008": Code("Sleutel is geen woord",
                  "Gebruik `naam: waarde`, met een gewoon woord voor de dubbele punt."),
    "DV009": Code("Sleutel staat er twee keer",
                  "Houd één van de twee over; de genoemde regel zegt waar de eerste staat."),
    "DV010": Code("Bestand kan niet gelezen worden",
                  "Controleer of het bestand bestaat en leesbaar is."),
    "DV011": Code("Voorwerk wordt niet afgesloten",
                  "Zet onder de velden bovenaan het bestand een regel met alleen `---`."),
    "DV012": Code("Voorwerk is geen lijst met velden",
                  "Schrijf het voorwerk als `veld: waarde`-regels, bijvoorbeeld `titel: Ethiek`."),
    "DV013": Code("Onzichtbaar stuurteken in tekst",
                  "Haal het teken weg, ook als het als \\-code tussen dubbele aanhalingstekens "
                  "staat (zoals `\\x07` of `\\u0000`)."),
    "DV014": Code("Geen gewoon bestand",
                  "Haal het weg: in content/, theme/ en posters/ horen alleen gewone bestanden "
                  "en mappen (geen pipe, socket of apparaat)."),
    "DV015": Code("Id te lang voor een bestandsnaam",
                  "Kies een korter id (een kortere bestandsnaam); de melding noemt de grens."),
    "DV016": Code("Te veel koppen op één pagina",
                  "Verdeel de tekst over meer pagina's of maak van koppen gewone vette tekst."),
    "DV020": Code("Map content/ ontbreekt",
                  "Maak de map content/ aan met ten minste de verplichte bestanden."),
    "DV021": Code("Koppeling (symlink) niet toegestaan",
                  "Zet het bestand zelf in content/ in plaats van een koppeling."),
    "DV022": Code("Onbekend bestand in content/",
                  "Alleen bestanden uit het inhoudsmodel horen in content/; verplaats of "
                  "verwijder het."),
    "DV023": Code("Bestandsnaam is geen geldig id",
                  "Gebruik kleine letters a-z, cijfers en koppeltekens, bijvoorbeeld "
                  "`mijn-project.yml`."),
    "DV024": Code("Verplicht bestand ontbreekt",
                  "Maak het bestand aan volgens het inhoudsmodel."),
    "DV025": Code("Voorwerk ontbreekt",
                  "Begin het Markdown-bestand met `---`, de velden (zoals `titel:`) en weer "
                  "`---`."),
    "DV026": Code("Bestand is leeg", "Vul de velden in die het inhoudsmodel noemt."),
    # --- one value against its schema -----------------------------------------------------
    "DV101": Code("Lijst of groep waar één waarde hoort",
                  "Schrijf één waarde achter de dubbele punt."),
    "DV102": Code("Waarde is leeg", "Vul een waarde in, of haal het veld weg als het niet "
                                    "verplicht is."),
    "DV103": Code("Tekst te lang",
                  "Maak de tekst korter; de melding zegt met hoeveel tekens."),
    "DV104": Code("Tekst moet op één regel",
                  "Haal de regeleinden uit de tekst."),
    "DV105": Code("Geen geheel getal", "Schrijf een geheel getal zonder aanhalingstekens, "
                                       "bijvoorbeeld `volgorde: 2`."),
    "DV106": Code("Getal buiten het bereik", "Kies een getal binnen het genoemde bereik."),
    "DV107": Code("Geen ja/nee-waarde", "Schrijf `true`, `false`, `ja` of `nee`."),
    "DV108": Code("Waarde niet uit de vaste lijst",
                  "Kies een van de genoemde waarden; let op tikfouten."),
    "DV109": Code("Ongeldige datum, maand of kwartaal",
                  "Schrijf 2024-03-01 (datum), 2024-03 (maand) of 2024-Q1 (kwartaal)."),
    "DV110": Code("Geen volledig webadres", "Schrijf het hele adres, beginnend met https://."),
    "DV111": Code("Ongeldig e-mailadres", "Schrijf een e-mailadres als naam@example.nl."),
    "DV112": Code("Ongeldig id",
                  "Gebruik kleine letters a-z, cijfers en koppeltekens, zonder spaties."),
    "DV113": Code("Lijst verwacht", "Zet de waarden in een lijst: `[a, b]` of elk op een "
                                    "regel met `- `."),
    "DV114": Code("Te weinig of te veel items", "Voeg items toe of haal er weg tot het "
                                                "genoemde aantal."),
    "DV115": Code("Item staat twee keer in de lijst", "Houd één van de twee over."),
    "DV116": Code("Groep velden verwacht", "Schrijf `veld: waarde`-regels, ingesprongen onder "
                                           "de naam van de groep."),
    "DV117": Code("Onbekend veld", "Verbeter de naam (de melding noemt de bedoelde) of haal "
                                   "het veld weg."),
    "DV118": Code("Verplicht veld ontbreekt", "Voeg het veld toe; de melding geeft een "
                                              "voorbeeld."),
    "DV120": Code("HTML-commentaar in Markdown",
                  "Haal `<!-- ... -->` weg: het komt als tekst op de site. Een notitie voor "
                  "collega's zet je in een blok `!!! intern`."),
    "DV121": Code("Te veel `[` in één alinea",
                  "Splits de alinea met lege regels, of zet de tekst in een codeblok (```)."),
    "DV122": Code("Markdown te diep genest",
                  "Maak de opbouw platter: hoogstens 20 lijsten, citaten of inspringingen in "
                  "elkaar."),
    "DV123": Code("Intern blok niet netjes weg te halen",
                  "Zet het blok `!!! intern` op een eigen regel met een lege regel erboven en "
                  "eronder, en spring de tekst ervan 4 spaties verder in dan `!!!`. Is het de "
                  "enige inhoud van een voetnoot, tab of definitie, zet die dan helemaal in het "
                  "blok."),
    "DV124": Code("`!!! intern` dat geen blok is",
                  "Zet `!!! intern` aan het begin van een regel (in een lijst na `- `, in een "
                  "citaat na `> `) en spring de tekst eronder 4 spaties in. Een voorbeeld van "
                  "de schrijfwijze zet je in een codeblok met ```."),
    "DV125": Code("Klasse `intern` buiten een intern blok",
                  "Haal `{: .intern }` weg: alleen een blok `!!! intern` houdt tekst van de "
                  "publieke site."),
    "DV126": Code("Tekst onder een intern blok valt erbuiten",
                  "Spring de tekst van het blok 4 spaties verder in dan `!!!` (in een lijst: "
                  "4 spaties verder dan het opsommingsteken); anders staat ze op de publieke "
                  "site."),
    "DV127": Code("Markdown niet te lezen",
                  "Maak de opbouw eenvoudiger; zet bijvoorbeeld geen voetnoot in een andere "
                  "voetnoot."),
    "DV130": Code("Id is voorbehouden aan de site",
                  "Kies een id of kop die niet met `__` begint: zulke ids gebruikt het thema "
                  "zelf."),
    "DV131": Code("Klasse hoort bij de opmaak van de site",
                  "Haal de klasse weg (alleen `md-button` en `md-button--primary` mogen, op een "
                  "link); kies voor een blok een gewone soort zoals `note` of `tip`."),
    "DV132": Code("Attribuut niet toegestaan",
                  "Zet met `{: }` alleen een id, een klasse, `title`, en bij een afbeelding "
                  "`alt`, `width` of `height`."),
    "DV133": Code("Afbeelding van een andere site",
                  "Zet de afbeelding op de site en verwijs ernaar met een pad zonder `https://` "
                  "of `//`, of maak er een gewone link van."),
    # --- rules across values and files ----------------------------------------------------
    "DV201": Code("Volgordenummer dubbel", "Geef elk thema een eigen `volgorde`."),
    "DV202": Code("Id dubbel", "Geef elke fase, mijlpaal, dimensie, aspect en niveau een "
                               "eigen id of waarde."),
    "DV203": Code("Verwijzing naar iets dat niet bestaat",
                  "Gebruik een van de bekende ids die de melding noemt."),
    "DV204": Code("Mijlpaal valt buiten zijn fase",
                  "Kies een moment binnen de fase, of zet de mijlpaal in een andere fase."),
    "DV205": Code("Fase eindigt voor ze begint", "Zet `eind` na `start`."),
    "DV206": Code("Project eindigt voor het begint", "Zet `eind` op of na `start`."),
    "DV207": Code("DPIA onbekend bij persoonsgegevens",
                  "Vul bij `dpia` in: `uitgevoerd`, `gepland` of `niet-nodig`."),
    "DV208": Code("Score buiten de schaal", "Kies een niveau uit het meetmodel."),
    "DV209": Code("Aspect zonder score", "Geef in elke meting een score voor elk aspect."),
    "DV210": Code("Aspect heeft twee scores", "Houd één score per aspect over."),
    "DV211": Code("Meting zonder meetmodel", "Voeg content/metingen/model.yml toe."),
    "DV212": Code("Versienummer dubbel", "Geef elke versie een eigen nummer."),
    "DV213": Code("Vastgestelde versie zonder besluit",
                  "Voeg `besluit:` toe met `orgaan` en `kenmerk`, of zet de status op `concept`."),
    "DV214": Code("Versies niet op volgorde", "Zet de versies van oud naar nieuw."),
    "DV215": Code("Concept is niet de nieuwste versie",
                  "Alleen de laatste versie in versies.yml kan een concept zijn."),
    "DV216": Code("Begrip staat er twee keer", "Houd één uitleg per begrip over."),
    "DV217": Code("Pagina-id is gereserveerd", "Geef het bestand in content/paginas/ een "
                                               "andere naam."),
    # --- the national Algoritmeregister (datavisie algoritmeregister) -----------------------
    "DV230": Code("Tekst te lang voor het Algoritmeregister; niets geschreven",
                  "Maak de tekst korter; de melding noemt het veld van het register, zijn grens "
                  "(gemeten zonder HTML) en hoeveel tekens te veel."),
    "DV231": Code("Te veel waarden voor het Algoritmeregister; niets geschreven",
                  "Haal waarden weg tot het aantal dat de melding noemt (bij `beleidsterrein` "
                  "hoogstens drie)."),
    "DV232": Code("Waarde die het Algoritmeregister niet aanneemt; niets geschreven",
                  "Pas de waarde aan zoals de melding zegt."),
    # --- warnings: limits only the national Algoritmeregister imposes -------------------------
    "W201": Code("Tekst te lang voor het Algoritmeregister",
                 "Maak de tekst korter als het algoritme in het landelijke register moet; de "
                 "melding noemt het veld van het register en zijn grens (gemeten zonder HTML)."),
    "W202": Code("Te veel waarden voor het Algoritmeregister",
                 "Kies hoogstens zoveel waarden als de melding noemt (bij `beleidsterrein` "
                 "drie)."),
    "W203": Code("Waarde die het Algoritmeregister niet aanneemt",
                 "Pas de waarde aan zoals de melding zegt."),
    "DV220": Code("Versienummer botst met een onderdeel van de site",
                  "Kies een versienummer als `1.1` of `2025.1`: de tekst van een versie komt in "
                  "een map met die naam, en die naam is al van een pagina of een vast onderdeel."),
    "DV221": Code("`tag` van een versie is geen tag of volledige commit",
                  "Schrijf de naam van een tag (zoals `visie-1.0`) of de hele commit-id van 40 "
                  "tekens; geen tak, `HEAD@{1}`, `main~1`, verkorte id of naam met een streepje "
                  "vooraan."),
    "DV222": Code("`tag` van een versie wijst naar een tak of een commit buiten de hoofdtak",
                  "Maak een tag met `datavisie versie vaststellen`, of kies een commit uit de "
                  "geschiedenis van de hoofdtak."),
    "DV250": Code("Oud adres is geen adres op deze site",
                  "Schrijf het adres zoals het na de naam van de site stond, zonder https://, "
                  "bijvoorbeeld `projecten/oude-naam/`."),
    "DV251": Code("Oud adres is nu een bestaande pagina",
                  "Haal het weg uit `oude_adressen`: een pagina die bestaat, wordt nooit "
                  "doorgestuurd."),
    "DV252": Code("Oud adres staat bij twee pagina's",
                  "Een oud adres stuurt naar één pagina door; haal het bij één van de twee weg."),
    # --- house style ----------------------------------------------------------------------
    "DS001": Code("Onbekende sleutel in de huisstijl",
                  "Verbeter de naam (de melding noemt de bedoelde) of haal de sleutel weg."),
    "DS002": Code("Verplichte sleutel in de huisstijl ontbreekt", "Voeg de sleutel toe."),
    "DS003": Code("Geen kleur", 'Schrijf een kleur als "#rrggbb", tussen aanhalingstekens.'),
    "DS004": Code("Verkeerde opbouw in de huisstijl",
                  "Zet sleutels ingesprongen onder hun groep; een kleurenlijst heeft minstens "
                  "één kleur."),
    "DS005": Code("Pad wijst buiten de themamap", "Zet het bestand in theme/ en schrijf het "
                                                  "pad vanaf daar."),
    "DS006": Code("Bestand uit de huisstijl bestaat niet", "Verbeter het pad of zet het "
                                                           "bestand op de genoemde plek."),
    "DS007": Code("Geen bruikbaar lettertype", "Gebruik een TTF- of OTF-bestand."),
    "DS008": Code("Lettertype past niet bij zijn plek",
                  "Zet het bestand bij het juiste gewicht; gebruik per rol één letterfamilie."),
    "DS009": Code("Logo is geen bruikbaar SVG-bestand",
                  "Gebruik een SVG-bestand met viewBox, zonder DOCTYPE, van hoogstens 1 MB, "
                  "waarin geen deel via verwijzingen naar zichzelf wijst. Scripts, links en "
                  "verwijzingen naar andere bestanden laat de site weg."),
    "DS010": Code("Te weinig contrast", "Kies kleuren met meer contrast; de melding noemt de "
                                        "verhouding die nodig is."),
    "DS011": Code("Geen aantal pixels", "Schrijf een heel getal van 0 tot 999, zonder `px`."),
    "DS012": Code("huisstijl.yml is leeg", "Vul de huisstijl in."),
    "DS013": Code("Ongeldig of ontbrekend gewicht", "Kies een gewicht waarvoor een "
                                                    "lettertypebestand is opgegeven."),
    # --- posters (posters/*.yml, and content on posters) --------------------------------------
    "DP001": Code("Geen getal in een posterdefinitie",
                  "Schrijf een getal zonder eenheid, met een punt: `12` of `12.5`."),
    "DP002": Code("Posterdefinitie is leeg of geen lijst met velden",
                  "Begin met `titel:`, `soort:`, `sjabloon:`, `papier:` en `regios:`."),
    "DP003": Code("Posterdefinitie zonder vakken", "Voeg `regios:` toe met de vakken."),
    "DP004": Code("Sjabloon is geen bestandsnaam in posters/",
                  "Noem alleen de bestandsnaam, bijvoorbeeld `visie.svg.j2`."),
    "DP005": Code("Vakken verkeerd opgebouwd", "Schrijf onder `regios:` per vak `naam: {vak: "
                                               "[x, y, breedte, hoogte]}`."),
    "DP006": Code("Onbekend vak voor deze soort poster",
                  "Verbeter de naam (de melding noemt de bedoelde) of haal het vak weg."),
    "DP007": Code("Vak valt buiten het papier", "Maak het vak kleiner of schuif het op."),
    "DP008": Code("Lettergrootte in de verkeerde volgorde", "Schrijf [grootst, kleinst]."),
    "DP009": Code("Vak ontbreekt", "Voeg het genoemde vak toe aan `regios:`."),
    "DP010": Code("Geen definitie voor deelafbeeldingen", "Voeg posters/kaart.yml toe."),
    "DP011": Code("Fout in een postersjabloon",
                  "Verbeter het sjabloon op de genoemde regel (Jinja: {{ waarde }}, "
                  "{% if %} ... {% endif %})."),
    "DP012": Code("Sjabloon bestaat niet", "Verbeter de bestandsnaam of voeg het sjabloon "
                                           "toe aan posters/."),
    "DP013": Code("Postersjabloon doet iets wat een sjabloon niet mag",
                  "Gebruik alleen de waarden, filters en macro's die de andere sjablonen ook "
                  "gebruiken; een sjabloon kan geen code uitvoeren en geen bestanden lezen."),
    "DP014": Code("Postersjabloon doet te veel werk",
                  "Maak herhalingen ({% for %}) kleiner en laat een macro zichzelf niet "
                  "eindeloos aanroepen."),
    "DP015": Code("Postersjabloon maakt te veel tekst",
                  "Herhaal of vermenigvuldig tekst niet zo vaak; een poster heeft nooit "
                  "miljoenen tekens nodig."),
    "W001": Code("Project buiten gebruik zonder einde",
                 "Vul `eind` in met de maand waarin het project stopte.", was="DV219"),
    "W003": Code("Tekst langer dan aangeraden",
                 "Maak de tekst korter met het genoemde aantal tekens; lange tekst past slecht "
                 "in koppen, menu's en op posters."),
    "W004": Code("Tekst op meer dan één regel",
                 "Haal de regeleinden weg; de site en de posters tonen de tekst als één regel."),
    "W005": Code("Getal buiten het aangeraden bereik",
                 "Kies een getal binnen het genoemde bereik."),
    "W006": Code("Nog niet ingevuld",
                 "Vervang de tekst die met INVULLEN: begint (of het adres op .invalid) door "
                 "de echte; de melding zegt wat erin hoort."),
    "W002": Code("Tekst ingekort op de poster",
                 "Maak de tekst korter met het genoemde aantal tekens; tot dan toont de poster "
                 "hem ingekort, met ….", was="DP101"),
    # --- warnings: freshness (relative to the content's stand or --peildatum) ---------------
    "W101": Code("Mijlpaal voorbij maar niet afgerond",
                 "Zet de status op gereed, vertraagd of vervallen, of kies een nieuw moment."),
    "W102": Code("Verkenning of pilot duurt lang",
                 "Werk de status van het project bij, of zet bij `eind` wanneer het klaar is."),
    "W103": Code("Laatste meting is oud",
                 "Doe een hermeting, of pas `herhaling` in het meetmodel aan."),
    "W104": Code("Concept al lang niet vastgesteld",
                 "Leg de versie voor en leg het besluit vast met `datavisie versie vaststellen`."),
    # --- warnings for readers and printers (W4xx) ---------------------------------------------
    "W401": Code("Teken kan niet gedrukt worden",
                 "Geen letter van de huisstijl en geen reserveletter heeft dit teken; op de "
                 "poster komt een leeg vakje. Vervang het door gewone tekst.", was="DP102"),
    "W402": Code("security.txt verloopt binnenkort",
                 "Maak een nieuwe commit en bouw opnieuw: het bestand geldt een jaar vanaf de "
                 "dag van de gebouwde commit."),
    "W403": Code("security.txt is verlopen en wordt niet gepubliceerd",
                 "Maak een nieuwe commit en bouw opnieuw."),
}


def table_markdown() -> str:
    """The registry as a Markdown table (for the README or the staff guide)."""
    rows = ["| code | wat er mis is | wat je doet |", "|---|---|---|"]
    rows += [f"| {code}{f' (was {c.was})' if c.was else ''} | {c.title} | {c.action} |"
             for code, c in sorted(CODES.items())]
    return "\n".join(rows) + "\n"
