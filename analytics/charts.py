"""Charts drawn on the server as inline SVG: no chart library, nothing for the CSP to allow."""

from django.utils.html import format_html, format_html_join

WIDTH, HEIGHT, GAP = 600, 120, 2


def bar_chart(series, title):
    """A bar per (date, count) of `series`, with the title and each bar's value as text for screen
    readers and tooltips."""
    if not series:
        return ""
    top = max(count for _day, count in series) or 1
    width = WIDTH / len(series)
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="currentColor"><title>{}: {}</title></rect>',
        (
            (
                f"{index * width:.1f}",
                f"{HEIGHT - count / top * HEIGHT:.1f}",
                f"{max(width - GAP, 1):.1f}",
                f"{count / top * HEIGHT:.1f}",
                day.isoformat(),
                count,
            )
            for index, (day, count) in enumerate(series)
        ),
    )
    total = sum(count for _day, count in series)
    return format_html(
        '<figure class="analytics-chart">'
        '<svg viewBox="0 0 {} {}" width="100%" height="{}" role="img" aria-label="{}: {} in all">{}</svg>'
        "<figcaption>{}: {} in all, at most {} a day.</figcaption></figure>",
        WIDTH,
        HEIGHT,
        HEIGHT,
        title,
        total,
        bars,
        title,
        total,
        top if total else 0,
    )
