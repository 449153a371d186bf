"""Every search box answers only with what the same user can read on the page.

A request for opinion is walked through every state; at each one, every user searches every box for
words written only in one part (title, content, response draft, opinion, comment, attached documents)
and a hit must be a word that user's page shows. Visible parts must still be found (the search works).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination.services import requests as request_services

from .conftest import PDF_BYTES

pytestmark = pytest.mark.django_db

USERS = ["bcsd_staff", "bcsd_leader", "du_staff", "du_leader", "reg_admin", "outsider"]


def _found(client, box, word):
    response = client.get(reverse(box), {"q": word})
    assert response.status_code == 200
    return bool(response.context["page"].object_list)


def _page_shows(client, url, word):
    response = client.get(url)
    return response.status_code == 200 and word in response.content.decode()


@pytest.fixture
def people(request):
    return {name: request.getfixturevalue(name) for name in USERS}


def _check(client_for, people, req, words, docs, state):
    """At this state: for each user, each word, each box, found implies shown; shown main text is found."""
    detail = reverse("coordination:request_detail", args=[req.pk])
    for name, user in people.items():
        client = client_for(user)
        for word in words:
            found = _found(client, "coordination:request_list", word)
            shown = _page_shows(client, detail, word)
            assert not found or shown, f"{state}: {name} finds the request by {word!r}, hidden on its page"
            if word in ("tieudexq", "noidungxq"):
                assert found is shown, f"{state}: {name} cannot find {word!r} although the page shows it"
        for word, document in docs.items():
            found = _found(client, "coordination:document_list", word)
            shown = _page_shows(client, reverse("coordination:document_detail", args=[document.pk]), word)
            assert found is shown, f"{state}: {name} document search by {word!r}: found {found}, shown {shown}"


def test_each_search_box_answers_only_with_what_the_page_shows_in_every_state(
        client_for, people, make_request, bcsd_staff, bcsd_leader, du_staff, du_leader):
    req = make_request(bcsd_staff, kind="opinion", title="Đề nghị tieudexq", content="Nội dung noidungxq")
    words = ["tieudexq", "noidungxq", "traloimot", "traloihai", "ykienxq", "binhluanxq"]
    docs = {}

    def attach(by, word):
        link = request_services.request_add_new_document(
            by=by, creq=req, doc_type="CV", summary=f"Văn bản {word}",
            file=SimpleUploadedFile(f"{word}.pdf", PDF_BYTES))
        docs[word] = link.document

    def check(state):
        req.refresh_from_db()
        _check(client_for, people, req, words, docs, state)

    attach(bcsd_staff, "vanbandenghi")
    request_services.comment_add(by=bcsd_staff, creq=req, body="Trao đổi binhluanxq")
    check("draft")
    request_services.request_submit(by=bcsd_staff, creq=req)
    check("awaiting approval")
    request_services.request_approve_send(by=bcsd_leader, creq=req)
    check("sent")
    request_services.request_acknowledge(by=du_staff, creq=req, officers=[du_staff], consulted_leaders=[du_leader])
    check("acknowledged, opinion asked")
    attach(du_staff, "vanbantraloi")
    request_services.opinion_give(by=du_leader, creq=req, content="Ý kiến ykienxq")
    check("opinion given")
    request_services.request_save_response(by=du_staff, creq=req, response_content="Dự thảo traloimot")
    check("response drafted")
    request_services.request_submit_response(by=du_staff, creq=req)
    check("response awaiting approval")
    request_services.request_return_response(by=du_leader, creq=req, comment="Sửa lại")
    check("response returned")
    request_services.request_submit_response(by=du_staff, creq=req)
    request_services.request_approve_response(by=du_leader, creq=req)
    check("answered")
    request_services.request_ask_more(by=bcsd_staff, creq=req, comment="Làm rõ thêm")
    request_services.request_save_response(by=du_staff, creq=req, response_content="Dự thảo traloihai")
    check("more asked, second draft")
    request_services.request_submit_response(by=du_staff, creq=req)
    request_services.request_approve_response(by=du_leader, creq=req)
    request_services.request_close(by=bcsd_staff, creq=req)
    check("closed")


def test_the_requesting_body_cannot_find_a_request_by_a_word_of_the_unapproved_draft(
        client_for, sent_request, bcsd_staff, bcsd_leader, du_staff, du_leader):
    request_services.request_acknowledge(by=du_staff, creq=sent_request, officers=[du_staff])
    request_services.request_save_response(by=du_staff, creq=sent_request, response_content="Phương án bimatdraft")
    for user in (bcsd_staff, bcsd_leader):
        assert not _found(client_for(user), "coordination:request_list", "bimatdraft")
        assert not _found(client_for(user), "coordination:request_list", "bimatdra")  # no prefix probing
    for user in (du_staff, du_leader):  # the requested body finds its own draft
        assert _found(client_for(user), "coordination:request_list", "bimatdraft")
    request_services.request_submit_response(by=du_staff, creq=sent_request)
    assert not _found(client_for(bcsd_staff), "coordination:request_list", "bimatdraft")
    request_services.request_approve_response(by=du_leader, creq=sent_request)
    assert _found(client_for(bcsd_staff), "coordination:request_list", "bimat draft")


def test_after_ask_more_the_new_draft_is_hidden_from_the_requesting_body_on_the_page_and_in_search(
        client_for, make_request, people):
    """An answered request sent back for more: the requested body's new draft is its own until approved."""
    from django.urls import reverse

    from coordination.permissions import can_view_response

    creq = make_request(people["bcsd_staff"], title="Hỏi thêm")
    for step, who, extra in [("request_submit", "bcsd_staff", {}), ("request_approve_send", "bcsd_leader", {}),
                             ("request_acknowledge", "du_staff", {"officers": [people["du_staff"]]}),
                             ("request_save_response", "du_staff", {"response_content": "bản trả lời đã duyệt"}),
                             ("request_submit_response", "du_staff", {}), ("request_approve_response", "du_leader", {}),
                             ("request_ask_more", "bcsd_staff", {"comment": "Đề nghị bổ sung"}),
                             ("request_save_response", "du_staff", {"response_content": "dự thảo bí mật mới"})]:
        creq.refresh_from_db()
        getattr(request_services, step)(by=people[who], creq=creq, **extra)
    creq.refresh_from_db()
    assert not can_view_response(people["bcsd_leader"], creq) and can_view_response(people["du_staff"], creq)
    page = client_for(people["bcsd_leader"]).get(reverse("coordination:request_detail", args=[creq.pk]))
    assert "dự thảo bí mật mới" not in page.content.decode()
    found = client_for(people["bcsd_leader"]).get(reverse("coordination:request_list"), {"q": "bí mật"})
    assert creq not in found.context["page"].object_list
    found = client_for(people["du_staff"]).get(reverse("coordination:request_list"), {"q": "bí mật"})
    assert creq in found.context["page"].object_list


