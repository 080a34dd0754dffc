#pragma once

#include <QString>
#include <QStringList>

class QChart;
class QFont;
class QFontMetricsF;

namespace wordrace {

// A chart's title, wrapped at word boundaries onto as many lines as the chart's width needs: Qt
// Charts elides a title too long for one line ("Where the time went (worker-sec..." beside a second
// run at 1366x768, "Wall time against corpus size: where parallel sta..." on the Scaling tab). The
// chart keeps the whole text here; QChart holds the wrapped one.
class WrappedTitle
{
public:
    const QString &text() const { return m_text; }
    void set(QChart *chart, const QString &text);
    // Again for the chart's width and title font, after a resize or a change of theme.
    void apply(QChart *chart) const;
    // The title as apply() sets it on `chart` were the chart `chartWidth` wide.
    QString shown(const QChart *chart, qreal chartWidth) const;
    // `text` as it fits `width` in `font`: itself when it fits, else lines joined by <br>.
    static QString wrap(const QString &text, const QFont &font, qreal width);
    // `text` broken at spaces into lines no wider than `width` (a single longer word stays whole).
    static QStringList lines(const QString &text, const QFontMetricsF &metrics, qreal width);

private:
    QString m_text;
};

} // namespace wordrace
