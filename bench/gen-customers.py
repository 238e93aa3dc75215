#!/usr/bin/env python3
"""Generate a handboek project with many customers that use the built-in library, varied
the way an MSP's customers are: for the many-customers benchmark (issue 6).

Python standard library only. Deterministic: the same arguments give the same files.

    python3 bench/gen-customers.py --customers 500 --out /tmp/bench/customers-500
    cd /tmp/bench/customers-500 && handboek build --out public

Writes OUT (wiped first; it must not be inside a git repository): `handboek.yaml` with the
MSP's service desk as the default helpdesk, `customers/<id>.yaml` per customer and an SVG
logo in `assets/logos/` for the customers that have one. The customers vary in:

  * country: about a quarter Belgian (`country: be`, phone numbers `+32 …` or national);
  * languages: always Dutch and English, a tenth English first;
  * method: `app` (most), `sms`, or `choose` with `allowed: [app, sms]`;
  * enforcement: `conditional_access` or `per_user`; `security_defaults` only for `app`
    customers, since handboek refuses SMS under security defaults;
  * features: each of remote_desktop, trusted_location, new_laptop, shared_devices on for
    some customers;
  * rollout: 0-3 waves with increasing dates in 2027, `mandatory_from` after the last;
  * `sms.provider` for every customer whose employees may get text messages (after
    2027-02-01 Microsoft sends none of its own);
  * brand: a dark colour with at least 5:1 contrast against white text (AA needs 4.5:1);
  * optional keys: short_name, domain, logo, own helpdesk (or the MSP's), helpdesk url and
    hours, link overrides, a no-smartphone policy.
"""

import argparse
import colorsys
import datetime
import os
import random
import shutil
import sys

from benchfiles import in_git_repo, write

KINDS = [
    ("Bakkerij", "Bakery"), ("Tandartsenpraktijk", "Dental practice"),
    ("Advocatenkantoor", "Law firm"), ("Installatiebedrijf", "Installation company"),
    ("Accountantskantoor", "Accountancy firm"), ("Transport", "Transport company"),
    ("Huisartsenpraktijk", "GP practice"), ("Makelaardij", "Estate agency"),
    ("Architectenbureau", "Architects"), ("Bouwbedrijf", "Construction company"),
    ("Fysiotherapie", "Physiotherapy practice"), ("Drukkerij", "Printing company"),
    ("Autobedrijf", "Car dealership"), ("Kinderopvang", "Childcare centre"),
    ("Notariskantoor", "Notary's office"), ("Hoveniersbedrijf", "Landscaping company"),
]
SURNAMES = {
    "nl": ["Jansen", "De Vries", "Van den Berg", "Bakker", "Visser", "Smit", "Meijer",
           "De Boer", "Mulder", "De Groot", "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen",
           "Dekker", "Brouwer", "De Wit", "Dijkstra", "Smits", "Van Dijk", "Kok", "Jacobs"],
    "be": ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
           "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Hermans", "Aerts", "Verhaegen",
           "Van Damme", "De Backer", "Vermeulen", "Michiels"],
}
PLACES = {
    "nl": ["Utrecht", "Zwolle", "Amersfoort", "Den Bosch", "Leiden", "Deventer", "Breda",
           "Groningen", "Haarlem", "Arnhem", "Tilburg", "Delft", "Alkmaar", "Ede"],
    "be": ["Gent", "Antwerpen", "Leuven", "Brugge", "Mechelen", "Hasselt", "Kortrijk",
           "Aalst", "Turnhout", "Geel"],
}
FORMS = {"nl": ["B.V.", "B.V.", "V.O.F.", ""], "be": ["BV", "NV", "BV", "CommV"]}
# Area codes that handboek's phone check accepts: Dutch 2- and 3-digit codes (number
# 0 + 9 digits), Belgian 1- and 2-digit codes (0 + 8 digits), mobiles.
NL_AREA = ["10", "20", "30", "40", "50", "70", "88", "85", "13", "24", "26", "35", "38",
           "43", "53", "58", "71", "73", "76", "79", "172", "183", "252", "313", "341",
           "416", "475", "495", "548"]
BE_AREA = ["2", "3", "9", "11", "13", "14", "15", "16", "50", "51", "52", "53", "56",
           "57", "58", "59", "89"]
