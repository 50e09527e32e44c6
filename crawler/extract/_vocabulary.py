"""Word lists behind extraction and ranking, in five languages (FR, EN, DE, ES, IT).

Data only. Words are lower case and without accents: callers fold text with
``crawler.extract.text.fold`` before looking words up.
"""

# fmt: off
# (data tables: wrapped rows of words read better than one word per line)

# --- spelled-out "@" and "." (deobfuscation) ---------------------------------------
AT_WORDS = frozenset({
    "@", "aet", "arobase", "arroba", "arrobase", "at", "chiocciola", "klammeraffe",
})
DOT_WORDS = frozenset({
    ".", "dot", "point", "pt", "punkt", "punto",
})
# A bare " at " between plain words is English prose far more often than an
# address ("meet us at booking.com"): these never serve as a local part.
AT_PROSE_LOCALS = frozenset({
    "book", "buy", "contact", "email", "find", "her", "here", "him", "home", "it",
    "look", "mail", "me", "mich", "moi", "nous", "one", "open", "order", "reach",
    "shop", "them", "there", "uns", "us", "visit", "we", "work", "write", "you",
})

# --- rejection tables ---------------------------------------------------------------
ASSET_EXTENSIONS = frozenset({
    "avif", "bmp", "css", "eot", "gif", "htm", "html", "ico", "jpeg", "jpg", "js",
    "json", "map", "mjs", "mov", "mp3", "mp4", "otf", "pdf", "php", "png", "svg", "tif",
    "tiff", "ttf", "wav", "webm", "webp", "woff", "woff2", "zip",
})
MONITORING_DOMAINS = frozenset({
    "bugsnag.com", "getsentry.com", "ingest.sentry.io", "logrocket.com", "raygun.io",
    "rollbar.com", "sentry-next.wixpress.com", "sentry.io", "sentry.wixpress.com",
    "wixpress.com",
})
PLACEHOLDER_DOMAINS = frozenset({
    "beispiel.com", "beispiel.de", "company.com", "domain.com", "domain.fr",
    "domaine.com", "domaine.fr", "ejemplo.com", "ejemplo.es", "email.com", "email.de",
    "email.es", "email.fr", "email.it", "esempio.com", "esempio.it", "example.com",
    "example.de", "example.fr", "example.net", "example.org", "exemple.com",
    "exemple.fr", "exemple.org", "ihredomain.de", "mail.fr", "mondomaine.fr",
    "monsite.com", "monsite.fr", "musterfirma.de", "mustermann.de", "mysite.com",
    "sitename.com", "test.com", "test.de", "test.fr", "tudominio.com", "tudominio.es",
    "tuodominio.it", "votredomaine.com", "votredomaine.fr", "yourcompany.com",
    "yourdomain.com", "yoursite.com",
})
PLACEHOLDER_LOCALS = frozenset({
    "first.last", "firstname", "firstname.lastname", "ihr.name", "ihre", "ihrname",
    "jane.doe", "janedoe", "john.doe", "johndoe", "max.mustermann", "mustermann",
    "name", "nom.prenom", "nombre", "nombre.apellido", "nome", "nome.cognome",
    "prenom.nom", "prénom.nom", "test", "tu", "tua", "tuemail", "tunombre", "tuo",
    "tuonome", "user", "username", "usuario", "vorname", "vorname.nachname", "votre",
    "votre-email", "votre-nom", "votre.email", "votre.nom", "votreemail", "votrenom",
    "vous", "xxx", "xxxx", "you", "your", "your-name", "your.email", "your.name",
    "youremail", "yourname",
})
NO_REPLY_LOCALS = frozenset({
    "bounce", "bounces", "do-not-reply", "do_not_reply", "donotreply", "keine-antwort",
    "keineantwort", "mailer-daemon", "ne-pas-repondre", "ne.pas.repondre",
    "ne_pas_repondre", "nepasrepondre", "no-reply", "no-responder", "no.reply",
    "no_reply", "non-rispondere", "nonrispondere", "noreply", "noresponder",
    "notification", "notifications",
})

