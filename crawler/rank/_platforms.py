"""Social accounts of directories, review sites and platforms (data; ranking.md S1)."""

# fmt: off
# Compacted handles (letters and digits only): a business never is one of these.
PLATFORM_HANDLES = frozenset({
    "pagesjaunes", "pagesjaunesfr", "tripadvisor", "tripadvisorfr", "yelp",
    "yelpfrance",
    "google", "googlemaps", "googlemybusiness", "trustpilot", "doctolib", "thefork",
    "theforkfr", "lafourchette", "booking", "bookingcom", "houzz", "houzzfr", "airbnb",
    "ubereats", "deliveroo", "deliveroofr", "justeat", "justeatfr", "treatwell",
    "planity", "opentable", "resy", "societecom", "mappy", "starofservice",
    "habitatpresto", "leboncoin", "gelbeseiten", "dasoertliche", "jameda", "kununu",
    "paginasamarillas", "paginegialle", "tuttocitta", "trivago", "expedia",
    "hotelscom", "michelinguide", "gaultmillau", "petitfute", "routard", "yellowpages",
    "thomsonlocal", "checkatrade", "mybuilder", "ratedpeople", "glassdoor", "indeed",
    "welcometothejungle", "malt", "fiverr", "etsy", "amazon", "ebay", "linktree",
})
# fmt: on