WAVE_NAMES = [
    ({"nl": "Pilotgroep", "en": "Pilot group"}),
    ({"nl": "Kantoor", "en": "Office"}),
    ({"nl": "Buitendienst", "en": "Field staff"}),
    ({"nl": "Alle medewerkers", "en": "All employees"}),
    ({"nl": "Management en IT", "en": "Management and IT"}),
    ({"nl": "Vestiging {place}", "en": "{place} branch"}),
]
HOURS = [
    ({"nl": "werkdagen 8.00-17.00 uur", "en": "working days 8:00-17:00"}),
    ({"nl": "maandag tot en met vrijdag, 8.30-17.30 uur", "en": "Monday to Friday, 8:30-17:30"}),
    ({"nl": "werkdagen 7.00-19.00 uur, zaterdag 9.00-12.00 uur",
      "en": "working days 7:00-19:00, Saturday 9:00-12:00"}),
]
POLICIES = [
    {"nl": "Heb je geen smartphone? Vraag je leidinggevende om een telefoon van de zaak.",
     "en": "No smartphone? Ask your manager for a company phone."},
    {"nl": "Geen smartphone? Dan krijg je een beveiligingssleutel van de servicedesk.",
     "en": "No smartphone? The service desk gives you a security key."},
]

HANDBOEK_YAML = """\
# handboek project made by bench/gen-customers.py: {n} generated customers using the
# built-in library, for the many-customers benchmark.
msp:
  name: Bench IT Services
  url: https://www.bench-it.nl
theme: default
defaults:
  country: nl
  languages: [nl, en]
  helpdesk:                     # customers without their own helpdesk call the MSP
    name: {{ nl: Servicedesk Bench IT, en: Bench IT Service Desk }}
    phone: +31 88 765 4300       # international: Belgian customers fall back to it too
    email: servicedesk@bench-it.nl
    hours: {{ nl: "werkdagen 8.00-17.30 uur", en: "working days 8:00-17:30" }}
"""


