"""Ships the 2020–2025 coordination regulation, reconstructed from the summary published on 29/08/2021.

The signed original was not published; the summary on Kiemsat.vn gives its structure (3 chapters,
10 articles), its legal bases and its content. The text below is written from that summary and
is labelled as reconstructed wherever it is shown.
"""

import datetime

from django.db import migrations

from regulation.text import normalise_for_search

TITLE = "Quy chế phối hợp công tác giữa Ban cán sự đảng và Đảng ủy Viện kiểm sát nhân dân tối cao nhiệm kỳ 2020 - 2025"
SIGNED = datetime.date(2021, 8, 29)
LEGAL_BASES = "\n".join([
    "Điều lệ Đảng Cộng sản Việt Nam (khóa XI);",
    "Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương Đảng về thi hành Điều lệ Đảng;",
    "Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ Viện kiểm sát nhân dân tối cao, nhiệm kỳ 2020 - 2025.",
])

CHAPTERS = [
    (1, "Những quy định chung", [
        (1, "Phạm vi điều chỉnh và đối tượng áp dụng", [
            "1. Quy chế này quy định nguyên tắc, nội dung, phương thức và trách nhiệm phối hợp công tác giữa Ban cán sự đảng Viện kiểm sát nhân dân tối cao (sau đây gọi là Ban cán sự đảng) và Đảng ủy Viện kiểm sát nhân dân tối cao (sau đây gọi là Đảng ủy) nhiệm kỳ 2020 - 2025.",
            "2. Quy chế này áp dụng đối với Ban cán sự đảng, Đảng ủy; các tổ chức đảng, cơ quan, đơn vị thuộc Viện kiểm sát nhân dân tối cao và Viện kiểm sát nhân dân cấp cao.",
            "3. Việc phối hợp nhằm tăng cường sự lãnh đạo, chỉ đạo, kiểm tra của Ban cán sự đảng và Đảng ủy trong việc quán triệt, triển khai thực hiện đường lối, chủ trương, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước, nghị quyết của Ban cán sự đảng, nghị quyết của cấp ủy cấp trên và của Đảng ủy; thực hiện nhiệm vụ chính trị, công tác tổ chức và cán bộ; xây dựng Đảng, xây dựng cơ quan, đơn vị và các đoàn thể trong sạch, vững mạnh, bảo đảm thực hiện tốt nhiệm vụ chính trị đối với tổ chức đảng, cơ quan, đơn vị thuộc Viện kiểm sát nhân dân tối cao và Viện kiểm sát nhân dân cấp cao.",
        ]),
        (2, "Nguyên tắc phối hợp", [
            "1. Tuân thủ Điều lệ Đảng, nghị quyết, chỉ thị, quy định của Đảng và chức năng, nhiệm vụ, quyền hạn của mỗi bên theo quy định.",
            "2. Việc phối hợp được thực hiện trên cơ sở tạo điều kiện thuận lợi để mỗi bên hoàn thành tốt nhiệm vụ được giao.",
            "3. Văn bản, tài liệu trao đổi về nội dung phối hợp công tác giữa Ban cán sự đảng và Đảng ủy được thực hiện, quản lý theo quy định của Đảng và Nhà nước.",
            "4. Khi có yêu cầu phối hợp hoặc tham gia ý kiến, bên đề nghị và bên được đề nghị chủ động trao đổi ý kiến trực tiếp hoặc bằng văn bản, cử cán bộ phối hợp thực hiện.",
        ]),
    ]),
    (2, "Nội dung phối hợp", [
        (3, "Lãnh đạo thực hiện nhiệm vụ chính trị", [
            "1. Ban cán sự đảng lãnh đạo, chỉ đạo toàn diện việc thực hiện nhiệm vụ chính trị của ngành Kiểm sát nhân dân; Đảng ủy lãnh đạo các tổ chức đảng trực thuộc quán triệt và tổ chức thực hiện nhiệm vụ chính trị của cơ quan, đơn vị.",
            "2. Hằng năm, Ban cán sự đảng thông báo cho Đảng ủy chương trình, kế hoạch công tác trọng tâm của Ngành; Đảng ủy cụ thể hóa thành nghị quyết, chương trình công tác của Đảng ủy để lãnh đạo tổ chức thực hiện.",
            "3. Hai bên phối hợp:",
            "a) Quán triệt, triển khai các nghị quyết, chỉ thị, kết luận của Đảng, chính sách, pháp luật của Nhà nước liên quan đến công tác kiểm sát;",
            "b) Lãnh đạo tổ chức đảng, đảng viên gương mẫu thực hiện nhiệm vụ chuyên môn, phát động và duy trì các phong trào thi đua;",
            "c) Sơ kết, tổng kết việc thực hiện nhiệm vụ chính trị, đánh giá vai trò lãnh đạo của tổ chức đảng gắn với kết quả thực hiện nhiệm vụ của cơ quan, đơn vị.",
        ]),
        (4, "Lãnh đạo công tác chính trị, tư tưởng", [
            "1. Đảng ủy chủ trì, phối hợp với Ban cán sự đảng lãnh đạo công tác giáo dục chính trị, tư tưởng; việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; nắm bắt tình hình tư tưởng của cán bộ, đảng viên, công chức, viên chức và người lao động.",
            "2. Ban cán sự đảng chỉ đạo thủ trưởng các cơ quan, đơn vị tạo điều kiện để cán bộ, đảng viên học tập, quán triệt nghị quyết của Đảng và bồi dưỡng lý luận chính trị.",
            "3. Khi phát sinh vấn đề phức tạp về tư tưởng, dư luận trong cán bộ, đảng viên, hai bên kịp thời trao đổi, thống nhất biện pháp giải quyết.",
        ]),
        (5, "Lãnh đạo công tác tổ chức, cán bộ", [
            "1. Ban cán sự đảng lãnh đạo công tác tổ chức bộ máy và cán bộ theo phân cấp quản lý cán bộ; trước khi quyết định các vấn đề về tổ chức, cán bộ có liên quan đến tổ chức đảng trực thuộc Đảng ủy, Ban cán sự đảng trao đổi, tham khảo ý kiến của Đảng ủy.",
            "2. Theo đề nghị của Ban cán sự đảng, Đảng ủy tham gia ý kiến bằng văn bản về phẩm chất chính trị, đạo đức, lối sống, ý thức tổ chức kỷ luật của đảng viên được xem xét quy hoạch, bổ nhiệm, điều động, luân chuyển, khen thưởng, kỷ luật.",
            "3. Hai bên phối hợp kiện toàn tổ chức đảng phù hợp với tổ chức bộ máy của cơ quan, đơn vị; lãnh đạo công tác phát triển đảng viên và quản lý đảng viên.",
        ]),
        (6, "Lãnh đạo công tác thanh tra, kiểm tra, giám sát và giải quyết khiếu nại, tố cáo", [
            "1. Ban cán sự đảng lãnh đạo công tác thanh tra, kiểm tra nghiệp vụ và giải quyết khiếu nại, tố cáo trong Ngành; Đảng ủy và Ủy ban Kiểm tra Đảng ủy thực hiện công tác kiểm tra, giám sát và thi hành kỷ luật đảng theo Điều lệ Đảng.",
            "2. Hằng năm, hai bên trao đổi chương trình, kế hoạch thanh tra, kiểm tra, giám sát để tránh chồng chéo; thông báo cho nhau kết quả thanh tra, kiểm tra, giám sát có liên quan đến tổ chức đảng, đảng viên.",
            "3. Khi có đơn khiếu nại, tố cáo liên quan đến tổ chức đảng, đảng viên, hai bên phối hợp xem xét, giải quyết theo thẩm quyền, quy định của Đảng và pháp luật của Nhà nước.",
        ]),
        (7, "Lãnh đạo các đoàn thể quần chúng", [
            "1. Đảng ủy lãnh đạo trực tiếp Công đoàn, Đoàn Thanh niên Cộng sản Hồ Chí Minh, Hội Liên hiệp Phụ nữ và Hội Cựu chiến binh Viện kiểm sát nhân dân tối cao.",
            "2. Ban cán sự đảng chỉ đạo thủ trưởng các cơ quan, đơn vị bảo đảm điều kiện hoạt động của các đoàn thể; phối hợp với Đảng ủy đánh giá kết quả hoạt động của các đoàn thể.",
            "3. Hai bên phối hợp lãnh đạo các đoàn thể tổ chức phong trào thi đua, chăm lo đời sống vật chất, tinh thần, bảo vệ quyền và lợi ích hợp pháp của cán bộ, công chức, viên chức và người lao động.",
        ]),
        (8, "Chế độ tổ chức các cuộc họp và thông tin", [
            "1. Định kỳ hằng năm hoặc khi cần thiết, Ban cán sự đảng và Đảng ủy tổ chức họp liên tịch để thống nhất các nội dung phối hợp; bên chủ trì gửi chương trình, tài liệu cuộc họp cho bên kia trước ngày họp.",
            "2. Đại diện Thường trực Đảng ủy được mời dự các cuộc họp của Ban cán sự đảng bàn về công tác tổ chức, cán bộ và công tác xây dựng Đảng; đại diện Ban cán sự đảng được mời dự hội nghị của Đảng ủy khi bàn những nội dung có liên quan.",
            "3. Hai bên gửi cho nhau báo cáo sơ kết sáu tháng, báo cáo tổng kết năm, báo cáo chuyên đề và thông tin cần thiết khác về nội dung phối hợp, trừ tài liệu mật theo quy định.",
        ]),
    ]),
    (3, "Tổ chức thực hiện", [
        (9, "Trách nhiệm thi hành và đánh giá hằng năm", [
            "1. Ban cán sự đảng, Đảng ủy; các tổ chức đảng, cơ quan, đơn vị thuộc Viện kiểm sát nhân dân tối cao và Viện kiểm sát nhân dân cấp cao có trách nhiệm thực hiện Quy chế này.",
            "2. Văn phòng Viện kiểm sát nhân dân tối cao và Văn phòng Đảng ủy là đầu mối giúp Ban cán sự đảng và Đảng ủy theo dõi, đôn đốc việc thực hiện Quy chế.",
            "3. Định kỳ hằng năm, Ban cán sự đảng và Đảng ủy tổ chức đánh giá kết quả công tác phối hợp, rút kinh nghiệm và thống nhất nội dung phối hợp của năm tiếp theo.",
        ]),
        (10, "Sửa đổi, bổ sung Quy chế", [
            "1. Trong quá trình thực hiện, nếu có vướng mắc hoặc phát sinh những vấn đề mới, Ban cán sự đảng và Đảng ủy trao đổi, thống nhất để sửa đổi, bổ sung Quy chế cho phù hợp.",
            "2. Việc sửa đổi, bổ sung Quy chế chỉ được thực hiện khi có sự thống nhất của Ban cán sự đảng và Đảng ủy.",
            "3. Quy chế này có hiệu lực kể từ ngày ký.",
        ]),
    ]),
]


