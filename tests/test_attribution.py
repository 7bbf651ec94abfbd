"""Speakers of quotes, one family of attribution at a time, on short sentences written for these
tests (invented names; not taken from the gold standards). Each case failed with the rules
before the family was handled."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import evaluate, segment
from analysis.segment.introductions import _interviewee


def speakers(paragraphs: list[str], kind: str | None = None) -> list[str]:
    return [q.speaker for q in segment.find_quotes(paragraphs, short=True, reported=True)
            if kind is None or q.kind == kind]


def test_pronoun_after_a_subject_joined_by_and_with_an_irregular_verb() -> None:
    paragraphs = ["Dmitry Sample spoke first. The hall was full, and Maria Example went further.",
                  "“We will not wait for anyone to give us permission,” she said."]
    assert speakers(paragraphs, "direct") == ["Maria Example"]


def test_a_pronoun_is_never_a_place() -> None:
    paragraphs = ["Moscow says the summit can wait until the autumn.",
                  "“Nothing has been decided about the date yet,” he said."]
    assert speakers(paragraphs, "direct") == [""]


def test_a_surname_subject_is_the_full_name_used_anywhere_before() -> None:
    paragraphs = ["The talks were chaired by Anton Example in a palace by the sea.",
                  "Example, for his part, remains hopeful. “We will meet again before the winter,” he said."]
    assert speakers(paragraphs, "direct") == ["Anton Example"]


def test_a_name_with_a_role_in_apposition_is_a_person() -> None:
    paragraphs = ["Among the freed men was Ivan, a 30-year-old soldier from the east.",
                  "“I thought I would never see home again,” he said."]
    assert speakers(paragraphs, "direct") == ["Ivan"]


def test_unnamed_sources_are_speakers_and_antecedents() -> None:
    assert speakers(["“We have heard all of this before,” one senior diplomat told me."]) == ["one senior diplomat"]
    paragraphs = ["Jan Sample spoke in the morning.",
                  "A senior official, who asked not to be named, said the deal was close. "
                  "“It is a matter of days, not weeks,” the official said."]
    assert speakers(paragraphs, "direct") == ["senior official"]
    paragraphs = ["Jan Sample spoke in the morning.",
                  "A European diplomat in Vienna, speaking on condition of anonymity, said the talks had stalled.",
                  "“Nobody is moving an inch right now,” the diplomat said."]
    assert speakers(paragraphs, "direct") == ["European diplomat in Vienna"]
    paragraphs = ["Jan Sample spoke in the morning.",
                  "His mother, who waited all day, said she had written many letters. “Nobody answered me for a whole year,” she said."]
    assert speakers(paragraphs, "direct") == ["His mother"]


def test_a_role_is_the_person_just_mentioned_unless_they_hold_another() -> None:
    paragraphs = ["Foreign Minister Jan Sample met his counterpart Nikos Example in the capital.",
                  "Example, for his part, said that his country was ready to host new talks.",
                  "— We are ready to host them tomorrow, — the Greek minister emphasised."]
    assert speakers(paragraphs, "dash") == ["Nikos Example"]
    paragraphs = ["Foreign Minister Jan Sample met the press in the capital.",
                  "A ministry spokeswoman, Olga Example, claimed that nothing had changed.",
                  "“Our position is the same as it was a year ago,” the minister said."]
    assert speakers(paragraphs, "direct") == ["Jan Sample"]


def test_an_institution_is_not_resolved_to_a_person() -> None:
    paragraphs = ["Dmitry Sample said on Monday that talks were possible.",
                  "“We are ready for talks in any format,” the Kremlin said in a statement."]
    assert speakers(paragraphs, "direct") == ["Kremlin"]


def test_a_role_named_only_by_an_inverted_sentence() -> None:
    paragraphs = ["Two delegations sat down at a long table. At its head sat Hakan Sample.",
                  "“You do not have to like each other, only listen,” the host minister recalled."]
    assert speakers(paragraphs, "direct") == ["Hakan Sample"]


def test_months_are_not_speakers() -> None:
    paragraphs = ["Analysts who as early as March warned that the talks would stall were right.",
                  "“Nothing has moved since the spring at all,” the adviser said."]
    assert speakers(paragraphs, "direct") == ["adviser"]


def test_a_dash_quote_attributed_with_an_object() -> None:
    paragraphs = ["— We will not sign this text as it stands, — Deputy Minister Olga Example told journalists."]
    assert speakers(paragraphs, "dash") == ["Olga Example"]


def test_a_colon_introduced_quote_after_an_adverb() -> None:
    paragraphs = ["Jan Sample, the spokesman, said the front was stable. Colonel Example put it more bluntly: "
                  "“The front will not hold without help.”"]
    assert speakers(paragraphs, "direct") == ["Example"]


def test_the_next_paragraph_after_a_colon_or_a_lead() -> None:
    paragraphs = ["The city's mayor, Petro Example, has said the city is ready. In a post online, he wrote:",
                  "“We will rebuild every street and every school.”"]
    assert speakers(paragraphs, "direct") == ["Petro Example"]
    paragraphs = ["Petro Example himself remains upbeat.", "“We are closer to a deal than anyone thinks.”"]
    assert speakers(paragraphs, "direct") == ["Petro Example"]


def test_repeated_gold_text_matches_each_occurrence() -> None:
    paragraphs = ['The "peace formula" is dead.', 'Long live the old "peace formula" of the war.']
    gold = pd.DataFrame({"quote": ["peace formula", "peace formula"], "speaker": ["unattributed"] * 2,
                         "kind": ["scare", "scare"]})
    rows, found = evaluate.quote_matches(paragraphs, gold)
    assert rows["found"].all() and found["matched"].all() and len(found) == 2


@pytest.mark.parametrize("paragraph", ["Peskov said on Friday that Moscow remained open to talks with Kyiv."])
def test_named_attribution_still_plain(paragraph: str) -> None:
    assert speakers([paragraph], "indirect") == ["Peskov"]


# --------------------------------------------------------------------------- interview label styles


def turns(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind in ("question", "interview")]


def test_caps_labels_the_interviewer_word_asks_and_the_surname_answers() -> None:
    paragraphs = ["President Anna Testova spoke to us in her office.",
                  "INTERVIEWER: Is a ceasefire closer than it was last year?",
                  "TESTOVA: Closer, yes, but not close. Nothing has changed in Moscow.",
                  "INTERVIEWER: What would a guarantee look like?",
                  "TESTOVA: A strong army first. Then a European presence on the ground.",
                  "INTERVIEWER: Thank you.",
                  "TESTOVA: Thank you."]
    assert turns(paragraphs) == [("question", "INTERVIEWER"), ("interview", "Anna Testova")] * 3


def test_question_and_answer_labels() -> None:
    paragraphs = ["Boris Examplov has taken part in several rounds of talks.",
                  "Question: What was the main subject of the meeting?",
                  "Answer: We discussed the whole range of issues. The mood was constructive.",
                  "Question: Is the lifting of sanctions a condition?",
                  "Answer: We do not put it this way. We have learned to live with them."]
    assert turns(paragraphs) == [("question", "Question"), ("interview", "Boris Examplov")] * 2


def test_initials_labels_the_one_who_asks_is_the_one_whose_turns_are_questions() -> None:
    paragraphs = ["Host Paul Sample (PS) talks to the researcher Irina Demo (ID) about the exchanges.",
                  "PS: Irina, welcome back. Why does this channel keep working?",
                  "ID: Because both sides get something tangible from it. That is rare.",
                  "PS: Who actually negotiates these exchanges?",
                  "ID: Mostly intelligence services, with mediators. It is technical work."]
    assert turns(paragraphs) == [("question", "PS"), ("interview", "Irina Demo")] * 2


def test_a_transcript_header_is_no_turn() -> None:
    paragraphs = ["TRANSCRIPT: Envoy Tom Sample on the weekly show.",
                  "The following is a transcript of an interview with Tom Sample that aired on Sunday.",
                  "HOST: Is there going to be a deal?",
                  "SAMPLE: I think there is going to be a deal. Both sides want one.",
                  "HOST: What is the biggest obstacle right now?",
                  "SAMPLE: Territory, obviously. And the guarantees."]
    assert turns(paragraphs) == [("question", "HOST"), ("interview", "Tom Sample")] * 2


# --------------------------------------------------------------------------- British single quotes


def test_single_quotation_marks_with_apostrophes_and_a_nested_double_quote() -> None:
    paragraphs = ["'Britain will not flinch from its duty,' Jane Example told reporters on Monday.",
                  "Tom Sample said the plan had 'learned the lessons' of the past. 'Where is the \"backstop\" "
                  "the minister's team keeps talking about?' he asked."]
    found = [(q.kind, q.speaker, q.text) for q in segment.find_quotes(paragraphs, short=True, reported=True)]
    assert ("direct", "Jane Example", "Britain will not flinch from its duty,") in found
    assert ("partial", "Tom Sample", "learned the lessons") in found
    assert ("direct", "Tom Sample", "Where is the \"backstop\" the minister's team keeps talking about?") in found
    assert not any(q[2] == "backstop" for q in found)


def test_apostrophes_alone_are_no_quotes() -> None:
    paragraphs = ["The Kremlin's envoy said Ukraine's allies' plans were 'unrealistic'.",
                  "\"We are ready for talks,\" the minister's aide said. It's the diplomats' view too."]
    found = [(q.kind, q.text) for q in segment.find_quotes(paragraphs, short=True)]  # (a guard: passed before too)
    assert ("direct", "We are ready for talks,") in found and not any("allies" in t or "view" in t for _, t in found)


# --------------------------------------------------------------------------- reported speech forms


def reported(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(q.speaker, q.text) for q in segment.find_quotes(paragraphs, short=True, reported=True) if q.kind == "indirect"]


def test_press_release_verbs_report_speech() -> None:
    paragraphs = ["Minister Jane Example reaffirmed that the country would continue its assistance to Ukraine.",
                  "The minister informed that the proposals had already been passed to the partners.",
                  "Tom Sample assured that the supplies would go on as long as necessary."]
    found = reported(paragraphs)
    assert ("Jane Example", "the country would continue its assistance to Ukraine") in found
    assert ("Jane Example", "the proposals had already been passed to the partners") in found
    assert ("Tom Sample", "the supplies would go on as long as necessary") in found


def test_an_attribution_ending_the_sentence_reports_the_clause_before_it() -> None:
    paragraphs = ["KYIV, Oct 18 (Example News) - Ukraine is ready for a ceasefire along the current line, "
                  "Foreign Minister Jane Example has stated.",
                  "Russia will regard such forces as legitimate targets, Tom Sample told the newspaper.",
                  "Even if a mechanism is found, there are still Britain, the Baltic states and Finland."]
    found = reported(paragraphs)
    assert ("Jane Example", "Ukraine is ready for a ceasefire along the current line") in found
    assert ("Tom Sample", "Russia will regard such forces as legitimate targets") in found
    assert len(found) == 2  # "the Baltic states": no attribution


def test_a_second_that_clause_and_in_his_opinion() -> None:
    paragraphs = ["Tom Sample said the document had been received and that it was being studied carefully.",
                  "Jane Example spoke in parliament. In her opinion, Russia is counting on the West losing patience."]
    found = reported(paragraphs)
    assert ("Tom Sample", "it was being studied carefully") in found
    assert ("Jane Example", "Russia is counting on the West losing patience") in found


def test_german_reversed_guillemets_and_a_subject_before_an_unattributed_quote() -> None:
    paragraphs = ["Tom Sample warned against haste. »We must not slide into a war with Russia«, he said.",
                  "Jane Example summed up the day in four words. \"Nothing new from Moscow today.\""]
    found = [(q.kind, q.speaker, q.text) for q in segment.find_quotes(paragraphs, short=True)]
    assert ("direct", "Tom Sample", "We must not slide into a war with Russia") in found
    assert ("direct", "Jane Example", "Nothing new from Moscow today.") in found


def test_a_role_phrase_never_runs_over_a_sentence_end_and_its_is_a_determiner() -> None:
    paragraphs = ["Jane Example also touched upon the situation in the Black Sea. She noted that the proposals "
                  "had been handed over to the partners.",
                  "The port authority is busy. Its spokesman, Captain Tom Sample, said two mines had been "
                  "found off the coast since January."]
    found = reported(paragraphs)
    assert ("Jane Example", "the proposals had been handed over to the partners") in found
    assert ("Tom Sample", "two mines had been found off the coast since January") in found


def test_a_news_rubric_label_is_not_a_speaker() -> None:
    paragraphs = ["Readout: meeting of the foreign ministers after the talks in Geneva",
                  "Jane Example said the talks had been useful."]
    assert all(q.speaker != "Readout" for q in segment.find_quotes(paragraphs, short=True, reported=True))


def test_a_capitalised_role_is_resolved_to_the_person_named_with_it() -> None:
    paragraphs = ["Federal Councillor Jane Example opened the press conference after the talks.",
                  "\"Nobody left the table, and that matters more than any communique,\" the Federal Councillor said."]
    assert speakers(paragraphs, "direct") == ["Jane Example"]


def test_a_reported_clause_stops_at_a_coordinated_verb_of_its_subject() -> None:
    paragraphs = ["Tom Sample noted that the talks had produced progress on energy and stated that Washington "
                  "expected both parties to observe their commitments.",
                  "Jane Example has repeatedly said Moscow would regard any Western troops as a threat, and has "
                  "proposed instead guarantees of its own."]
    found = reported(paragraphs)
    assert ("Tom Sample", "the talks had produced progress on energy") in found
    assert ("Jane Example", "Moscow would regard any Western troops as a threat") in found


def test_a_short_quote_with_its_own_attribution_is_direct_speech_and_carries_its_speaker() -> None:
    paragraphs = ["\"Order matters most,\" said Tom Sample, a lawyer in Brussels. \"If you lift first and check "
                  "later, you never get the same agreement twice.\"",
                  "\"We will wait for the answer from Washington,\" Jane Example said. \"That is all.\""]
    found = [(q.kind, q.speaker, q.text) for q in segment.find_quotes(paragraphs, short=True)]
    assert ("direct", "Tom Sample", "Order matters most,") in found
    assert ("direct", "Tom Sample", "If you lift first and check later, you never get the same agreement twice.") in found
    assert ("direct", "Jane Example", "That is all.") in found


def test_a_one_word_name_introduced_with_a_role_is_a_later_subject() -> None:
    paragraphs = ["Oleksa, a duty engineer at a grid control room, scrolls through a list of damaged substations.",
                  "Jane Example, a monitor, visits the room. \"The list grows every week,\" she said.",
                  "In the control room, Oleksa has a simpler wish. \"I want a winter where I go home on time,\" he said."]
    assert speakers(paragraphs, "direct")[-1] == "Oleksa"


def test_a_question_and_answer_interview_without_a_named_interviewee() -> None:
    """'Q:' and 'A:' turns with no introduction naming the interviewee: the answers keep their
    label as speaker (this raised IndexError and stopped a build on a generated corpus)."""
    turns = segment.interview_turns(["Q: What now for the talks?", "A: We wait and see what they bring.",
                                     "Q: And then what happens?", "A: We talk again next week."])
    assert [turns[i][1:] for i in sorted(turns)] == [("Q", "question"), ("A", "interview"),
                                                     ("Q", "question"), ("A", "interview")]


def test_an_apposition_never_runs_past_a_sentence_end() -> None:
    paragraphs = ["In Brackton, on the coast, the mood is calm. Lena Sample, who owns a bakery, said trade was slow.",
                  "“People still buy bread, but less of it than last year,” she said."]
    assert speakers(paragraphs, "direct") == ["Lena Sample"]


def test_an_age_in_apposition_still_names_the_subject() -> None:
    paragraphs = ["Senator Paul Demo said he would vote against the plan.",
                  "Mira Example, 23, a nurse who moved here in 2021, said she had stopped watching the news.",
                  "“Every day brings a new promise and then a new alarm,” she said."]
    assert speakers(paragraphs, "direct") == ["Mira Example"]


def test_the_plus_a_capitalised_word_is_no_person() -> None:
    paragraphs = ["Defence Minister Arno Sample, speaking after a meeting of Nordic and Baltic ministers, said the "
                  "Nordic states had learned a lesson.",
                  "“A truce without guarantees is only a pause,” the minister said."]
    assert speakers(paragraphs, "direct") == ["Arno Sample"]


def test_an_institution_or_a_street_is_no_person() -> None:
    paragraphs = ["The opposition spokesman, Tom Example, accused the government of vagueness. Downing Street "
                  "described the call as useful.",
                  "“Nobody can tell us how many soldiers this would take,” he said."]
    assert speakers(paragraphs, "direct") == ["Tom Example"]


def test_a_role_label_is_the_person_the_article_names_with_that_role() -> None:
    paragraphs = ["Transcript of the weekly briefing by Ana Demo, spokeswoman for the city council.",
                  "Spokeswoman: Good morning. The bridge will reopen on Monday.",
                  "Question: Has the council asked for federal help?",
                  "Spokeswoman: Not yet. We are still counting the damage.",
                  "Question: When will you know more?",
                  "Spokeswoman: By the end of the week, I hope."]
    assert speakers(paragraphs, "interview") == ["Ana Demo"] * 3


def test_an_ombudsman_is_a_role_the_article_named() -> None:
    paragraphs = ["Human rights commissioner Ola Sample informed that visits would resume.",
                  "— We insist on access to every detainee, — the ombudsman stressed."]
    assert speakers(paragraphs, "dash") == ["Ola Sample"]


def test_a_name_behind_lower_case_role_words_after_the_quote() -> None:
    paragraphs = ["The agency played the plan down. “We do not expect a result this week,” spokesman Karl Demo "
                  "told reporters.",
                  "“That is a matter for the parties,” the head of the trade union, Eva Sample, told the paper."]
    assert speakers(paragraphs, "direct") == ["Karl Demo", "Eva Sample"]


def test_a_name_after_while_speaks_for_another_clause() -> None:
    paragraphs = ["Ivan Demo said there was “a long way to go”, while Petr Sample told radio listeners he was calm."]
    assert speakers(paragraphs, "partial") == ["Ivan Demo"]


_PIECES = ["Q:", "A:", "Q.", "Question:", "Answer:", "INTERVIEWER:", "LAVROV:", "Lavrov:", "SP:", "MH:", "— ", "– ",
           "\"We are ready,\"", "“Not now.”", "«Никогда»", "'Perhaps,'", "he said.", "she added", "Peskov said",
           "according to the Kremlin,", "the minister told reporters that", "the talks", "will go on.", "In his opinion,",
           "Sergei Lavrov", "the", "a senior official", ":", ",", ".", "?", "\"", "“", "”", "'", "Kyiv", "Readout:"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map(" ".join), min_size=1, max_size=8))
def test_segmentation_never_fails_on_label_and_quote_soup(paragraphs: list[str]) -> None:
    """Any mix of interview labels, quotation marks, dashes and attributions is segmented without
    an exception, and every quote lies inside its paragraph."""
    sentences, quotes = segment.segment_paragraphs(paragraphs)
    for q in quotes:
        assert 0 <= q["start"] <= q["end"] <= len(paragraphs[q["paragraph_index"]])
    assert all(s["voice"] in ("narration", "reported", "quote", "question") for s in sentences)


def test_a_quote_takes_the_person_the_next_sentence_names_as_its_speaker() -> None:
    paragraphs = ["The ministry spoke first. Officials were cautious.",
                  "“Nobody expects a deal before the winter.” That was how Foreign Minister Ivo Demo put it on Monday.",
                  "“The river is higher than last year, and the boats are late.” The speaker is Eva Sample, a ferry pilot.",
                  "Her brother was blunter. “We have waited long enough for this.” The man, Tomas Sample, is 52."]
    assert speakers(paragraphs, "direct") == ["Ivo Demo", "Eva Sample", "Tomas Sample"]


def test_a_possessive_colon_lead_in_or_a_bullet_name_gives_the_speaker() -> None:
    paragraphs = ["Ivo Demo, the agency's director, spoke on Monday.",
                  "Demo's message to both sides was short: “Stop shooting near the dam, and let my engineers in.”",
                  "Key points - Talks ended at noon - Eva Sample: “We came for a truce, not for a lecture”"]
    assert speakers(paragraphs, "direct") == ["Ivo Demo", "Eva Sample"]


def test_a_person_of_an_institution_and_a_dash_tail_with_a_two_word_object() -> None:
    paragraphs = ["Economists are cautious. Jana Demo of the Northern School of Trade notes that any change takes years.",
                  "— Rules are made in a day and undone in a decade, — she reminds.",
                  "— We must hold the vote when it is safe to do so, — Petr Sample concluded the meeting."]
    assert speakers(paragraphs, "dash") == ["Jana Demo", "Petr Sample"]


def test_a_subject_behind_a_short_opening_phrase_is_whom_she_means() -> None:
    paragraphs = ["Ivo Demo runs the depot. “We load every night, even in the rain,” he said.",
                  "Mira Sample pilots the tugs. By evening Sample has brought three barges in.",
                  "“Nobody here sleeps much in the summer,” she said."]
    assert speakers(paragraphs, "direct") == ["Ivo Demo", "Mira Sample"]


# --------------------------------------------------------------------------- transcript turns


def test_a_parliamentary_record_every_member_answers_under_a_labelled_name() -> None:
    paragraphs = ["Ukraine: Ceasefire Talks",
                  "Mr Tom Sample (Eastshire North) (Con): To ask the Secretary of State if he will make a statement.",
                  "The Minister for the Balkans (Ada Demo): I thank the hon. Member. Talks resumed on Monday.",
                  "Mr Sample: The Minister talks about pressure. Will she tell us when the sanctions come?",
                  "Ada Demo: The hon. Gentleman is right. A package will be laid before the recess.",
                  "Lena Example (Westport) (Lab): What assurance can the Minister give my constituents?",
                  "Ada Demo: An absolute assurance. Nothing will be agreed over their heads.",
                  "Mr Speaker: Order. We now come to the statement on energy prices."]
    assert turns(paragraphs) == [("interview", "Tom Sample"), ("interview", "Ada Demo"), ("interview", "Tom Sample"),
                                 ("interview", "Ada Demo"), ("interview", "Lena Example"), ("interview", "Ada Demo"),
                                 ("interview", "Speaker")]


def test_timestamped_podcast_labels_the_host_the_intro_names_asks() -> None:
    paragraphs = ["Episode notes: host Mira Sample talks to Ivo Demo, a former diplomat.",
                  "[00:00:41] Mira Sample: Ivo, welcome to the show. How do these talks feel different.",
                  "[00:00:52] Ivo Demo: Thanks, Mira. Everybody knows their position now, and that makes it harder.",
                  "[00:02:15] Mira Sample: Tell us about the memorandum.",
                  "[00:02:19] Ivo Demo: It is a list of demands, not a negotiating text.",
                  "[00:03:02] Mira Sample: Ivo Demo, thank you.",
                  "[00:03:04] Ivo Demo: Thank you, Mira."]
    assert turns(paragraphs) == [("question", "Mira Sample"), ("interview", "Ivo Demo")] * 3


def test_tv_transcript_capital_labels_with_roles_and_handoffs() -> None:
    paragraphs = ["EVENING NEWS — TRANSCRIPT",
                  "ANCHOR: Good evening. Talks ended in Geneva tonight. Our correspondent Tom Sample is there.",
                  "TOM SAMPLE, CORRESPONDENT: It depends who you ask. The hosts call it a step forward.",
                  "ANCHOR: And the Americans?",
                  "TOM SAMPLE: They are losing patience. Here is what the envoy told us.",
                  "RITA DEMO, U.S. SPECIAL ENVOY (through interpreter): We will not fly around the world for nothing.",
                  "REPORTER (voice-over): In Kyiv, the news was met with a shrug. The sirens sounded again at noon.",
                  "ANCHOR: Tom Sample in Geneva, thank you."]
    assert turns(paragraphs) == [("question", "ANCHOR"), ("interview", "Tom Sample"), ("question", "ANCHOR"),
                                 ("interview", "Tom Sample"), ("interview", "Rita Demo"), ("interview", "REPORTER"),
                                 ("question", "ANCHOR")]


def test_un_record_briefing_and_call_in_labels() -> None:
    un = ["The Security Council met on Friday to discuss the situation in Ukraine.",
          "The PRESIDENT: I now give the floor to the representative of the Russian Federation.",
          "Mr. Examplov (Russian Federation) (spoke in Russian): We have heard many accusations today. None is true.",
          "Ms. Sampleson (Ukraine): The facts speak for themselves. The strikes continued during the talks.",
          "The PRESIDENT: I give the floor again to the representative of the Russian Federation.",
          "Mr. Examplov (Russian Federation): I will be brief. Our position has not changed."]
    assert turns(un) == [("interview", "PRESIDENT"), ("interview", "Examplov"), ("interview", "Sampleson"),
                         ("interview", "PRESIDENT"), ("interview", "Examplov")]
    briefing = ["Transcript of the daily briefing by spokesperson Ana Demo.",
                "MS SPOKESPERSON: Good afternoon. I have one announcement before your questions.",
                "QUESTION: Will the minister travel to Istanbul this week?",
                "MS SPOKESPERSON: No decision has been taken yet. We will inform you.",
                "QUESTION: And the prisoner exchange?",
                "MS SPOKESPERSON: It is being prepared. I cannot give a date."]
    assert turns(briefing) == [("interview", "Ana Demo"), ("question", "QUESTION")] * 2 + [("interview", "Ana Demo")]
    call_in = ["Radio phone-in with host Ola Sample.",
               "HOST: Our first caller is on the line. Go ahead, please.",
               "CALLER (Marta, Lviv): I just want to know whether the exchange will include my brother.",
               "HOST: Thank you, Marta. We put that question to the ministry.",
               "CALLER (Petro, Odesa): The talks are a show. Nothing will change on the ground."]
    assert turns(call_in) == [("question", "HOST"), ("interview", "Marta"), ("question", "HOST"), ("interview", "Petro")]


def test_kremlin_transcript_initial_and_question_labels() -> None:
    paragraphs = ["Dmitry Sampleov answered journalists' questions after the meeting.",
                  "Question: Has a date for the next round been agreed?",
                  "D. Sampleov: Not yet. The contacts continue at the expert level.",
                  "Question: Will the President take part?",
                  "D. Sampleov: That depends on how the work goes. It is too early to say."]
    assert turns(paragraphs) == [("question", "Question"), ("interview", "Dmitry Sampleov")] * 2


# --------------------------------------------------------------------------- blind5 direct-speaker families


def test_a_name_in_apposition_before_said_is_whom_he_means() -> None:
    paragraphs = ["Defence Minister Tom Sample said no troops had been requested.",
                  "Ruritania's ambassador to Freedonia, Ivo Demo, said the talks had failed. \"Moscow came with "
                  "demands, not proposals,\" he told reporters."]
    assert speakers(paragraphs, "direct") == ["Ivo Demo"]


def test_a_subject_with_an_apposition_before_did_is_whom_she_means() -> None:
    paragraphs = ["In his final statement, Sergeant Ivan Sample, 27, asked for forgiveness. \"I was afraid,\" he said.",
                  "Olga Demo, the victim's widow, did not look at him. Asked whether she accepted the apology, "
                  "she shook her head. \"He will be home in a year if they exchange him,\" she said."]
    assert speakers(paragraphs, "direct") == ["Ivan Sample", "Olga Demo"]


def test_a_name_given_surname_first_is_resolved_from_its_first_word() -> None:
    paragraphs = ["Foreign Ministry spokesperson Lin Example said on Wednesday that dialogue was the only way out.",
                  "\"Our position is consistent and clear, and it has not changed,\" Lin said."]
    assert speakers(paragraphs, "direct") == ["Lin Example"]


def test_a_pronoun_subject_hands_the_next_unattributed_quote_to_its_referent() -> None:
    paragraphs = ["\"We are not tired. We are angry,\" said Tom Sample, the negotiator.",
                  "He was speaking at a reception in Kyiv a day after returning from Turkey.",
                  "\"The document is not a peace plan. It describes our defeat.\"",
                  "Mira Demo, a colleague, said the jokes were the hardest part.",
                  "For Sample, that remark captures the problem. He says everyone in the room speaks the same language.",
                  "\"My grandmother spoke it at home all her life. She never spoke it again.\""]
    assert speakers(paragraphs, "direct") == ["Tom Sample", "Tom Sample", "Tom Sample"]


def test_partial_quotes_of_subjects_in_apposition_and_with_labelling_verbs() -> None:
    paragraphs = ["Ruritania's ambassador to Freedonia, Ivo Demo, said the talks had shown Moscow's \"true face\".",
                  "The opposition's defence critic, Tom Sample, accused the government of \"announcing intentions\".",
                  "Dr Lena Example, diplomatic adviser to the president, described the exchange as \"the fruit of "
                  "patient diplomacy\".",
                  "The audience is Washington, where Mira Demo, the special envoy, has described her talks as "
                  "\"very productive\"."]
    assert [(q.speaker, q.kind) for q in segment.find_quotes(paragraphs, short=True, reported=True)
            if q.kind in ("partial", "scare")] == [("Ivo Demo", "partial"), ("Tom Sample", "partial"),
                                                   ("Lena Example", "partial"), ("Mira Demo", "partial")]


def test_has_long_argued_names_whom_a_later_he_means() -> None:
    paragraphs = ["Analysts are divided. Jane Example said the talks were theatre.",
                  "Tom Sample of the Example Institute has long argued that the war will end at the table. But he "
                  "told us the current process was \"about positioning, not yet about substance\"."]
    assert speakers(paragraphs, "partial") == ["Tom Sample"]


def test_a_reported_clause_goes_on_past_but_before_a_modal() -> None:
    paragraphs = ["Ruritania's ambassador, Ivo Demo, told the BBC that Ruritania would welcome British forces but "
                  "could not base its security on promises alone."]
    assert reported(paragraphs) == [("Ivo Demo", "Ruritania would welcome British forces but could not base its "
                                                 "security on promises alone")]


def test_the_paper_or_the_statement_is_the_organisation_just_named_as_a_subject() -> None:
    paragraphs = ["The Example League said in a statement that it had no plans to change its rules. \"We continue "
                  "to hope for a peaceful resolution,\" the statement said.",
                  "The military blog Front Notes (1.2 million subscribers) called the round a waste of fuel. \"Our "
                  "guys are waiting for drones that never arrive,\" the channel wrote.",
                  "Germany's Example Zeitung called the talks theatre. \"Everything else is written for Washington,\" "
                  "the paper said."]
    assert speakers(paragraphs, "direct") == ["Example League", "Front Notes", "Example Zeitung"]


def test_a_role_label_with_the_person_in_parentheses_and_asides_that_ask() -> None:
    panel = ["A panel on the talks at the Example Institute.",
             "Moderator (Jane Roe): Welcome. What has changed since the last round?",
             "Ivo Demo (Example Institute): Very little. The positions are the same as in May.",
             "Moderator (Jane Roe): And the guarantees?",
             "Lena Sample (University of Example): They are the whole question. Nobody wants to give them."]
    assert turns(panel) == [("question", "Jane Roe"), ("interview", "Ivo Demo"), ("question", "Jane Roe"),
                            ("interview", "Lena Sample")]
    tv = ["EVENING DEBATE — TRANSCRIPT",
          "MIRA SAMPLE (HOST): Good evening. Is a ceasefire any closer tonight?",
          "TOM EXAMPLE (GUEST): Closer than last week, but not close. The drones still fly.",
          "MIRA SAMPLE (HOST): What would change that?",
          "TOM EXAMPLE (GUEST): Guarantees that someone is ready to enforce."]
    assert turns(tv) == [("question", "Mira Sample"), ("interview", "Tom Example")] * 2
    commons = ["Ukraine: Prisoner Exchanges",
               "Mr Tom Sample (Eastshire) (Con) (Urgent Question): To ask the Minister if she will make a statement.",
               "The Minister for the Balkans (Ada Demo): The exchange took place on Monday. More will follow.",
               "Madam Deputy Speaker (Dame Lena Example): Order. The hon. Gentleman has had his answer.",
               "Mr Sample: I am grateful. Will the Minister publish the list of names?",
               "Ada Demo: We will not publish names while the families are being told."]
    assert [s for _, s in turns(commons)] == ["Tom Sample", "Ada Demo", "Lena Example", "Tom Sample", "Ada Demo"]
    assert {k for k, _ in turns(commons)} == {"interview"}


def test_question_tags_with_an_outlet_and_bare_timestamps_with_seconds() -> None:
    briefing = ["Transcript of the briefing by Ana Demo, spokeswoman for the ministry.",
                "Q (Example News): Will the minister travel to the talks this week?",
                "Spokeswoman: No decision has been taken. We will inform you in good time.",
                "Q (Example Post): And the prisoner exchange?",
                "Spokeswoman: It is being prepared. I cannot give you a date."]
    assert turns(briefing) == [("question", "Q"), ("interview", "Ana Demo")] * 2
    podcast = ["This week host Mira Sample talks to Ivo Demo about the memorandum.",
               "00:00:41 Mira Sample: Ivo, welcome back. What is in the memorandum?",
               "00:00:52 Ivo Demo: Demands, mostly. Nothing that looks like a proposal.",
               "00:02:15 Mira Sample: Will Kyiv answer it?",
               "00:02:19 Ivo Demo: It will, in writing, and it will say no."]
    assert turns(podcast) == [("question", "Mira Sample"), ("interview", "Ivo Demo")] * 2


def test_a_subject_before_an_irregular_past_is_whom_she_means() -> None:
    paragraphs = ["Asked whether Kyiv would accept, Lena Example shook her head. \"Never,\" she said. "
                  "\"Not in a hundred years, whatever they offer.\""]
    assert speakers(paragraphs, "direct") == ["Lena Example"]


def test_a_role_at_the_institution_and_a_role_then_a_name_after_said() -> None:
    paragraphs = ["Tom Sample has a different view.",
                  "\"Talks are the only way out,\" the analyst at the Example Centre said.",
                  "\"We hope for the best,\" said one resident, Lena Example, 63."]
    assert speakers(paragraphs, "direct") == ["Tom Sample", "Lena Example"]


def test_dotted_and_bold_question_and_answer_labels() -> None:
    dotted = ["Ivo Demo, the chief negotiator, spoke to us in Kyiv.",
              "Q. What did the other side bring to the table?",
              "A. A memorandum of demands. Nothing we could sign.",
              "Q. Will there be another round?",
              "A. If there is an exchange to agree, yes."]
    assert turns(dotted) == [("question", "Q"), ("interview", "Ivo Demo")] * 2
    bold = ["Lena Example, the mayor, answered our questions.",
            "**Q:** How did the city get through the night?",
            "**A:** With generators and patience. The grid is down again.",
            "**Q:** And the talks?",
            "**A:** I will believe in them when the sirens stop."]
    assert turns(bold) == [("question", "Q"), ("interview", "Lena Example")] * 2
    assert turns(["A. Example was named ambassador in May.", "Q. Example did not comment.",
                  "The ministry said the talks would resume."]) == []


def test_a_role_label_is_the_person_the_heading_names_with_that_role() -> None:
    briefing = ["Press Briefing, 3 May", "Ana Demo, Deputy Department Spokesperson",
                "MR SPOKESPERSON: Good afternoon. I have nothing at the top today.",
                "QUESTION: Is there a date for the next round?",
                "MR SPOKESPERSON: Not yet. We are working on it.",
                "(Laughter.)",
                "QUESTION: Follow-up on that —",
                "MR SPOKESPERSON: I said what I can say."]
    assert turns(briefing) == [("interview", "Ana Demo"), ("question", "QUESTION"), ("interview", "Ana Demo"),
                               ("question", "QUESTION"), ("interview", "Ana Demo")]
    record = ["Council, 90th meeting", "President: Mr. Ivo Sample (Norway)",
              "The PRESIDENT: I give the floor to Ms. Demo.",
              "Ms. Demo: Thank you, Mr. President. The talks produced an exchange of prisoners.",
              "Mr. Example (Sweden): We welcome the exchange. More is needed.",
              "The PRESIDENT: I thank Ms. Demo. The meeting is adjourned."]
    assert [s for _, s in turns(record)] == ["Ivo Sample", "Demo", "Example", "Ivo Sample"]


def test_readers_questions_to_one_expert_ask_and_a_headline_is_no_turn() -> None:
    column = ["Ask the Expert: Can a front line become a border?",
              "Readers send us questions; Dr. Ivo Demo answers them.",
              "Hanna (Toronto): If the line is frozen, does it become the border?",
              "Dr. Demo: No. A border needs a treaty that both states ratify freely.",
              "Peter (Leeds): Could peacekeepers be sent to the line?",
              "Dr. Demo: In theory, yes. In practice, a mandate needs a vote.",
              "Ines (Lisbon): Is anything in the talks genuinely new?",
              "Dr. Demo: The exchanges are. The rest is old."]
    assert [k for k, _ in turns(column)] == ["question", "interview"] * 3


def test_a_headline_quote_takes_the_speaker_of_the_body_quote_it_repeats() -> None:
    paragraphs = ["Harbour town prepares for a truce: \u201eWe are ready the day after\u201d",
                  "The cranes work at full speed.",
                  "\u201eWe are ready the day after. Give us a week,\u201d said Ivo Demo, the port director."]
    assert [q.speaker for q in segment.find_quotes(paragraphs)] == ["Ivo Demo", "Ivo Demo"]


def test_the_subject_of_a_sentence_a_colon_ends_and_a_sign_off_dash() -> None:
    assert speakers(["Asked about a return to the league, Tom Sample was firm: \"That is not a question for today.\""],
                    "direct") == ["Tom Sample"]
    assert speakers(["A senior official in the Chancellery, who asked not to be named, put it like this: "
                     "\"Everyone wants guarantees, nobody wants to give them.\""], "direct")[0].endswith("Chancellery")
    assert speakers(["- Lena Example, arriving: \"Nobody is negotiating. Everyone is stalling.\""],
                    "direct") == ["Lena Example"]
    assert speakers(["QUOTE OF THE DAY", "\"We are not its lawyers. We are not its gravediggers either.\" "
                     "\u2014 Example, at the end of the dinner."], "direct") == ["Example"]


def test_a_role_after_the_quote_means_the_subject_named_before_it() -> None:
    paragraphs = ["\"We came for people, not photographs,\" said Ivo Demo, the defence minister.",
                  "Across the hall, Tom Sample offered a different account. \"The talks were businesslike, "
                  "not friendly,\" the Kremlin aide said. He insisted the memorandum was \"not an ultimatum\"."]
    assert speakers(paragraphs, "direct") == ["Ivo Demo", "Tom Sample"]
    assert speakers(paragraphs, "partial") == ["Tom Sample"]


def test_a_role_holder_named_after_the_place_they_serve_is_whom_he_means() -> None:
    paragraphs = ["A senior ministry official said the response had been positive.",
                  "The Russian ambassador to France, Ivo Demo, denounced the plan. \"It is not serious,\" he added."]
    assert speakers(paragraphs, "direct") == ["Ivo Demo"]


def test_a_subject_with_two_asides_and_nobody_in_particular() -> None:
    paragraphs = ["Tom Sample, the captain, said the team was ready.",
                  "Ivo Demo, 29, from the east, wore his brother's shirt. \"Every time they talk, I read the lists,\" "
                  "he said.",
                  "Lena Example walked along the river. Somebody asked her about the next round. "
                  "\"There will be one,\" she said, \"and I will be there.\""]
    assert speakers(paragraphs, "direct") == ["Ivo Demo", "Lena Example", "Lena Example"]


def test_names_with_particles_and_a_name_shortened_to_a_word_inside_it() -> None:
    paragraphs = ["President Ana Maria Souza da Lima said on Tuesday that the door was open.",
                  "Souza said: \"Our country talks to everyone. There are not many that can say this.\""]
    assert speakers(paragraphs, "direct") == ["Ana Maria Souza da Lima"]


def test_the_person_named_since_the_last_quote_and_a_he_sentence_before_a_quote() -> None:
    paragraphs = ["Ivo Demo said the talks had failed.",
                  "Asked whether he would return, he did not hesitate. \"We will come to a fifth round.\"",
                  "When one journalist asked him, \"Will there be a fourth round?\", Tom Sample smiled. "
                  "\"Ask the other side. We are always here.\""]
    assert speakers(paragraphs, "direct") == ["Ivo Demo", "one journalist", "Tom Sample"]


def test_a_possessive_role_after_the_quote_and_short_quotes_in_a_row() -> None:
    assert speakers(["\"Twelve for twelve. Preparations begin today,\" Ukraine's chief negotiator, Ivo Demo, "
                     "wrote on Facebook."], "direct") == ["Ivo Demo"]
    assert speakers(["Lena Example was still there.", "\"Nothing yet,\" she said. \"Maybe tomorrow.\""],
                    "direct") == ["Lena Example", "Lena Example"]


def test_a_bullet_of_narration_is_no_dash_speech() -> None:
    paragraphs = ["WHAT THEY'RE SAYING",
                  "- Jan Example told state radio before the dinner that his country would not support the package.",
                  "- Lena Example, who joined by video link, wrote afterwards that Kyiv expected it to pass \"without delay\".",
                  "— We will not wait for anyone, — the minister said."]
    assert [q.kind for q in segment.find_quotes(paragraphs) if q.kind == "dash"] == ["dash"]


def test_a_role_subject_does_not_run_past_its_own_speech_verb() -> None:
    """Each length of a role phrase is tried with all its continuations before a longer one, so a
    role subject stops at its own verb instead of running on to the next sentence's name."""
    from analysis.segment.patterns import _attributions

    text = ('Marco Rubio has defended the envoy. "Steve has the trust of the president," the secretary of state '
            'said in April. Rubio has also said that the United States is not choosing sides.')
    subjects = [m.group("subj") for m in _attributions(text)]
    assert subjects[0] == "the secretary of state" and not any(" said " in s for s in subjects)  # (was "... said in April. Rubio")


