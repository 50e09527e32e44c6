"""Canonical social profile URLs: every canonical form and every discard rule (issue 4).

Rows are (url as found on a page, expected canonical URL or None). Expected values
come from docs/socials.md, not from the code.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from crawler.extract.profiles import Network, canonical_profile

FACEBOOK = [
    # Pages: lower-cased, every accepted sub-domain, scheme and host folded onto www.
    pytest.param(
        "https://www.facebook.com/BoulangerieMartin",
        "https://www.facebook.com/boulangeriemartin",
        id="fb-page-mixed-case",
    ),
    pytest.param(
        "http://www.facebook.com/boulangeriemartin",
        "https://www.facebook.com/boulangeriemartin",
        id="fb-page-http",
    ),
    pytest.param(
        "https://facebook.com/TrattoriaDaGino",
        "https://www.facebook.com/trattoriadagino",
        id="fb-page-no-www",
    ),
    pytest.param(
        "facebook.com/TrattoriaDaGino",
        "https://www.facebook.com/trattoriadagino",
        id="fb-page-scheme-less",
    ),
    pytest.param(
        "www.facebook.com/ClinicaValverde/",
        "https://www.facebook.com/clinicavalverde",
        id="fb-page-scheme-less-www",
    ),
    pytest.param(
        "//www.facebook.com/ClinicaValverde",
        "https://www.facebook.com/clinicavalverde",
        id="fb-page-protocol-relative",
    ),
    pytest.param(
        "https://www.facebook.com/schreinerei.brandl/",
        "https://www.facebook.com/schreinerei.brandl",
        id="fb-page-trailing-slash",
    ),
    pytest.param(
        "https://www.facebook.com/Schreinerei.Brandl",
        "https://www.facebook.com/schreinerei.brandl",
        id="fb-page-dotted-mixed-case",
    ),
    pytest.param(
        "https://www.facebook.com/HARBOURDENTALSYDNEY",
        "https://www.facebook.com/harbourdentalsydney",
        id="fb-page-upper-case",
    ),
    pytest.param(
        "https://www.facebook.com/123456789012345",
        "https://www.facebook.com/123456789012345",
        id="fb-page-numeric",
    ),
    pytest.param(
        "https://m.facebook.com/BoulangerieMartin/",
        "https://www.facebook.com/boulangeriemartin",
        id="fb-page-m-subdomain",
    ),
    pytest.param(
        "https://mobile.facebook.com/CafeDuPort",
        "https://www.facebook.com/cafeduport",
        id="fb-page-mobile-subdomain",
    ),
    pytest.param(
        "https://web.facebook.com/PanaderiaLaEspiga",
        "https://www.facebook.com/panaderialaespiga",
        id="fb-page-web-subdomain",
    ),
    pytest.param(
        "https://mbasic.facebook.com/ZahnarztpraxisWeber",
        "https://www.facebook.com/zahnarztpraxisweber",
        id="fb-page-mbasic-subdomain",
    ),
    pytest.param(
        "https://touch.facebook.com/TrattoriaDaGino",
        "https://www.facebook.com/trattoriadagino",
        id="fb-page-touch-subdomain",
    ),
    pytest.param(
        "https://fr-fr.facebook.com/BoulangerieMartin",
        "https://www.facebook.com/boulangeriemartin",
        id="fb-page-locale-fr-fr",
    ),
    pytest.param(
        "https://de-de.facebook.com/Schreinerei.Brandl/",
        "https://www.facebook.com/schreinerei.brandl",
        id="fb-page-locale-de-de",
    ),
    pytest.param(
        "https://es-la.facebook.com/PanaderiaLaEspiga",
        "https://www.facebook.com/panaderialaespiga",
        id="fb-page-locale-es-la",
    ),
    pytest.param(
        "https://fb.com/CafeDuPort",
        "https://www.facebook.com/cafeduport",
        id="fb-page-fb-com-host",
    ),
    pytest.param(
        "https://www.fb.com/ClinicaValverde",
        "https://www.facebook.com/clinicavalverde",
        id="fb-page-fb-com-www",
    ),
    # Query strings and fragments dropped; percent-encoding decoded.
    pytest.param(
        "https://www.facebook.com/BoulangerieMartin?ref=br_rs",
        "https://www.facebook.com/boulangeriemartin",
        id="fb-page-query-ref",
    ),
    pytest.param(
        "https://www.facebook.com/TrattoriaDaGino/?fref=ts",
        "https://www.facebook.com/trattoriadagino",
        id="fb-page-query-fref",
    ),
    pytest.param(
        "https://www.facebook.com/BoulangerieMartin/?locale=fr_FR",
        "https://www.facebook.com/boulangeriemartin",
        id="fb-page-query-locale",
    ),
    pytest.param(
        "https://m.facebook.com/ClinicaValverde?mibextid=ZbWKwL",
        "https://www.facebook.com/clinicavalverde",
        id="fb-page-query-mibextid",
    ),
    pytest.param(
        "https://www.facebook.com/CafeDuPort?utm_source=website&utm_medium=footer&utm_campaign=social",
        "https://www.facebook.com/cafeduport",
        id="fb-page-query-utm",
    ),
    pytest.param(
        "https://www.facebook.com/HarbourDentalSydney#contact",
        "https://www.facebook.com/harbourdentalsydney",
        id="fb-page-fragment",
    ),
    pytest.param(
        "https://www.facebook.com/Schreinerei%2EBrandl",
        "https://www.facebook.com/schreinerei.brandl",
        id="fb-page-percent-encoded-dot",
    ),
    pytest.param(
        "https://www.facebook.com/%42oulangerieMartin",
        "https://www.facebook.com/boulangeriemartin",
        id="fb-page-percent-encoded-letter",
    ),
    # Tabs and sub-pages of a page are the page.
    pytest.param(
        "https://www.facebook.com/BoulangerieMartin/about/",
        "https://www.facebook.com/boulangeriemartin",
        id="fb-page-about-tab",
    ),
    pytest.param(
        "https://www.facebook.com/TrattoriaDaGino/reviews/?ref=page_internal",
        "https://www.facebook.com/trattoriadagino",
        id="fb-page-reviews-tab",
    ),
    pytest.param(
        "https://www.facebook.com/ClinicaValverde/community",
        "https://www.facebook.com/clinicavalverde",
        id="fb-page-community-tab",
    ),
    # profile.php?id=<digits> keeps its id.
    pytest.param(
        "https://www.facebook.com/profile.php?id=100064123456789",
        "https://www.facebook.com/profile.php?id=100064123456789",
        id="fb-profile-id",
    ),
    pytest.param(
        "https://m.facebook.com/profile.php?id=100064123456789",
        "https://www.facebook.com/profile.php?id=100064123456789",
        id="fb-profile-id-m-subdomain",
    ),
    pytest.param(
        "facebook.com/profile.php?id=61550123456789",
        "https://www.facebook.com/profile.php?id=61550123456789",
        id="fb-profile-id-scheme-less",
    ),
    pytest.param(
        "https://fr-fr.facebook.com/profile.php?id=61550123456789",
        "https://www.facebook.com/profile.php?id=61550123456789",
        id="fb-profile-id-locale-subdomain",
    ),
    pytest.param(
        "https://www.facebook.com/profile.php?id=100071234567890&mibextid=LQQJ4d",
        "https://www.facebook.com/profile.php?id=100071234567890",
        id="fb-profile-id-other-param-dropped",
    ),
    pytest.param(
        "https://www.facebook.com/profile.php?id=100071234567890#photos",
        "https://www.facebook.com/profile.php?id=100071234567890",
        id="fb-profile-id-fragment-dropped",
    ),
    # people/<Name>/<digits>: name kept as written.
    pytest.param(
        "https://www.facebook.com/people/Boulangerie-Martin/100083456789012/",
        "https://www.facebook.com/people/Boulangerie-Martin/100083456789012",
        id="fb-people-name-kept",
    ),
    pytest.param(
        "https://m.facebook.com/people/Clinica-Valverde/100071234567890/?mibextid=ZbWKwL",
        "https://www.facebook.com/people/Clinica-Valverde/100071234567890",
        id="fb-people-m-subdomain-query",
    ),
    pytest.param(
        "https://www.facebook.com/people/cafe-du-port/61551234567890",
        "https://www.facebook.com/people/cafe-du-port/61551234567890",
        id="fb-people-lower-case-name-kept",
    ),
    # Old page URLs: /pages/<Name>/<digits> -> /<digits>; /pg/<page>/... -> the page.
    pytest.param(
        "https://www.facebook.com/pages/Boulangerie-Martin/123456789012345",
        "https://www.facebook.com/123456789012345",
        id="fb-old-pages-url",
    ),
    pytest.param(
        "http://www.facebook.com/pages/Trattoria-Da-Gino/987654321098765?ref=hl",
        "https://www.facebook.com/987654321098765",
        id="fb-old-pages-url-query",
    ),
    pytest.param(
        "facebook.com/pages/Schreinerei-Brandl/112233445566778/",
        "https://www.facebook.com/112233445566778",
        id="fb-old-pages-url-scheme-less",
    ),
    pytest.param(
        "https://www.facebook.com/pg/BoulangerieMartin",
        "https://www.facebook.com/boulangeriemartin",
        id="fb-pg-page",
    ),
    pytest.param(
        "https://www.facebook.com/pg/TrattoriaDaGino/about/?ref=page_internal",
        "https://www.facebook.com/trattoriadagino",
        id="fb-pg-about",
    ),
    pytest.param(
        "https://www.facebook.com/pg/ClinicaValverde/posts/",
        "https://www.facebook.com/clinicavalverde",
        id="fb-pg-posts-tab",
    ),
    pytest.param(
        "https://m.facebook.com/pg/HarbourDentalSydney/reviews/",
        "https://www.facebook.com/harbourdentalsydney",
        id="fb-pg-reviews",
    ),
    # Share, plugins, tracking.
    pytest.param(
        "https://www.facebook.com/sharer.php?u=https%3A%2F%2Fwww.boulangerie-martin.fr%2F",
        None,
        id="fb-sharer-php",
    ),
    pytest.param(
        "https://www.facebook.com/sharer/sharer.php?u=https://www.trattoriadagino.it/",
        None,
        id="fb-sharer-sharer-php",
    ),
    pytest.param(
        "https://www.facebook.com/share.php?u=https://www.clinicavalverde.es/",
        None,
        id="fb-share-php",
    ),
    pytest.param("https://www.facebook.com/share", None, id="fb-share"),
    pytest.param(
        "https://www.facebook.com/share?u=https://harbourdental.com.au/",
        None,
        id="fb-share-query",
    ),
    pytest.param(
        "https://www.facebook.com/dialog/feed?app_id=123456789&link=https://www.boulangerie-martin.fr/",
        None,
        id="fb-dialog-feed",
    ),
    pytest.param(
        "https://www.facebook.com/dialog/share?app_id=123456789&href=https://www.trattoriadagino.it/",
        None,
        id="fb-dialog-share",
    ),
    pytest.param(
        "https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2FBoulangerieMartin&tabs=timeline",
        None,
        id="fb-plugins-page",
    ),
    pytest.param(
        "https://www.facebook.com/plugins/like.php?href=https://www.facebook.com/TrattoriaDaGino",
        None,
        id="fb-plugins-like",
    ),
    pytest.param(
        "https://www.facebook.com/tr?id=1234567890123456&ev=PageView&noscript=1",
        None,
        id="fb-tracking-pixel-tr",
    ),
    pytest.param(
        "https://www.facebook.com/tr/?id=1234567890123456&ev=Lead",
        None,
        id="fb-tracking-pixel-tr-slash",
    ),
    pytest.param(
        "https://www.facebook.com/l.php?u=https%3A%2F%2Fwww.boulangerie-martin.fr%2F",
        None,
        id="fb-l-php",
    ),
    # Single items.
    pytest.param(
        "https://www.facebook.com/BoulangerieMartin/posts/pfbid02xYzAbCdEfGh",
        None,
        id="fb-single-post",
    ),
    pytest.param(
        "https://www.facebook.com/TrattoriaDaGino/photos/a.123456789/987654321/?type=3",
        None,
        id="fb-single-photo",
    ),
    pytest.param(
        "https://www.facebook.com/ClinicaValverde/videos/1234567890123456/",
        None,
        id="fb-single-video",
    ),
    pytest.param(
        "https://www.facebook.com/permalink.php?story_fbid=123456789&id=100064123456789",
        None,
        id="fb-permalink-php",
    ),
    pytest.param(
        "https://m.facebook.com/story.php?story_fbid=123456789&id=100064123456789",
        None,
        id="fb-story-php",
    ),
    pytest.param(
        "https://www.facebook.com/photo.php?fbid=123456789012345&set=a.987654321",
        None,
        id="fb-photo-php",
    ),
    pytest.param("https://www.facebook.com/watch", None, id="fb-watch"),
    pytest.param(
        "https://www.facebook.com/watch/?v=1234567890123456", None, id="fb-watch-video"
    ),
    pytest.param("https://www.facebook.com/reel/1234567890123456", None, id="fb-reel"),
    # Reserved paths.
    pytest.param("https://www.facebook.com/login", None, id="fb-login"),
    pytest.param("https://www.facebook.com/signup", None, id="fb-signup"),
    pytest.param(
        "https://www.facebook.com/groups/boulangers.de.france/", None, id="fb-groups"
    ),
    pytest.param(
        "https://www.facebook.com/events/1234567890123456/", None, id="fb-events"
    ),
    pytest.param("https://www.facebook.com/hashtag/boulangerie", None, id="fb-hashtag"),
    pytest.param(
        "https://www.facebook.com/search/?q=boulangerie%20martin", None, id="fb-search"
    ),
    pytest.param("https://www.facebook.com/home", None, id="fb-home"),
    pytest.param(
        "https://www.facebook.com/pages/category/Bakery/Boulangerie-Martin-123456789012345/",
        None,
        id="fb-pages-category",
    ),
    pytest.param("https://www.facebook.com/help", None, id="fb-help"),
    pytest.param("https://www.facebook.com/privacy", None, id="fb-privacy"),
    pytest.param("https://www.facebook.com/legal", None, id="fb-legal"),
    pytest.param("https://www.facebook.com/settings", None, id="fb-settings"),
    pytest.param("https://www.facebook.com/marketplace", None, id="fb-marketplace"),
    pytest.param("https://www.facebook.com/gaming", None, id="fb-gaming"),
    pytest.param("https://www.facebook.com/about", None, id="fb-about-of-network"),
    pytest.param("https://www.facebook.com/", None, id="fb-root"),
    # Builder and theme-demo defaults, placeholders, the network's own account.
    pytest.param("https://www.facebook.com/wix", None, id="fb-builder-wix"),
    pytest.param(
        "https://www.facebook.com/WordPress", None, id="fb-builder-wordpress-mixed-case"
    ),
    pytest.param(
        "https://www.facebook.com/squarespace", None, id="fb-builder-squarespace"
    ),
    pytest.param("https://www.facebook.com/jimdo/", None, id="fb-builder-jimdo"),
    pytest.param("https://www.facebook.com/webflow", None, id="fb-builder-webflow"),
    pytest.param("https://www.facebook.com/godaddy", None, id="fb-builder-godaddy"),
    pytest.param("https://www.facebook.com/weebly", None, id="fb-builder-weebly"),
    pytest.param(
        "https://www.facebook.com/elegantthemes", None, id="fb-theme-elegantthemes"
    ),
    pytest.param(
        "https://www.facebook.com/templatemonster", None, id="fb-theme-templatemonster"
    ),
    pytest.param(
        "https://www.facebook.com/yourpage", None, id="fb-placeholder-yourpage"
    ),
    pytest.param("https://www.facebook.com/page", None, id="fb-placeholder-page"),
    pytest.param("https://www.facebook.com/profile", None, id="fb-placeholder-profile"),
    pytest.param("https://www.facebook.com/#", None, id="fb-placeholder-hash"),
    pytest.param("https://www.facebook.com/facebook", None, id="fb-own-account"),
    pytest.param("https://fb.com/facebook", None, id="fb-own-account-fb-com"),
    # Other sub-domains are other services.
    pytest.param(
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.boulangerie-martin.fr%2F&h=AT0abc",
        None,
        id="fb-l-subdomain",
    ),
    pytest.param(
        "https://lm.facebook.com/l.php?u=https%3A%2F%2Fwww.trattoriadagino.it%2F",
        None,
        id="fb-lm-subdomain",
    ),
    pytest.param(
        "https://business.facebook.com/BoulangerieMartin",
        None,
        id="fb-business-subdomain",
    ),
    pytest.param(
        "https://developers.facebook.com/docs/plugins/",
        None,
        id="fb-developers-subdomain",
    ),
    pytest.param(
        "https://fr.facebook.com/BoulangerieMartin",
        None,
        id="fb-two-letter-locale-subdomain",
    ),
]

INSTAGRAM = [
    pytest.param(
        "https://www.instagram.com/trattoriadagino",
        "https://www.instagram.com/trattoriadagino",
        id="ig-user-plain",
    ),
    pytest.param(
        "https://www.instagram.com/TrattoriaDaGino/",
        "https://www.instagram.com/trattoriadagino",
        id="ig-user-mixed-case",
    ),
    pytest.param(
        "http://instagram.com/boulangerie.martin",
        "https://www.instagram.com/boulangerie.martin",
        id="ig-user-http-no-www",
    ),
    pytest.param(
        "instagram.com/schreinerei.brandl",
        "https://www.instagram.com/schreinerei.brandl",
        id="ig-user-scheme-less",
    ),
    pytest.param(
        "www.instagram.com/clinica_valverde/",
        "https://www.instagram.com/clinica_valverde",
        id="ig-user-scheme-less-www",
    ),
    pytest.param(
        "//www.instagram.com/harbourdental",
        "https://www.instagram.com/harbourdental",
        id="ig-user-protocol-relative",
    ),
    pytest.param(
        "https://m.instagram.com/harbourdental/",
        "https://www.instagram.com/harbourdental",
        id="ig-user-m-subdomain",
    ),
    pytest.param(
        "https://instagr.am/trattoriadagino",
        "https://www.instagram.com/trattoriadagino",
        id="ig-user-instagr-am",
    ),
    pytest.param(
        "http://instagr.am/Schreinerei.Brandl/",
        "https://www.instagram.com/schreinerei.brandl",
        id="ig-user-instagr-am-mixed-case",
    ),
    pytest.param(
        "https://www.instagram.com/trattoriadagino/?igshid=MzRlODBiNWFlZA==",
        "https://www.instagram.com/trattoriadagino",
        id="ig-user-query-igshid",
    ),
    pytest.param(
        "https://www.instagram.com/boulangerie.martin?igsh=MWd5a3h5bGc1",
        "https://www.instagram.com/boulangerie.martin",
        id="ig-user-query-igsh",
    ),
    pytest.param(
        "https://www.instagram.com/boulangerie.martin/?hl=fr",
        "https://www.instagram.com/boulangerie.martin",
        id="ig-user-query-hl-fr",
    ),
    pytest.param(
        "https://www.instagram.com/clinica_valverde?utm_source=ig_web_button_share_sheet",
        "https://www.instagram.com/clinica_valverde",
        id="ig-user-query-utm-share-sheet",
    ),
    pytest.param(
        "https://instagram.com/harbourdental?utm_medium=copy_link",
        "https://www.instagram.com/harbourdental",
        id="ig-user-query-utm-copy-link",
    ),
    pytest.param(
        "https://www.instagram.com/schreinerei.brandl/#",
        "https://www.instagram.com/schreinerei.brandl",
        id="ig-user-empty-fragment",
    ),
    pytest.param(
        "https://www.instagram.com/schreinerei.brandl/?hl=de#top",
        "https://www.instagram.com/schreinerei.brandl",
        id="ig-user-query-and-fragment",
    ),
    pytest.param(
        "https://www.instagram.com/trattoriadagino/reels/",
        "https://www.instagram.com/trattoriadagino",
        id="ig-user-reels-tab",
    ),
    pytest.param(
        "https://www.instagram.com/boulangerie.martin/tagged/",
        "https://www.instagram.com/boulangerie.martin",
        id="ig-user-tagged-tab",
    ),
    pytest.param(
        "https://www.instagram.com/cafe_du_port_1987/",
        "https://www.instagram.com/cafe_du_port_1987",
        id="ig-user-underscores-digits",
    ),
    pytest.param(
        "https://www.instagram.com/CLINICA_VALVERDE",
        "https://www.instagram.com/clinica_valverde",
        id="ig-user-upper-case",
    ),
    pytest.param(
        "https://www.instagram.com/trattoria%5Fdagino",
        "https://www.instagram.com/trattoria_dagino",
        id="ig-user-percent-encoded-underscore",
    ),
    pytest.param(
        "https://www.instagram.com/schreinerei%2Ebrandl/",
        "https://www.instagram.com/schreinerei.brandl",
        id="ig-user-percent-encoded-dot",
    ),
    pytest.param(
        "https://www.instagram.com/boulangerie.martin.paris.1987_",
        "https://www.instagram.com/boulangerie.martin.paris.1987_",
        id="ig-user-30-chars",
    ),
    pytest.param(
        "https://www.instagram.com/z",
        "https://www.instagram.com/z",
        id="ig-user-one-char",
    ),
    # Single items.
    pytest.param("https://www.instagram.com/p/Cx1AbC2dEf3/", None, id="ig-single-post"),
    pytest.param(
        "https://www.instagram.com/p/Cx1AbC2dEf3/?igshid=MzRlODBiNWFlZA==",
        None,
        id="ig-single-post-query",
    ),
    pytest.param(
        "https://www.instagram.com/trattoriadagino/p/Cx1AbC2dEf3/",
        None,
        id="ig-single-post-under-user",
    ),
    pytest.param(
        "https://www.instagram.com/reel/C4kLmNoPqRs/", None, id="ig-single-reel"
    ),
    pytest.param(
        "https://www.instagram.com/reels/C4kLmNoPqRs/", None, id="ig-single-reels-item"
    ),
    pytest.param("https://www.instagram.com/tv/B8xYzAbCdEf/", None, id="ig-single-tv"),
    pytest.param(
        "https://www.instagram.com/stories/trattoriadagino/3245678901234567890/",
        None,
        id="ig-single-story",
    ),
    pytest.param(
        "https://www.instagram.com/stories/highlights/17912345678901234/",
        None,
        id="ig-story-highlight",
    ),
    # Share.
    pytest.param(
        "https://www.instagram.com/share/BAMq1xYzAb", None, id="ig-share-link"
    ),
    pytest.param(
        "https://www.instagram.com/share/reel/BAabc123xyz", None, id="ig-share-reel"
    ),
    # Reserved paths.
    pytest.param(
        "https://www.instagram.com/explore/tags/boulangerie/",
        None,
        id="ig-explore-tags",
    ),
    pytest.param(
        "https://www.instagram.com/explore/locations/213385402/paris-france/",
        None,
        id="ig-explore-locations",
    ),
    pytest.param("https://www.instagram.com/explore/", None, id="ig-explore"),
    pytest.param(
        "https://www.instagram.com/accounts/login/?next=/trattoriadagino/",
        None,
        id="ig-accounts-login",
    ),
    pytest.param(
        "https://www.instagram.com/accounts/emailsignup/", None, id="ig-accounts-signup"
    ),
    pytest.param("https://www.instagram.com/about/", None, id="ig-about-of-network"),
    pytest.param("https://www.instagram.com/", None, id="ig-root"),
    # Builder defaults, placeholders, the network's own account.
    pytest.param("https://www.instagram.com/instagram", None, id="ig-own-account"),
    pytest.param(
        "https://www.instagram.com/Instagram/", None, id="ig-own-account-mixed-case"
    ),
    pytest.param(
        "https://www.instagram.com/squarespace", None, id="ig-builder-squarespace"
    ),
    pytest.param("https://www.instagram.com/wix/", None, id="ig-builder-wix"),
    pytest.param("https://www.instagram.com/shopify", None, id="ig-builder-shopify"),
    pytest.param("https://www.instagram.com/envato", None, id="ig-theme-envato"),
    pytest.param(
        "https://www.instagram.com/username", None, id="ig-placeholder-username"
    ),
    pytest.param(
        "https://www.instagram.com/yourname/", None, id="ig-placeholder-yourname"
    ),
    # Handles that break the syntax.
    pytest.param(
        "https://www.instagram.com/trattoria-dagino", None, id="ig-invalid-hyphen"
    ),
    pytest.param(
        "https://www.instagram.com/trattoria%2Ddagino",
        None,
        id="ig-invalid-percent-encoded-hyphen",
    ),
    pytest.param(
        "https://www.instagram.com/boulangerie.martin.paris.1987_x",
        None,
        id="ig-invalid-31-chars",
    ),
    # Other sub-domains.
    pytest.param(
        "https://l.instagram.com/?u=https%3A%2F%2Fwww.trattoriadagino.it%2F&e=AT0abc",
        None,
        id="ig-l-subdomain",
    ),
    pytest.param("https://about.instagram.com/blog", None, id="ig-about-subdomain"),
    pytest.param(
        "https://help.instagram.com/581066165581870", None, id="ig-help-subdomain"
    ),
]

LINKEDIN = [
    pytest.param(
        "https://www.linkedin.com/company/boulangerie-martin",
        "https://www.linkedin.com/company/boulangerie-martin",
        id="li-company-plain",
    ),
    pytest.param(
        "https://www.linkedin.com/company/Boulangerie-Martin/",
        "https://www.linkedin.com/company/boulangerie-martin",
        id="li-company-mixed-case",
    ),
    pytest.param(
        "http://linkedin.com/company/schreinerei-brandl",
        "https://www.linkedin.com/company/schreinerei-brandl",
        id="li-company-http-no-www",
    ),
    pytest.param(
        "linkedin.com/company/clinica-valverde",
        "https://www.linkedin.com/company/clinica-valverde",
        id="li-company-scheme-less",
    ),
    pytest.param(
        "www.linkedin.com/company/trattoria-da-gino/",
        "https://www.linkedin.com/company/trattoria-da-gino",
        id="li-company-scheme-less-www",
    ),
    pytest.param(
        "//www.linkedin.com/company/harbour-dental",
        "https://www.linkedin.com/company/harbour-dental",
        id="li-company-protocol-relative",
    ),
    pytest.param(
        "https://fr.linkedin.com/company/boulangerie-martin",
        "https://www.linkedin.com/company/boulangerie-martin",
        id="li-company-locale-fr",
    ),
    pytest.param(
        "https://de.linkedin.com/company/schreinerei-brandl/",
        "https://www.linkedin.com/company/schreinerei-brandl",
        id="li-company-locale-de",
    ),
    pytest.param(
        "es.linkedin.com/company/clinica-valverde",
        "https://www.linkedin.com/company/clinica-valverde",
        id="li-company-locale-es-scheme-less",
    ),
    pytest.param(
        "https://uk.linkedin.com/in/sarah-whitfield-harbourdental",
        "https://www.linkedin.com/in/sarah-whitfield-harbourdental",
        id="li-in-locale-uk",
    ),
    pytest.param(
        "https://m.linkedin.com/company/trattoria-da-gino",
        "https://www.linkedin.com/company/trattoria-da-gino",
        id="li-company-m-subdomain",
    ),
    pytest.param(
        "https://www.linkedin.com/company/boulangerie-martin/about/",
        "https://www.linkedin.com/company/boulangerie-martin",
        id="li-company-about-tab",
    ),
    pytest.param(
        "https://www.linkedin.com/company/schreinerei-brandl/jobs/",
        "https://www.linkedin.com/company/schreinerei-brandl",
        id="li-company-jobs-tab",
    ),
    pytest.param(
        "https://www.linkedin.com/company/trattoria-da-gino/posts/?feedView=all",
        "https://www.linkedin.com/company/trattoria-da-gino",
        id="li-company-posts-tab",
    ),
    pytest.param(
        "https://www.linkedin.com/company/harbour-dental?trk=public_profile_topcard-current-company",
        "https://www.linkedin.com/company/harbour-dental",
        id="li-company-query-trk",
    ),
    pytest.param(
        "https://fr.linkedin.com/company/boulangerie-martin?originalSubdomain=fr",
        "https://www.linkedin.com/company/boulangerie-martin",
        id="li-company-query-original-subdomain",
    ),
    pytest.param(
        "https://www.linkedin.com/company/clinica-valverde/?utm_source=web&utm_medium=footer",
        "https://www.linkedin.com/company/clinica-valverde",
        id="li-company-query-utm",
    ),
    pytest.param(
        "https://www.linkedin.com/company/schreinerei-brandl#top",
        "https://www.linkedin.com/company/schreinerei-brandl",
        id="li-company-fragment",
    ),
    pytest.param(
        "https://www.linkedin.com/company/10234567/",
        "https://www.linkedin.com/company/10234567",
        id="li-company-numeric",
    ),
    pytest.param(
        "https://www.linkedin.com/company/boulangerie%2Dmartin",
        "https://www.linkedin.com/company/boulangerie-martin",
        id="li-company-percent-encoded-hyphen",
    ),
    pytest.param(
        "https://www.linkedin.com/in/jean-martin-4b2a1c7",
        "https://www.linkedin.com/in/jean-martin-4b2a1c7",
        id="li-in-plain",
    ),
    pytest.param(
        "https://www.linkedin.com/in/Giulia-Romano-Trattoria/",
        "https://www.linkedin.com/in/giulia-romano-trattoria",
        id="li-in-mixed-case",
    ),
    pytest.param(
        "https://www.linkedin.com/in/marta-valverde/?locale=es_ES",
        "https://www.linkedin.com/in/marta-valverde",
        id="li-in-query-locale",
    ),
    pytest.param(
        "https://www.linkedin.com/school/berufsschule-holz-muenchen",
        "https://www.linkedin.com/school/berufsschule-holz-muenchen",
        id="li-school",
    ),
    pytest.param(
        "https://www.linkedin.com/school/Escuela-Hosteleria-Sevilla/",
        "https://www.linkedin.com/school/escuela-hosteleria-sevilla",
        id="li-school-mixed-case",
    ),
    pytest.param(
        "https://www.linkedin.com/showcase/harbour-dental-kids",
        "https://www.linkedin.com/showcase/harbour-dental-kids",
        id="li-showcase",
    ),
    pytest.param(
        "https://www.linkedin.com/showcase/Boulangerie-Martin-Traiteur/",
        "https://www.linkedin.com/showcase/boulangerie-martin-traiteur",
        id="li-showcase-mixed-case",
    ),
    # Share.
    pytest.param(
        "https://www.linkedin.com/shareArticle?mini=true&url=https://www.boulangerie-martin.fr/",
        None,
        id="li-share-article",
    ),
    pytest.param(
        "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fwww.trattoriadagino.it%2F",
        None,
        id="li-sharing-share-offsite",
    ),
    pytest.param(
        "https://www.linkedin.com/cws/share?url=https://www.clinicavalverde.es/",
        None,
        id="li-cws-share",
    ),
    # Single items.
    pytest.param(
        "https://www.linkedin.com/posts/boulangerie-martin_pain-au-levain-activity-7123456789012345678-AbCd",
        None,
        id="li-single-post",
    ),
    pytest.param(
        "https://www.linkedin.com/feed/update/urn:li:activity:7123456789012345678/",
        None,
        id="li-feed-update",
    ),
    pytest.param("https://www.linkedin.com/feed/", None, id="li-feed"),
    pytest.param(
        "https://www.linkedin.com/pulse/why-we-bake-sourdough-jean-martin",
        None,
        id="li-pulse-article",
    ),
    pytest.param(
        "https://www.linkedin.com/jobs/view/3712345678/", None, id="li-jobs-view"
    ),
    pytest.param(
        "https://www.linkedin.com/events/7123456789012345678/", None, id="li-events"
    ),
    # Reserved paths.
    pytest.param("https://www.linkedin.com/groups/12345678/", None, id="li-groups"),
    pytest.param("https://www.linkedin.com/login", None, id="li-login"),
    pytest.param("https://www.linkedin.com/signup", None, id="li-signup"),
    pytest.param(
        "https://www.linkedin.com/search/results/companies/?keywords=boulangerie",
        None,
        id="li-search",
    ),
    pytest.param("https://www.linkedin.com/help", None, id="li-help"),
    pytest.param("https://www.linkedin.com/", None, id="li-root"),
    # Builder defaults, placeholders, the network's own account.
    pytest.param(
        "https://www.linkedin.com/company/linkedin", None, id="li-own-account"
    ),
    pytest.param(
        "https://www.linkedin.com/company/LinkedIn/",
        None,
        id="li-own-account-mixed-case",
    ),
    pytest.param(
        "https://www.linkedin.com/company/themeisle", None, id="li-theme-themeisle"
    ),
    pytest.param(
        "https://www.linkedin.com/company/envato/", None, id="li-theme-envato"
    ),
    pytest.param(
        "https://www.linkedin.com/company/yourpage", None, id="li-placeholder-yourpage"
    ),
    pytest.param(
        "https://www.linkedin.com/in/username", None, id="li-placeholder-username"
    ),
    pytest.param(
        "https://www.linkedin.com/in/yourname/", None, id="li-placeholder-yourname"
    ),
    # Other sub-domains.
    pytest.param(
        "https://business.linkedin.com/marketing-solutions",
        None,
        id="li-business-subdomain",
    ),
    pytest.param(
        "https://de-de.linkedin.com/company/schreinerei-brandl",
        None,
        id="li-facebook-style-locale-subdomain",
    ),
]

TWITTER = [
    pytest.param(
        "https://twitter.com/HarbourDental",
        "https://x.com/harbourdental",
        id="x-twitter-com-mixed-case",
    ),
    pytest.param(
        "https://x.com/harbourdental", "https://x.com/harbourdental", id="x-x-com-plain"
    ),
    pytest.param(
        "https://www.twitter.com/TrattoriaDaGino",
        "https://x.com/trattoriadagino",
        id="x-twitter-com-www",
    ),
    pytest.param(
        "http://twitter.com/boulangerie_m",
        "https://x.com/boulangerie_m",
        id="x-twitter-com-http",
    ),
    pytest.param(
        "https://mobile.twitter.com/SchreinerBrandl",
        "https://x.com/schreinerbrandl",
        id="x-twitter-com-mobile-subdomain",
    ),
    pytest.param(
        "https://m.twitter.com/ClinicaValverde",
        "https://x.com/clinicavalverde",
        id="x-twitter-com-m-subdomain",
    ),
    pytest.param(
        "https://www.x.com/HarbourDental",
        "https://x.com/harbourdental",
        id="x-x-com-www",
    ),
    pytest.param(
        "https://mobile.x.com/harbourdental",
        "https://x.com/harbourdental",
        id="x-x-com-mobile-subdomain",
    ),
    pytest.param(
        "twitter.com/harbourdental",
        "https://x.com/harbourdental",
        id="x-twitter-com-scheme-less",
    ),
    pytest.param(
        "x.com/CafeDuPort", "https://x.com/cafeduport", id="x-x-com-scheme-less"
    ),
    pytest.param(
        "//twitter.com/cafeduport", "https://x.com/cafeduport", id="x-protocol-relative"
    ),
    pytest.param(
        "https://twitter.com/harbourdental/",
        "https://x.com/harbourdental",
        id="x-trailing-slash",
    ),
    pytest.param(
        "https://twitter.com/@HarbourDental",
        "https://x.com/harbourdental",
        id="x-leading-at-dropped",
    ),
    pytest.param(
        "https://x.com/@trattoriadagino/",
        "https://x.com/trattoriadagino",
        id="x-leading-at-dropped-x-com",
    ),
    pytest.param(
        "https://x.com/%40HarbourDental",
        "https://x.com/harbourdental",
        id="x-percent-encoded-at",
    ),
    pytest.param(
        "https://x.com/boulangerie%5Fm",
        "https://x.com/boulangerie_m",
        id="x-percent-encoded-underscore",
    ),
    pytest.param(
        "http://twitter.com/#!/HarbourDental",
        "https://x.com/harbourdental",
        id="x-hash-bang",
    ),
    pytest.param(
        "https://www.twitter.com/#!/boulangerie_m/",
        "https://x.com/boulangerie_m",
        id="x-hash-bang-www-trailing-slash",
    ),
    pytest.param(
        "https://twitter.com/HarbourDental?lang=fr",
        "https://x.com/harbourdental",
        id="x-query-lang-fr",
    ),
    pytest.param(
        "https://twitter.com/TrattoriaDaGino?ref_src=twsrc%5Egoogle%7Ctwcamp%5Eserp%7Ctwgr%5Eauthor",
        "https://x.com/trattoriadagino",
        id="x-query-ref-src",
    ),
    pytest.param(
        "https://x.com/clinicavalverde?s=21&t=AbCdEfGhIjKl",
        "https://x.com/clinicavalverde",
        id="x-query-share-params",
    ),
    pytest.param(
        "https://x.com/schreinerbrandl?utm_source=website&utm_medium=footer",
        "https://x.com/schreinerbrandl",
        id="x-query-utm",
    ),
    pytest.param(
        "https://x.com/cafeduport#main", "https://x.com/cafeduport", id="x-fragment"
    ),
    pytest.param(
        "https://x.com/HarbourDental/media",
        "https://x.com/harbourdental",
        id="x-media-tab",
    ),
    pytest.param(
        "https://twitter.com/harbourdental/with_replies",
        "https://x.com/harbourdental",
        id="x-with-replies-tab",
    ),
    pytest.param(
        "https://twitter.com/schreinerbrandl",
        "https://x.com/schreinerbrandl",
        id="x-15-chars",
    ),
    pytest.param(
        "https://x.com/ZahnarztWeber24",
        "https://x.com/zahnarztweber24",
        id="x-digits-mixed-case",
    ),
    pytest.param(
        "https://x.com/HARBOURDENTAL", "https://x.com/harbourdental", id="x-upper-case"
    ),
    # Share and intent.
    pytest.param(
        "https://twitter.com/intent/tweet?text=Bonjour&url=https://www.boulangerie-martin.fr/",
        None,
        id="x-intent-tweet",
    ),
    pytest.param(
        "https://twitter.com/intent/follow?screen_name=HarbourDental",
        None,
        id="x-intent-follow",
    ),
    pytest.param(
        "https://x.com/intent/post?text=Buongiorno&url=https://www.trattoriadagino.it/",
        None,
        id="x-intent-post",
    ),
    pytest.param(
        "https://x.com/intent/user?screen_name=clinicavalverde",
        None,
        id="x-intent-user",
    ),
    pytest.param(
        "https://twitter.com/share?url=https://www.boulangerie-martin.fr/&text=Bonjour",
        None,
        id="x-share",
    ),
    pytest.param(
        "https://x.com/share?url=https://harbourdental.com.au/",
        None,
        id="x-share-x-com",
    ),
    # Single items.
    pytest.param(
        "https://x.com/harbourdental/status/1723456789012345678",
        None,
        id="x-single-status",
    ),
    pytest.param(
        "https://twitter.com/HarbourDental/status/1723456789012345678?s=20",
        None,
        id="x-single-status-twitter-com-query",
    ),
    # Reserved paths.
    pytest.param("https://x.com/home", None, id="x-home"),
    pytest.param("https://x.com/explore", None, id="x-explore"),
    pytest.param(
        "https://twitter.com/search?q=boulangerie&src=typed_query", None, id="x-search"
    ),
    pytest.param(
        "https://twitter.com/hashtag/boulangerie?src=hash", None, id="x-hashtag"
    ),
    pytest.param("https://x.com/login", None, id="x-login"),
    pytest.param("https://x.com/signup", None, id="x-signup"),
    pytest.param("https://x.com/settings", None, id="x-settings"),
    pytest.param("https://x.com/", None, id="x-root"),
    # Builder defaults, placeholders, the network's own account.
    pytest.param("https://twitter.com/twitter", None, id="x-own-account-twitter-com"),
    pytest.param("https://x.com/twitter", None, id="x-own-account-x-com"),
    pytest.param("https://twitter.com/envato", None, id="x-theme-envato"),
    pytest.param("https://x.com/themeforest", None, id="x-theme-themeforest"),
    pytest.param("https://twitter.com/elementor", None, id="x-builder-elementor"),
    pytest.param("https://twitter.com/username", None, id="x-placeholder-username"),
    pytest.param("https://x.com/yourname", None, id="x-placeholder-yourname"),
    pytest.param("https://twitter.com/#", None, id="x-placeholder-hash"),
    # Handles that break the syntax.
    pytest.param("https://x.com/harbourdentalsyd", None, id="x-invalid-16-chars"),
    pytest.param(
        "https://twitter.com/@harbourdentalsyd", None, id="x-invalid-16-chars-after-at"
    ),
    pytest.param("https://x.com/harbour-dental", None, id="x-invalid-hyphen"),
    pytest.param("https://x.com/harbour.dental", None, id="x-invalid-dot"),
    # Other sub-domains.
    pytest.param("https://help.twitter.com/en/using-x", None, id="x-help-subdomain"),
    pytest.param(
        "https://platform.twitter.com/widgets.js", None, id="x-platform-subdomain"
    ),
]

TIKTOK = [
    pytest.param(
        "https://www.tiktok.com/@trattoriadagino",
        "https://www.tiktok.com/@trattoriadagino",
        id="tt-user-plain",
    ),
    pytest.param(
        "https://www.tiktok.com/@TrattoriaDaGino",
        "https://www.tiktok.com/@trattoriadagino",
        id="tt-user-mixed-case",
    ),
    pytest.param(
        "https://tiktok.com/@boulangerie.martin",
        "https://www.tiktok.com/@boulangerie.martin",
        id="tt-user-no-www",
    ),
    pytest.param(
        "http://www.tiktok.com/@clinicavalverde",
        "https://www.tiktok.com/@clinicavalverde",
        id="tt-user-http",
    ),
    pytest.param(
        "tiktok.com/@harbourdental",
        "https://www.tiktok.com/@harbourdental",
        id="tt-user-scheme-less",
    ),
    pytest.param(
        "www.tiktok.com/@schreinerei.brandl/",
        "https://www.tiktok.com/@schreinerei.brandl",
        id="tt-user-scheme-less-www",
    ),
    pytest.param(
        "//www.tiktok.com/@cafe_du_port",
        "https://www.tiktok.com/@cafe_du_port",
        id="tt-user-protocol-relative",
    ),
    pytest.param(
        "https://m.tiktok.com/@trattoriadagino",
        "https://www.tiktok.com/@trattoriadagino",
        id="tt-user-m-subdomain",
    ),
    pytest.param(
        "https://www.tiktok.com/@harbourdental/",
        "https://www.tiktok.com/@harbourdental",
        id="tt-user-trailing-slash",
    ),
    pytest.param(
        "https://www.tiktok.com/@boulangerie.martin?lang=fr",
        "https://www.tiktok.com/@boulangerie.martin",
        id="tt-user-query-lang-fr",
    ),
    pytest.param(
        "https://www.tiktok.com/@trattoriadagino?is_from_webapp=1&sender_device=pc",
        "https://www.tiktok.com/@trattoriadagino",
        id="tt-user-query-from-webapp",
    ),
    pytest.param(
        "https://www.tiktok.com/@clinicavalverde?_t=8kQ3xYzAbCd&_r=1",
        "https://www.tiktok.com/@clinicavalverde",
        id="tt-user-query-share-token",
    ),
    pytest.param(
        "https://www.tiktok.com/@schreinerei.brandl?utm_source=website&utm_campaign=footer",
        "https://www.tiktok.com/@schreinerei.brandl",
        id="tt-user-query-utm",
    ),
    pytest.param(
        "https://www.tiktok.com/@harbourdental#videos",
        "https://www.tiktok.com/@harbourdental",
        id="tt-user-fragment",
    ),
    pytest.param(
        "https://www.tiktok.com/%40trattoriadagino",
        "https://www.tiktok.com/@trattoriadagino",
        id="tt-user-percent-encoded-at",
    ),
    pytest.param(
        "https://www.tiktok.com/@schreinerei%2Ebrandl",
        "https://www.tiktok.com/@schreinerei.brandl",
        id="tt-user-percent-encoded-dot",
    ),
    pytest.param(
        "https://www.tiktok.com/@CAFE_DU_PORT",
        "https://www.tiktok.com/@cafe_du_port",
        id="tt-user-upper-case",
    ),
    pytest.param(
        "https://www.tiktok.com/@k9", "https://www.tiktok.com/@k9", id="tt-user-2-chars"
    ),
    pytest.param(
        "https://www.tiktok.com/@panaderia.la.espiga.sevi",
        "https://www.tiktok.com/@panaderia.la.espiga.sevi",
        id="tt-user-24-chars",
    ),
    pytest.param(
        "https://www.tiktok.com/@panaderia_laespiga_23",
        "https://www.tiktok.com/@panaderia_laespiga_23",
        id="tt-user-underscores-digits",
    ),
    # Single items and short links.
    pytest.param(
        "https://www.tiktok.com/@trattoriadagino/video/7234567890123456789",
        None,
        id="tt-single-video",
    ),
    pytest.param(
        "https://www.tiktok.com/@trattoriadagino/video/7234567890123456789?is_from_webapp=1&sender_device=pc",
        None,
        id="tt-single-video-query",
    ),
    pytest.param(
        "https://www.tiktok.com/@boulangerie.martin/photo/7298765432109876543",
        None,
        id="tt-single-photo",
    ),
    pytest.param("https://vm.tiktok.com/ZMabc123X/", None, id="tt-vm-short-link"),
    pytest.param("https://vt.tiktok.com/ZSabc123X/", None, id="tt-vt-subdomain"),
    pytest.param(
        "https://www.tiktok.com/t/ZTRabc123/", None, id="tt-t-short-path-without-at"
    ),
    # Reserved paths and paths without @.
    pytest.param("https://www.tiktok.com/tag/boulangerie", None, id="tt-tag"),
    pytest.param("https://www.tiktok.com/discover", None, id="tt-discover"),
    pytest.param(
        "https://www.tiktok.com/discover/boulangerie-paris",
        None,
        id="tt-discover-topic",
    ),
    pytest.param(
        "https://www.tiktok.com/music/son-original-7234567890123456789",
        None,
        id="tt-music",
    ),
    pytest.param(
        "https://www.tiktok.com/trattoriadagino", None, id="tt-path-without-at"
    ),
    pytest.param(
        "tiktok.com/harbourdental/", None, id="tt-path-without-at-scheme-less"
    ),
    pytest.param(
        "https://www.tiktok.com/embed/v2/7234567890123456789",
        None,
        id="tt-embed-without-at",
    ),
    pytest.param("https://www.tiktok.com/login", None, id="tt-login"),
    pytest.param("https://www.tiktok.com/signup", None, id="tt-signup"),
    pytest.param("https://www.tiktok.com/search?q=boulangerie", None, id="tt-search"),
    pytest.param("https://www.tiktok.com/explore", None, id="tt-explore"),
    pytest.param("https://www.tiktok.com/", None, id="tt-root"),
    # Builder defaults, placeholders, the network's own account.
    pytest.param("https://www.tiktok.com/@tiktok", None, id="tt-own-account"),
    pytest.param("https://www.tiktok.com/@shopify", None, id="tt-builder-shopify"),
    pytest.param("https://www.tiktok.com/@wix", None, id="tt-builder-wix"),
    pytest.param(
        "https://www.tiktok.com/@username", None, id="tt-placeholder-username"
    ),
    pytest.param(
        "https://www.tiktok.com/@yourname", None, id="tt-placeholder-yourname"
    ),
    # Handles that break the syntax.
    pytest.param("https://www.tiktok.com/@k", None, id="tt-invalid-1-char"),
    pytest.param(
        "https://www.tiktok.com/@panaderia.la.espiga.sevil",
        None,
        id="tt-invalid-25-chars",
    ),
    pytest.param(
        "https://www.tiktok.com/@trattoria-dagino", None, id="tt-invalid-hyphen"
    ),
    pytest.param("https://www.tiktok.com/@", None, id="tt-invalid-empty-user"),
    # Other sub-domains.
    pytest.param("https://ads.tiktok.com/business/", None, id="tt-ads-subdomain"),
    pytest.param("https://seller-fr.tiktok.com/", None, id="tt-seller-subdomain"),
]

YOUTUBE = [
    # Handles: lower-cased.
    pytest.param(
        "https://www.youtube.com/@HarbourDental",
        "https://www.youtube.com/@harbourdental",
        id="yt-handle-mixed-case",
    ),
    pytest.param(
        "https://www.youtube.com/@harbourdental",
        "https://www.youtube.com/@harbourdental",
        id="yt-handle-plain",
    ),
    pytest.param(
        "https://youtube.com/@trattoriadagino",
        "https://www.youtube.com/@trattoriadagino",
        id="yt-handle-no-www",
    ),
    pytest.param(
        "http://www.youtube.com/@boulangeriemartin",
        "https://www.youtube.com/@boulangeriemartin",
        id="yt-handle-http",
    ),
    pytest.param(
        "youtube.com/@SchreinereiBrandl",
        "https://www.youtube.com/@schreinereibrandl",
        id="yt-handle-scheme-less",
    ),
    pytest.param(
        "//www.youtube.com/@ClinicaValverde",
        "https://www.youtube.com/@clinicavalverde",
        id="yt-handle-protocol-relative",
    ),
    pytest.param(
        "https://m.youtube.com/@ClinicaValverde",
        "https://www.youtube.com/@clinicavalverde",
        id="yt-handle-m-subdomain",
    ),
    pytest.param(
        "https://www.youtube.com/%40HarbourDental",
        "https://www.youtube.com/@harbourdental",
        id="yt-handle-percent-encoded-at",
    ),
    pytest.param(
        "https://www.youtube.com/@trattoriadagino?si=AbCdEf123456",
        "https://www.youtube.com/@trattoriadagino",
        id="yt-handle-query-si",
    ),
    pytest.param(
        "https://www.youtube.com/@boulangeriemartin?sub_confirmation=1",
        "https://www.youtube.com/@boulangeriemartin",
        id="yt-handle-query-sub-confirmation",
    ),
    pytest.param(
        "https://www.youtube.com/@harbourdental#about",
        "https://www.youtube.com/@harbourdental",
        id="yt-handle-fragment",
    ),
    pytest.param(
        "https://www.youtube.com/@HarbourDental/videos",
        "https://www.youtube.com/@harbourdental",
        id="yt-handle-videos-tab",
    ),
    pytest.param(
        "https://www.youtube.com/@trattoriadagino/featured",
        "https://www.youtube.com/@trattoriadagino",
        id="yt-handle-featured-tab",
    ),
    pytest.param(
        "https://www.youtube.com/@ClinicaValverde/about?hl=es",
        "https://www.youtube.com/@clinicavalverde",
        id="yt-handle-about-tab",
    ),
    pytest.param(
        "https://www.youtube.com/@schreinereibrandl/",
        "https://www.youtube.com/@schreinereibrandl",
        id="yt-handle-trailing-slash",
    ),
    # Channel ids: case kept.
    pytest.param(
        "https://www.youtube.com/channel/UCw9X3kP1zQ8b7Lm2nR4sT6v",
        "https://www.youtube.com/channel/UCw9X3kP1zQ8b7Lm2nR4sT6v",
        id="yt-channel-id-case-kept",
    ),
    pytest.param(
        "https://m.youtube.com/channel/UCw9X3kP1zQ8b7Lm2nR4sT6v",
        "https://www.youtube.com/channel/UCw9X3kP1zQ8b7Lm2nR4sT6v",
        id="yt-channel-id-m-subdomain",
    ),
    pytest.param(
        "youtube.com/channel/UCw9X3kP1zQ8b7Lm2nR4sT6v/",
        "https://www.youtube.com/channel/UCw9X3kP1zQ8b7Lm2nR4sT6v",
        id="yt-channel-id-scheme-less",
    ),
    pytest.param(
        "http://youtube.com/channel/UC-9Kq2Lm_Xr7Tb3Vn8Wz1Pa",
        "https://www.youtube.com/channel/UC-9Kq2Lm_Xr7Tb3Vn8Wz1Pa",
        id="yt-channel-id-dash-underscore",
    ),
    pytest.param(
        "https://www.youtube.com/channel/UC-9Kq2Lm_Xr7Tb3Vn8Wz1Pa?view_as=subscriber",
        "https://www.youtube.com/channel/UC-9Kq2Lm_Xr7Tb3Vn8Wz1Pa",
        id="yt-channel-id-query",
    ),
    pytest.param(
        "https://www.youtube.com/channel/UCa7Bc9De1Fg3Hi5Jk7Lm9No?sub_confirmation=1",
        "https://www.youtube.com/channel/UCa7Bc9De1Fg3Hi5Jk7Lm9No",
        id="yt-channel-id-query-sub-confirmation",
    ),
    pytest.param(
        "https://www.youtube.com/channel/UCa7Bc9De1Fg3Hi5Jk7Lm9No/videos",
        "https://www.youtube.com/channel/UCa7Bc9De1Fg3Hi5Jk7Lm9No",
        id="yt-channel-id-videos-tab",
    ),
    # Custom and legacy names: kept as written; a bare name is the custom URL /c/<name>.
    pytest.param(
        "https://www.youtube.com/c/BoulangerieMartin",
        "https://www.youtube.com/c/BoulangerieMartin",
        id="yt-custom-c-case-kept",
    ),
    pytest.param(
        "http://youtube.com/c/TrattoriaDaGino/",
        "https://www.youtube.com/c/TrattoriaDaGino",
        id="yt-custom-c-http-no-www",
    ),
    pytest.param(
        "https://www.youtube.com/c/TrattoriaDaGino/about",
        "https://www.youtube.com/c/TrattoriaDaGino",
        id="yt-custom-c-about-tab",
    ),
    pytest.param(
        "https://www.youtube.com/c/Boulangerie%4Dartin",
        "https://www.youtube.com/c/BoulangerieMartin",
        id="yt-custom-c-percent-encoded",
    ),
    pytest.param(
        "https://www.youtube.com/user/SchreinereiBrandl",
        "https://www.youtube.com/user/SchreinereiBrandl",
        id="yt-legacy-user-case-kept",
    ),
    pytest.param(
        "https://www.youtube.com/user/ClinicaValverde?feature=watch",
        "https://www.youtube.com/user/ClinicaValverde",
        id="yt-legacy-user-query",
    ),
    pytest.param(
        "https://m.youtube.com/user/harbourdentalsyd",
        "https://www.youtube.com/user/harbourdentalsyd",
        id="yt-legacy-user-m-subdomain-lower-kept",
    ),
    pytest.param(
        "https://www.youtube.com/BoulangerieMartin",
        "https://www.youtube.com/c/BoulangerieMartin",
        id="yt-bare-name-is-custom",
    ),
    pytest.param(
        "youtube.com/PanaderiaLaEspiga",
        "https://www.youtube.com/c/PanaderiaLaEspiga",
        id="yt-bare-name-scheme-less",
    ),
    pytest.param(
        "https://youtube.com/TrattoriaDaGino?sub_confirmation=1",
        "https://www.youtube.com/c/TrattoriaDaGino",
        id="yt-bare-name-query",
    ),
    pytest.param(
        "https://www.youtube.com/ZahnarztpraxisWeber/",
        "https://www.youtube.com/c/ZahnarztpraxisWeber",
        id="yt-bare-name-trailing-slash",
    ),
    # Single items.
    pytest.param("https://www.youtube.com/watch?v=dQw4w9WgXcQ", None, id="yt-watch"),
    pytest.param(
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&ab_channel=BoulangerieMartin",
        None,
        id="yt-watch-with-channel-param",
    ),
    pytest.param(
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ", None, id="yt-watch-m-subdomain"
    ),
    pytest.param("https://youtu.be/dQw4w9WgXcQ", None, id="yt-youtu-be"),
    pytest.param(
        "https://youtu.be/dQw4w9WgXcQ?si=AbCdEf123456", None, id="yt-youtu-be-query"
    ),
    pytest.param("https://www.youtube.com/embed/dQw4w9WgXcQ", None, id="yt-embed"),
    pytest.param(
        "https://www.youtube.com/embed/videoseries?list=PLabc123def456",
        None,
        id="yt-embed-playlist",
    ),
    pytest.param("https://www.youtube.com/shorts/AbCdEfGhIjK", None, id="yt-shorts"),
    pytest.param(
        "https://www.youtube.com/playlist?list=PLabc123def456", None, id="yt-playlist"
    ),
    pytest.param("https://www.youtube.com/live/AbCdEfGhIjK", None, id="yt-live"),
    pytest.param(
        "https://www.youtube.com/clip/UgkxAbCdEfGhIjKlMnOp", None, id="yt-clip"
    ),
    pytest.param(
        "https://www.youtube.com/post/UgkxAbCdEfGhIjKlMnOp", None, id="yt-post"
    ),
    # Subscription centre and redirects.
    pytest.param(
        "https://www.youtube.com/subscription_center?add_user=BoulangerieMartin",
        None,
        id="yt-subscription-center",
    ),
    pytest.param(
        "https://www.youtube.com/redirect?q=https://www.trattoriadagino.it/&event=channel_banner",
        None,
        id="yt-redirect",
    ),
    # Reserved paths.
    pytest.param("https://www.youtube.com/gaming", None, id="yt-gaming"),
    pytest.param("https://www.youtube.com/about", None, id="yt-about-of-network"),
    pytest.param("https://www.youtube.com/hashtag/boulangerie", None, id="yt-hashtag"),
    pytest.param("https://www.youtube.com/", None, id="yt-root"),
    # Builder defaults, placeholders, the network's own account.
    pytest.param("https://www.youtube.com/@youtube", None, id="yt-own-account"),
    pytest.param(
        "https://www.youtube.com/@YouTube", None, id="yt-own-account-mixed-case"
    ),
    pytest.param("https://www.youtube.com/@elementor", None, id="yt-builder-elementor"),
    pytest.param(
        "https://www.youtube.com/user/envato", None, id="yt-theme-envato-legacy-user"
    ),
    pytest.param(
        "https://www.youtube.com/c/templatemonster",
        None,
        id="yt-theme-templatemonster-custom",
    ),
    pytest.param(
        "https://www.youtube.com/@username", None, id="yt-placeholder-username"
    ),
    # Other sub-domains.
    pytest.param(
        "https://music.youtube.com/channel/UCw9X3kP1zQ8b7Lm2nR4sT6v",
        None,
        id="yt-music-subdomain",
    ),
    pytest.param(
        "https://studio.youtube.com/channel/UCw9X3kP1zQ8b7Lm2nR4sT6v/videos",
        None,
        id="yt-studio-subdomain",
    ),
    pytest.param(
        "https://gaming.youtube.com/@harbourdental", None, id="yt-gaming-subdomain"
    ),
]

LOOK_ALIKES_AND_OTHERS = [
    # Look-alike and unlisted hosts.
    pytest.param(
        "https://facebook.com.evil.io/BoulangerieMartin",
        None,
        id="other-look-alike-facebook-com-evil-io",
    ),
    pytest.param(
        "https://notfacebook.com/BoulangerieMartin",
        None,
        id="other-look-alike-notfacebook-com",
    ),
    pytest.param(
        "https://facebook.co/BoulangerieMartin", None, id="other-look-alike-facebook-co"
    ),
    pytest.param(
        "https://www.instagram.com.evil.io/trattoriadagino",
        None,
        id="other-look-alike-instagram-com-evil-io",
    ),
    pytest.param(
        "https://notinstagram.com/trattoriadagino",
        None,
        id="other-look-alike-notinstagram-com",
    ),
    pytest.param(
        "https://linkedin.co/company/boulangerie-martin",
        None,
        id="other-look-alike-linkedin-co",
    ),
    pytest.param(
        "https://box.com/harbourdental",
        None,
        id="other-look-alike-box-com-ends-in-x-com",
    ),
    pytest.param(
        "https://twitter.co/harbourdental", None, id="other-look-alike-twitter-co"
    ),
    pytest.param(
        "https://tiktok.com.evil.io/@trattoriadagino",
        None,
        id="other-look-alike-tiktok-com-evil-io",
    ),
    pytest.param(
        "https://www.youtube.co.uk/@harbourdental",
        None,
        id="other-unlisted-youtube-co-uk",
    ),
    pytest.param(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        None,
        id="other-unlisted-youtube-nocookie",
    ),
    pytest.param("https://fb.me/BoulangerieMartin", None, id="other-unlisted-fb-me"),
    pytest.param("https://lnkd.in/dAbC123x", None, id="other-unlisted-lnkd-in"),
    pytest.param("https://t.co/AbCdEf1234", None, id="other-unlisted-t-co"),
    # Other schemes.
    pytest.param("mailto:info@boulangerie-martin.fr", None, id="other-mailto"),
    pytest.param(
        "mailto:boulangeriemartin@facebook.com",
        None,
        id="other-mailto-facebook-address",
    ),
    pytest.param("javascript:void(0)", None, id="other-javascript"),
    pytest.param("fb://page/123456789012345", None, id="other-fb-app-scheme"),
    pytest.param(
        "instagram://user?username=trattoriadagino",
        None,
        id="other-instagram-app-scheme",
    ),
    pytest.param(
        "twitter://user?screen_name=HarbourDental", None, id="other-twitter-app-scheme"
    ),
    pytest.param("tel:+33142000000", None, id="other-tel"),
    pytest.param("ftp://facebook.com/BoulangerieMartin", None, id="other-ftp-scheme"),
    # Other sites.
    pytest.param(
        "https://www.pinterest.fr/boulangeriemartin/", None, id="other-site-pinterest"
    ),
    pytest.param(
        "https://www.threads.net/@trattoriadagino", None, id="other-site-threads"
    ),
    pytest.param(
        "https://www.xing.com/pages/schreinerei-brandl", None, id="other-site-xing"
    ),
    pytest.param(
        "https://www.tripadvisor.it/Restaurant_Review-g187791-d1234567-Reviews-Trattoria_Da_Gino-Rome.html",
        None,
        id="other-site-tripadvisor",
    ),
    pytest.param("https://wa.me/393331234567", None, id="other-site-whatsapp"),
    pytest.param(
        "https://www.boulangerie-martin.fr/contact", None, id="other-site-own-website"
    ),
    # Garbage.
    pytest.param("", None, id="other-empty-string"),
    pytest.param("Suivez-nous sur Facebook", None, id="other-plain-text"),
    pytest.param("#", None, id="other-bare-hash"),
    pytest.param("https://", None, id="other-scheme-only"),
    pytest.param("facebook", None, id="other-bare-word-facebook"),
    pytest.param("/contact", None, id="other-relative-path"),
]

ALL_ROWS = (
    FACEBOOK
    + INSTAGRAM
    + LINKEDIN
    + TWITTER
    + TIKTOK
    + YOUTUBE
    + LOOK_ALIKES_AND_OTHERS
)
POSITIVE_ROWS = [row for row in ALL_ROWS if row.values[1] is not None]

# Words the network's enum member must carry (in its name or value), by canonical host.
NETWORK_WORDS = {
    "www.facebook.com": {"facebook"},
    "www.instagram.com": {"instagram"},
    "www.linkedin.com": {"linkedin"},
    "x.com": {"x", "twitter"},
    "www.tiktok.com": {"tiktok"},
    "www.youtube.com": {"youtube"},
}


def _words(network: Network) -> set[str]:
    text = f"{network.name} {network.value}".lower()
    return {word for word in re.split(r"[^a-z0-9]+", text) if word}


@pytest.mark.parametrize(
    ("url", "expected"),
    FACEBOOK
    + INSTAGRAM
    + LINKEDIN
    + TWITTER
    + TIKTOK
    + YOUTUBE
    + LOOK_ALIKES_AND_OTHERS,
)
def test_canonical_profile(url, expected):
    profile = canonical_profile(url)
    assert (profile.url if profile else None) == expected


@pytest.mark.parametrize(("url", "expected"), POSITIVE_ROWS)
def test_canonical_url_round_trips(url, expected):
    again = canonical_profile(expected)
    assert again is not None
    assert again.url == expected
    assert again == canonical_profile(url)


@pytest.mark.parametrize(("url", "expected"), POSITIVE_ROWS)
def test_network_follows_canonical_host(url, expected):
    profile = canonical_profile(url)
    assert profile is not None
    assert isinstance(profile.network, Network)
    assert NETWORK_WORDS[urlsplit(expected).hostname] & _words(profile.network)


def test_one_network_per_canonical_host():
    networks_by_host: dict[str, set[Network]] = {}
    for row in POSITIVE_ROWS:
        url, expected = row.values
        profile = canonical_profile(url)
        assert profile is not None, row.id
        networks_by_host.setdefault(urlsplit(expected).hostname, set()).add(
            profile.network
        )
    assert all(len(networks) == 1 for networks in networks_by_host.values())
    assert len({next(iter(networks)) for networks in networks_by_host.values()}) == len(
        networks_by_host
    )
