"""Readings that decide a layer (issue 15): a health AI's purpose decides the PMD Act layer
(diagnosing, spotting disease or proposing a treatment is a medical purpose; drafting letters
from records is not), and business customers do not make an assistant consumer-facing."""

from __future__ import annotations

import pytest

from agent.use_case import read_use_case


@pytest.mark.parametrize(
    "question",
    [
        "Our clinic wants AI that flags possible tumours on CT scans. What applies?",
        "We want an AI to recommend treatment plans for cancer patients. What rules apply?",
        "当院では、AIで胸部レントゲン画像から病気の可能性を示すシステムを使いたいです。問題ありませんか？",
    ],
)
def test_a_diagnostic_or_treatment_purpose_is_read(question: str) -> None:
    assert read_use_case(question).profile.medical_purpose


@pytest.mark.parametrize(
    "question",
    [
        "We run dental clinics and want an AI that drafts patient follow-up letters. What applies?",
        "Our hospital wants AI to schedule nurses' shifts. Which rules apply?",
    ],
)
def test_care_work_without_that_purpose_is_not(question: str) -> None:
    assert not read_use_case(question).profile.medical_purpose


def test_an_assistant_for_business_customers_is_not_consumer_facing() -> None:
    reading = read_use_case(
        "We're a SaaS startup adding an AI writing assistant for our business customers."
        " Which Japanese laws apply to us?"
    )
    assert "consumers" not in reading.profile.customers
    assert reading.profile.offers_to_others
