#pragma once

#include "charts/chartexporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace wordrace {

// Which chart, what size, which look and where: the choices of File > Export in one place.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(QWidget *parent = nullptr);

    void setKind(ChartKind kind);
    ChartKind kind() const;
    // The on-screen size of each chart, offered as "window size".
    void setWindowSizes(const QSize &wallCpu, const QSize &timeline);
    void setFormat(ChartExporter::Format format);
    ChartExporter::Format format() const;
    void setPixelSize(const QSize &size);
    QSize pixelSize() const;
    void setProjectorTheme(bool projector);
    bool projectorTheme() const;
    void setPath(const QString &path);
    QString path() const;

    // The dialog was closed with "Copy to Clipboard": the chart goes there at the chosen size
    // and look, and no file is written.
    bool copyRequested() const { return m_copy; }

    static QString suffix(ChartExporter::Format format);

private:
    void browse();
    void syncSuffix();
    void updateSizes();

    QComboBox *m_kind;
    QComboBox *m_format;
    QComboBox *m_size;
    QCheckBox *m_projector;
    QLineEdit *m_path;
    QSize m_wallCpuSize{1280, 720};
    QSize m_timelineSize{1280, 720};
    bool m_copy = false;
};

} // namespace wordrace
