"""The registry of issue codes: every stable code an Issue can carry, with a short Dutch title
and what an author does about it. The README/staff guide table is generated from this, and a
test keeps it in step with the codes used in the code.

DV0xx reading files, DV1xx one value against its schema, DV2xx rules across values and files,
DS0xx the house style (theme/huisstijl.yml and its files), DP0xx poster definitions
(posters/*.yml), DP1xx content that does not fit on a poster.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    title: str  # what is wrong, in a few words
    action: str  # what the author does about it


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
    "DV007": Code("YAML-label (!iets) niet toegestaan",
                  "Haal het label met ! weg; schrijf alleen de waarde."),
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
    "DV219": Code("Project buiten gebruik zonder einde",
                  "Vul `eind` in met de maand waarin het project stopte."),
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
    "DS009": Code("Logo is geen veilig SVG-bestand",
                  "Gebruik een SVG met viewBox, zonder scripts of externe links."),
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
    "DP101": Code("Tekst past niet op de poster",
                  "Maak de tekst korter met het genoemde aantal tekens."),
    "DP102": Code("Teken ontbreekt in de letter van de huisstijl",
                  "Haal het teken weg of vervang het door gewone letters."),
}


def table_markdown() -> str:
    """The registry as a Markdown table (for the README or the staff guide)."""
    rows = ["| code | wat er mis is | wat je doet |", "|---|---|---|"]
    rows += [f"| {code} | {c.title} | {c.action} |" for code, c in sorted(CODES.items())]
    return "\n".join(rows) + "\n"
