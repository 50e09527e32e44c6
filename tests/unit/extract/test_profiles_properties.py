"""Properties of canonical profiles over generated URLs (issue 4): idempotent, clean."""

from __future__ import annotations

from urllib.parse import urlsplit

from hypothesis import example, given, settings
from hypothesis import strategies as st

from crawler.extract import canonical_profile

CANONICAL_HOSTS = {
    "www.facebook.com",
    "www.instagram.com",
    "www.linkedin.com",
    "x.com",
    "www.tiktok.com",
    "www.youtube.com",
}
HOSTS = st.sampled_from(
    [
        "facebook.com",
        "www.facebook.com",
        "m.facebook.com",
        "fr-fr.facebook.com",
        "fb.com",
        "instagram.com",
        "www.instagram.com",
        "instagr.am",
        "linkedin.com",
        "fr.linkedin.com",
        "www.linkedin.com",
        "twitter.com",
        "mobile.twitter.com",
        "x.com",
        "tiktok.com",
        "www.tiktok.com",
        "youtube.com",
        "m.youtube.com",
        "l.facebook.com",
        "vm.tiktok.com",
        "facebook.com.evil.io",
        "notfacebook.com",
        "example.fr",
    ]
)
SEGMENT = st.one_of(
    st.sampled_from(
        [
            "company",
            "in",
            "school",
            "showcase",
            "channel",
            "c",
            "user",
            "people",
            "pages",
            "profile.php",
            "p",
            "reel",
            "status",
            "video",
            "about",
            "posts",
            "sharer.php",
            "intent",
            "@boul.martin",
            "@Boul_Martin",
            "UC" + "a" * 22,
        ]
    ),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="/?#"),
        min_size=1,
        max_size=20,
    ),
)
QUERY = st.one_of(
    st.just(""),
    st.sampled_from(["?id=1000123", "?ref=page", "?hl=fr&x=1", "?id=abc"]),
    st.text(max_size=15).map(lambda t: "?" + t),
)
FRAGMENT = st.one_of(st.just(""), st.text(max_size=10).map(lambda t: "#" + t))
SCHEME = st.sampled_from(["https://", "http://", "//", ""])


@st.composite
def social_urls(draw: st.DrawFn) -> str:
    path = "/".join(draw(st.lists(SEGMENT, min_size=0, max_size=4)))
    slash = draw(st.sampled_from(["", "/"]))
    return f"{draw(SCHEME)}{draw(HOSTS)}/{path}{slash}{draw(QUERY)}{draw(FRAGMENT)}"


# About one generated URL in seven is a profile: 400 examples check ~60 profiles a run.
@settings(max_examples=400)
@given(social_urls())
@example("https://www.facebook.com/profile.php?id=1000123&ref=x#top")
@example("https://fr-fr.facebook.com/BoulangerieMartin/?ref=bookmarks")
def test_canonical_form_is_a_fixed_point(url):
    profile = canonical_profile(url)
    if profile is None:
        return
    again = canonical_profile(profile.url)
    assert again is not None
    assert (again.network, again.url) == (profile.network, profile.url)


@settings(max_examples=400)
@given(social_urls())
def test_canonical_form_is_clean(url):
    profile = canonical_profile(url)
    if profile is None:
        return
    parts = urlsplit(profile.url)
    assert parts.scheme == "https"
    assert parts.netloc in CANONICAL_HOSTS
    assert not parts.fragment
    assert not profile.url.endswith("/")
    if parts.query:  # the one query a canonical form keeps
        assert parts.path == "/profile.php"
        assert parts.query.startswith("id=")
        assert parts.query[3:].isdigit()


@given(st.text(max_size=200))
def test_any_text_gives_a_profile_or_none(text):
    assert canonical_profile(text) is None or canonical_profile(text).url.startswith(
        "https://"
    )
