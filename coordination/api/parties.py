"""Bodies, units and coordination areas (read only), and who the caller is."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from ..models import CoordinationArea, OrgUnit, Party
from ..permissions import active_memberships, clearance_for


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["id", "code", "abbreviation", "name_vi", "name_en", "short_name_vi", "short_name_en"]


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrgUnit
        fields = ["id", "name_vi", "name_en"]


class AreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = CoordinationArea
        fields = ["id", "code", "article_number", "name_vi", "name_en"]


@extend_schema_view(list=extend_schema(summary="Các cơ quan đảng tham gia quy chế"),
                    retrieve=extend_schema(summary="Một cơ quan đảng"))
class PartyViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Party.objects.all()
    serializer_class = PartySerializer


@extend_schema_view(list=extend_schema(summary="Các đơn vị thuộc VKSND tối cao"),
                    retrieve=extend_schema(summary="Một đơn vị"))
class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = OrgUnit.objects.all()
    serializer_class = UnitSerializer


@extend_schema_view(list=extend_schema(summary="Sáu lĩnh vực phối hợp (Điều 3–8)"),
                    retrieve=extend_schema(summary="Một lĩnh vực phối hợp"))
class AreaViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = CoordinationArea.objects.all()
    serializer_class = AreaSerializer


class PersonSerializer(serializers.Serializer):
    """A person as every resource names them (author, officer, decider)."""

    id = serializers.IntegerField()
    username = serializers.CharField(source="get_username")
    full_name = serializers.CharField(source="get_full_name")


class CapacitySerializer(serializers.Serializer):
    party = serializers.IntegerField(source="party_id")
    role = serializers.CharField()
    clearance = serializers.IntegerField()


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    full_name = serializers.CharField()
    clearance = serializers.IntegerField()
    capacities = CapacitySerializer(many=True)


class MeView(APIView):
    @extend_schema(summary="Người đang gọi API: các tư cách (cơ quan, vai trò) đang có hiệu lực",
                   responses=MeSerializer)
    def get(self, request):
        user = request.user
        return Response(MeSerializer({
            "id": user.pk, "username": user.get_username(), "full_name": user.get_full_name(),
            "clearance": clearance_for(user), "capacities": active_memberships(user),
        }).data)
