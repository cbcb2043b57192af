"""Short phrases the drafts are built from, in Dutch and English.

Everything here names a *kind* of data or a fact about the case; nothing here ever holds a value
taken from the post.
"""
from __future__ import annotations

# Kinds of exposed data, in the order a draft lists them. Keys are entity types (DESIGN.md) plus a few kinds
# only the moderator can confirm (a photo, family members), passed as details["data_kinds"].
DATA_KINDS: dict[str, dict[str, str]] = {
    "PERSON": {"en": "name", "nl": "naam"},
    "HOME_ADDRESS": {"en": "home address", "nl": "woonadres"},
    "NL_ADDRESS": {"en": "street address (street and house number)", "nl": "adres (straat en huisnummer)"},
    "NL_POSTCODE": {"en": "postcode", "nl": "postcode"},
    "MOBILE_NUMBER": {"en": "mobile phone number", "nl": "mobiel telefoonnummer"},
    "PHONE_NUMBER": {"en": "phone number", "nl": "telefoonnummer"},
    "EMAIL_ADDRESS": {"en": "e-mail address", "nl": "e-mailadres"},
    "NL_BSN": {"en": "citizen service number (BSN)", "nl": "burgerservicenummer (BSN)"},
    "NL_ID_DOCUMENT": {"en": "passport or ID-card number", "nl": "paspoort- of ID-kaartnummer"},
    "DATE_OF_BIRTH": {"en": "date of birth", "nl": "geboortedatum"},
    "IBAN_CODE": {"en": "bank account number (IBAN)", "nl": "bankrekeningnummer (IBAN)"},
    "CREDIT_CARD": {"en": "payment card number", "nl": "betaalkaartnummer"},
    "NL_LICENSE_PLATE": {"en": "car licence plate", "nl": "kenteken"},
    "IP_ADDRESS": {"en": "IP address", "nl": "IP-adres"},
    "NL_KVK": {"en": "Chamber of Commerce (KvK) number", "nl": "KvK-nummer"},
    "CHILDREN": {"en": "details of their children (such as their school)", "nl": "gegevens over de kinderen (zoals hun school)"},
    "FAMILY": {"en": "details of family members", "nl": "gegevens over gezinsleden"},
    "DAILY_ROUTINE": {"en": "daily routine", "nl": "dagelijkse routine"},
    "PHOTO": {"en": "photo", "nl": "foto"},
    "ORGANIZATION": {"en": "employer", "nl": "werkgever"},
    "LOCATION": {"en": "place or street name", "nl": "plaats- of straatnaam"},
    "SOCIAL_HANDLE": {"en": "social-media account", "nl": "socialemedia-account"},
}
# Kinds a moderator may add by hand (details["data_kinds"]); the rest come from the scan.
MODERATOR_KINDS = ("HOME_ADDRESS", "CHILDREN", "FAMILY", "DAILY_ROUTINE", "PHOTO")

# The person's role, when the scorer found that the post targets them for their work.
ROLES: dict[str, dict[str, str]] = {
    "youth_protection": {"en": "a youth-protection worker (jeugdbeschermer)", "nl": "een jeugdbeschermer"},
    "police": {"en": "a police officer", "nl": "een politieagent"},
    "teacher": {"en": "a teacher", "nl": "een leraar"},
    "journalist": {"en": "a journalist", "nl": "een journalist"},
    "public_official": {"en": "a public official", "nl": "een ambtsdrager"},
}

# Signs of the intent art. 285d Sr requires, as clauses after "the post ...".
INTENT_SIGNALS: dict[str, dict[str, str]] = {
    "job_link": {
        "en": "links the person to their work",
        "nl": "koppelt de persoon aan het werk dat die doet",
    },
    "call_to_action": {
        "en": "calls on others to find, visit, share or contact the person",
        "nl": "roept anderen op de persoon op te zoeken, de gegevens te delen of contact op te nemen",
    },
    "threat": {"en": "contains a threat", "nl": "bevat een bedreiging"},
    "stalking": {
        "en": "is one of repeated posts aimed at the same person",
        "nl": "is een van herhaalde berichten gericht op dezelfde persoon",
    },
    "obfuscation": {
        "en": "disguises the data to evade moderation",
        "nl": "verhult de gegevens om moderatie te ontlopen",
    },
}

