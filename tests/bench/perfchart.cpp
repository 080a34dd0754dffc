// Draws compare.sh's table as a bar chart, with the app's theme (mode colours, projector type).
//   perfchart ROWS.tsv OUT.png [WIDTHxHEIGHT]
// ROWS.tsv: what, wall seconds, CPU seconds, words (COMPARE_TSV=... tests/bench/compare.sh).
// Times span three orders of magnitude (memchr to CPython), so the time axis is logarithmic.
#include "charts/theme.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

struct Row
{
    QString what;
    double wallS = 0;
    qulonglong words = 0;
};

QColor colorFor(const QString &what)
{
    if (what.startsWith(u"WordRace sequential"_s))
        return Theme::modeColor(Mode::Sequential);
    if (what.startsWith(u"WordRace threads"_s))
        return Theme::modeColor(Mode::Threads);
    if (what.startsWith(u"WordRace processes"_s))
        return Theme::modeColor(Mode::Processes);
    if (what.startsWith(u"Python"_s))
        return QColor(0x99, 0x99, 0x99);
    if (what.startsWith(u"wc"_s))
        return QColor(0x66, 0x66, 0x66);
    return QColor(0x33, 0x33, 0x33); // the floors
}

QString formatSeconds(double s, bool tick = false)
{
    if (s >= 1)
        return QString::number(s, 'f', tick ? 0 : 2) + u" s"_s;
    return QString::number(s * 1e3, 'f', s >= 0.1 || tick ? 0 : 1) + u" ms"_s;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: perfchart ROWS.tsv OUT.png [WIDTHxHEIGHT]\n");
        return 2;
    }
    QSize size(1920, 1080);
    if (args.size() > 3) {
        const QStringList wh = args[3].split(u'x');
        if (wh.size() == 2)
            size = QSize(wh[0].toInt(), wh[1].toInt());
    }
    QFile in(args[1]);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "perfchart: cannot read %s\n", qPrintable(args[1]));
        return 2;
    }
    QList<Row> rows;
    QTextStream ts(&in);
    while (!ts.atEnd()) {
        const QStringList f = ts.readLine().split(u'\t');
        bool ok = false;
        const double wall = f.size() >= 2 ? f[1].toDouble(&ok) : 0.0;
        if (ok && wall > 0)
            rows.append({f[0], wall, f.size() >= 4 ? f[3].toULongLong() : 0});
    }
    if (rows.isEmpty()) {
        std::fprintf(stderr, "perfchart: no rows in %s\n", qPrintable(args[1]));
        return 2;
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.wallS < b.wallS; });

    // The projector theme: this chart is for the back of a classroom as much as for the docs.
    const Theme theme = Theme::projector();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(theme.background);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const int margin = theme.textPx;
    p.setFont(theme.titleFont());
    p.setPen(theme.foreground);
    const int titleH = QFontMetrics(theme.titleFont()).height();
    const qulonglong words = std::max_element(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
                                 return a.words < b.words;
                             })->words;
    p.drawText(QRect(margin, margin / 2, size.width() - 2 * margin, titleH), Qt::AlignLeft | Qt::AlignVCenter,
               u"Counting %1 words: wall time (log scale, shorter is faster)"_s.arg(
                   QLocale(QLocale::English).toString(words)));

    // The painter's metrics: a QImage's resolution may differ from the screen's.
    p.setFont(theme.textFont());
    const QFontMetrics fm = p.fontMetrics();
    int labelW = 0;
    for (const Row &r : rows)
        labelW = std::max(labelW, fm.horizontalAdvance(r.what));
    labelW = std::min(labelW + 2, size.width() * 11 / 20); // + 2: elision rounds, advances do not
    const int axisH = fm.height() + margin;
    const QRect plot(margin + labelW + margin, margin + titleH + margin / 2,
                     size.width() - labelW - 3 * margin - fm.horizontalAdvance(u"00.00 s"_s),
                     size.height() - titleH - axisH - 2 * margin);
    const double lo = std::pow(10, std::floor(std::log10(rows.front().wallS)));
    const double hi = std::pow(10, std::ceil(std::log10(rows.back().wallS)));
    auto xOf = [&](double s) {
        return plot.left() +
               (std::log10(s) - std::log10(lo)) / (std::log10(hi) - std::log10(lo)) * plot.width();
    };

    p.setFont(theme.textFont());
    for (double t = lo; t <= hi * 1.0001; t *= 10) {
        const qreal x = xOf(t);
        p.setPen(QPen(theme.grid, theme.lineWidth));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(theme.muted);
        p.drawText(QRectF(x - 100, plot.bottom() + margin / 4, 200, fm.height()), Qt::AlignCenter,
                   formatSeconds(t, true));
    }
    const qreal slot = qreal(plot.height()) / rows.size();
    const qreal bar = std::min<qreal>(slot * 0.7, theme.maxLaneHeight * 1.5);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        const qreal y = plot.top() + slot * i + (slot - bar) / 2;
        p.setPen(theme.foreground);
        p.drawText(QRectF(margin, y, labelW, bar), Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(r.what, Qt::ElideMiddle, labelW));
        const qreal x1 = xOf(r.wallS);
        p.fillRect(QRectF(plot.left(), y, x1 - plot.left(), bar), colorFor(r.what));
        p.drawText(QRectF(x1 + margin / 2, y, 400, bar), Qt::AlignLeft | Qt::AlignVCenter,
                   formatSeconds(r.wallS));
    }
    p.end();
    if (!image.save(args[2])) {
        std::fprintf(stderr, "perfchart: cannot write %s\n", qPrintable(args[2]));
        return 1;
    }
    return 0;
}