def test_more_speech_verbs_and_role_nouns_from_the_packaged_lists() -> None:
    """Verbs such as "affirmed", "conceded" or "hammered" attribute a quote, and roles such as
    "the pontiff" or "the coordinator" resolve to the person the article named with them."""
    paragraphs = ["“Nobody will decide this over our heads,” affirmed Jane Roe, the foreign minister.",
                  "“We were slower than we should have been,” Tom Example conceded on Friday.",
                  "Pope Leo Example, the pontiff, spoke after the prayer.",
                  "“Peace asks nothing for itself,” the pontiff said.",
                  "Anna Sample, a coordinator of the families' network, keeps the list.",
                  "“We trust no list but ours,” the coordinator said."]
    assert speakers(paragraphs, "direct") == ["Jane Roe", "Tom Example", "Leo Example", "Anna Sample"]


def test_a_pronoun_means_the_person_the_paragraph_introduced_with_an_apposition() -> None:
    """When nobody is a subject or speaker in the paragraph before a "she asked", the person the
    paragraph introduced with an apposition ("X, a member of ...", "Y, 70, who ...") is meant,
    not the speaker of an earlier paragraph."""
    paragraphs = ["Anna Sample opened the hearing. “We are ready to listen,” she said.",
                  "The first question came from Maria Example, a Dutch member of the committee. "
                  "“Who pays for it?” she asked.",
                  "His neighbour Oleg, 70, who stood behind him, disagreed. “It will not last,” he said."]
    assert speakers(paragraphs, "direct") == ["Anna Sample", "Maria Example", "Oleg"]


def test_whoever_replies_to_a_question_is_not_the_one_who_asked_it() -> None:
    """A role that replies ("The chair replied that ...") after someone asked a question resolves
    past the asker, to the person before them (it failed once the apposition rule above gave the
    question to its asker)."""
    paragraphs = ["Anna Sample faced the committee. “We are ready to listen,” she said.",
                  "The first question came from Maria Example, a Dutch member. “Who pays for it?” she asked.",
                  "The High Representative replied that the bill was “not a small thing”."]
    assert speakers(paragraphs, "partial") == ["Anna Sample"]


def test_an_unnamed_source_after_its_verb_keeps_where_they_are() -> None:
    """'," said a fund manager at a London bank,' / '," wrote one resident from Lviv under ...': the
    unnamed source as the article describes it, with the place it ends its clause with or a named
    place; a definite role keeps resolving to the person ("the minister in a statement" is no source)."""
    paragraphs = ["“I have seen this before,” said a fund manager at a London bank, who asked not to be named.",
                  "“Too little, too late,” wrote one resident from Lviv under the minister's post.",
                  "“We expect nothing,” said a banker involved in the talks.",
                  "“Swap today, strike tonight,” wrote one user from Kharkiv under the post.",
                  "Foreign Minister Jane Roe arrived late. “Nothing changes,” said the minister in a statement."]
    assert speakers(paragraphs, "direct") == ["fund manager at a London bank", "one resident from Lviv",
                                              "banker involved in the talks", "one user from Kharkiv", "Jane Roe"]


def test_a_role_written_as_an_acronym_is_no_name() -> None:
    """"the German MEP said": an upper-case role noun (MEP) is a role that resolves to the person
    just named, not a speaker called "MEP"."""
    paragraphs = ["Maria Example, a German Green, raised the question of troops.",
                  "Example was not satisfied. “That is what we were told before,” the German MEP said."]
    assert speakers(paragraphs, "direct") == ["Maria Example"]


# --------------------------------------------------------------------------- blind8 families


def test_numbered_questions_put_to_someone_are_an_interview_and_an_explainers_are_not() -> None:
    interview = ["Five questions for Ivo Demo before the talks",
                 "The deputy minister answered our questions in writing.",
                 "1. Is a ceasefire closer than a month ago?",
                 "Closer on paper. But a text is not a ceasefire.",
                 "2. What should Europe do?",
                 "Pay, and be in the room. Nobody pays for a photograph.",
                 "3. Will you go to Geneva?",
                 "If I am invited, yes. I have my bags packed.",
                 "The talks resume on Monday."]
    assert turns(interview) == [("question", "interviewer"), ("interview", "Ivo Demo")] * 3
    explainer = ["What the talks are about, in three questions",
                 "Lena Example, our diplomatic editor, explains the basics of the negotiations.",
                 "1. Who is at the table?",
                 "The two delegations, with mediators from the host country.",
                 "2. What is on the agenda?",
                 "Prisoners first, then a ceasefire line.",
                 "3. When will we know more?",
                 "Not before the summer, most diplomats think."]
    assert turns(explainer) == []


def test_vox_pop_labels_with_an_age_and_a_job_answer_the_outlets_question() -> None:
    vox = ["We asked people in the square one question.",
           "Our question: Would you accept a ceasefire on the current line?",
           "Olena Sample, 63, retired teacher: Yes, if the boys stop dying. Land can come back one day.",
           "Ivo Demo, 29, programmer, served in the army: No. They will come back in two years with more tanks.",
           "Mira Example, 41, nurse: I honestly do not know. Ask me after I read the text."]
    assert turns(vox) == [("question", "Our question"), ("interview", "Olena Sample"), ("interview", "Ivo Demo"),
                          ("interview", "Mira Example")]


def test_a_country_is_never_he_and_a_partial_quotes_speaker_is_she() -> None:
    paragraphs = ["Foreign Minister Tom Sample said Ruritania had informed both embassies in writing. "
                  "He added that the country would not take sides.",
                  "A lecturer at the University of Example, Dr Lena Example, described the offer as \"bold but symbolic\".",
                  "\"Symbolism matters in diplomacy, and we gain by being seen at the table,\" she told us."]
    assert speakers(paragraphs, "indirect")[-1] == "Tom Sample"
    assert speakers(paragraphs, "direct") == ["Lena Example"]


def test_a_person_of_an_institution_is_the_person_and_a_nickname_is_the_full_name() -> None:
    paragraphs = ["Observer Lena Example of Universitas Sample Raya assessed that the offer was sound. "
                  "\"This is classic neutrality,\" she said.",
                  "Spokesman Tomas Samplewicz, known as Tom, explained the offer. \"We are realistic,\" Tom said."]
    assert speakers(paragraphs, "direct") == ["Lena Example", "Tomas Samplewicz"]


def test_passages_of_a_speech_after_a_paragraph_that_names_no_one() -> None:
    paragraphs = ["Chancellor Ivo Demo told his party's congress that the country would not push for a bad deal.",
                  "Here are the key passages of the speech, with the hall's reactions.",
                  "\"We will not buy peace with other people's land.\" (Applause.)",
                  "\"A ceasefire that lets the aggressor reload is not peace.\" (Applause.)"]
    assert speakers(paragraphs, "direct") == ["Ivo Demo", "Ivo Demo"]


def test_an_opening_adverb_is_no_person_and_a_role_named_later_is_that_person() -> None:
    paragraphs = ["\"If they bring that map again, we leave,\" the delegation's legal adviser said in the lobby.",
                  "Upstairs, the host was calming things down. \"Nobody brings surprises today,\" the ambassador said.",
                  "\"It is a matter of days,\" a senior official said.",
                  "Only at the end of the day were the names published. The legal adviser was Ivo Demo, a former "
                  "judge. The host was Ambassador Lena Example. Mira Sample, a senior official, declined to comment."]
    assert speakers(paragraphs, "direct") == ["Ivo Demo", "Lena Example", "senior official"]


def test_she_with_no_one_named_before_is_the_person_the_narration_just_named() -> None:
    paragraphs = ["We asked Dr Lena Example, who studies how wars end, to explain.",
                  "\"Imagine two people arguing over a garden fence,\" she said."]
    assert speakers(paragraphs, "direct") == ["Lena Example"]


# --------------------------------------------------------------------------- blind9 families


def test_double_hyphen_questions_with_unlabelled_answers() -> None:
    paragraphs = ["Former envoy Ivo Demo: the talks need patience",
                  "Ivo Demo served in Moscow and Kyiv. The interview has been edited for length.",
                  "-- How do you read the latest round?",
                  "Both sides now negotiate the ceasefire itself. That is new.",
                  "-- Some in the capital worry that a weak deal sends a message.",
                  "They are right to worry. Deals are read far away.",
                  "-- Where does your country fit in?",
                  "At the edge of the table, for now. That can change.",
                  "-- Are you optimistic?",
                  "About the talks, yes. About the peace, not yet."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Ivo Demo")] * 4


def test_a_hearing_record_the_chair_and_members_ask_the_witness_answers() -> None:
    paragraphs = ["Hearing transcript (excerpt)",
                  "Present: Senators Sample [presiding], Example and Demo.",
                  "The CHAIRMAN. The committee will come to order. We will hear from the special envoy today.",
                  "Mr. DEMOV. Thank you, Chairman. We have held direct talks with both delegations.",
                  "Senator EXAMPLE. Has Moscow put its demands in writing?",
                  "Mr. DEMOV. Not in writing, Senator. But they were clear in the room.",
                  "Senator EXAMPLE. Then what exactly are we offering them?"]
    # (the record's heading "Present: ..." is no turn)
    assert turns(paragraphs) == [("question", "CHAIRMAN"), ("interview", "DEMOV"), ("question", "Senator EXAMPLE"),
                                 ("interview", "DEMOV"), ("question", "Senator EXAMPLE")]


def test_bare_q_tags_and_the_president_label_name_the_president() -> None:
    paragraphs = ["Press gaggle by President Example aboard the plane",
                  "THE PRESIDENT: Hello, everybody. We had a very good day with the delegations.",
                  "Q Sir, did you speak to the other side today?",
                  "THE PRESIDENT: Not today. I will speak with them again soon, and they want a deal.",
                  "Q Is the deadline real?",
                  "THE PRESIDENT: Everything is real until it is not. We will see very soon."]
    assert turns(paragraphs) == [("interview", "Example"), ("question", "Q"), ("interview", "Example"),
                                 ("question", "Q"), ("interview", "Example")]


def test_a_q_and_a_whose_introduction_names_a_country_first() -> None:
    paragraphs = ["Moldova's deputy minister on the talks",
                  "Ivo Demo, Moldova's first deputy minister, spoke to us in the capital.",
                  "Q. What changed in the room?", "A. The tone changed more than the substance.",
                  "Q. And the substance?", "A. On territory, nothing has moved."]
    assert turns(paragraphs) == [("question", "Q"), ("interview", "Ivo Demo")] * 2


def test_a_release_signs_its_quotes_in_the_next_paragraph_and_bullets_are_no_speech() -> None:
    paragraphs = ["Today the Honourable Lena Example, Minister of Foreign Affairs, announced new funding.",
                  "Quotes",
                  "\u201cCanada wants this war to end with a just and lasting peace.\u201d",
                  "\u2013 The Honourable Lena Example, Minister of Foreign Affairs",
                  "\u201cPeace will not be built in a conference room alone.\u201d",
                  "\u2013 The Right Honourable Ivo Demo, Prime Minister of Canada",
                  "Quick facts",
                  "- Since 2022, Canada has committed more than $20 billion to Ukraine.",
                  "- The funding will be delivered through partners."]
    found = segment.find_quotes(paragraphs, short=True, reported=True)
    assert [(q.kind, q.speaker) for q in found if q.kind in ("direct", "dash")] == [("direct", "Lena Example"),
                                                                                   ("direct", "Ivo Demo")]


def test_spanish_dialogue_dashes_before_and_after_the_attribution() -> None:
    paragraphs = ["Foreign Minister Ivo Demo defended the government's position in the Senate.",
                  "\u2014Spain wants peace, but not at any price \u2014Demo said in reply to a question\u2014. "
                  "A peace that Ukrainians do not accept will not last a year.",
                  "\u2014The weight of Spain at this table is small \u2014she admits\u2014. But Spain counts in Brussels."]
    found = [(q.kind, q.speaker, q.text) for q in segment.find_quotes(paragraphs)]
    assert found[:2] == [("dash", "Ivo Demo", "Spain wants peace, but not at any price"),
                         ("dash", "Ivo Demo", "A peace that Ukrainians do not accept will not last a year.")]
    assert [k for k, _, _ in found[2:]] == ["dash", "dash"]


def test_a_nickname_a_first_name_and_a_full_name_after_a_headline() -> None:
    paragraphs = ["Lena Sampleova has heard every word of the talks. Everyone at the table calls her Sasha.",
                  "\"Negotiators choose their words. I only carry them,\" Sasha says.",
                  "She grew up in the north, where her mother, Nina Sampleova, taught English.",
                  "\"She would repeat every sentence, like a parrot with ambitions,\" Nina says."]
    assert speakers(paragraphs, "direct") == ["Lena Sampleova", "Nina Sampleova"]
    headline = ["Demov Dismisses Ceasefire: Is Moscow Doubling Down? \u2013 Foreign Minister Ivan Demov this week "
                "ruled out a ceasefire. \"We have already been in these stories,\" Demov said."]
    assert speakers(headline, "direct") == ["Ivan Demov"]


# --------------------------------------------------------------------------- blind10 families


def test_an_unnamed_source_described_past_its_role_noun_and_a_person_by_age() -> None:
    paragraphs = ["Ivo Demo, the foreign minister, spoke in the morning.",
                  "A European diplomat who has read both documents said the gap was typical.",
                  "\"Each side writes the readout for its own audience,\" the diplomat said.",
                  "Mother-of-three Lena Example has kept a suitcase packed for three years.",
                  "\"I keep a bag by the door,\" the 41-year-old said."]
    assert speakers(paragraphs, "direct") == ["European diplomat", "Lena Example"]  # (the source, without its clause)


def test_a_news_sites_source_and_quote_blocks() -> None:
    paragraphs = ["Ivo Demov, head of the delegation, has announced an agreement on the next exchange.",
                  "Source: Demov on Telegram",
                  "Quote: \"Today the working group completed its work. The lists are agreed.\"",
                  "Details: Demov said the exchange would include wounded soldiers.",
                  "Earlier, Lena Example, the human rights commissioner, said access was still refused.",
                  "Quote from Example: \"Every exchange is a victory, but not a substitute for the rules of war.\""]
    found = [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs, short=True, reported=True)]
    assert [s for k, s in found if k == "direct"] == ["Ivo Demov", "Lena Example"]
    assert "Details" not in {s for _, s in found}


def test_an_interview_without_labels_and_one_with_labels_in_brackets() -> None:
    unlabelled = ["Ambassador Lena Example: we are negotiating with a mediator",
                  "Lena Example has been ambassador since last year. The conversation has been edited for length.",
                  "Ambassador, are you closer to a ceasefire?", "Closer, yes. Close, no. Now we argue about the text.",
                  "What is still blocking an agreement?", "The line, the guarantees and the size of our army.",
                  "Mediator or ally?", "Both, and that is the difficulty.",
                  "Do you feel the pressure is on your side?", "Every day. That is what ambassadors are for."]
    assert turns(unlabelled) == [("question", "interviewer"), ("interview", "Lena Example")] * 4
    bracketed = ["Transcript of the briefing by the spokesman of the Ministry of Foreign Affairs, Ivo Demo.",
                 "[SPOKESMAN] Good afternoon. Before questions, one announcement about the minister's travel.",
                 "[JOURNALIST, Example News] Has the country been invited to the next round?",
                 "[SPOKESMAN] No, and we did not ask to be. We are informed before and after each round.",
                 "[JOURNALIST, Example Radio] Will soldiers take part in a reassurance force?",
                 "[SPOKESMAN] No decision has been taken. The government will decide in good time."]
    assert turns(bracketed) == [("interview", "Ivo Demo"), ("question", "JOURNALIST"), ("interview", "Ivo Demo"),
                                ("question", "JOURNALIST"), ("interview", "Ivo Demo")]


# --------------------------------------------------------------------------- blind12 families


def test_translated_dash_speech_with_a_bare_role_and_a_capitalised_one() -> None:
    expert = ["Experts interviewed by the paper assess the chances with restraint.",
              "\u2014 The moratorium is the simplest of all steps, \u2014 believes political scientist Ivan Demov. "
              "\u2014 Both sides want to keep the process going."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(expert)] == [("dash", "Ivan Demov")] * 2
    speaker = ["Any agreement must be binding, Chairman of the State Duma Ivan Demov stated on Tuesday.",
               "\u2014 We have been deceived too many times, \u2014 the Speaker emphasised."]
    assert speakers(speaker, "dash") == ["Ivan Demov"]


def test_outlet_labels_with_a_slash_and_an_outlets_question_before_a_dash() -> None:
    slash = ["Lena Example, the deputy minister, spoke to RFE/RL in Kyiv. The interview has been edited.",
             "RFE/RL: You have just come back. What happened there?",
             "Example: We spent two days on one document. It matters.",
             "RFE/RL: Did anything surprise you?",
             "Example: The tone did. It was calmer than before."]
    assert turns(slash) == [("question", "RFE/RL"), ("interview", "Lena Example")] * 2
    dashed = ["Ivo Demo, the foreign minister, answered our questions in his office.",
              "LE FIGARO. - Has your country been sidelined?",
              "Not at all. We are in contact with both delegations every day.",
              "LE FIGARO. - A thirty-day truce, is that a step forward?",
              "It is a step, and we welcome it. But let us be lucid.",
              "LE FIGARO. - Concretely, what consequences?",
              "New sanctions, prepared in advance."]
    assert turns(dashed) == [("question", "interviewer"), ("interview", "Ivo Demo")] * 3


def test_a_surname_with_a_particle_and_a_full_name_given_after_the_first_mention() -> None:
    paragraphs = ["The host country's spokesperson, Majed al-Example, has told reporters the text was ready.",
                  "\"There is a text on the table,\" he said."]
    assert speakers(paragraphs, "direct") == ["Majed al-Example"]


# --------------------------------------------------------------------------- blind13 families


