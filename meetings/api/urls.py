"""This app's routes under /api/v1/: meetings (with their minutes and conclusions) and notices."""

from rest_framework.routers import SimpleRouter

from . import meetings, notices

router = SimpleRouter()
router.register("meetings", meetings.MeetingViewSet, basename="meeting")
router.register("notices", notices.NoticeViewSet, basename="notice")

urlpatterns = router.urls
