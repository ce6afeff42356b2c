"""The itinerary validator: small impossible lives make each rule fire, possible ones pass."""
import subprocess
import sys

import pytest

from lifemap.check import ERA_SPEEDS, Rule, Severity, check, speed_limit
from lifemap.events import load_events
from lifemap.gazetteer import Gazetteer

HEADER = "id,date_start,date_end,precision,qualifier,calendar,kind,actor,place,origin,summary,source,start,end,after"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def life(tmp_path, gazetteer, *rows, name="life.csv"):
    """Events from CSV rows: ``id,start,end,precision,qualifier,calendar,kind,place,origin[,start,end,after]``
    for Stalin, each citing its own characters of text.txt unless it says otherwise."""
    lines = [HEADER]
    for k, row in enumerate(rows):
        f = row.split(",")
        f += [""] * (12 - len(f))
        start, end = (f[9], f[10]) if f[9] else (str(10 * k), str(10 * k + 9))
        lines.append(",".join([*f[:7], "Stalin", f[7], f[8], "Something happened", "text.txt", start, end, f[11]]))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_events(path, gazetteer)


def rules(findings):
    return [(f.rule, f.severity, f.events) for f in findings]


def test_two_prisons_at_once_overlap(tmp_path, gazetteer):
    bad = life(tmp_path, gazetteer,
               "a,1902-04,1902-04,month,,julian,arrest,batumi,",
               "b,1902-04,1903,month,,julian,prison,batumi-prison,",
               "k,1902-04,1903,month,,julian,prison,kutaisi-prison,")
    assert rules(check(bad)) == [(Rule.OVERLAP, Severity.ERROR, ("b", "k"))]
    good = life(tmp_path, gazetteer,
                "a,1902-04,1902-04,month,,julian,arrest,batumi,",
                "b,1902-04,1903-04,month,,julian,prison,batumi-prison,",
                "k,1903-04,1903-09,month,,julian,prison,kutaisi-prison,")
    assert check(good) == []


def test_stays_in_one_city_are_no_overlap(tmp_path, gazetteer):
    """A prison in Batumi and a job in Batumi are the same place on the map's scale."""
    ok = life(tmp_path, gazetteer,
              "w,1901-11,1902-04,month,,julian,work,rothschild-refinery-batumi,",
              "s,1901-11,1902-04,month,,julian,work,batumi,")
    assert check(ok) == []


def test_an_exile_before_its_arrest_is_reported(tmp_path, gazetteer):
    bad = life(tmp_path, gazetteer,
               "g,1908,1908,year,early,gregorian,travel,geneva,",
               "s,1908-01,1909-06,month,,julian,exile,solvychegodsk,baku",
               "a,1908-03,1908-03,month,,julian,arrest,baku,")
    found = check(bad)
    assert rules(found)[0] == (Rule.DETENTION, Severity.ERROR, ("g", "s"))
    assert "no arrest before it" in found[0].reason and "Geneva" in found[0].reason


def test_a_prison_term_cannot_run_past_a_free_stop(tmp_path, gazetteer):
    bad = life(tmp_path, gazetteer,
               "a,1908-03,1908-03,month,,julian,arrest,baku,",
               "p,1908-03,1908-11,month,,julian,prison,bailov-prison,",
               "g,1908-06,1908-06,month,,gregorian,travel,geneva,")
    assert rules(check(bad)) == [(Rule.DETENTION, Severity.ERROR, ("p", "g"))]
    # life inside the prison, and leaving it when the term is over, are fine
    good = life(tmp_path, gazetteer,
                "a,1908-03,1908-03,month,,julian,arrest,baku,",
                "p,1908-03,1908-11,month,,julian,prison,bailov-prison,",
                "o,1908-05,1908-05,month,,julian,other,bailov-prison,",
                "s,1909-02,1909-06,month,,julian,exile,solvychegodsk,baku",
                "e,1909-06,1909-06,month,,julian,escape,kotlas,solvychegodsk")
    assert check(good) == []


def test_sent_back_where_one_was_held_needs_no_arrest_of_its_own(tmp_path, gazetteer):
    """ "Arrested again and sent back to Solvychegodsk": the seeds do not say where, so the data has no
    arrest; a new place of detention would still need one."""
    back = life(tmp_path, gazetteer,
                "s,1909-02,1909-06,month,,julian,exile,solvychegodsk,",
                "e,1909-06,1909-06,month,,julian,escape,saint-petersburg,solvychegodsk",
                "b,1910-03,1911-06,month,,julian,exile,solvychegodsk,")
    assert check(back) == []
    elsewhere = life(tmp_path, gazetteer,
                     "s,1909-02,1909-06,month,,julian,exile,solvychegodsk,",
                     "e,1909-06,1909-06,month,,julian,escape,saint-petersburg,solvychegodsk",
                     "n,1910-03,1911-06,month,,julian,exile,narym,")
    assert rules(check(elsewhere)) == [(Rule.DETENTION, Severity.ERROR, ("e", "n"))]


