from django.urls import path

from .views import amendments, reading, terms

app_name = "regulation"

urlpatterns = [
    path("", reading.index, name="index"),
    path("tim-kiem/", reading.search, name="search"),
    path("dieu-<int:number>/", reading.article_in_force, name="article_in_force"),
    path("nhap-tu-word/", terms.import_docx, name="import"),
    path("nhap-tu-word/<int:pk>/", terms.import_result, name="import_result"),
    path("<int:pk>/", reading.regulation_detail, name="detail"),
    path("<int:pk>/dieu-<str:key>/", reading.article_detail, name="article"),
    path("<int:pk>/dieu-<str:key>/sua/", terms.draft_article_edit, name="draft_article_edit"),
    path("<int:pk>/phien-ban/", reading.versions, name="versions"),
    path("<int:pk>/phien-ban/<int:number>/", reading.regulation_detail, name="version"),
    path("<int:pk>/so-sanh/", reading.compare_versions, name="compare"),
    path("<int:pk>/sua-doi/", amendments.amendment_list, name="amendment_list"),
    path("<int:pk>/sua-doi/moi/", amendments.amendment_create, name="amendment_create"),
    path("<int:pk>/nhiem-ky-moi/", terms.renew, name="renew"),
    path("<int:pk>/sua/", terms.draft_edit, name="draft_edit"),
    path("<int:pk>/them-dieu/", terms.draft_article_add, name="draft_article_add"),
    path("<int:pk>/dieu-<str:key>/xoa/", terms.draft_article_remove, name="draft_article_remove"),
    path("<int:pk>/trinh-duyet/", terms.draft_submit, name="draft_submit"),
    path("<int:pk>/phe-duyet/", terms.draft_decide, {"action": "approve"}, name="draft_approve"),
    path("<int:pk>/tra-lai/", terms.draft_decide, {"action": "return"}, name="draft_return"),
    path("sua-doi/<int:pk>/", amendments.amendment_detail, name="amendment"),
    path("sua-doi/<int:pk>/sua/", amendments.amendment_edit, name="amendment_edit"),
    path("sua-doi/<int:pk>/xem-truoc/", amendments.amendment_preview, name="amendment_preview"),
    path("sua-doi/<int:pk>/thay-doi/", amendments.change_add, name="change_add"),
    path("sua-doi/<int:pk>/thay-doi/<int:change_pk>/xoa/", amendments.change_remove, name="change_remove"),
    path("sua-doi/<int:pk>/trinh-duyet/", amendments.amendment_submit, name="amendment_submit"),
    path("sua-doi/<int:pk>/phe-duyet/", amendments.amendment_decide, {"action": "approve"}, name="amendment_approve"),
    path("sua-doi/<int:pk>/tra-lai/", amendments.amendment_decide, {"action": "return"}, name="amendment_return"),
]
