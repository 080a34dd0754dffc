#include "io/jsonfields.h"

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

// Enough digits for any integer a reader accepts, "1e+300" for what is absurd.
QString show(double d)
{
    return QString::number(d, 'g', 16);
}

} // namespace

JsonFields::JsonFields(QJsonObject object, QString path)
    : JsonFields(std::move(object), QString(), std::move(path), -1, std::make_shared<QString>())
{}

JsonFields::JsonFields(QJsonObject object, QString base, QString key, qsizetype index,
                       std::shared_ptr<QString> error)
    : m_object(std::move(object)), m_base(std::move(base)), m_key(std::move(key)), m_index(index),
      m_error(std::move(error))
{}

QString JsonFields::where() const
{
    QString w = m_base.isEmpty() || m_key.isEmpty() ? m_base + m_key : m_base + u"."_s + m_key;
    if (m_index >= 0)
        w += u"[%1]"_s.arg(m_index);
    return w;
}

QString JsonFields::path(const QString &key) const
{
    const QString w = where();
    return w.isEmpty() ? key : w + u"."_s + key;
}

void JsonFields::fail(const QString &why)
{
    if (m_error->isEmpty()) {
        const QString w = where();
        *m_error = w.isEmpty() ? why : w + u": "_s + why;
    }
}

void JsonFields::fail(const QString &key, const QString &why)
{
    if (m_error->isEmpty())
        *m_error = path(key) + u' ' + why;
}

bool JsonFields::present(const QString &key, bool hasFallback)
{
    if (m_object.contains(key))
        return true;
    if (!hasFallback && m_error->isEmpty())
        *m_error = u"%1 is missing"_s.arg(path(key));
    return false;
}

double JsonFields::number(const QString &key, double min, double max, std::optional<double> fallback)
{
    if (!ok() || !present(key, fallback.has_value()))
        return fallback.value_or(0.0);
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble()) {
        *m_error = u"%1 must be a number, not %2"_s.arg(path(key), typeName(v));
        return fallback.value_or(0.0);
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < min || d > max) {
        *m_error = u"%1 is %2, outside %3 to %4"_s.arg(path(key), show(d), show(min), show(max));
        return fallback.value_or(0.0);
    }
    return d;
}

std::optional<double> JsonFields::optionalNumber(const QString &key, double min, double max)
{
    if (!ok() || !m_object.contains(key) || m_object.value(key).isNull())
        return std::nullopt;
    const double d = number(key, min, max, 0.0);
    return ok() ? std::optional<double>(d) : std::nullopt;
}

QList<double> JsonFields::numbers(const QString &key, qsizetype maxSize, double min, double max)
{
    const QJsonArray a = array(key, maxSize);
    QList<double> out;
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size() && ok(); ++i) {
        const QJsonValue v = a.at(i);
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || d < min || d > max) {
            *m_error =
                u"%1[%2] must be a number from %3 to %4"_s.arg(path(key)).arg(i).arg(show(min), show(max));
            return {};
        }
        out.append(d);
    }
    return out;
}

QStringList JsonFields::texts(const QString &key, qsizetype maxSize)
{
    const QJsonArray a = array(key, maxSize);
    QStringList out;
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size() && ok(); ++i) {
        if (!a.at(i).isString()) {
            *m_error = u"%1[%2] must be a string, not %3"_s.arg(path(key)).arg(i).arg(typeName(a.at(i)));
            return {};
        }
        out.append(a.at(i).toString());
    }
    return out;
}

qint64 JsonFields::integer(const QString &key, qint64 min, qint64 max, std::optional<qint64> fallback)
{
    const std::optional<double> f = fallback ? std::optional<double>(double(*fallback)) : std::nullopt;
    const double d = number(key, double(min), double(max), f);
    if (ok() && d != std::floor(d)) {
        *m_error = u"%1 must be a whole number, not %2"_s.arg(path(key), show(d));
        return fallback.value_or(0);
    }
    return ok() ? qint64(d) : fallback.value_or(0);
}

QString JsonFields::text(const QString &key, std::optional<QString> fallback)
{
    if (!ok() || !present(key, fallback.has_value()))
        return fallback.value_or(QString());
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        *m_error = u"%1 must be a string, not %2"_s.arg(path(key), typeName(v));
        return fallback.value_or(QString());
    }
    return v.toString();
}

bool JsonFields::flag(const QString &key, std::optional<bool> fallback)
{
    if (!ok() || !present(key, fallback.has_value()))
        return fallback.value_or(false);
    const QJsonValue v = m_object.value(key);
    if (!v.isBool()) {
        *m_error = u"%1 must be true or false, not %2"_s.arg(path(key), typeName(v));
        return fallback.value_or(false);
    }
    return v.toBool();
}

QJsonArray JsonFields::array(const QString &key, qsizetype maxSize, bool required)
{
    if (!ok() || !present(key, !required))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        *m_error = u"%1 must be an array, not %2"_s.arg(path(key), typeName(v));
        return {};
    }
    const QJsonArray a = v.toArray();
    if (a.size() > maxSize) {
        *m_error = u"%1 has %2 elements, more than %3"_s.arg(path(key)).arg(a.size()).arg(maxSize);
        return {};
    }
    return a;
}

JsonFields JsonFields::object(const QString &key, bool required)
{
    if (ok() && present(key, !required)) {
        const QJsonValue v = m_object.value(key);
        if (v.isObject())
            return JsonFields(v.toObject(), where(), key, -1, m_error);
        *m_error = u"%1 must be an object, not %2"_s.arg(path(key), typeName(v));
    }
    return JsonFields({}, where(), key, -1, m_error);
}

JsonFields JsonFields::element(const QJsonArray &array, qsizetype i, const QString &arrayKey)
{
    const QJsonValue v = i < array.size() ? array.at(i) : QJsonValue();
    JsonFields child(v.toObject(), where(), arrayKey, i, m_error);
    if (ok() && !v.isObject())
        *m_error = u"%1 must be an object, not %2"_s.arg(child.where(), typeName(v));
    return child;
}

} // namespace wordrace
