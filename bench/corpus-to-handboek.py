#!/usr/bin/env python3
"""Turn a gen-corpus.py corpus into a handboek project, so that handboek builds the same
pages as Hugo and mdBook in the same benchmark run.

Python standard library only.

    python3 bench/corpus-to-handboek.py /tmp/bench/corpus-1000 /tmp/bench/handboek-1000
    python3 bench/corpus-to-handboek.py --flat CORPUS OUT   # no part folders (see below)

Reads the Hugo copy of the corpus (`hugo/content/{en,nl}/<section>/<slug>.md`) and writes
OUT (wiped first; it must not be inside a git repository):

    handboek.yaml                         MSP settings, as `handboek init` writes them
    customers/bench.yaml                  one customer: languages [nl, en], method app
    content/<lang>/employee/<section>/_part.yaml   title + order of each section (a part)
    content/<lang>/employee/<section>/<slug>.md    every corpus page
    assets/images/mfa-signin.png          the corpus's one image

Each page gets handboek's front matter (`title`, `order` = the corpus `weight`,
`verified`); its body stays byte for byte the corpus body, start and end markers
included, except for the link targets: page links become `<slug>.md` (handboek links
pages by file name; corpus slugs are unique per language) and the image becomes
`images/mfa-signin.png`. A body with `{{` (handboek's variables) would get `\\{{`; the
corpus has none, and the number of such escapes is printed.

`--flat` writes the pages straight into `content/<lang>/employee/` without part folders,
with `order` = section * 1000 + weight so that the reading order stays the corpus's. That
is the only layout handboek accepts before parts exist; its navigation then lists every
page of a language on every page, so it is not the same work as the part layout.
"""

import argparse
import json
import os
import re
import shutil
import sys

from benchfiles import in_git_repo, write

LANGS = ("nl", "en")
CUSTOMER = "bench"
VERIFIED = "2026-11-01"

HANDBOEK_YAML = """\
# handboek project made by bench/corpus-to-handboek.py from a gen-corpus.py corpus.
msp:
  name: Bench IT

theme: default

defaults:
  country: nl
  languages: [nl, en]
"""

CUSTOMER_YAML = """\
# The one customer of the benchmark corpus: app only, both languages, no optional sections.
name: Bench B.V.
short_name: Bench
country: nl
languages: [nl, en]
brand:
  primary: "#1f4e79"
  on_primary: "#ffffff"
helpdesk:
  name: Servicedesk
  phone: 020 123 4567
  email: servicedesk@example.nl
  hours: { nl: "werkdagen van 8.00 tot 17.00 uur", en: "working days, 8:00 to 17:00" }
mfa:
  method: app
  enforcement: security_defaults
  mandatory_from: 2026-12-01
features:
  remote_desktop: false
  trusted_location: false
  new_laptop: false
  shared_devices: false
"""

# Hugo's form of the corpus links: [title](/en/s001-getting-started/p00002-…/)
PAGE_LINK = re.compile(r"\]\(/(en|nl)/(s\d{3}-[a-z0-9-]+)/(p\d{5}-[a-z0-9-]+)/\)")
IMAGE_LINK = "](/images/mfa-signin.png)"


def split_hugo(path):
    """The `title:` line, the weight and the body of a corpus page (Hugo copy)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("---\n"):
        sys.exit(f"{path}: no front matter")
    end = text.index("\n---\n", 3)
    head, body = text[4:end], text[end + len("\n---\n"):]
    fields = dict(line.split(": ", 1) for line in head.split("\n"))
    # gen-corpus writes the title as a YAML double-quoted string; handboek reads the same.
    return fields["title"], int(fields["weight"]), body



def convert(corpus, out, flat):
    with open(os.path.join(corpus, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    slugs = {(p["lang"], p["slug"]) for p in manifest["pages"]}
    hugo = os.path.join(corpus, "hugo", "content")

    if os.path.exists(out):
        if os.listdir(out) and not os.path.exists(os.path.join(out, "handboek.yaml")):
            sys.exit(f"{out} exists and is not a handboek project; not wiping it")
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "customers"))
    write(os.path.join(out, "handboek.yaml"), HANDBOEK_YAML)
    write(os.path.join(out, "customers", f"{CUSTOMER}.yaml"), CUSTOMER_YAML)
    os.makedirs(os.path.join(out, "assets", "images"))
    shutil.copyfile(os.path.join(corpus, "hugo", "static", "images", "mfa-signin.png"),
                    os.path.join(out, "assets", "images", "mfa-signin.png"))

    counts = {"pages": 0, "parts": 0, "links": 0, "images": 0, "escaped": 0}
    for lang in LANGS:
        sections = sorted(d for d in os.listdir(os.path.join(hugo, lang))
                          if os.path.isdir(os.path.join(hugo, lang, d)))
        for section in sections:
            title_line, order, _ = split_hugo(os.path.join(hugo, lang, section, "_index.md"))
            folder = os.path.join(out, "content", lang, "employee")
            if not flat:
                folder = os.path.join(folder, section)
                write(os.path.join(folder, "_part.yaml"),
                      f"title: {title_line}\norder: {order}\n")
                counts["parts"] += 1
            for name in sorted(os.listdir(os.path.join(hugo, lang, section))):
                if name == "_index.md":
                    continue
                title, weight, body = split_hugo(os.path.join(hugo, lang, section, name))
                body = rewrite(body, lang, slugs, counts, name)
                page_order = order * 1000 + weight if flat else weight
                front = f"---\ntitle: {title}\norder: {page_order}\nverified: {VERIFIED}\n---\n"
                write(os.path.join(folder, name), front + body)
                counts["pages"] += 1
    if counts["pages"] != len(manifest["pages"]):
        sys.exit(f"converted {counts['pages']} pages, the manifest lists {len(manifest['pages'])}")
    return counts


def rewrite(body, lang, slugs, counts, name):
    def page_link(m):
        link_lang, _, slug = m.groups()
        if link_lang != lang or (lang, slug) not in slugs:
            sys.exit(f"{lang}/{name}: link to {m.group(0)} is not a page of the same language")
        counts["links"] += 1
        return f"]({slug}.md)"

    body = PAGE_LINK.sub(page_link, body)
    counts["images"] += body.count(IMAGE_LINK)
    body = body.replace(IMAGE_LINK, "](images/mfa-signin.png)")
    if "](/" in body:
        sys.exit(f"{lang}/{name}: a link the converter does not know: "
                 + body[body.index("](/") - 40:body.index("](/") + 60])
    if "{{" in body:
        counts["escaped"] += body.count("{{")
        body = re.sub(r"(?<!\\)\{\{", r"\\{{", body)
    return body



def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a gen-corpus.py output folder (with manifest.json)")
    parser.add_argument("out", help="the handboek project to write (wiped first)")
    parser.add_argument("--flat", action="store_true",
                        help="no part folders: every page in content/<lang>/employee/")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    if in_git_repo(out):
        sys.exit(f"{out} is inside a git repository; write projects under /tmp or /dev/shm")
    c = convert(args.corpus, out, args.flat)
    print(f"wrote {c['pages']} pages in {c['parts']} parts ({c['links']} page links, "
          f"{c['images']} images rewritten, {c['escaped']} `{{{{` escaped) to {out}")


if __name__ == "__main__":
    main()