def forwards(apps, schema_editor):
    Regulation = apps.get_model("regulation", "Regulation")
    if Regulation.objects.filter(term_start=2020, term_end=2025).exists():
        return
    Party = apps.get_model("coordination", "Party")
    Area = apps.get_model("coordination", "CoordinationArea")
    Chapter = apps.get_model("regulation", "Chapter")
    Article = apps.get_model("regulation", "Article")
    Version = apps.get_model("regulation", "RegulationVersion")
    areas = {a.article_number: a for a in Area.objects.all()}
    regulation = Regulation.objects.create(
        title=TITLE, term_start=2020, term_end=2025, legal_bases=LEGAL_BASES, signed_on=SIGNED, effective_on=SIGNED,
        status="in_force", reconstructed_from_summary_on=datetime.date(2021, 8, 29), source="Kiemsat.vn",
    )
    regulation.issuing_parties.set(Party.objects.filter(code__in=["BCSD", "DU"]))
    snapshot = []
    for chapter_number, chapter_title, articles in CHAPTERS:
        chapter = Chapter.objects.create(regulation=regulation, number=chapter_number, title=chapter_title)
        items = []
        for number, title, lines in articles:
            body = "\n".join(lines)
            Article.objects.create(regulation=regulation, chapter=chapter, number=number, title=title, body=body,
                                   area=areas.get(number), search_text=normalise_for_search(f"{title}\n{body}"))
            items.append({"number": number, "suffix": "", "title": title, "body": body, "repealed": False})
        snapshot.append({"number": chapter_number, "title": chapter_title, "articles": items})
    Version.objects.create(regulation=regulation, number=1, valid_from=SIGNED, content={"chapters": snapshot})


class Migration(migrations.Migration):
    dependencies = [("regulation", "0001_initial"), ("coordination", "0004_coordination_areas")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
