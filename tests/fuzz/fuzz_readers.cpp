// libFuzzer target for the readers of outside files: result JSON (what `chart` and the app open)
// and session files, through the same code the app uses. Whatever the bytes, a reader either
// accepts them or refuses them with a reason; it never crashes, hangs or reads out of bounds
// (ASan and UBSan watch), and what it accepts it can write back and read again.
#include "io/resultjson.h"
#include "io/sessionfile.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace wordrace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto runs = ResultJson::parse(bytes, &error);
    if (!runs && error.isEmpty())
        std::abort(); // a refusal always says why
    if (runs) {
        QString again;
        if (!ResultJson::parse(ResultJson::serialize(*runs), &again))
            std::abort(); // what was accepted, written back, is accepted again
    }
    error.clear();
    if (!SessionFile::parse(bytes, &error) && error.isEmpty())
        std::abort();
    return 0;
}
