"""English pages keep the Vietnamese conventions: dd/mm/yyyy, 24-hour clock."""

from ..vi.formats import *  # noqa: F403