def test_an_unlabelled_interview_whose_questions_are_sometimes_statements() -> None:
    paragraphs = ["Foreign minister: neutrality does not mean standing aside",
                  "Lena Example explains why her country wants to host the signing.",
                  "Ms Example, the talks are in Oman, not here. Has your country missed its chance?",
                  "No. Muscat is the right place for this phase. But an agreement must be signed and monitored.",
                  "Moscow would hardly accept the OSCE as a monitor. It calls it hostile.",
                  "Moscow says a lot of things. It accepted the monitors before.",
                  "Could your soldiers take part in a mission?",
                  "Within a United Nations mandate, yes. We have done it before.",
                  "What would a good outcome look like?",
                  "A ceasefire that holds, and all prisoners home."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Lena Example")] * 4


def test_a_translated_interlocutor_and_an_honorific_stand_for_who_was_just_named() -> None:
    source = ["A source close to the delegation told Example News that a deal was near.",
              "\u00abThe Americans want to pay for quiet with sanctions\u00bb, \u2014 the interlocutor of Example News said."]
    assert speakers(source, "direct") == ["source close to the delegation"]
    highness = ["Foreign Minister Sheikh Ivo bin Demo met both envoys in the capital on Monday.",
                "\"Dialogue is the only path to ending this crisis,\" His Highness said."]
    assert speakers(highness, "direct") == ["Ivo bin Demo"]  # (a clergy or courtesy title is dropped, as "Foreign Minister" is)


# --------------------------------------------------------------------------- blind14 families


def test_an_unlabelled_interview_the_introduction_says_the_paper_met_them_for() -> None:
    paragraphs = ["Lena Example: \"We will not sign a blank cheque\"",
                  "The country is ready to help, says Defence Minister Lena Example. The paper met her after a cabinet meeting.",
                  "The talks have gone on for a week. Is a ceasefire closer?",
                  "Closer than in spring, yes. But the hard questions are open.",
                  "What can your country offer?",
                  "Staff officers and drone experts. Not combat troops.",
                  "And the Americans?",
                  "Their role is essential. It is what would make Moscow think twice.",
                  "What is your worst case?",
                  "A bad agreement that lets Russia rebuild its army."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Lena Example")] * 4


def test_question_and_answer_written_out_before_the_short_labels() -> None:
    paragraphs = ["Ambassador Ivo Demo receives the paper in his embassy. He does not want to predict the outcome.",
                  "Question. How do you see the negotiations after five days?",
                  "Answer. Better than in February, worse than the headlines.",
                  "Q. Is the truce a success?",
                  "A. It is a success for the people who can sleep a little more."]
    assert turns(paragraphs) == [("question", "Question"), ("interview", "Ivo Demo"), ("question", "Q"), ("interview", "Ivo Demo")]


def test_guillemets_nested_in_guillemets_are_one_quote() -> None:
    paragraphs = ["Ivan Demov stated this at a meeting of the Council.",
                  "\u00abWe have heard these words before \u2014 \u00abceasefire\u00bb, \u00abpause\u00bb. "
                  "This time we will not be deceived\u00bb, the diplomat said.",
                  "\u00abRussia has turned the word \u00abceasefire\u00bb into a weapon\u00bb, Petro Example said."]
    found = [(q.kind, q.text, q.speaker) for q in segment.find_quotes(paragraphs, short=True)]
    assert found == [("direct", "We have heard these words before \u2014 \u00abceasefire\u00bb, \u00abpause\u00bb. "
                                "This time we will not be deceived", "Ivan Demov"),
                     ("direct", "Russia has turned the word \u00abceasefire\u00bb into a weapon", "Petro Example")]


def test_a_shorter_form_of_a_full_name_is_that_name() -> None:
    prince = ["The Kingdom is keen to help, Foreign Minister Prince Ivo bin Demo said in opening remarks.",
              "\"The Kingdom has opened its doors,\" Prince Ivo said, adding that it sought no other role."]
    assert speakers(prince, "direct") == ["Prince Ivo bin Demo"]
    particle = ["Commission President Lena von der Example said the extension was \"an important step\".",
                "\"Europe stands with Ukraine,\" she said in a statement."]
    assert speakers(particle) == ["Lena von der Example", "Lena von der Example"]


def test_malaysian_honorifics_are_titles_not_names() -> None:
    paragraphs = ["Malaysia is ready to help, said Foreign Minister Datuk Seri Ivo Demo.",
                  "Asked about troops, Ivo said no request had been received.",
                  "\"If there is a request, we will study it,\" said Datuk Seri Ivo."]
    assert speakers(paragraphs, "direct") == ["Ivo Demo"]


def test_a_party_tag_between_the_subject_and_the_verb() -> None:
    paragraphs = ["President Ivo Demo said he did not expect a deal this year.",
                  "Opposition member Lena Example (National Alliance) told the agency that the money should stay home. "
                  "\"Every euro we send abroad is a euro we do not spend here,\" she said."]
    assert speakers(paragraphs, "direct") == ["Lena Example"]


def test_an_unnamed_source_described_by_a_relative_clause_or_an_aside() -> None:
    relative = ["Lena Example, a negotiator, said the talks were long.",
                "An American diplomat who has attended most of the sessions said the breakthrough came late. "
                "\"Big rooms are for speeches,\" she said."]
    assert speakers(relative, "direct") == ["American diplomat"]
    aside = ["\"I remember it,\" said Lena Example.",
             "A member of the Russian delegation, who spoke on condition of anonymity, was less sentimental. "
             "\"We are not here to make friends,\" he said."]
    assert speakers(aside, "direct") == ["Lena Example", "member of the Russian delegation"]


def test_a_place_a_person_comes_from_or_serves_near_is_no_speaker() -> None:
    from_place = ["Lena Example from Kamensk-Uralsky, whose husband is a prisoner, asked for news.",
                  "\u2014 Nobody calls us, nobody explains anything, \u2014 the woman said.",
                  "\u00abI just want to know that he is alive\u00bb, Example repeated several times."]
    assert speakers(from_place) == ["Lena Example", "Lena Example"]
    near = ["Drones are the problem, argues Ivo Demo, a retired colonel.",
            "A Ukrainian officer serving near Kostiantynivka put it more bluntly in a message: "
            "\"Every night there are dozens of drones over our positions.\""]
    assert speakers(near, "direct") == ["Ukrainian officer"]


def test_a_long_title_before_the_name_makes_them_the_subject() -> None:
    paragraphs = ["\u00abNegotiations love silence\u00bb, Dmitry Demov said.",
                  "First deputy chairman of the committee on international affairs Ivan Example, "
                  "in a conversation with the paper, was more outspoken.",
                  "\u2014 If the West pumps Ukraine with weapons, there will be no ceasefire, \u2014 the senator warned."]
    assert speakers(paragraphs) == ["Dmitry Demov", "Ivan Example"]


def test_a_live_blogs_sub_headline_quote_in_single_marks() -> None:
    paragraphs = ["LIVE: Talks enter second week",
                  "Tom Reporter 18 June 2026 16:05",
                  "Kremlin: 'No agreement is final until everything is agreed'",
                  "The Kremlin has poured cold water on reports that a deal is imminent.",
                  "\"No agreement is final until everything is agreed,\" Dmitry Demov told reporters in Moscow."]
    found = [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs, short=True, reported=True)
             if q.text.startswith("No agreement")]
    assert found == [("direct", "Dmitry Demov")] * 2


def test_a_headline_opening_with_a_phrase_in_single_marks_has_no_speaker_tag() -> None:
    paragraphs = ["\u2018Putin Thinks He Is Winning\u2019: Russia Doesn\u2019t Want Any Ceasefire",
                  "\"We have already been in these stories,\" Ivan Demov said on Friday."]
    assert [q.kind for q in segment.find_quotes(paragraphs, short=True, reported=True)] == ["direct"]


# --------------------------------------------------------------------------- blind15 families


def test_a_vox_pop_of_occupations_ages_and_first_names() -> None:
    paragraphs = ["Correspondents asked residents of the capital what they expect from the talks.",
                  "\u2014 I watch the news every single evening, \u2014 says pensioner Lena Examplova, 71. "
                  "\u2014 We want to believe, but we are afraid to hope.",
                  "Timur, 20, a student at the Higher School of Economics, is more optimistic.",
                  "\u2014 If they have been sitting in one room for four days, it means something, \u2014 the young man believes.",
                  "Psychologist Ivana Demova advises Muscovites not to follow every piece of news.",
                  "\u2014 Hope is a normal feeling, but it is better to live one day at a time, \u2014 the specialist explained."]
    assert speakers(paragraphs, "dash") == ["Lena Examplova", "Lena Examplova", "Timur", "Ivana Demova"]


def test_a_line_naming_and_describing_the_speaker_of_the_next_paragraph() -> None:
    paragraphs = ["\u00abVienna is not Istanbul\u00bb: what the new round will bring",
                  "Experts share their views with the paper.",
                  "Ivan Demov \u2014 political scientist, associate professor at Kazan Federal University:",
                  "\u00abVienna is not Istanbul. In Istanbul both sides came to show they were ready to talk.\u00bb",
                  "Lena Examplova \u2014 economist, head of the analytical department of an investment company:",
                  "\u00abFor business the main question is not the ceasefire as such, but sanctions.\u00bb"]
    assert speakers(paragraphs, "direct")[1:] == ["Ivan Demov", "Lena Examplova"]


def test_a_dash_attribution_naming_an_outlet_in_guillemets() -> None:
    paragraphs = ["General Ivan Demov believes the experience of the Dniester should be taken into account.",
                  "\u2014 On the Dniester the line has held for thirty years because the parties control it, "
                  "\u2014 the general told \u00abRed Star\u00bb. \u2014 When we hear talk in European capitals "
                  "about a contingent, we understand what is meant."]
    found = [(q.kind, q.text.split(",")[0], q.speaker) for q in segment.find_quotes(paragraphs)]
    assert found == [("dash", "On the Dniester the line has held for thirty years because the parties control it",
                      "Ivan Demov"), ("dash", "When we hear talk in European capitals about a contingent", "Ivan Demov")]


def test_an_institution_between_a_title_and_the_name_is_not_the_name() -> None:
    paragraphs = ["Defence Minister of the Russian Federation Ivan Demov held a conference call with the command.",
                  "\u2014 Any agreement is worth exactly as much as the control over it, \u2014 the minister emphasized."]
    assert speakers(paragraphs, "dash") == ["Ivan Demov"]


def test_a_role_with_another_nationality_is_not_the_holder_of_that_role() -> None:
    paragraphs = ["Russian Foreign Minister Ivan Demov affirmed today that his country will not accept the monitors.",
                  "After talks with his Cuban counterpart, Pedro Ejemplo, the head of Russian diplomacy said they were useful.",
                  "For his part, Ejemplo reiterated that Cuba supports a negotiated solution.",
                  "\"Cuba has always defended dialogue and respect for international law,\" the Cuban foreign minister said."]
    assert speakers(paragraphs, "direct") == ["Pedro Ejemplo"]


def test_a_name_opening_with_a_romanian_or_polish_capital() -> None:
    paragraphs = ["Greek Foreign Minister Ivo Demos spoke first.",
                  "\u021aoiu, for her part, said Romania supported any arrangement that reduced the risk to shipping.",
                  "\"For Romania the Black Sea is not a distant theatre,\" \u021aoiu said."]
    assert speakers(paragraphs, "direct") == ["\u021aoiu"]


def test_a_rallys_organiser_named_after_the_verb() -> None:
    paragraphs = ["About 400 people gathered on the square for a rally.",
                  "\"We are glad that there are talks. But a peace without justice will not last,\" said organiser Lena Example."]
    assert speakers(paragraphs, "direct") == ["Lena Example"]


# --------------------------------------------------------------------------- blind16 families


def test_a_region_the_introduction_names_is_not_the_interviewee() -> None:
    paragraphs = ["Uzbekistan wants to be 'the table, not the referee': FM",
                  "Ivo Demov says Central Asia has a stake in peace as trade routes shift. Central Asia, he adds, is "
                  "no bystander. Demov spoke to the paper in his office.",
                  "Why did Uzbekistan agree to host the talks?",
                  "Because both sides asked, and because we could.",
                  "What does Central Asia gain?",
                  "A great deal. The war has changed our trade routes.",
                  "Will Japan have a role?",
                  "Certainly. Japan is a respected partner.",
                  "When will the next round be?",
                  "That is for the parties to say."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Ivo Demov")] * 4


def test_dash_speech_attributed_to_a_role_without_an_article() -> None:
    expert = ["\u2014 The other side needs a pause much more than we do, \u2014 retired colonel and military expert "
              "Ivan Demov is convinced. \u2014 At the front the initiative is ours."]
    assert [(q.text, q.speaker) for q in segment.find_quotes(expert)] == [
        ("The other side needs a pause much more than we do", "Ivan Demov"), ("At the front the initiative is ours.", "Ivan Demov")]
    reporter = ["\u2014 Any pause now is a chance for the enemy to restore its brigades, \u2014 military correspondent "
                "Lena Examplova, who has just returned from the front, told the channel. \u2014 The guys at the front do not "
                "understand what there is to talk about."]
    assert speakers(reporter, "dash") == ["Lena Examplova"] * 2


def test_unnamed_sources_described_by_a_clause_or_by_whom_they_are_close_to() -> None:
    clause = ["Experts are sceptical.",
              "A former State Department official who followed the grain negotiations closely put it to me this way: "
              "\u201cEvery deal that actually held in this war was narrow and boring.\u201d"]
    assert speakers(clause, "direct") == ["former State Department official"]
    close = ["Ivan Demov said there were no such plans.",
             "As a source of EXTV close to the Russian delegation said, the reason was a drone attack.",
             "\u00abOur side made it clear that it is impossible to discuss a ceasefire line\u00bb, \u2014 the interlocutor said."]
    assert speakers(close, "direct") == ["source of EXTV close to the Russian delegation"]


# --------------------------------------------------------------------------- blind17 families


def test_answers_under_dotted_initials_are_the_interviewees() -> None:
    paragraphs = ["Ivan Demov: \"The truce is a test\"",
                  "The paper spoke with First Deputy Foreign Minister Ivan Demov about the agreement.",
                  "ZN: Mr Demov, has your country agreed to a ceasefire?",
                  "Ivan Demov: No. It has agreed to a moratorium on strikes against energy sites.",
                  "ZN: What does it get in exchange?",
                  "I.D.: The same moratorium on the other side, and an exchange of prisoners.",
                  "ZN: Thank you.",
                  "I.D.: Thank you."]
    assert turns(paragraphs) == [("question", "ZN"), ("interview", "Ivan Demov")] * 3


def test_an_unlabelled_interviews_introduction_naming_its_subject_with_a_verb() -> None:
    paragraphs = ["Demova: \u00abA truce for the winter is welcome\u00bb",
                  "by Tom Reporter",
                  "BRUSSELS \u2013 Lena Demova receives Corriere in her office on Friday morning, the day after the joint "
                  "statement, and spoke to the paper about it.",
                  "High Representative, is the agreement good news?",
                  "If it holds, yes. Every night without missiles is a night of warmth.",
                  "Were you invited to the talks?",
                  "No, and I have said so to our American friends.",
                  "Will Europe lift sanctions?",
                  "European sanctions are decided in Europe.",
                  "Will you pay for the reconstruction?",
                  "We already do."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Lena Demova"}


def test_a_role_of_someone_named_in_the_possessive_is_not_whoever_was_named_last() -> None:
    paragraphs = ["Ivan Demov warned that Ukraine would hit back if the truce was broken.",
                  "Downing Street has given a cautious welcome to the deal.",
                  "The Prime Minister's official spokesman said: \"Any step that keeps the lights on is welcome.\"",
                  "Putin's spokesman Dmitry Examplov told reporters in Moscow: \"The final word belongs to President Putin.\""]
    assert speakers(paragraphs, "direct") == ["Prime Minister's official spokesman", "Dmitry Examplov"]


# --------------------------------------------------------------------------- blind18 families


def test_an_unlabelled_interview_the_introduction_says_was_given_to_an_outlet() -> None:
    paragraphs = ["Vienna is the new Geneva: Former envoy",
                  "TOM EXAMPLE - ISTANBUL",  # (a byline in capitals is not the interviewee)
                  "The talks in Vienna show that Austria is back as a venue, according to Ivan Demov, a retired diplomat. "
                  "Ankara should not worry, he told the Daily Example, arguing that its role at sea is unmatched.",
                  "Why did the parties choose Vienna?",
                  "Two reasons. Neutrality and discretion. Nobody chases delegations in the lobby.",
                  "Is Ankara losing its role?",
                  "No. Mediation is not a league with one champion.",
                  "What did you make of the outcome?",
                  "It was a classic first round. Prisoners and a calendar.",
                  "Will there be a ceasefire this year?",
                  "I hope so. As an analyst, I doubt it."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Ivan Demov")] * 4


def test_an_outlets_label_that_is_also_a_common_word_asks_when_its_every_turn_is_a_question() -> None:
    paragraphs = ["Ivan Demov sat down with TIME in Vienna on Thursday night.",
                  "TIME: Were you close to walking out?",
                  "Demov: We were close to flying home. We decided to stay.",
                  "TIME: What changed your mind?",
                  "Demov: The Americans came to our hotel and promised to raise the strike.",
                  "TIME: The swap, when?",
                  "Demov: Within two weeks. The lists are ready."]
    assert turns(paragraphs) == [("question", "TIME"), ("interview", "Ivan Demov")] * 3
    timeline = ["Time: 10:00 Moscow time, Friday.", "Place: the Kremlin.", "Jane Roe said the talks were over."]
    assert turns(timeline) == []


def test_a_speaker_of_an_institute_whose_name_has_for_or_of() -> None:
    paragraphs = ["Ivan Demov of the Warsaw-based Centre for Eastern Example Studies told the channel that the choice "
                  "of Vienna was convenient for the Kremlin.",
                  "\"Vienna is a safe choice for Moscow. It is a quiet city,\" he said."]
    assert speakers(paragraphs) == ["Ivan Demov", "Ivan Demov"]


def test_a_role_without_an_article_after_a_closing_mark() -> None:
    paragraphs = ["The talks will last three days, the Kremlin confirmed. \u00abWe are not going to comment on the "
                  "course of the negotiations\u00bb, \u2014 presidential press secretary Dmitry Examplov told journalists.",
                  "\u201cThe delegation has all the instructions it needs,\u201d presidential aide Ivan Demov said."]
    assert speakers(paragraphs, "direct") == ["Dmitry Examplov", "Ivan Demov"]


def test_a_role_label_over_a_live_blog_entry_is_the_person_the_entry_names() -> None:
    paragraphs = ["Correspondent: \"Both sides can sell this at home\"",
                  "The outcome is modest, but both delegations can present it as a success, says correspondent Jane Roe "
                  "in Moscow. \"Both sides can sell this at home. Nobody lost face.\"",
                  "Analyst: \"Vienna is a safe choice for Moscow\"",
                  "Ivan Demov of the Example Institute told the channel that the choice suited the Kremlin.",
                  "\"Vienna is a safe choice for Moscow. It is a quiet city,\" he said."]
    assert speakers(paragraphs, "direct") == ["Jane Roe", "Jane Roe", "Ivan Demov", "Ivan Demov"]


def test_the_holder_of_a_countrys_presidency_is_the_person_not_the_country() -> None:
    paragraphs = ["President of Examplestan Ivan Demov opened the talks on Tuesday.",
                  "The President of Examplestan emphasized: \"Neutral Examplestan wishes for peace.\""]
    assert speakers(paragraphs, "direct") == ["Ivan Demov"]


def test_a_headlines_gist_needs_a_speaker_the_article_names_elsewhere() -> None:
    paragraphs = ["Live Coverage: Talks in Vienna end with a prisoner swap",
                  "Publication: Eurasia Example Monitor",
                  "Examplov: Moscow will not accept foreign troops in Ukraine",
                  "Dmitry Examplov told reporters on Friday that the question was closed."]
    assert [(q.speaker, q.text) for q in segment.find_quotes(paragraphs, reported=True) if q.kind == "indirect"] == [
        ("Dmitry Examplov", "Moscow will not accept foreign troops in Ukraine"),
        ("Dmitry Examplov", "the question was closed")]


def test_an_ambassador_to_a_country_is_a_role_not_the_country() -> None:
    paragraphs = ["Foreign Ministry spokesman Ivan Demov welcomed the talks.",
                  "Ukraine's Ambassador to Examplestan, in an interview with the agency, said that Kyiv was grateful.",
                  "\"Borders are not a subject for trade,\" the ambassador said."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs, reported=True)][-2:] == [
        ("indirect", "Ukraine's Ambassador to Examplestan"), ("direct", "Ukraine's Ambassador to Examplestan")]


def test_our_correspondent_is_the_correspondent_the_article_named() -> None:
    paragraphs = ["Our correspondent Ivan Demov has been in Vienna since Sunday.",
                  "Foreign Minister Jane Roe arrived on Monday and went straight to the palace.",
                  "\u2014 Everyone here understands that the Europeans are not at the table, \u2014 our correspondent notes."]
    assert speakers(paragraphs, "dash") == ["Ivan Demov"]


def test_a_role_of_the_delegation_and_a_source_named_in_the_passive() -> None:
    head = ["Ivan Demov leads the delegation.", "\"We are ready,\" the head of the delegation said."]
    assert speakers(head) == ["Ivan Demov"]
    passive = ["The delegation came with demands. This was told to the channel by a source in the delegation.",
               "\"They came with a list of demands,\" the interlocutor of the channel said."]
    assert speakers(passive, "direct") == ["source in the delegation"]


# --------------------------------------------------------------------------- blind19 families


def test_a_quote_inside_a_reported_clause_is_the_reporters_not_the_clauses_subjects() -> None:
    paragraphs = ["Press secretary Dmitry Examplov told journalists that the Kremlin \u00abon the whole positively\u00bb "
                  "assesses the results of the talks. At the same time he noted that the question would be considered "
                  "\u00abtaking into account the fulfilment of the agreements by the other side\u00bb."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs, short=True) if q.kind != "indirect"] == [
        ("partial", "Dmitry Examplov"), ("partial", "Dmitry Examplov")]


def test_the_interviewee_is_whom_the_introduction_talked_with_not_who_asked() -> None:
    paragraphs = ["\u00abThe island was almost ours once\u00bb",
                  "Interviewed by Jane Roe",
                  "Why La Examplia? What does an emperor have to do with the talks? The paper talked about this with "
                  "the historian Ivan Demov, author of a book on the island.",
                  "\u2014 Ivan Petrovich, why Vienna?",
                  "\u2014 They should not be surprised. Vienna has been part of our history for two centuries.",
                  "\u2014 Is that a serious argument?",
                  "\u2014 Not an argument, a background. Diplomats love symbols.",
                  "\u2014 Thank you.",
                  "\u2014 Thank you."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Ivan Demov"}


def test_a_live_blog_entrys_quoted_heading_is_the_speaker_the_entry_quotes() -> None:
    paragraphs = ["9.05am", "'Talks will resume at noon'",
                  "\"The delegations will meet again after lunch,\" Ivan Demov, the US envoy, told reporters.",
                  "9.10am", "'We have never seen so many police'",
                  "Jane Roe, who runs a kiosk near the palace, told the paper she had been asked to close.",
                  "\"We have never seen so many police up here,\" she said."]
    assert speakers(paragraphs, "direct")[-2:] == ["Jane Roe", "Jane Roe"]


# --------------------------------------------------------------------------- blind20 families


def test_a_dash_interviews_questions_in_step_and_its_subject_whom_the_outlet_asked() -> None:
    paragraphs = ["\u00abExamplestan is not Qatar\u00bb",
                  "Why the delegations met at the Dead Sea, and whether the truce can last \u2014 the magazine asked the "
                  "orientalist Ivan Demov, a researcher at the Institute of Oriental Studies",
                  "Interviewed by Jane Roe",
                  "\u2014 Ivan Petrovich, why Examplestan? Until now, the Gulf monarchies have been the usual venue.",
                  "\u2014 Precisely because it is not a Gulf monarchy. It has a reputation for keeping its word.",
                  "\u2014 But it is a close ally of Washington. Why did Moscow agree?",
                  "\u2014 Because it has never allowed itself to be used against anyone.",
                  "\u2014 What does the kingdom get out of it?",
                  "\u2014 Visibility, first of all.",
                  "\u2014 The Western press writes that the talks almost collapsed on Wednesday.",
                  "\u2014 I would not dramatise it. A negotiation without a crisis is not a negotiation.",
                  "\u2014 Will the truce hold?",
                  "\u2014 I am an orientalist, not a prophet."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Ivan Demov")] * 5


def test_his_majesty_is_the_person_the_narration_named_and_a_centre_is_no_person() -> None:
    paragraphs = ["Examplestan, June 22 (Agency) -- His Majesty King Ivan II on Tuesday opened the talks at the King "
                  "Example Convention Centre on the shore, stressing that dialogue is the only path to peace.",
                  "Welcoming the delegations, His Majesty said: \"We meet today at the lowest point on Earth.\"",
                  "His Beatitude Patriarch Jan Example attended. \"Every night without missiles is a gift,\" His Beatitude said."]
    assert speakers(paragraphs, "direct") == ["Ivan II", "Jan Example"]


# --------------------------------------------------------------------------- blind21 families


def test_initials_with_an_accented_capital_are_the_interviewee_not_the_bylines_author() -> None:
    paragraphs = ["\"We are not neutral\"",
                  "The foreign minister on hosting the talks",
                  "Words: Tom Reporter",
                  "A day after the talks ended, Þóra Lind Example met us at the ministry. We have edited the conversation.",
                  "GV: How does a country without an army end up hosting the talks?",
                  "ÞLE: Partly by accident and partly by design. We said yes within a day.",
                  "GV: Were you surprised that Moscow came?",
                  "ÞLE: A little. But I think the old summit house helped.",
                  "GV: Last one. Will you miss it?",
                  "ÞLE: Ask me in a month. Right now I would like to sleep."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Þóra Lind Example")] * 3


def test_an_unlabelled_interview_whose_introduction_says_the_outlet_asked_someone() -> None:
    paragraphs = ["\"A satellite does not lie\". An analyst on how the truce would be checked",
                  "Author: Tom Reporter",  # (the author is not the interviewee)
                  "14 September 2027",
                  "At the talks, the main argument is about pictures. Babel asked Jana Examplova, founder of the "
                  "group Obrii, how this would work and where the traps are.",
                  "What does a commercial satellite actually see on a front line?",
                  "More than people think and less than politicians promise.",
                  "So a violation could simply be invisible?",
                  "Many violations will be invisible. Drones, small assault groups, mortar fire at night.",
                  "Who would decide whether a crater is a violation?",
                  "That is the question I would ask first. So the panel needs clear rules and deadlines.",
                  "You sound sceptical.",
                  "I am a professional. Sceptical is my job.",
                  "Would your group take part?",
                  "If we are asked, yes, and we would publish everything we see."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Jana Examplova")] * 5


def test_a_role_of_an_institution_with_the_person_and_their_title_in_apposition() -> None:
    paragraphs = ["Ivan Demov spoke at the opening.",
                  "The head of the Examplestan delegation, deputy foreign minister Jan Example, told reporters that "
                  "nothing had been dropped. \"It is not in this document. It will be in the next one,\" he said.",
                  "\u2014 The question has not been removed, \u2014 the head of the Examplestan delegation, Deputy Foreign "
                  "Minister Jan Example, said after the signing. \u2014 This is a pilot, not a peace treaty."]
    assert speakers(paragraphs, "direct") == ["Jan Example"]
    assert speakers(paragraphs, "dash") == ["Jan Example", "Jan Example"]


def test_a_headlines_quote_the_body_repeats_in_another_case() -> None:
    paragraphs = ["\u00abA pilot, not a peace treaty\u00bb: what is known about the memorandum",
                  "The memorandum was signed on Wednesday.",
                  "\u2014 I want to emphasise: this is a pilot, not a peace treaty, \u2014 Jan Example said."]
    assert speakers(paragraphs, "direct") == ["Jan Example"]


def test_a_dash_line_after_a_paragraph_whose_labelling_verb_ends_in_a_colon() -> None:
    paragraphs = ["The panel in the memorandum has no chairman.",
                  "An old staff officer, with whom I served many years ago, put it to me on the phone bluntly:",
                  "\u2014 A satellite does not take sides, but the one who reads the picture does."]
    assert speakers(paragraphs, "dash") == ["old staff officer"]


def test_the_head_of_an_administration_named_after_its_name_and_whom_a_reporter_spoke_with() -> None:
    paragraphs = ["Ivan Demov, the Kremlin spokesman, said the talks would go on.",
                  "The death toll in the city has risen to four, reported the head of the Examplegrad Regional "
                  "Military Administration Jan Example.",
                  "\"Among the dead is a 16-year-old girl. Eleven people have been injured,\" he wrote on Telegram.",
                  "The head of the Presidential Office Jana Roe said that the strike was a message.",
                  "\"They answer every step with missiles,\" she said.",
                  "Our correspondent Tom Reporter spoke with one of the organisers, Anna Sample, who has lived here for "
                  "twelve years.",
                  "\u2014 We do not stand here against the talks, \u2014 she said."]
    assert speakers(paragraphs, "direct") == ["Jan Example", "Jana Roe"]
    assert speakers(paragraphs, "dash") == ["Anna Sample"]


# --------------------------------------------------------------------------- blind22 families


def test_quotes_in_doubled_apostrophes_and_a_speaker_named_in_the_next_sentence() -> None:
    paragraphs = ["Rome, 17 Nov. (Agency) - ''If a truce is reached, Italy is ready to do its part. Our engineers "
                  "know how to do it''. This was stated by Deputy Prime Minister and Foreign Minister Jan Example, "
                  "speaking to journalists.",
                  "''Indonesia is the first mediator that Moscow cannot accuse of being Western'', explains to Agency "
                  "Jana Roe, researcher at an institute."]
    found = [(q.kind, q.speaker, q.text) for q in segment.find_quotes(paragraphs, short=True, reported=True)
             if q.kind == "direct"]
    assert found == [("direct", "Jan Example", "If a truce is reached, Italy is ready to do its part. Our engineers "
                                               "know how to do it"),
                     ("direct", "Jana Roe", "Indonesia is the first mediator that Moscow cannot accuse of being Western")]


def test_a_quote_inside_dash_speech_is_its_words_and_a_first_name_from_a_place() -> None:
    paragraphs = ["Tatyana from Examplesk, whose husband has been in captivity for a year, says the women no longer "
                  "believe television.",
                  "\u2014 When they say on TV \u00abthe exchange is being prepared\u00bb, it means nothing. We will "
                  "believe it when the bus crosses the border, \u2014 she says."]
    found = [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs, short=True, reported=True)]
    assert ("dash", "Tatyana") in found and not [k for k, _ in found if k in ("partial", "scare")]


def test_dash_speech_of_two_roles_told_to_an_outlet_of_two_words() -> None:
    paragraphs = ["\u2014 Sixty days is a short time, \u2014 military expert, reserve colonel Jan Example told Daily "
                  "Example. \u2014 Everything will depend on the observers.",
                  "\u2014 The market had priced it in, \u2014 Jana Roe, chief analyst of the brokerage Example Capital, "
                  "told Business FM. \u2014 The real effect is in the south."]
    assert speakers(paragraphs, "dash") == ["Jan Example"] * 2 + ["Jana Roe"] * 2


def test_the_interviewee_is_neither_the_bylines_author_nor_the_outlet() -> None:
    paragraphs = ["'We brought a table': Examplo on the talks",
                  "Tom Reporter (The Daily Example)",
                  "Foreign Minister Examplo sat down with The Daily Example at the ministry. Excerpts:",
                  "Q: What was the hardest moment?",
                  "A: Wednesday. The delegation stood up and left the room.",
                  "Q: What brought them back?",
                  "A: Work. Mr Witkoff and I walked from one pavilion to the other.",
                  "Q: Will the next round be here again?",
                  "A: The venue is for the parties to decide."]
    assert turns(paragraphs) == [("question", "Q"), ("interview", "Examplo")] * 3


def test_a_dash_interviews_answer_that_ends_in_a_question_stays_an_answer() -> None:
    paragraphs = ["Radio Example spoke with Ivan Demov, head of the committee.",
                  "\u2014 Ivan Petrovich, good afternoon. Is the agreement a victory?",
                  "\u2014 Good afternoon. It is a normal working result.",
                  "\u2014 But foreign observers will now work on that territory.",
                  "\u2014 Friends of Russia, I would say.",
                  "\u2014 Kyiv says the observers must move freely.",
                  "\u2014 Kyiv says many things. Security is ensured by our military. If something happens to an "
                  "observer, who will answer for it?",
                  "\u2014 Will the ceasefire hold?",
                  "\u2014 That depends on Kyiv.",
                  "\u2014 And the exchange of prisoners?",
                  "\u2014 This is the most human part of the agreement."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Ivan Demov")] * 5


def test_the_end_of_an_institutions_name_a_first_name_with_a_clause_and_a_delegate() -> None:
    paragraphs = ["Jan Example, a researcher at the Institute of International Relations and Political Science, says "
                  "Moscow accepted the observers.",
                  "\"For the Kremlin, Jakarta is a comfortable witness,\" he says.",
                  "Olga, who asked not to give her surname, has little hope for this list.",
                  "\u2014 They always say: the next exchange, the next exchange, \u2014 she says.",
                  "A Ukrainian delegate who asked not to be named said the decision had been taken in a call. \"We "
                  "came back because walking away was what Moscow wanted,\" he said."]
    assert speakers(paragraphs, "direct") == ["Jan Example", "Ukrainian delegate"]
    assert speakers(paragraphs, "dash") == ["Olga"]


def test_a_dash_interview_whose_introduction_names_no_one_keeps_its_answers_without_a_speaker() -> None:
    paragraphs = ["How the talks went",
                  "A delegate said the talks went well. The Daily Example spoke to him.",  # (an outlet, no one)
                  "\u2014 How do you assess the talks?",
                  "\u2014 Positively. Both delegations stayed at the table.",
                  "\u2014 And the exchange of prisoners?",
                  "\u2014 It is the most human part of the agreement.",
                  "\u2014 Will the truce hold?",
                  "\u2014 That depends on the weather and on Kyiv."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "")] * 3


# --------------------------------------------------------------------------- blind23 and blind24 families


def test_a_first_name_a_paragraph_opens_with_introduces_whom_the_next_pronoun_means() -> None:
    paragraphs = ["Ivan Demov, the governor, said the station would reopen.",
                  "Rimma, a midwife with twenty years of experience, was on duty in the ward that night.",
                  "\u2014 The glass flew in over the beds, \u2014 she recalls.",
                  "Semyon has worked as an electrician at a substation for 19 years.",
                  "\u2014 We fix it at night, and at night it flies in again, \u2014 he says.",
                  "Orest, a patient of the surgical department who was recovering from an operation on his knee, "
                  "was in a ward on the second floor.",
                  "\u2014 There were people lying in plaster, \u2014 he says."]
    assert speakers(paragraphs, "dash") == ["Rimma", "Semyon", "Orest"]


def test_a_dateline_or_an_abbreviation_is_no_first_name_introduction() -> None:
    paragraphs = ["ExampleNews, 23 April. The moratorium, agreed by the delegations, will not lower rates soon. This "
                  "opinion was expressed to our correspondent by Ivan Demov, head of the analytical department.",
                  "\u2014 Shipowners will look at the first weeks, \u2014 the expert noted.",
                  "The Rev. Jan Example, who has led St. Vladimir\u2019s since 2019, said attendance had doubled.",
                  "\u201cWhen people are afraid, they come to church,\u201d he said."]
    assert speakers(paragraphs, "dash") == ["Ivan Demov"]
    assert speakers(paragraphs, "direct") == ["Jan Example"]


def test_someone_named_by_a_description_and_an_avenue_is_no_person() -> None:
    paragraphs = ["One of the participants of a focus group in Examplegrad, a 52-year-old engineer named Avdey, put it "
                  "this way:",
                  "\u2014 If the hospitals are not bombed, that is good. But I do not believe it will last.",
                  "The foreign minister, Jan Example, arrived on Avenue Mohammed VI at dawn. \"This text will not end "
                  "the war,\" he said."]
    assert speakers(paragraphs, "dash") == ["Avdey"]
    assert speakers(paragraphs, "direct") == ["Jan Example"]


def test_a_role_after_a_plural_possessive_and_a_quote_over_two_paragraphs() -> None:
    paragraphs = ["Ivan Demov, the minister, welcomed the plan.",
                  "The Social Democrats' foreign policy spokesperson Jana Roe welcomes the initiative but thinks that "
                  "the government should demand more.",
                  "\u2013 There are doctors held in detention centres. That has to be part of any deal, she says.",
                  "\"Uruguay can host because it has nothing at stake. That is a niche, not a doctrine.",
                  "\"Still, for a small country, that is not nothing,\" said Jan Example, a political scientist."]
    assert speakers(paragraphs, "dash") == ["Jana Roe"]
    assert speakers(paragraphs, "direct") == ["Jan Example", "Jan Example"]


# --------------------------------------------------------------------------- blind25 and blind26 families


def test_a_transcripts_subjects_line_is_no_speaker() -> None:
    paragraphs = ["Doorstop interview, Port Example",
                  "Senator Jana Roe, Minister for Foreign Affairs",
                  "Subjects: the talks; grain moratorium; humanitarian demining.",
                  "ROE: Thanks for coming. Australia welcomes the efforts to bring both sides to the table.",
                  "JOURNALIST: Minister, is Australia being asked to do anything?",
                  "ROE: We're not a party to those talks, and we're not a mediator.",
                  "JOURNALIST: Will you send deminers?",
                  "ROE: If there is a role for us, we'll look at it constructively."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Jana Roe"}


def test_a_laughing_attribution_a_first_name_with_the_and_an_aged_role() -> None:
    paragraphs = ["\u2014 They cleaned the city as if for a holiday, \u2014 laughs Jamshed, a taxi driver who waits near "
                  "the hotel. \u2014 But there are no clients.",
                  "Eduard, the owner of a caf\u00e9 near the bus station, closed his establishment for the day.",
                  "\u2014 Without water there is nothing to cook, \u2014 he told Example News.",
                  "From the balcony of her apartment above the river, Jana Roe could see the motorcades.",
                  "\"Black cars, every morning at eight,\" says the 38-year-old hydrologist, who earned her PhD abroad."]
    assert speakers(paragraphs, "dash") == ["Jamshed", "Jamshed", "Eduard"]
    assert speakers(paragraphs, "direct") == ["Jana Roe"]


# --------------------------------------------------------------------------- blind27 and blind28 families


def test_a_writer_label_is_the_bylines_author_not_the_interviewee() -> None:
    paragraphs = ["Jana: 'We offer the table, not the verdict'",
                  "WRITER: Supa Example",
                  "Foreign Minister Jana Roe says the country will not take sides. She spoke to the Daily Example on "
                  "Sunday.",
                  "Q: Why here, and why now?",
                  "A: Both sides asked for a place far from the war. We fit.",
                  "Q: Is that not a risk?",
                  "A: Every host takes a risk. Refusing would be the real failure."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Jana Roe"}


def test_the_person_the_first_question_addresses_after_the_and_a_nationality() -> None:
    paragraphs = ["Red Cross tracing chief: \"Every name on a list is a promise\"",
                  "The Austrian Katharina Roe-Example heads the tracing agency of the Red Cross. An interview about "
                  "lists.",
                  "Interview: Florian Sample",
                  "EXAMPLE NEWS: Frau Roe-Example, what does the protocol mean for you?",
                  "Above all, a lot of work. We will receive the lists from both sides.",
                  "EXAMPLE NEWS: How many people are we talking about?",
                  "I will not give you a figure, because every figure would be wrong tomorrow.",
                  "EXAMPLE NEWS: Is the Red Cross disappointed?",
                  "It is not our role to be disappointed.",
                  "EXAMPLE NEWS: Is that not naive?",
                  "Naive would be to think it will always work."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Katharina Roe-Example"}


def test_the_label_of_the_bylines_initials_asks_though_its_turns_are_statements() -> None:
    paragraphs = ["Jan Usample: \u00abWe will bring everyone home\u00bb",
                  "The secretary returned with a signed protocol. The weekly asked him what families can expect.",
                  "Oksana Roe-Example",
                  "O.R.: Mr. Jan, you signed the protocol on Thursday. What did you get?",
                  "J.U.: A mechanism. Until now every exchange was a separate negotiation.",
                  "O.R.: The other side insists on the principle of all for all.",
                  "J.U.: That is true, and I will not pretend otherwise.",
                  "O.R.: Families are asking why you gave in.",
                  "J.U.: We did not give in. The text says the parties will agree."]
    found = turns(paragraphs)
    assert [kind for kind, _ in found] == ["question", "interview"] * 3
    assert {speaker for kind, speaker in found if kind == "interview"} == {"Jan Usample"}


def test_an_unlabelled_interview_received_by_the_outlet_and_its_turns_after_the_last_question() -> None:
    paragraphs = ["Deputy minister says talks are difficult",
                  "Jana Roe",
                  "Deputy Foreign Minister Jan Example received Folha at the ministry on Wednesday.",
                  "Is an agreement possible this week?",
                  "I do not want to anticipate. Our delegation has clear instructions.",
                  "Ukraine says you hold thousands of civilians.",
                  "Civilians are not bargaining chips. The people detained answer before the courts.",
                  "Why this country?",
                  "Because both sides agreed, and because it is a friendly country.",
                  "Was the offer to mediate serious?",
                  "It was one of the most serious contributions. We value it very much.",
                  "Some at home say hosting is a risk.",
                  "I do not see the risk. I see an obligation to the families who are waiting.",
                  "Thank you for the conversation.",
                  "Thank you.",
                  "Translated from Portuguese."]
    assert turns(paragraphs) == [("question", "interviewer"), ("interview", "Jan Example")] * 6


def test_a_person_from_an_association_or_a_district_or_met_by_the_writer_is_the_she_that_follows() -> None:
    paragraphs = ["Jan Example, the minister, said the list was long.",
                  "Jana Roe from the Association of Families of the Missing from Podrinje, who is still searching "
                  "for her husband, said she was following the news with a heavy heart.",
                  "\"Do not let them make you wait,\" she said.",
                  "Jan Example said the commission would meet in November.",
                  "Tanya Sample from the Leninsky district has been looking for her son since the summer.",
                  "\u2014 I read about it in the morning and cried, \u2014 she says.",
                  "Jan Example said the lists would be exchanged.",
                  "I spoke on Monday with Nata Example-Roe in Edmonton, whose nephew is missing. She is grateful.",
                  "\"I want a date and a phone call,\" she said.",
                  "Jan Example said the first stage would end by November.",
                  "My Tita Nena in Quezon City still keeps a folder of letters. \"I want only one thing,\" she told me."]
    assert speakers(paragraphs, "indirect")[1] == "Jana Roe"
    assert speakers(paragraphs, "direct") == ["Jana Roe", "Nata Example-Roe", "Tita Nena"]
    assert speakers(paragraphs, "dash") == ["Tanya Sample"]


def test_a_passives_agent_an_anonymous_official_involved_in_the_talks_and_a_faculty_of_a_university() -> None:
    paragraphs = ["Talks end with a statement",
                  "Jan Example, the head of the other delegation, said the talks were useful.",
                  "The statement was read out by the Minister of Foreign Affairs of Examplestan, Jana Roe. She said "
                  "that requests would go through the Red Cross.",
                  "\u2013 We are proud of a small contribution, \u2013 the minister said.",
                  "The other side refused to accept any wording on civilians, a senior official involved in the talks "
                  "told the Daily Example. \"It went back and forth until the very end,\" the official said.",
                  "Assoc. Prof. Dr. Pat Sample of the Faculty of Political Science, Example University, observed that "
                  "the choice reflected a long tradition of balanced diplomacy. \"Hosting is an honour,\" he said.",
                  "The talks resume on Friday."]
    assert speakers(paragraphs, "indirect") == ["Jan Example", "Jana Roe", "senior official involved in the talks",
                                                "Pat Sample"]
    assert speakers(paragraphs, "dash") == ["Jana Roe"]
    assert speakers(paragraphs, "direct") == ["senior official involved in the talks", "Pat Sample"]


def test_a_live_blogs_timed_entry_heading_names_its_speaker_and_an_institutions_heading_takes_the_bodys() -> None:
    paragraphs = ["Live: the talks, day three",
                  "17:20 Roe: \u00abEvery one of our people must come home\u00bb",
                  "\u00abEvery one of our people must come home \u2013 the military and the civilians\u00bb, \u2013 the "
                  "President said in her evening address.",
                  "17:10 Example Committee: 'ready from day one'",
                  "Committee President Jan Sample said the organisation was \"ready from day one\" to act as the "
                  "channel for the windows."]
    assert [speaker for speaker in speakers(paragraphs) if speaker] == ["Roe", "Roe", "Jan Sample", "Jan Sample"]


# --------------------------------------------------------------------------- blind29 and blind30 families


def test_quotes_opened_and_closed_by_the_same_mark_swedish_style() -> None:
    paragraphs = ["ANALYSIS: A truce without the word",
                  "When Jan Example opened the talks on Monday, he reached for a word. ”A pause is a pause”, he said.",
                  "It is a real achievement. Jana Roe, the foreign minister, said the cell ”records and transmits” "
                  "and nothing more.",
                  "The weak spot is the front line. ”Nothing happens to the party that violates it”, says Karin Sample, "
                  "a researcher."]
    found = [(q.kind, q.speaker, q.text) for q in segment.find_quotes(paragraphs, short=True, reported=True)
             if q.kind in ("direct", "partial")]
    assert found == [("direct", "Jan Example", "A pause is a pause"),
                     ("partial", "Jana Roe", "records and transmits"),
                     ("direct", "Karin Sample", "Nothing happens to the party that violates it")]


def test_an_introductions_service_and_ministry_are_no_interviewee_and_the_first_question_calls_him_by_name() -> None:
    paragraphs = ["\"The second explosion is the one you fear\": a firefighter on the talks",
                  "Oksana Roe-Example",
                  "On Wednesday a missile struck a warehouse. As firefighters of the State Emergency Service were "
                  "putting out the blaze, a second missile hit. Rescuers Maksym Sample and Iryna Example were killed.",
                  "Jan Fedoriv-Byrne, a volunteer, trained State Emergency Service crews. He spoke to the radio's "
                  "Oksana Roe-Example.",
                  "Jan, how did you hear about the strike?",
                  "I was at the station when my phone started buzzing.",
                  "You knew Maksym Sample. What kind of man was he?",
                  "Quiet. He checked everyone's breathing apparatus twice.",
                  "What does a repeat strike mean for a rescuer?",
                  "Every rescuer knows that the second explosion is the one you fear.",
                  "Would a three-hour rule help?",
                  "If it is respected, yes. Three hours is enough to pull people out."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Jan Fedoriv-Byrne"}


# --------------------------------------------------------------------------- blind31 and blind32 families


def test_an_unlabelled_interview_with_a_stray_label_in_an_answer_and_one_said_so_only_at_its_end() -> None:
    opening = ["\"A truce is built sector by sector\": a general on the talks",
               "By Jana Roe-Example",
               "The talks ended on Thursday. We spoke to General Jan Example, who commanded a battalion.",
               "General, what do you remember of your own withdrawals?",
               "That they always start well. The problems come in the third week.",
               "Is the choice of two small sectors wise?",
               "Very wise. You do not put the roof on before the walls.",
               "Should your country have offered officers too?",
               "That is for the government to decide, not for an old general.",
               "Is there a lesson for both sides?",
               "Yes: patience and the radio. Keep a line open between the commanders.",
               "Thank you, General.",
               "It is I who thank you."]
    assert turns(opening)[-2:] == [("question", "interviewer"), ("interview", "Jan Example")]
    assert ("interview", "Jan Example") in turns(opening[:10] + opening[10:11])  # "Yes: ..." is an answer, no label
    closing = ["'Observers are blamed by both sides'",
               "Jana Sample counted craters for six years. She laughed when she heard the number, she says.",
               "What was so funny?",
               "We had seven hundred monitors for a much longer line, and we still could not see everything.",
               "Is the new mechanism better?",
               "In one respect, clearly. They have satellite images every day.",
               "And in other respects?",
               "The mandate. We could write down what we saw, but not who fired.",
               "What would you tell them?",
               "Write down the time. Always the time, to the minute.",
               "This interview has been shortened and translated from Dutch."]
    assert set(turns(closing)) == {("question", "interviewer"), ("interview", "Jana Sample")}


def test_an_interviewee_introduced_as_a_demonym_and_role_is_the_named_person_and_a_callers_caps_name() -> None:
    paragraphs = ["\"Fifteen kilometres is a promise\"",
                  "A Guatemalan colonel who served as an observer explains what the protocol will demand.",
                  "By Lucia Example",
                  "Retired Colonel Jan Sample Roe spent two years as an observer. The protocol was \"well written "
                  "and hard to live\", he says.",
                  "\u2014 Colonel, what does a verifier do?",
                  "\u2014 He counts. He goes to the places where the guns were.",
                  "\u2014 Is that enough?",
                  "\u2014 It depends on where they can go.",
                  "\u2014 What is the most dangerous moment?",
                  "\u2014 The first week."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Jan Sample Roe"}
    assert speakers(paragraphs, "partial") == ["Jan Sample Roe"]
    radio = ["HOST: Let's go to the phones. Winston in the north, good morning.",
             "CALLER (WINSTON, NORTH END): Morning. I want to know who is paying for all this.",
             "HOST: Professor, who pays?",
             "EXAMPLE: The partners pay part of it, and we pay the rest at the pump."]
    assert ("interview", "Winston") in turns(radio)


def test_the_academic_and_the_representative_of_an_institution_are_the_person_just_named() -> None:
    paragraphs = ["Dr. Jana Example, researcher at the Centre for Policy Research, told the agency that the incident "
                  "showed the fragility of the agreement.",
                  "\"A kilometre more or less changes little,\" the academic said.",
                  "Jan Roe also drew attention to the silence of the media. \"Nobody noticed the strike,\" the "
                  "representative of the Foreign Ministry noted.",
                  "The Prime Minister, Ana Sample e Silva, was quoted as saying that the country was honoured.",
                  "\"We are a small country in the middle of the ocean,\" the head of Government said."]
    assert speakers(paragraphs, "direct") == ["Jana Example", "Jan Roe", "Ana Sample e Silva"]


def test_the_representative_of_a_country_stays_that_countrys() -> None:
    """A guard on the rule above (it held before it too): a country's representative is another person."""
    paragraphs = ["Jan Example, Ukraine's ambassador, opened the debate.",
                  "The representative of France said that security guarantees were the heart of the matter."]
    assert speakers(paragraphs, "indirect")[-1] == "France"


def test_a_compass_demonym_and_a_weekday_are_no_person() -> None:
    paragraphs = ["SEOUL (Agency) - \"The government supports every effort,\" spokesperson Jana Kim told a briefing.",
                  "Asked whether North Korean soldiers could be exchanged, the spokesperson said they should go "
                  "wherever they wished.",
                  "\"If they wish to come here, we will accept them,\" she said."]
    assert speakers(paragraphs, "direct") == ["Jana Kim", "Jana Kim"]
    wire = ["KINGSTON (Agency): The country welcomes the protocol agreed in Example on Thursday, says Minister of "
            "Foreign Affairs and Foreign Trade, Senator the Hon. Jana Sample Roe.",
            "The Minister says that the agreement is a \"first, careful step\".",
            "Senator Sample Roe says that the Government is following the effects on fuel prices.",
            "\"Any reduction in the risk is good news,\" the Minister said.",
            "Prime Minister Ana Example also spoke."]
    assert speakers(wire, "partial") == ["Jana Sample Roe"]
    assert speakers(wire, "direct") == ["Jana Sample Roe"]


def test_a_telegram_posts_emoji_lines_name_the_speaker_of_the_quote_below() -> None:
    paragraphs = ["Channel: Example and Sample on the talks",
                  "\U0001f1f7\U0001f1fa Example \u2014 on the start of the talks:",
                  "\u00abWe are grateful to our hosts. The work will be long\u00bb",
                  "\u26a1\ufe0f Sample \u2014 on the telephone conversation:",
                  "\u00abThe conversation was useful\u00bb",
                  "\U0001f4cc Example, meanwhile, is careful: \u00abthis is not a truce, it is a technical document\u00bb."]
    assert speakers(paragraphs, "direct") == ["Example", "Sample", "Example"]


def test_a_timed_entry_with_a_time_zone_and_a_headline_quote_before_its_speaker() -> None:
    blog = ["Live: the talks",
            "10:05 AM WAT: Sample: 'Our country is honoured'",
            "Foreign Minister Jan Sample confirmed the role in a post on X."]
    # (the surname is the one person's the article names in full, after it: that person)
    assert speakers(blog, "direct") == ["Jan Sample"]
    headline = ["'We gave them a room with no corners': Roe on the protocol",
                "by Jana Example",
                "Foreign Minister Jan Roe chaired three days of talks this week."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(headline, short=True)] == [("direct", "Jan Roe")]


def test_a_professor_after_a_long_title_and_a_subject_with_a_long_who_clause() -> None:
    paragraphs = ["The chargé d'affaires in the capital, Jan Sample-Roe, said Kyiv counted on support.",
                  "The professor of international relations at the University of Example, Jana Roe Example, "
                  "considered that the experience was a lesson. \"The maps were excellent; the will was missing,\" "
                  "she explained.",
                  "Ana Sample, who negotiated for her government in the talks of the 1990s and today teaches at the "
                  "Central University (UCA), sees in the protocol an echo of her own experience.",
                  "\"What worked was not the big agreement. It was the small ones before it.",
                  "\"Then one day the big one was almost a formality,\" she says."]
    assert speakers(paragraphs, "direct")[:2] == ["Jana Roe Example", "Ana Sample"]


def test_a_first_name_with_an_aside_a_diary_day_and_a_weekday_opening() -> None:
    paragraphs = ["Residents are sceptical about the agreement. The outlet spoke to several of them.",
                  "Jana (name changed for her safety), who lives in the town, says that the shelling had become "
                  "regular.",
                  "\u00abHere they are used to guns, not to protocols\u00bb, she writes.",
                  "Wednesday. Karim, the doorman, has started to recognise us. \"They do not like cameras,\" he says.",
                  "The teacher Ana Example-Roe went to the talks as a volunteer.",
                  "On Friday morning Example-Roe was back in her classroom. Her students asked one thing, she says.",
                  "\"I told them I met a lot of tired people.\""]
    assert speakers(paragraphs, "direct") == ["Jana", "Karim", "Ana Example-Roe"]


# --------------------------------------------------------------------------- blind33 and blind34 families


def test_an_interviews_byline_with_its_outlet_and_the_outlet_it_spoke_to_are_no_interviewee() -> None:
    paragraphs = ["'A school is not a military target'",
                  "Jana Roe / Example Times",
                  "Jan Sample, the education minister, is one of the civilians in the delegation. He spoke to "
                  "Example Times on Wednesday. The interview has been edited for length.",
                  "Q: Minister, what happened this morning?",
                  "A: We asked for a pause of a few hours, and then we came back.",
                  "Q: The other side says a kindergarten was hit.",
                  "A: I cannot check it from here, and I will not pretend that I can."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Jan Sample"}
    assert speakers(paragraphs, "direct") == ["Jan Sample"]  # (the headline: the interviewee's)


def test_labels_that_give_their_abbreviation_and_a_host_named_after_a_colon() -> None:
    paragraphs = ["\"A hotline is only as good as the officer who answers it\"",
                  "Jan Sample commanded a battalion. In this conversation with Jana Roe of The Daily Example, he "
                  "discusses the memorandum.",
                  "The Daily Example (TDE): Does such a line work?",
                  "Jan Sample (JS): It works when both sides want it to work.",
                  "TDE: Who should answer it?",
                  "JS: A duty officer with authority, awake, with a map.",
                  "TDE: Can such lists be abused?",
                  "JS: That risk exists, and it is why verification matters."]
    assert [kind for kind, speaker in turns(paragraphs) if speaker == "Jan Sample"] == ["interview"] * 3
    radio = ["Talks: what did they agree?",
             "Transcript of the segment. Host: Ana Example. Reporter: Tom Roe. Guest: Jana Sample, researcher.",
             "ANA EXAMPLE: Late last night they agreed on rules for the war at sea. Tom, what is in it?",
             "TOM ROE: Three things, Ana. Corridors, a direct line and an exchange of prisoners.",
             "ANA EXAMPLE: And the mood when it was read out?",
             "TOM ROE: Tired, mostly. Nobody applauded.",
             "JAN SAMPLE (via interpreter): These are the first written rules of this war.",
             "ANA EXAMPLE: Jana Sample, welcome. Why did it work here?",
             "JANA SAMPLE: Both sides found a question small enough to agree on."]
    assert ("question", "Ana Example") in turns(radio)
    assert {speaker for kind, speaker in turns(radio) if kind == "interview"} == {"Tom Roe", "Jan Sample", "Jana Sample"}


def test_the_person_before_an_institution_a_subject_names_and_a_surname_with_a_particle() -> None:
    paragraphs = ["Assoc. Prof. Jana Roe of the Faculty of Political Science at Example University said the timing "
                  "was no coincidence. \"Whenever talks reach something practical, somebody tests them,\" she told "
                  "the agency.",
                  "Jan Sample of the Institute of International Relations in Prague told the site that the line "
                  "mattered most. \"A line that works creates people who know each other's voices,\" he said.",
                  "The chairman of the board of the Example Mills Company, Salem al-Example, told the agency that "
                  "a ship had been found.",
                  "\"The cargo will arrive, late by two or three weeks,\" al-Example said."]
    assert speakers(paragraphs, "direct") == ["Jana Roe", "Jan Sample", "Salem al-Example"]


def test_a_correspondent_named_after_reports_and_a_portuguese_particle() -> None:
    paragraphs = ["The final session has been postponed by an hour, reports Example Daily correspondent Jan Roe "
                  "from the island. \"About fifty journalists are standing in the dark,\" he writes.",
                  "The Minister of Foreign Affairs, Bendito dos Example, informed that the country was invited. "
                  "\"We are a small country born from a peace process,\" the head of diplomacy stressed.",
                  "President Jose Sample also spoke."]
    assert speakers(paragraphs, "direct") == ["Jan Roe", "Bendito dos Example"]


def test_the_expert_is_the_professor_just_named_and_a_district_head_named_after_his_district() -> None:
    paragraphs = ["Foreign Ministry spokeswoman Maria Example said the talks were useful.",
                  "The region has its own interest in the venue, believes Jan Sample, associate professor at the "
                  "Oriental Institute of the Example Federal University.",
                  "\u2014 It is symbolic that the document was signed in Asia, \u2014 the expert told the agency. "
                  "\u2014 There are not many such venues left.",
                  "Governor of the region Oleg Roe reported in his channel that the drone had hit the roof.",
                  "The caretaker was taken to the district hospital, the head of the region specified.",
                  "The head of the Example district, Andrei Sample-Roe, visited the site in the morning.",
                  "\u2014 The windows on the second floor were damaged, \u2014 the head of the district told the site. "
                  "\u2014 We will restore everything by September."]
    assert speakers(paragraphs, "dash") == ["Jan Sample", "Jan Sample", "Andrei Sample-Roe", "Andrei Sample-Roe"]


# --------------------------------------------------------------------------- blind35 and blind36 families


def test_states_after_a_demonym_or_a_quantifier_is_a_noun_and_a_patronymic_is_the_person_named() -> None:
    paragraphs = ["Deputy Minister Jan Example said the talks were useful.",
                  "A lecturer at the University of Example, Dr Jana Sample, said the choice showed that African "
                  "states were increasingly accepted as venues.",
                  "\"Ten years ago these talks would have been held in Geneva,\" she said.",
                  "Tom Roe, a former ambassador to several Indian Ocean states, does not think the comparison is fair.",
                  "\"We went to Kyiv when nobody was talking,\" he says.",
                  "The director of the museum Mikhail Example-Roe called the protocol \"a normal museum document\".",
                  "\u2014 Museums have always talked to each other, \u2014 Mikhail Borisovich said at a press conference."]
    assert speakers(paragraphs, "direct") == ["Jana Sample", "Tom Roe"]
    assert speakers(paragraphs, "dash") == ["Mikhail Example-Roe"]



# --------------------------------------------------------------------------- blind37 and blind38 families


def test_caps_labels_that_open_with_an_accented_letter_or_a_bracketed_tag() -> None:
    radio = ["Radio Example | Transcript, translated from Spanish",
             "ANA ÉXAMPLE: We go to the venue. Íñigo, good evening. What happened this morning?",
             "ÍÑIGO SAMPLE: Good evening, Ana. The delegation did not turn up at nine.",
             "ANA ÉXAMPLE: And the others?",
             "ÍÑIGO SAMPLE: They were there at nine, punctual, and they stayed until noon.",
             "ANA ÉXAMPLE: Let's hear what the minister said last night.",
             "[CLIP] McEXAMPLE: Both parties have agreed that there will be no military activity near the plant.",
             "ANA ÉXAMPLE: Who checks that?"]
    assert turns(radio) == [("question", "Ana Éxample"), ("interview", "Íñigo Sample")] * 2 + [
        ("question", "Ana Éxample"), ("interview", "McEXAMPLE"), ("question", "Ana Éxample")]


def test_an_apposition_that_opens_with_a_possessive() -> None:
    paragraphs = ["The state operator Exampleatom said on Friday that it would press for the plant's return.",
                  "\"The plant that matters for the grid is still in the south,\" Jan Roe, Exampleatom's director "
                  "for international cooperation, told the agency."]
    assert speakers(paragraphs, "direct") == ["Jan Roe"]


def test_a_name_the_article_gave_with_one_more_word_before() -> None:
    paragraphs = ["The hearing was requested by Senator Marco Roe Sample, who asked who would pay for the mission.",
                  "Marco Roe was not convinced. \"A guarantee from two countries at war is worth what it is worth,\" "
                  "said the senator.",
                  "Donald Example Jr. spoke after him.",
                  "Donald Example said the mission was overdue. \"It should have happened a year ago,\" he said."]
    assert speakers(paragraphs, "direct") == ["Marco Roe Sample", "Donald Example"]
    assert segment.names.fuller_name("Jan Roe", ["Jan Roe Sample", "Jan Roe Example"]) == "Jan Roe"  # (two: neither)
    assert segment.names.fuller_name("Air Force", ["Air Force Jan Roe"]) == "Air Force"


def test_a_passive_lead_in_names_the_speaker_and_reports_no_clause() -> None:
    paragraphs = ["Our delegation's position was expressed by Jan Sample: \u00abWe agreed about forests and "
                  "steppes, not about borders\u00bb. That is all one needs to know.",
                  "The communiqu\u00e9 read out by Jana Roe on Thursday is the first text both sides signed. "
                  "\"This text will not end the war,\" she said."]
    assert speakers(paragraphs, "direct") == ["Jan Sample", "Jana Roe"]
    assert speakers(paragraphs, "indirect") == []


# --------------------------------------------------------------------------- blind39 and blind40 families


def test_a_moderator_of_several_guests_asks_and_a_clips_voice_answers() -> None:
    debate = ["Radio Testowa, Debate of the Day, transcript",
              "Guests: Admiral Jan Sample, former deputy commander; Olena Roe-Example, journalist. On the line: "
              "our correspondent Ewa Example.",
              "JAKUB HOSTOWSKI: Good evening. Ewa, you are at the venue. What is happening?",
              "EWA EXAMPLE: Good evening. The delegations are still inside, and the press centre is full.",
              "JAKUB HOSTOWSKI: What is the mood?",
              "EWA EXAMPLE: Much better than yesterday. I saw the military experts smoking together.",
              "JAKUB HOSTOWSKI: Admiral, can a moratorium on a river be monitored at all?",
              "JAN SAMPLE: It can, better than a front line on land. Everything is visible on radar.",
              "JAKUB HOSTOWSKI: Mrs Roe-Example, how will this be received?",
              "OLENA ROE-EXAMPLE: With suspicion, and I share it. Small agreements hide the big one.",
              "VOICE OF TOM ROE (interpreter's translation): We came here to work, and we will work."]
    assert turns(debate) == [("question", "Jakub Hostowski"), ("interview", "Ewa Example")] * 2 + [
        ("question", "Jakub Hostowski"), ("interview", "Jan Sample"), ("question", "Jakub Hostowski"),
        ("interview", "Olena Roe-Example"), ("interview", "Tom Roe")]
    hosted = ["Radio Example | Morning show", "Participants: Ana Example (host); Jan Sample (correspondent); Tom Roe.",
              "ANA EXAMPLE: Good morning. Jan, what happened?", "JAN SAMPLE: The session began two hours late.",
              "ANA EXAMPLE: Why?", "JAN SAMPLE: A drone attack overnight. The delegation asked for time.",
              "TOM ROE: Incidents are almost part of the agenda in talks of this kind.",
              "LEA SAMPLE: And yet the delegations are still at the table today."]
    assert [kind for kind, _ in turns(hosted)][:2] == ["question", "interview"]


def test_five_questions_each_answered_in_the_first_person_make_an_interview_without_labels() -> None:
    captain = ["\"On the river, nobody believes in paper\"", "Jana Reporter",
               "For thirty years river captain Jan Example has taken convoys down the Danube. He was waiting at "
               "the port when the memorandum was signed.",
               "You were in the port during the talks. What did the captains say?",
               "Mostly jokes. Someone drew a white flag on the map. But we all followed the news.",
               "How far away is that?", "About seventy kilometres upriver. When the port burns, I smell it.",
               "Will you sail when the moratorium starts?", "Not on the first day. I have a family and a crew.",
               "Your employer wants you to go?", "My employer wants the freight. I want to come home.",
               "What would you tell the negotiators?", "That a river is not a line on a map. I would take them "
               "on a barge for a week."]
    assert turns(captain) == [("question", "interviewer"), ("interview", "Jan Example")] * 5
    explainer = ["Explainer: where the talks stand", "By Jana Reporter",
                 "Who is talking?", "Two delegations, led by Jan Example and Tom Sample.",
                 "What does Russia want?", "The four regions it claims, and a neutral Ukraine.",
                 "What does Ukraine want?", "A ceasefire first, then talks on everything else.",
                 "Where does Washington stand?", "It changes from week to week.",
                 "What happens next?", "Another exchange of prisoners is expected within days."]
    assert turns(explainer) == []


def test_a_dash_interview_answers_the_person_its_first_question_calls_and_initials_of_a_double_surname() -> None:
    harbour = ["Harbour master: \"We will be the eyes of the port\"", "Jana Reporter",
               "Foreign Minister Tom Sample called the compromise modest. We spoke with the harbour master of "
               "the port, Jan Example, who will choose the liaison officer. Tom Sample was not available.",
               "\u2013 Mr Example, did the capital lose?", "\u2013 No. We never asked to command anything.",
               "\u2013 Who will go?", "\u2013 One of our pilots, a man who knows every bend of the river.",
               "\u2013 And if it is not quiet?", "\u2013 Then we will have lost nothing we have not lost already."]
    assert {speaker for kind, speaker in turns(harbour) if kind == "interview"} == {"Jan Example"}
    initials = ["Ambassador Kabiru Sample-Roe spoke to Tom Reporter about the truce.",
                "TR: What did you feel when you heard the news?", "KSR: Relief, and then caution.",
                "TR: Is a truce for the Games a strange idea?", "KSR: It is an old way, not a strange one."]
    assert turns(initials) == [("question", "TR"), ("interview", "Kabiru Sample-Roe")] * 2


def test_a_role_of_an_institution_with_its_abbreviation_and_a_subject_after_an_opening_participle() -> None:
    paragraphs = ["The spokesman of the Ministry of National Defense (Mindef), Colonel Jan Example, informed the "
                  "agency that the officers had served abroad.",
                  "\"They are ready to travel within 72 hours of receiving the order,\" the spokesman assured.",
                  "Contacted by the agency, the secretary general of the National Olympic Committee (NOC), Tom "
                  "Sample-Roe, indicated that the delegation would number forty athletes.",
                  "\"For us the truce is not an abstraction,\" he declared."]
    assert speakers(paragraphs, "direct") == ["Jan Example", "Tom Sample-Roe"]


def test_a_first_name_that_runs_a_shop_and_a_live_blogs_timed_subjects() -> None:
    feature = ["Igor Sample, the head of the customs post, said traffic was normal.",
               "In the village itself, the news was received calmly. Raisa runs a small shop on the road to "
               "the border.",
               "\u2014 When the ships go, the trucks go, and I sell coffee, \u2014 she laughs."]
    assert speakers(feature, "dash") == ["Raisa"]
    live = ["23:52 - Tom Sample, in front of the palace: \"This is the first quiet water.\"",
            "23:40 - Jan Example spoke to journalists for less than two minutes. \"We expect the same from the "
            "other side,\" he added.",
            "13:00 - Jana Roe on X: \"Great progress today. The river will be open for business!\"",
            "Sample this morning, on whether the format could be extended to the sea:",
            "\u2014 It is too early to talk about that, \u2014 he said."]
    assert speakers(live, "direct") == ["Tom Sample", "Jan Example", "Jana Roe"]
    assert speakers(live, "dash") == ["Tom Sample"]


# --------------------------------------------------------------------------- blind41 and blind42 families


def test_initials_with_a_digraph_and_first_name_labels_after_full_ones() -> None:
    initials = ["Bakhyt Zhanuzakov, a lawyer, talked to Tom Reporter about the agreement.",
                "T.R.: Is the agreement a treaty?", "B.Zh.: No. It is a political and humanitarian arrangement.",
                "T.R.: Why does that matter?", "B.Zh.: Because a convention says what must be done."]
    assert turns(initials) == [("question", "T.R."), ("interview", "Bakhyt Zhanuzakov")] * 2
    podcast = ["Example Podcast, episode 12. Host Jana Sample talks with correspondent Koji Example.",
               "JANA SAMPLE: Koji, what did they agree?", "KOJI EXAMPLE: Five points, basically. Visits and letters.",
               "JANA: What was the hardest part?", "KOJI: The lists. Each side counts differently.",
               "JANA: Will it hold?", "KOJI: It is a test of whether they can keep a small promise."]
    assert {speaker for kind, speaker in turns(podcast) if kind == "interview"} == {"Koji Example"}


def test_an_unlabelled_interview_whose_answer_ends_with_a_question_and_a_broadcasts_marked_labels() -> None:
    paragraphs = ["Jan Example: \"The memorandum must be measured in letters\"", "Interview by Jana Reporter",
                  "Jan Example has been the commissioner since 2022. He answered our questions by video.",
                  "What does the memorandum change?", "On paper, a great deal. In reality, nothing yet.",
                  "Do you believe Russia will keep its word?", "I believe in what can be checked.",
                  "What role did the hosts play?", "A decisive one, and a quiet one.",
                  "And France?", "France supported us from the start. Now we need more. Who else will help?",
                  "Interview by Jana Reporter (translated from French)"]
    assert [kind for kind, _ in turns(paragraphs)] == ["question", "interview"] * 4
    radio = ["[Sampleton FM interview] \"A letter is proof of life\"", "\u25a0 Host: Jan Sample",
             "\u25a0 Guest: Ana Example, research fellow", "\u25c7 Jan Sample> Good morning. What was signed last night?",
             "\u25c6 Ana Example> An agreement on letters, parcels and visits by the Red Cross.",
             "\u25c7 Jan Sample> Is that all, after three days?",
             "\u25c6 Ana Example> Think of a family that has heard nothing for two years."]
    assert turns(radio) == [("question", "Jan Sample"), ("interview", "Ana Example")] * 2


def test_summed_up_names_the_spokesperson_and_relatives_carry_a_gender() -> None:
    paragraphs = ["The Example Congress welcomed the agreement. \"A letter is not freedom,\" summed up its "
                  "spokesperson, Jan Sample-Roe.",
                  "In the village, Jana Example has been waiting for news of her son Tom, a former soldier.",
                  "\"I just want to see his handwriting,\" she told the agency."]
    assert speakers(paragraphs, "direct") == ["Jan Sample-Roe", "Jana Example"]
    essay = ["When I was a child, my grandfather Batu used to take me for walks past the old buildings. He "
             "would stop and touch the wall.",
             "He told me once that the prisoners had asked him for paper. \"They wanted to write home,\" he said."]
    assert speakers(essay, "direct") == ["Batu"]


def test_a_wire_dateline_before_a_colon_is_no_speakers_label() -> None:
    paragraphs = ["Jana Sample, a lawyer, represents thirty families. She spoke to the paper about the agreement.",
                  "SAMPLETOWN, Feb 27: Jana Sample says the phones have not stopped ringing since Thursday.",
                  "Q: What did the agreement mean for the families?", "A: Hope, first of all. And confusion.",
                  "Q: Have you asked the ministry?", "A: We wrote to it twice. Nobody has answered yet."]
    assert turns(paragraphs) == [("question", "Q"), ("interview", "Jana Sample")] * 2


def test_an_institution_named_short_is_the_full_name_the_article_gave_it() -> None:
    paragraphs = ["Sampleton, Oct. 8 (SNA) - The Ministry of Foreign Affairs and International Cooperation has welcomed "
                  "the memorandum.",
                  "In a statement issued today, the ministry said that the agreement was a step towards peace.",
                  "\"Every agreement that protects journalists deserves support,\" the statement said.",
                  "The General Staff of the Armed Forces of Ukraine reported new strikes. The General Staff said that "
                  "four drones had been shot down."]
    assert speakers(paragraphs, "indirect") == ["Ministry of Foreign Affairs and International Cooperation",
                                                "General Staff of the Armed Forces of Ukraine"]
    assert speakers(paragraphs, "direct") == ["Ministry of Foreign Affairs and International Cooperation"]
    # the noun alone where the article names two embassies, or a joint statement: left as written
    two = ["The Russian Embassy in Sampleton and the Ukrainian Embassy in Sampleton both sent letters.",
           "The Embassy said that the letter had been delivered by hand."]
    assert speakers(two, "indirect") == ["Embassy"]
    joint = ["The ministry issued a joint statement with the Example Agency on Friday. The ministry said that it was fair.",
             "\"The sides will meet again in May,\" the statement said."]
    assert speakers(joint) == ["ministry", "statement"]


def test_a_people_named_alone_is_nobody_and_a_headline_names_an_unlabelled_interviewee() -> None:
    tongan = ["\u201cWe sang for both of them\u201d: Tongan minister who prayed at the talks",
              "Rev. Tevita Sample, minister of a Wesleyan congregation, led a choir in a Tongan hymn before the speeches.",
              "He said he had chosen the hymn because every Tongan knows it by heart.",
              "Our conversation, translated from Tongan in places, has been edited for length.",
              "How did a Tongan choir end up singing for Russia and Ukraine?", "The city council asked the churches.",
              "What did you sing?", "An old hymn about the Good Shepherd. Nobody in the hall understood the words.",
              "Did you speak to the delegations?", "Only for a moment, afterwards. A man shook my hand.",
              "What do you pray for now?", "For the six priests to come home before Easter."]
    assert {speaker for kind, speaker in turns(tongan) if kind == "interview"} == {"Tevita Sample"}
    headlined = ["P. Example: \u201eThe sky is the same over the whole region\u201c",
                 "Jana Reporter, Example Daily | 2028-03-17 09:15",
                 "Pavel Example, a researcher who studies electronic warfare, says the country should be pleased.",
                 "Did the talks have anything to do with us?", "Directly, no. The text speaks of the Black Sea.",
                 "Moscow denies that it causes the interference at all.", "It also denied it over the sea, and then it signed.",
                 "Why was the north left out?", "Because the talks are about the war, and the north is at peace.",
                 "What should the country do in the meantime?", "Record every case and publish the data.",
                 "Should passengers worry?", "No. Pilots have procedures, and controllers know their job."]
    assert turns(headlined) == [("question", "interviewer"), ("interview", "Pavel Example")] * 5


def test_a_clergy_title_is_no_part_of_the_name() -> None:
    paragraphs = ["The rector, Father Serhii Sample, and four parishioners have been taken to hospital, the "
                  "administration said.",
                  "09:30. Father Serhii has called our editorial office from the hospital. He has a leg wound.",
                  "\u00abI was in the altar when everything went dark\u00bb, the priest says."]
    assert speakers(paragraphs, "direct") == ["Serhii Sample"]


def test_an_interviews_introduction_names_places_and_datelines_that_are_no_interviewee() -> None:
    """A place after "in", "at", "from" or "near", or before a date ("Libreville, 1 July 2028"), a paragraph
    that is only a dateline, and a quotation's first word are no person the introduction names."""
    based = ["Jane Roe : \u00ab A cable cut in Exampleville is also a war story \u00bb",
             "Exampleville, 1 July 2028 \u2013 Example Review. Jane Roe, a consultant based in Exampleville, has "
             "advised several banks. Interview.",
             "What did you think when you read the memorandum?", "That it was written by engineers.",
             "Why should a reader here care?", "Because we know what a cut means.",
             "The grid is missing from the list. Is that serious?", "It is the big hole.",
             "Could a desk of ten people cope?", "For a start, yes. They only transmit."]
    assert turns(based) == [("question", "interviewer"), ("interview", "Jane Roe")] * 4
    dashed = ["\"The Russians will count every complaint\": an engineer on the memorandum",
              "La Semaine Example, Exampleville, 1 July 2028",
              "Dr Jean Sample-Roe studied in Moscow for eight years before returning to Exampleville. He told us "
              "that he had followed the talks closely.",
              "\u2014 You know Russia well. How will Moscow read it?", "As a technical document.",
              "\u2014 And Kyiv?", "Kyiv will read it as an admission.",
              "\u2014 Should Exampleville have played a role?", "It has its own strengths.",
              "\u2014 A message to your students?", "Study the annexes."]
    assert turns(dashed) == [("question", "interviewer"), ("interview", "Jean Sample-Roe")] * 4
    quoted = ["Jane Roe: \"Peace is made by tired people, not by happy ones\"",
              "The former president, Nobel Peace Prize laureate in 1996, followed the talks from Exampleton. He "
              "spoke to the Daily Example by video call.",
              "Ms Roe, is what was signed a step towards peace?", "It is a step, and a small one.",
              "Is four months enough?", "Four months is what was possible.",
              "Did they answer your letters?", "One replied in writing.",
              "Will you travel there?", "If both invite me, yes."]
    assert {speaker for kind, speaker in turns(quoted) if kind == "interview"} == {"Jane Roe"}


def test_an_interviewees_first_name_alone_counts_for_the_full_name_and_a_discussion_puts_the_questions() -> None:
    cousin = ["\u2018I went there to cook. They gave me a shovel\u2019",
              "Md Karim Example, 29, from Exampleganj upazila, left in February on what he was told was a kitchen "
              "job. His cousin, Md Sohel Sample, is among those held. Karim says he has not slept since. He spoke "
              "to Dainik Bulletin at his home in Exampleganj on Saturday.",
              "How did you get the job?", "Through a man from the next village.",
              "When did you understand?", "At the airport. A man took our passports.",
              "Did you sign a contract?", "I signed many papers.",
              "How were you wounded?", "We were digging trenches at night."]
    assert {speaker for kind, speaker in turns(cousin) if kind == "interview"} == {"Md Karim Example"}
    discussed = ["\u00abThe word was left outside the door in Exampleton\u00bb: a lawyer on the memorandum",
                 "Example.az, 09.12.2028",
                 "The memorandum signed in Exampleton on 7 December concerns several hundred people. Example.az "
                 "discussed the document with Rauf Sample, a specialist in humanitarian law.",
                 "\u2014 Rauf muallim, what is new in this document?", "For the first time the sides agreed.",
                 "\u2014 How did the two sides reach agreement?", "By not using the word.",
                 "\u2014 Is that realistic in a camp?", "It is realistic if the Red Cross talks to each person.",
                 "\u2014 Why does Baku care?", "Because we have people on these lists."]
    assert {speaker for kind, speaker in turns(discussed) if kind == "interview"} == {"Rauf Sample"}


def test_an_unnamed_source_near_a_place_is_the_source_not_the_place() -> None:
    """"a cloth merchant near Regal Chowk" is the merchant, as "a farmer from Kherson" is the farmer: a
    name after "near" is where the source stands, never the speaker."""
    paragraphs = ["Example Bazaar counts its losses",
                  "\"We lost three days of business in the best week of the year,\" said a cloth merchant near "
                  "Example Chowk who did not want his name printed."]
    assert speakers(paragraphs, "direct") == ["cloth merchant near Example Chowk"]


def test_a_first_name_introduced_with_a_trade_in_apposition_is_whom_she_means() -> None:
    """"Ivanna, an interpreter with the delegation" introduces a person a feature's next "She ..." and
    unattributed quote are hers (the trades met in features: interpreter, journalist, vendor, widow ...)."""
    paragraphs = ["A tea stall on The Mall",
                  "\"We lost three days of business,\" said a cloth merchant near Example Chowk.",
                  "One of those Ukrainians was Ivanna, an interpreter with the Ukrainian delegation who asked that "
                  "her surname not be used. She studied in Exampleton twenty years ago.",
                  "\"I came back to Exampleton after twenty years, and I came back with a war.\""]
    assert speakers(paragraphs, "direct") == ["cloth merchant near Example Chowk", "Ivanna"]


def test_a_named_persons_relative_named_as_a_subject_is_whom_she_means() -> None:
    """"Butt's daughter-in-law Zainab ran a second stall. She says ...": the relative, the sentence's
    subject, not the person named before her (a possessive owner, as "my grandfather Tserenjav")."""
    paragraphs = ["A tea stall on The Mall",
                  "His name is Imtiaz Example, he is 61, and his father opened the stall in 1968.",
                  "\"When they come out smiling, it means nothing happened,\" Example says.",
                  "At the press centre, Example's daughter-in-law Zainab ran a second stall for the journalists. "
                  "She says that the foreign reporters drank far more tea than anyone else."]
    # (a son's or daughter's first name after a parent's surname: the parent's surname added)
    assert speakers(paragraphs, "indirect")[-1:] == ["Zainab Example"]


def test_a_place_before_a_role_in_apposition_is_not_its_holder() -> None:
    """"... signed by Russia and Ukraine, the Director General of the agency, Dr Jane Roe, has announced":
    the Director General is Roe, not Ukraine (a name before a role is its holder only if it may be a person's)."""
    paragraphs = ["Exampleland to send two engineers to the desk",
                  "Exampleville, Friday June 30, 2028 (EBC) \u2013 Exampleland will send two engineers of the National "
                  "Agency for Examples, NAE, to the liaison desk created under the memorandum signed on Thursday by "
                  "Russia and Ukraine, the Director General of the agency, Dr Jean Sample Roe, has announced.",
                  "Speaking to EBC at the agency's headquarters, Dr Sample Roe described the mission as \"an honour "
                  "for Exampleland and a recognition of our young engineers\".",
                  "He said the two engineers had been proposed by the host after a meeting in March.",
                  "\"They will not carry any flag except the flag of professionalism. Their work is technical,\" the "
                  "Director General said."]
    assert speakers(paragraphs, "direct") == ["Sample Roe"]


def test_a_person_of_an_authority_with_its_acronym_is_the_person() -> None:
    """"Eng. Jane Roe of the National Example Authority (NEA), who will head the desk, told ..." is Roe:
    an acronym in brackets before the comma is no part of the name, and an "Authority" is an institution."""
    paragraphs = ["Desk to open on July 10",
                  "Eng. Jane Sample Roe of the National Example Authority (NEA), who will head the new desk, told "
                  "Example News that the desk would be operational on July 10.",
                  "\"Our engineers will not judge who is right. They will pass the report on,\" she said."]
    assert speakers(paragraphs) == ["Jane Sample Roe", "Jane Sample Roe"]


def test_a_broadcast_with_two_hosts_and_a_list_of_guests_asks_under_the_hosts_labels() -> None:
    """A transcript whose introduction lists its guests ("Guests: Dr Jane Roe, ...; Professor Tom Doe, ...")
    and whose two hosts the introduction never presents: the labels of no guest ask, the guests answer, a
    title in a caps label ("PROF. TOM DOE") is no part of the name, and "Broadcast: ..." is no one's turn."""
    paragraphs = ["EXTV The Morning Show, Friday 13 August 2027 (transcript)",
                  "Broadcast: Friday, 13 August 2027, 7:10 a.m. Guests: Dr Jane Sample-Roe, head of surveillance, "
                  "Example Health Agency; Professor Tom Doe, Institute of International Relations",
                  "ANNA HOST: Good morning and welcome back. With us in studio, two guests. Good morning to you both.",
                  "DR JANE SAMPLE-ROE: Good morning, Anna.",
                  "PROF. TOM DOE: Morning, morning.",
                  "BOB PRESENTER: Doctor, let me start with you. What did they agree?",
                  "DR JANE SAMPLE-ROE: Three days at the end of this month, and three more in October.",
                  "ANNA HOST: Why is the data so important?",
                  "DR JANE SAMPLE-ROE: Because measles does not read maps.",
                  "BOB PRESENTER: Professor, is this a diplomatic success or a photo opportunity?",
                  "PROF. TOM DOE: Both, and there is nothing wrong with that.",
                  "ANNA HOST: We have to leave it there. Thank you both."]
    found = turns(paragraphs)
    assert {speaker for kind, speaker in found if kind == "interview"} == {"Jane Sample-Roe", "Tom Doe"}
    assert [kind for kind, _ in found].count("question") == 5 and len(found) == 10


def test_an_interviewee_called_by_a_nickname_is_the_person_it_is_given_to() -> None:
    """"Jane Roe, known to three generations of patients as Miss Ray, ..." then "Miss Ray, how did ...?":
    the answers are Jane Roe's."""
    paragraphs = ["Nurse who vaccinated during a 1985 truce: \u201cTell them to bring ice\u201d",
                  "EXAMPLE CITY, Wed. Aug. 18, 2027",
                  "Jane Example-Roe, known to three generations of patients on the Southside as Miss Ray, was a "
                  "26-year-old nurse in 1985. Now 68 and retired, she told us that she cried when she heard the news. "
                  "We spoke on her veranda on Monday afternoon.",
                  "Miss Ray, how did a young nurse end up in the middle of a war?",
                  "They asked for nurses who spoke Spanish. I said yes before I could think about it.",
                  "What do you remember of those days?", "The silence. Then you heard the children.",
                  "Were you afraid?", "Of course. A helicopter passed very low and everybody froze.",
                  "What would you tell the teams?", "Tell them to bring ice."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Jane Example-Roe"}


def test_the_authors_unnamed_relative_and_a_person_written_to_are_whom_a_pronoun_means() -> None:
    """A columnist's "My mother, who ..., put it better" is whom the next "she said" means (as "my mother",
    unless the article named her: "my grandfather Tserenjav"); "I wrote to Jane Roe ... He replied" is Roe."""
    mother = ["Three days in Port of Example", "Minister Jane Sample spoke of a historic week.",
              "My mother, who was vaccinated in a school in 1962, put it better than any diplomat. \"Somebody "
              "always has to stop fighting long enough for the nurse to pass,\" she said."]
    assert speakers(mother, "direct") == ["my mother"]
    named = ["Letters", "When I was a child, my grandfather Tserenjav used to take me for walks past the old buildings.",
             "I did not understand him then. Later I learned what they were.",
             "My grandfather was a young driver then. \"They wanted to write home, but nobody would take the "
             "letters,\" he said."]
    assert speakers(named, "direct") == ["Tserenjav"]
    wrote = ["The lesson", "\u00abThose people will need twenty years\u00bb, said Quinta Sample, a market trader.",
             "I wrote to Tom Example, who led one of the clearance teams, to ask him what they could learn. He "
             "replied that the lesson was not technical."]
    assert speakers(wrote, "indirect") == ["Tom Example"]


def test_a_one_word_label_opening_with_an_accented_capital_is_a_turn() -> None:
    """"Ábrego: ..." under an outlet's "La Prensa: ...?" questions: the surname label of a Spanish name."""
    paragraphs = ["Jane \u00c1brego: \"Insulin travels badly, but it travels better than politics\"",
                  "Interview by Ana Example | La Prensa | Panama City, 30 September 2028",
                  "Its director, Jane \u00c1brego Sample, showed them the cold room.",
                  "La Prensa: How did the visit go?", "\u00c1brego: They came in separate buses, twenty minutes apart.",
                  "La Prensa: And the Ukrainians?", "\u00c1brego: The same questions, only an hour later.",
                  "La Prensa: Where does the insulin come from?", "\u00c1brego: From the stocks that Panama keeps."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Jane \u00c1brego Sample"}
    answers = [q.text for q in segment.find_quotes(paragraphs) if q.kind == "interview"]
    assert answers[0] == "They came in separate buses, twenty minutes apart."  # (the label is no part of the answer)
    assert [q.text for q in segment.find_quotes(paragraphs) if q.kind == "question"][0] == "How did the visit go?"


def test_a_person_named_late_and_a_subject_after_a_place_opener() -> None:
    """"His real name is Jane Roe" names the person a nickname or "my uncle" stood for; in "In Exampleville,
    the farmer Jane Roe, who ..., said" the place opening the sentence is not the subject."""
    late = ["The pig treaty", "On Thursday the radio announced an agreement. My first thought was of my uncle.",
            "In our family everybody calls him Bambo Example. His real name is Tom Example-Sample, and for thirty "
            "years he has kept pigs.",
            "I phoned him on Friday. \u201cForty-two pigs, and nobody told me the disease was here,\u201d he said."]
    assert speakers(late, "direct") == ["Tom Example-Sample"]
    opener = ["Farmers follow the talks",
              "In Exampleville, the livestock farmer Jane Sample, who lost eleven head of cattle during the last "
              "outbreak, said she had heard about the talks on the radio."]
    assert speakers(opener, "indirect") == ["Jane Sample"]


def test_a_two_word_nickname_as_a_subject_is_the_person_so_called() -> None:
    """"His name is Tom Example, ... everyone calls him El Profe" then "El Profe climbs down ... "...," he
    says": the person so called, not the nickname."""
    paragraphs = ["Insulin for Kherson",
                  "His name is Tom Example, he is 57, and in the warehouse everyone calls him El Profe, because he "
                  "taught mathematics before coming to the hub.",
                  "Jane Sample, 34, checks the sensors. \u201cI check every sensor twice\u201d, she says.",
                  "At a quarter past eight the last truck leaves. El Profe climbs down from the forklift and looks at "
                  "the empty bay.",
                  "\u201cNow it's their turn\u201d, he says, \u201cand may nobody fire at them.\u201d"]
    assert speakers(paragraphs, "direct")[-2:] == ["Tom Example", "Tom Example"]


def test_double_surnames_in_a_transcripts_introduction_say_who_asks_and_give_the_full_name() -> None:
    """"Host: Jane Roe Soto. Guest: Dr. Tom Doe Layme" over "JANE ROE:" / "TOM DOE:" labels: the host asks,
    the guest answers, named as the introduction names him (a second surname)."""
    paragraphs = ["RPE Noticias | Transcript: the seed agreement",
                  "Broadcast: Friday 10 September 2027, 08:40. Host: Jane Roe Soto. Guest: Dr. Tom Doe Layme, plant "
                  "geneticist at the National Agrarian University. Edited for length.",
                  "JANE ROE: Good morning. With us is Dr. Tom Doe. Doctor, good morning.",
                  "TOM DOE: Good morning, Jane, good morning to all the listeners.",
                  "JANE ROE: Let's start with the basics. What is a seed bank?",
                  "TOM DOE: A seed bank is a library of life. It keeps thousands of varieties.",
                  "JANE ROE: Is the agreement enough?", "TOM DOE: It is a beginning. The list has 23 sites.",
                  "JANE ROE: Thank you, doctor."]
    found = turns(paragraphs)
    assert {speaker for kind, speaker in found if kind == "interview"} == {"Tom Doe Layme"}
    assert [kind for kind, _ in found].count("question") == 4


def test_initials_that_leave_out_a_middle_name_and_a_dated_byline_that_is_no_interviewee() -> None:
    """"TMA:" stands for "Tran Thi Mai Anh" (a middle name left out); "Jane Roe | 13 September 2027" is the
    byline of an unlabelled interview, not its interviewee, and "... for Plant Genetic Resources" no person."""
    initials = ["Vietnamese volunteer: 'The old people ask me only one thing'",
                "Tran Thi Mai Anh, 44, came to Kharkiv as a child with her parents. She told VnExample that the "
                "agreement could change her work.", "Interview by Hoang Example.",
                "HE: Where were you when the memorandum was announced?", "TMA: In the minibus, at a petrol station.",
                "HE: What is the most important part for you?", "TMA: The lists. Every care home will be on a list.",
                "HE: Will you go on driving?", "TMA: As long as the minibus goes."]
    assert {speaker for kind, speaker in turns(initials) if kind == "interview"} == {"Tran Thi Mai Anh"}
    dated = ["\u201cMy seeds are safer in the Andes than in Kharkiv\u201d",
             "The head of Ukraine's National Centre for Plant Genetic Resources was a member of the technical group. "
             "Vistazo spoke to her by telephone before her flight home.",
             "Ana Sample Mora | 13 September 2027",
             "Iryna Example has spent half her life in the basement of an institute in Kharkiv.",
             "Why is Ukraine sending seeds to Bolivia?", "Because Kharkiv is forty kilometres from the border.",
             "What will you send first?", "Wheat, barley and sunflower.",
             "Your delegation did not attend the morning session. Why?", "Because Bohodukhiv was burning.",
             "Will you go back?", "Yes, in June."]
    assert {speaker for kind, speaker in turns(dated) if kind == "interview"} == {"Iryna Example"}


def test_a_header_line_of_names_and_a_date_names_no_interviewee() -> None:
    """"Jane Roe | Example Outlet | 30 March 2028 | translated from Hungarian" and "Tom Doe, Example
    Outlet, 27 March 2028. Translated from Ukrainian" say who wrote an interview and where, not who answers."""
    piped = ["\u201eThe river has no passport\u201d",
             "Bence Example | Magyar Example | 30 March 2028 | translated from Hungarian",
             "L\u00e1szl\u00f3 Sample, 78, was the engineer in charge of flood defence in 2001. He told Magyar Example "
             "that the protocol had been written by people who had never stood on a dike.",
             "What did you mean by that?", "That it is short.", "You were on the dike in 2001.", "For eleven days.",
             "Can that be compared with a war?", "Not the suffering.", "What would you tell the negotiators?",
             "To let the observers meet."]
    assert {speaker for kind, speaker in turns(piped) if kind == "interview"} == {"L\u00e1szl\u00f3 Sample"}
    commas = ["\u00abWe will read the Russian rivers every morning\u00bb. Interview with a hydrologist",
              "Dmytro Example, Forbes Example, 27 March 2028. Translated from Ukrainian",
              "Oksana Sample, deputy director of the Hydrometeorological Center, was a member of the delegation. "
              "She told Forbes that the protocol would cost the state almost nothing.",
              "\u2014 How much did the war cost the network?", "Before 2022 we had about 380 posts.",
              "\u2014 What does Ukraine get from the protocol?", "Data from upstream.",
              "\u2014 And what does Russia get?", "The same in reverse."]
    assert {speaker for kind, speaker in turns(commas) if kind == "interview"} == {"Oksana Sample"}


def test_the_authors_relative_named_in_apposition_is_that_person() -> None:
    """"My grandfather, Jan Roe, ran the ferry" names the relative a later "My grandfather ... said" means."""
    paragraphs = ["Upstream", "My grandfather, S\u00e1ndor Example, ran the ferry on the river until the bridge came.",
                  "On the night the dike broke, a neighbour cursed the Ukrainians. My grandfather did not let him "
                  "finish. \u201eThe water is coming from the Ukrainians, but it is not their fault,\u201d he said."]
    assert speakers(paragraphs, "direct") == ["S\u00e1ndor Example"]


def test_answers_in_the_first_person_count_a_sentence_opening_we_or_our() -> None:
    """Five dash questions answered in step, mostly in the first person, make an interview even where
    "We" and "Our" open the answers' sentences (no introduction says the questions were put to anyone)."""
    paragraphs = ["How to read a fire map: the delegation's analyst on the new centre",
                  "Ostap Example, a remote-sensing analyst at the forest agency, spent three weeks on the map.",
                  "\u2014 Why a neutral centre?", "Because neither of us would have trusted the other's map.",
                  "\u2014 And Russia agreed?", "Russia wanted 15 kilometres, we wanted 50. We ended at 30.",
                  "\u2014 How will the map show occupied land?", "As coordinates. Our lawyers checked every word.",
                  "\u2014 What will the map not show?", "It will not show who started a fire.",
                  "\u2014 Did you meet your counterparts?", "In the working group, yes. We talked about data formats.",
                  "\u2014 What will you do on the first morning?", "Wait for the first file at seven."]
    assert {speaker for kind, speaker in turns(paragraphs) if kind == "interview"} == {"Ostap Example"}


def test_a_nickname_whom_everybody_calls_takes_the_real_name_given_after_it() -> None:
    """"a man whom everybody calls Mzee Example ... His real name is Jane Roe": the quotes of "Mzee
    Example" are Roe's, whether he is named as the subject ("Mzee Example said") or by "he"."""
    paragraphs = ["In my village there is an old man whom everybody calls Mzee Example, Old Man Fire. He got the name "
                  "in 2012, and the name stayed. His real name is Joseph Sample Roe, and he is eighty-one years old.",
                  "Mzee Example turned up the radio and listened without a word.",
                  "\u201cA big fire needs three days, not twelve hours,\u201d he said.",
                  "\u201cWrite that we also know how to wait,\u201d Mzee Example told me at the gate."]
    assert speakers(paragraphs, "direct") == ["Joseph Sample Roe", "Joseph Sample Roe"]
    told = ["My host was a man whom everybody on the estate calls Uncle Example. He has never been anyone's uncle.",
            "\u201cPaper is not strong,\u201d Uncle Example said."]
    assert speakers(told, "direct") == ["Uncle Example"]  # (no real name given: the nickname stays)


def test_a_first_name_and_patronymic_is_the_person_named_with_that_first_name() -> None:
    """"Nina Fyodorovna" (a polite Russian form of address) is the Nina Roe the article introduced."""
    paragraphs = ["For the eleventh summer, the watcher on the tower has been Nina Example, 59.",
                  "\u2014 At one o'clock at night I went down to put the kettle on, \u2014 says Nina Fyodorovna. "
                  "\u2014 I heard a buzzing, then a bang."]
    assert set(speakers(paragraphs, "dash")) == {"Nina Example"}
    two = ["Nina Example and Nina Sample both watch the forest.",
           "\u2014 I went down to put the kettle on, \u2014 says Nina Fyodorovna."]
    assert set(speakers(two, "dash")) == {"Nina Fyodorovna"}  # (two Ninas: which one is unknown)


def test_an_institutions_abbreviation_in_parentheses_leaves_the_person_before_it_the_speaker() -> None:
    """"Dr Jane Roe of the Centre for Mapping of Resources for Development (RCMRD) told journalists that
    ...": Roe, not "Development"."""
    paragraphs = ["Dr Jane Example of the Regional Centre for Mapping of Resources for Development (RCMRD) told "
                  "journalists in Nairobi that the centre had begun test runs of the map.",
                  "\u201cThe first real file goes out on August 1,\u201d she said."]
    assert speakers(paragraphs) == ["Jane Example", "Jane Example"]


def test_a_place_of_several_words_before_a_role_is_not_its_holder() -> None:
    """"... reached in Nuwara Eliya, the head of the registry service, Jane Roe, told ...": a later "the
    head of the service said" is Roe, never "Eliya" (the last word of a place after "in")."""
    paragraphs = ["The offices will process the documents under the agreement reached in Nuwara Eliya, the head of "
                  "the Civil Registry Service of the Irkutsk region, Yelena Example, told a correspondent.",
                  "\u00abPeople come to us with a phone call. Now there will be an official channel\u00bb, the head of "
                  "the service said."]
    assert speakers(paragraphs, "direct") == ["Yelena Example"]


def test_the_authors_relative_right_after_a_quote_is_its_speaker() -> None:
    """'"...," my grandfather told me once.' is the author's grandfather (named, if the article named him),
    never the place named before it."""
    paragraphs = ["In the 1990s, when the fighting moved up and down the Imatong, the elders went to the commanders.",
                  "\u201cWe did not ask them to stop fighting,\u201d my grandfather told me once. "
                  "\u201cWe asked them to fight somewhere else.\u201d"]
    assert speakers(paragraphs, "direct") == ["my grandfather", "my grandfather"]
    named = ["My grandfather, Jan Example, ran the ferry.", "\u201cWe did not ask them to stop fighting,\u201d my grandfather said."]
    assert speakers(named, "direct") == ["Jan Example"]


def test_a_title_of_an_institution_before_the_name_after_the_verb_is_the_person() -> None:
    """"— ..., — recalls Captain of the Internal Service Roman Roe, head of a unit." is Roe, not "Captain"."""
    paragraphs = ["\u2014 Last August we fought a forest fire near Shebekino for four days, \u2014 recalls Captain of the "
                  "Internal Service Roman Example, head of a fire and rescue unit in the Shebekino district. "
                  "\u2014 Give us a bulldozer and a water tanker."]
    assert set(speakers(paragraphs, "dash")) == {"Roman Example"}


def test_the_statement_said_is_the_subject_of_a_speech_verb_before_it() -> None:
    """"The Authority said in a statement that ships in the Black Sea had been told ..." then '"...," the
    statement said': the Authority (a speech verb's subject), not "Black Sea" (a later "had")."""
    paragraphs = ["The Bahamas Example Authority said in a statement that ships trading in the Black Sea had been "
                  "told to report any sighting of a drifting mine.",
                  "\u201cOur flag flies on more than 1,400 ships. Their crews deserve every protection,\u201d the statement said."]
    assert speakers(paragraphs, "direct") == ["Bahamas Example Authority"]


def test_a_nickname_with_a_gloss_and_a_real_name_paragraphs_later() -> None:
    """"an old postman whom the whole mahalla called Bobo-Pochta, Grandfather Post" ... (paragraphs later)
    "His real name was Jane Roe": Grandfather Post's words are Roe's; "Felipe Roe, whom everybody at the
    taxi rank calls Pipo": Pipo's are Felipe Roe's."""
    paragraphs = ["When I was a boy, there was an old postman on our street whom the whole mahalla called Bobo-Pochta, "
                  "Grandfather Post. He rode a green bicycle.", "He stopped at every gate.", "Nobody knew his age.",
                  "His real name was Sharif Example, and he was my grandfather's cousin.",
                  "\u201cA letter is a person who has gone on a journey,\u201d Grandfather Post told me."]
    assert speakers(paragraphs, "direct") == ["Sharif Example"]
    rank = ["Felipe Example, whom everybody at the taxi rank calls Pipo, drove two journalists to Portobelo.",
            "\u201cThey asked me if we have mines here. I told them: only the gold ones\u201d, Pipo laughs."]
    assert speakers(rank, "direct") == ["Felipe Example"]


def test_dash_speech_told_our_correspondent_is_the_subjects() -> None:
    """"— ..., — Jane Roe, who delivers mail in the old quarter, told our correspondent. — ...": Roe, not
    "our correspondent" (an object after the verb, as "told the paper" or "told reporters")."""
    paragraphs = ["\u2014 I have worked at the post office for thirty years, and I never thought our city would be "
                  "remembered for this, \u2014 Karine Example, who delivers mail in the old quarter, told our "
                  "correspondent. \u2014 In 1988 letters came to us from all over the Union."]
    assert speakers(paragraphs, "dash") == ["Karine Example", "Karine Example"]


def test_dash_speech_continues_after_he_smiles() -> None:
    """"— ..., — he smiles. — ...": the present-tense gesture verbs of translated Russian reports ("smiles",
    "shrugs", "grins") attribute dash speech and its continuation like "says"."""
    paragraphs = ["Dmitry Example says that on the ferries nobody discusses the memorandum.",
                  "\u2014 The sailors discuss the weather and the queue of lorries, \u2014 he smiles. \u2014 But if the "
                  "oil comes here, we will all go out with shovels, as in 2024."]
    assert speakers(paragraphs, "dash") == ["Dmitry Example", "Dmitry Example"]


def test_a_features_opening_quote_is_whoever_says_this_in_the_next_paragraph() -> None:
    """A feature opening with a quote alone, then "Jane Roe, 63, says this in the kitchen of her flat ...":
    Roe's words."""
    paragraphs = ["The exchange office in Aktobe: how one woman kept a divided family in touch",
                  "\u201cI have packed this parcel three times. Each time I take something out and put something else in.\u201d",
                  "Halyna Example, 63, says this in the kitchen of her flat in Aktobe, pointing at a box on the windowsill."]
    assert speakers(paragraphs, "direct") == ["Halyna Example"]
    other = ["\u201cI have packed this parcel three times. Each time I take something out.\u201d",
             "Halyna Example says the post office opens at nine."]
    assert speakers(other, "direct") == [""]  # (no "this": what she says next is another matter)


def test_used_to_say_attributes_a_quote_to_the_authors_relative() -> None:
    """'«...», she used to say.' after "My grandmother was twenty-three when ...": the grandmother's words."""
    paragraphs = ["My grandmother was twenty-three when the earthquake destroyed Managua. She told the same story "
                  "for the rest of her life.",
                  "\u00abThe aid arrived in Nicaragua, but it did not arrive to the Nicaraguans\u00bb, she used to say."]
    assert speakers(paragraphs, "direct") == ["my grandmother"]


def test_the_text_says_is_the_issuer_of_the_statement() -> None:
    """'"...", the text says.' after "X said in a statement that ..." (an institution named with a clause
    before its verb), and '"...," the statement said.' after "The ministry affirmed ..." under "In a
    statement, the Ministry of Foreign Affairs said ...": the issuer."""
    paragraphs = ["The Colectivo Example, which groups Nicaraguan exiles in Costa Rica, said in a statement that the "
                  "agreement showed that even Russia recognised the Red Cross. \"The regime that dissolved the Red Cross "
                  "should take note of what its ally signed tonight\", the text says."]
    assert speakers(paragraphs, "direct") == ["Colectivo Example"]
    ministry = ["In a statement carried by the news agency, the Ministry of Foreign Affairs said the UAE valued the efforts "
                "of Jordan in hosting the talks.",
                "The ministry affirmed that the UAE would continue its own humanitarian mediation.",
                "\"The UAE believes that every step that protects civilians brings the parties closer,\" the statement said."]
    assert speakers(ministry, "direct") == ["Ministry of Foreign Affairs"]


def test_a_nickname_everyone_calls_in_guillemets_is_the_real_name_given_later() -> None:
    """"a man everyone in the colony calls Karai Example, Mister Wheat. His real name is ..." and "everybody
    calls him « Papa Example »" ... "His real name is ..." (two paragraphs on): the real name."""
    paragraphs = ["I was in the truck with a man everyone in Capitan Miranda calls Karai Example, Mister Wheat. His real "
                  "name is Demetrio Sample, and he has been sowing wheat for fifty years.",
                  "\u201cThey are fighting over everything and they agree on the seed,\u201d Karai Example said."]
    assert speakers(paragraphs, "direct") == ["Demetrio Sample"]
    papa = ["At the training centre for deminers, everybody calls him \u00ab Papa Example \u00bb.", "He buried the mines.",
            "His real name is G\u00e9rard Sample. He is fifty-eight.",
            "\u00ab I put six in the red lane, at different depths \u00bb, Papa Example says."]
    assert speakers(papa, "direct") == ["G\u00e9rard Sample"]


def test_the_communique_specifies_is_the_institution_that_issued_it() -> None:
    """'"...," the communiqué specifies.' after "according to a communiqué of the Ministry of Foreign
    Affairs and International Cooperation": that ministry, named whole."""
    paragraphs = ["Bamako, 12 Nov - The Government welcomes the memorandum, according to a communiqu\u00e9 of the Ministry "
                  "of Foreign Affairs and International Cooperation made public on Friday.",
                  "\u201cIn the Sahel, markets have been the target of armed groups for more than ten years,\u201d the "
                  "communiqu\u00e9 specifies."]
    assert speakers(paragraphs, "direct") == ["Ministry of Foreign Affairs and International Cooperation"]


def test_the_statement_read_and_a_press_release_issued_by_the_sentences_subject() -> None:
    """'"...," the statement read.' (a document's verb) is the statement's issuer; so is '"...," the release
    read in part.' after "The Ministry of ... also welcomed the memorandum in a press release issued on Friday"."""
    fiji = ["The Ministry of Foreign Affairs said in a statement that Fiji welcomed the memorandum.",
            "\"Fijian peacekeepers have died far from home, and their families know the value of a grave,\" the statement read."]
    assert speakers(fiji, "direct") == ["Ministry of Foreign Affairs"]
    release = ["The Ministry of Foreign Affairs and International Cooperation also welcomed the memorandum in a press "
               "release issued on Friday.",
               "\"Africa is no longer only the continent where wars are fought,\" the release read in part."]
    assert speakers(release, "direct") == ["Ministry of Foreign Affairs and International Cooperation"]


def test_the_press_already_calls_it_is_the_press() -> None:
    """'What the Mauritanian press already calls the "Nouakchott method"': the press's words, without the
    adverb in its name; 'The agreement, already called the "seed truce"' is nobody's (a participle)."""
    assert speakers(["What the Mauritanian press already calls the \u201cNouakchott method\u201d rests on a simple idea."],
                    "partial") == ["Mauritanian press"]
    assert speakers(["The agreement, already called the \u201cseed truce\u201d, comes into force on Tuesday."]) == [""]


def test_a_relative_named_in_apposition_is_whom_a_later_pronoun_means() -> None:
    """"She came with her husband, Jan Roe, an agronomist. He says they met at the market." then '"...," he
    says': the husband, named in apposition, not the woman named before him."""
    paragraphs = ["Olha Example tells this behind the counter of her bakery.",
                  "She came to Nouakchott in 1991 with her husband, Mohamed Sample, an agronomist. He says they met "
                  "at the Beryslav market.",
                  "\u201cI bought two kilos of potatoes every day for a month,\u201d he says, and laughs."]
    assert speakers(paragraphs, "direct") == ["Mohamed Sample"]


def test_initials_of_a_given_name_of_two_syllables() -> None:
    """An interview's "LMH:" answers are "Lin Mei-hua"'s: a given name of two syllables joined by a hyphen,
    the second in lower case, gives a letter per syllable."""
    paragraphs = ["Engineer Lin Mei-hua on the new rules for drones",
                  "Lin Mei-hua (林美華) designs flight controllers in Tainan. We spoke on Monday.",
                  "PT: What does an operator see?",
                  "LMH: A small picture that shakes, and very little time to decide.",
                  "PT: And at night?",
                  "LMH: Then it is much harder. Thermal cameras do not see colour at all.",
                  "PT: Will the marking work?",
                  "LMH: If the order is given, yes. The paint is not the point."]
    assert speakers(paragraphs, "interview") == ["Lin Mei-hua"] * 3


def test_a_role_with_its_body_then_the_name_in_apposition_after_the_verb() -> None:
    """"— ..., — says the director of the depot, Jan Example. — ...": the name, not "the director of" (which
    meant the person mentioned before)."""
    paragraphs = ["Ivan Roe, the mayor, visited the depot on Lenina Street on Monday.",
                  "— Half of our buses came from abroad, — says the director of the depot, Pavel Sample. — We still "
                  "find old tickets under the seats."]
    assert set(speakers(paragraphs, "dash")) == {"Pavel Sample"}


def test_a_person_a_sentence_introduces_after_its_verb_is_whom_he_says_means() -> None:
    """"Among Roe's drivers is Jan Sample, who moved ..." then "— ..., — he says.": Sample ("Among" opens the
    sentence and is no name; nor is the ministry that spoke in the paragraph before)."""
    paragraphs = ["The regional Ministry of Transport clarified that the order could go to a local plant.",
                  "Among Roe's drivers is Yevhen Sample, who moved to the city in 2023.",
                  "— I drove route 17 for eleven years, — he says. — If this works, I will go back."]
    assert set(speakers(paragraphs, "dash")) == {"Yevhen Sample"}


def test_someones_colleague_named_in_apposition_is_the_speaker_not_the_owner() -> None:
    """"— ..., — says Sample's colleague, the driver Filipp.": Filipp, not Sample."""
    paragraphs = ["Gennady Sample drove the bus that was hit on Monday.",
                  "— Everybody was asking what now, — says Sample's colleague, the driver Filipp. — I will paint mine."]
    assert set(speakers(paragraphs, "dash")) == {"Filipp"}


def test_a_call_sign_names_whom_the_next_pronoun_means() -> None:
    """"An instructor ..., who uses the call sign Shtil, puts it more simply." then "— ..., — he says.": Shtil, not
    the colonel quoted before."""
    paragraphs = ["— The camera can see the square from far away, — explains reserve colonel Ivan Example.",
                  "An instructor at one of the training centres, who uses the call sign Veter, puts it more simply.",
                  "— Our guys are taught to identify the target, — he says."]
    assert speakers(paragraphs, "dash")[-1] == "Veter"


def test_a_region_before_a_governors_name_is_no_part_of_it() -> None:
    """"Governor of Primorsky Krai Jan Roe ... wrote that ...": Jan Roe (a region's word, like an institution's,
    ends what comes before the name)."""
    paragraphs = ["Governor of Example Krai Oleg Sample wrote in his channel that the region was ready to help."]
    assert speakers(paragraphs, "indirect") == ["Oleg Sample"]


def test_everyone_calls_him_after_a_sentence_names_its_subject() -> None:
    """"Jan Roe has driven a minibus between Mong Kok and Sham Shui Po. Everyone at the stand calls him Ah Jan."
    then '"...," Ah Jan said': Jan Roe (the sentence's subject), not the place named last."""
    paragraphs = ["Chan Ka-ming has driven a minibus between Mong Kok and Sham Shui Po for 31 years. Everyone at the "
                  "stand on Soy Street calls him Ah Ming.",
                  "\"In a minibus you see everything in the mirror,\" Ah Ming said."]
    assert speakers(paragraphs, "direct") == ["Chan Ka-ming"]


def test_a_capitalised_kin_word_is_the_authors_relative_named_before() -> None:
    """"My mother, Jane Roe, was a conductor." then "Mother used to say that ..." and '"...," she told me':
    Jane Roe."""
    paragraphs = ["My mother, Sato Hanako, was a bus conductor in Niigata.",
                  "Mother used to say that a conductor's first duty is the passengers' heads.",
                  "\u201cYou count them when they get on,\u201d she told me once."]
    assert speakers(paragraphs, "indirect") == ["Sato Hanako"]
    assert speakers(paragraphs, "direct") == ["Sato Hanako"]


def test_a_name_and_colon_after_a_live_blogs_time_in_japanese_brackets() -> None:
    """'【21:05】 Roe: "..."' (a Japanese live blog's time): Roe's words, as after "21:05 Roe:"."""
    paragraphs = ["Rustem Sample leads the delegation in the talks.",
                  "\u301021:05\u3011 Sample: \"This document was paid for with lives.\" Speaking to reporters, he added "
                  "that the list of routes would follow next week."]
    assert speakers(paragraphs, "direct") == ["Rustem Sample"]


def test_a_live_blog_entry_opened_by_a_name_and_colon_is_whom_its_role_means() -> None:
    """"Roe: the delegation is leaving the session. «...», the head of the delegation wrote.": Roe, not the head
    of an administration named before."""
    paragraphs = ["Oleksandr Example, head of the regional military administration, wrote on Telegram that a bus was hit.",
                  "Sample: the delegation is leaving today's session. \u00abWe will not sit at a table about buses while "
                  "buses are hit\u00bb, the head of the delegation wrote."]
    assert speakers(paragraphs, "direct") == ["Sample"]


def test_an_unnamed_person_from_a_place_with_an_age_and_a_relative_clause() -> None:
    """'A woman from Fukuoka (34) who came to Jeju on a beach holiday said, "..."': the woman from Fukuoka, not
    "a beach holiday"."""
    paragraphs = ["Tourists watch the police lines. A woman from Sapporo (34) who came to Jeju on a beach holiday said, "
                  "\"I came for the sea and ended up next to history.\""]
    assert speakers(paragraphs, "direct") == ["woman from Sapporo"]


def test_an_interviewee_an_outlet_talked_with_under_a_title() -> None:
    """"Lao Dong talked with Dr. Jane Roe, ..." over dash questions and unlabelled answers: the answers are Roe's,
    not the outlet's."""
    paragraphs = ["\"Protecting the fisherman is the most practical kind of peace\"",
                  "Lao Dong | 5 June 2027 | Translated from Vietnamese",
                  "The memorandum has drawn attention in Vietnam. Lao Dong talked with Dr. Tran Van Sample, Vice President "
                  "of the Fisheries Society, who spent many years on the safety of fishermen. He believes the agreement "
                  "holds lessons.",
                  "- Sir, how do you assess the agreement?",
                  "I think it is a practical document, and that is its strength.",
                  "- Is the transponder realistic?",
                  "It is realistic if someone pays, and here someone pays.",
                  "- What would you tell the fishermen?",
                  "That the sea will wait for them."]
    assert set(speakers(paragraphs, "interview")) == {"Tran Van Sample"}


def test_a_dateline_in_capitals_over_an_interviews_introduction_is_no_turn() -> None:
    """"KOTA KINABALU: Dr Jane Roe is a senior lecturer ... She spoke to FMT ..." then "FMT: ...?" and "JR: ...":
    the answers are Roe's (the dateline is no label of a turn, and no interviewee)."""
    paragraphs = ["Sabah's fishermen know what a lost boat costs, says researcher",
                  "KOTA KINABALU: Dr Fadzilah Sample is a senior lecturer at a marine institute. She spoke to FMT about "
                  "the memorandum.",
                  "FMT: What was the mood when the memorandum was read out?",
                  "FS: Tired, mostly. It had been a long day.",
                  "FMT: Why twelve metres?",
                  "FS: That was settled on Wednesday, over tea.",
                  "FMT: Will you go to Penang?",
                  "FS: If I am invited."]
    assert set(speakers(paragraphs, "interview")) == {"Fadzilah Sample"}


def test_an_island_is_no_person_a_nickname_belongs_to() -> None:
    """"My uncle Jan Roe has fished around Olango Island ... Everyone on the island calls him Tiyo Ando." then
    "Tiyo Ando read it twice." and '"...," he said': Jan Roe, not the island named last."""
    paragraphs = ["My uncle Fernando Sample is 71 and has fished the waters around Olango Island since he was nine. "
                  "Everyone on the island calls him Tiyo Ando.",
                  "Tiyo Ando read it twice. Then he put down the phone.",
                  "\"A flag,\" he said. \"In my time we also had flags.\""]
    assert set(speakers(paragraphs, "direct")) == {"Fernando Sample"}


def test_everyone_calls_a_surname_a_nickname() -> None:
    """"Everyone on the boat calls Roe Sashko." then '"...," Sashko says': Oleksandr Roe (no person named "Roe
    Sashko")."""
    paragraphs = ["\"The gobies here are different,\" Oleksandr Sample says on the deck.",
                  "Sample, 44, grew up in Berdiansk.",
                  "Everyone on the boat calls Sample Sashko.",
                  "\"It's for here,\" Sashko says, tying the flag to the railing."]
    assert speakers(paragraphs, "direct") == ["Oleksandr Sample", "Oleksandr Sample"]


def test_or_rather_corrects_a_nickname_with_the_name() -> None:
    """"— ..., — says Lyosha, or rather Alexei Roe, 34. — ...": Alexei Roe."""
    paragraphs = ["— The main danger here is not drones, — says Lyosha, or rather Alexei Sample, 34. — And the mines, "
                  "of course."]
    assert set(speakers(paragraphs, "dash")) == {"Alexei Sample"}


def test_an_abbreviation_is_the_institution_whose_initials_it_gives() -> None:
    """'"...," the DFA said' after "The Department of Foreign Affairs welcomed ...": the department, written out
    (two letters, "UN" or "EU", are left as written)."""
    paragraphs = ["The Department of Foreign Affairs on Friday welcomed the agreement reached on Thursday.",
                  "\"The Philippines welcomes every step that protects civilians,\" the DFA said in a statement."]
    assert speakers(paragraphs, "direct") == ["Department of Foreign Affairs"]


def test_a_ministry_named_before_a_day_is_no_part_of_the_day() -> None:
    """"The Ministry of Foreign Affairs on Friday welcomed ..." then "the Foreign Ministry said that ...": the
    Ministry of Foreign Affairs, not "... on Friday"."""
    paragraphs = ["The Ministry of Foreign Affairs on Friday welcomed the memorandum signed in Salta.",
                  "In a statement, the Foreign Ministry said that Bolivia values every effort to protect miners."]
    assert speakers(paragraphs, "indirect") == ["Ministry of Foreign Affairs"]


def test_a_surname_is_the_full_name_with_a_second_surname() -> None:
    """"the president of the association, Marcela Roe Vega," then "Roe said that ..." and '"...", the leader
    said': Marcela Roe Vega (a second surname, as Spanish names have), not Marcela Roe."""
    paragraphs = ["For the president of the regional association of small miners, Marcela Quispe Vega, the agreement is "
                  "\u201ca reminder that the safety of the worker comes first\u201d.",
                  "Quispe said the association would propose a training session on power failures.",
                  "\u201cIf the generator fails, there is no second chance\u201d, the leader said."]
    assert speakers(paragraphs, "direct") == ["Marcela Quispe Vega"]


def test_a_malay_name_with_binti_is_one_name() -> None:
    """"Dr Nur Hafizah binti Haji Abdul Roe of Universiti Brunei Darussalam said ...": the whole name, not the
    university's last words."""
    paragraphs = ["Senior Assistant Professor Dr Nur Hafizah binti Haji Abdul Sample of Universiti Brunei Darussalam "
                  "said the choice of Sabah showed that the region could offer quiet venues.",
                  "\"The text does not mention borders,\" she said."]
    assert speakers(paragraphs, "direct") == ["Nur Hafizah binti Haji Abdul Sample"]


def test_a_person_named_after_a_description_that_opens_the_sentence() -> None:
    """"The chairman of the cooperative, Jan Roe, does not see ..." then "— ..., — the chairman explains.", and "His
    partner Jan Roe is sure ..." then "— ..., — he grins.": Roe, not the person quoted before."""
    chairman = ["— We lost two nets last year, — says Anatoly Example, a fisherman.",
                "The chairman of the cooperative, Viktor Sample, does not see this as a problem.",
                "— We are not asking for white flags, — the chairman explains."]
    assert speakers(chairman, "dash")[-1] == "Viktor Sample"
    partner = ["— Last year we lost two nets, — says Lenur Example, a fisherman from the village.",
               "His partner Pyotr Sample is sure that the fishermen will keep working at night.",
               "— The document says from five in the morning, — he grins."]
    assert speakers(partner, "dash")[-1] == "Pyotr Sample"


def test_grumbles_is_a_speech_verb() -> None:
    """"— ..., — Roe grumbles. — ...": Roe's words."""
    paragraphs = ["\u00abFishermen, please register\u00bb, Vitaly Example wrote.",
                  "— Ten minutes, yes, — Sotnik grumbles. — But I will register."]
    assert set(speakers(paragraphs, "dash")) == {"Sotnik"}


def test_an_interview_under_a_header_line_of_separators_and_initials_of_no_name() -> None:
    """A header "Outlet | 3 June 2028 | Interview by Jan Roe | Translated from Portuguese" (more than 16 words only
    with its separators) names no interviewee; labels "YM:" whose letters give no name are the one person the
    introduction names ("Fr Jan Sample ..."), but "WONG:" of "Senator Penny Wong" stays her surname."""
    dash = ["«A list is not a child»",
            "Jornal de Exemplo | 3 June 2028 | Interview by Rita Gouveia Sampaio | Translated from Portuguese",
            "Leonor Sample, 46, has worked for the Red Cross for 17 years. We spoke to her by telephone.",
            "— How many names did you receive?", "— Two thousand, on paper and on a memory stick.",
            "— What happens now to each name?", "— Each one becomes a file, because a list is not a child.",
            "— Is that enough?", "— No, but it is a start."]
    assert set(speakers(dash, "interview")) == {"Leonor Sample"}
    initials = ["Chaplain: 'Every name has a godparent'", "The Example Catholic | June 8, 2028 | Interview by Jana Roe",
                "Fr Yosyf Sample has been chaplain to the community in Dublin since 2021. He spoke after the liturgy.",
                "IC: Father, what did you feel when you heard the news?", "YM: Relief first, and then fear, as always.",
                "IC: What can readers do for the children?", "YM: Pray, of course, and be patient with the families."]
    assert set(speakers(initials, "interview")) == {"Yosyf Sample"}
    surname = ["Doorstop interview, Port Example", "Senator the Hon Penny Wong, Minister for Foreign Affairs",
               "WONG: Thanks for coming, I have just met the growers here.", "JOURNALIST: Minister, is Australia asked?",
               "WONG: We are not a party to those talks, and we are not a mediator.",
               "JOURNALIST: Does Australia accept the claim?", "WONG: No. We have seen no evidence for that claim."]
    assert set(speakers(surname, "interview")) == {"Penny Wong"}


def test_a_hyphenated_second_surname_and_a_passive_agent_before_an_apposition() -> None:
    """"MARIIA ROE:" of "Mariia Roe-Ruiz" is the fuller name; "followed with particular attention by Jan Roe, a
    paediatrician ..." names whom the "He said" after it means."""
    transcript = ["Transcript: Example Radio, 31 May 2028",
                  "Presenter: Nayra Example | Guests: Mariia Sample-Ruiz, lawyer",
                  "NAYRA EXAMPLE: Mariia, what do families ask you this week?",
                  "MARIIA SAMPLE: They ask me whether their child is on the list, every day.",
                  "NAYRA EXAMPLE: And what do you tell them?",
                  "MARIIA SAMPLE: To keep their telephones charged, because calls come first."]
    assert set(speakers(transcript, "interview")) == {"Mariia Sample-Ruiz"}
    agent = ["\"A fourteen-year-old has a voice,\" said Edna Example, the chair of the institute.",
             "In the north, the news was followed with particular attention by Adilson Sample, a paediatrician at the "
             "hospital, who studied medicine in Kharkiv.",
             "He said he still had friends from his student years in Kharkiv."]
    assert speakers(agent, "indirect")[-1] == "Adilson Sample"


def test_an_ombudswoman_after_a_chain_of_descriptions_and_a_place_before_a_role() -> None:
    """"... handed over by the other side in the Azores, the Commissioner for Children's Rights, our countrywoman Jane
    Roe, said" names Roe (the Azores is no commissioner), whom "the ombudswoman said" then means."""
    paragraphs = ["Russia will give an answer on every child from the list handed over by the Ukrainian side in the "
                  "Azores, the Presidential Commissioner for Children's Rights, our countrywoman Maria Sample, said on "
                  "Wednesday.",
                  "— We will check every surname, — the ombudswoman said. — We have nothing to hide."]
    assert set(speakers(paragraphs, "dash")) == {"Maria Sample"}


def test_a_subject_with_a_past_tense_not_ending_in_ed_and_a_headline_repeated_with_other_punctuation() -> None:
    """"Lidiya Roe taught literature ..." is whom "she says" means, and the headline's "«..., even if ...»" is
    hers when the body says "... . Even if ..."."""
    paragraphs = ["«I want to hear him say granny, even if only on a screen»: a family and the lists",
                  "— This is a question for two states, — the lawyer Roman Example says.",
                  "Lidiya Afanasyevna Sample taught Russian literature at a school for thirty-four years.",
                  "— I know he has a moustache now, — she says. — I want to hear him say granny. Even if only on a "
                  "screen."]
    found = [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs, short=True, reported=True)]
    assert found[0] == ("direct", "Lidiya Afanasyevna Sample")
    assert [s for k, s in found if k == "dash"][-2:] == ["Lidiya Afanasyevna Sample"] * 2


def test_a_role_holder_whose_surname_is_a_country_and_a_place_after_at_are_not_mixed_up() -> None:
    """"The Portuguese Prime Minister, Luís Montenegro, opened the talks at the Palace, in Ponta Delgada. «...», he
    said": the prime minister (a surname that is also a country's name), not the place named last."""
    paragraphs = ["Live: the talks open",
                  "The Portuguese Prime Minister, Luís Montenegro, opened the talks at the Palácio de Exemplo, in "
                  "Ponta Delgada. « These islands know what it is to wait for a child », he said."]
    assert speakers(paragraphs) == ["Luís Montenegro"]


def test_a_person_there_is_and_a_person_a_sentence_gives_a_view_to() -> None:
    """"There is a woman in our neighbourhood, Dona Jana, who came in 2022" and "For Roe, the numbers matter less
    ..." name whom the "she" after them means."""
    there = ["My cousin Zezinho told me on the phone that he watched it live. \"Cousin, those are our stories,\" he said.",
             "There is a Ukrainian woman in our neighbourhood, Dona Nádia, who came in 2022 and cleans houses. "
             "She told me that she does not expect a miracle, only a date."]
    assert speakers(there, "indirect")[-1] == "Dona Nádia"
    view = ["Minister Anita Example said the first children would be home \"before the school bell rings.\"",
            "Elisapee Sample, an elder in Iqaluit, remembers the schools.",
            "For Sample, the numbers matter less than who will be in the room when a child is asked.",
            "\"They asked us too, sometimes, in English,\" she said."]
    assert speakers(view, "direct") == ["Elisapee Sample"]


def test_a_single_quoted_headline_before_a_surname_and_its_verb() -> None:
    """"'We know what this harbour has seen': Roe opens the talks" and "'It is done': Roe reads the statement" are
    Roe's (in full, as the article names her after), "« It is done »" alone after a live blog's time too, when the body
    quotes it with her name; "«Finally something normal»: ..." opening a headline is whoever the body gives it to;
    "'...': Example follows the talks" names no one when Example is no person's surname."""
    opens = ["'We know what this harbour has seen': Sample opens talks on children",
             "Foreign Minister Anita Sample opened the talks on Monday. \"We know what this harbour has seen. We are "
             "here for the children,\" Sample said in the main hall."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(opens)][0] == ("direct", "Anita Sample")
    done = ["Live: the talks", "6:20 p.m.", "'It is done': Sample reads the statement",
            "Foreign Affairs Minister Anita Sample read the joint statement in English and French."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(done, short=True)] == [("direct", "Anita Sample")]
    alone = ["Live: the talks", "17 h 20 | « It is done »",
             "The Minister, Anita Sample, read the declaration. « It is done. Not finished, but done », she said."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(alone, short=True)][0] == ("direct", "Anita Sample")
    opening = ["«Finally something normal»: specialists on the memorandum",
               "\"Finally something normal,\" says Kirill Sample, a programmer in Moscow."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(opening, short=True)][0] == ("direct", "Kirill Sample")


def test_a_relative_named_after_a_description_a_nickname_after_an_age_and_a_daughter() -> None:
    """"— ..., — says her neighbour on the landing, Jana Ivanovna." is Jana Ivanovna's; "Her nephew, the hunter Jan
    Roe, is 52." names the "he laughs" after it; "Roe, 68, is a captain. Everyone calls him Uncle Bud." makes Uncle Bud
    Roe; "Roe's daughter Loretta" is Loretta Roe; "Uncle Jan" after "my uncle, Jan Roe," is Jan Roe."""
    landing = ["— She did not sleep all night, — says her neighbour on the landing, Valentina Ignatievna Sample. — "
               "At half past four she knocked on my door."]
    assert set(speakers(landing, "dash")) == {"Valentina Ignatievna Sample"}
    nephew = ["— We were one family on two shores, — says Vera Example.",
              "Her nephew, the sea-mammal hunter Sergei Sample, is 52. In the nineties he went to Gambell three times.",
              "— In Gambell I have more cousins than here, — he laughs."]
    assert speakers(nephew, "dash")[-1] == "Sergei Sample"
    family = ["GAMBELL — \"My grandmother's sister is buried there,\" Elmer Sample says.",
              "Sample, 68, is a whaling captain. Everyone on the island calls him Uncle Bud.",
              "\"In 1988 the first plane came from Nome, and my mother met her cousins,\" Uncle Bud says.",
              "Sample's daughter Loretta teaches at the school.",
              "\"The kids ask me whether they know the same songs,\" she said."]
    assert speakers(family, "direct")[-2:] == ["Elmer Sample", "Loretta Sample"]
    uncle = ["My uncle, Chimwemwe Sample, lost all his pigs in the outbreak.",
             "Uncle Chimwemwe now has eleven pigs again. He calls the agreement \"the pig treaty\" and laughs."]
    assert speakers(uncle, "partial") == ["Chimwemwe Sample"]


def test_a_dateline_in_capitals_an_adverb_before_the_verb_and_an_unnamed_person_described() -> None:
    """"ZAPOROZHYE. Svetlana Roe ..." gives the name Svetlana Roe (no dateline in it) to "Svetlana now works ...",
    whom "she smiles" means; "A Ukrainian journalist, a woman about my age, was filming" is whom a later "she said"
    means, not the author's mother quoted before."""
    dateline = ["ZAPOROZHYE. Svetlana Sample has not seen her son for four years.",
                "— I hope they let me talk to him, — Commissioner Dmytro Example says.",
                "Svetlana now works at a bakery on the avenue.",
                "— In the latest photograph, he is taller than the teacher, — she smiles."]
    assert speakers(dateline, "dash")[-1] == "Svetlana Sample"
    essay = ["My mother told me on the phone that she had cried when they said the word Doha.",
             "I went to Halifax for the last day. A Ukrainian journalist, a woman about my age, was filming the crowd "
             "with her phone.",
             "\"So you know,\" she said."]
    assert speakers(essay, "direct") == ["Ukrainian journalist"]


def test_with_these_words_and_a_younger_sister_and_an_institution_named_short_and_long() -> None:
    """'"..." With these words Foreign Minister Jan Roe opened the talks' is Roe's; "his younger sister Ines has cleared
    a shelf" names whom "she said" means (not "and her younger sister, Jana, still lives there"); "the ministry" and "the
    ministry's statement says" are the Ministry of Justice of Example, whose headline called it the Ministry of Justice."""
    words = ["(Agency) Palermo, 23 Mar – \"In these rooms men waited for years for a sentence. We are here so that "
             "nobody waits\". With these words Foreign Minister Antonio Sample opened this morning the three days of talks."]
    assert speakers(words, "direct") == ["Antonio Sample"]
    sister = ["The Sfax section of the League for the Defence of Human Rights called the news \"a relief for families\".",
              "In the family's house, his younger sister Ines has already cleared a shelf. \"He was twenty when he left, "
              "and a man of thirty will come back,\" she said."]
    assert speakers(sister, "direct") == ["Ines"]
    ministry = ["Ministry of Justice: the first former prisoners will return home before the summer",
                "The first 412 Ukrainians will return to Ukraine before 30 April, the Ministry of Justice of Exampleland "
                "reported on Friday.",
                "According to the ministry, the lists of the first stage have been agreed with the other side.",
                "«There was no such item on the agenda, and there will not be», the ministry's statement says."]
    assert speakers(ministry)[-2:] == ["Ministry of Justice of Exampleland"] * 2


def test_a_headline_quote_an_interviewer_repeats_and_one_given_to_a_role_in_an_interview() -> None:
    """An interviewer's question that repeats the headline's quote ("You said the hardest question is the simplest
    one.") does not make it the interviewer's; "'...': Malta's member of the panel" and "'...': Ukraine's deputy foreign
    minister on the truce" over an interview are the interviewee's."""
    repeated = ["Jan Sample: «The hardest question is the simplest one»",
                "Example Daily | 28.03.2027 | Interview: Jana Roe | Translated from Greek",
                "Jan Sample, professor of criminology, is the Greek member of the panel.",
                "EfSyn: How were you asked?", "Sample: By telephone, from the ministry, one afternoon.",
                "EfSyn: What is the panel's task in plain words?", "Sample: To ask every person where he wants to go.",
                "EfSyn: You said the hardest question is the simplest one.", "Sample: Yes: where do you want to go?",
                "EfSyn: And if the answer is neither country?", "Sample: Then we write that down too."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(repeated)][0] == ("direct", "Jan Sample")
    owned = ["'I am not there to judge anyone twice': Malta's member of the panel", "The Example | 30 March 2027",
             "Dr Marisa Cachia Sample leaves for Palermo next week.", "TS: Why did you accept?",
             "MCS: Because someone has to ask the questions, and ask them well.", "TS: Does their crime matter?",
             "MCS: It mattered to the court that sentenced them. I am not there to judge anyone twice."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(owned, short=True)][0] == ("direct", "Marisa Cachia Sample")
    role = ["'Fifteen days is a test, not a gift': Ukraine's deputy foreign minister on the truce",
            "New Delhi: First Deputy Foreign Minister Serhiy Sample spoke to ThePrint by video link. Excerpts:",
            "Q: The truce begins next week. Is it enough?", "A: It is a test. We will see who keeps it.",
            "Q: What will you ask of India?", "A: To use its voice in Moscow, as it has before."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(role, short=True)][0] == ("direct", "Serhiy Sample")


def test_a_neighbour_named_later_and_a_speaker_after_a_relative_clause_or_a_description() -> None:
    """"says a neighbour who has come in ... The neighbour is Jane Roe." names the neighbour; '«...», presidential aide
    Jan Roe, who headed the delegation, joked' and '«...», the retired judge Jan Roe, the member of the panel, told X'
    are Roe's (not "the head of the delegation at the talks in Windhoek, aide Jan Roe," a place's)."""
    neighbour = ["— She did not sleep at all, — says a neighbour who has come in with a plate of pirozhki.",
                 "The neighbour is Zoya Ivanovna Sample. She has lived on the same landing for thirty years."]
    assert speakers(neighbour, "dash") == ["Zoya Ivanovna Sample"]
    aide = ["«Lawyers will have a lot of work in May», presidential aide Vladimir Sample, who headed the Russian "
            "delegation, joked at the final press conference."]
    assert speakers(aide, "direct") == ["Vladimir Sample"]
    judge = ["« I learned it at the same time as you, on television », the retired judge Hédi Ben Sample, the Tunisian "
             "member of the panel, told Example Numérique with a laugh."]
    assert speakers(judge, "direct") == ["Hédi Ben Sample"]
    place = ["Russia will not sign a document that gives Kiev «a license for provocations», the head of the Russian "
             "delegation at the talks in Windhoek, presidential aide Vladimir Sample, said on Wednesday."]
    assert speakers(place, "partial") == ["Vladimir Sample"]


def test_a_live_blog_who_we_reached_whom_its_time_opens_and_who_wrote_on_telegram() -> None:
    """"[19:20] We reached Jan Roe by phone. «...», he said." is Roe's; "[20:44] Jan Roe is reading out the protocol.
    «...», the Italian foreign minister said" is Roe's; "[21:50] Jan Roe on Telegram: «...»" is Roe's."""
    blog = ["Live: the talks",
            "[18:40] A source at the Greek Foreign Ministry told News247 that Jan Sample will be on the panel.",
            "[19:20] We reached Jan Sample by phone in Rethymno. «I am honoured and a little frightened», he said.",
            "[20:40] The Greek minister Nikos Example welcomed the news.",
            "[20:44] Antonio Roe is reading out the protocol in the hall. «The protocol is signed», the Italian foreign "
            "minister said.",
            "[21:50] Volodymyr Roe on Telegram: «Every person who has served a sentence must come home»."]
    assert speakers(blog, "direct") == ["Jan Sample", "Antonio Roe", "Volodymyr Roe"]


def test_a_nickname_in_lower_case_a_street_and_a_role_holder_for_his_part() -> None:
    """"Father Jan Roe, whom the whole neighbourhood calls the parrinu" makes "the parrinu said" Roe's; "as far as via
    Enrico Example" is a street, not whom "He told me" means; "The Director General of the National Agency for
    Maritime Affairs (ANAM), Jan Roe, for his part recalled ... he said" and "the director general continued" are Roe."""
    parrinu = ["It began with Father Ignazio Sample, who has been the chaplain for twenty-two years and whom the whole "
               "neighbourhood simply calls the parrinu.",
               "«A man has died in Russia, in a centre for foreigners», the parrinu said, folding the paper.",
               "We walked together as far as via Enrico Example. He told me that he had followed the talks every evening.",
               "«They asked me on Sunday what the Russians were doing in Palermo. I told them: talking about you."]
    assert speakers(parrinu) == ["Ignazio Sample"] * 3
    part = ["Speaking to the agency, the government spokesperson, Fahardine Example, said Moroni had been kept informed.",
            "The Director General of the National Agency for Maritime Affairs (ANAM), Ibrahim Sample, for his part "
            "recalled that the agency had written three times. None of these letters received a reply, he said.",
            "« We welcome the register provided for in Durban », the director general continued."]
    assert speakers(part)[-3:] == ["Ibrahim Sample"] * 3


def test_a_mother_a_harbour_master_a_governor_and_a_minister_after_a_place() -> None:
    """"Her son, Jan Roe, 29, ..." then "the mother told" is the mother (named after a dateline's dash), not the son;
    "the harbour master said" is the harbour master named before; "the head of the region wrote" is the governor of
    the region, not another head; "In Durban, the minister Jan Roe reads out ... «...», he declares" is Roe's."""
    mother = ["Inhambane – Celeste Sample did not sleep on Thursday night. Her son, Arlindo Example, 29, an able "
              "seaman, has been on board a ship stuck in Berdiansk for fourteen months.",
              "\"He is coming home, the minister said so,\" the mother told the paper on Friday morning."]
    assert speakers(mother, "direct") == ["Celeste Sample"]
    master = ["[13:20] The harbour master of the port of Mykolaiv, Petro Sample, told the channel about the sailors.",
              "[21:45] We called Petro Sample again. The first crew change on the Amber Cove could take place in "
              "August, the harbour master said.",
              "«I will miss the cook's rice, to be honest», he added."]
    assert speakers(master)[-2:] == ["Petro Sample"] * 2
    governor = ["This was reported by the head of the Kursk Centre for Hydrometeorology, Oleg Example.",
                "The Governor of the Kursk region, Alexander Sample, wrote in his channel that the strike was a "
                "provocation.",
                "«While we were negotiating, the enemy was striking», the head of the region wrote."]
    assert speakers(governor, "direct") == ["Alexander Sample"]
    durban = ["21h40 – In Durban, the South African minister Ronald Sample reads out the memorandum. « This is a "
              "memorandum for those who wait », he declares before reading the text."]
    assert speakers(durban) == ["Ronald Sample"]


def test_a_dash_speaker_asking_himself_a_father_called_pa_a_nickname_in_apposition_and_his_mother() -> None:
    """"— ...? — he asks himself. — ..." ends its dash turn; "Pa always said" is "MY late father, Jan Roe,";
    "Jana Roe, Aunty Jay to three generations of children" makes "Aunty Jay told me" Roe's; "— ..., — his mother
    repeats." is "Jana Roe keeps the photograph of her son", not her son."""
    himself = ["— The main thing is that the name is on the table, — the lawyer Oleg Sample explained.",
               "— Is it realistic before the end of the year? — he asks himself. — Realistic, if nobody decides otherwise."]
    assert speakers(himself, "dash")[-2:] == ["Oleg Sample"] * 2
    column = ["MY late father, Kistensamy Sample, whom the whole road called Kissie, went to sea in 1971.",
              "Pa always said: “The sea is the only place where nobody asks what colour you are.”",
              "Nobody followed the talks more closely than our neighbour Saroja Example, Aunty Saro to three generations "
              "of children.",
              "“My Vinesh is near Singapore this month,” Aunty Saro told me over the wall on Friday."]
    assert speakers(column, "direct") == ["Kistensamy Sample", "Saroja Example"]
    mother = ["KRONSTADT. Alevtina Konstantinovna Sample keeps the photograph of her son on the sideboard. Pavel "
              "Sample, 44, is the chief mate of a bulk carrier.",
              "In April a court sentenced the chief mate to five years. Pavel Sample did not admit his guilt.",
              "— My son is a navigator, not a smuggler, — his mother repeats."]
    assert speakers(mother, "dash") == ["Alevtina Konstantinovna Sample"]


def test_a_head_of_state_named_after_two_titles_and_a_patient_named_after_his_age() -> None:
    """"The President of the Republic, Head of Government, Mr. Jan Roe, opened the talks" makes "declared the President
    of the Republic." Roe's (not "Government"); "One of the patients, 63-year-old Jan Roe, has been coming ..." is whom
    "He told us" means."""
    president = ["Djibouti, 23/11/2027 (ADI) – The President of the Republic, Head of Government, Mr. Ismaïl Omar "
                 "Sample, this Tuesday morning opened the talks.",
                 "« Our country knows the value of a hospital bed », declared the President of the Republic."]
    assert speakers(president, "direct") == ["Ismaïl Omar Sample"]
    patient = ["«Three sessions missed is critical», the doctor Nataliia Example explained.",
               "One of the patients, 63-year-old Vasyl Sample, has been coming to the unit for six years. He told us: "
               "«I heard the explosion, and the light went out»."]
    assert speakers(patient, "direct")[-1] == "Vasyl Sample"


def test_nicknames_in_parentheses_and_called_simply_and_a_day_before_a_first_name() -> None:
    """"President Jan Roe (Irro)" makes "Irro told" Roe's (not "PLACE (Example district)", a dateline); "whom the
    volunteers all call simply Dyadya Kolya" makes Dyadya Kolya Roe; "Today Oleg has three passengers" names Oleg."""
    parens = ["Hargeisa – Somaliland welcomed the memorandum, with President Abdirahman Mohamed Sample (Irro) saying "
              "it opened a door.",
              "\"Our people know what it means when the power fails in a hospital,\" Irro told the gathering."]
    assert speakers(parens, "direct") == ["Abdirahman Mohamed Sample"]
    called = ["The drivers of the parish are volunteers. Oleg Example is one of them.",
              "Today Oleg has three passengers. In the front seat sits Nikolai Ivanovich Sample, 71, whom the "
              "volunteers all call simply Dyadya Kolya.",
              "— Drive as if you were carrying eggs, — laughs Dyadya Kolya."]
    assert speakers(called, "dash") == ["Nikolai Ivanovich Sample"]


def test_an_unnamed_man_or_woman_identified_later_and_a_name_given_in_full_by_a_role() -> None:
    """"— ..., — says a woman in a white coat. ... This is Jane Roe, the head of the centre." names her; "«...», says a
    man in the bed by the window. ... He is Jan Roe, 58," names him; "The paediatric oncologist Jane Roe Example Sample,
    ..." makes "Dr. Jane Roe told" her full name; "PAHO, the Brazilian Jan Roe, who attended ..., said" is Roe."""
    woman = ["— About forty come from the border districts, — says a woman in a white coat, checking the schedule.",
             "This is Olga Vladimirovna Sample, the head of the centre. She says that the centre is on the list."]
    assert speakers(woman, "dash") == ["Olga Vladimirovna Sample"]
    man = ["«The Ukrainians have a list now. We have a generator that coughs», says a man in the bed by the window.",
           "He is Saleh Mohsen Sample, 58, a retired teacher."]
    assert speakers(man, "direct") == ["Saleh Mohsen Sample"]
    full = ["The paediatric oncologist Lúcia Helena Arruda Sample, of the Oncology Foundation, will chair the commission.",
            "“Medicine arrived at this table before politics”, Dr. Lúcia Helena told the agency after the signing."]
    assert speakers(full, "direct") == ["Lúcia Helena Arruda Sample"]
    abbreviation = ["The director of PAHO, the Brazilian Jarbas Sample, who attended the opening on Tuesday, said in a "
                    "note that the organization would give the commission a secretariat."]
    assert speakers(abbreviation, "indirect") == ["Jarbas Sample"]


def test_someone_the_author_spoke_with_and_a_possessive_that_names_no_relative() -> None:
    """"We managed to speak briefly with Snezhana" is whom "— ..., — she wrote." means; "Her husband, Jana Roe's son, has
    been serving" gives the husband no name, so "Jana Roe keeps a folder" is whom "she says" means; "By Jane Roe" over a
    feature is its author, no pronoun's referent."""
    spoke = ["Milana's mother, Snezhana, stayed in Mikhailovka with the girl. Her husband, Lidiya Stepanovna's son, has "
             "been serving since 2023.",
             "The head of the administration, Ivan Example, wrote on Telegram that the region had handed over 47 names.",
             "We managed to speak briefly with Snezhana through a messenger.",
             "— The doctors here are treating her, I cannot complain, — she wrote.",
             "Lidiya Stepanovna keeps a folder of papers.",
             "— They said the papers are needed, — she says."]
    assert speakers(spoke, "dash") == ["Snezhana", "Lidiya Stepanovna"]
    byline = ["The sister of a dialysis patient waits in Kourou", "Exampleweb | 29 September 2027 | By Laure Sample",
              "« My father is seventy-one and needs dialysis three times a week », she says, on a café terrace."]
    assert speakers(byline, "direct") == [""]


def test_dash_attributions_with_an_adverb_or_an_objection_and_first_names_given_by_age_or_introduction() -> None:
    """"— ..., — Jane Roe says finally. — ..." and "— ..., — objects Jan, who is seventeen" and "— ..., — Roe agrees."
    end their dash turns; "Fifteen-year-old Dariana came to the centre" and "who introduced herself only as Lyubava"
    name whom a next "she says" means."""
    dash = ["— The key is in the sideboard, — says Tamara Ivanovna Sample. — Yulian laughs at me.",
            "— I do not laugh. I just do not remember the flat, — objects Yulian, who is seventeen.",
            "— Let it be on the list, — Tamara Ivanovna says finally. — Lists can be crossed out.",
            "— That is legally correct, — Sample agrees. — The rest will be decided later."]
    found = [(q.text, q.speaker) for q in segment.find_quotes(dash) if q.kind == "dash"]
    assert ("I do not laugh. I just do not remember the flat", "Yulian") in found
    assert ("Let it be on the list", "Tamara Ivanovna Sample") in found
    assert ("That is legally correct", "Tamara Ivanovna Sample") in found
    aged = ["The Ministry of Justice said that 200 families had registered.",
            "Fifteen-year-old Dariana came to the centre with her grandmother. She was nine when they left.",
            "«I remember the balcony and the yellow curtains», she says."]
    assert speakers(aged, "direct") == ["Dariana"]
    introduced = ["The head of the border post, Ruslan Example, said the convoy passed at noon.",
                  "The owner of a small café, who introduced herself only as Lyubava, says the convoy did not stop.",
                  "— They did not even slow down, — she says."]
    assert speakers(introduced, "dash") == ["Lyubava"]


def test_an_abbreviation_written_out_before_it_and_a_person_after_an_age_in_an_inverted_sentence() -> None:
    """"The Ministry of Foreign Affairs (MAE) welcomed ..." makes "the MAE statement says" the ministry's; "One of them
    is Jane Roe, 47, who has worked ..." is whom "the woman told" means."""
    ministry = ["The Ministry of Foreign Affairs (MAE) welcomed on Thursday the memorandum signed in Trabzon.",
                "„The protection of property is part of the protection of human dignity”, the MAE statement says."]
    assert speakers(ministry, "direct") == ["Ministry of Foreign Affairs"]
    inverted = ["Vasile Example, a fisherman, said the port was quiet.",
                "One of them is Liudmyla Sample, 47, who has worked at a fish plant since 2022.",
                "„I read it three times, and I understood that my flat is safe”, the woman told the paper."]
    assert speakers(inverted, "direct") == ["Liudmyla Sample"]


def test_an_interviewee_a_dash_attribution_with_a_body_and_an_aside_and_a_question_about_someone() -> None:
    """A place after "of" or "around" is no interviewee ("the museum of Villa Example", "the fields around Villa
    Example"); "— ..., — Deputy Head of the Example Fund of Russia Jane Roe, who ..., told Example.ru. — ..." is Roe's,
    and its attribution is no reported clause of the outlet's; "What did Jana think, when it did?" is whom the next
    "she says" answers for."""
    intro = ["Historian: our villages are on the front line",
             "Example Daily | Villa Example | May 9, 2027 | By Ana Sample | Translated from Spanish",
             "Jan Roe, 64, is a teacher and the historian of the museum of Villa Example. He says families in the "
             "fields around Villa Example still have relatives in Ukraine"]
    assert _interviewee(intro) == "Jan Roe"
    dash = ["— Years of work will finally be counted. For many people this means more money, — Deputy Head of the "
            "Example Fund of Russia Jana Sample, who was a member of the delegation, told Example.ru. — We are talking "
            "about people who have been waiting since 2022."]
    found = segment.find_quotes(dash, reported=True)
    assert [(q.kind, q.speaker) for q in found] == [("dash", "Jana Sample"), ("dash", "Jana Sample")]
    asked = ["Olena Example says the street followed the talks on the radio, and that Jana Sample sat by the window.",
             "What did Jana think, when it did?",
             "\"I thought: good. Then I thought of my friends,\" she says."]
    assert speakers(asked, "direct") == ["Jana Sample"]


def test_a_rector_a_dash_turns_own_words_an_adverb_and_a_first_name_after_a_full_one() -> None:
    """"its vice-rector for academic affairs, Jan Roe," is whom "the vice-rector said" means; after a dash turn's
    attribution, "— When they took her away, she asked for only one thing: ..." is the speaker's own words; "—
    Jana Roe smiles sadly. —" ends a dash turn at its attribution; "Daria is not sure ..." after "Daria Sample, 32, ..."
    names Daria Sample, whom the next "she laughs" means."""
    rector = ["The university has collected 1,900 requests, its vice-rector for academic affairs, Jan Roe, told Example1.",
              "«Our archive stayed in Luhansk in 2014», the vice-rector said."]
    assert speakers(rector, "direct") == ["Jan Roe"]
    turn = ["— Mama taught the first grade for thirty-one years, — says Jana Sample. — When they took her away, she asked "
            "for only one thing: that someone water the flowers in the classroom."]
    found = [(q.text, q.speaker) for q in segment.find_quotes(turn) if q.kind == "dash"]
    assert found[-1] == ("When they took her away, she asked for only one thing: that someone water the flowers in the "
                         "classroom.", "Jana Sample")
    adverb = ["— My diploma is in Sumy, and I am in Kostroma, — Jana Roe smiles sadly. — I need a duplicate."]
    assert [(q.text, q.speaker) for q in segment.find_quotes(adverb) if q.kind == "dash"] == [
        ("My diploma is in Sumy, and I am in Kostroma", "Jana Roe"), ("I need a duplicate.", "Jana Roe")]
    first = ["Daria Sample, 32, works as a doctor at a polyclinic in Tomsk.",
             "— I studied for six years, — Daria says.",
             "She learned about the talks in Locarno from her father, Daria says. He follows the news.",
             "Minister of Science and Higher Education Jan Example said in Locarno that applications will be accepted.",
             "Daria is not sure that the stamp will satisfy the commission.",
             "— If they accept it, I will bake a cake for the whole department, — she laughs."]
    assert speakers(first, "dash")[-1] == "Daria Sample"


def test_a_man_described_then_named_a_view_opened_by_a_name_and_a_feature_that_names_its_first_speaker_next() -> None:
    """"says a tall young man in a football scarf" and then "He is Jan Roe, 26," name him; "For Jan Roe the line that
    matters ..." and "For Roe this is the decisive point" name whom a next "he says" means; a feature's first quote
    given to "she" before anyone is named, then "Jana Roe is 77.", is Jana Roe's."""
    scarf = ["„For me the border is in Melitopol, not here“, says a tall young man in a football scarf.",
             "He is Jan Roe, 26, a student at the University of Example."]
    assert speakers(scarf, "direct") == ["Jan Roe"]
    view = ["Jan Sample, 96, listened to the students for a while.",
            "For Jan Roe the line that matters runs through an archive in the east.",
            "„I hope I will wait forty-five days“, he says."]
    assert speakers(view, "direct") == ["Jan Roe"]
    short = ["Jana Roe, 24, was sitting in a lecture hall when the news came.",
             "In Locarno, Jan Example had said that the office would answer requests. For Roe this is the decisive point.",
             "«And then I will frame the copy», she says."]
    assert speakers(short, "direct") == ["Jana Roe"]
    lede = ["The grandmother at the window",
            "Example Free Press | 29 October 2027 | Feature",
            "\"I have a pension book with thirty-nine years in it,\" she says, and puts the book on the table.",
            "Jana Roe is 77. She taught geography for thirty-nine years."]
    assert speakers(lede, "direct") == ["Jana Roe"]


def test_an_interview_of_dash_questions_half_of_them_statements_and_a_story_opened_by_a_possessive() -> None:
    """Dash questions over unlabelled answers make an interview even when half the questions end in a full stop
    ("— The Russian side wanted its banks in the scheme."); "Dmitry's family story runs the other way." names whom the
    next "he says" means."""
    interview = ["Jana Roe: «The occupiers will not see a single kopeck»",
                 "Example.ua | 13 December 2027 | Interview | Author: Ana Sample",
                 "Deputy Governor of the National Bank Jana Roe spent three days in Hawaii with the delegation.",
                 "— Mrs. Roe, let us start with the main thing. How will this work for an ordinary person?",
                 "A daughter goes to a post office with her passport and her mother's birth certificate.",
                 "— And the money itself?", "The money stays in Ukraine. It pays a grandmother in Hlukhiv.",
                 "— The Russian side wanted its banks in the scheme.", "They wanted cards and a SWIFT connection.",
                 "— And Hlukhiv?", "That was a message. Two of our postal workers were injured.",
                 "— The first payments come in January.", "Registration starts on 20 December, payouts on 3 January.",
                 "— Thank you for the conversation.", "Thank you."]
    assert speakers(interview, "interview") == ["Jana Roe"] * 6
    story = ["Kateryna Sample, 31, guides divers in Koror. Dmitry Example, 29, came from Kirov.",
             "\"My grandmother is 88,\" Kateryna says.",
             "Dmitry's family story runs the other way. \"My mother called me on Friday,\" he says."]
    assert speakers(story, "direct") == ["Kateryna Sample", "Dmitry Example"]


def test_a_one_word_nickname_a_capitalised_occupation_and_a_colleague_from_a_place() -> None:
    """"Roe, known across the island as Kin," makes "Kin said" Jan Roe's; "Driller Jan Roe, 54," opening a sentence is
    Jan Roe, whom "the driller said" means; "The colleague, guide Jana Roe from Vologda, said ..." is whom the next
    "she said" means."""
    nickname = ["Sen. Jan Roe chairs the committee on federal affairs. Roe, known across the island as Kin, said Guam "
                "had an interest in a peaceful Pacific.",
                "“When the world fights, Guam feels it first,” Kin said."]
    assert speakers(nickname, "direct") == ["Jan Roe"]
    driller = ["Driller Jan Roe, 54, works on a rig near Surgut. His daughter lives in Kharkiv.",
               "«Now I will go to the post office like a normal person», the driller said."]
    assert speakers(driller, "direct") == ["Jan Roe"]
    colleague = ["Olena Example, a diving instructor, told the paper that her mother would be paid in full.",
                 "The colleague, guide Jana Roe from Vologda, said the two women had never discussed politics. \"Down "
                 "there, under the water, there are no flags,\" she said."]
    assert speakers(colleague, "direct") == ["Jana Roe"]


def test_an_interview_of_dash_questions_whose_first_calls_the_interviewee_by_name_and_patronymic() -> None:
    """Dash questions over unlabelled answers make an interview when the first question calls the interviewee by
    first name and patronymic ("— Gleb Arkadyevich, ..."), even when most questions end in a full stop; the answers
    are the person the introduction names with that first name."""
    interview = ["«Language is not a weapon»", "Example Reporter | 13 March 2028 | Interview by Ana Sample",
                 "Gleb Roe, professor at the Example Institute, was one of the linguists in the delegation.",
                 "— Gleb Arkadyevich, the declaration is two pages long. Was it worth three days?",
                 "It was worth eight years. Now there is a paper, signed by their minister.",
                 "— Kiev says the text changes nothing.", "Let them say so. Laws change when practice changes.",
                 "— The same applies to Ukrainian lessons.", "Of course. Nobody is against Ukrainian.",
                 "— They laughed because of the decree.", "The decree was badly timed, I will not deny it.",
                 "— Why did you take a dictionary?", "Because I am a linguist.",
                 "— Will you sit on the commission?", "If I am asked.",
                 "— Thank you for the conversation.", "Thank you."]
    assert speakers(interview, "interview") == ["Gleb Roe"] * 7
    plain = [p.replace("Gleb Arkadyevich, the", "The") for p in interview]  # (no name called: too few questions
    answers = {q.text for q in segment.find_quotes(plain) if q.kind == "interview"}  # to read the rest as answers)
    assert not answers & {"It was worth eight years. Now there is a paper, signed by their minister.", "If I am asked."}


def test_a_person_of_an_institution_where_it_is_and_an_expert_called_by_another_expert_noun() -> None:
    """"Jane Roe of the Institute for X at Example Research in Bozen, who ..., said" is Jane Roe, and so is the next
    "the researcher said"; "the linguist said" is the associate professor just named (a linguist is an expert)."""
    institute = ["Jane Roe of the Institute for Minority Rights at Example Research in Bozen, who advises the mediation "
                 "team, said the model could not simply be exported. „But one idea travels well: a child who learns his "
                 "mother tongue is a danger to nobody“, the researcher said."]
    assert speakers(institute, "indirect") == ["Jane Roe"]
    assert speakers(institute, "direct") == ["Jane Roe"]
    linguist = ["Jan Roe, associate professor at the Department of Russian Language of Example State University, "
                "believes that the two sides will read the text differently.",
                "«Kiev will read „private lessons“ in it, and we will read „schools“. The commission will have to "
                "decide», the linguist said."]
    assert speakers(linguist, "direct") == ["Jan Roe"]


def test_a_quote_inside_a_sentence_is_its_labelling_subjects_not_the_last_attribution_before_it() -> None:
    """A quote inside a sentence whose subject labels it ("X called the decree "..."", "X spoke of "..."") is X's,
    not the speaker of an attribution in an earlier sentence of the paragraph or of the quote before it; an
    apposition names the person a role stands for ("The head of the delegation, the Minister of X, Jan Roe, spoke
    of"), but not the institution a person belongs to ("Jana Roe, of Example Institute, calls"); a so-called quote
    takes no one's name."""
    called = ["The Ukrainian delegation then asked for the afternoon session to be postponed. Jana Roe, Ukraine’s "
              "commissioner for the state language, who is a member of the delegation, called the decree „a ban with a "
              "form attached“. „You cannot sit in Meran and talk about mother tongues“, she told journalists."]
    assert speakers(called) == ["Jana Roe", "Jana Roe"]
    two = ["Jan Example calls it „a navigation arrangement, not a truce”, and I think he wants us to hear the second "
           "half. Jane Roe, on the other hand, speaks of „the first quiet water”, and I think she means it."]
    assert speakers(two) == ["Jan Example", "Jane Roe"]
    apposed = ["Cassis said the paper was small. The head of the Russian delegation, the Minister of Science, "
               "Jan Roe, spoke of «a humanitarian document, not a political one»."]
    assert speakers(apposed, "partial") == ["Jan Roe"]
    member = ["Jan Example said the talks had ended. The internationalist Jana Roe, of Example Institute, calls the "
              "memorandum “a cheap success, in the best sense of the word”."]
    assert speakers(member, "partial") == ["Jana Roe"]
    scare = ["President Jan Roe called the extension \"a first step, not the last\" and said France would host a "
             "meeting of the so-called \"coalition of the willing\" next week."]
    assert speakers(scare) == ["Jan Roe", ""]


def test_a_headline_colon_after_a_place_a_middle_dot_time_stamp_and_hearsay_about_someone() -> None:
    """"Alghero, Roe opens the talks: «...»" is Roe's (the place before her is no subject); a live blog's "10:25 · Roe:
    «...»" is Roe's; "where Hippocrates is said to have taught" is hearsay about him, so the next "he said" is the
    person who opened the talks."""
    headline = ["Alghero, Roe opens the talks: «Sardinia offers a table, not a side»",
                "Jana Roe, the president of the region, welcomed the delegations."]
    assert speakers(headline, "direct") == ["Jana Roe"]
    live = ["10:25 · Roe: «In the water, nobody asks for a passport»",
            "Prime Minister Jan Roe opened the talks on the terrace."]
    assert speakers(live, "direct") == ["Jan Roe"]
    hearsay = ["Prime Minister Jan Roe opened the talks on the upper terrace of the Asklepieion, where Hippocrates is "
               "said to have taught. «At sea the first duty is even simpler: to pull a person out of the water», he said."]
    assert speakers(hearsay, "direct") == ["Jan Roe"]


def test_an_interviewee_is_no_island_and_a_role_noun_drops_what_its_person_is_doing() -> None:
    """An interview's introduction that names the island of the talks twice ("the talks on Kos", "signed on Kos") and
    the interviewee once still answers as the interviewee; "asks the old man mending a net on the quay" is the old man,
    whom "The old man is Jan Roe" names, not the byline's outlet before him."""
    interview = ["Captain: «We carry an orange stripe»", "Example | 17.04.2027 | Interview | Author: Ana Sample",
                 "Jan Roe has commanded the rescue vessel for six years. While the talks on Kos were under way, a drone "
                 "hit the vessel. We asked him what the protocol signed on Kos means for his crew.",
                 "— How is the boatswain?", "He is in hospital. He has burns on his hands.",
                 "— Where were you when the drone hit?", "At home, ten minutes from the port.",
                 "— What does the protocol change?", "We carry an orange stripe so that we can be seen."]
    assert speakers(interview, "interview") == ["Jan Roe"] * 3
    mending = ["«Down there, nobody is an enemy»: an old diver reads the protocol",
               "Example News | 19.04.2027 | Translated from Greek",
               "POTHIA. «Do you know how long a man can stay alive in cold water?» asks the old man mending a net on "
               "the quay.", "The old man is Jan Roe, 78, who dived for sponges for thirty summers."]
    assert speakers(mending, "direct") == ["", "Jan Roe"]


def test_a_dash_quote_of_an_unnamed_source_that_goes_on_after_a_sentence_of_narration() -> None:
    """"— ..., — a former engineer of a Rosatom enterprise who worked in ... told Proekt." is that unnamed source's, and
    so is the dash speech after "He asked not to be named." (no other attribution follows it); a name after the
    verb ends with its sentence ('," said Jan Roe. Jane Example disagreed.' is Roe's, "said Sen. Jane Roe" hers)."""
    dash = ["— Nobody has counted what was left behind, — a former engineer of a Rosatom enterprise who worked in the "
            "occupied part of the Donetsk region told Proekt. He asked not to be named. — We found gauges in workshops "
            "that had no roof."]
    assert speakers(dash, "dash") == ["former engineer of a Rosatom enterprise"] * 2
    after = ["\"This agreement is true and good for everyone,\" said Jan Roe. Jane Example disagreed."]
    assert speakers(after, "direct") == ["Jan Roe"]
    senator = ["\"I want to see a ceasefire that holds first,\" said Sen. Jane Roe. Jan Example disagreed."]
    assert speakers(senator, "direct") == ["Jane Roe"]
    russian = ["— This agreement is true and good for everyone, — said Jan Roe. Jane Example disagreed."]
    assert speakers(russian, "dash") == ["Jan Roe"]


def test_a_second_guests_surname_label_in_capitals_is_no_initials() -> None:
    """A radio transcript of a host and two guests labelled by surname in capitals ("PAJU:", "ORAV:"): each guest's
    turns are theirs, named in full as the header gives them, though a four-letter label looks like initials."""
    transcript = ["Transcript: what the talks mean for sirens",
                  "Example Radio | Morning programme | 17 February 2028 | Host: Jana Lepp | Guests: Rein Paju, Rescue "
                  "Board; Liis Orav, Military Academy",
                  "LEPP: Good morning, it is ten past eight. In the studio is Rein Paju. Good morning.",
                  "PAJU: Good morning to you all.",
                  "LEPP: And on the phone from Tartu is Liis Orav. Good morning, Liis.",
                  "ORAV: Good morning, I can hear you well.",
                  "LEPP: How many sirens does Estonia have today?", "PAJU: A few hundred, and the number is growing.",
                  "LEPP: Who sends false alarms?", "ORAV: We do not know who did it, and I will not guess on the radio."]
    assert speakers(transcript, "interview") == ["Rein Paju", "Liis Orav", "Rein Paju", "Liis Orav"]


def test_a_person_introduced_with_an_age_after_is_and_a_place_that_heads_a_headline() -> None:
    """"One of the few who felt it is Jan Roe, 37, from Kharkiv" is whom the next "he says" means; a one-word name the
    article writes as a place ("in Lerwick") is no speaker of a headline's quote nor a subject a role falls back on;
    a feature's "says the old man" (after a headline's quote) is whom the next paragraph names ("He is Jan Roe, 83,
    known to everyone as Bertie"), whatever a monthly's byline ("Example Life | November 2028") says."""
    introduced = ["– We radio amateurs have an unwritten rule, says Karl Example.",
                  "One of the few in Slite who felt the talks personally is Jan Roe, 37, from Kharkiv, who has worked at "
                  "the cement works since 2023.",
                  "”When the tower was hit, my mother lost the television for a week”, he says."]
    assert speakers(introduced, "direct") == ["Jan Roe"]
    feature = ["‘Da bay wis fu o lights’: Lerwick remembers the ships as the talks come to town",
               "Example Life | November 2028 | Feature",
               "“Du couldna see da watter for ships,” says the old man on the bench at Victoria Pier, pointing his stick "
               "across the Sound.",
               "He is Jan Roe, 83, known to everyone in Lerwick as Bertie, and he is talking about the winters of 1990.",
               "“Da bay wis fu o lights, like a toon,” he says. He is glad the talks came to Lerwick."]
    assert speakers(feature, "direct") == ["Jan Roe"] * 3


def test_an_interviewee_is_no_place_the_introduction_sends_him_to_and_a_nickname_after_an_age() -> None:
    """An introduction that names the interviewee once in full and the venue twice ("after Launceston talks", "asked
    him to Launceston") still answers as the interviewee; "Jan Roe, 46, known to everyone at the Bluff as Sandy" makes
    "Sandy" Jan Roe."""
    interview = ["Fire investigator home after Launceston talks", "Example Star | Tuesday, 4 April 2028 | Interview",
                 "Jan Roe has spent 27 years investigating fires. Last month the Red Cross asked him to Launceston as "
                 "an adviser at the talks.",
                 "How does a fire investigator end up at peace talks?", "By accident, mostly. I did a course in Geneva.",
                 "And can you tell a thermite fire?", "Usually, if I get there early. Thermite leaves slag.",
                 "Did the delegations listen?", "They listened, and I was surprised. They took notes.",
                 "Where were you when the rockets hit?", "I was finishing lunch at the hotel.",
                 "Would you go again?", "If I was asked, and if my wife agreed."]
    assert speakers(interview, "interview") == ["Jan Roe"] * 5
    nickname = ["He is Jan Roe, 46, known to everyone at the Bluff as Sandy, because the surfers gave up on his name.",
                "Sandy keeps the card above the coffee machine.", "“My mother still lives in Kharkiv,” he says."]
    assert speakers(nickname, "direct") == ["Jan Roe"]


def test_a_person_in_a_where_clause_and_a_feature_opener_named_by_his_name_is() -> None:
    """"In Southsea, where Jan Roe runs a Saturday school, the deal was greeted with caution." names whom the next "he
    says" means (not an unnamed source before); a feature's '"...," says the carriage driver' is whom the next
    paragraph names with "His name is Jan Roe, he is 58"."""
    where = ["A Foreign Office source said the deal was good.",
             "In Southsea, where Jan Roe runs a Saturday school for sixty children, the deal was greeted with caution.",
             "“A hundred and forty is a hundred and forty people,” he says."]
    assert speakers(where, "direct") == ["Jan Roe"]
    driver = ["On Sark, the carriage driver who drove the peace", "Example Libre | Saturday 20 May 2028 | Feature",
              "« Three days, twice a day, twelve Ukrainians and one interpreter », says the carriage driver, without "
              "taking his eyes off his horse.",
              "His name is Jan Roe, he is 58, and everyone on Sark calls him Tiny. The Swiss hired him to take the "
              "delegation from Little Sark to the Island Hall."]
    assert speakers(driver, "direct") == ["Jan Roe"]


def test_a_name_before_a_possessive_title_in_apposition_says_it() -> None:
    """"Jane Roe, Ukraine’s Foreign Minister, said:" and "Jane Roe, Ukraine’s First Deputy Minister of Justice, who
    leads the team, said:" are Jane Roe's words, not the title's (a possessive before a capitalised title)."""
    for apposition in ("Ukraine’s Foreign Minister,", "Ukraine’s First Deputy Minister of Justice, who leads the team,"):
        paragraph = [f"Jane Roe, {apposition} said: “Every name on our list is a person who should never have been in a "
                     "Russian prison.”"]
        assert speakers(paragraph, "direct") == ["Jane Roe"]


def test_an_articles_places_are_names_after_a_preposition_of_place_never_a_possessive() -> None:
    """`_Places` holds a name the article writes after "in", "at" or "near" ("at Victoria Pier", and so "Victoria"), not
    one written only after "to" nor one written as someone's ("lunch at Roe's"), nor lower-case words."""
    from analysis.segment.places import _Places

    places = _Places("He sat on the bench at Victoria Pier. The talks came to Kirkwall. We had lunch at Roe's, in town.")
    assert "Victoria Pier" in places and "Victoria" in places
    assert "Kirkwall" not in places and "Roe" not in places and "town" not in places and "Pier" not in places


def test_a_role_after_its_verb_is_the_person_its_apposition_names_later_in_the_sentence() -> None:
    """'"...," said the head of the Russian delegation at the talks, Presidential Aide Jan Roe.' is Roe's, named after
    the role in the same paragraph, not a region the paragraph before named ("residents of the Kursk Region")."""
    paragraphs = ["A thousand Russians return home as exchange is completed",
                  "The exchange was carried out in three stages. Among the civilians brought home were residents of the "
                  "Kursk Region who had been taken to Ukraine.",
                  "\"The agreement reached in Istanbul has been fully implemented,\" said the head of the Russian "
                  "delegation at the talks, Presidential Aide Jan Roe. According to him, Moscow is ready for more."]
    assert speakers(paragraphs) == ["Jan Roe", "Jan Roe"]


def test_habitual_speech_beside_a_quote_is_attributed_and_in_narration_is_no_ones() -> None:
    """'"...," she would say' is the words of the one she stands for, as "she said" is (habitual speech, common
    in features and essays: ten direct quotes of blind62 and blind87 to blind90 had no speaker without it);
    "Critics would say that ..." in narration is hypothetical, no one's reported speech."""
    paragraphs = ["Jana Example ran the only bakery in the village for forty years. \u201cOf course,\u201d she would say.",
                  "Anna Roe lives here. \u201cHe came back,\u201d she would say."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs, short=True, reported=True)] == [
        ("direct", "Jana Example"), ("direct", "Anna Roe")]  # (without a speaker, each was taken for a scare quote)
    assert [(q.kind, q.speaker) for q in segment.find_quotes(["Critics would say that the deal is weak."],
                                                              short=True, reported=True)] == []
    assert speakers(["Critics say that the deal is weak."], "indirect") == ["Critics"]


def test_the_authors_great_grandparent_after_a_quote() -> None:
    """'„...“, my great-grandmother used to say.' is the author's great-grandmother, as "my grandmother" is."""
    for kin in ("great-grandmother", "great great-grandfather", "grandmother"):
        paragraphs = [f"\u201eHe came back, but his lungs stayed in Flanders\u201c, my {kin} used to say."]
        assert speakers(paragraphs, "direct") == [f"my {kin}"], kin


def test_a_live_blogs_timed_entry_heading_is_its_speakers_gist() -> None:
    """"18:40 Rautio: monitors can start in six weeks" is reported speech of Rautio, as the untimed headline
    "Rautio: ..." is (fifty-seven reported clauses of twenty-nine gold sets were missed without it, none found
    wrongly with it); a time with AM/PM and a zone is no label ("11:55 AM IST: Trump claims credit")."""
    paragraphs = ["Live: talks in Narvik", "18:40 Rautio: monitors can start in six weeks",
                  "Mikko Rautio, the Finnish head of mission, told reporters the first teams were ready.",
                  "16:45 – Rautio: Finland proud to lead the mission",
                  "11:55 AM IST: Trump claims credit"]
    found = [(q.text, q.speaker) for q in segment.find_quotes(paragraphs, short=True, reported=True) if q.kind == "indirect"]
    assert ("monitors can start in six weeks", "Mikko Rautio") in found
    assert ("Finland proud to lead the mission", "Mikko Rautio") in found
    assert not any("Trump claims" in text for text, _ in found)


def test_a_saints_name_is_a_church_not_the_person_a_role_means() -> None:
    paragraphs = ["Father Anton Example, the parish priest of the Church of St. Sample, said the bells would ring at noon.",
                  "“A bell is a voice, and a voice belongs to its town,” the priest said."]
    assert speakers(paragraphs, "direct") == ["Anton Example"]


def test_a_person_of_a_one_word_place_is_the_person_and_of_an_institution_is_the_person_too() -> None:
    paragraphs = ["Senator Jan Example of Sampleshire said the committee would meet on Friday.",
                  "Dr Jana Sample of the Institute for Development and International Relations believes the commission "
                  "will survive. “One failed inspection, and the whole thing collapses,” she told me."]
    assert speakers(paragraphs) == ["Jan Example", "Jana Sample", "Jana Sample"]
    # (an institution's own name with "of" stays the institution: not "Nuclear Regulatory Inspectorate")
    paragraphs = ["The State Nuclear Regulatory Inspectorate of Exampleland told reporters that the Russian side had "
                  "refused to discuss the question."]
    assert speakers(paragraphs) != ["Nuclear Regulatory Inspectorate"]


def test_a_subject_from_a_place_or_described_after_an_opening_phrase_is_whom_a_pronoun_means() -> None:
    paragraphs = ["Jana Sample said the museum was ready. On Wednesday, Father Anton Example from Samplevo showed me "
                  "his notebook. He said he had drawn it on the first evening.",
                  "“Every Sunday I read the names quietly,” he said."]
    assert speakers(paragraphs, "direct") == ["Anton Example"]
    paragraphs = ["Jan Example said the crates were ready. On the other side, the restorer Jana Sample is also "
                  "preparing. In a phone call she told me she would travel with the icons herself.",
                  "“I want to see them leave in one piece,” she said."]
    assert speakers(paragraphs, "direct") == ["Jana Sample"]


def test_a_reported_clause_without_that_after_told_me_explained_or_a_bare_noun_subject() -> None:
    def reported(sentence: str) -> list[str]:
        return [q.text for q in segment.find_quotes([f"Jana Sample spoke. {sentence}"], reported=True)
                if q.kind == "indirect"]
    assert reported("She told me she had not slept properly since March.") == ["she had not slept properly since March"]
    assert reported("She explained the expert group would meet in May.") == ["the expert group would meet in May"]
    assert reported("She insisted verification was not the same as return.") == ["verification was not the same as return"]
    assert reported("She said foreign specialists could come only with consent.") == [
        "foreign specialists could come only with consent"]
    # (not an object: "announced the agreement signed in ...", "told me about her museum", "recalled the siege of ...")
    assert reported("She announced the agreement signed in Sampleville, which was welcomed.") == []
    assert reported("She told me about her museum, and she did not stop for a long time.") == []
    assert reported("She recalled the siege of Sampleville in 1991, when the water was cut.") == []
    assert reported("The funding she announced today will be delivered through local partners.") == []


def test_the_clause_verbs_and_saint_prefixes_a_researcher_edits_decide_what_is_found(monkeypatch) -> None:
    from analysis.segment import clauses, lists, names

    def reported(sentence: str) -> list[str]:
        return [q.text for q in segment.find_quotes([f"Jana Sample spoke. {sentence}"], reported=True)
                if q.kind == "indirect"]
    verbs = lists.clause_verbs()
    assert verbs["said"] is False and verbs["recalled"] is True and "+object" not in " ".join(verbs)
    assert {"st. ", "saint ", "sveti "} <= set(lists.saint_prefixes())
    # "predicted" is a speech verb but not a clause verb: no clause without "that" after it, until a researcher adds it
    assert reported("She predicted the bridge would hold until spring.") == []
    monkeypatch.setattr(clauses, "clause_verbs", lambda: {**verbs, "predicted": False})
    assert reported("She predicted the bridge would hold until spring.") == ["the bridge would hold until spring"]
    assert reported("She predicted the bridge on the river was safe.") == ["the bridge on the river was safe"]
    # marked "+object", the same verb needs an auxiliary close by and no preposition before it
    monkeypatch.setattr(clauses, "clause_verbs", lambda: {**verbs, "predicted": True})
    assert reported("She predicted the bridge on the river was safe.") == []
    assert reported("She predicted the bridge would hold until spring.") == ["the bridge would hold until spring"]
    # a name opening with a listed saint's word is no person; another word is
    assert not names._person("Sveti Exampleburg")
    monkeypatch.setattr(names, "saint_prefixes", lambda: ("hagios ",))
    names._person.cache_clear()
    try:
        assert names._person("Sveti Exampleburg") and not names._person("Hagios Exampleburg")
    finally:
        names._person.cache_clear()


def test_a_reported_clause_ends_where_its_subject_goes_on_and_needs_a_verb() -> None:
    def reported(sentence: str) -> list[str]:
        return [q.text for q in segment.find_quotes([f"Jan Example spoke. {sentence}"], reported=True)
                if q.kind == "indirect"]
    # (", calling them «...»": the reporting subject goes on, the clause before it stands)
    assert reported("He noted the talks were the first direct meeting since the war began, calling them “a small "
                    "door, but a real one”.") == ["the talks were the first direct meeting since the war began"]
    # (a past tense after the subject: "showed", "remained committed")
    assert reported("He later said the map of the canal now showed 212 damaged points.") == [
        "the map of the canal now showed 212 damaged points"]
    # (no clause: "that" a determiner, "so that" a purpose, "when" a time)
    assert reported("He recalled that episode last week, calling it “a war crime announced online”.") == []
    assert reported("He said it in Cimbrian, so that we children would understand only half of it.") == []
    assert reported("President Jana Sample said on Tuesday when she opened talks at State House.") == []


def test_a_group_subject_reports_speech_and_is_its_speaker() -> None:
    def reported(sentence: str) -> list[tuple[str, str]]:
        return [(q.speaker, q.text) for q in segment.find_quotes([f"Jan Example spoke. {sentence}"], reported=True)
                if q.kind == "indirect"]
    assert reported("Exampland officials say thousands of objects were taken from museums.") == [
        ("Exampland officials", "thousands of objects were taken from museums")]
    assert reported("Critics will say Sampleland should stay out of the quarrel.") == [
        ("Critics", "Sampleland should stay out of the quarrel")]
    assert reported("Experts in Sampleburg, who asked not to be named, told the paper more objects had passed "
                    "through the city.") == [("Experts", "more objects had passed through the city")]
    # ("cannot" is a finite verb: the clause starts at "they", not at a later "that")
    assert reported("Sampleland officials say they cannot accept protection for depots that Exampland uses.") == [
        ("Sampleland officials", "they cannot accept protection for depots that Exampland uses")]
    # (a clause ends where another speaker's begins)
    assert reported("Exampland officials insist that the footnote keeps the question open, and the chief "
                    "negotiator, Jana Sample, said after the signing that nothing had been settled.") == [
        ("Exampland officials", "the footnote keeps the question open"), ("Jana Sample", "nothing had been settled")]


def test_a_word_quoted_in_a_headline_is_the_speakers_who_says_it_alone_in_the_body() -> None:
    paragraphs = ["Kremlin calls the Sampleton talks “useful”",
                  "Kremlin spokesman Jan Example said on Friday that the talks had been “useful”."]
    assert [(q.paragraph_index, q.speaker) for q in segment.find_quotes(paragraphs, short=True)
            if q.text == "useful"] == [(0, "Jan Example"), (1, "Jan Example")]


def test_a_box_heading_names_whom_its_questions_are_put_to() -> None:
    paragraphs = ["The drivers of Sampleton wait for the call",
                  "“With children you drive slower,” said Jan Example, 52, a former truck driver who coordinates the group.",
                  "Three questions for Jana Sample, spokeswoman of the Red Cross for the region",
                  "Q: When will the first children travel?",
                  "A: When every check is complete. We have not set a date.",
                  "Q: Can volunteers help?",
                  "A: We are grateful for every offer."]
    assert [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind == "interview"] == [
        ("interview", "Jana Sample"), ("interview", "Jana Sample")]


def test_a_gold_quote_over_two_paragraphs_is_found_by_its_two_parts_together() -> None:
    """The finder gives a quote over two paragraphs one quote per paragraph; the gold gives it one row (its rule 3):
    the parts together are that row, found once, neither part a false find."""
    paragraphs = ["Wages at the port have not moved, Jan Example said.",
                  "“The ships come back,” he said. “Every time we ask, we hear the same thing: wait for the talks.",
                  "“We have been waiting for three years. My members are not diplomats, they have rent to pay.”"]
    gold = pd.DataFrame({"quote": ["Every time we ask, we hear the same thing: wait for the talks.\n\n“We have been "
                                   "waiting for three years. My members are not diplomats, they have rent to pay."],
                         "speaker": ["Jan Example"], "kind": ["direct"]})
    rows, found = evaluate.quote_matches(paragraphs, gold)
    assert rows["found"].tolist() == [True] and rows["speaker_ok"].tolist() == [True]
    assert found.loc[found["text"].str.startswith(("Every", "We have")), "matched"].tolist() == [True, True]


def test_reported_clauses_with_longer_bare_subjects_participles_and_timed_entries() -> None:
    def reported(paragraphs: list[str]) -> list[tuple[str, str]]:
        return [(q.speaker, q.text) for q in segment.find_quotes(paragraphs, reported=True) if q.kind == "indirect"]
    # (a bare subject of up to five words before its auxiliary)
    assert reported(["Harbour master Jan Example said traffic through the port had recovered to 80%."]) == [
        ("Jan Example", "traffic through the port had recovered to 80%")]
    # (", rejecting what he called «...»": the reporting subject goes on; the clause before it stands)
    assert reported(["Foreign Minister Jan Example said on Wednesday that Sampleland would share the lists only "
                     "through the mediator, rejecting what he called “a propaganda campaign” by its neighbours."]) == [
        ("Jan Example", "Sampleland would share the lists only through the mediator")]
    # (a live blog's timed entry under a full name, whom the body does not name again)
    assert reported(["Live: the Sampleton talks", "15:20 Jana Sample: port traffic back to 80% of pre-war levels",
                     "The harbour master said most of the recovery came from grain."])[:1] == [
        ("Jana Sample", "port traffic back to 80% of pre-war levels")]


def test_a_consul_is_a_role_and_a_person_named_after_is_likely_to_be_is_a_mention() -> None:
    paragraphs = ["Sampleland’s consul in Exampleburg, Jan Example, said his office took calls every day. "
                  "“Every family asks the same thing,” the consul said."]
    assert speakers(paragraphs, "direct") == ["Jan Example"]
    paragraphs = ["Foreign Minister Jan Example told the paper the state would pay for psychologists.",
                  "One of those psychologists is likely to be Jana Sample, who has worked with children since 2022. "
                  "She describes what happens when a child returns:",
                  "“The first thing we see is silence.”"]
    assert speakers(paragraphs, "direct") == ["Jana Sample"]


def test_interview_labels_in_full_then_initials_and_the_one_the_introduction_says_asked() -> None:
    paragraphs = ["Example: 'We want our plant back'",
                  "Jan Example heads the state operator. He spoke to Jana Sample in Sampleton on the last day of the talks.",
                  "Jana Sample: Mr Example, you have been here three days. Is anything better?",
                  "Jan Example: One thing is better: there is a date for the repair of the line.",
                  "JS: The other side says your crews are welcome.",
                  "JE: They say many things. What matters is whether the artillery is silent for five days.",
                  "JS: Rosatom says it wants to restart one reactor this year.",
                  "JE: That would be illegal and dangerous, and most of the staff have left.",
                  "Comments: What do you think of the talks? Write to us."]
    turns = [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind in ("interview", "question")]
    assert turns[:6] == [("question", "Jana Sample"), ("interview", "Jan Example"), ("question", "Jana Sample"),
                         ("interview", "Jan Example"), ("question", "Jana Sample"), ("interview", "Jan Example")]


def test_a_box_heading_with_a_role_takes_the_person_the_next_paragraph_names() -> None:
    paragraphs = ["Freed, and waiting for the others",
                  "— I was lucky. My name was on a list, — Jana Sample says.",
                  "Three questions for the ombudsman",
                  "Example Voice asked Sampleland's Commissioner for Human Rights, Jan Example, about the next steps.",
                  "Q: When will the first exchange take place?",
                  "A: I will not name a date. We agreed on the mechanism.",
                  "Q: Will all 26 journalists be included?",
                  "A: They are all on our list, and we will not remove anyone."]
    assert [q.speaker for q in segment.find_quotes(paragraphs) if q.kind == "interview"] == ["Jan Example", "Jan Example"]


def test_a_headline_label_with_a_place_or_an_aside_names_the_speaker_but_a_group_does_not() -> None:
    paragraphs = ["Example in Sampleton: „A repair window is not a ceasefire“",
                  "Live: the Sampleton talks",
                  "17:05 Jana Sample (in Moscow): \"The co-hosts should remember that neutrality is not a costume.\"",
                  "Foreign Minister Jan Example said on Tuesday that the repair window was agreed."]
    assert [q.speaker for q in segment.find_quotes(paragraphs) if q.kind == "direct"] == ["Jan Example", "Jana Sample"]
    paragraphs = ["Families in Sampleton: “We want names, not numbers”",
                  "Jan Example told the paper that the family had visited the office. “We want names, not numbers,” he said."]
    assert [q.speaker for q in segment.find_quotes(paragraphs) if q.kind == "direct"] == ["Jan Example", "Jan Example"]


def test_a_surname_with_den_a_q_and_a_bar_heading_a_relatives_shared_surname_and_went_back_to() -> None:
    paragraphs = ["Inside the lab that gives names to the war dead",
                  "The geneticist now advises the Red Cross on the registry. The Sample Observer met her in Exampleton.",
                  "Jana van den Example, 52, has spent two decades at the institute.",
                  "Observer: What is the registry, in plain words?",
                  "Van den Example: Two lists that finally talk to each other. One holds profiles from remains.",
                  "Observer: Why has that not happened until now?",
                  "Van den Example: Because each side kept its own list, and neither trusted the other's laboratories.",
                  "Observer: How many people are still missing?",
                  "Van den Example: I will not give you a number. Every number I have heard is a guess."]
    assert {q.speaker for q in segment.find_quotes(paragraphs) if q.kind == "interview"} == {"Jana van den Example"}
    paragraphs = ["Twelve wagons and a promise",
                  "“People think this is about politics,” says Jan Example, the retired colonel who led the team.",
                  "One of the engineers, Jana Sample, answered a few questions for the Chronicle.",
                  "Q&A | Jana Sample, rail engineer",
                  "Q: What did you have to change on the wagons?",
                  "A: The cooling units, the floors and the doors.",
                  "Q: Will you travel with the first train?",
                  "A: No. My work ends at the border."]
    assert [q.speaker for q in segment.find_quotes(paragraphs) if q.kind == "interview"] == ["Jana Sample", "Jana Sample"]
    paragraphs = ["For twenty years Andriy Example steered grain barges on the river.",
                  "His wife, Svitlana Example, who works as a nurse, is less eager. She said their son spoke Maltese.",
                  "Jana Sample, a maritime lawyer, said the register would require inspections.",
                  "Example is not interested in the legal debate. He has kept his pilot's licence up to date.",
                  "“When the first barge goes under the new bridge, I want to be at the wheel,” he said."]
    assert speakers(paragraphs, "direct") == ["Andriy Example"]
    paragraphs = ["Jan Example, a farmer, told me the harvest was lost. President Jana Sample called it a tragedy.",
                  "I went back to Example before writing this column and read him the numbers.",
                  "“Then they had better hurry,” he said."]
    assert speakers(paragraphs, "direct") == ["Jan Example"]


def test_the_correspondent_an_interviewee_sat_down_with_asks_and_a_talk_is_no_talking_with() -> None:
    paragraphs = ["'We are short of hulls': the admiral in charge of the mine hunt",
                  "Rear Admiral Jan Example commands the task group. On the second day of the talks he sat down with "
                  "Sample Daily's defence correspondent, Jana Sample. The interview has been edited for length.",
                  "Q: Admiral, how many mines are still out there?",
                  "A: Nobody can give you an honest number.",
                  "Q: Who pays for that?",
                  "A: That is the question of the week."]
    assert speakers(paragraphs, "interview") == ["Jan Example", "Jan Example"]


@pytest.mark.parametrize("gap", ["\n", " "])  # (its time on a line of its own, or on the heading's line)
def test_a_live_blog_entry_of_questions_to_a_ministry_takes_the_person_it_names_next(gap: str) -> None:
    paragraphs = ["LIVE: Talks open",
                  "16:20\nExample: Sampleland ready to fund two drones",
                  "Deputy Defence Minister Ivo Example told reporters Sampleland would pay for two drones.",
                  f"15:05{gap}Three questions to the defence ministry",
                  "We caught Defence Ministry spokeswoman Jana Sample in the corridor.",
                  "Q: Will the mandate be extended?",
                  "A: That is on the table.",
                  "Q: Are the ships ready?",
                  "A: Our ships go where the partners send them."]
    assert speakers(paragraphs, "interview") == ["Jana Sample", "Jana Sample"]


def test_a_surname_first_name_labelled_by_its_surname_and_a_headline_with_an_fm_title() -> None:
    paragraphs = ["[Interview] Vice FM Sung: ‘Seoul will not take sides’",
                  "Sung Min-seo, the first vice foreign minister, spent three days in Tokyo as an observer. She spoke "
                  "with The Sample Ledger on Friday.",
                  "The Sample Ledger: What does an observer do?",
                  "Sung: Mostly listen. In the breaks, observers carry messages.",
                  "The Sample Ledger: Can you say what kind?",
                  "Sung: No. If I told you, nobody would give me messages next time."]
    assert speakers(paragraphs, "interview") == ["Sung Min-seo", "Sung Min-seo"]
    assert speakers(paragraphs, "direct") == ["Sung Min-seo"]


def test_a_captain_or_headman_named_with_the_title_is_whom_the_role_means_later() -> None:
    paragraphs = ["— We have neutralised dozens of objects, — said the spokesman of the Navy, Captain Ivan Example. — "
                  "Every one of them is a tragedy.",
                  "Jana Sample, a ministry official, said the survey would start in May.",
                  "— The sea does not forgive haste, — the captain emphasised."]
    assert speakers(paragraphs, "dash")[-1] == "Ivan Example"
    paragraphs = ["The village was quiet. The headman, Jan Example, said every boat now carried a card.",
                  "Jana Sample, a fisherwoman, disagreed with him on the cost.",
                  "“We want to know where the danger is,” the headman said."]
    assert speakers(paragraphs, "direct") == ["Jan Example"]


def test_a_subject_of_an_organization_is_the_person_and_an_organization_is_no_one() -> None:
    paragraphs = ["Ivan Example spoke first.",
                  "Jana Sample of the International Example Organization urged the states to act quickly. "
                  "\"The sea does not wait for diplomats,\" she said."]
    assert speakers(paragraphs, "direct") == ["Jana Sample"]
    assert not segment.names._person("International Example Organization")


def test_a_title_joined_by_hyphens_is_a_title_and_a_hyphenated_first_name_is_not() -> None:
    paragraphs = ["For Sampleland's Ambassador-at-Large Tan Wei Ming, who sat among the observers, the real work happened "
                  "in the breaks. Mr Tan said he had watched two officials compare notes.",
                  "\"That is what you hope for. Not friendship. Competence,\" the veteran diplomat said."]
    assert speakers(paragraphs, "direct") == ["Tan Wei Ming"]
    assert segment.names._clean_speaker("Major-General Jan Example") == "Jan Example"
    assert segment.names._clean_speaker("Maj-Britt Example") == "Maj-Britt Example"  # ("Maj" alone is a title)


def test_questions_in_bold_markers_over_unlabelled_answers_are_an_interview() -> None:
    paragraphs = ["Minister Example after the talks: Sampleland will be a hub",
                  "Energy Minister Jana Example came back with two commitments. In this conversation she said Sampleland "
                  "could become \"a battery\" for its neighbours.",
                  "**Minister, why send transformers when the south still remembers the blackouts?**",
                  "Because the transformers we are sending cannot be used in the south.",
                  "**Deputy Ana Sample says they may be needed here.**",
                  "I respect the deputy, and I have sent her the report.",
                  "**What did Sampleland get in return?**",
                  "The chair of the next round, and a real commission.",
                  "**The last word?**",
                  "Patience."]
    found = [(q.kind, q.speaker, q.text) for q in segment.find_quotes(paragraphs, short=True, reported=True)
             if q.kind in ("question", "interview")]
    assert [k for k, _, _ in found] == ["question", "interview"] * 4
    assert {s for k, s, _ in found if k == "interview"} == {"Jana Example"}
    assert found[0][2] == "Minister, why send transformers when the south still remembers the blackouts?"  # (no "**")
    assert found[2][2] == "Deputy Ana Sample says they may be needed here."


def test_a_label_with_the_first_of_two_surnames_is_the_full_name() -> None:
    paragraphs = ["Héctor Sample Example runs the state utility. He spoke to El Heraldo after the talks.",
                  "El Heraldo: Why send linemen to Ukraine?",
                  "Sample: Because our linemen are the best thing we have.",
                  "El Heraldo: For how long?",
                  "Sample: Three months, after two weeks of training."]
    assert speakers(paragraphs, "interview") == ["Héctor Sample Example", "Héctor Sample Example"]


def test_an_instructor_named_in_apposition_is_whom_the_instructor_means() -> None:
    paragraphs = ["Their instructor, Jana Example, has taught apprentices for fifteen years. She said the course focused "
                  "on North American equipment.",
                  "Ivan Sample, a ministry official, nodded.",
                  "\"They do in a night what we plan for a week,\" the instructor said."]
    assert speakers(paragraphs, "direct") == ["Jana Example"]


def test_a_peoples_adjective_is_no_interviewee_however_often_the_introduction_says_it() -> None:
    paragraphs = ["Q&A: The captain who wants Thai crews off the waiting list",
                  "Captain Somchai Example spent 26 years at sea. This week he followed the talks from Bangkok. We "
                  "spoke to him about what the agreement means for Thai crews.",
                  "Captain, what was your first reaction?",
                  "Relief for the two men in Novorossiysk.",
                  "Why so cautious?",
                  "Because I have seen many agreements on paper.",
                  "How many of your members are waiting?",
                  "Eleven officers that we know of.",
                  "What do the men tell you on the phone?",
                  "They talk about small things."]
    assert set(speakers(paragraphs, "interview")) == {"Somchai Example"}
    assert not segment.names._person("Greek") and segment.names._person("Jan Finn")  # (not names as common as Finn)


def test_the_one_who_answered_our_questions_is_the_interviewee_and_a_port_is_a_place() -> None:
    paragraphs = ["Port Sample pitches itself as a hub after the talks",
                  "KUALA LUMPUR – Sampleland wants Port Sample to host the follow-up, and officials here are already "
                  "working out where the delegates would sit.",
                  "“If Manila was about the principle, Port Sample can be about the plumbing,” said Tan Boon Example, "
                  "who chairs the shipowners' association.",
                  "The man who made the offer, deputy director-general Datuk Ahmad Sample Rahman, answered our "
                  "questions on his return.",
                  "— Why should Sampleland host a meeting about a war so far away?",
                  "— Because our officers are on those ships.",
                  "— What exactly would happen in Port Sample?",
                  "— Technical work. Not politics.",
                  "— Will both delegations come?",
                  "— Both have said they are open to it."]
    assert set(speakers(paragraphs, "interview")) == {"Ahmad Sample Rahman"}
    assert not segment.names._person("Port Sample")


def test_a_name_its_label_spells_out_in_initials_is_not_made_fuller_by_a_profile_box() -> None:
    paragraphs = ["Q&A | 'A corridor is a promise'",
                  "PROFILE Name: Jana Example Position: Director-General, Sampleland Civil Aviation Authority "
                  "Career: air traffic controller",
                  "Jana Example helped draft the annex. Ivan Sample (IS) spoke to Jana Example (JE) after her return.",
                  "IS: You were a controller for fifteen years. Did that help?",
                  "JE: Enormously. Diplomats talk about principles.",
                  "IS: What does the annex say?",
                  "JE: It describes three phases."]
    assert set(speakers(paragraphs, "interview")) == {"Jana Example"}


def test_whom_the_paragraph_before_the_turns_says_the_outlet_asked_answers_them() -> None:
    paragraphs = ["Talks: final day. Online",
                  "20:10 Roe: the region is ready to receive the repair crews",
                  "The head of the regional administration, Jan Roe, said the region would provide transport.",
                  "— Everything is ready, — Roe wrote on Telegram.",
                  "16:20 The engineer explains: what will be repaired first",
                  "Example Online asked Iryna Sample, an engineer of the state hydropower company, three questions.",
                  "Q: What exactly will the crews repair?",
                  "A: The damaged section of the pipeline.",
                  "Q: How long will it take?",
                  "A: Four days if nothing unexpected happens."]
    assert set(speakers(paragraphs, "interview")) == {"Iryna Sample"}


def test_a_live_blogs_questions_go_to_whom_their_own_entry_names_not_the_earlier_entries() -> None:
    paragraphs = ["Talks: final day. Online",
                  "20:10 Roe: the region is ready to receive the repair crews",
                  "The head of the regional administration, Jan Roe, said the region would provide transport.",
                  "— Everything is ready, — Roe wrote on Telegram. Roe added that buses were waiting.",
                  "16:20 Engineer Iryna Sample explains what will be repaired first",
                  "She is a member of the technical working group.",
                  "Q: What exactly will the crews repair?",
                  "A: The damaged section of the pipeline.",
                  "Q: How long will it take?",
                  "A: Four days if nothing unexpected happens."]
    assert set(speakers(paragraphs, "interview")) == {"Iryna Sample"}


def test_a_dash_before_words_that_end_with_no_stop_is_a_lists_bullet_not_speech() -> None:
    paragraphs = ["Jan Roe said the talks would go on.", "Read more:",
                  "– Example backs Vienna talks, offers hydro experts", "– Explained: why the dams keep failing",
                  "– We are ready to send engineers tomorrow."]
    assert [(q.kind, q.text) for q in segment.find_quotes(paragraphs) if q.kind == "dash"] == [
        ("dash", "We are ready to send engineers tomorrow.")]


def test_labels_in_full_then_by_given_name_are_one_interview_of_two_people() -> None:
    paragraphs = ["The man who buys the rice",
                  "Jan Sample's office has a map on one wall. He says the talks went better than expected.",
                  "Example Weekly's Jane Roe spoke to Jan Sample about the talks.",
                  "Jane Roe: You came back without a contract. Is that a disappointment?",
                  "Jan Sample: No. We came back with a text. For us that was the main point.",
                  "Jane: Your country insisted on a fertiliser clause. Why?",
                  "Jan: Because it is the same problem. We cannot solve rice without solving fertiliser.",
                  "Jane: How much rice will you import this year?",
                  "Jan: Less than last year, I hope. The target is two million tonnes."]
    turns = [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind in ("interview", "question")]
    assert turns == [("question", "Jane Roe"), ("interview", "Jan Sample")] * 3


def test_whom_the_outlet_reached_by_telephone_answers_its_questions() -> None:
    paragraphs = ["Example inspector says the plant 'cannot live on luck'",
                  "Jana Sample Roe, 38, is one of two experts on the agency's roster.",
                  "Her former lecturer, the physicist Jan Example, said he was not surprised. \"She was the student who "
                  "asked the question after the lecture,\" Example recalled. Example has taught for thirty years.",
                  "The Echo reached Sample Roe by telephone in Lagos. Excerpts from the conversation, edited for length:",
                  "What is your job in Lagos?",
                  "I translate. Not languages, but engineering into diplomacy.",
                  "And what does it mean?",
                  "Ten days if nothing else goes wrong.",
                  "What was daily life like inside the plant?",
                  "Strange and disciplined. We walked the same routes every day.",
                  "Will the truce hold?",
                  "If both sides keep their word. I have seen worse odds."]
    assert set(speakers(paragraphs, "interview")) == {"Jana Sample Roe"}


def test_a_one_word_label_that_opens_the_introductions_one_full_name_is_that_name() -> None:
    paragraphs = ["'We kept the kettle on': Leota on three days of talks",
                  "By Ana Example",
                  "Samoa Example Herald, Apia",
                  "The Associate Minister, Leota Tavita Sample, helped host the talks. He spoke to the Herald by phone.",
                  "Samoa Example Herald: Minister, how are you feeling?",
                  "Leota: Tired, and very grateful. I watched the pictures from the border.",
                  "Samoa Example Herald: What exactly was your role?",
                  "Leota: We were not mediators in the formal sense. We listened."]
    assert set(speakers(paragraphs, "interview")) == {"Leota Tavita Sample"}


def test_a_line_of_an_outlets_name_and_a_place_is_no_interviewee() -> None:
    paragraphs = ["Inside the room: the diplomat who kept the talks going",
                  "Example Review, Wellington",
                  "By Jane Sample",
                  "Jan Roe has spent 28 years at the ministry. We spoke in his office the day after the exchange.",
                  "Q: How did the country end up hosting this?",
                  "A: Both parties wanted somewhere far from the war.",
                  "Q: What does a facilitator actually do?",
                  "A: Mostly logistics and patience."]
    assert set(speakers(paragraphs, "interview")) == {"Jan Roe"}


def test_a_dash_attribution_told_the_correspondent_of_an_outlet_ends_the_quote() -> None:
    paragraphs = ["Deputy Minister Jan Sample assessed the progress cautiously.",
                  "— There is movement, but it would be premature to talk about a result, — Mr. Sample told the "
                  "correspondent of Example Vestnik. — Our colleagues came with a list of demands, not with proposals."]
    assert [(q.text, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind == "dash"] == [
        ("There is movement, but it would be premature to talk about a result", "Jan Sample"),
        ("Our colleagues came with a list of demands, not with proposals.", "Jan Sample")]


def test_an_auxiliary_with_a_comma_after_a_speech_verb_does_not_stop_the_search() -> None:
    paragraphs = ["\"This is the line,\" Jan Roe said, pointing at a line that is, in fact, slightly faded."]
    assert speakers(paragraphs, "direct") == ["Jan Roe"]


def test_a_portfolio_between_a_title_and_its_holder_is_no_part_of_the_name() -> None:
    assert segment.names._clean_speaker("Vice Minister of Labour and Social Protection Jan Roe") == "Jan Roe"
    assert segment.names._clean_speaker("Deputy Minister of Agrarian Policy Jan Roe") == "Jan Roe"
    paragraphs = ["'Not a single pension has been lost'",
                  "Vice Minister of Labour and Social Protection Jan Roe was part of the delegation. He spoke to the Courier.",
                  "What did the closure change?", "Financially, nothing changed: payments went to their cards.",
                  "How many people are we talking about?", "About four thousand. I have met many of them myself.",
                  "What now?", "We reopen the crossing. I will be there myself.",
                  "And the queues?", "I expect them to be short, and I will count them."]
    assert set(speakers(paragraphs, "interview")) == {"Jan Roe"}


def test_a_caption_label_is_no_interviewee() -> None:
    paragraphs = ["'Not a single pension has been lost'",
                  "Vice Minister Jan Roe was part of the delegation at the talks. He spoke to the Courier.",
                  "Photo: Jan Roe. Photo by Tim Example",
                  "What did the closure change?",
                  "Financially, nothing changed: payments went to their cards every month.",
                  "How many people are we talking about?",
                  "About four thousand. I have met many of them myself.",
                  "What now?",
                  "We reopen the crossing. I will be there myself.",
                  "And the queues?",
                  "I expect them to be short, and I will count them."]
    assert set(speakers(paragraphs, "interview")) == {"Jan Roe"}
    assert not segment.names._person("Photo") and not segment.names._person("Share")


def test_plain_questions_over_first_person_answers_mostly_in_step_are_an_interview() -> None:
    paragraphs = ["'The money follows the patients'",
                  "Jan Roe, director general of the Example Fund, explains the pledge for hospitals",
                  "By Jane Sample, Example City",
                  "Why generators, and why now?",
                  "Because it is January. I have seen what a winter without power does.",
                  "How did the pledge come about?",
                  "I called the hospitals myself. They told me what they lacked.",
                  "We bought what they asked for, nothing else.",
                  "Who decides where the money goes?",
                  "I do, with the doctors. We meet every week.",
                  "Read more: Example Fund opens new office",
                  "Is there a risk of corruption?",
                  "There is always a risk. I keep the receipts on my desk.",
                  "What comes next?",
                  "Spring. I hope we will be building by then."]
    turns = [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind in ("interview", "question")]
    assert ("question", "interviewer") in turns and {s for k, s in turns if k == "interview"} == {"Jan Roe"}
    assert sum(k == "question" for k, _ in turns) == 5


def test_the_person_who_speaks_to_the_outlet_as_she_is_the_interviewee_on_a_tie() -> None:
    intro = ["Talks: a safety net for Mindelo Bay's fishermen",
             "The head of the institute explains why the capital wants to coordinate sea rescues",
             "By Tim Sample",
             "Jane Roe, president of the Maritime Institute, led the technical work. She spoke to Example Daily on Friday."]
    assert _interviewee(intro) == "Jane Roe"
    # (a sentence that opens with a role, not a name, makes no one the interviewee: "The President of X, Example
    # Prize laureate, ... He spoke to ...")
    assert _interviewee(["Jan Roe: 'Peace is made by tired people'",
                         "The President of Example, Example Peace Prize laureate in 1996, followed the talks. "
                         "He spoke to Example Daily by video call."]) == "Jan Roe"


def test_a_continent_or_world_region_is_no_person() -> None:
    assert not segment.names._person("West Africa") and not segment.names._person("Central Asia")
    assert segment.names._person("Jane Roe")


def test_a_dashed_question_that_calls_the_interviewee_by_name_picks_them() -> None:
    paragraphs = ["Port waits for the divers",
                  "Deputy Minister Roe: \"The first lift will be in July\"",
                  "The cranes have stood still since January. Jane Sample, director of the port, walked along the quay.",
                  "\"Six wrecks. That is our whole problem,\" Sample said.",
                  "Sample said she had not expected the port in the first phase.",
                  "Deputy Minister Jan Roe came to the port the day after the signing. We spoke to him on the quay.",
                  "– Mr Roe, the port was not in the first phase of the draft. How did it get there?",
                  "– We argued for two days. In the end the chair accepted it.",
                  "– When will the first barge be lifted?",
                  "– In July. The crane comes to us after the other lifts.",
                  "– Who pays?",
                  "– The joint fund pays most of it. The rest is ours.",
                  "– People say they have heard promises before.",
                  "– They are right to be sceptical. I would be too.",
                  "– Will the traffic return by the autumn?",
                  "– Traffic returns when the insurers return.",
                  "Photo: Jan Roe and Jane Sample on the quay."]
    assert set(speakers(paragraphs, "interview")) == {"Jan Roe"}


def test_two_guests_initials_each_stand_for_their_own_name() -> None:
    paragraphs = ["Two views from the talks",
                  "Jan Roe, 52, an engineer, and Tom Sample, 44, a pilot, sat down with the Post.",
                  "JE: Mr Roe, what exactly will you share?",
                  "JR: Bearings, recordings and the time of each event.",
                  "JE: Mr Sample, have you experienced jamming yourself?",
                  "TS: Twice, both times near the coast at night.",
                  "JE: How long did it last?",
                  "TS: About four minutes the first time.",
                  "JE: Will the data be trusted?",
                  "JR: Data is trusted when people can check it.",
                  "Jane Example is the Post's correspondent."]
    turns = [(q.text, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind == "interview"]
    assert dict(turns) == {"Bearings, recordings and the time of each event.": "Jan Roe",
                           "Twice, both times near the coast at night.": "Tom Sample",
                           "About four minutes the first time.": "Tom Sample",
                           "Data is trusted when people can check it.": "Jan Roe"}


def test_a_dash_answer_continued_without_its_dash_is_the_same_answer() -> None:
    paragraphs = ["The director who keeps the suitcases ready",
                  "Jan Roe has run the children's home since 2019. We talked with him on Friday.",
                  "— How many children are still here?",
                  "— Fifty-eight, the same as on the first day.",
                  "— The minister says the first could leave in June. Are you ready?",
                  "— We are ready. The question is whether the documents will be.",
                  "The ministry has promised us the certificates by the end of June.",
                  "— How many of them have spoken to a relative?",
                  "— Forty-four, most of them by video."]
    turns = [(q.text, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind == "interview"]
    assert ("The ministry has promised us the certificates by the end of June.", "Jan Roe") in turns


def test_the_closing_thanks_after_an_unlabelled_interview_are_turns() -> None:
    paragraphs = ["Jane Roe: 'A name is where the search begins'",
                  "For three years the head of the tracing service has searched for relatives. She answered our questions.",
                  "Interview by Tim Sample",
                  "How many children are we talking about?", "Three hundred and eighteen, from four homes.",
                  "And for how many have you found relatives?", "For 212 we have at least one living relative.",
                  "What does a search look like?", "It starts with a name and a date of birth.",
                  "A name is where the search begins. It is rarely where it ends.",
                  "Does the round change anything?", "It changes the tempo. I am glad of it.",
                  "What will you do after the talks?", "Go back to the archive. There are files on my desk.",
                  "Thank you for the conversation.", "Thank you.",
                  "Read more: The list"]
    turns = [(q.text, q.kind, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind in ("interview", "question")]
    assert turns[-2:] == [("Thank you for the conversation.", "question", "interviewer"), ("Thank you.", "interview", "Jane Roe")]


def test_whom_the_outlet_spoke_to_as_her_is_the_paragraphs_first_person_over_one_named_more_often() -> None:
    intro = ["Envoy on the talks: 'We are not a venue, we are a party'",
             "By Tim Example",
             "At the port, the cranes stand idle. Dock foreman Jan Sample said ships had become rare.",
             "\"When I started, we had a ship every two weeks,\" Sample said.",
             "The woman running the talks is Jane Roe, a former ambassador, with Tom Other of the ministry. "
             "We spoke to her on Wednesday evening, between sessions."]
    assert _interviewee(intro) == "Jane Roe"


def test_whoever_answered_a_number_of_questions_is_the_interviewee() -> None:
    intro = ["Watching the tankers",
             "By Tim Example",
             "\"That one is forty-one years old,\" says Jan Sample, the patrol boat's commander.",
             "Sample is careful not to oversell the register. \"We are not going to stop anyone.\"",
             "Estonia's negotiator Jane Roe, who has described the register as \"a phone book, not a navy\", answered "
             "three questions from Example Weekly after the talks ended."]
    assert _interviewee(intro) == "Jane Roe"


def test_a_presenter_named_before_a_full_stop_asks_in_the_transcript() -> None:
    paragraphs = ["Transcript: 'Morning Show' on the talks",
                  "Radio Example 98.4 FM, Kampala. Broadcast Wednesday, 07:30. Presenter: Jane Roe. With Dr Tom Sample, "
                  "head of research at the Example Institute, on the line from London.",
                  "JANE ROE: Good morning. The talks are in their third day. Tim, how is the mood?",
                  "TIM OTHER: Good morning, Jane. Day three, and the mood is tense.",
                  "ANNA EXAMPLE (INTERPRETED): Our position is simple. Our producers must be paid.",
                  "ROE: Tim, thank you. Let me bring in Dr Tom Sample. Will this make fertiliser cheaper?",
                  "TOM SAMPLE: Eventually, yes, but not this season. You need inspections and ships.",
                  "The other thing to understand is that the region buys through the Gulf.",
                  "ROE: Some people call the idea a loophole. Is it?",
                  "SAMPLE: It is a workaround for nervous banks.",
                  "ROE: Doctor, a final word?",
                  "SAMPLE: Keep your receipts."]
    turns = {q.text: (q.kind, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind in ("interview", "question")}
    assert turns["Some people call the idea a loophole. Is it?"][0] == "question"
    assert turns["The other thing to understand is that the region buys through the Gulf."] == ("interview", "Tom Sample")


def test_whom_the_outlet_spoke_to_by_a_role_in_apposition_is_the_interviewee() -> None:
    intro = ["'We can fix a cable in five weeks': Example Cable chief on the talks",
             "By Tim Sample | Harbour Review",
             "Two of Example Cable Services' repair ships have been waiting since September. If the delegations agree, "
             "they will be the first to sail. We spoke to Example Cable's managing director, Jane Roe, at the company's "
             "offices. The interview has been edited for length."]
    assert _interviewee(intro) == "Jane Roe"
    assert _interviewee(["The museums", "Tom Other has heard such assurances before. Other keeps a folder.",
                         "Washington has offered satellite imagery. We asked the State Department's adviser on cultural "
                         "property, Jane Roe, three questions."]) == "Jane Roe"


def test_a_broadcasts_host_is_the_label_that_opens_it_and_asks_every_question() -> None:
    paragraphs = ["Transcript: the diplomat who chaired the talks",
                  "Radio Northwind, \"Morning Edition\". This is a transcript of a live programme.",
                  "JANE ROE: The delegations agreed last night. Our correspondent Tom Other was there. Tom, how was it?",
                  "TOM OTHER: Tired, Jane, and quite emotional. Here is the head of one delegation, Ann Kovacs.",
                  "ANN KOVACS (interpreted): Today we did not argue about who is right.",
                  "ROE: With me in the studio is the woman who chaired the talks, Eva Sample. Good morning.",
                  "EVA SAMPLE: Good morning. I came straight from the airport.",
                  "ROE: How close did this come to failing?",
                  "SAMPLE: Closer than people think. We had a text that neither side would sign.",
                  "ROE: Critics say the laboratory will only identify the dead already returned.",
                  "SAMPLE: That is true, and it is not nothing.",
                  "ROE: Will there be another round?",
                  "SAMPLE: I hope so.",
                  "ROE: Eva Sample, thank you.",
                  "SAMPLE: Thank you."]
    turns = {q.text: (q.kind, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind in ("interview", "question")}
    assert turns["How close did this come to failing?"][0] == "question"
    assert turns["Closer than people think. We had a text that neither side would sign."] == ("interview", "Eva Sample")
    assert turns["Tired, Jane, and quite emotional. Here is the head of one delegation, Ann Kovacs."][0] == "interview"


def test_a_question_from_the_floor_is_the_interviewers() -> None:
    paragraphs = ["Monday, 14:10", "Jan Roe, the head of the delegation, spoke briefly to journalists. A partial transcript:",
                  "Question from the floor: Will your side agree to send the data?",
                  "Roe: We are discussing it. We are not against a neutral laboratory.",
                  "Question from the floor: And the lists of burial sites?",
                  "Roe: Everything in its time."]
    turns = [(q.text, q.kind, q.speaker) for q in segment.find_quotes(paragraphs) if q.kind in ("interview", "question")]
    assert ("Will your side agree to send the data?", "question", "Question from the floor") in turns
    assert ("Everything in its time.", "interview", "Jan Roe") in turns


def test_a_dash_interview_under_a_photo_line_names_whom_the_outlet_asked() -> None:
    paragraphs = ["The boy who does not exist on paper",
                  "By Tim Example",
                  "Photo: Jan Sample at the library of the college. Photo by Tom Other",
                  "Jan Sample finished school in the occupied town in 2023. He now lives in the city.",
                  "\"I have eleven years of school in my head and nothing in my hands,\" Sample said.",
                  "His mother, Eva Sample, said the family had left every document behind. \"Who thinks about diplomas?\"",
                  "This week's agreement could change that. The Example Herald asked Jane Roe, a senior aide to the "
                  "commissioner, what it means for families like the Samples.",
                  "— Who can apply, and where?",
                  "— Any family whose child studied in a school on the other side of the line.",
                  "— Will his transcript say so?",
                  "— It will list subjects, years and grades.",
                  "— How long will it take?",
                  "— For school leavers we are pushing for June."]
    assert set(speakers(paragraphs, "interview")) == {"Jane Roe"}


def test_whom_the_outlet_put_its_questions_to_is_the_interviewee() -> None:
    intro = ["The long wait for a transcript",
             "Anna Sample has filled in the form. Sample wants to study architecture.",
             "\"I draw it so I do not forget it,\" Sample said.",
             "What families need to know",
             "The Example Review put readers' most frequent questions to Jane Roe, spokeswoman for the ministry."]
    assert _interviewee(intro) == "Jane Roe"


def test_quotes_in_bullets_after_a_colon_are_the_speaker_the_colon_line_names() -> None:
    paragraphs = ["10:05", "Talks open",
                  "The special envoy Jane Roe opened the session with a short address, which her office shared:",
                  "• \"Every day of delay is measured in infections, in amputations, in lives.\"",
                  "• \"Our country has no side in this war. Our only side is the patient.\""]
    found = [(q.text, q.speaker, q.kind) for q in segment.find_quotes(paragraphs)]
    assert found == [("Every day of delay is measured in infections, in amputations, in lives.", "Jane Roe", "direct"),
                     ("Our country has no side in this war. Our only side is the patient.", "Jane Roe", "direct")]


def test_whoever_spoke_to_the_outlet_is_the_interviewee_not_one_named_more_often() -> None:
    intro = ["The pumping station", "By Tim Example",
             "Tom Sample checks the crane. \"We have practised the whole job,\" Sample said. Sample has waited a month.",
             "Sample's boss, the Swiss hydraulic engineer Jane Roe, spoke to the Herald between meetings."]
    assert _interviewee(intro) == "Jane Roe"
    assert _interviewee(["A captain waits", "\"They have been the quietest neighbours,\" said Tom Sample, the harbour master.",
                         "Sample said the port had received no instructions.",
                         "The ship's master, Captain Jan Roe, 58, agreed to speak to the Example Herald on deck."]) == "Jan Roe"
    # (not when a new subject speaks: "Two days after ..., she spoke to the Courier" is about "she", not "Two")
    assert _interviewee(["Jane Roe has been mayor for six years.",
                         "Two days after the deal, she spoke to the Riverside Courier from her office."]) == "Jane Roe"


def test_initials_with_a_particles_small_letter_stand_for_the_name() -> None:
    paragraphs = ["The archivist", "Pieter van Dam chairs the working group on libraries. We reached him by video.",
                  "Example Weekly: What does the protocol mean?",
                  "Pieter van Dam: It means my group does not decide who owns a book.",
                  "Example Weekly: How many books are damaged?",
                  "PvD: Nobody knows exactly, and I distrust anybody who gives you a number.",
                  "Example Weekly: And the Russian libraries?",
                  "PvD: They are in a different basket."]
    assert set(speakers(paragraphs, "interview")) == {"Pieter van Dam"}


def test_the_first_of_two_surnames_as_a_label_is_the_full_name() -> None:
    paragraphs = ["The chair: how Example's Marisol Quintero Vega kept the talks in the room",
                  "At three in the morning, Marisol Quintero Vega walked to the microphone and read four sentences.",
                  "Quintero, 49, a career diplomat, says the idea came from the ships themselves.",
                  "The Example Review spoke to Quintero in her office on Friday.",
                  "Example Review: When did you know there would be a text?",
                  "Quintero: Wednesday night, around eleven.",
                  "Example Review: Is the door open?",
                  "Quintero: It is a fact. The door is open."]
    # (the name as the headline gives it may keep its "Example's")
    assert {" ".join(s.split()[-3:]) for s in speakers(paragraphs, "interview")} == {"Marisol Quintero Vega"}