# Visible stand-ins for inputs the moderator has not given yet (never invented values).
PLACEHOLDERS: dict[str, dict[str, str]] = {
    "url": {"en": "[post URL]", "nl": "[URL van het bericht]"},
    "platform": {"en": "[platform]", "nl": "[platform]"},
    "notifier_name": {"en": "[notifier name]", "nl": "[naam melder]"},
    "notifier_email": {"en": "[notifier e-mail]", "nl": "[e-mailadres melder]"},
    "organisation": {"en": "[organisation]", "nl": "[organisatie]"},
    "account_handle": {"en": "[account handle]", "nl": "[accountnaam]"},
    "captured_at": {"en": "[capture time (UTC)]", "nl": "[tijdstip vastlegging (UTC)]"},
    "evidence": {
        "en": "[evidence files with their SHA-256 hashes]",
        "nl": "[bewijsbestanden met hun SHA-256-hashes]",
    },
    "authorisation": {
        "en": "[written authorisation of the person concerned]",
        "nl": "[schriftelijke machtiging van de betrokkene]",
    },
    "data_kinds": {"en": "[kinds of personal data exposed]", "nl": "[soorten persoonsgegevens in het bericht]"},
    "context": {
        "en": "[describe why the post is meant to intimidate]",
        "nl": "[beschrijf waarom het bericht bedoeld is om te intimideren]",
    },
}

EVIDENCE_KINDS: dict[str, dict[str, str]] = {
    "text": {"en": "text", "nl": "tekst"},
    "screenshot": {"en": "screenshot", "nl": "schermafbeelding"},
    "html": {"en": "HTML source", "nl": "HTML-bron"},
}

