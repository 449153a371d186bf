"""Reading a regulation or an amendment is a guardian object permission granted by the services to the
issuing bodies' (party, role) groups, kept equal to what the state allows."""

import datetime
import importlib

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from guardian.shortcuts import assign_perm

from coordination.groups import group_name
from coordination.models import Membership, Party, Role
from regulation import permissions as perms
from regulation import services
from regulation.models import (
    Amendment,
    AmendmentGroupObjectPermission,
    ChangeKind,
    Regulation,
    RegulationGroupObjectPermission,
)
from regulation.selectors import visible_amendments, visible_regulations
from regulation.services.visibility import grant_regulation_readers

from .conftest import NEW_CLAUSE

EVERYONE = {"staff", "leader", "admin"}
FOLLOWERS = {"leader", "admin"}


def granted(obj):
    """{(party code, role)} of the groups that may read `obj`."""
    grants = RegulationGroupObjectPermission if isinstance(obj, Regulation) else AmendmentGroupObjectPermission
    names = grants.objects.filter(content_object=obj).values_list("group__name", flat=True)
    return {tuple(name.split(":")[1:]) for name in names}


def both(roles):
    return {(code, role) for code in ("BCSD", "DU") for role in roles}


def test_shipped_regulation_is_granted_to_every_group_of_both_bodies(regulation):
    assert granted(regulation) == both(EVERYONE)


def test_renewed_draft_is_granted_to_leaders_and_admins_then_to_everyone_once_adopted(
        regulation, reg_admin, bcsd_leader, du_leader, bcsd, du):
    draft = services.regulation_renew(by=reg_admin, regulation=regulation)
    assert granted(draft) == both(FOLLOWERS)
    services.regulation_submit_draft(by=reg_admin, regulation=draft)
    services.regulation_approve_adoption(by=bcsd_leader, regulation=draft, party=bcsd)
    assert granted(draft) == both(FOLLOWERS)
    services.regulation_approve_adoption(by=du_leader, regulation=draft, party=du)
    draft.refresh_from_db()
    regulation.refresh_from_db()
    assert draft.status == Regulation.Status.IN_FORCE
    assert regulation.status == Regulation.Status.SUPERSEDED
    assert granted(draft) == both(EVERYONE)
    assert granted(regulation) == both(EVERYONE)


def test_amendment_is_granted_to_followers_until_approved_then_to_staff_too(
        regulation, reg_admin, bcsd_leader, du_leader, bcsd, du, bcsd_staff, today):
    amendment = services.amendment_create(by=reg_admin, regulation=regulation, title="Sửa đổi", rationale="Lý do",
                                          proposed_effective_on=today)
    assert granted(amendment) == both(FOLLOWERS)
    services.amendment_add_change(by=reg_admin, amendment=amendment, kind=ChangeKind.REPLACE_CLAUSE,
                                  article_key="8", clause_number=3, body=NEW_CLAUSE)
    services.amendment_submit(by=reg_admin, amendment=amendment)
    services.amendment_approve(by=bcsd_leader, amendment=amendment, party=bcsd)
    assert granted(amendment) == both(FOLLOWERS)
    assert amendment not in visible_amendments(bcsd_staff)
    services.amendment_approve(by=du_leader, amendment=amendment, party=du)
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.IN_FORCE
    assert granted(amendment) == both(EVERYONE)
    assert list(visible_amendments(bcsd_staff)) == [amendment]


def test_a_grant_no_longer_due_is_taken_back(regulation, reg_admin, bcsd, bcsd_staff, client_for):
    draft = services.regulation_renew(by=reg_admin, regulation=regulation)
    assign_perm("regulation.view_regulation", Group.objects.get(name=group_name(bcsd, Role.STAFF)), draft)
    assert draft in visible_regulations(bcsd_staff)
    grant_regulation_readers(draft)
    assert granted(draft) == both(FOLLOWERS)
    assert draft not in visible_regulations(bcsd_staff)
    assert client_for(bcsd_staff).get(reverse("regulation:detail", args=[draft.pk])).status_code == 404


