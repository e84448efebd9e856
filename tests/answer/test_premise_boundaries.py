"""Where a false premise starts and a use case, a lookup or a not-covered answer begins
(issue 15): a premise word that describes someone else is no belief; beliefs stated in new words
are still corrected first; questions on what a named law asks of us are lookups."""

from __future__ import annotations

import re

import pytest

from agent.answer.understand import understand


def _lead(text: str) -> str:
    return re.split(r"(?<=[.!?。])\s*", text.strip(), maxsplit=1)[0]


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        # A participle on people or on a thing that is not the AI: an attribute, not a duty.
        (
            "We run a job site for registered job seekers and want an AI to suggest openings "
            "to them. What rules apply to us?",
            "registration",
        ),
        (
            "What do we need to check before our AI matches licensed pharmacists to shifts?",
            "licence",
        ),
        # A licence bought or sold between businesses is a contract, not a state licence.
        (
            "Our pharma company wants to train a model on journal articles; a publisher that "
            "sells a text-mining licence offered us a deal. What should we check in Japan?",
            "licence",
        ),
        (
            "We fine-tune an open-weights model under its licence terms. What applies to us?",
            "licence",
        ),
        (
            "登録している求職者にAIで求人をおすすめする転職サイトを運営しています。"
            "日本ではどんなルールに気をつければいいですか？",
            "registration",
        ),
        (
            "出版社からテキストマイニング用のライセンスを購入した論文でAIモデルを学習させる予定です。"
            "何を確認すべきですか？",
            "licence",
        ),
    ],
)
def test_a_premise_word_describing_someone_else_is_no_belief(question: str, premise: str) -> None:
    query = understand(question)
    assert premise not in query.parts[0].premises, query
    assert query.route != "premise", query


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        (
            "We run a job site. Do we need to register our AI matching tool with the government?",
            "registration",
        ),
        ("Where do we register our recruitment AI in Japan?", "registration"),
        ("Which agency licenses AI chatbots in Japan?", "licence"),
        ("Do we need a licence before we launch our AI diagnosis app?", "licence"),
        (
            "AIシステムは国に登録しないといけないそうですが、どこに申請すればいいですか？",
            "registration",
        ),
    ],
)
def test_a_registration_or_licence_of_the_ai_is_still_a_belief(question: str, premise: str) -> None:
    assert premise in understand(question).parts[0].premises


def test_a_contraction_is_not_corrected_into_another_word() -> None:
    from agent.answer.reader import default_reader

    speller = default_reader().speller
    assert speller.correct("Japan still hasn't passed any AI law") == (
        "Japan still hasn't passed any AI law"
    )
    assert speller.correct("it wasn’t banned") == "it wasn’t banned"


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        # All responsibility placed on the developer: each role has its own expectations.
        (
            "We only deploy a vendor's AI, so under the guidelines all responsibility sits with "
            "the developer, right?",
            "only_developers",
        ),
        (
            "うちはベンダーのAIを使っているだけなので、責任は全部開発者にあるんですよね？",
            "only_developers",
        ),
        # Japan said to have taken over the EU's law.
        ("Japan basically transposed the EU AI Act, so what changes for us?", "eu_copy"),
        ("Since Japan adopted the EU AI Act, which risk class is our chatbot?", "eu_copy"),
        ("日本はEUのAI法をそのまま取り入れたので、同じ書類で大丈夫ですよね？", "eu_copy"),
        # No AI law passed: the AI Promotion Act was.
        ("Japan still hasn't passed any AI law, right?", "no_regulation"),
        ("日本ではまだAIの法律は成立していないんですよね？", "no_regulation"),
        # A crime made by the AI law itself.
        ("Does Japan's AI Promotion Act make any misuse of AI a criminal offence?", "ai_fines"),
        ("AI推進法では、AIを悪用すること自体が犯罪になるのですか？", "ai_fines"),
    ],
)
def test_a_belief_in_new_words_is_corrected_first(question: str, premise: str) -> None:
    query = understand(question)
    assert premise in query.parts[0].premises, query
    assert query.route == "premise", query


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "We only deploy a vendor's AI, so all responsibility sits with the developer, right?",
            "No",
        ),
        ("Japan basically transposed the EU AI Act, so what changes for us?", "No"),
        ("Does Japan's AI Promotion Act make any misuse of AI a criminal offence?", "No"),
        ("Japan still hasn't passed any AI law, right?", "AI Promotion Act"),
    ],
)
def test_the_correction_leads(offline, question: str, lead: str) -> None:  # type: ignore[no-untyped-def]
    answer = offline(question)
    assert lead in answer.answer[:120], answer.answer  # the first sentence, 'No.' and what holds


def test_an_answer_led_by_where_the_rule_base_stops_is_a_not_covered_answer(offline) -> None:  # type: ignore[no-untyped-def]
    question = "What rules cover hospitals using AI in Japan?"
    assert understand(question).route == "not_covered"
    answer = offline(question)
    assert answer.route == "not_covered"
    assert answer.answer.startswith("Not covered by Shirube"), answer.answer
    # A law named that the rule base lacks is still said by name.
    named = offline("Does the Medical Practitioners' Act allow an AI to diagnose patients?")
    assert named.route == "not_covered"
    assert "Medical Practitioners' Act" in _lead(named.answer), named.answer


@pytest.mark.parametrize(
    "question",
    [
        "Under the APPI, what do we have to tell people when we start collecting their data for "
        "a new AI feature?",
        "can we send customer data to a US AI vendor's servers under the APPI or do we need "
        "consent first",
        # No statute named, but a concept only the APPI's facts speak of (a leak).
        "if customer data leaks through that AI service, do we have to report it?",
    ],
)
def test_what_a_named_statute_asks_of_us_is_a_lookup(question: str) -> None:
    query = understand(question)
    assert query.use_case is None, query
    assert query.route == "lookup", query


