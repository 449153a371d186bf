"""Working days for deadlines: weekends and Vietnamese public holidays (Tết included) do not count.

The holidays come from the maintained `holidays` package (holidays.VN), which carries the lunar
Tết dates and the substitute days off decided each year.
"""

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=32)
def _holidays(year):
    return frozenset(holidays.VN(years=year).keys())


def is_working_day(day):
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start, days):
    """The date `days` working days after `start` (start itself not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    while days:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day
