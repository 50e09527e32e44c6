"""Per-network path rules for social profiles (data only; see profiles.py)."""

# fmt: off
# First path segments that are never a profile, per network (folded to lower case).
FACEBOOK_RESERVED = frozenset({
    "sharer", "sharer.php", "share", "share.php", "dialog", "plugins", "tr", "login",
    "login.php", "logout.php", "groups", "events", "hashtag", "search", "home",
    "home.php",
    "watch", "marketplace", "gaming", "help", "policies", "privacy", "legal", "ads",
    "business", "l.php", "story.php", "permalink.php", "photo.php", "photo", "photos",
    "video.php", "videos", "media", "notes", "messages", "friends", "bookmarks",
    "settings", "recover", "signup", "r.php", "reg", "public", "directory", "places",
    "fundraisers", "donate", "live", "stories", "reel", "reels", "p", "posts", "pages",
    "profile.php", "people", "pg", "about", "careers", "find-friends", "campaign",
    "badges", "privacy_sandbox", "terms", "terms.php", "cookies", "fbml", "connect",
    "facebook", "#", "intent", "php", "feeds", "offers", "jobs", "lite", "apps", "dyi",
})
INSTAGRAM_RESERVED = frozenset({
    "p", "reel", "reels", "tv", "stories", "explore", "accounts", "direct", "about",
    "developer", "legal", "web", "embed", "embed.js", "challenge", "oauth", "tags",
    "locations", "instagram", "press", "api", "session", "emails", "privacy", "terms",
    "share", "sharer", "#", "graphql", "ar", "topics", "directory",
})
TWITTER_RESERVED = frozenset({
    "intent", "share", "home", "search", "hashtag", "i", "explore", "login", "signup",
    "settings", "messages", "notifications", "tos", "privacy", "compose", "widgets.js",
    "widgets", "twitter", "x", "oauth", "account", "download", "logout", "about",
    "jobs", "rules", "help", "status", "statuses", "#", "share.php", "sharer",
    "personalization", "following", "followers", "lists", "topics",
})
TIKTOK_RESERVED = frozenset({"tag", "discover", "music", "embed", "foryou", "live"})
YOUTUBE_RESERVED = frozenset({
    "watch", "embed", "shorts", "playlist", "results", "feed", "live", "hashtag",
    "redirect", "subscription_center", "attribution_link", "account", "premium",
    "about", "t", "howyoutubeworks", "creators", "ads", "kids", "music", "gaming",
    "signin", "logout", "upload", "v", "e", "iframe_api", "player_api", "s", "yt",
    "post", "clip", "channels", "youtubei", "sw.js", "#",
})
# Second path segments that make a page's URL a single item, not the page.
FACEBOOK_ITEMS = frozenset({
    "posts", "photos", "photo", "videos", "video", "permalink.php", "story.php", "reel",
    "reels", "notes", "events", "live", "activity", "media_set", "albums", "photo.php",
})

# Website-builder and theme-demo accounts that templates leave in place.
BUILDER_DEFAULTS = frozenset({
    "wix", "wixcom", "wix.com", "wordpress", "wordpressdotcom", "wordpresscom",
    "squarespace", "jimdo", "jimdocom", "webflow", "webflowapp", "shopify", "godaddy",
    "weebly", "elementor", "envato", "themeforest", "elegantthemes", "themeisle",
    "templatemonster", "themefusion", "divi", "astra", "oceanwp", "generatepress",
    "yourpage", "yourprofile", "yourusername", "username", "yourname", "yourhandle",
    "yourcompany", "your-company", "company", "page", "profile", "user", "example",
    "mycompany", "votrepage", "votre-page", "mapage", "tupagina", "tuapagina",
    "deinunternehmen", "pagename", "handle", "account", "strato", "ionos", "1and1",
    "ovh", "hostinger", "site123", "webnode", "weeblysupport", "prestashop",
    "joomla", "drupal", "bootstrap", "getbootstrap", "twbootstrap", "canva",
    # the networks' own accounts, linked by "follow us" widgets
    "facebook", "instagram", "twitter", "x", "linkedin", "tiktok", "youtube", "meta",
})
# fmt: on
