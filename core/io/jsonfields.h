#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <memory>
#include <optional>

namespace wordrace {

// The one validation layer of every reader of outside files (results, sessions, sweeps): each
// field is read with its type and its bounds, and the first field that is wrong is named with its
// path ("runs[0].tasks[3].end_s: 1e+300 is out of range (0 to 1e+07)"), so a damaged file is
// refused in one line instead of being drawn, and no value asks for unbounded work or memory.
// Fields read after the first error return their fallback; callers check ok() once at the end.
class JsonFields
{
public:
    JsonFields(QJsonObject object, QString path);

    // A number in [min, max], finite. Missing: the fallback, or an error when there is none.
    double number(const QString &key, double min, double max, std::optional<double> fallback = std::nullopt);
    // A number that may be absent or null (a value the run did not measure).
    std::optional<double> optionalNumber(const QString &key, double min, double max);
    // A whole number in [min, max].
    qint64 integer(const QString &key, qint64 min, qint64 max, std::optional<qint64> fallback = std::nullopt);
    QString text(const QString &key, std::optional<QString> fallback = std::nullopt);
    bool flag(const QString &key, std::optional<bool> fallback = std::nullopt);
    // An array of at most maxSize elements; missing (when optional) reads as empty.
    // numbers()/texts(): one whose elements must all be numbers in [min, max], or strings.
    QList<double> numbers(const QString &key, qsizetype maxSize, double min, double max);
    QStringList texts(const QString &key, qsizetype maxSize);
    QJsonArray array(const QString &key, qsizetype maxSize, bool required = false);
    // A nested object; missing (when optional) reads as empty. Its errors are this one's.
    JsonFields object(const QString &key, bool required = false);
    // Element i of an array that must be an object, for its own fields.
    JsonFields element(const QJsonArray &array, qsizetype i, const QString &arrayKey);

    bool contains(const QString &key) const { return m_object.contains(key); }
    bool ok() const { return m_error->isEmpty(); }
    const QString &error() const { return *m_error; }
    // Records a rule the fields break together (counts that do not add up), on this object's path.
    void fail(const QString &why);
    // Records what is wrong with one field's value ("experiment.modes has an unknown mode ...").
    void fail(const QString &key, const QString &why);
    QString path(const QString &key) const;

    // The largest values any reader accepts: beyond them a file is damaged, or would need absurd
    // memory or drawing work.
    static constexpr double kMaxSeconds = 1e7;              // 115 days
    static constexpr double kMaxCount = 9007199254740992.0; // 2^53, exact in a double
    static constexpr qint64 kMaxWorkers = 4096;
    static constexpr qsizetype kMaxElements = 50'000'000;

private:
    JsonFields(QJsonObject object, QString base, QString key, qsizetype index,
               std::shared_ptr<QString> error);
    bool present(const QString &key, bool hasFallback);
    // This object's own path, built only when an error names it (a reader walks millions of tasks).
    QString where() const;

    QJsonObject m_object;
    QString m_base;                   // the path of the object or array holding this one
    QString m_key;                    // this one's key there
    qsizetype m_index = -1;           // and its index, for an array's element
    std::shared_ptr<QString> m_error; // shared with nested objects: the first error wins
};

} // namespace wordrace
