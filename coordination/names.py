"""Vietnamese name order: family and middle names first ("Nguyễn Thị Lan"), as users write them."""


def vietnamese_full_name(user):
    return " ".join(part for part in (user.last_name.strip(), user.first_name.strip()) if part)


def use_vietnamese_name_order(user_model):
    """Make `get_full_name()` (used by templates, the admin and history) follow Vietnamese order.

    Django's default puts the given name first, which reads wrongly for every user here.
    """
    user_model.get_full_name = vietnamese_full_name