@pytest.mark.parametrize("year", [1903, 1925, 1943])
def test_a_leg_faster_than_its_era_is_impossible(tmp_path, gazetteer, year):
    limit, how = speed_limit(year)
    assert how and limit >= 1000
    bad = life(tmp_path, gazetteer,
               f"g,{year}-01-01,{year}-01-01,day,,gregorian,other,gori,",
               f"n,{year}-01-02,{year}-01-02,day,,gregorian,travel,novaya-uda,gori")  # about 5,000 km
    found = check(bad)
    if limit * 2 < 5000:
        assert rules(found) == [(Rule.SPEED, Severity.ERROR, ("g", "n"))]
        assert f"{limit:,} km a day" in found[0].reason
    else:
        assert found == []  # a wartime aircraft could do it
    slow = life(tmp_path, gazetteer,
                f"g,{year}-01-01,{year}-01-01,day,,gregorian,other,gori,",
                f"n,{year}-02,{year}-02,month,,gregorian,travel,novaya-uda,gori")
    assert check(slow) == []


def test_the_speed_table_grows_with_the_years_and_says_where_each_figure_comes_from():
    years = [y for y, _, _ in ERA_SPEEDS]
    limits = [k for _, k, _ in ERA_SPEEDS]
    assert years == sorted(years) and limits == sorted(limits)
    assert all(len(how) > 40 for _, _, how in ERA_SPEEDS)


def test_an_escape_from_the_wrong_place_or_from_nowhere(tmp_path, gazetteer):
    # a failed attempt to get away from Kureika, then the escape the data says starts at Kureika
    failed = life(tmp_path, gazetteer,
                  "x,1914-03,1916-12,month,,julian,exile,kureika,kostino-turukhansk",
                  "b,1915-01,1915-01,month,,julian,escape,turukhansk,kureika",
                  "t,1915-02,1915-02,month,,julian,escape,krasnoyarsk,kureika")
    assert rules(check(failed)) == [(Rule.NO_START, Severity.WARNING, ("b", "t"))]
    returned = life(tmp_path, gazetteer,
                    "x,1914-03,1916-12,month,,julian,exile,kureika,kostino-turukhansk",
                    "b,1915-01,1915-01,month,,julian,escape,turukhansk,kureika",
                    "r,1915-01,1915-01,month,,julian,other,kureika,,,,b",
                    "t,1915-02,1915-02,month,,julian,escape,krasnoyarsk,kureika,,,r")
    assert check(returned) == []
    nowhere = life(tmp_path, gazetteer, "t,1904-01,1904-01,month,,julian,escape,tbilisi,")
    assert rules(check(nowhere)) == [(Rule.NO_START, Severity.WARNING, ("t",))]


def test_a_date_finer_than_its_sentence(tmp_path, gazetteer):
    text = "In March 1908 he was arrested in Baku. He reached the town at the end of February 1909. Later."
    ev = life(tmp_path, gazetteer,
              "a,1908-03-25,1908-03-25,day,,julian,arrest,baku,,0,37",
              "s,1909-02,1909-02,month,late,julian,exile,solvychegodsk,,39,86",
              "o,1909-03-20,1909-03-20,day,,julian,other,solvychegodsk,,88,94")
    found = check(ev, texts={"text.txt": text})
    assert rules(found) == [(Rule.PRECISION, Severity.WARNING, ("a",))]  # "end of" is a qualifier; "Later." gives no date
    assert "'March 1908'" in found[0].reason
    assert check(ev) == []  # without the text, nothing to hold the dates to


@pytest.mark.parametrize("sentence, finds", [
    ("He organised a secret workers' meeting for May Day 1900.", False),  # a named day
    ("Strikes returned to the capital in the last week of February 1917.", False),  # a narrowed month
    ("Strikes returned to the capital in February 1917.", True),
])
def test_named_days_and_narrowed_months_count_as_precise(tmp_path, gazetteer, sentence, finds):
    ev = life(tmp_path, gazetteer, f"m,1917-02,1917-02,month,late,julian,other,saint-petersburg,,0,{len(sentence)}")
    assert [f.rule for f in check(ev, texts={"text.txt": sentence})] == ([Rule.PRECISION] if finds else [])