# channel.notes: what the moderator must know before using the channel.
CHANNEL_NOTES: dict[str, dict[str, str]] = {
    "first_party_only": {
        "en": "This channel accepts reports only from the person concerned{exceptions}. Let them file it, "
        "or file it with their written authorisation.",
        "nl": "Via dit kanaal mag alleen de betrokkene zelf melden{exceptions}. Laat de betrokkene melden, "
        "of meld met diens schriftelijke machtiging.",
    },
    "first_party_exceptions": {
        "en": " (or {names})",
        "nl": " (of {names})",
    },
    "guardian": {"en": "a guardian", "nl": "een voogd"},
    "legal_representative": {"en": "a legal representative", "nl": "een wettelijk vertegenwoordiger"},
    "vulnerable_person": {"en": "someone acting for a vulnerable person", "nl": "iemand namens een kwetsbaar persoon"},
    "unconfirmed": {
        "en": "Unconfirmed: {what}. Check the platform's current help pages.",
        "nl": "Niet bevestigd: {what}. Controleer de actuele hulppagina's van het platform.",
    },
    "unconfirmed_who": {"en": "who may use this channel", "nl": "wie via dit kanaal mag melden"},
    "unconfirmed_channel": {"en": "this channel and its address", "nl": "dit kanaal en het adres ervan"},
    "unconfirmed_url": {"en": "the web address of this channel", "nl": "het webadres van dit kanaal"},
    "unconfirmed_requirements": {"en": "the conditions below", "nl": "de voorwaarden hieronder"},
    "non_english_form_misroutes_trusted_flaggers": {
        "en": "Use the English version of the form: non-English DSA forms have been reported to misroute "
        "trusted-flagger notices.",
        "nl": "Gebruik de Engelstalige versie van het formulier: niet-Engelse DSA-formulieren zouden meldingen "
        "van trusted flaggers verkeerd doorsturen.",
    },
    "public_elsewhere_may_be_refused": {
        "en": "Data already public elsewhere may not be acted on.",
        "nl": "Gegevens die elders al openbaar zijn, worden mogelijk niet verwijderd.",
    },
    "country_laws_explanation_documents": {
        "en": "The form asks for the country (the Netherlands), the legal issue, the specific laws with links, "
        "an explanation and supporting documents.",
        "nl": "Het formulier vraagt om het land (Nederland), het juridische probleem, de wetsartikelen met links, "
        "een toelichting en documenten.",
    },
    "country_and_reasons": {
        "en": "The form requires the country (the Netherlands) and your reasons; naming the law is optional.",
        "nl": "Het formulier vraagt om het land (Nederland) en de redenen; het wetsartikel noemen is optioneel.",
    },
    "false_reports_warning": {
        "en": "The platform warns against false reports: file only well-founded reports.",
        "nl": "Het platform waarschuwt tegen onterechte meldingen: meld alleen wat gegrond is.",
    },
    "uniquely_identifiable": {
        "en": "The person must be uniquely identifiable in the content.",
        "nl": "De betrokkene moet in de inhoud uniek herkenbaar zijn.",
    },
    "uploader_may_get_48_hours": {
        "en": "The uploader may first get 48 hours to remove the content.",
        "nl": "De uploader krijgt mogelijk eerst 48 uur om de inhoud zelf te verwijderen.",
    },
    "name_contact_explanation": {
        "en": "The form requires your name, contact details and an explanation.",
        "nl": "Het formulier vraagt om naam, contactgegevens en een toelichting.",
    },
    "unfounded_reports_suspended": {
        "en": "Repeated unfounded reports can lead to suspension.",
        "nl": "Herhaalde ongegronde meldingen kunnen tot blokkering leiden.",
    },
    "reporter_not_disclosed": {
        "en": "The platform says the reported member is not told who reported.",
        "nl": "Volgens het platform hoort het gemelde lid niet wie heeft gemeld.",
    },
    "find_dsa_channel": {
        "en": "Use the platform's electronic notice channel for illegal content, which every hosting provider "
        "must offer (art. 16(1) DSA).",
        "nl": "Gebruik het elektronische meldkanaal voor illegale inhoud dat elke hostingdienst moet bieden "
        "(art. 16 lid 1 DSA).",
    },
    "role_based_email": {
        "en": "Give a role-based e-mail address of the organisation as the notifier's address, not a personal one.",
        "nl": "Geef als adres van de melder een functioneel e-mailadres van de organisatie, geen persoonlijk adres.",
    },
    "one_post_per_notice": {
        "en": "Nothing is sent automatically: check the draft, fill in the blanks and send it yourself, one "
        "notice per post (frequent unfounded notices can get a notifier suspended, art. 23 DSA).",
        "nl": "Er wordt niets automatisch verstuurd: controleer het concept, vul de open plekken in en verstuur "
        "het zelf, één melding per bericht (vaak ongegronde meldingen kunnen tot blokkering leiden, art. 23 DSA).",
    },
    "length_limit_unknown": {
        "en": "The form's length limit is not known; the reason is kept under {max_chars} characters.",
        "nl": "De maximale lengte in het formulier is niet bekend; de reden blijft onder {max_chars} tekens.",
    },
    "gdpr_channel": {
        "en": "The platform's privacy contact or data protection officer (see its privacy policy)",
        "nl": "Het privacycontact of de functionaris gegevensbescherming van het platform (zie de privacyverklaring)",
    },
    "gdpr_authorisation": {
        "en": "GDPR rights belong to the person concerned: enclose their written authorisation.",
        "nl": "AVG-rechten horen bij de betrokkene: voeg diens schriftelijke machtiging bij.",
    },
    "gdpr_complaint": {
        "en": "No answer within one month, or a refusal: a complaint to the Autoriteit Persoonsgegevens is "
        "possible (not anonymous; 088-1805 250; Postbus 93374, 2509 AJ Den Haag).",
        "nl": "Geen antwoord binnen een maand, of een weigering: klagen bij de Autoriteit Persoonsgegevens kan "
        "(niet anoniem; 088-1805 250; Postbus 93374, 2509 AJ Den Haag).",
    },
    "generic_platform": {"en": "the platform", "nl": "het platform"},
    "generic_dsa_channel": {
        "en": "Illegal-content notice channel (art. 16 DSA)",
        "nl": "Meldkanaal voor illegale inhoud (art. 16 DSA)",
    },
    "generic_report_channel": {"en": "The platform's report form", "nl": "Meldformulier van het platform"},
    "more": {"en": "more", "nl": "meer"},
    "police_channel": {"en": "Police (aangifte)", "nl": "Politie (aangifte)"},
    "police_phone": {
        "en": "Acute danger: call 112. Otherwise make an appointment to report via 0900-8844.",
        "nl": "Acuut gevaar: bel 112. Anders een afspraak voor aangifte via 0900-8844.",
    },
    "police_summary_only": {
        "en": "This summary supports the report (aangifte); it does not replace it. Bring the evidence files.",
        "nl": "Deze samenvatting ondersteunt de aangifte maar vervangt die niet. Neem de bewijsbestanden mee.",
    },
}
