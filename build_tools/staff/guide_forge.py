"""The staff guide in each forge's own words: which button to press, what a proposed change
is called, where the checks and the preview show up. Used by guide.py."""

from __future__ import annotations

from build_tools.content.forge import Forge

EDIT_BUTTON = {
    "github": "**Klik op het potlood** (*Edit this file*). De tekst opent in de webeditor.",
    "gitlab": "**Klik op *Edit*** en kies *Edit single file*. De tekst opent in de webeditor.",
    "gitea": "**Klik op het potlood** (*Bestand bewerken* of *Edit file*). De tekst opent in "
             "de webeditor.",
}
EDIT_BUTTON["forgejo"] = EDIT_BUTTON["gitea"]

SAVE = {
    "github": "Klik op *Commit changes...*. Kies *Create a new branch for this commit and "
              "start a pull request* en klik op *Propose changes*; schrijf daarna in een paar "
              "zinnen wat je verandert en waarom, en klik op *Create pull request*. Mag je niet "
              "schrijven in de repository, dan maakt GitHub eerst een eigen kopie (een *fork*) "
              "voor je: dat gaat vanzelf.",
    "gitlab": "Schrijf onder *Commit message* wat je verandert. Kies bij *Branch* een nieuwe "
              "tak (*Commit to a new branch*), laat *Create a merge request for this change* "
              "aangevinkt en klik op *Commit changes*. Vul op de volgende pagina in een paar "
              "zinnen in wat je verandert en waarom, en klik op *Create merge request*.",
    "gitea": "Schrijf onderaan wat je verandert, kies *Maak een nieuwe branch voor deze commit "
             "en start een pull request* (*Create a new branch for this commit and start a "
             "pull request*) en klik op *Wijzigingen doorvoeren* (*Commit changes*). Schrijf "
             "daarna in een paar zinnen wat je verandert en waarom.",
}
SAVE["forgejo"] = SAVE["gitea"]

CHECKS = {
    "github": "Fouten in de regels die je veranderde, staan ook bij die regel (tabblad "
              "*Files changed*).",
    "gitlab": "Fouten staan ook in het codekwaliteitsrapport bij je merge request (*Code "
              "Quality*).",
    "gitea": "Het logboek van de controle staat bij je pull request onder *Checks*.",
}
CHECKS["forgejo"] = CHECKS["gitea"]

PREVIEW = {
    "github": "een voorbeeld van de site om te downloaden (bij de controle, onder "
              "*Artifacts*): pak het zip-bestand uit en open `index.html`; ook zoeken werkt zo",
    "gitlab": "een voorbeeld van de site: de knop *View app* (of *Voorbeeld bekijken*) bij je "
              "merge request",
    "gitea": "een voorbeeld van de site om te downloaden bij de controle: pak het zip-bestand "
             "uit en open `index.html`",
}
PREVIEW["forgejo"] = PREVIEW["gitea"]
PREVIEW_ANY = "een voorbeeld van de site bij de controle"


def summary_place(forge: Forge) -> str:
    where = "notitie" if forge.kind == "gitlab" else "reactie"
    return f"de {where} *Wat deze wijziging doet* bij je {forge.request}"
