"""A false belief stated as the background of a question ('Now that the law makes us…',
'Since METI enforces the AI Act…', '…と聞きました', '…ので') is heard and corrected first, as
one asked about directly is; a true, narrower picture (a ministry over one sector, no law on AI
training data) believes nothing."""

from __future__ import annotations

import pytest

from agent.answer.reader import default_reader
from agent.answer.understand import understand


def _premises(question: str, lang: str = "en") -> list[str]:
    return [p for part in understand(question, default_reader(lang)).parts for p in part.premises]


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        # 'no law on AI' is no AI law at all, not a narrower law on something else.
        ("Japan has no law on AI whatsoever, so we can do as we like, can't we?", "no_regulation"),
        # The law said to make one stamp a mark saying 'AI-generated'.
        (
            "Now that the law makes us stamp 'AI-generated' on any page where AI helped, must it"
            " go on every page?",
            "labelling_mandatory",
        ),
        # Being abroad given as the reason Japan's rules are not the asker's concern.
        (
            "We're a foreign company serving Japanese users from abroad, so Japan's privacy and"
            " AI rules aren't our concern, are they?",
            "foreign_exempt",
        ),
        # One body said to enforce the AI Act or supervise all AI.
        ("Since METI enforces the AI Act, what will it check?", "single_regulator"),
        ("Now that the Digital Agency supervises all AI in Japan, what now?", "single_regulator"),
    ],
)
def test_a_belief_given_as_background_is_heard(question: str, premise: str) -> None:
    assert premise in _premises(question)


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        ("AIの監督はデジタル庁に一元化されたと聞きました。監査はありますか", "single_regulator"),
        ("経済産業省がAI推進法を執行しているので、立入検査は来ますか", "single_regulator"),
    ],
)
def test_a_japanese_belief_given_as_background_is_heard(question: str, premise: str) -> None:
    assert premise in _premises(question, "ja")


@pytest.mark.parametrize(
    "question",
    [
        "Is there no law on AI training data?",
        "Which ministry regulates AI in healthcare?",
        "Which agency licenses AI models in Japan?",
    ],
)
def test_a_narrower_true_picture_is_no_single_regulator_or_lawless_japan(question: str) -> None:
    found = _premises(question)
    assert "no_regulation" not in found and "single_regulator" not in found


def test_the_appi_reach_abroad_corrects_the_foreign_exemption() -> None:
    """Asked of the APPI, the correction is the APPI's own reach abroad (Art. 171), not the AI
    Act's: a question on a statute is corrected only by a fact about it."""
    reader = default_reader()
    assert "appi_art171_extraterritorial" in reader.refuting("foreign_exempt", ["appi"])


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("The rules only apply to developers, so our bank can relax, can't it?", True),
        ("We're a US startup, so we can launch, can't we?", True),
        ("We will need a CAIO, won't we?", True),
        ("海外の事業者は対象外と聞いた。", True),
        ("We log outputs so that we can audit them.", False),
    ],
)
def test_a_tag_or_a_consequence_marks_a_claim_as_given(text: str, given: bool) -> None:
    from agent.answer.phrasebook import phrasebook

    assert (phrasebook().stated(text) is not None) == given


def test_a_claim_given_before_so_is_matched_against_the_beliefs() -> None:
    """'The rules only apply to developers, so our bank…': the claim no cue foresaw is one of
    only_developers' claims, read because 'so our' marks it as given."""
    assert "only_developers" in _premises("The rules only apply to developers, so our bank is fine")


def test_the_ai_act_said_to_be_the_eu_act_is_the_eu_copy_belief() -> None:
    assert "eu_copy" in _premises("The AI Act is basically the EU AI Act, so we can reuse our pack")


def test_a_denial_belief_is_refuted_by_what_there_is_not_by_a_warning_in_its_words() -> None:
    """'Japan has no AI law' is corrected by 'Japan has an AI Act…' or 'ordinary law still
    applies', not by a fact that repeats 'unregulated' to warn of the misreading."""
    from agent.answer.select import refuting

    reader = default_reader()
    (part,) = understand("Japan still hasn't passed any AI legislation, has it?", reader).parts
    assert part.premises == ["no_regulation"]
    lead = refuting(part, reader)[0]
    assert lead.id in {"japan_has_ai_act", "act_in_force", "existing_law_applies"}, lead.id


def test_a_denial_belief_hears_the_existing_law_beside_the_ai_act() -> None:
    """'Japan has no AI law' is answered by all there is: after the AI Act, the ordinary law that
    still applies, not a second fact on the same Act."""
    from agent.answer.select import refuting

    reader = default_reader()
    question = "As Japan hasn't passed any AI legislation yet, we're free to launch, aren't we?"
    (part,) = understand(question, reader).parts
    assert "existing_law_applies" in [f.id for f in refuting(part, reader)]


def test_run_from_abroad_is_the_foreign_exemption() -> None:
    question = "Our SaaS is run out of Germany, so the APPI doesn't bind us, right?"
    assert "foreign_exempt" in _premises(question)


def test_a_belief_held_of_a_body_is_refuted_by_the_regime_s_fact() -> None:
    """No fact on METI refutes 'one regulator'; the regime's does: a body holds no law of its
    own, so the belief held of it is corrected, not looked up in what METI publishes."""
    reader = default_reader("ja")
    question = "経産省がAIを一元的に監督しているそうですが、報告はどこに出せばいいですか"
    first = understand(question, reader).parts[0]
    assert first.premises == ["single_regulator"]
    assert first.route == "premise"


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("We heard the CAIO rule now applies to private firms too, so who?", True),
        ("I was told AI images need a watermark", True),
        ("I read that Japan bans deepfakes", True),
        ("We understand our obligations, what next?", False),
        ("I have read the guideline. What does it say on RAG?", False),
    ],
)
def test_hearsay_in_english_marks_a_claim_as_given(text: str, given: bool) -> None:
    from agent.answer.phrasebook import phrasebook

    assert (phrasebook().stated(text) is not None) == given


def test_the_ministries_caio_rule_said_to_reach_companies_is_the_caio_belief() -> None:
    question = "We heard the CAIO rule now applies to private firms too, so who should we appoint?"
    assert "caio_mandatory" in _premises(question)