def q(s):
    """A YAML double-quoted string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text(t):
    """One text, or a per-language map, as YAML flow."""
    if isinstance(t, str):
        return q(t)
    return "{ " + ", ".join(f"{lang}: {q(v)}" for lang, v in t.items()) + " }"


def slugify(s):
    out = "".join(c if c.isalnum() else "-" for c in s.lower())
    return "-".join(p for p in out.split("-") if p)


def luminance(rgb):
    def ch(c):
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (ch(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(rgb):
    return 1.05 / (luminance(rgb) + 0.05)


def brand_colour(rng):
    """A dark, saturated colour that white text reaches at least 5:1 on."""
    h, s, l = rng.random(), rng.uniform(0.45, 0.9), rng.uniform(0.2, 0.4)
    while True:
        rgb = tuple(round(c * 255) for c in colorsys.hls_to_rgb(h, l, s))
        if contrast_with_white(rgb) >= 5.0:
            return "#%02x%02x%02x" % rgb
        l -= 0.02


def phone(rng, country):
    if country == "nl":
        if rng.random() < 0.1:
            return "06 %08d" % rng.randrange(10 ** 7, 10 ** 8)
        area = rng.choice(NL_AREA)
        rest = "%0*d" % (9 - len(area), rng.randrange(10 ** (8 - len(area)), 10 ** (9 - len(area))))
        if len(area) == 2:
            return f"0{area} {rest[:3]} {rest[3:]}"
        return f"0{area} {rest[:2]} {rest[2:4]} {rest[4:]}"
    if rng.random() < 0.15:
        digits = "4%d%d%06d" % (rng.choice([7, 8, 9]), rng.randrange(10), rng.randrange(10 ** 6))
        return f"+32 {digits[:3]} {digits[3:5]} {digits[5:7]} {digits[7:]}"
    area = rng.choice(BE_AREA)
    rest = "%0*d" % (8 - len(area), rng.randrange(10 ** (7 - len(area)), 10 ** (8 - len(area))))
    groups = f"{rest[:-4]} {rest[-4:-2]} {rest[-2:]}"
    # most written internationally, as the brief for Belgian customers asks; some national
    return f"+32 {area} {groups}" if rng.random() < 0.7 else f"0{area} {groups}"


def logo_svg(initials, colour):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" role="img">'
            f'<rect width="120" height="40" rx="6" fill="{colour}"/>'
            f'<text x="60" y="27" font-family="sans-serif" font-size="20" fill="#fff" '
            f'text-anchor="middle">{initials}</text></svg>\n')


def customer(rng, i):
    """The id, YAML text and optional logo (path, SVG) of customer number i."""
    country = "be" if rng.random() < 0.25 else "nl"
    kind_nl, kind_en = rng.choice(KINDS)
    surname = rng.choice(SURNAMES[country])
    place = rng.choice(PLACES[country])
    form = rng.choice(FORMS[country])
    name = f"{kind_nl} {surname}" + (f" {form}" if form else "")
    cid = f"c{i:04d}-" + slugify(f"{kind_nl} {surname}")
    domain = slugify(f"{kind_nl}{surname}").replace("-", "") + "." + country
    primary = brand_colour(rng)
    langs = "[en, nl]" if rng.random() < 0.1 else "[nl, en]"

    r = rng.random()
    method = "app" if r < 0.55 else "sms" if r < 0.7 else "choose"
    if method == "app":
        enforcement = rng.choice(["security_defaults", "conditional_access", "per_user"])
    else:
        enforcement = rng.choice(["conditional_access", "conditional_access", "per_user"])

    lines = [f"# Generated customer {i}: {kind_en.lower()} in {place} ({country.upper()}).",
             f"name: {q(name)}"]
    if rng.random() < 0.6:
        lines.append(f"short_name: {q(f'{kind_nl} {surname}')}")
    lines += [f"country: {country}", f"languages: {langs}"]
    if rng.random() < 0.7:
        lines.append(f"domain: {domain}")
    logo = None
    if rng.random() < 0.3:
        logo = (f"logos/{cid}.svg", logo_svg(kind_nl[0] + surname.split()[-1][0], primary))
        lines.append(f"logo: {logo[0]}")
    lines += ["brand:", f"  primary: {q(primary)}", f"  on_primary: {q('#ffffff')}"]
    if rng.random() < 0.8:  # the others fall back to the MSP's service desk
        hd_name = rng.choice([f"ICT-helpdesk {surname}",
                              {"nl": f"Servicedesk {surname}", "en": f"{surname} Service Desk"}])
        lines += ["helpdesk:", f"  name: {text(hd_name)}",
                  f"  phone: {phone(rng, country)}",
                  f"  email: {rng.choice(['servicedesk', 'ict', 'helpdesk'])}@{domain}"]
        if rng.random() < 0.8:
            lines.append(f"  hours: {text(rng.choice(HOURS))}")
        if rng.random() < 0.4:
            lines.append(f"  url: https://help.{domain}")
    lines += ["mfa:", f"  method: {method}"]
    if method == "choose":
        lines.append("  allowed: " + rng.choice(["[app, sms]", "[sms, app]"]))

    # waves in 2027, increasing; MFA mandatory after the last one
    day = datetime.date(2027, 1, 4) + datetime.timedelta(days=rng.randrange(0, 240))
    waves = []
    for _ in range(rng.randrange(0, 4)):
        waves.append(day)
        day += datetime.timedelta(days=rng.randrange(3, 22))
    lines += [f"  enforcement: {enforcement}", f"  mandatory_from: {day.isoformat()}"]
    if method != "app":
        # Microsoft stops sending its own text messages on 2027-02-01 (FACTS §2.4): a
        # customer whose employees still get codes by text after that names its provider.
        lines += ["sms:", f"  provider: {surname}Tel"]
    lines.append("features:")
    for feature in ("remote_desktop", "trusted_location", "new_laptop", "shared_devices"):
        lines.append(f"  {feature}: {'true' if rng.random() < 0.3 else 'false'}")
    if rng.random() < 0.15:
        lines += ["links:", f"  sign_in: https://portal.{domain}"]
    if waves:
        lines += ["rollout:", "  waves:"]
        names = rng.sample(WAVE_NAMES, len(waves))
        for n, (wave_day, wave_name) in enumerate(zip(waves, names), 1):
            wave_name = {k: v.format(place=place) for k, v in wave_name.items()}
            if n == 1 and rng.random() < 0.3:
                wave_name = wave_name["nl"]  # one text for both languages
            lines += [f"    - name: {text(wave_name)}", f"      date: {wave_day.isoformat()}"]
    if rng.random() < 0.5:
        lines += ["policy:", f"  no_smartphone: {text(rng.choice(POLICIES))}"]
    return cid, "\n".join(lines) + "\n", logo




def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=500)
    parser.add_argument("--out", required=True, help="the project folder (wiped first)")
    parser.add_argument("--seed", default="handboek-customers-v1")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    if in_git_repo(out):
        sys.exit(f"{out} is inside a git repository; write projects under /tmp or /dev/shm")
    if os.path.exists(out):
        if os.listdir(out) and not os.path.exists(os.path.join(out, "handboek.yaml")):
            sys.exit(f"{out} exists and is not a handboek project; not wiping it")
        shutil.rmtree(out)
    write(os.path.join(out, "handboek.yaml"), HANDBOEK_YAML.format(n=args.customers))
    stats = {"be": 0, "app": 0, "sms": 0, "choose": 0, "logos": 0, "waves": 0}
    for i in range(1, args.customers + 1):
        rng = random.Random(f"{args.seed}-{i}")
        cid, yaml, logo = customer(rng, i)
        write(os.path.join(out, "customers", cid + ".yaml"), yaml)
        if logo:
            write(os.path.join(out, "assets", logo[0]), logo[1])
            stats["logos"] += 1
        stats["be"] += "country: be" in yaml
        stats[yaml.split("  method: ")[1].split("\n")[0]] += 1
        stats["waves"] += yaml.count("      date: ")
    os.makedirs(os.path.join(out, "content"), exist_ok=True)
    print(f"wrote {args.customers} customers to {out}: {stats['app']} app, {stats['sms']} sms, "
          f"{stats['choose']} choose; {stats['be']} Belgian; {stats['logos']} logos; "
          f"{stats['waves']} rollout waves")


if __name__ == "__main__":
    main()