def _answered_then_redrafted(make_request, people):
    creq = make_request(people["bcsd_staff"], title="Hỏi thêm")
    for step, who, extra in [("request_submit", "bcsd_staff", {}), ("request_approve_send", "bcsd_leader", {}),
                             ("request_acknowledge", "du_staff", {"officers": [people["du_staff"]]}),
                             ("request_save_response", "du_staff", {"response_content": "nháp đầu chưa duyệt"}),
                             ("request_save_response", "du_staff", {"response_content": "bản trả lời đã duyệt"}),
                             ("request_submit_response", "du_staff", {}), ("request_approve_response", "du_leader", {}),
                             ("request_ask_more", "bcsd_staff", {"comment": "Đề nghị bổ sung"}),
                             ("request_save_response", "du_staff", {"response_content": "dự thảo lần hai"})]:
        creq.refresh_from_db()
        getattr(request_services, step)(by=people[who], creq=creq, **extra)
    creq.refresh_from_db()
    return creq


def test_the_history_tab_never_shows_the_requesting_body_the_response_drafts(client_for, make_request, people):
    from django.urls import reverse

    creq = _answered_then_redrafted(make_request, people)
    request_services.request_save_response(by=people["du_staff"], creq=creq, response_content="bản lần hai đã duyệt")
    request_services.request_submit_response(by=people["du_staff"], creq=creq)
    request_services.request_approve_response(by=people["du_leader"], creq=creq)
    url = reverse("coordination:request_history", args=[creq.pk])
    requesting = client_for(people["bcsd_leader"]).get(url).content.decode()
    assert "nháp đầu chưa duyệt" not in requesting and "dự thảo lần hai" not in requesting
    requested = client_for(people["du_staff"]).get(url).content.decode()
    assert "nháp đầu chưa duyệt" in requested and "dự thảo lần hai" in requested


def test_withdrawn_during_the_redraft_the_request_keeps_the_approved_response(client_for, make_request, people):
    from django.urls import reverse

    creq = _answered_then_redrafted(make_request, people)
    request_services.request_withdraw(by=people["bcsd_leader"], creq=creq, comment="Không cần nữa")
    creq.refresh_from_db()
    assert creq.response_content == "bản trả lời đã duyệt"
    page = client_for(people["bcsd_staff"]).get(reverse("coordination:request_detail", args=[creq.pk]))
    assert "bản trả lời đã duyệt" in page.content.decode() and "dự thảo lần hai" not in page.content.decode()
    history = client_for(people["du_staff"]).get(reverse("coordination:request_history", args=[creq.pk]))
    assert "dự thảo lần hai" in history.content.decode()  # nothing lost: the requested body still has its draft
