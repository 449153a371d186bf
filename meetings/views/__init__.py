"""Views of meetings, minutes, the calendar and notices. Thin: form, selector, service, redirect."""
