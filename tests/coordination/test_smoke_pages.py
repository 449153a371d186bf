"""Every page of requests and documents renders for the people who may see it."""

from django.urls import reverse

from coordination.services import requests as request_services


def test_pages_render(client_for, sent_request, bcsd_staff, du_staff, du_leader, pdf_file):
    request_services.request_acknowledge(by=du_staff, request=sent_request, officers=[du_staff])
    link = request_services.request_add_new_document(by=du_staff, request=sent_request, doc_type="CV",
                                             summary="V/v phối hợp", file=pdf_file())
    doc = link.document
    assert doc.number_symbol == "Số 1-CV/ĐU"
    client = client_for(du_staff)
    for url in [
        reverse("home"), reverse("coordination:request_list"), reverse("coordination:inbox"),
        reverse("coordination:request_detail", args=[sent_request.pk]),
        reverse("coordination:request_history", args=[sent_request.pk]),
        reverse("coordination:document_detail", args=[doc.pk]),
        reverse("coordination:document_history", args=[doc.pk]),
        reverse("coordination:document_list"),
        reverse("coordination:request_create"),
        reverse("coordination:request_attach", args=[sent_request.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.get(reverse("coordination:document_download", args=[doc.pk, 1]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert client_for(du_leader).get(reverse("coordination:dashboard")).status_code == 200