# --- ranking: mailboxes (rule 2) ----------------------------------------------------
# General role mailboxes: the business's front door.
ROLE_WORDS = frozenset({
    "accueil", "admin", "administration", "agence", "anfrage", "anfragen", "angebot",
    "appuntamenti", "atelier", "bestellung", "bonjour", "booking", "bookings",
    "boutique", "buero", "buro", "cabinet", "ciao", "cita", "citas", "clinica",
    "clinique", "commande", "commandes", "commercial", "contact", "contacto",
    "contactos", "contacts", "contatti", "contatto", "courrier", "cuisine",
    "customerservice", "devis", "direction", "email", "enquiries", "enquiry", "equipe",
    "equipo", "evenement", "evenements", "eventi", "eventos", "events", "general",
    "gestion", "hallo", "hello", "hi", "hola", "hotel", "info", "info-es",
    "informacion", "information", "informations", "informazioni", "infos", "inquiries",
    "kanzlei", "kontakt", "kundenservice", "mail", "mailbox", "mairie", "negozio",
    "office", "office1", "order", "orders", "ordini", "pedidos", "post", "posta",
    "poste", "praxis", "prenotazione", "prenotazioni", "presupuesto", "presupuestos",
    "preventivi", "pro", "quote", "quotes", "rdv", "reception", "rendezvous", "resa",
    "reserva", "reservas", "reservation", "reservations", "reservierung", "restaurant",
    "restaurante", "ristorante", "sales", "salut", "secretaria", "secretariat",
    "secretary", "segreteria", "sekretariat", "service", "shop", "staff", "store",
    "studio", "team", "termin", "termine", "tienda", "vendite", "ventas", "vente",
    "ventes", "vertrieb", "welcome", "welkom",
})
# Departmental mailboxes: real, but not where a salesperson writes first (2b).
DEPARTMENT_WORDS = frozenset({
    "abuse", "accounting", "accounts", "achats", "amministrazione", "bewerbung",
    "billing", "buchhaltung", "candidature", "candidatures", "career", "careers",
    "communication", "compta", "comptabilite", "contabilidad", "contabilita",
    "datenschutz", "dpo", "drh", "einkauf", "empleo", "emploi", "facturas",
    "facturation", "factures", "fatture", "fournisseurs", "gdpr", "helpdesk",
    "hostmaster", "hr", "invoice", "invoices", "it", "job", "jobs", "juridique",
    "karriere", "lavora", "lavoro", "legal", "marketing", "media", "newsletter",
    "partenariat", "partenariats", "partners", "pec", "postmaster", "prensa", "press",
    "presse", "privacidad", "privacy", "purchasing", "rechnung", "rechnungen",
    "rechtliches", "recrutement", "recrutements", "rgpd", "rh", "rrhh", "sav", "stampa",
    "support", "tech", "technique", "web", "webmaster",
})
# Common first names (FR, EN, DE, ES, IT), folded. A local part equal to one of
# these, or starting "<first name>.", is a person's mailbox (rule 2).
FIRST_NAMES = frozenset("""
    mary margaret elizabeth patricia susan karen nancy betty dorothy sandra linda
    barbara jean janet joan judith kathleen jacqueline pamela anne annie carole iain
    ian fiona ewan alistair alasdair hamish morag eilidh catriona kirsty moira ailsa
    euan angus callum duncan fraser gordon keith malcolm murray niall ross stuart
    andrew colin derek douglas graeme greig kenneth lachlan rory seamus sean patrick
    brendan declan eoin padraig orla roisin sinead aisling maeve grainne caoimhe
    bridget eileen maureen deirdre nuala shauna tara una
    abigail adam adele adrien agathe agnes alain alan alba alberto aldo alejandro
    alessandra alessandro alessia alex alexander alexandre alexis alfonso alfredo alice
    alicia aline alix alvaro amanda amandine amber amelie amy ana anais andre andrea
    andreas andres andrew andy angel angela anja anke anna annalisa anne annette annie
    anthony antoine antonella antonio aoife apolline arianna arnaud arthur audrey
    aurelie aurelien axel baptiste barbara bastien beatrice beatriz ben benedetta
    benedicte benjamin benoit bernadette bernard bernd bertrand beth bethany bettina
    birgit brian brigitte bruno callum camilla camille carla carlo carlos carmela carmen
    carol caroline catherine cecile celine cesare chantal charles charlie charlotte
    chiara chloe chris christa christian christine christoph christophe christopher
    ciaran claire clara claude claudia claudio clement colette concetta concha connor
    corentin corinne cristina cyril daisy damien dan daniel daniela dario dave david
    davide debbie delphine denis detlef didier diego dieter dirk dolores dominik
    dominique donatella doris edoardo eleanor elena eliane elisa elisabeth elisabetta
    elise elke ella elodie eloise emanuele emilie emilio emily emma emmanuel encarna
    enrico enrique enzo eric erik esteban estelle ethan etienne ettore eugenie fabian
    fabien fabienne fabio fabrice fabrizio fanny federica federico felipe felix fernando
    filippo florence florian francesca francesco francis francisco franck franco
    francois francoise frank frederic freya friedrich gabriel gabriele gabriella gael
    gaelle gaia gareth gary gaston genevieve georg george georges gerard gerhard giacomo
    gianluca gianni gilbert gilles ginette gino giorgia giorgio giovanna giovanni gisela
    gisele giulia giuseppe gonzalo grace graham gudrun guido guillaume gustavo guy
    gwenaelle hannah hans harriet harry hector heike heinrich heinz helen helene helga
    helmut henri hermann herve holger holly hubert hugo ian ignacio ilaria ines ingrid
    inigo inmaculada irene isabel isabelle isla ivan jack jacob jacqueline jacques jaime
    jake jakob james jan jane jason javier jean jeanne jennifer jens jeremy jerome jess
    jessica jesus jim joachim joanne joaquin joe joel johanna johannes john jon jonas
    jonathan jordi jorg jorge jose josep joseph josh josiane juan julia julie julien
    juliette julio jurgen jutta kai karin karine karl kate kathrin katie katrin kerstin
    kevin klaus konrad laetitia lars laura laurence laurent lea lena leo leon leonardo
    leonor lily lionel lisa liz lola lorena lorenza lorenzo louis louise luc luca lucas
    lucia lucie lucien lucy ludovic luigi luis luisa lukas madeleine maelys magali
    manfred manon manuel manuela marc marcel marcelle marcello marco marcos margaux
    maria marie marina marine mario marion mark markus marta martin martina martine
    massimo mateo mathieu mathilde matt matteo matthew matthias matthieu mattia maurice
    maurizio max maxime maximilian megan melanie mercedes michael michaela michel
    michele mickael miguel mike mirko molly monica monika monique montserrat muriel
    nadia nadine natalie nathalie nathan neil nerea niamh nick nicola nicolas nicole
    niklas nils nina noah noemi noemie norbert nuria odile olga oliver olivia olivier
    ornella oscar pablo paco paola paolo pascal pascale patrice patricia patrick
    patrizia paul paula pauline pedro peter petra philipp philippe phoebe piero pierre
    pierrick pietro pilar poppy quentin rachel rafael raffaele rainer ralf ramon raphael
    raquel raul rebecca regis remi renate renato renaud rene rhys ricardo riccardo
    richard rita rob robert roberta roberto rocio rodrigo roger rolande romain rosa rose
    ruben ruth ryan sabine sabrina salvatore sam samuel sandra sandrine santiago sara
    sarah sascha scott sebastian sebastien serge sergio severine silke silvia simon
    simona simone siobhan sofia solene sonia sonja sophia sophie stefan stefania
    stefanie stefano stephane stephanie steve steven sue susan susana susanne sven
    sylvain sylvie tanja teresa theo thierry thomas thorsten tim timo tobias toby tom
    tomas tommaso tony torsten tristan ugo ulrich ulrike ursula uwe valentin valentina
    valeria valerie vanessa veronique vicente victor victoria vincent vincenzo virginie
    vittoria volker walter werner wilhelm will william wolfgang xavier yann yannick
    yolanda yves yvette yvonne zara zoe
""".split())  # noqa: SIM905 (a word list reads best as words)
# Titles that show the person is the owner or manager (rule 3a).
MANAGER_WORDS = frozenset({
    "amministratore", "amministratrice", "ceo", "co-founder", "co-owner", "cogerant",
    "cogerante", "directeur", "director", "directora", "directrice", "dirigeant",
    "dirigeante", "fondateur", "fondatore", "fondatrice", "founder", "fundador",
    "fundadora", "gerant", "gerante", "gerente", "geschaeftsfuehrer", "geschaftsfuhrer",
    "geschaftsfuhrerin", "grunder", "grunderin", "inhaber", "inhaberin", "owner",
    "patron", "patronne", "president", "presidente", "principal", "propietaria",
    "propietario", "proprietaire", "proprietaria", "proprietario", "proprietor",
    "responsable", "titolare", "titular",
})
# Honorifics that open a person's name.
PERSON_TITLES = frozenset({
    "arch", "avv", "docteur", "doctor", "don", "dona", "dott", "dottoressa", "dottssa",
    "dr", "frau", "herr", "ing", "m", "maitre", "me", "mlle", "mme", "mr", "mrs", "ms",
    "pr", "prof", "professeur", "sig", "signora", "sr", "sra", "srta",
})

