#include "panels/exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr int kWindowSize = 0;

} // namespace

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent), m_kind(new QComboBox(this)), m_format(new QComboBox(this)),
      m_size(new QComboBox(this)),
      m_projector(new QCheckBox(tr("Projector look: big type, thick bars, high contrast"), this)),
      m_path(new QLineEdit(this))
{
    setWindowTitle(tr("Export Chart"));
    setObjectName(u"exportDialog"_s);

    m_kind->addItem(tr("Wall time vs CPU time"), int(ChartKind::WallCpu));
    m_kind->addItem(tr("Per-worker timeline"), int(ChartKind::Timeline));
    m_kind->addItem(tr("Where the time went (overhead)"), int(ChartKind::Overhead));
    m_kind->setAccessibleName(tr("Chart to export"));
    m_kind->setToolTip(tr("Which chart to write"));
    m_format->addItem(tr("PNG image"), int(ChartExporter::Format::Png));
    m_format->addItem(tr("SVG drawing"), int(ChartExporter::Format::Svg));
    m_format->addItem(tr("PDF document"), int(ChartExporter::Format::Pdf));
    m_format->setAccessibleName(tr("File format"));
    m_format->setToolTip(tr("PNG for slides and chat, SVG and PDF stay sharp at any size"));
    m_size->setAccessibleName(tr("Size in pixels"));
    m_size->setToolTip(tr("The chart's size on screen, full HD or 4K. 4K is full HD drawn twice as sharp."));
    m_projector->setAccessibleName(tr("Use the projector look"));
    m_projector->setToolTip(tr("The presentation theme, readable from the back of a classroom"));
    m_path->setAccessibleName(tr("File name"));
    m_path->setToolTip(tr("Where to write the chart"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setAccessibleName(tr("Choose the file name"));
    browse->setToolTip(tr("Choose a folder and file name"));

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Chart:"), m_kind);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Size:"), m_size);
    form->addRow(QString(), m_projector);
    form->addRow(tr("F&ile:"), pathRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    // Slides and chat take a picture pasted as well as a file: the same size and look, no file.
    auto *copy = buttons->addButton(tr("Copy to C&lipboard"), QDialogButtonBox::ActionRole);
    copy->setObjectName(u"copyButton"_s);
    copy->setToolTip(tr("Put the chart on the clipboard as an image, at the size and look chosen above"));
    connect(copy, &QPushButton::clicked, this, [this] {
        m_copy = true;
        accept();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::syncSuffix);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ExportDialog::updateSizes);
    connect(m_path, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_path->text().trimmed().isEmpty());
    });
    updateSizes();
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

QString ExportDialog::suffix(ChartExporter::Format format)
{
    switch (format) {
    case ChartExporter::Format::Png:
        return u"png"_s;
    case ChartExporter::Format::Svg:
        return u"svg"_s;
    case ChartExporter::Format::Pdf:
        return u"pdf"_s;
    }
    return u"png"_s;
}

void ExportDialog::setKind(ChartKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

ChartKind ExportDialog::kind() const
{
    return ChartKind(m_kind->currentData().toInt());
}

void ExportDialog::setWindowSizes(const QSize &wallCpu, const QSize &timeline)
{
    m_wallCpuSize = wallCpu;
    m_timelineSize = timeline;
    updateSizes();
}

void ExportDialog::updateSizes()
{
    const int current = std::max(0, m_size->currentIndex());
    const QSize window = kind() == ChartKind::WallCpu ? m_wallCpuSize : m_timelineSize;
    m_size->blockSignals(true);
    m_size->clear();
    m_size->addItem(tr("Window size (%1 × %2)").arg(window.width()).arg(window.height()), window);
    m_size->addItem(tr("Full HD (1920 × 1080)"), QSize(1920, 1080));
    m_size->addItem(tr("4K (3840 × 2160)"), QSize(3840, 2160));
    m_size->setCurrentIndex(std::min(current, m_size->count() - 1));
    m_size->blockSignals(false);
}

void ExportDialog::setFormat(ChartExporter::Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
    syncSuffix();
}

ChartExporter::Format ExportDialog::format() const
{
    return ChartExporter::Format(m_format->currentData().toInt());
}

void ExportDialog::setPixelSize(const QSize &size)
{
    for (int i = 0; i < m_size->count(); ++i) {
        if (m_size->itemData(i).toSize() == size) {
            m_size->setCurrentIndex(i);
            return;
        }
    }
    m_size->setItemData(kWindowSize, size);
    m_size->setItemText(kWindowSize, tr("Window size (%1 × %2)").arg(size.width()).arg(size.height()));
    m_size->setCurrentIndex(kWindowSize);
}

QSize ExportDialog::pixelSize() const
{
    return m_size->currentData().toSize();
}

void ExportDialog::setProjectorTheme(bool projector)
{
    m_projector->setChecked(projector);
}

bool ExportDialog::projectorTheme() const
{
    return m_projector->isChecked();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
    if (const auto f = ChartExporter::formatForPath(path)) {
        m_format->blockSignals(true);
        m_format->setCurrentIndex(m_format->findData(int(*f)));
        m_format->blockSignals(false);
    } else {
        syncSuffix();
    }
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::syncSuffix()
{
    // The format box decides; the file name follows so the two never disagree.
    QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    const QString wanted = suffix(format());
    if (info.suffix().compare(wanted, Qt::CaseInsensitive) == 0)
        return;
    if (ChartExporter::formatForPath(path))
        path.chop(info.suffix().size() + 1);
    m_path->setText(path + u'.' + wanted);
}

void ExportDialog::browse()
{
    const QString filter = format() == ChartExporter::Format::Png   ? tr("PNG images (*.png)")
                           : format() == ChartExporter::Format::Svg ? tr("SVG drawings (*.svg)")
                                                                    : tr("PDF documents (*.pdf)");
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Chart"), path(), filter);
    if (!chosen.isEmpty())
        setPath(chosen);
    syncSuffix();
}

} // namespace wordrace
