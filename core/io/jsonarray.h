#pragma once

#include <QJsonArray>

namespace wordrace {

// An array read out of a JSON object, to loop over without detaching it: a range-for over a const
// array takes its const iterators.
inline const QJsonArray constArray(const QJsonArray &array)
{
    return array;
}

} // namespace wordrace