# --- third parties (rule 1): folded phrases, matched on word boundaries -------------
WEB_AGENCY_CUES = (
    "realise par", "realisee par", "cree par", "creee par", "site par",
    "conception du site", "conception web", "conception site", "conception graphique",
    "webdesign", "web design", "design by", "designed by", "made by", "created by",
    "developed by", "website by", "site by", "erstellt von", "umsetzung",
    "gestaltung", "webdesign von", "diseno web", "diseno y desarrollo", "disenado por",
    "desarrollado por", "realizado por", "hecho por", "realizzato da",
    "realizzazione sito", "realizzazione siti", "sviluppato da", "sito web di",
    "agence web", "webagentur", "web agency", "agencia web", "agenzia web",
)
HOST_CUES = (
    "hebergeur", "heberge par", "hebergement", "hosting", "hosted by", "hoster",
    "gehostet", "alojamiento", "alojado", "hospedaje", "ospitato", "ospitalita web",
)
# class/id words of testimonial blocks, compared whole (a trailing "s" dropped)
TESTIMONIAL_MARKERS = frozenset({
    "avis", "bewertung", "kundenstimme", "opinione", "opinioni", "recensione",
    "recensioni", "referenz", "resena", "review", "temoignage", "testimonial",
    "testimonianza", "testimonianze", "testimonio",
})

