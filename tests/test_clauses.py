"""Clause-level reading (lifemap.extract.tagger, clauses, roles, actors): a place is the subject's event
only where the clause puts the subject there. Our own sentences, one phenomenon each."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lifemap.extract import DEFAULT, ExtractOptions, extract
from lifemap.extract.clauses import link
from lifemap.extract.tagger import Tag, tag

# A text about Stalin: enough mentions of him for him to be its subject.
OPENING = "Joseph Stalin was a Georgian revolutionary. Stalin led the Soviet Union. Stalin died in 1953.\n\n"
RULES_ONLY = replace(DEFAULT, attribution=False)   # the rules' reading, before the models' second opinion


def events(text: str, options: ExtractOptions = DEFAULT) -> list[tuple[str, str, str]]:
    frame = extract(OPENING + text, fallback=False, progress=False, options=options)
    frame = frame[frame["start"] >= len(OPENING)]
    return [(r["name"], r["actor"], r["kind"]) for r in frame.to_dict("records")]


def actors_at(text: str, name: str) -> set[str]:
    """Who the events at ``name`` of a whole text (its own opening) happened to."""
    frame = extract(text, fallback=False, progress=False)
    return set(frame.loc[frame["name"] == name, "actor"])


def linked(sentence: str, name: str):
    at = sentence.index(name)
    return link(tag(sentence), sentence, at, at + len(name))


def test_the_tagger_knows_verbs_by_class_and_form():
    tokens = {t.text: t for t in tag("He was exiled to Narym, fled to Tomsk and would return to Moscow.")}
    assert (tokens["exiled"].tag, tokens["exiled"].vclass, tokens["exiled"].form) == (Tag.VERB, "sending", "past")
    assert (tokens["fled"].lemma, tokens["fled"].vclass) == ("flee", "motion")
    assert tokens["return"].tag is Tag.VERB and tokens["would"].tag is Tag.MODAL
    # a base form after a determiner is a noun: "his return"
    assert {t.text: t.tag for t in tag("After his return the party met.")}["return"] is Tag.WORD


def test_an_unknown_word_in_ing_after_be_is_a_verb_and_broke_a_verb_of_motion():
    tokens = {t.text: t for t in tag("The news reached him while he was hunting in Kazakhstan.")}
    assert (tokens["hunting"].tag, tokens["hunting"].form) == (Tag.VERB, "ing")
    assert {t.text: t.tag for t in tag("The hunting season began.")}["hunting"] is Tag.WORD
    l = linked("In January 1945 his armies broke into East Prussia.", "East Prussia")
    assert (l.prep, l.verb, l.vclass) == ("into", "break", "motion")
    assert events("In 1939 Stalin broke his promise to Poland.") == []     # a move only into or through
    assert ("Kazakhstan", "Stalin") in [e[:2] for e in events("In 1935 news reached Stalin while he was hunting in "
                                                              "Kazakhstan.")]


def test_the_link_of_a_place_names_its_preposition_verb_and_object():
    l = linked("In 1944 Stalin deported the Chechens from Chechnya to Kazakhstan.", "Kazakhstan")
    assert (l.prep, l.verb, l.vclass, l.mover, l.passive) == ("to", "deport", "sending", "Chechens", False)
    l = linked("The Chechens were deported to Kazakhstan.", "Kazakhstan")
    assert l.passive and not l.mover
    l = linked("In Baku, he organised strikes.", "Baku")
    assert (l.prep, l.verb, l.lead) == ("in", "organise", True)
    # "in front of" is where one is, as "in" ("front" no noun the place hangs on)
    l = linked("In 1876 he spoke at a demonstration in front of the Kazan Cathedral.", "Kazan Cathedral")
    assert (l.prep, l.verb) == ("in", "speak") and l.noun != "front"
    assert events("In 1876 Stalin spoke to a crowd in front of the Kazan Cathedral.")[0][:2] == (
        "Kazan Cathedral", "Stalin")
    # "on" after a goal says where the goal is ("set out to the penal colony on Sakhalin"), not whither one marched
    assert linked("In 1890 he set out across Siberia to the penal colony on Sakhalin.", "Sakhalin").prep == "at"
    assert linked("In 1918 he marched on Moscow.", "Moscow").prep == "on"
    assert linked("In 1921 he was appointed to the commission on Kronstadt.", "Kronstadt").prep == "on"   # a topic
    assert ("Sakhalin", "Stalin") in [e[:2] for e in events("In 1890 Stalin set out across Siberia to the penal "
                                                            "colony on Sakhalin.")]


@pytest.mark.parametrize("sentence", [
    "In 1926 Stalin's government feared an attack from Japan, France and Poland.",   # a polity feared
    "In 1920 Stalin drew up decrees recognising Soviet republics in Estonia and Latvia.",  # a decree
    "In 1941 Stalin contemplated invading Yugoslavia.",                                # a plan
    "In 1945 Stalin was determined to conquer Lviv.",                                  # an intention
    "In 1917 he never travelled out to Beloostrov.",                                   # a negation
    "In 1952 he was no longer invited to the dacha at Kuntsevo.",                       # "no longer" (Molotov probe)
    "In 1952 there were rumours of a plan to deport Jews to Birobidzhan.",             # a rumour
    "In 1925 there was talk that Frunze would bring him to Moscow as a deputy.",       # talk (the Kotovsky probe)
])
def test_wishes_plans_beliefs_decrees_and_negations_put_nobody_anywhere(sentence):
    assert [e for e in events(sentence) if e[1] == "Stalin"] == []


def test_a_polity_named_is_no_event_at_all():
    assert events("In 1926 Stalin's government feared an attack from Japan, France and Poland.") == []


def test_a_group_named_inside_a_leading_phrase_is_not_the_clauses_subject():
    # (a capitalised group word; the Stalin probes)
    found = events("On 3 April 1922, at the Central Committee plenum in Moscow, Stalin was made General Secretary.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin")]
    # nor is a word that opens a clause of its own a name ("Whichever is true")
    found = events("Whichever is true, it was in Gori that Stalin grew up.")
    assert [e[:2] for e in found] == [("Gori", "Stalin")]


def test_the_subject_inside_a_group_is_there():
    found = events("In 1943 Stalin, Churchill and Roosevelt gathered. The three leaders met at Tehran.")
    assert [e[:2] for e in found] == [("Tehran", "Stalin")]
    # "the three" with any verb of the past after it (the Kamenev probe: "the three took control of Pravda")
    found = events("In March 1917 Stalin, Kamenev and Muranov reached Petrograd. In the city the three took control "
                   "of Pravda in Petrograd.")
    assert [e[:2] for e in found] == [("Petrograd", "Stalin"), ("Petrograd", "Stalin")]


def test_someone_who_comes_to_meet_the_subject_puts_the_subject_there():
    assert events("In August 1942 Churchill flew to Moscow to meet Stalin.") == [("Moscow", "Stalin", "summit")]


def test_a_journey_that_ends_in_meeting_the_subject_or_an_act_in_his_presence_puts_him_there():
    found = events("In December 1949 Mao arrived in Moscow by train, on his first journey abroad, and met Stalin in "
                   "the Kremlin that same evening.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin"), ("Kremlin", "Stalin")]
    assert [e[:2] for e in events("In December 1949 Mao arrived in Moscow and went on to Leningrad.")] == [
        ("Moscow", "Mao"), ("Leningrad", "Mao")]
    assert [e[:2] for e in events("In 1950 the treaty was signed in the Kremlin in Stalin's presence.")] == [
        ("Kremlin", "Stalin")]
    assert [e[:2] for e in events("In 1950 the treaty was signed in the Kremlin in the presence of Stalin.")] == [
        ("Kremlin", "Stalin")]
    assert [e[:2] for e in events("In 1950 the treaty was signed in the Kremlin in the presence of Molotov.")] != [
        ("Kremlin", "Stalin")]
    # among others present (the Mao probe)
    assert [e[:2] for e in events("In 1950 the treaty was signed in the Kremlin in the presence of Mao and "
                                  "Stalin.")] == [("Kremlin", "Stalin")]
    # not one named after the list, nor one whose deputy or wife was there
    for text in ("In 1950 the treaty was signed in the Kremlin in the presence of Molotov, Stalin's deputy.",
                 "In 1950 the treaty was signed in the Kremlin in the presence of Molotov and Stalin's wife.",
                 "In 1950 the treaty was signed in the Kremlin in the presence of Molotov, Stalin having left."):
        assert ("Kremlin", "Stalin") not in [e[:2] for e in events(text)], text
    # told to his face: "mentioned to him", "explained to Stalin"
    assert [e[:2] for e in events("At Potsdam, on 24 July 1945, Truman mentioned to him a new weapon.")] == [
        ("Potsdam", "Stalin")]


def test_todays_name_in_an_aside_only_says_where_the_place_lies():
    found = events("In 1878 he was born in Gori, the Russian Empire (now in Georgia).")
    assert [e[0] for e in found] == ["Gori"]
    assert [e[0] for e in events("In 1878 he was born in Gori (now part of modern Georgia).")] == ["Gori"]
    # and what held it then (the Kun probe); not "then in", which may be a next step or where one then was
    assert [e[0] for e in events("In 1878 he was born in Gori, a town in Tiflis Governorate, then part of the "
                                 "Kingdom of Georgia.")] == ["Gori"]
    assert [e[0] for e in events("In 1905 he went to Kiev, then Odessa.")] == ["Kiev", "Odessa"]
    # a relative clause that gives the town's name today
    found = extract("Vyacheslav Molotov\n\nHe was born on 9 March 1890 in Kukarka, a trading village in the Vyatka "
                    "Governorate that is now the town of Sovetsk. Molotov led. Molotov went.", progress=False)
    assert list(found["name"]) == ["Kukarka"]
    # not when it is where the thing was: "a school in what is now Georgia"
    assert "Georgia" in [e[0] for e in events("In 1900 he visited Baku, founding a school in what is now Georgia.")]


def test_an_adverb_of_direction_is_no_one_sent():
    assert [e[:2] for e in events("In 1902 he was expelled and sent home to Baku.")] == [("Baku", "Stalin")]
    assert [e[:2] for e in events("In 1917 the revolution sent him back to Tiflis.")] == [("Tiflis", "Stalin")]


def test_a_journey_named_by_a_noun_is_the_clause_subjects():
    found = events("In 1936 Stalin led a delegation of food specialists on a two-month journey through the United States.")
    assert [e[:2] for e in found] == [("United States", "Stalin")]
    # and the delegation he led goes on with him
    found = events("In 1936 Stalin led a delegation to Georgia. The delegation visited the oil fields of Baku.")
    assert ("Baku", "Stalin") in [e[:2] for e in found]


def test_the_leaders_or_the_pair_after_the_subject_named_with_another_include_him():
    found = events("In May 1955 he and Molotov landed in Belgrade. In July the Soviet leaders went to Geneva.")
    assert ("Geneva", "Stalin") in [e[:2] for e in found]
    found = events("In May 1955 he and Molotov landed in Belgrade. In November the pair set out for the east. "
                   "They arrived in Tashkent on 18 November.")
    assert ("Tashkent", "Stalin") in [e[:2] for e in found]


def test_they_in_a_later_clause_are_the_first_clauses_people():
    found = events("In Petrograd crowds brought down the monarchy. On 8 March Stalin, Kamenev and Muranov boarded a "
                   "train, and on 12 March they arrived in Petrograd.")
    assert found[-1][:2] == ("Petrograd", "Stalin")
    found = events("In 1918 Stalin and Dzerzhinsky were sent to the Urals. The Third Army had collapsed. The two men "
                   "never went to Perm; in January 1919 they worked from Vyatka.")
    assert found[-1][:2] == ("Vyatka", "Stalin")
    # "he and the other deputies …; they": the subject among them (the rules' reading)
    found = events("In 1913 the workers elected Stalin to the Duma. In November 1914 he and the other Bolshevik "
                   "deputies were arrested in Ozerki; in 1915 they were exiled to Turukhansk.", RULES_ONLY)
    assert found[-1][:2] == ("Turukhansk", "Stalin")


def test_he_or_she_in_a_later_clause_is_the_one_the_first_clause_names():
    found = events("Kato Svanidze married Stalin in 1906. In the autumn of 1907 Kato fell ill in Baku, and she was "
                   "taken back to Tiflis, where she died.")
    assert found[-1][:2] == ("Tiflis", "Kato")
    found = events("Trotsky came to Tsaritsyn in 1918. Kamenev reached Baku in 1920, after he had left Tiflis.")
    assert found[-1][:2] == ("Tiflis", "Kamenev")
    # not the one the first clause acts on: "him" is the one sent, and one named after the lead
    found = events("Trotsky came to Tsaritsyn in 1918. In 1918 Lenin sent him to Kazan, where he rallied the army.")
    assert ("Kazan", "Lenin") not in [f[:2] for f in found]
    found = events("In May 1918 Lenin summoned Stalin to Moscow, and in June he was sent to Tsaritsyn.")
    assert found[-1][:2] == ("Tsaritsyn", "Stalin")
    # no one leads the first clause, and its verb acts on one man: he is "he" (not one named in a sentence before;
    # not a town a man's name is also)
    found = events("In 1926 Zinoviev was removed from Leningrad. On 8 January 1926 the Politburo appointed Kirov "
                   "first secretary, and he moved to Leningrad.")
    assert found[-1][:2] == ("Leningrad", "Kirov")
    found = events("In 1946 Gottwald met Stalin in Moscow. In October 1941 most offices were evacuated to Kuibyshev, "
                   "and he stayed in Moscow.")
    assert found[-1][:2] == ("Moscow", "Stalin")
    # not after a subordinate clause, nor a name that is a clause's subject, one of several, a street's, one killed,
    # nor against "while" (a second reader's cases)
    for text in ("In 1920, after the Cheka arrested Kamenev, he went to Baku.",
                 "In 1924 the newspapers announced Trotsky had died, and he hurried to Baku.",
                 "In 1926 the party praised Kamenev and Zinoviev, and he was sent to Baku.",
                 "In 1935 the procession crossed Kamenev Street, and he went to Baku.",
                 "In 1918 the Bolsheviks executed Nicholas II, and he went to Baku.",
                 "In 1926 the Central Committee sent Ordzhonikidze to Tiflis, while he went to Baku."):
        assert events("Stalin returned to Moscow in 1917. " + text)[-1][:2] == ("Baku", "Stalin"), text
    # but a title before the name, a place after it, a leading adverbial or a subordinate clause of its own before
    # the main clause, a man a town is named after sent somewhere: still the one acted on (a second reader's cases)
    for text, man in (("In 1943 the Stavka sent General Vatutin to Kursk, and he moved to Baku.", "Vatutin"),
                      ("In 1941 the Stavka recalled Zhukov from Leningrad, and he flew to Baku.", "Zhukov"),
                      ("After the war the government sent Kamenev to Odessa, and he moved to Baku.", "Kamenev"),
                      ("In 1930, as the purge widened, the Politburo exiled Kamenev to Kazan, and he moved to Baku.",
                       "Kamenev"),
                      ("In 1926 the Central Committee sent Kirov to Leningrad, and he moved to Baku.", "Kirov")):
        assert events("Stalin returned to Moscow in 1917. " + text)[-1][:2] == ("Baku", man), text
    # a subordinate clause with "and" inside it is still one the name is in
    for text in ("After the party expelled Trotsky and the purges began, he returned to Baku.",):
        assert events("Stalin returned to Moscow in 1917. " + text)[-1][:2] == ("Baku", "Stalin"), text
    assert events("Stalin returned to Moscow in 1917. After the party expelled Trotsky and the purges began he "
                  "returned to Baku.")[-1][:2] == ("Baku", "Stalin")
    assert events("Stalin returned to Moscow in 1917. In 1926 the Politburo sent Kamenev to Odessa, although he "
                  "himself stayed in Baku.")[-1][:2] == ("Baku", "Stalin")
    # (and without a comma, "and he" opens a clause after the main one)
    assert events("Stalin returned to Moscow in 1917. After the war the government sent Kamenev to Odessa and he "
                  "moved to Baku.")[-1][:2] == ("Baku", "Kamenev")


def test_a_name_with_letters_no_fold_decomposes_is_still_a_persons():
    # "ł" is no "l" with an accent: the names the text taught are compared folded ("Bronisław", "bronislaw")
    found = events("In 1877 Stalin and his elder brother Bronisław attended a school. In 1887 Stalin was sentenced to "
                   "exile in Siberia, while Bronisław was sent to Sakhalin.")
    assert [f[:2] for f in found[-2:]] == [("Siberia", "Stalin"), ("Sakhalin", "Bronisław")]


def test_a_name_given_after_a_man_and_a_battle_for_a_town_do_not_hide_the_clauses_verb():
    # "named after" names the plant, and "in Moscow" places it: the one who moved there is there (the Chkalov probe)
    found = events("In January 1933 Stalin moved to the aircraft plant named after Menzhinsky in Moscow.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin")]
    found = events("In 1930 Stalin studied at the Institute named after Plekhanov in Moscow.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin")]
    # one who served through the battle for a town was there (the Bulganin probe), not one who wrote of it
    found = events("In 1941 Stalin served beside Zhukov through the battle for Moscow.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin")]
    found = events("In 1951 Stalin wrote an account of the battle for Tsaritsyn.")
    assert ("Tsaritsyn", "Stalin") not in [e[:2] for e in found]
    # nor one who served elsewhere during it, or read of it; nor a man a street was named after (a second reader's)
    for text, place in (("In 1943 Stalin served in the rear in Tashkent during the battle for Kursk.", "Kursk"),
                        ("In 1943 Stalin served in Moscow, reading reports on the battle for Kiev.", "Kiev"),
                        ("In 1935 a street named after Stalin was laid out in Kharkov.", "Kharkov"),
                        ("In 1920 Stalin left the assault on Kazan to Tukhachevsky.", "Kazan"),
                        ("In 1919 Stalin called for a march on Tsaritsyn.", "Tsaritsyn")):
        assert (place, "Stalin") not in [e[:2] for e in events(text)], text


def test_a_commanders_own_fight_and_a_town_called_ones_home():
    # in a life that tells its subject commanded, the lands he fought over are his battles (the Zhukov probe); in
    # Stalin's, who commanded no army here, not
    text = ("Georgy Zhukov was a Soviet general. In 1941 Zhukov took command of the Western Front. In 1945 he first "
            "cleared Pomerania.")
    assert ("Pomerania", "Zhukov") in [(r["name"], r["actor"]) for r in extract(
        text, fallback=False, progress=False, options=RULES_ONLY).to_dict("records")]
    assert ("Finland", "Stalin") not in [e[:2] for e in events("In 1939 Stalin attacked Finland.")]
    # nor a head of state who took command of the armed forces, what came from elsewhere, what was done from afar,
    # said, or befell the place in a leading clause of someone else's (a sixth reader's cases)
    head = "Joseph Stalin was a Soviet leader. In 1941 Stalin took command of the armed forces. "
    for text, place in (("In 1939 he attacked Finland.", "Finland"),):
        assert (place, "Stalin") not in [(r["name"], r["actor"]) for r in extract(
            head + text, fallback=False, progress=False, options=RULES_ONLY).to_dict("records")], text
    head = "Ivan Petrov\n\nIvan Petrov was a Soviet general. In 1919 he took command of the 25th Rifle Division. "
    found = extract(head + "In 1945 he first cleared Pomerania.", fallback=False, progress=False, options=RULES_ONLY)
    assert ("Pomerania", "Ivan Petrov") in [(r["name"], r["actor"]) for r in found.to_dict("records")]
    for text, place in (("In 1945 he attacked Japan from Mongolia.", "Japan"),
                        ("In 1940 he annexed Lithuania.", "Lithuania"),
                        ("In 1944 he wrote that he had liberated Ukraine.", "Ukraine"),
                        ("After Hitler attacked Yugoslavia, he was sent to Kiev.", "Yugoslavia")):
        assert (place, "Ivan Petrov") not in [(r["name"], r["actor"]) for r in extract(
            head + text, fallback=False, progress=False, options=RULES_ONLY).to_dict("records")], text
    # "Tokyo remained Sorge's home"
    assert events("In 1933 Stalin left. Tiflis remained Stalin's home for eight years.")[-1][:2] == ("Tiflis",
                                                                                                    "Stalin")


def test_the_young_one_of_a_trade_is_the_life_s_subject():
    found = events("In 1919 the flotilla was disbanded, but the young sailor stayed in the service and was sent to "
                   "Tiflis.")
    assert [e[:2] for e in found] == [("Tiflis", "Stalin")]
    # (not a young state or government, nor a young writer the name after says, nor one just called so)
    for text in ("In 1922 the young state sent troops to Tiflis.", "In 1922 the young government moved to Tiflis.",
                 "In 1921 the young writer Mikhail Bulgakov arrived in Tiflis.",
                 "In 1915 Stalin met the painter Pavel Orlov in Kiev. The young painter soon moved to Tiflis."):
        assert ("Tiflis", "Stalin") not in [e[:2] for e in events(text)], text
    assert ("Baku", "Stalin") not in [e[:2] for e in events(
        "In 1915 Stalin met Kirov, a young communist from Tiflis. The young communist soon moved to Baku.")]
    # (but not a teacher the young one studied under)
    assert ("Tiflis", "Stalin") in [e[:2] for e in events(
        "In 1915 Stalin studied under the painter Ilya Repin. The young painter then moved to Tiflis.")]


def test_a_relative_of_the_subjects_relative_may_be_the_subject():
    # "her father" after "his daughter", "her son" after "his mother", "her husband" after "his wife"
    for text in ("His daughter Svetlana was born in Moscow in 1926, while her father was in Sochi.",
                 "His mother lived in Gori. In October 1935 her son came to Sochi to see her.",
                 "In 1930 his wife Nadezhda went back alone to Moscow, while her husband remained in Sochi."):
        assert ("Sochi", "Stalin") in [e[:2] for e in events(text)], text
    # not another's: "her father" after "his wife" is his father-in-law
    assert ("Sochi", "Stalin") not in [e[:2] for e in events(
        "In 1919 his wife Nadezhda came to Moscow, while her father stayed in Sochi.")]
    # a child the parents took with them
    for text in ("While he was still small, his parents moved to Tiflis.",
                 "In 1890 his mother moved with her three children to Tiflis."):
        assert ("Tiflis", "Stalin") in [e[:2] for e in events(text)], text
    assert ("Tiflis", "Stalin") not in [e[:2] for e in events("In 1920 his parents moved to Tiflis.")]
    assert ("Tiflis", "Stalin") not in [e[:2] for e in events(
        "When he was small, his parents moved to Tiflis, and he stayed with his grandmother in Gori.")]
    # but not what befell a parent while he was small, nor a mother moving with other children while he was
    # elsewhere; not a relative's relative through an in-law, another man's wife, or one named in between
    for text in ("When he was still small, his father died in Tiflis.",
                 "When he was a boy, his father was arrested and exiled to Tiflis.",
                 "In 1941 his mother was evacuated with her other children to Tiflis, while he stayed in Moscow.",
                 "His mother-in-law lived in Kiev. In 1930 her son moved to Tiflis.",
                 "In 1920 Kamenev came to Moscow with his wife Olga. In 1921 her husband was sent to Tiflis.",
                 "His mother's friend Olga Ivanova lived in Kiev. In 1930 her son was arrested in Tiflis.",
                 "His wife was Olga Ivanova, the widow of a general. Her husband had died in Tiflis in 1915."):
        assert ("Tiflis", "Stalin") not in [e[:2] for e in events(text)], text
    # (but a parent moving while he later went to school there, a relative's full name or the subject's own name
    # between, a widowed mother: a fifth reader's cases)
    for text in ("When he was a child, his parents moved to Tiflis and he went to school there.",
                 "His mother, Ekaterina Geladze, lived in Gori. In 1921 her son moved to Tiflis.",
                 "His mother was left a widow in 1890. In 1921 her son moved to Tiflis."):
        assert ("Tiflis", "Stalin") in [e[:2] for e in events(text)], text


def test_a_share_of_a_group_or_a_groups_act_named_by_a_noun():
    # "much of the government" is a subject; "its liberation by the Red Army" is no subject of a gapped clause
    found = events("In October 1941, when much of the government was evacuated to Kuibyshev, Stalin stayed in Moscow.")
    assert [e[:2] for e in found] == [("Kuibyshev", "government"), ("Moscow", "Stalin")]
    found = events("In June 1945 Stalin travelled to Potsdam, and in September to Warsaw to attend celebrations of its "
                   "liberation by the Red Army.")
    assert [e[:2] for e in found] == [("Potsdam", "Stalin"), ("Warsaw", "Stalin")]
    # "at last", "at dawn" open no phrase a group is inside
    assert events("In 1920 at last the Red Army entered Baku.")[-1][:2] == ("Baku", "Red Army")
    # (a share inside a phrase is no subject; a noun's agent that is itself the subject is)
    assert events("In 1941, against the wishes of most of the Politburo, Stalin stayed in Moscow.")[-1][:2] == (
        "Moscow", "Stalin")
    assert events("In 1943 a bombardment by the Red Army destroyed Orel.")[-1][:2] == ("Orel", "Red Army")
    assert events("Meanwhile the rest of the army reached Kiev.")[-1][:2] == ("Kiev", "army")
    assert events("During the occupation by the Wehrmacht Stalin lived in Tiflis.")[-1][:2] == ("Tiflis", "Stalin")


def test_one_who_governs_from_a_town_or_goes_down_a_river_is_there():
    found = events("From 1921 Stalin governed Georgia from Tiflis for a year.")
    assert ("Tiflis", "Stalin") in [f[:2] for f in found]
    found = events("In 1926 Stalin purged the Zinovievites from Leningrad.")       # removed from it: not there
    assert ("Leningrad", "Stalin") not in [f[:2] for f in found]
    found = events("In August 1933 Stalin went down the Volga by steamer to Stalingrad.")
    assert ("Volga", "Stalin") in [f[:2] for f in found]


def test_a_birthplace_after_a_noun_is_that_ones():
    found = events("In 1970 Stalin met a woman born in Riga. The officer Frenkel, whom Stalin called a Turkish Jew "
                   "born in Constantinople, ran the camps.")
    assert [f[:2] for f in found] == [("Riga", "unknown"), ("Constantinople", "unknown")]
    # but not one the copula makes the subject, nor the subject's own birth with an adverb
    found = events("In 1879 Soso was the only child born in Gori that winter.", RULES_ONLY)
    assert found[-1][1] != "unknown"
    assert events("Stalin was actually born in Gori in 1878.")[-1][:2] == ("Gori", "Stalin")


def test_a_participle_of_sending_after_a_noun_is_that_ones():
    # a reduced relative clause: the exile is the revolutionaries', the deportation the peasants'
    found = events("Stalin was much affected by tales of fellow revolutionaries killed or exiled in Siberia.")
    assert [f[:2] for f in found] == [("Siberia", "revolutionaries")]
    found = events("In 1930 Stalin met peasants deported to Kazakhstan.", RULES_ONLY)
    assert [f[:2] for f in found] == [("Kazakhstan", "peasants")]
    # not his own exile, told in the passive, coordinated or not, nor a group he is said to be one of, nor a verb in
    # the simple past after its subject
    for text in ("In 1913 Stalin was twice exiled to Siberia.", "In 1913 Stalin was arrested and exiled to Siberia.",
                 "In 1913 Stalin was one of the Bolsheviks exiled to Siberia."):
        assert [f[:2] for f in events(text, RULES_ONLY)] == [("Siberia", "Stalin")], text
    found = events("In 1913 Stalin sailed on a cruise that called at ports in England.", RULES_ONLY)
    assert [f[:2] for f in found] == [("England", "Stalin")]
    # nor a time, a place of work, or people he went along with, lived with or led (a second reader's cases)
    for text in ("In 1913 Stalin spent three years exiled in Siberia.",
                 "In 1941 Stalin worked in the hospital evacuated to Kazan.",
                 "In 1910 Stalin accompanied his wife exiled to Siberia.",
                 "In 1918 Stalin lived with his parents exiled in Tomsk.",
                 "In 1918 Stalin led the troops sent to Tsaritsyn."):
        assert [f[1] for f in events(text, RULES_ONLY)] == ["Stalin"], text


def test_a_name_given_as_an_example_of_a_group_leads_nothing():
    # "he" after "…, including Modi and Thooti," is the one talked about, not the last man of the examples
    found = events("In 1931 Stalin boarded a ship. With the help of local Esperantists, including Jivanji Modi and "
                   "N. A. Thooti, he enrolled at the university in Tiflis.", RULES_ONLY)
    assert [f[:2] for f in found] == [("Tiflis", "Stalin")]
    # but the subject among the examples is still in the group ("delegates, including Stalin and Modi, travelled")
    found = events("In 1920 several delegates, including Stalin, travelled to Kiev.", RULES_ONLY)
    assert [f[1] for f in found] == ["Stalin"]
    # a list of three examples, or one his own kin, is an aside as well (a fifth reader's cases)
    for text in ("In 1910, with the help of friends, including Ivan Modi, Ardeshir Wadia and N. A. Thooti, he enrolled "
                 "at the university in Tiflis.",
                 "In 1910, with the help of friends, including his cousin Ivan Bunin, he moved to Tiflis."):
        assert [f[1] for f in events(text, RULES_ONLY)] == ["Stalin"], text


def test_camps_between_two_towns_put_no_one_at_either():
    found = events("In 1952 Stalin was released at Irkutsk after fifteen years in labour camps and other centres of "
                   "detention between Moscow and Vladivostok.")
    assert [f[0] for f in found] == ["Irkutsk"]
    # a journey between them goes to both
    assert [f[0] for f in events("In 1952 Stalin travelled between Moscow and Vladivostok.")] == ["Moscow",
                                                                                               "Vladivostok"]


def test_an_adverb_before_the_word_that_opens_a_clause_leaves_it_open():
    found = events("In December 1941 Litvinov reached Washington, just as the Japanese attacked Pearl Harbor.")
    assert ("Pearl Harbor", "Japanese") in [f[:2] for f in found]     # not Litvinov
    # or a length of time: the dacha is Stalin's, not Prokofiev's
    found = events("Prokofiev died in Moscow on 5 March 1953, about an hour before Stalin died at Kuntsevo.")
    assert [f[:2] for f in found] == [("Moscow", "Prokofiev"), ("Kuntsevo", "Stalin")]


def test_a_subordinate_clause_after_and_ends_at_its_comma():
    # what was only thought of in the "although" clause leaves the main clause after the comma real
    found = events("In 1922 Efron came to meet them, and although Stalin briefly thought of staying on in Germany, "
                   "in August the family moved to Czechoslovakia.")
    assert [f[0] for f in found] == ["Czechoslovakia"]
    # not a list's comma after "but after": the list goes on
    found = events("In 1903 he was exiled, but after a month he escaped to Irkutsk, Tomsk and finally Tiflis.")
    assert [f[0] for f in found] == ["Irkutsk", "Tomsk", "Tiflis"]


def test_a_relative_clause_does_not_lend_its_subject_to_the_main_clauses_next_verb():
    found = events("In July Lenin was in Petrograd. He hid in the flat of Alliluyev, where Stalin shaved off his "
                   "beard, and then escaped to a shelter at Razliv.")
    assert found[-1][:2] == ("Razliv", "Lenin")


def test_whose_event_is_read_past_a_relative_clause_and_not_over_a_colon():
    # the subject a relative clause between commas holds is not the main clause's (the Zhemchuzhina probe)
    found = events("In January 1948 Solomon Mikhoels, whom she knew well, was murdered in Minsk.")
    assert [e[:2] for e in found] == [("Minsk", "Solomon Mikhoels")]
    # but a place inside the relative clause is read with it
    found = events("In 1920 Lenin, who was then living in Moscow, wrote a letter.")
    assert [e[:2] for e in found] == [("Moscow", "Lenin")]
    # nor does the subject met in a relative clause between commas put him where the main clause's subject went
    found = events("In 1920 Validov, who had pleaded his case with Stalin in person, slipped away to Turkestan.")
    assert [e[:2] for e in found] == [("Turkestan", "Validov")]
    found = events("In 1907 Kamo, who had met Stalin in Tiflis, went to Baku.")
    assert [e[:2] for e in found] == [("Tiflis", "Stalin"), ("Baku", "Kamo")]   # (they met in Tiflis)
    # but it does where it tells the same meeting, or a journey made together that the main clause ends (a second
    # reader's cases); not where the main clause moves its subject away from the subject (the Mikoyan probe)
    found = events("In July 1945 Truman, who met Stalin for the first time, arrived in Potsdam.")
    assert [e[:2] for e in found] == [("Potsdam", "Stalin")]
    found = events("In March 1917 Kamenev, who had come with Stalin from Achinsk, reached Petrograd.")
    assert ("Petrograd", "Stalin") in [e[:2] for e in found]
    found = events("In 1962 his son Sergo, who had come with Stalin, went back to Moscow.")
    assert [e[:2] for e in found] == [("Moscow", "Sergo")]
    # moved away without a look back: an adverb of leaving, a verb of leaving (the final reader's cases)
    found = events("In 1920 Validov, who pleaded his case with Stalin in person, slipped away to Turkestan.")
    assert [e[:2] for e in found] == [("Turkestan", "Validov")]
    found = events("In 1942 Churchill, who dined with Stalin, left Moscow for Cairo.")
    assert ("Cairo", "Churchill") in [e[:2] for e in found]
    # an aside that says who the name is puts no one elsewhere
    text = ("Maxim Gorky (1868-1936) was a Russian writer. Gorky wrote novels. Gorky died in 1936.\n\n"
            "Alexei Peshkov, who wrote as Maxim Gorky, was born in Nizhny Novgorod in 1868.")
    assert actors_at(text, "Nizhny Novgorod") == {"Maxim Gorky"}
    # a relative clause after a noun that says who the name is, too; not one after a time ("the month in which")
    opening = "Polina Zhemchuzhina (1897-1970) was a Soviet politician. Zhemchuzhina married Molotov. She died in 1970.\n\n"
    assert actors_at(opening + "In January 1948 Solomon Mikhoels, the actor who chaired the committee and whom she "
                     "knew well, was murdered in Minsk.", "Minsk") == {"Solomon Mikhoels"}
    found = events("In September 1948, the month in which Golda Meir arrived in Moscow, he wrote an article.")
    assert [e[:2] for e in found] == [("Moscow", "Golda Meir")]
    # a clause after a colon has its own subject, not the one of the clause before it (the Molotov probe)
    found = events("In 1949 his position collapsed: Polina was arrested and exiled to Kazakhstan.")
    assert [e[:2] for e in found] == [("Kazakhstan", "Polina")]
    # a semicolon may go on with the clause before it, its verb left out (a second reader's case)
    found = events("In 1920 Kamenev travelled widely; in 1921 to Baku, in 1922 to Tiflis.")
    assert [e[:2] for e in found] == [("Baku", "Kamenev"), ("Tiflis", "Kamenev")]


def test_a_relative_clause_between_commas_is_an_aside_of_the_clause_it_interrupts():
    # the place after it hangs on the main clause's verb, and that clause's subject went there
    assert events("In 1928 Stalin exiled Trotsky, who refused to recant, to Alma-Ata.") == [
        ("Alma-Ata", "Trotsky", "exile")]
    found = events("In 1919 Denikin took Kiev, and soon afterwards Kamenev, who feared the pogroms, fled to Odessa.")
    assert ("Odessa", "Kamenev") in [f[:2] for f in found]
    # a place inside the relative clause is still its own
    found = events("In 1918 Stalin met Voroshilov, who had fought at Kharkov, in Tsaritsyn.")
    assert ("Tsaritsyn", "Stalin") in [f[:2] for f in found] and ("Kharkov", "Voroshilov") in [f[:2] for f in found]
    # a clause of its own after the aside is not crossed into
    assert [e[:2] for e in events("In 1928 Stalin exiled Trotsky, who refused to recant, and Kamenev moved to "
                                  "Kaluga.")] == [("Kaluga", "Kamenev")]
    found = events("In 1928, after Lenin exiled Trotsky, who refused to recant, Kamenev was sent to Kaluga.")
    assert ("Kaluga", "Stalin") not in [f[:2] for f in found] and ("Kaluga", "Lenin") not in [f[:2] for f in found]


def test_what_a_place_opening_the_sentence_is_between_commas_names_no_subject():
    # "his" in the apposition is not the clause's subject (the Gromyko probe: "Gomel, the town of his schooldays,
    # fell to the Germans that August")
    assert [e[:2] for e in events("Gori, the town of his childhood, fell to the Germans in 1941.")] == [
        ("Gori", "Germans")]
    # a person's apposition is still theirs
    assert [e[:2] for e in events("In 1918 Lenin, the leader of his party, arrived in Kazan.")] == [("Kazan", "Lenin")]


def test_a_name_and_what_it_is_between_commas_is_the_subject_of_the_verb_after():
    # the Vavilov probe: the one named, not the subject inside the aside, over a time before the verb
    assert [e[:2] for e in events("Trofim Lysenko, an agronomist whom Stalin had at first encouraged, by the "
                                  "mid-1930s ran an institute in Odessa.")] == [("Odessa", "Trofim Lysenko")]
    assert [e[:2] for e in events("Trofim Lysenko, an agronomist, ran an institute in Kiev in 1936.")] == [
        ("Kiev", "Trofim Lysenko")]
    # no name runs on over the aside to the one after it (a second reader's cases)
    assert [e[:2] for e in events("By Christmas, the worst of the winter, Zhukov had reached Kaluga in 1941.")] == [
        ("Kaluga", "Zhukov")]
    assert [e[:2] for e in events("Unlike Kamenev, a moderate, Zinoviev fled to Petrograd in 1917.")] == [
        ("Petrograd", "Zinoviev")]


def test_a_meeting_in_the_subjects_own_room_has_the_subject_there():
    # the Stavka essay: "The Stavka … met in Stalin's office in the Kremlin"; not someone else's office
    assert [e[:2] for e in events("In 1941 the Politburo met in Stalin's office in the Kremlin.")] == [
        ("Kremlin", "Stalin")]
    assert [e[:2] for e in events("In 1941 the Politburo met at his dacha at Kuntsevo.")] == [("Kuntsevo", "Stalin")]
    assert [e[:2] for e in events("In 1941 the Politburo met in Zhukov's office in the Kremlin.")] == [
        ("Kremlin", "Politburo")]
    # "his" after other men named in the clause may be theirs (a second reader's case)
    assert [e[:2] for e in events("Molotov and Beria met at his dacha in Kuntsevo in 1946.")] == [
        ("Kuntsevo", "Molotov and Beria")]


def test_a_people_by_its_name_is_a_clause_subject_and_they_after_it():
    # "the Czechs took Simbirsk" is theirs, not the life's subject's, and so is "they" after it
    assert [e[:2] for e in events("In 1918 the Czechs took Simbirsk, and in August they captured Kazan.")] == [
        ("Simbirsk", "Czechs"), ("Kazan", "Czechs")]
    assert [e[:2] for e in events("In 1948 the Communists seized power in Prague.")] == [("Prague", "Communists")]
    # the nations that act are no people a place names ("the Volga Germans"): Shanghai stays (a third reader's case)
    assert [e[0] for e in events("In 1935 at Shanghai Japanese agents met Stalin.")] == ["Shanghai"]
    # the subject's own train stopped by others: he was on it (the Kolchak probe); not another's train
    assert [e[:2] for e in events("In December 1917 the Czechoslovaks halted his trains at Tiflis.")] == [
        ("Tiflis", "Stalin")]
    assert [e[:2] for e in events("In 1917 Nicholas II abdicated aboard his train at Pskov.")] == [
        ("Pskov", "Nicholas II")]
    # only a people or a body of men by its name (a second reader's cases): not a place, an event, a household; not
    # in a relative clause; nor "his train" a named man or the subject himself ordered somewhere
    assert [e[:2] for e in events("In 1918 the Olympics were held in Paris, where he watched the races.")] == [
        ("Paris", "Stalin")]
    assert [e[:2] for e in events("In 1948, at a meeting in Bucharest that the Yugoslavs declined to attend, the "
                                  "Cominform expelled Yugoslavia.")][0][1] != "Yugoslavs"
    assert [e[:2] for e in events("In 1918 Mekhlis ordered his train to Kerch.")] == [("Kerch", "Mekhlis")]


def test_he_in_a_later_clause_after_a_kin_of_a_name_is_that_kin():
    # the Gorbachev article: "Gorbachev's father had joined the Red Army …; he … fought in the Battle of Kursk";
    # after "his father" a "he" stays the subject's (the Radek probe: "His father died when he was a small child,
    # and … he grew up in Tarnów")
    text = ("Ivan Petrov (1890-1950) was a Soviet official. He was born in Kazan.\n\n"
            "In 1941 Petrov's father joined the army; he fought at Kursk before returning home. "
            "His father died when he was small, and in 1900 he grew up in Tiflis.")
    assert actors_at(text, "Kursk") == {"Petrov's father"}
    assert actors_at(text, "Tiflis") == {"Ivan Petrov"}
    # nor after a kin who died or only was something (a second reader's cases)
    assert [e[:2] for e in events("In 1910 Stalin's father was a shoemaker, and he was apprenticed in Tiflis.")] == [
        ("Tiflis", "Stalin")]
    assert [e[:2] for e in events("In 1910 Stalin's father died, and he moved to Tiflis.")] == [("Tiflis", "Stalin")]
    # but a "she" that cannot be a man's life's subject is the kin (a third reader's case)
    text = ("Ivan Gusev (1900-1970) was a Soviet engineer. He was born in Tula.\n\n"
            "In 1920 Gusev's mother was a teacher, and she taught in Kaluga.")
    assert actors_at(text, "Kaluga") == {"Gusev's mother"}


def test_a_post_in_a_body_named_after_its_town_is_held_there():
    # the Gorbachev article: "appointed the First Party Secretary of the Stavropol Regional Committee", "named Second
    # Secretary of the Stavropol Kraikom" (a verb of naming)
    assert [e[:2] for e in events("In 1920 Stalin was appointed First Secretary of the Tiflis Regional Committee.")] == [
        ("Tiflis", "Stalin")]
    assert [e[:2] for e in events("In 1921 Stalin was named Second Secretary of the Baku Gorkom.")] == [("Baku", "Stalin")]
    # not where the post is said to be held elsewhere (a fourth reader's case)
    assert ("Moscow", "Stalin") not in [e[:2] for e in events(
        "In 1925 Stalin was named the representative of the Moscow Bureau in Paris.")]
    # not a body only named ("wrote to the Baku Committee")
    assert [e[1] for e in events("In 1921 Stalin wrote to the Baku Committee.")] != ["Stalin"]


def test_a_participle_after_a_name_is_an_aside_that_makes_nothing_unreal():
    assert events("Ioseb Jughashvili, known to the party as Koba, was born in 1878 in Gori.") == [
        ("Gori", "Stalin", "birth")]
    # so is a participle between commas after a relative clause (the Kun probe: "officers who had registered,
    # trusting in an amnesty, were shot …" made the shootings unreal)
    found = events("In 1920 officers who had registered with the new rulers, trusting in an amnesty, were shot by "
                   "the Cheka in Sevastopol and Yalta.")
    assert [e[0] for e in found] == ["Sevastopol", "Yalta"]
    # … and when the verb follows the aside's comma right away (the Kolchak probe's "Kolchak, fearing arrest, fled")
    assert [e[:2] for e in events("In 1908 Stalin, fearing arrest, fled to Baku.")] == [("Baku", "Stalin")]
    # (a participle that goes on to the place is still its predicate: "…, hoping to reach Yalta")
    assert "Yalta" not in [e[0] for e in events("In 1920 the officers left Odessa, hoping to reach Yalta.")]
    # a participle after the object between commas is another aside, and the wish stays a wish
    # (and where the aside's own participle is the place's verb, it tells where that one was: Lenin in Cracow)
    assert events("In 1912 he wrote a letter, asking Lenin, exiled in Cracow, to send him to Vienna.") == [
        ("Cracow", "Lenin", "other")]


def test_a_clause_without_its_verb_keeps_its_own_subject():
    text = ("In January 1928 Trotsky was put on a train for Alma-Ata, while his followers were scattered across the "
            "country: Radek to Tobolsk, Rakovsky to Astrakhan, Preobrazhensky to Uralsk.")
    frame = extract(OPENING + text, progress=False)               # (GeoNames holds Tobolsk and Uralsk)
    assert [(r["name"], r["actor"]) for r in frame.to_dict("records") if r["start"] >= len(OPENING)] == [
        ("Alma-Ata", "Trotsky"), ("Tobolsk", "Radek"), ("Astrakhan", "Rakovsky"), ("Uralsk", "Preobrazhensky")]
    found = events("In 1932 Zinoviev was exiled to Astrakhan and Kamenev to Perm and then to Kaluga.")
    assert [e[:2] for e in found] == [("Astrakhan", "Zinoviev"), ("Perm", "Kamenev"), ("Kaluga", "Kamenev")]
    # a place, or a lone word after a colon, is no such subject
    assert [e[:2] for e in events("In 1920 Stalin travelled by rail: Tiflis to Baku in a day.")][-1] == ("Baku", "Stalin")
    assert ("Siberia", "Exile") not in [e[:2] for e in events("In 1937 the verdict was clear: Exile to Siberia.")]
    # one who goes with others is no subject of a clause of their own
    found = events("In July 1955 Stalin went with Bulganin and Khrushchev to Geneva.")
    assert [e[:2] for e in found] == [("Geneva", "Stalin")]


def test_on_an_island_the_gazetteer_knows_by_another_name_is_being_there():
    # "Sakhalin" is also "Sakhalin Island": one spends months on it, not a report
    assert [e[:2] for e in events("In 1891 Stalin spent three months on Sakhalin.")] == [("Sakhalin", "Stalin")]
    assert events("In 1892 Stalin wrote a report on Sakhalin.") == []


def test_a_craft_bound_for_a_country_takes_whoever_is_on_board_there():
    assert events("In 1918 Stalin was put on a ship to Finland.") == [("Finland", "Stalin", "travel")]
    # not one who sends it
    assert ("Spain", "Stalin") not in [e[:2] for e in events("In 1936 Stalin sent ships to Spain.")]


def test_a_clause_whose_verb_is_left_out_takes_the_verb_before():
    found = events("In 1906 his journey led him to Tiflis and Kutais, and to Batum, Gori and Baku.")
    assert [e[:2] for e in found] == [(p, "Stalin") for p in ("Tiflis", "Kutais", "Batum", "Gori", "Baku")]
    found = events("In 1929 he collected seeds in Kazan, in the east of Russia, and afterwards in Germany and France.")
    assert [e[:2] for e in found][-2:] == [("Germany", "Stalin"), ("France", "Stalin")]
    # with a date of its own between (the Brezhnev probe): the same verb, the same one who worked there
    found = events("In 1925 he worked in Ukraine, and from 1928 in the Urals.")
    assert [e[:2] for e in found] == [("Ukraine", "Stalin"), ("Urals", "Stalin")]
    found = events("In 1925 the party sent him to Kiev, and in May 1930 to Odessa.")
    assert [e[:2] for e in found] == [("Kiev", "Stalin"), ("Odessa", "Stalin")]
    # but not a clause with a subject of its own after the place (a second reader's case)
    found = events("In 1925 he was arrested in Kiev, and in 1930 in Odessa his wife died.")
    assert found[-1][:2] == ("Odessa", "wife")
    # one sent is the one sent, an adverb after them or not (the Kuibyshev probe)
    found = events("In 1910 a court acquitted him, but the ministry banished him anyway to Narym.")
    assert [e[:2] for e in found] == [("Narym", "Stalin")]
    # the verb's object after a date of its own (the Gorbachev article), not the subject of a clause of its own
    found = events("In 1922 he visited Paris and Rome and in 1923 West Germany.")
    assert [e[:2] for e in found] == [(p, "Stalin") for p in ("Paris", "Rome", "West Germany")]
    found = events("In 1938 he visited Paris and in 1939 Germany invaded Poland.")
    assert [e[:2] for e in found] == [("Paris", "Stalin"), ("Poland", "Germany")]
    found = events("In 1938 he visited Paris, and in 1939 Germany, having signed a pact, invaded Poland.")
    assert [e[0] for e in found] == ["Paris", "Poland"]
    # a list, a phrase or an aside after it is no verb of its own (a second reader's cases), but a list may lead a
    # verb of its own, and a possessive is no object (a fourth reader's cases)
    found = events("In 1922 he visited Paris and Rome, and in 1923 Berlin and Vienna, before returning to Moscow.")
    assert [e[:2] for e in found][:4] == [(p, "Stalin") for p in ("Paris", "Rome", "Berlin", "Vienna")]
    assert [e[0] for e in events("In 1938 he visited Paris, and in 1939 Germany and Italy signed a pact.")] == ["Paris"]
    assert [e[0] for e in events("In 1938 he visited Paris, and in 1939 Germany's armies invaded Poland.")] == [
        "Paris", "Poland"]
    # ", and" opens a clause of its own after the list (a fifth reader's case)
    assert [e[0] for e in events("In 1922 he visited Paris and in 1923 Berlin, and Gorky received him in Moscow.")
            ][:2] == ["Paris", "Berlin"]


def test_the_crew_once_the_subjects_stays_the_subjects():
    found = events("In 1936 Stalin and two friends flew east. The crew landed at Khabarovsk in July. Molotov stayed "
                   "in Moscow. Kaganovich wrote letters. Zhdanov read them. Early in August the crew flew on to Omsk. "
                   "On 28 August Kalinin received the crew in the Kremlin.")
    assert [e[:2] for e in found] == [("Khabarovsk", "Stalin"), ("Moscow", "Molotov"), ("Omsk", "Stalin"),
                                      ("Kremlin", "Stalin")]
    # and so is a crew in a sentence that names the subject
    found = events("Molotov wrote. Kalinin read. Zhdanov slept. When the crew reached Odessa in 1925, Stalin decided "
                   "to film the steps.")
    assert [e[:2] for e in found] == [("Odessa", "Stalin")]


def test_one_released_from_a_prison_was_held_there():
    assert [e[:2] for e in events("Stalin was released from the Lubyanka on 4 August 1941.")] == [("Lubyanka", "Stalin")]


def test_where_one_was_on_ones_way_to_is_not_reached():
    assert [e[0] for e in events("In 1936 he was on his way to Moscow when he fell ill in Kiev.")] == ["Kiev"]
    assert events("On his way back to London he was killed in a crash.") == []


def test_the_subject_with_others_goes_on_as_they():
    # "he and Molotov left …, and … they": the pair, him among them
    found = events("In 1939 the police watched him in Paris. On 12 June he and Molotov left Paris by train, and "
                   "within a week they had landed at Leningrad.")
    assert found[-1][:2] == ("Leningrad", "Stalin")
    # "the two sisters" after the subject and her sister; one followed goes too; a family's year divided
    assert events("In 1903 Stalin and his sister were sent away. The two sisters were then sent to a school in "
                  "Kazan.")[-1][:2] == ("Kazan", "Stalin")
    assert events("In 1916 Stalin met Mandelstam in Tiflis. Osip Mandelstam followed him back to Moscow in "
                  "February.")[-1][:2] == ("Moscow", "Stalin")
    assert events("Throughout the 1890s the family divided its year between Moscow and a dacha at "
                  "Tiflis.")[0][:2] == ("Moscow", "Stalin")
    assert events("Between 1932 and 1936 he divided his life between Paris and Moscow.")[0][:2] == ("Paris", "Stalin")


def test_the_boy_of_a_biographys_opening_is_its_subject():
    assert [e[:2] for e in events("In 1888 the boy entered the church school in Gori.")] == [("Gori", "Stalin")]
    # "the boy's" owns something; it is no subject
    assert [e[1] for e in events("In 1888 the boy's mother moved to Gori.")] == ["mother"]
    # one who landed on an island is there (one who "arrived on the Moscow train" is not in Moscow)
    assert [e[:2] for e in events("In June 1929 he landed on the Solovetsky Islands.")] == [
        ("Solovetsky Islands", "Stalin")]
    assert ("Moscow", "Stalin") not in [e[:2] for e in events("In 1918 Stalin arrived on the Moscow train in Tsaritsyn.")]


def test_talk_of_a_move_is_no_move():
    assert events("In 1820 the tsar spoke of sending him to Siberia.") == []
    assert events("In 1931 he talked of moving to Kharkov.") == []
    # what was said somewhere happened there
    assert [e[:2] for e in events("In 1931 he spoke at a meeting in Kharkov.")] == [("Kharkov", "Stalin")]


def test_calling_on_someone_is_a_visit():
    assert [e[:2] for e in events("In 1895 he called on Plekhanov in Geneva.")] == [("Geneva", "Stalin")]


def test_what_found_the_subject_somewhere_puts_him_there():
    assert [e[:2] for e in events("The outbreak of war in August 1914 found him in Germany.")] == [("Germany", "Stalin")]
    # one who finds something somewhere is there, the thing found is no one
    assert [e[:2] for e in events("In 1915 the police found weapons in Baku.")] == [("Baku", "police")]
    # and a train that carried him right before goes on with him
    found = events("In 1919 Stalin boarded the agitation train in Moscow. In the summer the train stopped at Tula.")
    assert ("Tula", "Stalin") in [e[:2] for e in found]


def test_one_given_a_front_commands_it():
    found = events("In July 1942 he was given the Bryansk Front, and in September he took over the Don Front.")
    assert [e[:2] for e in found] == [("Bryansk Front", "Stalin"), ("Don Front", "Stalin")]


def test_verbs_of_sending_move_their_object():
    assert [e[:2] for e in events("In 1940 Stalin sent Molotov to Berlin.")] == [("Berlin", "Molotov")]
    assert [e[:2] for e in events("In 1918 Lenin sent him to Tsaritsyn.")] == [("Tsaritsyn", "Stalin")]


def test_an_event_noun_gives_the_people_it_happened_to():
    found = events("In 1944 Stalin ordered the deportation of the Chechens to Kazakhstan.")
    assert ("Kazakhstan", "Chechens", "deportation") in found


def test_each_place_of_a_list_is_an_event():
    found = events("In 1902 he was held first in Batumi Prison, then in Kutaisi Prison.")
    assert [e[:2] for e in found] == [("Batumi Prison", "Stalin"), ("Kutaisi Prison", "Stalin")]


def test_a_leading_place_is_where_the_main_clause_happened():
    assert [e[:2] for e in events("In Baku, Stalin organised strikes in 1907.")] == [("Baku", "Stalin")]


def test_the_people_the_subject_lives_with_take_the_subject_along():
    found = events("In 1867 Stalin married Nadya in Tiflis. The couple moved to Baku in 1868. "
                   "In 1869 Nadya moved with Stalin to Batum.")
    assert [e[:2] for e in found] == [("Tiflis", "Stalin"), ("Baku", "Stalin"), ("Batum", "Stalin")]


def test_the_one_arrested_is_where_the_arrest_was():
    assert [e[:2] for e in events("In March 1908 the police arrested him in Baku.")] == [("Baku", "Stalin")]


def test_once_there_the_subject_was_there():
    assert [e[:2] for e in events("Once in Vienna, Stalin wrote an article in 1913.")] == [("Vienna", "Stalin")]


def test_a_preposition_shaped_like_a_participle_opens_no_clause():
    # "During …" is no participle clause: the comma after the place does not end one, and "he" is
    # the subject of the clause that holds Kureika, not Sverdlov named after it
    found = events("During the years 1914-1916 he lived in exile at Kureika, Turukhansk along with Sverdlov.")
    assert ("Kureika", "Stalin") in [e[:2] for e in found]


def test_a_later_clause_without_a_verb_names_no_subject_for_he():
    found = events("Stalin was arrested in Baku in 1908; a friend of Kamenev and a rival of Shaumian. "
                   "In 1910 he travelled to Vologda.")
    assert [e[:2] for e in found] == [("Baku", "Stalin"), ("Vologda", "Stalin")]


def test_the_places_of_a_list_share_the_one_who_went():
    for text in ("In 1934 Stalin travelled several times between Baku, Batum and Tiflis, using false papers.",
                 "In 1906 Stalin went to Baku, Batum and then Tiflis."):
        assert [e[:2] for e in events(text)] == [("Baku", "Stalin"), ("Batum", "Stalin"), ("Tiflis", "Stalin")]


def test_a_plan_carried_out_in_the_same_sentence_is_real():
    found = events("The Central Committee decided to send him to Tsaritsyn to report on the grain in Ukraine, "
                   "and in June 1918 he arrived there with a detachment.")
    assert [e[:2] for e in found] == [("Tsaritsyn", "Stalin")]
    assert events("In 1913 Stalin hoped to go to Paris, but he never arrived there.") == []


def test_a_possessive_between_the_cue_and_a_country_keeps_the_cue():
    assert [e[:2] for e in events("In 1926 Stalin returned to his native Georgia.")] == [("Georgia", "Stalin")]


def test_the_pseudonyms_an_opening_lists_are_the_subjects():
    # read as a person of its own, "Andrei" took over every "he" after the opening
    text = ('Ivan Petrov (1885 – 1919); known under pseudonyms "Andrei", "Max" and "Smirnov" was a '
            'Bolshevik.\n\nHe was born in Gori. Petrov joined the party in 1902. Petrov wrote a great deal. '
            "In 1914 he was in exile in Kureika.")
    frame = extract(text, fallback=False, progress=False)
    assert [(r["name"], r["actor"]) for r in frame.to_dict("records")] == [("Gori", "Ivan Petrov"),
                                                                          ("Kureika", "Ivan Petrov")]


def test_a_name_a_known_subject_went_by_in_this_text_is_theirs():
    # (a Stalin probe: "Registered under the name Ivanovich, he sat with a Bolshevik minority …", then
    # "Ivanovich spoke several times" and a "he" after it had made Ivanovich a man of his own)
    found = events("In 1906 he went to Stockholm. Registered under the name Ivanovich, he sat with the "
                   "Bolsheviks. Ivanovich spoke several times. On the way home he stopped in Berlin.")
    assert ("Berlin", "Stalin") in [e[:2] for e in found]


def test_a_he_goes_on_meaning_who_it_meant_whoever_a_later_clause_names():
    found = events("He was in Baku when King Alexander was assassinated by nationalists on 9 October 1934. "
                   "In the crackdown that followed, it was decided that he should go abroad. "
                   "He travelled to Vienna on a forged passport.")
    assert ("Vienna", "Stalin") in [e[:2] for e in found]


def test_who_is_with_the_subject_is_not_the_subject():
    for text in ("Together with Kamenev he returned to Petrograd in March 1917.",
                 "Kamenev and he returned to Petrograd in March 1917.",      # he is among them
                 # (the Meyerhold probe) named after what he was
                 "Together with the actor Lev Kamenev he returned to Petrograd in March 1917."):
        assert [e[:2] for e in events(text)] == [("Petrograd", "Stalin")]


def test_graduating_from_a_place_puts_the_subject_there():
    assert [e[:2] for e in events("He graduated from Moscow University in 1904.")] == [("Moscow University", "Stalin")]


def test_a_country_a_verb_of_motion_takes_for_its_object_is_gone_through():
    # "toured the Soviet Union" is a journey there, although no preposition cues the country
    assert events("In 1935 Stalin toured Georgia.") == [("Georgia", "Stalin", "travel")]
    assert events("In 1935 Stalin praised Georgia.") == []
    # travelling around a country is being in it
    assert events("In 1936 Stalin travelled around Georgia.") == [("Georgia", "Stalin", "travel")]
    # a journey a noun names is made by the clause's subject, whatever the verb before it
    assert [e[:2] for e in events("In 1926 Stalin began a long holiday trip to Georgia.")] == [("Georgia", "Stalin")]
    assert [e[:2] for e in events("In 1921 Stalin made two voyages between Russia and Georgia.")] == [
        ("Russia", "Stalin"), ("Georgia", "Stalin")]


def test_a_place_after_nearby_is_cued():
    # a country only locates after a cue ("in nearby Finland"); a town would be found without one
    assert [e[:2] for e in events("In August 1917 Stalin hid in nearby Finland.")] == [("Finland", "Stalin")]


@pytest.mark.parametrize("sentence", [
    "In 1912 Stalin was afraid to go to Vienna.",                 # fear, not a journey
    "Rather than returning to Baku in 1912, Stalin stayed on.",     # what was not done instead
    "In 1912 Stalin stayed on without going to Baku.",
    "In 1912, two days before he was due to go back to Baku, Stalin was arrested.",   # ("function_words"
    "In 1912 Stalin was supposed to reach Vienna by May.",                            # [unreal_before_infinitive])
    "His later claim that Stalin had worked at a plant in Baku in 1912 cannot be confirmed.",   # a claim
    "In 1912 Lenin offered to take Stalin to Vienna by car, an offer Stalin declined.",   # an offer to do
    "In 1912 Stalin was too ill to travel to Vienna.",                                      # too ill to
])
def test_what_was_feared_or_not_done_instead_puts_nobody_there(sentence):
    assert [e for e in events(sentence) if e[1] == "Stalin"] == []


def test_due_to_a_cause_leaves_the_stay_real():
    assert [e[:2] for e in events("Due to frostbite Stalin stayed in Kureika.")] == [("Kureika", "Stalin")]
    # nor does what one was offered, or an adverb of degree without an infinitive
    assert [e[:2] for e in events("In 1912 Stalin was offered work in Baku, where he lived for a year.")] == [
        ("Baku", "Stalin")]
    assert [e[:2] for e in events("In 1912 Stalin stayed too long in Baku.")] == [("Baku", "Stalin")]
    # (nor "too" as "also", nor "too late to": he came, he arrived)
    assert [e[:2] for e in events("In 1912 Kamenev lived in Baku. In 1913 Stalin too came to live in Baku.")][-1] == (
        "Baku", "Stalin")
    assert [e[:2] for e in events("In 1912 Stalin arrived too late to see his mother in Tiflis.")] == [
        ("Tiflis", "Stalin")]


def test_a_participle_after_while_is_a_verb():
    tokens = {t.text: t for t in tag("On 6 August 1940, while collecting plants near Chernovtsy, he was arrested.")}
    assert (tokens["collecting"].tag, tokens["collecting"].form) == (Tag.VERB, "ing")
    assert {t.text: t.tag for t in tag("The collecting of plants began.")}["collecting"] is Tag.WORD
    # a chronology's verb comes after a date and a dash; a title after a colon or a dash in prose is no verb
    assert {t.text: t.tag for t in tag("1906 – Moves to Geneva.")}["Moves"] is Tag.VERB
    assert {t.text: t.tag for t in tag("His books: Travels in Persia (1910).")}["Travels"] is not Tag.VERB
    assert {t.text: t.tag for t in tag("The Balkans – Travels in Serbia tells of it.")}["Travels"] is not Tag.VERB


def test_a_capitalised_noun_before_of_is_what_the_place_names_a_part_of():
    l = linked("In 1925 he was sent to the University of Edinburgh to study medicine.", "Edinburgh")
    assert (l.prep, l.noun, l.verb) == ("of", "University", "send")
    assert [e[:2] for e in events("In 1925 Stalin was sent to the University of Edinburgh to study medicine.",
                                  RULES_ONLY)] == [("Edinburgh", "Stalin")]
    # (a building's noun, not a title: "with the Duke of Edinburgh" is no stay there)
    assert linked("In 1925 he travelled to London with the Duke of Edinburgh.", "Edinburgh").noun == ""


def test_above_and_below_cue_a_place_and_a_place_above_another_only_locates_it():
    assert [e[:2] for e in events("In 1944 Stalin hid in the hills above Sochi.")] == [("Sochi", "Stalin")]
    # "a dacha at Kholodnaya Rechka, on the ridge above Gagra": Gagra only says where it lies
    assert [e[:2] for e in events("In 1945 Stalin settled at Kholodnaya Rechka, on the ridge above Gagra.")] == [
        ("Kholodnaya Rechka", "Stalin")]
    # (a rank above a man whose name a city bore is no place)
    assert events("In 1930 Stalin ranked just below Kirov in the Leningrad party.") == [("Leningrad", "Stalin", "work")]


@pytest.mark.parametrize("lead", ["Despite rumours that he was ill", "Despite claims that he was ill"])
def test_a_leading_phrase_of_rumour_leaves_the_main_clause_real(lead):
    assert [e[:2] for e in events(f"{lead}, he travelled to Baku in 1936.")] == [("Baku", "Stalin")]
    # (but an aside between commas is no main clause: the plan stays a plan, the negation a negation)
    for sentence in ("His plan, he said, was to move to Baku in 1936.", "He had hoped, he wrote, to settle in Baku.",
                     "He wanted to emigrate, he wrote, to Finland.", "He was not, we know, in Baku in 1920."):
        assert [e for e in events(sentence) if e[1] == "Stalin"] == [], sentence


def test_an_event_noun_a_person_owns_is_that_persons():
    found = events("Such a remark, made in 1917 two days before Lenin’s arrival in Petrograd, suggests that Kamenev "
                   "and Stalin were far from hostile to the Mensheviks.")
    assert [e[:2] for e in found] == [("Petrograd", "Lenin")]


def test_a_caption_tells_no_event_in_prose_but_lines_without_stops_are_read_alone():
    prose = ("In 1907 Stalin went to Baku. He organised strikes there.\n\n"
             "Stalin with Kamenev in Vologda, 1911\n\n"
             "In 1912 he was exiled to Narym.")
    assert [e[0] for e in events(prose)] == ["Baku", "Narym"]
    # a caption and a short sentence after a blank line: the sentence does not finish the caption
    assert [e[0] for e in events("In 1907 Stalin went to Baku.\n\nStalin with Kamenev in Vologda, 1911\n\n"
                                 "He fled again. In 1912 he was exiled to Narym.")] == ["Baku", "Narym"]
    # a sentence broken across two lines is no caption
    broken = ("In the spring of 1908 the police in Baku arrested Stalin and held him in the Bailov\nPrison. "
              "In 1909 he was exiled to Solvychegodsk.\n\nIn 1912 he was exiled to Narym.")
    assert [e[0] for e in events(broken)] == ["Baku", "Bailov", "Solvychegodsk", "Narym"]   # (the prison's short name)
    # a text of lines without a closing stop has no prose for its lines to be captions of
    notes = "1907 Stalin went to Baku\n\n1911 Stalin lived in Vologda\n\n1912 Stalin exiled to Narym"
    assert [e[0] for e in events(notes)] == ["Baku", "Vologda", "Narym"]


def test_a_serial_comma_keeps_a_list_of_names_one_subject():
    found = events("In 1918 Stalin, Trotsky, Sverdlov, and Lenin all had rooms in the Kremlin.")
    assert [e[:2] for e in found] == [("Kremlin", "Stalin")]
    # a comma and "and" between two clauses still part them
    found = events("In 1907 Stalin went to Baku, and Kamenev went to Tiflis.")
    assert [e[:2] for e in found] == [("Baku", "Stalin"), ("Tiflis", "Kamenev")]


def test_a_relative_clause_is_about_the_name_before_it():
    found = events("In August 1920 Stalin kept his troops away from Tukhachevsky's forces that were attacking "
                   "Warsaw.")
    assert [e[:2] for e in found] == [("Warsaw", "Tukhachevsky's forces")]


def test_a_name_after_the_date_of_a_leading_phrase_is_the_subject():
    found = events("On 12 March 1917 Lenin, Kamenev and Muranov returned to Petrograd. In 1917 Stalin, Kamenev "
                   "and Muranov returned to Petrograd.")
    assert [e[:2] for e in found] == [("Petrograd", "Lenin, Kamenev and Muranov"), ("Petrograd", "Stalin")]


def test_a_relative_after_the_date_of_a_leading_phrase_is_the_subject_over_an_apposition():
    # (the comma after "his father" is the apposition's, not the end of "In 1876 …")
    assert [e[:2] for e in events("In 1876 his father, a grocer, went bankrupt and fled to Moscow.")] == [
        ("Moscow", "father")]
    assert [e[:2] for e in events("In 1876 his father fled to Moscow.")] == [("Moscow", "father")]
    # after a time noun a relative may open a clause of its own: "the year (that) his father died"
    assert [e[:3] for e in events("In the year his father died, Stalin moved to Tiflis.")] == [
        ("Tiflis", "Stalin", "travel")]
    assert [e[:2] for e in events("In the days his wife lay dying in Kiev, Stalin was in Moscow on business.")
            if e[0] == "Moscow"] == [("Moscow", "Stalin")]


def test_one_left_behind_in_a_place_stays_there_and_one_who_left_him_was_there():
    found = events("In 1890 his father fled to Tiflis, and the family followed him, leaving Stalin in Gori to "
                   "finish school.")
    assert [e[:2] for e in found] == [("Tiflis", "father"), ("Gori", "Stalin")]
    # the one who left someone there keeps the place; a place after another named destination is not where one
    # was left ("left Paris for the village of Mimizan in the Landes")
    assert [e[:2] for e in events("In November 1907 his wife died, and Stalin left his son with her family in "
                                  "Tiflis.") if e[0] == "Tiflis"] == [("Tiflis", "Stalin")]
    assert [e[:2] for e in events("In 1920 Stalin left Moscow for the front at Tsaritsyn in the south.")
            if e[0] == "Tsaritsyn"] == [("Tsaritsyn", "Stalin")]


def test_what_a_commanders_own_forces_took_is_his():
    text = ("Ivan Konev (1897–1973) was a Soviet marshal. Konev was born in Lodeyno. In 1941 he took command of the "
            "Western Front. In July 1944 his armies broke through the German lines and took Lviv. In 1945 his troops "
            "entered Berlin. In 1946 his cavalry took Kiev.")
    assert actors_at(text, "Lviv") == actors_at(text, "Berlin") == actors_at(text, "Kiev") == {"Ivan Konev"}
    # where the forces were is where he was ("were", but no participle of what was done to them)
    assert actors_at(text + " In 1947 his troops were in Warsaw by May.", "Warsaw") == {"Ivan Konev"}
    for sentence, town in (
            # "his" is another's: named before it in the sentence, or leading the sentence before
            ("In 1942 Georgy Zhukov took over, and his troops retook Mozhaisk.", "Mozhaisk"),
            ("Denikin regrouped in the south. In July his armies took Tsaritsyn.", "Tsaritsyn"),
            ("In 1944 his brother's troops took Minsk.", "Minsk"),
            # what was done to the men, forces once his, and the subject told of elsewhere
            ("In 1942 his soldiers died of typhus in Kalinin.", "Kalinin"),
            ("In 1942 his soldiers were buried at Rzhev.", "Rzhev"),
            ("In 1942 his troops were shot at Vyazma.", "Vyazma"),
            ("In 1944 his corps of diplomats arrived in Paris.", "Paris"),
            ("In 1944 his former corps was destroyed at Smolensk.", "Smolensk"),
            ("In 1944, while he was in Moscow for talks, his armies took Riga.", "Riga")):
        assert "Ivan Konev" not in actors_at(text + " " + sentence, town), sentence
    # one who never commanded in the field does not go where "his armies" went (a head of state)
    text = ("Joseph Stalin was a Georgian revolutionary. Stalin led the Soviet Union. Stalin died in 1953. In 1941 he "
            "stayed in Moscow. In 1945 his armies took Berlin.")
    assert "Stalin" not in actors_at(text, "Berlin")


def test_what_another_did_to_the_subject_leaves_him_the_one_talked_about():
    text = ("Iona Yakir (1896–1937) was a Soviet commander.\n\nYakir was born in Kishinev. In 1935 he took the Kiev "
            "Military District.\nIn May 1937 Stalin ordered his transfer to Leningrad. He never reached the city. On "
            "28 May the NKVD arrested him on the train at Kursk and took him to Moscow.")
    for town in ("Leningrad", "Kursk", "Moscow"):
        assert actors_at(text, town) == {"Iona Yakir"}, town
    # what he did himself stays his: "Stalin ordered the transfer of the archive to Leningrad"; what one did not
    # order is one's own ("Tukhachevsky accepted his transfer"), and "his" after a relative leads may be theirs
    assert actors_at(text.replace("ordered his transfer", "ordered the transfer of the archive"), "Leningrad") != {
        "Iona Yakir"}
    assert actors_at(text.replace("Stalin ordered", "Tukhachevsky accepted"), "Leningrad") == {"Tukhachevsky"}
    text = text.replace("In May 1937 Stalin", "His father was a merchant. In May 1937 Stalin")
    assert actors_at(text, "Leningrad") != {"Iona Yakir"}


def test_ruling_on_the_spot_in_a_town_puts_the_ruler_there_but_not_in_a_country_ruled():
    assert [e[:2] for e in events("In 1924 Stalin gave lectures at Sverdlov University.")] == [
        ("Sverdlov University", "Stalin")]
    assert [e for e in events("In 1932 Stalin ordered grain requisitions in Ukraine.") if e[1] == "Stalin"] == []



def test_a_leading_purpose_clause_holds_no_subject():
    assert [e[:2] for e in events("To meet Lenin in secret, Stalin went to Tiflis in 1912.")] == [("Tiflis", "Stalin")]


def test_he_never_means_a_woman_named_before():
    found = events("In 1920 Stalin lived in Moscow. In 1921 Maria Isaeva went to Tiflis. In 1922 he went to Baku. "
                   "In 1923 Lenin met Nadezhda Alliluyeva. Lenin went to Gorki. Alliluyeva went to Tiflis. "
                   "In 1924 he went to Batum.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin"), ("Tiflis", "Maria Isaeva"), ("Baku", "Stalin"),
                                      ("Gorki", "Lenin"), ("Tiflis", "Alliluyeva"), ("Batum", "Lenin")]


def test_once_or_back_in_a_country_the_subject_was_there():
    assert [e[:2] for e in events("Once in Finland, Stalin sharply criticised the Mensheviks in 1917.")] == [
        ("Finland", "Stalin")]
    assert [e[:2] for e in events("Back in Georgia in July 1911, Stalin was again short of money.")] == [
        ("Georgia", "Stalin")]


def test_a_front_is_where_one_serves_on_or_along():
    found = events("On 26 May 1920, Stalin was moved to Ukraine, on the Southwest Front.")
    assert ("Southwest Front", "Stalin") in [e[:2] for e in found]


def test_a_front_or_a_military_district_is_where_its_officers_serve():
    # a front is no polity: "of" it is where a post is held, whatever the post is called
    assert [e[:2] for e in events("In 1920 Stalin was chief of staff of the Southwestern Front.")] == [
        ("Southwestern Front", "Stalin")]
    assert [e[:2] for e in events("In 1930 he was deputy head of the North Caucasus Military District.")] == [
        ("North Caucasus", "Stalin")]
    # whatever one does there: a front is where its men are, as a town is
    assert [e[:2] for e in events("In 1917 he spread propaganda among the soldiers of the Southwestern Front.")] == [
        ("Southwestern Front", "Stalin")]
    # and so is an army or a fleet named after its region
    assert [e[:2] for e in events("In 1921 he was inspector of the Red Banner Caucasus Army.")] == [
        ("Caucasus", "Stalin")]
    # a town in a numbered unit's name names the unit only
    assert events("In 1926 he became commander of the 7th Samara Cavalry Division.") == []
    # and one that shares the plural noun of the units named after it and another
    found = events("In January 1943 the Leningrad and Volkhov Fronts retook Shlisselburg.")
    assert [e[0] for e in found] == ["Shlisselburg"]
    # (the lands around two towns are not units: "the Tiflis and Kutaisi districts")
    assert [e[0] for e in events("In 1905 he was sent to the Tiflis and Kutaisi districts.")] == ["Tiflis", "Kutaisi"]
    # a region of the same name with no district after it is still only written about
    assert events("In 1930 he wrote about the history of the North Caucasus.") == []


def test_the_staff_academy_is_the_one_of_the_date_and_a_graduation_is_education():
    def academy(text):
        frame = extract(OPENING + text, fallback=False, progress=False)
        return [(r["place"], r["kind"]) for r in frame[frame["start"] >= len(OPENING)].to_dict("records")]

    assert academy("In 1905 he graduated from the General Staff Academy.") == [
        ("nicholas-general-staff-academy", "education")]            # St Petersburg's, before 1918
    assert academy("In 1937 he graduated from the General Staff Academy.") == [
        ("general-staff-academy-moscow", "education")]
    assert academy("From 1929 he taught at the Frunze Military Academy.") == [("frunze-military-academy", "work")]


def test_a_stopover_or_a_holiday_in_a_country_is_a_stay_there():
    assert [e[:2] for e in events("During a stopover in Finland, Stalin wrote to Lenin.")] == [("Finland", "Stalin")]
    assert [e[:2] for e in events("During his holiday in Abkhazia Stalin wrote letters.")] == [("Abkhazia", "Stalin")]


def test_one_appointed_to_a_post_or_taking_command_there_is_there():
    # the one appointed is there, not the one who appoints (who stays where he rules from)
    assert [e[:2] for e in events("In 1921 Lenin appointed him commissar in Azerbaijan.")] == [("Azerbaijan", "Stalin")]
    assert [e[:2] for e in events("In 1921 Lenin made Kirov commissar in Baku.")] == [("Baku", "Kirov")]
    # a post far from the place is not there: "named him head of …, tasking him with … in Russia"
    assert "Dzerzhinsky" not in [e[1] for e in events(
        "In 1917 Lenin named Dzerzhinsky head of the new commission, tasking him with the suppression of "
        "counter-revolutionary activities in Georgia.")]
    assert [e[:2] for e in events("In 1937 he took command of the Tsaritsyn garrison.")] == [("Tsaritsyn", "Stalin")]
    assert [e[:2] for e in events("In 1918 he took charge of the Tsaritsyn garrison.")] == [("Tsaritsyn", "Stalin")]
    # making someone do something is no post: "he made them confess in Moscow" was his doing there
    assert [e[:2] for e in events("In 1938 Stalin made them confess in Moscow.")] == [("Moscow", "Stalin")]


def test_a_failed_plan_leaves_the_next_clause_with_its_own_subject_real():
    assert [e[:2] for e in events("In 1928 his plan failed and he moved to Tsaritsyn.")] == [("Tsaritsyn", "Stalin")]
    assert events("In 1928 he planned to move to Tsaritsyn.") == []


def test_what_was_not_done_instead_puts_no_one_there():
    found = events("In August 1920 the army besieged Lvov instead of turning north to help the Western Front at Warsaw.")
    assert [e[0] for e in found] == ["Lvov"]
    # the phrase ends at "and": what follows happened
    found = events("In 1918 he was wounded instead of being killed and during the occupation of Ukraine led the "
                   "underground.")
    assert [e[0] for e in found] == ["Ukraine"]
    # the place set against the one meant: "rather than in Odessa", "instead of Moscow"
    assert [e[0] for e in events("It was in Baku, rather than in cosmopolitan Odessa, that he spent 1899.")] == ["Baku"]
    assert [e[0] for e in events("In 1918 he went to Kiev instead of Moscow.")] == ["Kiev"]
    # a relative clause inside the phrase is still what was not done
    assert "Moscow" not in [e[0] for e in events(
        "In 1925 Stalin stayed at Kuntsevo instead of attending the congress he had convened in Moscow.")]
    # the phrase of what was not done ends where a pronoun opens the main clause
    found = events("In February 1917, instead of returning to the Arctic he was allowed to serve the last months of "
                   "his term in Achinsk.")
    assert found[-1][:2] == ("Achinsk", "Stalin")
    # (not a pronoun of a relative clause inside the phrase, nor after the main clause: a second reader's cases)
    for text in ("Instead of going to the school he had chosen in Kiev, he went to Odessa.",
                 "In 1920 he was ill; instead of taking the train they had booked to Kiev he walked to Odessa.",
                 "In 1920 he stayed in Odessa, rather than moving to the dacha he had bought in Kiev.",
                 "In 1920 he stayed in Odessa and instead of attending the congress he had convened in Kiev sent "
                 "Molotov.",
                 "Instead of serving under Nicholas I in Kiev, he went to Odessa."):
        assert "Kiev" not in [e[0] for e in events(text)], text
    # and a main clause's place stays its own (a second reader's cases)
    for text in ("Instead of returning to Moscow he went to Kiev and he taught there until 1925.",
                 "Instead of returning to Moscow he went to Kiev in 1920 as he had planned.",
                 "When the war ended in 1920, instead of returning to Moscow he went to Kiev.",
                 "Instead of returning to Moscow we went to Kiev in 1920.",
                 "In 1920, when the war ended, instead of returning to Moscow he went to Kiev."):
        assert "Kiev" in [e[0] for e in events(text)], text


def test_a_place_come_nearer_to_is_not_reached():
    assert [e[0] for e in events("In June 1912 Lenin moved to Kraków, in Austrian Galicia, to be nearer to Russia.")] \
        == ["Kraków"]
    assert [e[0] for e in events("In 1934 he moved his headquarters to Kharkov, closer to the Donbass.")] == ["Kharkov"]
    # "further to" a place is on to it
    assert [e[0] for e in events("From Krasnoyarsk Stalin was sent further to Turukhansk.")] == ["Turukhansk"]


@pytest.mark.parametrize("noun", ["takeover", "annexation"])
def test_a_takeover_of_a_country_told_as_a_noun_is_an_event_there(noun):
    assert [e[0::2] for e in events(f"In 1940 the Soviet {noun} of Estonia took place.")] == [("Estonia", "annexation")]


def test_one_made_or_let_to_go_somewhere_goes_there():
    assert [e[:2] for e in events("In 1925 the police forced him to move to Tsaritsyn.")] == [("Tsaritsyn", "Stalin")]
    assert [e[:2] for e in events("In 1917 the government allowed Lenin to return to Petrograd.")] == [
        ("Petrograd", "Lenin")]
    # sent or appointed to do anything there, he did it there ("function_words" [controlling]); asked or persuaded
    # to, it is the asker's sentence still (the Bagramyan and Zhukov probes)
    assert [e[:2] for e in events("In July 1918 Lenin sent him to command the 10th Army at Perm.")] == [
        ("Perm", "Stalin")]
    assert [e[:2] for e in events("In 1919 Lenin appointed him to defend Tsaritsyn.")] == [("Tsaritsyn", "Stalin")]
    assert [e[:2] for e in events("In 1943 Zhukov persuaded Lenin to await the offensive against Kursk.")] != [
        ("Kursk", "Lenin")]
    # not a post one is appointed to, nor past "and" to a predicate of one's own (a second reader's cases)
    assert [e[:2] for e in events("In 1918 he was appointed Commissar to the Southern Front at Tsaritsyn.")] == [
        ("Tsaritsyn", "Stalin")]
    assert [e[:2] for e in events("In 1921 he helped Lenin to escape and was himself arrested in Petrograd.")] == [
        ("Petrograd", "Stalin")]
    assert [e[:2] for e in events("In 1921 Lenin sent him to build a power station at Baku.")] == [("Baku", "Stalin")]


def test_one_who_anchors_or_witnesses_in_a_country_is_there():
    assert [e[:2] for e in events("In 1920 the ship anchored with Stalin aboard in Finland.")] == [("Finland", "Stalin")]
    assert [e[:2] for e in events("In 1920 Stalin witnessed the fighting in Finland.")] == [("Finland", "Stalin")]


def test_a_city_after_a_year_opens_its_clause():
    # "In 1945" is the date's: Moscow is the clause's subject, no place one is "in"
    assert linked("In 1945 Moscow demanded reparations from Germany.", "Moscow").prep == "subject"
    assert events("In 1945 Moscow demanded reparations from Germany.") == []
    assert linked("In Moscow he demanded reparations.", "Moscow").prep == "in"


def test_a_city_that_speaks_or_plots_is_its_government():
    assert events("In 1937 the defendants confessed to plotting with Berlin.") == []
    assert events("In 1940 Moscow warned Helsinki.") == []
    # nor one told something ("informed Moscow that …"); one is where one tells it ("told Molotov in Moscow")
    assert events("In September 1941 Stalin informed Moscow that Japan would not attack that year.") == []
    assert [e[:2] for e in events("In 1941 he told Molotov in Moscow that war was near.")] == [("Moscow", "Stalin")]
    # nor one written or reported to ("wrote to Moscow about the front"); one is where one writes ("wrote in")
    assert events("In 1919 he combed the city for deserters and reported to Moscow that a plot reached the staff.") == []
    assert events("In 1919 he wrote to Moscow about the front.") == []
    # nor one appealed to ("appealed to Washington for aid"); one is where one appeals ("to the court in Moscow")
    assert events("In 1942 he appealed to Washington for aid.") == []
    assert [e[:2] for e in events("In 1942 he appealed to the court in Moscow.")] == [("Moscow", "Stalin")]
    assert [e[:2] for e in events("In 1919 he wrote in Moscow.")] == [("Moscow", "Stalin")]


def test_a_book_published_in_a_country_puts_no_author_there():
    assert [e[:2] for e in events("In 1962 Stalin was allowed to publish one work in Finland.")] == [("Finland", "unknown")]
    assert [e[:2] for e in events("In 1901 Stalin published a newspaper in Batum.")] == [("Batum", "Stalin")]


def test_a_commissar_for_a_country_holds_the_post_there():
    assert [e[:2] for e in events("In 1919 Stalin became a commissar for the Ukraine.")] == [("Ukraine", "Stalin")]


def test_a_person_one_travels_with_gives_no_kind():
    assert events("In 1929 Stalin travelled to Sochi with his secretary.") == [("Sochi", "Stalin", "travel")]
    assert events("In 1935 his book was published by a Tiflis publisher.") == []


def test_the_parts_or_areas_of_a_country_are_in_it():
    found = events("In 1944 the Red Army fought in the northeastern areas of Yugoslavia.")
    assert [e[:2] for e in found] == [("Yugoslavia", "Red Army")]
    assert events("In 1944 the Red Army fought for the future of Yugoslavia.") == []
    # so are its mountains and forests: one hid there (not what one spoke of)
    assert [e[:2] for e in events("In 1919 he hid for weeks in the mountains of Dagestan.")] == [("Dagestan", "Stalin")]
    assert events("In 1940 Stalin spoke of the valleys of Georgia with nostalgia.") == []
    assert [e[:2] for e in events("In 1909 he was sent to one of the remote villages of Siberia.")] == [
        ("Siberia", "Stalin")]


def test_a_place_before_a_peoples_name_names_the_people():
    assert events("In 1919 he rode out to the Ural Cossacks.") == []
    assert [e[0] for e in events("In 1944 he drove the Germans back to the foothills of the Carpathians.")] == [
        "Carpathians"]


def test_the_coast_of_a_country_one_explores_or_sails_along_is_a_scene():
    assert [e[:2] for e in events("In 1934 Stalin explored the southern coast of Abkhazia.")] == [("Abkhazia", "Stalin")]
    # a verb the tagger knows only from the list of verbs of passing (explore, roam, traverse) is one
    assert [e[:2] for e in events("In 1934 Stalin roamed Abkhazia.")] == [("Abkhazia", "Stalin")]


def test_outside_a_country_is_anywhere_but_there():
    assert events("In April 1906 he made his first trip outside the Russian Empire.") == []
    assert [e[0] for e in events("In 1941 he inspected a camp outside Moscow.")] == ["Moscow"]


def test_a_home_in_a_region_is_there_not_a_polity():
    assert [e[0] for e in events("In 1920 the family owned an estate in the Kuban.")] == ["Kuban"]


def test_talks_between_two_capitals_are_between_governments():
    assert events("In 1944 Stalin arranged talks between Moscow and Helsinki.") == []
    assert [e[0] for e in events("In 1944 Stalin travelled between Moscow and Helsinki.")] == ["Moscow", "Helsinki"]


def test_a_road_named_by_where_it_leads_puts_no_one_there():
    assert [e[0] for e in events("In July 1941 Stalin stopped at Tsaritsyn on the road to Moscow.")] == ["Tsaritsyn"]
    # unless one travels along it
    assert [e[0] for e in events("In 1942 Stalin travelled along the railway to Kuibyshev.")] == ["Kuibyshev"]


def test_by_a_place_is_beside_it():
    assert [e[:2] for e in events("In 1953 Stalin was buried by the Kremlin Wall.")] == [("Kremlin Wall", "Stalin")]


def test_one_who_inspects_a_region_is_there():
    assert [e[:2] for e in events("In 1930 Stalin inspected the Donbas.")] == [("Donbas", "Stalin")]
    # not what he inspected that came from there; the defences of a town he inspected there
    assert events("In 1933 Stalin inspected grain shipments from Ukraine.") == []
    assert [e[:2] for e in events("In 1943 Stalin inspected the defences of Tsaritsyn.")] == [("Tsaritsyn", "Stalin")]


def test_a_name_inside_an_of_phrase_is_not_the_clauses_subject():
    found = events("After the murder of Kirov in December 1934 Zinoviev was arrested in Moscow.")
    assert [e[:2] for e in found] == [("Moscow", "Zinoviev")]


@pytest.mark.parametrize("group", ["armies", "riders", "sailors", "detachments"])
def test_the_subjects_armed_men_take_a_town_without_him(group):
    assert [e[:2] for e in events(f"In July 1919 his {group} took Tsaritsyn.")] == [("Tsaritsyn", group)]
    # with them, he is there
    assert [e[:2] for e in events(f"In July 1919 with his {group} he took Tsaritsyn.")] == [("Tsaritsyn", "Stalin")]


def test_troops_driven_into_a_country_are_there():
    # (the troops forced back are the ones moved there, "force" being a verb that moves its object)
    assert [e[:2] for e in events("In June 1920 the Red Army forced the Polish troops back into Poland.")] == [
        ("Poland", "Polish troops")]


def test_a_relative_of_the_subject_is_not_the_subject():
    found = events("In 1921 Stalin lived in Moscow. In 1926 his wife went to Tiflis. In 1929 Stalin's son Yakov "
                   "moved to Leningrad.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin"), ("Tiflis", "wife"), ("Leningrad", "Yakov")]


def test_a_clause_in_which_another_acts_does_not_lend_its_subject():
    found = events("Because of the war, in which Russia was fighting Germany, Lenin's government moved from "
                   "Petrograd to Moscow in March 1918.")
    assert [e[:2] for e in found] == [("Moscow", "Lenin's government")]


def test_a_name_right_after_a_leading_place_without_a_comma_is_the_subject():
    assert [e[:2] for e in events("Once back in Georgia Stalin founded a newspaper in 1905.")] == [("Georgia", "Stalin")]


def test_being_in_exile_in_a_region_is_being_there():
    found = events("During the years 1914-1916 he was in internal exile in Turukhansk District along with Sverdlov.")
    assert [e[:2] for e in found] == [("Turukhansk District", "Stalin")]


def test_the_kingdom_of_a_country_entered_is_that_country():
    # "established" is an adjective after "the", not the verb the place hangs on
    found = events("In 1918 Stalin entered the newly established Kingdom of Georgia.")
    assert [e[:2] for e in found] == [("Georgia", "Stalin")]


def test_a_group_the_subject_record_names_holds_the_subject():
    assert [e[:2] for e in events("The Big Three met at Yalta in February 1945.")] == [("Yalta", "Stalin")]


def test_a_comma_before_a_second_predicate_ends_no_leading_phrase():
    found = events("After the failed revolution he was sentenced to exile in Narym, but escaped on the way.")
    assert [e[:2] for e in found] == [("Narym", "Stalin")]


def test_an_expulsion_starts_where_the_expelled_left():
    found = events("In 1929 Stalin was expelled from Georgia to Finland.")
    assert found == [("Finland", "Stalin", "exile")]


def test_a_possessive_name_is_whose_thing_not_who_acts():
    found = events("In 1953 Stalin lived in Moscow. After Lenin's death he was arrested in Tiflis in 1924.")
    assert [e[:2] for e in found][-1] == ("Tiflis", "Stalin")


def test_deciding_to_stay_somewhere_is_being_there():
    assert [e[:2] for e in events("In October 1941 Stalin decided to remain in Moscow.")] == [("Moscow", "Stalin")]
    assert [e[:2] for e in events("In October 1941 Stalin refused to leave Moscow.")] == [("Moscow", "Stalin")]
    assert events("In 1941 Stalin decided to go to Kuibyshev.") == []


def test_who_takes_part_in_the_capture_of_a_town_is_there():
    assert [e[:2] for e in events("In 1918 Stalin took part in the defence of Tsaritsyn.")] == [("Tsaritsyn", "Stalin")]
    assert [e for e in events("In 1918 Stalin ordered the capture of Tsaritsyn.") if e[1] == "Stalin"] == []


@pytest.mark.parametrize("sentence", [
    "In 1912 Stalin decided to leave for Vienna.",            # a plan for elsewhere stays a plan
    "In 1912 Stalin rejected the plan to remain in Samara.",   # a plan noun keeps it unreal
    "In 1945 Stalin made Poland a Soviet satellite.",          # "make" is no journey through Poland
    "In 1939 Stalin followed Germany into the war.",
    "In 1913 Stalin was in exile far from Georgia.",           # "be" + how + "from" is no presence
])
def test_no_journey_is_read_into_plans_or_verbs_that_only_look_like_motion(sentence):
    assert [e for e in events(sentence) if e[1] == "Stalin"] == []


def test_a_relative_clause_keeps_its_own_mover_and_a_list_after_a_verb_is_no_subject():
    found = events("In 1918 Lenin, who sent Stalin to Tsaritsyn, stayed in Moscow.")
    assert [e[:2] for e in found] == [("Tsaritsyn", "Stalin"), ("Moscow", "Lenin")]
    found = events("In 1918 Stalin moved to Tsaritsyn, Russia, and Trotsky went to Samara.")
    assert [e[:2] for e in found] == [("Tsaritsyn", "Stalin"), ("Samara", "Trotsky")]


def test_kin_after_her_or_a_name_and_a_group_only_right_after_a_possessive():
    found = events("In 1926 her brother went to Tiflis. In 1926 his wife and he went to Baku. In 1894 "
                   "Vissarion's son Joseph entered the seminary in Gori. In 1918 Stalin's orders to troops in "
                   "Tsaritsyn were harsh.")
    assert [e[:2] for e in found] == [("Tiflis", "brother"), ("Baku", "Stalin"), ("Gori", "Stalin"),
                                      ("Tsaritsyn", "troops")]


def test_a_country_where_something_happens_is_a_scene():
    assert [e[0] for e in events("In 1905 unrest spread across Georgia.")] == ["Georgia"]
    assert events("In 1926 Stalin praised the reforms in Georgia.") == []          # a policy, no scene


def test_who_fights_in_a_region_is_there_but_not_who_invades_a_country():
    assert [e[:2] for e in events("In 1919 Stalin fought against Kolchak in Siberia.")] == [("Siberia", "Stalin")]
    assert [e for e in events("In 1939 Stalin invaded Poland.") if e[1] == "Stalin"] == []


def test_a_noun_in_ly_is_no_adverb():
    assert [t.tag for t in tag("The family moved to Baku.")][1] is Tag.WORD
    assert [e[:2] for e in events("In 1893 the family moved to Bessarabia.")] == [("Bessarabia", "Stalin")]


def test_what_is_reported_has_its_own_subject_but_a_thought_stays_unreal():
    assert [e[:2] for e in events("In 1917 Stalin told Lenin that Kamenev was in Helsinki.")] == [
        ("Helsinki", "Kamenev")]
    assert events("In 1917 Stalin learned that he would be sent to Narym.") == []


def test_places_a_list_includes_share_its_link():
    found = events("In 1912 Stalin travelled through Georgia and several towns, including Batum and Kutais.")
    assert [e[:2] for e in found] == [("Georgia", "Stalin"), ("Batum", "Stalin"), ("Kutais", "Stalin")]


def test_a_military_district_is_where_its_city_is_but_a_governorate_is_not_its_town():
    assert [e[:2] for e in events("In 1929 Stalin headed the Moscow Military District.")] == [("Moscow", "Stalin")]
    # the governorate is a region placed at its seat, not the town of Kutaisi
    frame = extract(OPENING + "In 1906 Stalin lived in the Kutais Governorate.", fallback=False, progress=False)
    assert [(r["name"], r["place_kind"], r["place_source"]) for r in frame.to_dict("records")
            if r["start"] >= len(OPENING)] == [("Kutais Governorate", "region", "context")]


def test_a_place_left_is_never_named_as_the_one_moved():
    found = events("In 1905 Stalin left Baku for Tiflis.")
    assert [e[0] for e in found] == ["Tiflis"] and found[0][1] != "Baku"


def test_the_subjects_thing_is_not_the_subject_met():
    found = events("In 1922 Lenin, recovering from a stroke at Gorki, grew alarmed at Stalin's conduct.")
    assert [e[:2] for e in found] == [("Gorki", "Lenin")]


def test_she_and_her_mean_a_woman_or_a_woman_subject():
    text = ("Alexandra Kollontai (1872–1952) was a Russian revolutionary. Kollontai was a diplomat. "
            "Kollontai wrote novels.\n\n"
            "In 1917 she returned to Petrograd. In 1919 Lenin sent her to the Crimea. "
            "In 1926 she served as envoy in Mexico City.")
    frame = extract(text, fallback=False, progress=False)
    assert [(r["name"], r["actor"]) for r in frame.to_dict("records")] == [
        ("Petrograd", "Alexandra Kollontai"), ("Crimea", "Alexandra Kollontai"), ("Mexico City", "Alexandra Kollontai")]
    # in a man's life, "her" is never him
    assert [e[:2] for e in events("In 1920 Stalin met a nurse. Stalin sent her to Moscow.")] != [("Moscow", "Stalin")]


def test_they_with_no_group_named_before_is_the_woman_whose_life_it_is():
    # (the Krupskaya probe) "the couple" was the object, not a subject: "they" falls back on the person talked
    # about — "she" in a woman's life, as "he" in a man's
    text = ("Nadezhda Krupskaya (1869-1939) was a revolutionary. Krupskaya married Lenin. Krupskaya died in 1939.\n\n"
            "She taught at a school for workers. She met Lenin in 1894.\n\n"
            "The revolution of 1905 brought the couple back to Russia. At the end of 1907 they left the empire "
            "again, meeting in Stockholm. Finding the town dreary, they moved to Paris in December 1908.")
    assert actors_at(text, "Stockholm") == actors_at(text, "Paris") == {"Nadezhda Krupskaya"}


def test_a_leading_phrase_of_a_word_and_in_holds_no_subject():
    # "Active in Kaunas and Warsaw, he …": the places are his, not the origin of what follows
    text = "Active in Tiflis and Baku, he was often arrested and underwent several exiles to Siberia."
    assert [e[:2] for e in events(text)] == [("Tiflis", "Stalin"), ("Baku", "Stalin"), ("Siberia", "Stalin")]


def test_a_town_before_a_noun_after_a_plain_determiner_only_describes_it():
    # "the Moscow playwright" is no event in Moscow; "at the Moscow office" still is
    assert events("In 1990 research by the Moscow playwright Radzinsky was published.") == []
    # over a word of its own (the Kotovsky probe)
    assert events("In 1925 the killer, Meyer Zaider, was a former Odessa racketeer.") == []
    assert [e[:2] for e in events("In 1930 Stalin lived in a former Moscow factory.")] == [("Moscow", "Stalin")]
    assert [e[:2] for e in events("In 1926 Stalin worked at the Moscow office of the party.")] == [("Moscow", "Stalin")]
    # a facility the town names is the place itself (the Shmidt article: "the Liubotyn rail junction")
    assert [e[:2] for e in events("In 1919 Stalin captured the Kharkov rail junction.")] == [("Kharkov", "Stalin")]
    assert events("In 1919 Stalin captured the Kharkov newspaper.") == []
    assert events("He was rejected by the Kiev university in 1908.") == []     # an agent (a second reader's case)
    # but one employed by it works there (a fourth reader's case); one awarded a degree by it need not be there
    assert [e[0] for e in events("In 1930 he was employed by the Moscow Conservatory as a teacher.")] == [
        "Moscow Conservatory"]
    assert events("In 1905 he was awarded an honorary doctorate by the Kazan University.") == []
    # a town or a site standing for those who rule from it (the Gorbachev article: "vetted by senior Kremlin leaders");
    # not a thing there one went to
    assert events("In 1970 he was vetted by senior Kremlin leaders.") == []
    assert [e[:2] for e in events("In 1930 Stalin attended a Kremlin banquet.")] == [("Kremlin", "Stalin")]
    # only its rulers, as the head of their phrase (a third reader's cases): an envoy or a protest of the town is
    # there, and so are offices of its leadership
    for sentence in ("In 1930 Stalin worked in the Kremlin leadership offices.",
                     "In 1930 Stalin served as the Vienna representative of the Soviet bank.",
                     "In 1930 Stalin took part in the Madrid protests."):
        assert [e[1] for e in events(sentence)] == ["Stalin"], sentence


def test_a_sentence_opening_word_before_near_is_no_named_place():
    # "During heavy fighting near Shepetivka" (the Shmidt article) is a fight there, not a place that
    # "During" names and Shepetivka only locates
    assert [e[:2] for e in events("During heavy fighting near Tsaritsyn with the Whites, Stalin was wounded in "
                                  "1918.")] == [("Tsaritsyn", "Stalin")]
    # a determiner is no such word: the factory is what Tula locates; a possessive is (second readers' cases)
    assert events("The factory near Tula was bombed in 1941.") == []
    assert [e[0] for e in events("Her regiment near Tula was encircled in 1941.")] == ["Tula"]


def test_time_divided_between_places_is_spent_in_each():
    assert [e[:2] for e in events("In 1926 Stalin divided his time between his Kremlin flat and a dacha at Zubalova.")] == [
        ("Kremlin", "Stalin"), ("Zubalova", "Stalin")]
    assert [e[:2] for e in events("In 1926 Stalin lived between Moscow and Sochi.")] == [("Moscow", "Stalin"), ("Sochi", "Stalin")]
    # (the Dimitrov probe) months, weeks or summers divided so too
    assert [e[:2] for e in events("In 1941 Stalin divided the following months between Ufa and Kuibyshev.")] == [
        ("Ufa", "Stalin"), ("Kuibyshev", "Stalin")]


def test_forced_into_a_place_one_is_moved_there():
    assert [e[:2] for e in events("In 1908 the police forced him into a cell at Baku.")] == [("Baku", "Stalin")]
    assert [e[:2] for e in events("In 1920 Stalin forced the Polish troops back into Poland.")] == [("Poland", "Polish troops")]


def test_a_move_a_noun_names_is_made_by_whom_its_of_names():
    assert events("In 1936 Stalin arranged the travel of volunteers to France.") == [("France", "volunteers", "travel")]
    assert [e[:2] for e in events("In 1917 Stalin awaited the return of Lenin to Petrograd.")] == [("Petrograd", "Lenin")]
    # where the move is not to the place, the place is the clause's: the return was negotiated there
    found = events("In 1920 Stalin negotiated the return of prisoners of war in Tiflis.")
    assert [e[:2] for e in found] == [("Tiflis", "Stalin")]


def test_an_irregular_participle_opens_a_leading_clause():
    # "Sent by Lenin …, he …": Lenin is the agent of the participle, the subject is "he"
    found = events("Sent by Lenin to Georgia in 1921, he toured factories in Batumi.")
    assert [e[:2] for e in found] == [("Georgia", "Stalin"), ("Batumi", "Stalin")]


def test_a_leading_participle_is_no_lead_when_no_verb_is_left_after_it():
    # "After graduating he worked …, first in …": the comma ends no lead, and the main clause is not lost
    found = events("After graduating in 1923 he worked as a land surveyor, first in Belorussia.")
    assert [e[:2] for e in found] == [("Belorussia", "Stalin")]
    # a pronoun after "that" is inside the lead: the main clause's subject is still the one named after it
    found = events("After learning that he was ill in 1950, Molotov went to Yalta.")
    assert [e[:2] for e in found] == [("Yalta", "Molotov")]
    # and so is a pronoun that opens a reported clause with no "that" (a second reader's cases)
    found = events("Fearing they would arrest him in 1937, Molotov fled to Paris.")
    assert [e[:2] for e in found] == [("Paris", "Molotov")]
    found = events("After hearing she had been arrested in 1949, Molotov went to Yalta.")
    assert [e[:2] for e in found] == [("Yalta", "Molotov")]


def test_a_town_a_place_lies_near_is_no_event_comma_or_not():
    for text in ("In 1922 Stalin visited Lenin at Gorki near Moscow.", "In 1922 Stalin visited Lenin at Gorki, near Moscow."):
        assert [e[0] for e in events(text)] == ["Gorki"]
    # a verb and its object before "near" are no name ("the Germans captured him near …")
    assert [e[0] for e in events("In February 1915 the Germans captured him near Moscow.")] == ["Moscow"]


def test_what_is_said_at_a_gathering_is_said_there():
    assert [e[:2] for e in events("In 1925 Stalin supported Bukharin at the Fourteenth Party Congress in Moscow.")] == [
        ("Moscow", "Stalin")]
    # declining an invitation to a congress puts no one there (nor may the models, which see no refusal)
    for options in (RULES_ONLY, DEFAULT):
        assert [e[:2] for e in events("In 1925 Stalin declined an invitation to a congress in Berlin.", options)] != [
            ("Berlin", "Stalin")]


def test_out_of_a_place_is_where_one_was_unless_one_stayed_out_of_it():
    assert events("In 1937 Stalin survived by staying out of Spain.") == []
    assert [e[0] for e in events("In 1919 the Red Army drove the Whites out of Tsaritsyn.")] == ["Tsaritsyn"]
    assert [e[:3] for e in events("In 1921 Stalin suppressed the revolt in Tiflis.")] == [("Tiflis", "Stalin", "battle")]


def test_time_spent_in_a_country_is_a_stay_there_and_whose_it_says():
    assert [e[:2] for e in events("His service in Finland ended in 1918.")] == [("Finland", "Stalin")]
    assert [e[:2] for e in events("During his stay in Germany in 1907 he met Lenin.")] == [("Germany", "Stalin")]
    assert [e[:2] for e in events("In 1918 Lenin's years in Switzerland ended.")] == [("Switzerland", "Lenin")]


def test_a_post_held_in_a_country_puts_its_holder_there():
    assert events("In 1935 he was military attaché in Germany.") == [("Germany", "Stalin", "work")]
    assert events("In 1932 he was appointed ambassador to Britain.") == [("Britain", "Stalin", "work")]
    # a decree about a country still puts no one there
    assert [e for e in events("In 1932 Stalin decreed new taxes in Britain.") if e[1] == "Stalin"] == []


def test_a_companion_or_an_agent_is_not_the_subject_that_he_means_later():
    found = events("With Kamenev he travelled to Berlin in 1912. In 1913 he went on to Vienna.")
    assert [e[:2] for e in found] == [("Berlin", "Stalin"), ("Vienna", "Stalin")]
    found = events("Sent by Lenin to Baku in 1907, he organised strikes. In 1908 he moved to Tiflis.")
    assert [e[:2] for e in found] == [("Baku", "Stalin"), ("Tiflis", "Stalin")]


def test_he_after_someone_acted_on_him_is_still_the_subject():
    found = events("In 1918 Lenin sent him to Tsaritsyn. Recalled a month later, he returned to Moscow.")
    assert [e[:2] for e in found] == [("Tsaritsyn", "Stalin"), ("Moscow", "Stalin")]


def test_what_happened_to_someone_an_event_noun_names_is_theirs():
    found = events("In 1934 Stalin was in Moscow until the murder of Kirov in Leningrad.")
    assert [e for e in found if e[0] == "Leningrad"] == [("Leningrad", "Kirov", "death")]
    assert [e[:2] for e in events("In 1908 the arrest of Stalin in Baku ended the strikes.")] == [("Baku", "Stalin")]


def test_taking_part_in_a_battle_or_entering_a_place_of_a_town_is_being_there():
    assert events("In July 1943 Stalin took part in the Battle of Kursk.") == [("Kursk", "Stalin", "battle")]
    assert [e[:2] for e in events("In 1901 he entered the law faculty of Moscow University.")] == [
        ("Moscow University", "Stalin")]
    assert [e[:2] for e in events("In 1910 he was transferred to the headquarters of the Kiev Military District.")] == [
        ("Kiev", "Stalin")]


def test_a_sentence_opening_at_a_gathering_in_a_town_is_there():
    assert [e[:2] for e in events("At the Vienna summit in June 1961 he met the president.")] == [("Vienna", "Stalin")]


def test_arresting_someone_in_person_puts_the_life_s_subject_there_but_having_them_arrested_does_not():
    assert events("In June 1953 Stalin helped arrest Lavrentiy Beria in the Kremlin.") == [
        ("Kremlin", "Stalin", "arrest")]
    assert events("In June 1953 Khrushchev helped arrest Lavrentiy Beria in the Kremlin.") == [
        ("Kremlin", "Lavrentiy Beria", "arrest")]
    assert events("In 1937 Stalin had Yenukidze arrested in Tiflis.")[0][:2] == ("Tiflis", "Yenukidze")


def test_heading_a_body_is_leading_it_and_a_relatives_death_is_not_the_subjects():
    assert events("From 1925 to 1928 he headed the Communist Party of Ukraine in Kharkov.") == [("Kharkov", "Stalin", "work")]
    assert events("In 1920 he headed for Kharkov.") == [("Kharkov", "Stalin", "travel")]
    found = events("After his father's death he was sent to Moscow to live with his aunt.")
    assert [(e[0], e[1]) for e in found] == [("Moscow", "Stalin")] and found[0][2] != "death"


def test_accompanying_or_following_someone_somewhere_goes_there_too():
    assert [e[:2] for e in events("In September 1915 Stalin accompanied Lenin to Zimmerwald.")] == [("Zimmerwald", "Stalin")]
    assert [e[:2] for e in events("In September 1939 Stalin followed the Red Army into Poland.")] == [("Poland", "Stalin")]


def test_a_leading_phrase_does_not_make_the_main_clause_unreal():
    for text in ("His health failing, Stalin went to Sochi in the summer of 1948.",
                 "Hoping to reach Paris, Stalin went to Berlin in 1912."):
        assert [e[1] for e in events(text)] == ["Stalin"]
    assert events("In 1912 Stalin hoped to reach Paris.") == []
    # nor does an adjective and its complement, first or after another lead: the want is the adjective's
    for text in ("Afraid of arrest, he fled to Baku in 1907.",
                 "In 1912, eager to see the capital, he travelled to St Petersburg.",
                 "In November 1919, unable to feed them, he placed both girls in an orphanage at Kuntsevo.",
                 "In 1969, having learned that the Chinese would after all receive him, he changed course for Beijing."):
        assert [e[1] for e in events(text)] == ["Stalin"], text
    assert events("Unable to reach Baku, he stayed at home in 1907.") == []     # (inside the lead it is unreal)
    # so does one taking a clause ("Sure that …"); one without its complement leads nothing ("Certain Bolsheviks")
    for text in ("Sure that Trotsky was in Paris, he went to Vienna in 1913.",
                 "Afraid that the police would find him in Baku, he fled to Tiflis in 1907."):
        assert [e[:2] for e in events(text)][-1][1] == "Stalin", text
    assert [e[:2] for e in events("Certain Bolsheviks in Baku were arrested in 1909.")] == [("Baku", "Certain Bolsheviks")]


def test_a_route_by_way_of_places_and_a_so_called_train_pass_through_them():
    text = "In April 1917 Stalin travelled in the so-called sealed train across Germany, then by way of Finland, to Petrograd."
    assert [e[:2] for e in events(text)] == [("Germany", "Stalin"), ("Finland", "Stalin"), ("Petrograd", "Stalin")]
    assert events("Making his way to Georgia in 1902, he joined a group.") == [("Georgia", "Stalin", "travel")]


def test_a_negation_or_a_wish_stops_at_and_before_a_second_verb():
    found = events("In August 1917 Lenin left for Finland, but Stalin did not follow him and hid in Petrograd instead.")
    assert ("Petrograd", "Stalin") in [e[:2] for e in found]
    assert [e[:2] for e in events("In 1913 he wanted to leave and went to Vienna.")] == [("Vienna", "Stalin")]
    assert events("In 1917 he did not go to Petrograd.") == []


def test_a_town_that_only_says_where_a_paper_is_printed_is_no_stop():
    assert events("In October 1924 the forged letter, published in a London newspaper, bore his name.") == []
    assert events("In December 1925 his Leningrad opposition was defeated at the congress.") == []
    assert events("In 1949 he directed the investigation of the Leningrad affair.") == []


def test_a_group_named_after_a_conjunction_is_the_group():
    found = events("When German troops cut off Leningrad in September 1941, Stalin stayed in Moscow.")
    assert [e[:2] for e in found] == [("Leningrad", "German troops"), ("Moscow", "Stalin")]


def test_a_town_before_a_noun_still_locates_where_one_goes_stays_or_meets():
    assert [e[:2] for e in events("In 1935 Stalin visited the Moscow metro.")] == [("Moscow", "Stalin")]
    assert [e[:2] for e in events("In 1919 Stalin commanded the Tsaritsyn front.")] == [("Tsaritsyn", "Stalin")]
    assert events("In 1990 research by the Moscow playwright Radzinsky was published.") == []
    # and where a happening at the town is put down: it happened there
    assert [e[:2] for e in events("In 1921 Stalin helped suppress the Kronstadt rebellion.")] == [
        ("Kronstadt", "Stalin")]


def test_a_wish_granted_tells_where_it_was_granted():
    sentence = "In 1916 he successfully requested that he spend his last months in Achinsk."
    assert not linked(sentence, "Achinsk").irrealis
    assert ("Achinsk", "Stalin") in [e[:2] for e in events(sentence)]
    assert linked("In 1916 he requested that he spend his last months in Achinsk.", "Achinsk").irrealis


def test_what_one_had_done_to_another_puts_the_other_there():
    # (the Stalin Georgia probe) "had him enrolled at the Gori church school": the boy is there, not his mother
    text = ("Ivan Petrov (1878–1950) was a Soviet official. Petrov was born in Tula in 1878.\n\n"
            "His mother Maria, who wanted him to become a priest, had him enrolled at the church school in Tiflis in "
            "1888. In 1918 Lenin had Kamenev sent to Tsaritsyn.")
    frame = extract(text, fallback=False, progress=False)
    assert [(r["name"], r["actor"]) for r in frame.to_dict("records")][1:] == [
        ("Tiflis", "Ivan Petrov"), ("Tsaritsyn", "Kamenev")]
    # (a second reader's cases) not an owner, a word that is no participle, the next predicate, a story's present
    for sentence in ("In 1917 he had Lenin's agreement in Petrograd to publish the paper.",
                     "In 1926 he had Zinoviev present at the meeting in Leningrad.",
                     "In 1926 he had Zinoviev removed from Kiev and settled in Leningrad himself.",
                     "A story has Zinoviev put on a steamer to Leningrad in 1920."):
        assert events(sentence, RULES_ONLY)[-1][:2] != ("Leningrad", "Zinoviev"), sentence


def test_a_skill_learnt_is_learnt_where_the_clause_says_but_news_learnt_of_is_no_event():
    assert not linked("In 1922 he learned to fly at the flying school in Tiflis.", "Tiflis").irrealis
    assert ("Tiflis", "Stalin") in [e[:2] for e in events("In 1922 he learned to fly at the flying school in Tiflis.")]
    assert not linked("In 1927 he learned Chinese at the academy in Moscow.", "Moscow").irrealis
    assert linked("In 1917 he learned that the Bolsheviks had seized power in Petrograd.", "Petrograd").irrealis
    # (a second reader's cases) news learnt however it is told after the verb
    for sentence in ("In 1934 he learned by telegram that Kirov had been shot in Leningrad.",
                     "In 1919 he learned to his dismay that Denikin had taken Leningrad.",
                     "In 1918 he learned his brother had been killed at Leningrad.",
                     "In 1924 he learned Lenin had died near Leningrad."):
        assert linked(sentence, "Leningrad").irrealis, sentence


def test_someone_had_done_to_someone_else_puts_that_one_there_not_the_one_who_had_it_done():
    found = events("In 1937 Stalin had Tukhachevsky arrested in Kuibyshev and shot in Moscow.")
    assert [e[:2] for e in found] == [("Kuibyshev", "Tukhachevsky"), ("Moscow", "Tukhachevsky")]
    assert [e[:2] for e in events("In 1944 Stalin had the Chechens deported to Kazakhstan.")] == [
        ("Kazakhstan", "Chechens")]
    # the one had sent is the subject: he went
    assert [e[:2] for e in events("In 1913 the police had him sent to Kureika.")] == [("Kureika", "Stalin")]
    assert [e[:2] for e in events("In 1913 he had lived in Kureika.")] == [("Kureika", "Stalin")]


def test_a_reflexive_object_is_the_one_who_acted():
    # "himself" is Tomsky, not the last man named before the sentence
    assert [e[:2] for e in events("In August 1936 Mikhail Tomsky shot himself at his flat in Moscow.")] == [
        ("Moscow", "Mikhail Tomsky")]
    assert [e[:2] for e in events("In 1936 he shot himself at his flat in Moscow.")] == [("Moscow", "Stalin")]


def test_a_possessive_after_and_is_the_one_named_before_it():
    # "his family" is the tsar's: the family the subject travels with is not in this sentence
    found = events("In 1918 the tsar and his family were shot by the Ural Soviet in Moscow.")
    assert [e[1] for e in found] == ["tsar and his family"]
    assert [e[:2] for e in events("In 1918 his family moved to Moscow.")] == [("Moscow", "Stalin")]


def test_the_towns_a_district_lies_between_are_no_stops():
    assert events("In July 1948 he was sent to rest in the lake district between Moscow and Leningrad.") == []
    # one who goes between them, or along the railway between them, is in both
    assert [e[0] for e in events("In 1920 he travelled between Moscow and Leningrad.")] == ["Moscow", "Leningrad"]
    assert [e[0] for e in events("In 1918 Stalin travelled on the railway between Moscow and Tsaritsyn.")] == [
        "Moscow", "Tsaritsyn"]


def test_a_towns_clock_is_no_stop():
    found = events("In April 1961 Stalin flew to Kazan, and at 9:07 Moscow time the rocket rose.")
    assert [e[0] for e in found] == ["Kazan"]


def test_a_town_that_stands_for_its_rulers_is_no_stop():
    found = events("In 1920 he was sent to Tashkent to restore Moscow's control over Central Asia.")
    assert [e[0] for e in found] == ["Tashkent"]
    assert events("In 1935 his articles were read as the Kremlin's own voice.") == []
    assert events("In 1934, on Moscow's instructions, he broke openly with the left.") == []
    # a town's possessive may still be the scene: "Baku's warring factions", "Petrograd's power station"
    assert [e[:2] for e in events("In 1905 he tried to keep Baku's warring factions apart.")] == [("Baku", "Stalin")]


def test_a_death_that_only_dates_a_clause_is_no_death_at_its_place():
    found = events("In 1920 he went to Tiflis. After his death in 1953 the city of Gori built a museum.")
    assert ("Gori", "unknown", "other") in found
    assert [e[2] for e in events("A month after his death Königsberg was renamed Kaliningrad.")] == ["rename"]
    # the place of the death itself is still a death
    assert ("Moscow", "Stalin", "death") in events("After his death in Moscow in 1953, the city of Gori built a museum.")


@pytest.mark.parametrize("sentence", [
    "In 1927 he was called to Moscow to work in the Central Committee.",   # called to: summoned
    "In 1929 he recanted and was allowed back to Moscow.",                 # back to: a move, whatever the verb
    "In 1919 he was buried beside the Kremlin Wall.",                      # beside: where he lies
])
def test_summoned_let_back_or_buried_beside_puts_the_subject_there(sentence):
    assert [e[1] for e in events(sentence)] == ["Stalin"]


def test_who_leaves_a_place_for_another_goes_there():
    assert [e[:2] for e in events("In 1908 he left Moscow for Kiev.")] == [("Kiev", "Stalin")]
    assert [e[:2] for e in events("In 1908 he left Russian Poland for Germany.")] == [("Germany", "Stalin")]
    # a place moved into another is no journey of the one who moved it
    found = events("In 1921 Stalin was bringing Georgia into the Soviet Union.")
    assert "Stalin" not in [e[1] for e in found]


def test_a_town_that_only_says_where_a_named_site_lies_is_no_stop():
    found = events("In 1938 he was shot at the Butovo firing range near Moscow and was rehabilitated in 1988.")
    assert "Moscow" not in [e[0] for e in found]
    # one born near a town was born there, as near as the map can say
    assert [e[:3] for e in events("He was born near Moscow in 1890.")] == [("Moscow", "Stalin", "birth")]
    assert [e[:2] for e in events("In 1935 Stalin often stayed near Sochi.")] == [("Sochi", "Stalin")]


def test_a_relative_after_with_is_not_the_subject():
    found = events("In 1934 he went to Kiev. In Kiev, with his young second wife Nadya, he had a quiet post.")
    assert [e[1] for e in found] == ["Stalin", "Stalin"]


def test_one_is_on_islands_as_on_a_front():
    assert [e[:2] for e in events("In 1929 he visited the prison camp on the Solovetsky Islands.")] == [
        ("Solovetsky Islands", "Stalin")]


def test_a_continent_is_a_stop_only_when_one_goes_to_or_across_it():
    assert "Europe" not in [e[0] for e in events("In 1945 the Red Army took Berlin, ending the war in Europe.")]
    assert "Europe" not in [e[0] for e in events("In 1930 Stalin feared the workers of Europe.")]
    assert ("Europe", "Stalin") in [e[:2] for e in events("In 1907 Stalin travelled to Europe.")]
    assert ("Europe", "Stalin") in [e[:2] for e in events("In 1907 Stalin arrived in Europe.")]
    assert ("Europe", "Stalin") in [e[:2] for e in events("In 1907 Stalin toured Europe.")]


def test_a_purpose_set_before_the_main_verb_does_not_make_it_unreal():
    assert [e[:2] for e in events("In 1880, to avoid arrest, he left for Geneva.")] == [("Geneva", "Stalin")]
    assert events("In 1880 he decided to avoid Geneva.") == []


def test_someone_who_receives_him_puts_him_there():
    found = events("In 1930 Stalin went to Sochi. In 1945 Lenin received him in the Kremlin.")
    assert ("Kremlin", "Stalin") in [e[:2] for e in found]
    # so does one who employs or hires him there, or locks him up there
    for text, place in (("In 1918 the Cheka employed him in Petrograd as a translator.", "Petrograd"),
                        ("In 1906 the actress engaged him as director of her theatre in St Petersburg.", "St Petersburg"),
                        ("In 1909 the Germans handed him over to the Russians, who locked him in the Metekhi Castle.",
                         "Metekhi Castle")):
        assert [e[:2] for e in events("In 1900 Stalin went to Sochi. " + text)][-1] == (place, "Stalin"), text
    # (not one locked out of a place; but one arrested on a train out of it was arrested there)
    assert [e[:2] for e in events("In 1920 the Whites locked the Reds out of Tsaritsyn.")] == [("Tsaritsyn", "Whites")]


def test_a_town_one_deals_with_stands_for_its_government():
    found = events("In 1933 he was appointed ambassador to Spain, where relations with Moscow had just been set up.")
    assert "Moscow" not in [e[0] for e in found]
    assert "Berlin" not in [e[0] for e in events("In 1939 Stalin signed a pact with Berlin.")]


def test_what_one_crosses_is_a_way_not_someone_moved():
    # (the river crossed is where he was, not someone he moved)
    assert [e[:2] for e in events("In 1921 Stalin crossed the Dniester into Romania.")] == [
        ("Dniester", "Stalin"), ("Romania", "Stalin")]


def test_a_pronoun_and_its_verb_after_a_predicate_open_a_clause_of_their_own():
    # after "and", or after a leading "When …" with no comma: "he" is the one who fled, not the army
    assert ("Vienna", "Stalin") in [e[:2] for e in events("In 1925 the Red Army occupied Kiev and he fled to Vienna.")]
    assert ("Vienna", "Stalin") in [e[:2] for e in events("When the German army reached Kiev in 1925 he fled to Vienna.")]
    assert ("Kiev", "Red Army") in [e[:2] for e in events("In 1925 the Red Army occupied Kiev and he fled to Vienna.")]
    # "his wife and he" is one subject
    assert [e[:2] for e in events("In 1925 his wife and he moved to Kiev.")] == [("Kiev", "Stalin")]
    # so does a relative of his after "and": "his father had moved", not he
    assert [e[:2] for e in events("In 1920 he came home to Gori, and his father had moved to Tiflis.")] == [
        ("Gori", "Stalin"), ("Tiflis", "father")]
    assert [e[:2] for e in events("In 1923 his mother died and his father moved to Kutaisi.")] == [
        ("Kutaisi", "father")]


def test_a_leading_place_puts_the_subject_there_whatever_they_thought():
    assert [e[:2] for e in events("Along the Southwest Front, he became determined to take Lvov.")][:1] == [
        ("Southwest Front", "Stalin")]
    assert [e[:2] for e in events("In Tsaritsyn, he decided to purge the specialists.")] == [
        ("Tsaritsyn", "Stalin")]
    # a country leading a decree's clause is where the decree applies, not where its author was
    assert events("In Ukraine, he ordered the seizure of grain.") == []


def test_a_secretary_or_a_chairman_of_a_towns_body_is_there():
    assert [e[:2] for e in events("In 1920 he was appointed secretary of the Tiflis committee.")] == [("Tiflis", "Stalin")]
    # a post over something at the place: the place ends the chain
    assert [e[:2] for e in events("In 1921 he became head of the combat troops in Tambov Governorate.")] == [
        ("Tambov Governorate", "Stalin")]
    assert [e[:2] for e in events("In 1921 he was inspector of cavalry of the Red Banner Caucasus Army.")] == [
        ("Caucasus", "Stalin")]


def test_one_chosen_as_a_delegate_to_a_place_is_there():
    for sentence in ("In 1905 the Bolsheviks of Tiflis chose Stalin as one of their two delegates to a gathering "
                     "in Tampere.", "In 1905 Stalin was a Bolshevik. The party chose him as its delegate to "
                     "the congress in Tampere."):
        assert ("Tampere", "Stalin") in [e[:2] for e in events(sentence)]


def test_a_group_the_next_sentence_names_the_subject_among_went_with_them():
    found = events("In 1917 the exiles in Achinsk travelled to Petrograd. Chief among them were Kamenev and Stalin.")
    assert ("Petrograd", "Stalin") in [e[:2] for e in found]
    found = events("In 1917 the exiles in Achinsk travelled to Petrograd. Chief among them were Kamenev and Muranov.")
    assert ("Petrograd", "Stalin") not in [e[:2] for e in found]


def test_the_prisoners_right_after_the_subjects_arrest_include_the_subject():
    found = events("In 1908 he was arrested in Baku. The prisoners were taken to Vologda.")
    assert ("Vologda", "Stalin") in [e[:2] for e in found]
    found = events("In 1908 the police raided a printing shop in Baku. The prisoners were taken to Vologda.")
    assert ("Vologda", "Stalin") not in [e[:2] for e in found]



@pytest.mark.parametrize("fellows", ["editors", "guests", "defendants", "sixteen defendants"])
def test_the_editors_guests_or_defendants_after_a_sentence_about_the_subject_include_the_subject(fellows):
    # (the Lenin, Bulganin and Zinoviev probes) the body the subject was one of, as the crew or the prisoners
    found = events(f"In 1900 Stalin founded a paper with two friends. In April 1902 the {fellows} moved to London.")
    assert ("London", "Stalin") in [e[:2] for e in found]
    found = events(f"In 1900 the police closed a paper in Tiflis. In April 1902 the {fellows} moved to London.")
    assert ("London", "Stalin") not in [e[:2] for e in found]

def test_one_who_goes_along_with_the_movers_is_there_too():
    found = events("On 23 August 1939 Ribbentrop flew to Moscow, and that night he and Stalin signed a treaty.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin")]
    assert [e[:2] for e in events("In 1934 the Politburo travelled to Vienna, and Stalin accompanied them.")] == [
        ("Vienna", "Stalin")]
    assert [e[:2] for e in events("In 1934 the Politburo travelled to Vienna, and Lenin accompanied them.")] == [
        ("Vienna", "Politburo")]
    found = events("In March 1918 the government left Petrograd for Moscow, and Stalin moved with it.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin")]


def test_a_phrase_opening_the_main_clause_is_no_lead_when_a_participle_follows_its_comma():
    found = events("After the July Days he was arrested by the Provisional Government and held in the Kresty "
                   "prison, accused together with Lenin of working for Germany.")
    assert [e[:2] for e in found] == [("Kresty prison", "Stalin")]


def test_one_named_in_passing_holds_he_for_the_next_sentence_only():
    pages = "Stalin read a great deal in those years and wrote even more. " * 50     # a text of some length
    text = (pages + "\n\nIn 1913 he went to Vienna. Adolf Hitler was living in Vienna at the same time. "
            "He wrote an article there. In March 1913 he was arrested in Petrograd. In 1914 he lived at Kureika.")
    found = [e[:2] for e in events(text)]
    assert ("Petrograd", "Stalin") in found and ("Kureika", "Stalin") in found
    # in a short text, twice is all anyone is named: the man named last keeps "he"
    found = [e[:2] for e in events(text[len(pages) + 2:])]
    assert ("Petrograd", "Adolf Hitler") in found
    # a woman named as a subject does not take "he": her name is known as a woman's
    found = events("In 1907 Kato died in Tiflis. In 1908 he was arrested in Baku.")
    assert ("Baku", "Stalin") in [e[:2] for e in found]


def test_he_after_the_subject_opening_the_sentence_is_the_subject():
    # (a probe text of the dev part: a paragraph about Denikin's advance, then "Stalin was appointed … at the
    # end of September, and early in October he arrived at the front's headquarters in Serpukhov")
    path = Path(__file__).parent / "data" / "texts" / "stalin-civilwar-probe.txt"
    rows = extract(path, progress=False).to_dict("records")
    assert [r["actor"] for r in rows if r["name"] == "Serpukhov"] == ["Stalin"]


def test_a_paragraph_after_an_aside_goes_back_to_the_subject():
    text = ("In 1910 Stalin was exiled to Narym. There he lived in a wooden house. He read and he wrote. Kamenev, "
            "too, was sent to Narym, though he escaped within weeks.\n\nReleased in 1912, he went back to Baku. "
            "In 1915 he passed through Irkutsk.")
    found = [e[:2] for e in events(text)]
    assert ("Baku", "Stalin") in found and ("Irkutsk", "Stalin") in found
    # a paragraph about the other man keeps him
    text = ("In 1910 Stalin was exiled to Narym. Kamenev was sent to Narym too. Kamenev escaped within weeks. "
            "Kamenev wrote.\n\nIn 1912 he went back to Baku.")
    assert ("Baku", "Kamenev") in [e[:2] for e in events(text)]


def test_he_after_a_sentence_about_the_subjects_doings_is_the_subject():
    found = events("In 1926 Kirov was sent to Leningrad. The rhythm of Stalin's year changed too. "
                   "In 1927 he took a long holiday in Sochi.")
    assert ("Sochi", "Stalin") in [e[:2] for e in found]
    # with no word of the subject between, "he" is still the man named last
    found = events("In 1926 Kirov was sent to Leningrad. The rhythm of the party's year changed too. "
                   "In 1927 he took a long holiday in Sochi.")
    assert ("Sochi", "Kirov") in [e[:2] for e in found]


def test_a_list_of_countries_goes_on_over_the_date_of_its_member():
    found = events("In June 1940 Soviet troops occupied Lithuania on 15 June and Latvia and Estonia two days later.")
    assert [e[0] for e in found] == ["Lithuania", "Latvia", "Estonia"]


def test_an_assault_on_a_region_or_clearing_it_is_fighting_there():
    assert [e[:2] for e in events("In April 1945 his assault on the Seelow Heights was slow and costly.")] == [
        ("Seelow Heights", "Stalin")]
    assert [e[0] for e in events("In February 1945 he first cleared Pomerania.")] == ["Pomerania"]
    assert [e[:2] for e in events("In May 1920 he launched an offensive in Belarus.")] == [("Belarus", "Stalin")]
    # "Soviet forces" is a noun phrase, not a clause with its own verb
    assert [e[0] for e in events("In May 1939 Japanese troops clashed with Mongolian and Soviet forces on the "
                                 "Khalkhin Gol river.")] == ["Khalkhin Gol"]
    assert Tag.WORD is {t.text: t for t in tag("Mongolian and Soviet forces fought.")}["forces"].tag


def test_one_who_takes_over_a_front_is_there():
    assert [e[:2] for e in events("On 10 October 1941 he took over the Western Front.")] == [("Western Front", "Stalin")]


def test_one_who_takes_a_salute_or_an_oath_somewhere_is_there():
    assert [e[:2] for e in events("On 7 November 1941 he took the salute at the parade on Red Square.")] == [
        ("Red Square", "Stalin")]


def test_the_three_leaders_after_a_sentence_naming_the_subject_include_him():
    found = events("In November 1943 Stalin went to Tehran. In 1944 Soviet forces entered Romania. "
                   "The three leaders met again at Yalta in February 1945.")
    assert ("Yalta", "Stalin") in [e[:2] for e in found]


def test_someone_no_list_knows_who_flies_to_the_subject_is_not_the_subject_on_the_way():
    found = events("In August 1942 Churchill flew to Moscow by way of Baku and Tehran to tell Stalin of the plans.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin"), ("Baku", "Churchill"), ("Tehran", "Churchill")]
    # an adverb opening the sentence is nobody
    assert [e[:2] for e in events("Already arrested once in 1904, he went to Moscow.")] == [("Moscow", "Stalin")]


def test_a_name_and_its_verb_after_a_predicate_open_a_clause_of_their_own():
    assert [e[:2] for e in events("In 1917 the Germans took Riga and Stalin withdrew to Pskov.")] == [
        ("Riga", "Germans"), ("Pskov", "Stalin")]
    assert [e[:2] for e in events("In 1916 the Romanian army collapsed and the Germans occupied Romania.")] == [
        ("Romania", "Germans")]
    # names before the first verb are one subject
    assert [e[:2] for e in events("In 1917 Kamenev and Stalin returned to Petrograd.")] == [("Petrograd", "Stalin")]


def test_taking_no_part_in_fighting_at_a_place_is_not_being_there():
    assert events("In 1939 he took no part in the fighting at Tsaritsyn, where Voroshilov made his name.") == []
    assert [e[0] for e in events("In 1918 he took part in the fighting at Tsaritsyn.")] == ["Tsaritsyn"]


def test_a_front_said_to_lie_north_west_of_a_town_is_the_place():
    assert [e[:2] for e in events("On 17 October 1941 he took over the new Kalinin Front north-west of Moscow.")] == [
        ("Kalinin Front", "Stalin")]


def test_a_name_and_its_verb_after_a_time_with_no_comma_are_the_main_clause():
    found = events("In little more than a week Stalin led his cavalry back across the Volga, taking Tsaritsyn and "
                   "cutting the supply lines of the White armies that were advancing on Moscow.")
    assert ("Tsaritsyn", "Stalin") in [e[:2] for e in found]


def test_a_town_said_to_lie_near_the_shore_of_a_sea_is_the_place():
    assert [e[0] for e in events("In 1907 he was sent to Mezen, a small wooden town near the shore of the "
                                 "White Sea.")] == ["Mezen"]


def test_the_subjects_family_by_surname_is_the_subject():
    found = events("In 1890 the Stalins owned a mill at Tiflis.")
    assert [e[:2] for e in found] == [("Tiflis", "Stalin")]


def test_a_town_a_named_place_lies_near_or_on_the_edge_of_only_locates_it():
    assert [e[0] for e in events("In August 1943 he visited Zubalovo, a village near Rzhev.")] == ["Zubalovo"]
    assert [e[0] for e in events("In 1947 he moved to Kuntsevo, on the western edge of Moscow.")] == ["Kuntsevo"]
    assert [e[0] for e in events("In 1947 he lived on the outskirts of Moscow.")] == ["Moscow"]


def test_a_town_opening_its_clause_with_a_verb_of_its_government_is_no_stop():
    for sentence in ("In May 1949 Moscow lifted the blockade.", "In 1946 Helsinki protested.",
                     "In 1939 Berlin and London followed the quarrel closely.",
                     "Later, Washington protested the coup.",
                     "In 1925 Moscow, in return, accepted Norwegian rule over Spitsbergen."):
        assert events(sentence) == [], sentence
    # what befell the town itself, or a town acted on, is an event there
    assert [e[0] for e in events("In 1941 Kiev fell to the Germans.")] == ["Kiev"]
    assert [e[0] for e in events("In 1920 Odessa welcomed Stalin.")] == ["Odessa"]
    assert [e[0] for e in events("In 1941 the Red Army retook Kiev.")] == ["Kiev"]


def test_fighting_across_or_around_a_place_or_leading_troops_into_it_puts_the_fighter_there():
    assert [e[:2] for e in events("In 1918 he fought across the Urals.")] == [("Urals", "Stalin")]
    assert [e[:2] for e in events("In 1919 he took part in the battles around Voronezh.")] == [("Voronezh", "Stalin")]
    assert [e[:2] for e in events("In 1918 he led the Red Army into Ekaterinodar.")] == [("Ekaterinodar", "Stalin")]


def test_a_place_people_or_things_came_from_is_no_event_of_the_sentence():
    assert [e[0] for e in events("In 1935 the manoeuvres at Kiev were watched by observers from France.")] == ["Kiev"]
    assert events("In 1940 Stalin ignored warnings from London.") == []
    assert events("In 1920 he received a letter from Vienna.") == []
    # a verb of going or staying keeps it ("graduated from", "returned from")
    assert [e[0] for e in events("In 1920 he returned from Vienna.")] == ["Vienna"]
    assert [e[0] for e in events("In 1899 he graduated as a doctor from the Tiflis Seminary.")] == ["Tiflis Seminary"]
    # and so does speaking by radio from it: the speaker is there
    found = events("On 9 May 1945 he spoke to the country by radio from the Kremlin, announcing the end of the war.")
    assert [e[:2] for e in found] == [("Kremlin", "Stalin")]
    # or telegraphing from it (the Stalin probe of the 1930s: "Stalin and Zhdanov telegraphed from Sochi that …")
    found = events("In September 1936 he telegraphed from Sochi that Yagoda had failed.")
    assert [e[:2] for e in found] == [("Sochi", "Stalin")]


def test_a_list_after_from_is_of_origins():
    found = events("In 1920 the soldiers sailed from Sevastopol, Yalta and Kerch to Constantinople.")
    assert [e[0] for e in found] == ["Constantinople"]


def test_a_group_word_before_a_noun_or_after_his_and_an_article_is_no_actor():
    found = events("While on holiday at a government dacha in Sochi, he was arrested in 1938.")
    assert [e[:2] for e in found] == [("Sochi", "Stalin")]
    found = events("Under his command the army defeated the Whites at Kazan in October 1922.")
    assert [e[:2] for e in found] == [("Kazan", "Stalin")]
    # a group that acts is still one
    assert [e[:2] for e in events("In 1920 the police arrested Kamenev in Baku.")] == [("Baku", "Kamenev")]
    # nor one that only says what kind of thing a phrase's noun is ("a course for cavalry sergeants")
    found = events("In 1907 the regiment chose him for a riding course for cavalry sergeants at the Smolny Institute.")
    assert [e[1] for e in found] != ["cavalry"]
    # nor a plural's possessive before its noun ("a workers' district")
    # "the British journalist Phillip Knightley" is the man, "troops under Tukhachevsky" are the troops
    found = events("In January 1988 the British journalist Phillip Knightley came to Moscow.")
    assert [e[:2] for e in found] == [("Moscow", "Phillip Knightley")]
    found = events("On 18 March troops under Mikhail Tukhachevsky crossed the ice and stormed Kronstadt.")
    assert [e[:2] for e in found] == [("Kronstadt", "troops")]
    found = events("In July it fell to him to report to the congress, which met in a workers' district of Petrograd.")
    assert [e[0] for e in found] == ["Petrograd"] and "workers" not in found[0][1]


def test_a_month_before_a_possessive_group_is_no_part_of_it():
    found = events("In April Piłsudski's army marched into Kiev.")
    assert [e[1] for e in found] == ["Piłsudski's army"]


def test_a_leading_phrase_holds_no_possessive_subject_and_its_verb():
    # "In autumn 1929 his forces invaded Manchuria," is a clause, not a leading phrase: its subject acts on
    found = events("In autumn 1929 his forces invaded Manchuria, defeated the Chinese troops at Kazan, and took Baku.")
    assert {e[1] for e in found} == {"forces"}


def test_an_adverb_between_be_and_the_place_and_a_new_predicate_after_a_plan():
    assert [e[:2] for e in events("In 1921 he was still in France.")] == [("France", "Stalin")]
    # a plan makes unreal its own predicate, not the next one ("and personally led", ", travelling")
    assert [e[0] for e in events("He planned the raids and personally led them to Riga in 1915.")] == ["Riga"]
    assert [e[0] for e in events("In 1926 he drew up the plan of the campaign, travelling with the army to Kazan.")] == [
        "Kazan"]
    assert events("In 1942 Churchill told him that there would be no second front in France.") == []


def test_whose_body_or_which_group_a_relative_clause_names_is_who_went():
    found = events("In 1961 Stalin's body was moved to a grave in the Kremlin Wall Necropolis.")
    assert [e[:2] for e in found] == [("Kremlin Wall Necropolis", "Stalin")]
    # "his body": the one "his" means (the rules' reading; the attribution model may still doubt it)
    found = events("Stalin died in 1953. His body was taken by train to Tiflis.", replace(DEFAULT, attribution=False))
    assert [e[:2] for e in found] == [("Tiflis", "Stalin")]
    found = events("In 1930 Stalin ordered the liquidation of the kulaks, many of whom were deported to the Urals.")
    assert [e[:2] for e in found] == [("Urals", "kulaks")]
    # a companion is someone of the household, not the subject
    assert [e[:2] for e in events("In 1975 his companion Anna Timiryova died in Moscow.")] == [
        ("Moscow", "Anna Timiryova")]
    # ships that carry him take him there
    assert [e[:2] for e in events("In March 1920 British ships carried him to the Crimea.")] == [("Crimea", "Stalin")]


def test_an_event_judged_happened_an_event_planned_did_not():
    assert [e[:2] for e in events("In 1968 he condemned the Soviet invasion of Czechoslovakia.")] == [
        ("Czechoslovakia", "unknown")]
    assert events("In 1968 he planned the invasion of Czechoslovakia.") == []
    assert events("In 1939 he opposed sending troops to Finland.") == []


def test_rivers_ranges_and_seas_are_places_one_fights_on_or_in():
    assert [e[:2] for e in events("In 1918 he fought on the Dniester.")] == [("Dniester", "Stalin")]
    assert [e[:2] for e in events("In 1915 he fought in the Carpathians.")] == [("Carpathians", "Stalin")]
    assert [e[:2] for e in events("In 1916 he commanded the Black Sea Fleet.")] == [("Black Sea Fleet", "Stalin")]
    # a river a named place lies on only locates it
    assert "Volga" not in [e[0] for e in events("In 1915 he was taken to Sviyazhsk on the Volga.")]


def test_where_a_retreat_starts_is_no_stop_and_an_army_near_a_town_fights_there():
    assert [e[:3] for e in events("In 1915 his troops withdrew from Galicia to Volhynia.")] == [
        ("Volhynia", "troops", "travel")]
    assert [e[:2] for e in events("In 1920 he fought against the Polish army near Kharkov.")] == [
        ("Kharkov", "Stalin")]


def test_a_leading_phrase_is_no_subordinate_clause_when_the_main_subject_follows_it():
    # (the rules' reading: the attribution model withdraws the second district, whose clause link reads
    # as a subject's, not an object's; linking it as the object cost a held-out hit)
    found = events("After the war he commanded the Kiev Military District, the Petrograd Military District and "
                   "the Red Army in Tiflis.", replace(DEFAULT, attribution=False))
    assert {e[1] for e in found} == {"Stalin"}
    assert [e[:2] for e in events("During the unrest of 1905 his company was sent to Georgia.")] == [
        ("Georgia", "Stalin")]
    # a true subordinate clause keeps its comma
    assert [e[:2] for e in events("After he returned to Moscow, Lenin sent Kamenev to Baku.")][-1] == ("Baku", "Kamenev")


def test_a_country_annexed_or_occupied_is_a_scene_not_an_actor():
    assert [e[:3] for e in events("In 1940 Lithuania was annexed by the Soviet Union.")] == [
        ("Lithuania", "unknown", "annexation")]
    assert [e[:2] for e in events("In June 1940 Latvia and Estonia were occupied.")] == [
        ("Latvia", "unknown"), ("Estonia", "unknown")]
    # a place after a preposition is no actor; a month before a group is no part of it
    assert [e[:2] for e in events("In 1939 the fighting in Karelia went badly for the Red Army.", RULES_ONLY)] == [
        ("Karelia", "unknown")]
    assert [e[:2] for e in events("On 30 November Soviet troops attacked Finland.")] == [("Finland", "Soviet troops")]


def test_the_villages_or_most_of_a_country_and_a_list_over_a_compass_word_are_scenes():
    assert [e[0] for e in events("In 1930 grain was seized in the villages of Ukraine.")] == ["Ukraine"]
    assert [e[0] for e in events("In 1930 thousands were deported to the Urals, Western Siberia and northern "
                                 "Kazakhstan.")] == ["Urals", "Western Siberia", "Kazakhstan"]


def test_a_district_named_after_a_town_is_in_the_town_it_is_a_district_of():
    found = events("In 1917 he took part in the rising in the Vyborg district of Petrograd.")
    assert [e[0] for e in found] == ["Petrograd"]


def test_people_counted_are_the_group_that_moves():
    found = events("In 1930 brigades seized grain; some 1.8 million people were deported to the Urals.")
    assert [e[:2] for e in found] == [("Urals", "people")]


def test_a_town_after_and_with_a_verb_of_its_own_opens_a_clause_not_a_list():
    found = events("In 1937 relations worsened after the invasion of China, and Moscow feared that Koreans would spy.")
    assert "Moscow" not in [e[0] for e in found]
    assert [e[0] for e in events("In 1937 he was reburied in the Donskoy Monastery in Moscow.")] == ["Donskoy Monastery"]


def test_a_country_a_happening_struck_or_where_one_began_is_a_scene():
    assert [e[:2] for e in events("In 1932 famine struck Ukraine.")] == [("Ukraine", "unknown")]
    assert [e[0] for e in events("In 1929 collectivisation began in Ukraine.")] == ["Ukraine"]
    assert [e[0] for e in events("In 1948 Stalin backed the communist coup in Czechoslovakia.")] == ["Czechoslovakia"]
    # a country a government acts on stays a polity
    assert events("In 1932 Stalin feared Poland.") == []


def test_what_is_sent_is_not_the_sender_and_an_army_sweeping_through_a_country_is_there():
    assert [e[:2] for e in events("In 1936 Stalin sent military aid to Spain.")] == [("Spain", "unknown")]
    assert [e[:2] for e in events("In 1936 Stalin sent Molotov to Berlin.")] == [("Berlin", "Molotov")]
    assert [e[:2] for e in events("In 1944 the Red Army swept through Belorussia.")] == [("Belorussia", "Red Army")]
    assert [e[:2] for e in events("In 1947 a famine gripped Ukraine and Moldavia.")] == [
        ("Ukraine", "unknown"), ("Moldavia", "unknown")]


def test_a_post_of_a_town_and_a_wound_on_a_front_put_one_there():
    assert [e[:2] for e in events("In 1935 he was appointed commander of the Leningrad Military District.")] == [
        ("Leningrad", "Stalin")]
    assert [e[:2] for e in events("In 1920 he was elected chairman of the Moscow Soviet.")] == [("Moscow", "Stalin")]
    assert [e[:2] for e in events("In 1919 he was wounded on the Southern Front.")] == [("Southern Front", "Stalin")]
    assert [e[:2] for e in events("In 1918 he fought against the Czechoslovak Legion near Kazan.")] == [
        ("Kazan", "Stalin")]


def test_a_place_in_a_leading_clause_is_that_clauses_subjects():
    # (the Kuibyshev probe) the rules' reading
    rules = replace(DEFAULT, attribution=False)
    found = events("After Felix Dzerzhinsky collapsed and died in Moscow in July 1926, Stalin succeeded him as "
                   "chairman.", rules)
    assert [e[:2] for e in found] == [("Moscow", "Felix Dzerzhinsky")]
    # the subject of the predicate that holds the place (a second reader's cases)
    found = events("After Kamenev was arrested and Zinoviev was taken to Moscow in 1934, he was questioned.", rules)
    assert [e[:2] for e in found] == [("Moscow", "Zinoviev")]
    found = events("When the Germans invaded and Minsk fell in June 1941, he was in the city.", rules)
    assert [e[:2] for e in found] == [("Minsk", "Stalin")]
    # the subject named in it, or a pronoun for its subject, leaves it as it was
    assert [e[:2] for e in events("When Churchill dined with Stalin in the Kremlin, Svetlana came in.", rules)] == [
        ("Kremlin", "Stalin")]
    assert [e[:2] for e in events("After he returned to Moscow, Lenin sent Kamenev to Baku.", rules)] == [
        ("Moscow", "Stalin"), ("Baku", "Kamenev")]


def test_a_military_district_seated_in_a_town_is_the_town():
    assert [e[0] for e in events("In 1934 he commanded the Volga Military District at Samara.")] == ["Samara"]
    # the town he went to, named first in the clause, is the district's seat
    assert [e[0] for e in events("In 1940 he was posted to Chita to command the Transbaikal Military District.")] == [
        "Chita"]
    assert [e[0] for e in events("In 1933 he was transferred to Samara as commander of the Volga Military District.")] == [
        "Samara"]
    # not a town he came from, nor one of another predicate (a second reader's cases)
    assert [e[0] for e in events("In 1938 he was transferred from Minsk to command the Kiev Military District.")] == [
        "Kiev"]
    assert [e[0] for e in events("In 1930 he studied in Leningrad and served in the Moscow Military District.")] == [
        "Leningrad", "Moscow"]
    # (not a town of another clause: "…, and in May he was arrested in Kuibyshev")
    found = events("In 1937 he was posted to command the Volga Military District, and in May he was arrested in Kuibyshev.")
    assert [e[0] for e in found] == ["Volga", "Kuibyshev"]


def test_someone_who_comes_to_tell_the_subject_puts_the_subject_there():
    found = events("In August 1942 Churchill flew to Moscow to tell Stalin that there would be no second front.")
    assert [e[:2] for e in found] == [("Moscow", "Stalin")]


def test_a_towns_view_or_reply_is_its_governments():
    assert events("Moscow's view prevailed in 1922.") == []


def test_his_journey_of_a_place_is_the_subjects():
    found = events("His last journey east of the Urals had been his grain tour of Siberia in 1928.")
    assert [e[:2] for e in found] == [("Siberia", "Stalin")]


def test_a_place_asked_for_is_no_stop():
    found = events("In 1943 at Tehran Stalin asked for the German port of Königsberg.")
    assert [e[0] for e in found] == ["Tehran"]


def test_korea_petsamo_and_the_svir_are_places():
    assert [e[0] for e in events("In 1945 he lived in Korea.")] == ["Korea"]
    assert [e[0] for e in events("In 1944 he lived in Petsamo.")] == ["Petsamo"]
    assert [e[0] for e in events("In 1944 he crossed the Svir River.")] == ["Svir River"]


def test_he_two_sentences_past_any_name_is_the_subject_of_the_life():
    # (the Ordzhonikidze probe: Lenin is named in a 1922 sentence, then a run of sentences naming no one or
    # led by "he"; "In August 1934 he set out on a tour … arriving at Perm" had gone to Lenin)
    text = ("In 1922 Stalin ran the party from Tiflis. Lenin seized on a quarrel there in his notes. "
            "The purges came later. The plants grew fast. In 1934 he set out on a tour and arrived at Perm.")
    assert ("Perm", "Stalin") in [e[:2] for e in events(text)]
    # the sentence right before still holds "he" for the man it names
    text = "In 1922 Stalin ran the party from Tiflis. Lenin took a rest. In 1923 he was taken to Gorki."
    assert ("Gorki", "Lenin") in [e[:2] for e in events(text)]


def test_he_after_a_sentence_opening_with_the_subjects_own_is_the_subject():
    # (the Sudoplatov probe: "Sudoplatov's career was tied to Beria's, and when Beria was arrested …, the
    # protégé's fall followed. He was arrested in Moscow" had gone to Beria)
    text = ("Stalin's career was tied to Lenin's, and when Lenin was taken ill, the pupil rose. "
            "He was sent to Tiflis in 1922.")
    assert ("Tiflis", "Stalin") in [e[:2] for e in events(text)]
    text = "Lenin's career went on, and when Lenin was taken ill, the pupil rose. He was sent to Gorki in 1922."
    assert ("Gorki", "Lenin") in [e[:2] for e in events(text)]


def test_a_name_after_a_time_word_opens_the_clause_and_its_list():
    # (the Mayakovsky probe: "Later that month Mayakovsky, Burliuk and Vasily Kamensky set out on a tour …"
    # read "Later that month Mayakovsky," as a leading phrase, and the tour went to the other two)
    for opening in ("Later that month", "In December"):
        found = events(f"{opening} Stalin, Kamenev and Lev Rosenfeld set out on a tour of Kharkov and Odessa.")
        assert [e[:2] for e in found] == [("Kharkov", "Stalin"), ("Odessa", "Stalin")]


def test_people_one_is_likened_to_are_not_the_clauses_subject():
    found = events("In July 1917, having travelled through Britain like so many returning exiles, he reached "
                   "Petrograd.")
    assert [e[:2] for e in found] == [("Britain", "Stalin"), ("Petrograd", "Stalin")]


def test_moving_among_towns_is_being_in_each():
    found = events("Through 1904 and 1905 he moved among Tiflis, Batum and Kutais, writing leaflets.")
    assert [e[:2] for e in found] == [("Tiflis", "Stalin"), ("Batum", "Stalin"), ("Kutais", "Stalin")]


def test_he_after_a_subordinate_clause_without_its_comma_opens_the_main_clause():
    # (the Ehrenburg probe: "…, and when the German armies broke through at Vyazma in October 1941 he was
    # evacuated … to Kuibyshev" had given Kuibyshev to the armies)
    found = events("He wrote a great deal, and when the German armies broke through at Vyazma in October 1941 "
                   "he was evacuated to Kuibyshev.")
    assert ("Kuibyshev", "Stalin") in [e[:2] for e in found]
    # (the Krupskaya probe) a preposition's object before "he" needs no verb of its own
    found = events("After the split between Bolsheviks and Mensheviks he stayed with Lenin in Geneva.")
    assert [e[:2] for e in found] == [("Geneva", "Stalin")]


def test_a_place_leading_the_sentence_is_the_main_clauses_not_its_relative_clauses():
    # (the Ehrenburg probe: "At the First Moscow Gymnasium, where Nikolai Bukharin was an older pupil …, he
    # drifted into the underground" had given the school to Bukharin)
    found = events("In Tiflis, where Kamenev lived, he joined the underground.")
    assert [e[:2] for e in found] == [("Tiflis", "Stalin")]


def test_a_group_named_inside_a_phrase_of_is_no_subject():
    # (the Rykov probe: "At the plenum of the Central Committee in February 1937 he and Bukharin were accused
    # …, and … taken to … the Lubyanka" had given the Lubyanka to the Central Committee)
    found = events("At the plenum of the Central Committee in February 1937 he was arrested and taken to the "
                   "Lubyanka.")
    assert [e[:2] for e in found] == [("Lubyanka", "Stalin")]


def test_the_two_brothers_after_sentences_led_by_the_subject_hold_the_subject():
    # (the Mandelstam probe: "… with his brother Alexander he was allowed to go on to Tiflis. In October 1920 the
    # two brothers were back in Petrograd" had given Petrograd to the Menshevik authorities of a sentence before)
    found = events("He read a great deal. He wrote poems. In Batum the Menshevik authorities arrested him. With his "
                   "brother Alexander he was allowed to go on to Tiflis. In October 1920 the two brothers were back "
                   "in Petrograd.")
    assert ("Petrograd", "Stalin") in [e[:2] for e in found]


def test_people_in_a_leading_phrase_without_a_verb_are_no_antecedent_of_they():
    # (the Krupskaya probe: the Bolsheviks of "After the split between Bolsheviks and Mensheviks she stayed with
    # Lenin in Geneva" had become the "they" of the next sentences; "they" is the couple, read as the woman whose
    # life it is)
    text = ("Nadezhda Krupskaya (1869-1939) was a revolutionary. Krupskaya married Lenin. Krupskaya died in 1939.\n\n"
            "After the split between Bolsheviks and Mensheviks she stayed with Lenin in Geneva. In 1905 they moved "
            "to St Petersburg.")
    frame = extract(text, fallback=False, progress=False)
    assert [(r["name"], r["actor"]) for r in frame.to_dict("records")][-1] == ("St Petersburg", "Nadezhda Krupskaya")


def test_a_life_titled_by_its_subjects_name_is_about_them_however_seldom_it_names_them():
    # (the Antonov-Ovseenko probe: titled with his name, opening with the name he was born with, then "he"
    # throughout, it named Stalin twice and had become Stalin's life)
    text = ("Vladimir Antonov-Ovseenko\n\nVladimir Aleksandrovich Ovseenko, who later took the party name "
            "Antonov, was born in Chernigov in 1883. In 1902 he went to St Petersburg. In 1917 he met Stalin in "
            "Petrograd. In 1922 he went to Prague. In 1937 Stalin recalled him.")
    frame = extract(text, fallback=False, progress=False)
    assert {r["actor"] for r in frame.to_dict("records") if r["name"] in ("St Petersburg", "Prague")} == {
        "Vladimir Antonov-Ovseenko"}


def test_a_where_clause_that_has_the_subject_live_there_puts_him_there():
    # (the Korolev probe: "In 1959 the government gave him a house in Ostankino, …, where he lived with his
    # second wife" had given Ostankino to the government)
    found = events("In 1936 the government gave him a dacha at Kuntsevo, where he lived for the rest of his life.")
    assert [e[:2] for e in found] == [("Kuntsevo", "Stalin")]
    found = events("In 1936 the government gave Molotov a dacha at Kuntsevo, where he lived for the rest of his life.")
    assert [e[:2] for e in found] == [("Kuntsevo", "government")]
    # the subject by name, and a verb of any class but a wish (the Chapaev probe: "took Lbishchensk, where Chapaev
    # set up his headquarters" was the division's)
    found = events("In June 1918 the Reds held Tsaritsyn, where Stalin set up his headquarters.")
    assert [e[:2] for e in found] == [("Tsaritsyn", "Stalin")]
    found = events("In 1936 the government gave him a dacha at Kuntsevo, where he worked and slept.")
    assert [e[:2] for e in found][:1] == [("Kuntsevo", "Stalin")]
    for text in ("In June 1919 the Whites took Tsaritsyn, where Stalin had hoped to hold out.",
                 "In June 1919 the Whites took Tsaritsyn, where Stalin did not stay.",
                 # a time of its own, or a pluperfect: not there then
                 "In June 1919 the Whites took Tsaritsyn, where Stalin had fought a year earlier.",
                 "In June 1919 the Whites took Tsaritsyn, where Stalin fought in 1918."):
        assert [e[:2] for e in events(text)] == [("Tsaritsyn", "Whites")]
    # another named in the main clause may be the one the "where" clause is about
    assert [e[:2] for e in events("In 1928 Trotsky was exiled to Alma-Ata, where Stalin had him watched.")] == [
        ("Alma-Ata", "Trotsky")]
    # "he" after a name the main clause has for its subject is that one (the Tito article), unless the subject is
    # named after the place, before "where"
    assert [e[:2] for e in events("In June 1937 Gorkić was summoned to Moscow, where he was arrested.")] == [
        ("Moscow", "Gorkić")]
    assert [e[:2] for e in events("In February 1945 Roosevelt and Churchill came to the Crimea, on Stalin's ground, "
                                  "where he lodged in a palace.")] == [("Crimea", "Stalin")]
    # only one person whom the pronoun fits (a second reader's cases): not a body of people, not a man for "she"
    assert [e[:2] for e in events("In 1919 the Red Army took Tsaritsyn, where he set up his headquarters.")] == [
        ("Tsaritsyn", "Stalin")]
    text = ("Anna Volkova (1900-1970) was a Soviet doctor. She studied in Kazan.\n\nIn 1935 Oleg was transferred to "
            "Omsk, where she worked in a hospital.")
    assert actors_at(text, "Omsk") == {"Anna Volkova"}
    # a first name in -a says nothing sure (a third reader's case: "Andrea Costa invited her to Rome, where she …")
    text = ("Maria Ivanova (1880-1950) was a Russian singer. She was born in Tula.\n\n"
            "In 1910 Andrea Costa invited her to Rome, where she stayed a month.")
    assert actors_at(text, "Rome") == {"Maria Ivanova"}
    assert [e[:2] for e in events("In 1913 Lenin lived in Cracow, where Stalin sent him letters.")] == [
        ("Cracow", "Lenin")]
    # a list before the clause is not the clause's place, nor is a possessive its subject
    found = events("In 1918 the Reds took Kazan, Simbirsk and Samara, where Stalin set up his headquarters.")
    assert [e[:2] for e in found][:2] == [("Kazan", "Reds"), ("Simbirsk", "Reds")]
    assert [e[:2] for e in events("In 1929 Trotsky went to Vienna, where Stalin’s agents followed him.")] == [
        ("Vienna", "Trotsky")]


def test_a_town_given_the_subjects_name_is_no_stay_of_theirs():
    # (probes of the dev part: "Vyatka became Kirov", "Pishpek was renamed Frunze in his honour", and the seeds'
    # "Yuzovka became Stalino" had put the subject in the town)
    found = events("His influence showed in the naming of towns after him; in June 1924 the mining town of Yuzovka "
                   "became Stalino.")
    assert [e[:2] for e in found] == [("Yuzovka", "unknown")]
    # the subject's own stay before it in the sentence is still his
    found = events("In 1921 he rested at Nalchik, and in 1925 Tsaritsyn was renamed Stalingrad in his honour.")
    assert ("Nalchik", "Stalin") in [e[:2] for e in found]


def test_setting_out_is_a_move_and_one_set_out_with_goes_too():
    # (the Kuibyshev probe: "a convoy set out with him for the Turukhansk region"; "set" was no verb at all)
    found = events("In 1917 the guards set out with him for Turukhansk.")
    assert [e[:2] for e in found] == [("Turukhansk", "Stalin")]
    # a participle after the comma is who set out moving on: the towns of the way are his too
    found = events("In 1917 the guards set out with him for Turukhansk, moving by stages through the prisons of "
                   "Orenburg and Krasnoyarsk.")
    assert [e[:2] for e in found] == [("Turukhansk", "Stalin"), ("Orenburg", "Stalin"), ("Krasnoyarsk", "Stalin")]


def test_a_long_chain_of_he_is_the_subjects_whoever_named_before_it():
    # (the Kuibyshev probe: five sentences led by "he" after one that names Stalin, then "the police saw through
    # the disguise, and he was arrested in Samara. In February 1917 a convoy set out with him for Turukhansk")
    text = ("In 1910 Lenin was exiled to Narym, and Kamenev was sent there too. He escaped within a few weeks. "
            "He went back to underground work. He passed through Irkutsk. He was in Samara by March 1916. The "
            "police saw through his disguise that year. In February 1917 the guards set out with him for Turukhansk.")
    assert ("Turukhansk", "Stalin") in [e[:2] for e in events(text)]


def test_what_one_meant_to_do_or_would_have_done_is_no_event():
    # (probes of the dev part: "Kolchak, who meant to go on to southern Russia …", "a post that would have required
    # a move to Moscow, but he remained in Leningrad")
    assert events("In 1918 he meant to go on to Kiev, but he was persuaded to stay.") == []
    found = events("In 1934 he was made a secretary, a post that would have required a move to Moscow, but he "
                   "remained in Leningrad.")
    assert [e[:2] for e in found] == [("Leningrad", "Stalin")]
    # a habit told with "would" happened
    assert [e[:2] for e in events("In those years he would go to Sochi every summer.")] == [("Sochi", "Stalin")]


def test_a_plan_in_an_aside_between_commas_leaves_the_main_clause_real():
    # (the Bagramyan probe: "In January 1942 the Southwestern and Southern fronts, in an offensive he had
    # planned, took Barvenkovo and Lozovaya": the lead had run to the first comma, and "planned" made it unreal)
    found = events("In January 1942 the Red Army, in an offensive he had planned, took Kharkov and Kursk.")
    assert [e[0] for e in found] == ["Kharkov", "Kursk"]
    assert events("In January 1942 he planned to take Kharkov.") == []


def test_a_palace_is_nobodys_life_and_a_title_naming_the_known_subject_keeps_it():
    # (the probe "The Last Winter and the Long Afterlife of Stalin" had been read as the life of "the Great
    # Kremlin Palace", then of Georgy Malenkov, whom it names more often than Stalin)
    from lifemap.subject import find_subject

    text = ("The Last Winter of Stalin\n\nIn 1952 Stalin met the Congress in the Great Kremlin Palace. Georgy "
            "Malenkov read the report in the Great Kremlin Palace. Malenkov spoke again. Malenkov was praised. "
            "Malenkov left the Palace of Congresses. In 1953 Stalin died at Kuntsevo.")
    assert find_subject(text).name == "Stalin"


def test_the_role_the_opening_gives_the_subject_names_the_subject():
    # (the Vatutin and Bagramyan probes: "… early in March the wounded general was moved to the military hospital
    # in Kiev", "and the commander watched the final assault from … Königsberg")
    text = ("Ivan Petrov (1901–1944) was a Soviet army general who commanded three fronts. He was born in Tula.\n\n"
            "Zhukov took over the front on 1 March, and early in March the wounded general was moved to the military "
            "hospital in Kiev.")
    frame = extract(text, fallback=False, progress=False)
    assert [(r["name"], r["actor"]) for r in frame.to_dict("records")][-1] == ("Kiev", "Ivan Petrov")


def test_coming_down_near_a_town_is_being_there():
    # (the Tereshkova probe: "came down by parachute near the village of Baevo in the Altai region") the rules'
    # reading: the models doubt most places after "near" (a reference point), and this made-up sentence sits on
    # their threshold, where a retraining moves it either way; bench/score.py measures their say on real texts
    assert [e[:2] for e in events("On 19 June 1933 he came down by parachute near Tiflis.", RULES_ONLY)] == [
        ("Tiflis", "Stalin")]


def test_a_clause_without_a_subject_takes_the_pronoun_of_the_clause_before():
    # (the Vlasov probe: "His father wanted a priest in the family, and the boy was sent to a church school and, in
    # 1915, to the seminary in Nizhny Novgorod" had given the seminary to the father)
    found = events("His father wanted a priest in the family, and the boy was sent to a church school and, in 1894, "
                   "to the seminary in Tiflis.")
    assert [e[:2] for e in found] == [("Tiflis", "Stalin")]


def test_a_name_after_a_month_after_of_is_the_subject():
    # (the Dimitrov probe: "At the end of September Dimitrov and Kolarov crossed the border into Yugoslavia"; the
    # "of" before the month had made the names part of a phrase)
    found = events("At the end of September Stalin and Kamenev crossed the border into Finland.")
    assert [e[:2] for e in found] == [("Finland", "Stalin")]


def test_being_with_the_advancing_troops_somewhere_is_being_there():
    assert linked("In 1945 he was with the advancing troops in East Prussia.", "East Prussia").vclass == "stay"
    assert [e[:2] for e in events("In February 1945 he was with the advancing troops in East Prussia.")] == [
        ("East Prussia", "Stalin")]


def test_a_participle_after_a_preposition_qualifies_the_noun_after_it():
    # "evacuated" says which children, it moves no one: she was at the school
    assert [e[:2] for e in events("In 1942 he finished a course at a school for evacuated children in Kuibyshev.")] == [
        ("Kuibyshev", "Stalin")]


def test_called_somewhere_is_sent_there_not_named():
    assert linked("In 1959 he was called to Moscow for weeks of tests at the Botkin Hospital.",
                  "Botkin Hospital").vclass == "sending"
    assert [e[:2] for e in events("In 1913 his ship called at ports in France and Germany.")] == [
        ("France", "Stalin"), ("Germany", "Stalin")]


def test_the_group_or_the_delegates_after_the_subject_is_among_them_are_his():
    assert [e[:2] for e in events("In 1959 Stalin toured the United States with a delegation of composers, and the "
                                  "group visited New York.")] == [("United States", "Stalin"), ("New York", "Stalin")]
    assert [e[:2] for e in events("Stalin was chosen for the congress. The delegates met in Tammerfors in 1905.")] == [
        ("Tammerfors", "Stalin")]


def test_months_in_a_prison_inside_a_leading_phrase_are_his_not_a_start():
    assert [e[:2] for e in events("After several months in Butyrka a special board sentenced him to five years in "
                                  "the Kolyma camps.")] == [("Butyrka", "Stalin"), ("Kolyma", "Stalin")]


def test_a_journey_that_was_to_a_town_went_there_and_as_far_as_is_to():
    assert [e[:2] for e in events("His last foreign journey was to Potsdam in July 1945.")] == [("Potsdam", "Stalin")]
    assert linked("He went by train as far as Baku and flew on.", "Baku").prep == "to"
    assert [e[:2] for e in events("In 1943 he went by train as far as Baku and flew on.")] == [("Baku", "Stalin")]
    # "was to" before a verb is still a plan
    assert events("In 1913 he was to be sent to Narym.") == []


def test_he_is_not_the_one_a_leading_clause_named_when_a_group_leads_the_sentence():
    text = ("Felix Dzerzhinsky was a Polish revolutionary. Dzerzhinsky led the Cheka. Dzerzhinsky died in 1926.\n\n"
            "After Lenin was shot in Moscow in August 1918, the Cheka proclaimed the Red Terror. In October 1918 he "
            "travelled to Switzerland.")
    assert actors_at(text, "Switzerland") == {"Felix Dzerzhinsky"}


def test_a_group_the_sentence_names_the_subject_among_holds_him():
    assert [e[:2] for e in events("On 1 March 1917 the political prisoners of Butyrka, Stalin among them, were set "
                                  "free.")] == [("Butyrka", "Stalin")]


def test_a_list_of_lands_goes_on_past_a_unit_noun_and_a_name_no_gazetteer_holds():
    found = [e[0] for e in events("In February 1940 the settlers were sent to camps in the Arkhangelsk region, the "
                                  "Komi Republic and Siberia.")]
    assert found == ["Arkhangelsk", "Siberia"]
    found = [e[0] for e in events("In 1941 the deportees were sent to settlements in the Novosibirsk region, the "
                                  "Krasnoyarsk territory, the Altai and Kazakhstan.")]
    assert found == ["Novosibirsk", "Krasnoyarsk", "Altai", "Kazakhstan"]


def test_a_list_whose_first_name_no_gazetteer_holds_keeps_its_preposition():
    assert linked("In June 1944 the Greeks were deported, most of them to Udmurtia and the Urals.", "Urals").prep == "to"
    assert [e[0] for e in events("In June 1944 the Greeks were deported, most of them to Udmurtia and the "
                                 "Urals.")] == ["Urals"]


def test_a_wish_does_not_reach_a_predicate_of_its_own_after_a_comma_nor_past_a_verbless_aside():
    assert [e[:2] for e in events("In 1935 he refused to take up the post, lived alone in a hotel room in Moscow and "
                                  "wrote letters.")] == [("Moscow", "Stalin")]
    assert [e[:2] for e in events("In 1920 the corps was sent south, while Stalin, still unable to ride, stayed "
                                  "behind in Tiflis.")] == [("Tiflis", "Stalin")]
    assert events("In 1920 he wanted to go to Tiflis.") == []


def test_not_until_says_when_it_happened():
    assert [e[:2] for e in events("In 1905 he did not reach St Petersburg until November.")] == [
        ("St Petersburg", "Stalin")]
    assert events("In 1905 he did not reach St Petersburg.") == []


def test_directing_something_from_a_town_is_being_there():
    assert [e[:2] for e in events("In 1946 Stalin directed the new regime from Moscow by telegram.")] == [
        ("Moscow", "Stalin")]
    # a thing from a town came from there; no one of the sentence was there
    assert events("In 1946 Stalin read a letter from Vienna.") == []


def test_a_visitor_s_town_where_the_two_leaders_met_holds_the_subject():
    assert [e[:2] for e in events("In May 1972 Stalin signed a treaty. In May 1973 Nixon came to Moscow, where the two "
                                  "leaders signed a second treaty.")] == [("Moscow", "Stalin")]


def test_one_who_comes_to_a_town_the_subject_acts_in_comes_to_the_subject():
    # "come" moves toward where the narrative stands: in a life, where its subject is
    assert [e[:2] for e in events("In April 1950 Kim Il-sung came to Moscow, and Stalin agreed to his plan.")] == [
        ("Moscow", "Stalin")]
    # not one who went there, one who came back, nor one who came where the subject is not named
    assert [e[:2] for e in events("In April 1950 Kim Il-sung went to Beijing, and Stalin agreed to his plan.")] == [
        ("Beijing", "Kim Il-sung")]
    assert [e[:2] for e in events("In October 1917 Lenin came back secretly to Petrograd, and Stalin met him.")] == [
        ("Petrograd", "Lenin")]
    assert [e[:2] for e in events("In April 1950 Kim Il-sung came to Moscow to see his doctors.")] == [
        ("Moscow", "Kim Il-sung")]
    # (a second reader's cases) nor where the subject is elsewhere, acts later, is named in another's clause or only
    # as an owner
    for sentence, who in (("In April 1917 Lenin came to Petrograd, while Stalin was still in exile in Achinsk.", "Lenin"),
                          ("In 1931 Bukharin came to Paris, and Stalin later denounced him for the trip.", "Bukharin"),
                          ("In 1927 Chiang Kai-shek came to Shanghai and massacred the communists whom Stalin had "
                           "advised.", "Chiang Kai-shek"),
                          ("In 1924 Zinoviev came to Kiev, and Stalin's rivals welcomed him.", "Zinoviev"),
                          ("In 1925 Frunze came to Tiflis to inspect the army, and in 1926 Stalin arrived there.",
                           "Frunze")):
        assert events(sentence)[0][:2] == (sentence.split(" came to ")[1].split(",")[0].split(" ")[0], who), sentence


def test_he_after_a_sentence_whose_last_clause_is_led_by_the_subject_s_own_is_the_subject():
    text = ("Alexei Kosygin was a Soviet statesman. Kosygin ran the government. Kosygin died in 1980.\n\n"
            "From 1970 Brezhnev took foreign policy into his own hands, and Kosygin's authority declined. In 1976 he "
            "nearly drowned on the Moskva River. In 1980 he died in Moscow.")
    assert actors_at(text, "Moscow") == {"Alexei Kosygin"}


def test_a_number_in_ed_is_no_verb():
    tokens = {t.text: t for t in tag("The council moved fifteen hundred enterprises to the Urals.")}
    assert tokens["hundred"].tag is not Tag.VERB and tokens["moved"].tag is Tag.VERB


def test_a_common_noun_opening_a_sentence_is_no_one():
    frame = extract(OPENING + "In 1941 he attended lectures in Moscow. Lectures resumed in Ashgabat in December.",
                    fallback=False, progress=False)
    assert "Lectures" not in set(frame.loc[frame["name"] == "Ashgabat", "actor"])


def test_a_participle_after_a_name_and_a_comma_is_that_person_s():
    assert [e[:2] for e in events("The contrast with Sergei Kirov, shot in the Smolny in 1934, is instructive.")] == [
        ("Smolny", "Sergei Kirov")]


def test_forbidden_to_live_somewhere_and_a_town_compared_with_are_no_stays():
    assert events("In 1911 he was forbidden to live in the Caucasus.") == []
    assert [e[0] for e in events("In 1909 he moved his work to Baku, where the workforce was larger than in "
                                 "Tiflis.")] == ["Baku"]


def test_a_noun_and_its_verb_after_a_date_are_the_main_clause_not_a_leading_phrase():
    assert [e[:2] for e in events("From 1980 to 1986 the couple lived in Tiflis in a flat, watched by the KGB.")] == [
        ("Tiflis", "Stalin")]


def test_the_tagger_inflects_verbs_in_ee_and_gives_irregular_ones_no_regular_past():
    tokens = {t.text: t for t in tag("He toured the country, seeing Kharkov, and gave the seed money.")}
    assert (tokens["seeing"].tag, tokens["seeing"].lemma) == (Tag.VERB, "see")
    assert tokens["seed"].tag is not Tag.VERB
    assert [e[:2] for e in events("In 1933 he toured the country, seeing Kharkov and Baku.")] == [
        ("Kharkov", "Stalin"), ("Baku", "Stalin")]


def test_then_between_a_subject_and_its_verb_leaves_the_verb_a_verb():
    tokens = {t.text: t for t in tag("The Red Army then rolled into the Crimea, and the Whites sailed away.")}
    assert tokens["rolled"].tag is Tag.VERB
    assert [e[:2] for e in events("In November 1920 the Red Army then poured into the Crimea.")] == [
        ("Crimea", "Red Army")]


def test_a_colon_before_a_subject_and_its_verb_opens_a_clause_of_its_own():
    text = ("Georgy Malenkov was a Soviet politician. Malenkov ran the party apparatus. Malenkov died in 1988.\n\n"
            "Malenkov took no part in the summits of the war: Stalin met Roosevelt and Churchill at Yalta in 1945.")
    assert actors_at(text, "Yalta") == {"Stalin"}
    # a colon before a list is no boundary
    assert [e[:2] for e in events("In 1945 he visited three cities: Kiev, Minsk and Riga.")] == [
        ("Kiev", "Stalin"), ("Minsk", "Stalin"), ("Riga", "Stalin")]


def test_state_visits_to_countries_are_journeys_there():
    assert [e[:2] for e in events("In 1958 he paid state visits to France and Germany.")] == [
        ("France", "Stalin"), ("Germany", "Stalin")]
    assert events("In 1958 he planned a visit to France.") == []


def test_one_assigned_somewhere_is_sent_there():
    assert [e[:2] for e in events("In 1942 the commissariat assigned him to a factory in Tiflis.")] == [
        ("Tiflis", "Stalin")]


def test_one_named_in_passing_beside_the_story_s_time_holds_no_he():
    text = (OPENING + "In 1913 he spent a month in Vienna and wrote an essay. Adolf Hitler was living in a hostel "
            "in Vienna at the same time. On his return to St Petersburg he was arrested in February 1913. "
            + "Stalin wrote letters to his friends. " * 90)     # (a text of some pages: "in passing" needs one)
    assert actors_at(text, "St Petersburg") == {"Stalin"}


def test_more_than_a_year_of_a_stay_spans_into_the_next_year():
    frame = extract(OPENING + "On 9 September 1944 the old regime fell. For more than a year Stalin directed the new "
                    "regime from Moscow by telegram.", fallback=False, progress=False)
    moscow, = frame[frame["name"] == "Moscow"].to_dict("records")
    assert (moscow["date_start"], moscow["date_end"]) == ("1944", "1945")


def test_remaining_there_until_a_year_in_a_later_clause_ends_the_stay():
    frame = extract(OPENING + "By the autumn of 1927 he was back in Tiflis, and he remained there until 1930.",
                    fallback=False, progress=False)
    tiflis, = frame[frame["name"] == "Tiflis"].to_dict("records")
    assert (tiflis["date_start"][:4], tiflis["date_end"]) == ("1927", "1930")
    # over what one remained there as (the Babel probe)
    frame = extract(OPENING + "He went to Kiev in 1911 to study, and he remained a student there until 1916.",
                    fallback=False, progress=False)
    kiev, = frame[frame["name"] == "Kiev"].to_dict("records")
    assert (kiev["date_start"], kiev["date_end"]) == ("1911", "1916")


def test_the_subjects_own_column_or_train_carries_the_subject_and_another_mans_does_not():
    # (the Mao probe) "Mao's column reached Wuqi": he marched with it
    assert [e[:2] for e in events("In 1919 Stalin's column reached Perm.")] == [("Perm", "Stalin")]
    assert [e[:2] for e in events("In 1918 Stalin's train reached Tsaritsyn.")] == [("Tsaritsyn", "Stalin")]
    # another man's crew is his: the subject of the main clause sailed
    found = events("On 14 July, the day Gromov's crew landed at San Jacinto, Stalin sailed to Batum.")
    assert ("Batum", "Stalin") in [e[:2] for e in found]


def test_reporting_from_places_a_list_repeats_the_preposition_of_and_a_participle_before_them():
    # (the Simonov probe) a correspondent reports from where he is: a region too, a town one calls "besieged",
    # and the last of a list that says "from" again after ", and"
    found = events("In 1941 he reported from besieged Odessa, from the Crimea, and from Murmansk.")
    assert [e[:2] for e in found] == [("Odessa", "Stalin"), ("Crimea", "Stalin"), ("Murmansk", "Stalin")]
    # the participle is the place's only after a preposition: "the Germans besieged Odessa" is theirs
    assert [e[:2] for e in events("In 1941 the Germans besieged Odessa.")] == [("Odessa", "Germans")]
    # a clause of its own after ", and" still is one
    assert [e[:2] for e in events("He was born in Gori, and in Tiflis he studied.")] == [
        ("Gori", "Stalin"), ("Tiflis", "Stalin")]


def test_a_court_at_a_place_that_sentenced_the_subject_tried_him_there():
    # (the Rákosi and Frunze probes) one is tried in person: "a court in Budapest sentenced him"
    for sentence in ("In February 1935 a court in Kiev sentenced him to life imprisonment.",
                     "In 1909 a military court sitting in Kiev sentenced him to death."):
        assert [e[:2] for e in events(sentence)] == [("Kiev", "Stalin")]
    assert [e[:2] for e in events("In 1936 a court in Moscow sentenced Zinoviev to death.")] == [("Moscow", "Zinoviev")]
    # a court's other acts put no one there
    assert ("Kiev", "Stalin") not in [e[:2] for e in events("In 1935 a court in Kiev ruled that the law was void.")]


def test_he_after_a_sentence_whose_later_clause_the_subject_leads_is_the_subject():
    # (the Radek and Gorky probes) the first clause has another man for subject, a later one the subject by name
    opening = "Karl Radek (1885-1939) was a revolutionary. Radek wrote much. Radek died in 1939.\n\n"
    for sentence in ("Lenin went on to Petrograd, but Radek, who could not enter Russia, stayed in Stockholm.",
                     "After a spell in Kiev, where Lenin took an interest in his writing, Radek moved to Stockholm."):
        text = opening + sentence + " At the end of 1917 he travelled to Tiflis."
        assert actors_at(text, "Tiflis") == {"Karl Radek"}
    # not when the subject is named only in a leading phrase
    text = opening + "After a spell in Kiev with Radek, Lenin moved to Stockholm. At the end of 1917 he travelled to Tiflis."
    assert actors_at(text, "Tiflis") == {"Lenin"}


def test_he_after_a_man_named_with_what_he_was_to_the_subject_is_the_subject():
    # (the Shostakovich probe) "X, his most powerful patron,": "his" is the subject's, who is still talked about
    text = ("Dmitri Shostakovich (1906-1975) was a composer. Shostakovich wrote symphonies. Shostakovich died in "
            "1975.\n\nIn 1937 Marshal Mikhail Tukhachevsky, his most powerful patron, had been shot in Moscow. "
            "From 1937 he taught composition in Leningrad.")
    assert actors_at(text, "Leningrad") == {"Dmitri Shostakovich"}


def test_she_or_he_after_someone_who_died_is_not_the_dead():
    # (the Zhemchuzhina probe) "A few hours later Alliluyeva shot herself.¶ From 1927 she was …"
    text = ("Polina Zhemchuzhina (1897-1970) was a Soviet official. Zhemchuzhina married Molotov. Zhemchuzhina died "
            "in 1970.\n\nZhemchuzhina walked with Nadezhda Alliluyeva through the Kremlin grounds. A few hours later "
            "Alliluyeva shot herself.\n\nFrom 1927 she worked in Moscow.")
    assert actors_at(text, "Moscow") == {"Polina Zhemchuzhina"}


def test_they_who_married_are_the_subject_and_the_spouse():
    # (the Zhemchuzhina probe) "they" after a sentence whose subject was a group of others
    text = ("Polina Zhemchuzhina (1897-1970) was a Soviet official. Zhemchuzhina married Molotov. Zhemchuzhina died "
            "in 1970.\n\nIn 1921 she met Molotov, and the Whites lost the war. They were married in Moscow.")
    assert actors_at(text, "Moscow") == {"Polina Zhemchuzhina"}


def test_a_place_in_what_someone_was_is_no_event_of_the_verb_after_it():
    # (the Lazo probe) "Sergei Lazo, a Red commander of the Civil War in Siberia, was born in Kishinev"
    found = events("Sergei Lazo, a Red commander of the Civil War in Siberia and the Far East, was born in 1894 in Kishinev.")
    assert [e[0] for e in found] == ["Kishinev"]
    # a place of the verb's own, after it, stays
    assert [e[0] for e in events("In 1917 Stalin, a delegate of the congress, was sent to Tsaritsyn.")] == ["Tsaritsyn"]


def test_the_three_after_the_subject_was_named_with_two_others_include_the_subject():
    # (the Kosmodemyanskaya probe) "only three went on: Krainov, Klubkov and Zoya. … the three reached Petrishchevo"
    found = events("In 1941 only three went on: Krainov, Klubkov and Stalin. At dawn the three reached Tula.")
    assert ("Tula", "Stalin") in [e[:2] for e in found]


def test_an_adverb_after_the_one_sent_is_not_what_was_sent():
    # "instead" is no object of the verb: the one sent is "him", and the work he was sent to is in Krasnodar
    assert [e[:2] for e in events("In 1924 the party sent him instead to party work in Krasnodar.")] == [
        ("Krasnodar", "Stalin")]


def test_he_after_a_sentence_that_acts_on_the_subject_by_name_is_still_the_subject():
    # (the kalinin and kirov probes: "the committee elected Kalinin. He moved …"; "Stalin sent Kirov to
    # Leningrad. Within weeks he was chosen …")
    text = ("Mikhail Kalinin was a Soviet statesman. Kalinin was born in Tver Governorate. Kalinin died in 1946.\n\n"
            "Sverdlov died in March 1919. Lenin wanted a successor, and the committee elected Kalinin. "
            "He moved with his family into the Kremlin.")
    assert actors_at(text, "Kremlin") == {"Mikhail Kalinin"}
    text = ("Sergei Kirov was a Soviet politician. Kirov was born in Urzhum. Kirov died in 1934.\n\n"
            "In January 1926 Stalin sent Kirov to Leningrad. Within weeks he was chosen first secretary. "
            "In 1930 he worked in Moscow.")
    assert actors_at(text, "Moscow") == {"Sergei Kirov"}
    # not one met, succeeded or praised, nor when "he" has "him" beside it, nor the subject among others
    opening = "Sergei Kirov was a Soviet politician. Kirov was born in Urzhum. Kirov died in 1934.\n\n"
    for text, place in (("In 1933 Stalin visited Kirov in Leningrad. He returned to Moscow on 25 July.", "Moscow"),
                        ("In 1926 Stalin sent Kirov to Leningrad. He often telephoned him from Sochi.", "Sochi"),
                        ("In 1920 Stalin sent Kirov and Mikoyan to Baku. He himself remained in Moscow.", "Moscow")):
        assert actors_at(opening + text, place) == {"Stalin"}, text


def test_a_second_leading_phrase_after_the_first_still_leads():
    # "during a heated quarrel in Tiflis," after "In the autumn of 1922,": the clause's subject is "he" (who
    # is still the one talked about in the next sentence), not Lenin of a later clause
    text = ("Sergo Ordzhonikidze was a Bolshevik. Ordzhonikidze was born in Goresha. Ordzhonikidze died in 1937.\n\n"
            "In the autumn of 1922, during a heated quarrel in Tiflis, he struck a supporter of the opposition, and "
            "Lenin seized on the blow in his last notes. In 1926 he spent a few months at Rostov-on-Don.")
    assert actors_at(text, "Rostov-on-Don") == {"Sergo Ordzhonikidze"}
    assert [e[:2] for e in events("In February 1921, after a short debate, the Red Army invaded Georgia.")] == [
        ("Georgia", "Red Army")]
    # "with" leads no second phrase: "with the Germans at Kiev" has the Germans there
    assert [e[:2] for e in events("In 1941, with the Germans at Kiev, he ordered the army to hold.")] == [
        ("Kiev", "Germans")]
