"""Vietnamese phrases the benchmark data is written from, so searches and page sizes are realistic."""

SUBJECTS = [
    "Đề nghị phối hợp", "Xin ý kiến về", "Đề nghị cung cấp thông tin về", "Phối hợp chuẩn bị",
    "Đề nghị góp ý dự thảo", "Trao đổi về", "Đề nghị cử cán bộ tham gia", "Báo cáo tình hình",
]
AREA_WORDS = {
    3: ["nghị quyết lãnh đạo thực hiện nhiệm vụ chính trị", "chương trình công tác năm của Ngành",
        "chỉ thị của Viện trưởng"],
    4: ["công tác xây dựng Đảng", "học tập, quán triệt nghị quyết", "kiểm điểm tự phê bình và phê bình"],
    5: ["quy hoạch cán bộ nhiệm kỳ 2025–2030", "bổ nhiệm, luân chuyển cán bộ", "đánh giá, xếp loại cán bộ"],
    6: ["công tác kiểm tra, giám sát", "giải quyết đơn thư khiếu nại", "kỷ luật đảng viên"],
    7: ["phòng, chống tham nhũng, tiêu cực", "kê khai tài sản, thu nhập", "thực hành tiết kiệm"],
    8: ["công tác dân vận", "thi đua, khen thưởng", "hoạt động của các đoàn thể"],
}
PHRASES = [
    "theo Quy chế phối hợp", "Ban cán sự đảng", "Đảng ủy Viện kiểm sát nhân dân tối cao",
    "đề nghị quý cơ quan", "trong thời hạn quy định", "tổng hợp, báo cáo", "đơn vị trực thuộc",
    "hội nghị liên tịch", "kết luận của Thường trực", "nhiệm vụ trọng tâm", "thời gian tới",
    "cán bộ, đảng viên", "thống nhất nội dung", "hoàn thiện hồ sơ", "trước ngày", "Văn phòng",
    "Vụ Tổ chức cán bộ", "Ủy ban Kiểm tra", "kế hoạch thực hiện", "tình hình triển khai",
]