PARTNER_CUES = (
    "partenaires", "nos partenaires", "partenaire", "partners", "our partners",
    "partner",
    "unsere partner", "partnerbetriebe", "socios", "colaboradores", "nuestros socios",
    "i nostri partner", "sponsors", "sponsor",
)
# Phrases that introduce the site's own profiles (they end an agency credit).
FOLLOW_CUES = (
    "suivez-nous", "suivez nous", "retrouvez-nous", "rejoignez-nous", "follow us",
    "find us", "folgen sie uns", "folge uns", "siguenos", "seguici", "seguiteci",
)

# --- page kinds (rule 3c): words in a URL path --------------------------------------
CONTACT_PAGE_WORDS = (
    "contact", "kontakt", "contacto", "contactanos", "contatti", "contatto",
    "nous-joindre", "nous-contacter", "get-in-touch", "reach-us", "acces", "anfahrt",
    "donde-estamos", "dove-siamo", "plan-acces", "rendez-vous", "find-us",
    "nous-ecrire", "ecrivez-nous", "infos-pratiques", "informations-pratiques",
    "coordonnees", "nous-trouver",
)
LEGAL_PAGE_WORDS = (
    "mentions-legales", "mentions_legales", "mentionslegales", "mentions", "legal",
    "impressum", "imprint", "aviso-legal", "avisolegal", "aviso_legal", "note-legali",
    "note_legali", "notelegali", "informazioni-legali", "colophon", "legal-notice",
    "legales", "cgv", "cgu", "privacy", "datenschutz", "rgpd", "terms",
)
# --- links worth following (crawler/links.py) -----------------------------------------
# Anchor texts of contact, legal and about pages, folded, in the five languages.
CONTACT_ANCHOR_WORDS = (
    "contact", "nous contacter", "contactez", "mentions legales", "impressum",
    "aviso legal", "note legali", "a propos", "qui sommes-nous", "equipe", "team",
    "kontakt", "contacto", "contatti", "chi siamo", "about", "uber uns", "equipo",
    "quienes somos", "legal", "imprint", "le cabinet", "notre cabinet",
    "notre histoire",
    "nosotros", "our story", "our practice", "la nostra storia", "unsere geschichte",
    "le club", "notre club", "l'association", "notre association", "der verein",
    "unser verein", "el club", "il club", "our club",
)
# URL path words of about pages (contact and legal ones are the page kinds' words).
ABOUT_PATH_WORDS = (
    "about", "a-propos", "equipe", "team", "qui-sommes-nous", "chi-siamo", "equipo",
    "ueber-uns", "le-cabinet", "notre-cabinet", "nosotros", "our-story", "le-club",
    "association", "verein", "il-club", "el-club",
)
# Path segments of team listings and members' pages, followed in deep mode.
TEAM_PATH_SEGMENTS = frozenset((
    "equipe", "notre-equipe", "l-equipe", "team", "our-team", "the-team", "staff",
    "people", "our-people", "personnel", "collaborateurs", "associes", "avocats",
    "avocat", "nos-avocats", "praticiens", "nos-praticiens", "medecins", "docteurs",
    "notaires", "therapeutes", "architectes", "experts", "lawyers", "attorneys",
    "solicitors", "dentists", "doctors", "practitioners", "mitarbeiter", "aerzte",
    "anwaelte", "rechtsanwaelte", "unser-team", "das-team", "equipo", "nuestro-equipo",
    "abogados", "medicos", "profesionales", "squadra", "il-team", "avvocati", "medici",
    "professionisti", "staff-medico",
))
# fmt: on
