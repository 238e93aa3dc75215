#!/usr/bin/env python3
"""Check that a handboek build rendered every page of a gen-corpus.py corpus, as
/work/shared/bench/verify-output.py does for Hugo, Zola and mdBook.

Python standard library only.

    python3 bench/verify-handboek.py CORPUS_DIR OUT_PUBLIC [--customer bench] [--json OUT.json]

CORPUS_DIR is the corpus (its manifest.json lists every page), OUT_PUBLIC the folder that
`handboek build --out` wrote for the project made by corpus-to-handboek.py. For every page
in the manifest, OUT_PUBLIC/<customer>/employee/<lang>/<slug>.html must exist and contain
both the start marker (HB-<id>-<LANG>) and the end marker (END-HB-<id>-<LANG>), i.e. the
whole Markdown body was rendered; the corpus image must have been copied too. Also counts
every *.html file and byte in OUT_PUBLIC (handboek writes more than the corpus pages: its
built-in library, the admin and rollout handbooks, print editions). Exit status 1 if any
page is missing or incomplete.
"""

import argparse
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("public")
    parser.add_argument("--customer", default="bench")
    parser.add_argument("--json", help="also write the result here")
    args = parser.parse_args()
    with open(os.path.join(args.corpus, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    site = os.path.join(args.public, args.customer, "employee")
    missing, incomplete = [], []
    for p in manifest["pages"]:
        path = os.path.join(site, p["lang"], p["slug"] + ".html")
        try:
            with open(path, encoding="utf-8") as f:
                html = f.read()
        except FileNotFoundError:
            missing.append(path)
            continue
        if p["marker"] not in html or ("END-" + p["marker"]) not in html:
            incomplete.append(path)
    image = os.path.join(site, "assets", "images", "mfa-signin.png")
    html_files = files = out_bytes = 0
    for dirpath, _, names in os.walk(args.public):
        for name in names:
            files += 1
            out_bytes += os.path.getsize(os.path.join(dirpath, name))
            html_files += name.endswith(".html")
    expected = len(manifest["pages"])
    ok = expected - len(missing) - len(incomplete)
    valid = ok == expected and os.path.isfile(image)
    res = {"tool": "handboek", "expected_pages": expected, "pages_ok": ok,
           "missing": len(missing), "incomplete": len(incomplete),
           "image_copied": os.path.isfile(image), "html_files_total": html_files,
           "files_total": files, "output_bytes": out_bytes, "valid": valid}
    print(f"verify {'handboek':<15} expected={expected} ok={ok} missing={len(missing)} "
          f"incomplete={len(incomplete)} image={'yes' if res['image_copied'] else 'NO'} "
          f"html_files={html_files} files={files} output={out_bytes / 1e6:.1f}MB "
          f"{'VALID' if valid else 'INVALID'}")
    for path in (missing + incomplete)[:5]:
        print("   e.g. " + path)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)
    sys.exit(0 if valid else 1)


if __name__ == "__main__":
    main()