def test_an_ended_membership_no_longer_reads_the_regulation(regulation, bcsd_staff, client_for, today):
    url = reverse("regulation:detail", args=[regulation.pk])
    assert client_for(bcsd_staff).get(url).status_code == 200
    Membership.objects.filter(user=bcsd_staff).update(active_to=today)
    assert client_for(bcsd_staff).get(url).status_code == 404
    bcsd_staff.refresh_from_db()
    assert not perms.can_view_regulation(bcsd_staff, regulation)


def test_membership_not_yet_started_reads_nothing(regulation, make_member, bcsd, client_for, today):
    future = make_member("bcsd.future", (bcsd, Role.STAFF), active_from=today + datetime.timedelta(days=3))
    assert not perms.can_view_regulation(future, regulation)
    assert list(visible_regulations(future)) == []
    assert client_for(future).get(reverse("regulation:detail", args=[regulation.pk])).status_code == 404


def test_superuser_without_membership_reads_nothing(regulation, django_user_model, client_for):
    root = django_user_model.objects.create_superuser(username="root", password="x-test-password-1")
    assert list(visible_regulations(root)) == []
    assert client_for(root).get(reverse("regulation:detail", args=[regulation.pk])).status_code == 404


def test_grants_of_another_body_give_nothing(regulation, reg_admin, make_member, client_for):
    other = Party.objects.create(code="other", abbreviation="K", name_vi="Cơ quan khác", name_en="Other body",
                                 short_name_vi="Khác", short_name_en="Other", order=9)
    stranger = make_member("other.leader", (other, Role.LEADER))
    draft = services.regulation_renew(by=reg_admin, regulation=regulation)
    for obj in (regulation, draft):
        assert not perms.can_view_regulation(stranger, obj)
        assert client_for(stranger).get(reverse("regulation:detail", args=[obj.pk])).status_code == 404


def test_data_migration_grants_existing_rows_again_and_is_idempotent(regulation, reg_admin, pending_amendment):
    RegulationGroupObjectPermission.objects.all().delete()
    AmendmentGroupObjectPermission.objects.all().delete()
    migration = importlib.import_module("regulation.migrations.0005_grant_existing_regulations")
    for _ in range(2):
        migration.forwards(apps, None)
    assert granted(regulation) == both(EVERYONE)
    assert granted(pending_amendment) == both(FOLLOWERS)
    assert RegulationGroupObjectPermission.objects.count() == 6
    assert AmendmentGroupObjectPermission.objects.count() == 4


def test_changing_a_drafts_issuing_bodies_in_the_django_admin_moves_the_grants(regulation, reg_admin, bcsd, rf):
    from django.contrib import admin as django_admin

    draft = services.regulation_renew(by=reg_admin, regulation=regulation)

    class Form:
        instance = draft

        def save_m2m(self):
            draft.issuing_parties.set([bcsd])

    django_admin.site._registry[Regulation].save_related(rf.post("/"), Form(), [], True)
    assert granted(draft) == {("BCSD", "leader"), ("BCSD", "admin")}


def test_list_pages_read_grants_in_the_same_number_of_queries_however_many_amendments(
        regulation, reg_admin, bcsd_leader, client_for, today):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(bcsd_leader)
    urls = [reverse("regulation:index"), reverse("regulation:amendment_list", args=[regulation.pk])]

    def counts():
        client.get(urls[0])  # the first request syncs the groups
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            result.append(len(ctx))
        return result

    def amendment(title):
        services.amendment_create(by=reg_admin, regulation=regulation, title=title, rationale="Lý do",
                                  proposed_effective_on=today)

    amendment("Một")
    one = counts()
    for title in ("Hai", "Ba", "Bốn"):
        amendment(title)
    services.regulation_renew(by=reg_admin, regulation=regulation)
    assert counts() == one
