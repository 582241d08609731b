"""Reads dg-links' Atom feeds and HTML pages as a reader would.

Run by tests/readers.sh: python3 readers.py BINDIR TESTSDIR.  Every feed
must parse with feedparser without a complaint (bozo false) and show each
source's link; every page must parse with html5lib in strict mode (any
parse error raises) and link each web source, with no element made from
the data.  Prints one line per failure and a summary; exits 1 on failure.
"""
import glob
import os
import subprocess
import sys
import urllib.parse
import uuid

import feedparser
import html5lib

BIN, TESTS = sys.argv[1], sys.argv[2]
NS = uuid.UUID("bfc311dc-c2a6-4cea-9aa4-9627ec054138")
failures = []
checked = 0


def fail(what, msg):
    failures.append("%s: %s" % (what, msg))


def run(args, stdin):
    p = subprocess.run([os.path.join(BIN, "dg-links")] + args, input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        raise RuntimeError("dg-links %s: exit %d: %s" % (
            " ".join(args), p.returncode, p.stderr.decode(errors="replace")))
    return p.stdout


def same_place(got, want):
    """Do two URLs lead to the same place (percent-escapes aside)?"""
    def norm(u):
        return urllib.parse.unquote(u, errors="replace")
    return norm(got) == norm(want)


def expected(stdin, opts):
    """The URLs dg-links prints with these options, one per source."""
    lines = run(opts, stdin).decode("utf-8", errors="replace").splitlines()
    if "-a" in opts:
        return ["https://arxiv.org/abs/" + x for x in lines]
    return lines


def check_atom(name, stdin, opts, title):
    global checked
    what = "%s: dg-links -f atom %s" % (name, " ".join(opts))
    out = run(["-f", "atom"] + opts, stdin)
    if out != run(["-f", "atom"] + opts, stdin):
        fail(what, "two runs differ")
    d = feedparser.parse(out)
    checked += 1
    if d.bozo:
        fail(what, "bozo: %s" % d.get("bozo_exception"))
        return
    urls = expected(stdin, [o for o in opts if o in ("-a", "-u")])
    if len(d.entries) != len(urls):
        fail(what, "%d entries, %d sources" % (len(d.entries), len(urls)))
        return
    ids = set()
    for e, url in zip(d.entries, urls):
        if not same_place(e.get("link", ""), url):
            fail(what, "entry link %r, want %r" % (e.get("link"), url))
        eid = e.get("id", "")
        if not eid.startswith("urn:uuid:") or \
                uuid.UUID(eid[9:]).version != 5:
            fail(what, "entry id %r is no version 5 urn:uuid" % eid)
        ids.add(eid)
        if not e.get("updated_parsed"):
            fail(what, "entry without a date reader can read")
    if len(ids) != len(d.entries):
        fail(what, "%d entries, %d distinct ids" % (len(d.entries), len(ids)))
    if title is not None and d.feed.get("title") != title:
        fail(what, "title %r, want %r" % (d.feed.get("title"), title))
    if not d.feed.get("updated_parsed") or not d.feed.get("id"):
        fail(what, "feed without updated or id")
    return d


def check_html(name, stdin, opts, title):
    global checked
    what = "%s: dg-links -f html %s" % (name, " ".join(opts))
    out = run(["-f", "html"] + opts, stdin)
    if out != run(["-f", "html"] + opts, stdin):
        fail(what, "two runs differ")
    checked += 1
    try:
        html5lib.HTMLParser(strict=True).parse(out)
    except Exception as e:  # any parse error
        fail(what, "html5lib strict: %s" % e)
        return
    doc = html5lib.parse(out, namespaceHTMLElements=False)
    urls = expected(stdin, [o for o in opts if o in ("-a", "-u")])
    web = [u for u in urls if u.lower().startswith(("http://", "https://"))]
    hrefs = [a.get("href") for a in doc.iter("a")]
    # The page is grouped by date: compare the links as sets.
    if sorted(map(urllib.parse.unquote, hrefs)) != \
            sorted(map(urllib.parse.unquote, web)):
        fail(what, "links %r, want %r" % (hrefs[:5], web[:5]))
    for tag in ("script", "iframe", "img", "object", "b", "i"):
        if list(doc.iter(tag)):
            fail(what, "a <%s> element made from the data" % tag)
    if doc.get("lang") != "ko":
        fail(what, "no lang=\"ko\"")
    if title is not None and doc.find(".//title").text != title:
        fail(what, "title %r, want %r" % (doc.find(".//title").text, title))


def parse(paths):
    p = subprocess.run([os.path.join(BIN, "dg-parse")] + paths,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return p.stdout


def main():
    fixtures = os.path.join(TESTS, "fixtures")
    examples = os.path.join(TESTS, "..", "examples")
    inputs = [
        ("links_sample.tsv",
         open(os.path.join(fixtures, "links_sample.tsv"), "rb").read()),
        ("links_identity.tsv",
         open(os.path.join(fixtures, "links_identity.tsv"), "rb").read()),
        ("links_hostile.tsv",
         open(os.path.join(fixtures, "links_hostile.tsv"), "rb").read()),
        ("examples/*.md",
         parse(sorted(glob.glob(os.path.join(examples, "*.md"))))),
        ("fixtures/*.md",
         parse(sorted(glob.glob(os.path.join(fixtures, "*.md"))))),
        ("empty", b""),
    ]
    for name, data in inputs:
        for opts in ([], ["-u"], ["-a"], ["-a", "-u"]):
            check_atom(name, data, opts, None)
            check_html(name, data, opts, None)
        title = "T <b>&amp;</b> \u00e9 ]]>"
        check_atom(name, data, ["-t", title, "--self",
                                "https://example.org/f.atom?a=1&b=<2>"], title)
        check_html(name, data, ["-t", title], title)
    # With -u an entry's id is the source's identity, named as
    # dg-links(1) says: the same on every run and machine.
    data = open(os.path.join(fixtures, "links_identity.tsv"), "rb").read()
    d = feedparser.parse(run(["-u", "-f", "atom"], data))
    ids = {e.link: e.id for e in d.entries}
    for link, name in (("http://example.org/paper", "url://example.org/paper"),
                       ("http://arxiv.org/abs/2410.13754v1",
                        "arXiv:2410.13754")):
        want = "urn:uuid:%s" % uuid.uuid5(NS, name)
        if ids.get(link) != want:
            fail("entry id of " + link, "%r, want %r" % (ids.get(link), want))
    for f in failures:
        print("FAIL readers: " + f)
    print("readers: %d feeds and pages read, %d failed" % (
        checked, len(failures)))
    return 1 if failures else 0


sys.exit(main())