def test_a_use_case_whose_description_touches_a_statute_stays_a_use_case() -> None:
    # The statute's concept (medical records: sensitive data) is in the use described, and the
    # question asked is what applies.
    query = understand(
        "Our clinic wants a chatbot that triages patients using their medical records. "
        "What do we need to check in Japan?"
    )
    assert query.route == "use_case", query


def test_a_leak_reported_under_the_appi_leads(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("if customer data leaks through that AI service, do we have to report it?")
    assert answer.route == "lookup"
    assert "Article 26" in answer.answer[:200], answer.answer


def test_the_medical_practitioners_act_is_named_not_read_as_the_medical_care_act() -> None:
    for question in (
        "医師法ではAIによる診断は認められていますか？",
        "AIが診断をしても医師法上問題ありませんか？",
    ):
        query = understand(question)
        assert query.route == "not_covered", query
        assert "medical_practitioners_act" in query.parts[0].entities, query
        assert "medical_care_act" not in query.parts[0].entities, query


@pytest.mark.parametrize(
    "question",
    [
        "Japan adopted its AI law in 2025, a year after the EU. What does it require?",
        "When did Japan enact its AI law compared with the EU?",
    ],
)
def test_a_law_passed_beside_the_eu_is_no_belief_that_japan_copied_it(question: str) -> None:
    assert "eu_copy" not in understand(question).parts[0].premises


@pytest.mark.parametrize(
    "question",
    [
        # A belief's bare word in a sentence that only describes the use asked about.
        "Our app uses AI to flag prohibited content in user posts. What rules apply to us?",
        "We use AI to screen athletes' samples for banned substances. What do we need to know?",
        "Our AI registers incoming invoices automatically in our accounting system. Any rules we "
        "should know?",
        "We certify organic farms and want an AI to review applications. What applies to us?",
        "Our AI labels products in photos for an online shop. What do we need to check in Japan?",
        "当社は禁止薬物の検査にAIを使いたいです。どんなルールがありますか？",
        "許可を得た薬局としてAIで服薬指導を補助したいのですが、注意点は？",
        # 'high-risk' or a risk level said of what the AI works on, not of the AI.
        "We build an AI that detects high-risk transactions for banks. What rules apply?",
        "Our insurer uses AI to classify claims by risk level. What applies to us?",
    ],
)
def test_a_bare_word_describing_the_use_is_no_belief(question: str) -> None:
    query = understand(question)
    assert query.parts[0].premises == [], query
    assert query.route == "use_case", query


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        # Said of the law, as a duty, or given for the question: still believed.
        ("Our HR tool is high-risk under Japan's AI Act. What do we need to do?", "risk_tier"),
        ("Our HR tool is high-risk. So what do we need to do?", "risk_tier"),
        ("We must register our chatbot with the government. Which form do we use?", "registration"),
        ("We built a high-risk AI system for hiring. What obligations apply?", "risk_tier"),
        (
            "当社の採用AIは日本の法律でハイリスクに分類されるので、追加でどんな義務がありますか？",
            "risk_tier",
        ),
    ],
)
def test_a_belief_said_of_the_law_or_as_a_duty_in_the_description_holds(
    question: str, premise: str
) -> None:
    assert premise in understand(question).parts[0].premises


def test_the_plural_of_a_word_kept_as_typed_is_kept() -> None:
    from agent.answer.reader import default_reader

    assert default_reader().speller.correct("Deployers have duties") == "Deployers have duties"


@pytest.mark.parametrize(
    "question",
    [
        "We're only a deployer, so the vendor is liable for everything under Japan's guidelines, "
        "right?",
        "Deployers have no duties under the AI Guidelines for Business, do they?",
        "Since we merely use ChatGPT, the AI guidelines don't apply to us, right?",
    ],
)
def test_responsibility_left_with_the_developer_is_a_belief(question: str) -> None:
    assert "only_developers" in understand(question).parts[0].premises


def test_asking_who_is_responsible_believes_nothing() -> None:
    question = "Who is responsible under the guidelines, the developer or us as deployer?"
    assert understand(question).parts[0].premises == []


@pytest.mark.parametrize(
    "question",
    [
        "What's needed for type approval of a self-driving car system in Japan?",
        "レベル4の無人運転バスを日本で走らせるには、どんな許可が必要ですか？",
    ],
)
def test_a_permit_a_binding_statute_requires_of_the_use_is_no_false_belief(question: str) -> None:
    # The Road Traffic Act's Level 4 permit answers it, not the AI regime's 'no AI licence'.
    query = understand(question)
    assert query.route != "premise", query


def test_a_licence_for_ai_as_such_is_still_corrected() -> None:
    assert understand("Which agency licenses AI chatbots in Japan?").route == "premise"
    assert understand("Do banks need a licence to use AI for credit scoring?").route == "premise"


@pytest.mark.parametrize(
    "question",
    [
        "There's no AI law that bans facial recognition in Japan, right?",
        "顔認識を禁止するAIの法律は日本にはないですよね？",
    ],
)
def test_no_ai_law_that_does_one_thing_is_no_belief_that_japan_has_none(question: str) -> None:
    assert "no_regulation" not in understand(question).parts[0].premises


def test_whether_a_named_law_binds_us_is_a_lookup_even_beside_our_use() -> None:
    query = understand(
        "our saas tool uses an llm, do we legally have to follow the ai guidelines for business"
    )
    assert query.use_case is None, query
    assert query.route == "lookup", query