@pytest.mark.parametrize("word, finds", [("Stalingrad", True), ("Tsaritsyn", False), ("Volgograd", False)])
def test_a_place_named_by_a_name_not_yet_in_use(tmp_path, gazetteer, word, finds):
    text = f"In June 1918 Stalin reached {word} to gather grain."
    ev = life(tmp_path, gazetteer, f"f,1918-06,1918-10,month,,gregorian,front,volgograd,,0,{len(text)}")
    found = check(ev, texts={"text.txt": text})
    assert rules(found) == ([(Rule.NAME, Severity.WARNING, ("f",))] if finds else [])
    if finds:
        assert "'Stalingrad'" in found[0].reason and "1925" in found[0].reason


GOOD = ("b,1878-12-18,1878-12-18,day,,julian,birth,gori,",
        "s,1894-08,1899-04,month,,julian,education,tiflis-seminary,gori",
        "t,1901-11,1901-11,month,,julian,travel,batumi,tbilisi",
        "a,1902-04,1902-04,month,,julian,arrest,batumi,",
        "p,1902-04,1903-04,month,,julian,prison,batumi-prison,",
        "k,1903-04,1903-09,month,,julian,prison,kutaisi-prison,",
        "r,1903-09,1903-10,month,,julian,prison,batumi-prison,kutaisi-prison",
        "x,1903-11,1904-01,month,late,julian,exile,novaya-uda,batumi-prison",
        "e,1904-01,1904-01,month,,julian,escape,tbilisi,novaya-uda",
        "m,1918-03,1918-03,month,,gregorian,travel,moscow-kremlin,tbilisi",
        "f,1918-06,1918-10,month,,gregorian,front,volgograd,moscow",
        "d,1953-03-05,1953-03-05,day,,gregorian,death,kuntsevo-dacha,")


def test_a_possible_life_passes(tmp_path, gazetteer):
    assert check(life(tmp_path, gazetteer, *GOOD)) == []


def test_the_small_fixture_life_has_one_leg_from_the_wrong_place(mini_events, mini_gazetteer):
    found = check(load_events(mini_events, mini_gazetteer), gazetteer=mini_gazetteer)
    assert rules(found) == [(Rule.NO_START, Severity.WARNING, ("1917-travel-saint-petersburg", "1918-front-volgograd"))]


def test_the_default_life_is_possible_and_says_what_its_sources_say(seeds):
    findings = check(load_events(), texts=seeds)
    assert findings == [], "\n".join(map(str, findings))


def run(*args):
    return subprocess.run([sys.executable, "-m", "lifemap.cli", "check", *map(str, args)], capture_output=True,
                          text=True)


def test_the_command_line_exit_status(tmp_path, gazetteer):
    life(tmp_path, gazetteer, *GOOD, name="good.csv")
    clean = run("--events", tmp_path / "good.csv")
    assert (clean.returncode, clean.stdout) == (0, ""), clean.stderr
    assert "0 finding(s)" in clean.stderr
    life(tmp_path, gazetteer,
         "a,1902-04,1902-04,month,,julian,arrest,batumi,",
         "b,1902-04,1903,month,,julian,prison,batumi-prison,",
         "k,1902-04,1903,month,,julian,prison,kutaisi-prison,", name="bad.csv")
    bad = run("--events", tmp_path / "bad.csv")
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == [str(f) for f in check(load_events(tmp_path / "bad.csv", gazetteer))]
    assert bad.stdout.startswith("error: overlap: b, k: Stalin is at Batumi Prison")
    missing = run("--events", tmp_path / "nothing.csv")
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    assert run("--no-such-option").returncode == 2


def test_the_command_line_checks_the_events_read_out_of_a_text(tmp_path):
    text = tmp_path / "life.txt"
    text.write_text("Stalin was held in Batumi Prison from April 1902 to April 1903. "
                    "From April 1902 to April 1903 Stalin was held in Kutaisi Prison.\n", encoding="utf-8")
    done = run(text, "--no-geonames")
    assert done.returncode == 1, done.stderr
    assert any(line.startswith("error: overlap:") for line in done.stdout.splitlines()), done.stdout


def test_the_events_read_out_of_a_text_are_checked_with_their_sentences(tmp_path):
    import lifemap

    text = tmp_path / "life.txt"
    text.write_text("Stalin was held in Batumi Prison from April 1902 to April 1903. "
                    "From April 1902 to April 1903 Stalin was held in Kutaisi Prison.\n", encoding="utf-8")
    found = check(lifemap.extract(text, fallback=False))
    assert [f.rule for f in found] == [Rule.OVERLAP]
    assert all(e.startswith("1902-prison-") for e in found[0].events)
