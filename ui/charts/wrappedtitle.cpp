#include "charts/wrappedtitle.h"

#include <QChart>
#include <QFontMetricsF>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace wordrace {

void WrappedTitle::set(QChart *chart, const QString &text)
{
    m_text = text;
    apply(chart);
}

void WrappedTitle::apply(QChart *chart) const
{
    const QString text = shown(chart, chart->size().width());
    if (chart->title() != text)
        chart->setTitle(text);
}

QString WrappedTitle::shown(const QChart *chart, qreal chartWidth) const
{
    // The room Qt Charts gives the title: the chart less its margins, and a little air.
    const QFontMetricsF fm(chart->titleFont());
    const qreal width =
        chartWidth - chart->margins().left() - chart->margins().right() - 2 * fm.averageCharWidth();
    return wrap(m_text, chart->titleFont(), width);
}

QString WrappedTitle::wrap(const QString &text, const QFont &font, qreal width)
{
    const QFontMetricsF fm(font);
    if (width <= 0 || fm.horizontalAdvance(text) <= width)
        return text;
    QStringList escaped = lines(text, fm, width);
    for (QString &line : escaped)
        line = line.toHtmlEscaped();
    return escaped.join(u"<br>"_s);
}

QStringList WrappedTitle::lines(const QString &text, const QFontMetricsF &metrics, qreal width)
{
    QStringList lines{QString()};
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        const QString longer = lines.last().isEmpty() ? word : lines.last() + u' ' + word;
        if (!lines.last().isEmpty() && metrics.horizontalAdvance(longer) > width)
            lines.append(word);
        else
            lines.last() = longer;
    }
    return lines;
}

} // namespace wordrace
