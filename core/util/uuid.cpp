// SPDX-License-Identifier: GPL-3.0-or-later
#include "uuid.h"

#include "random.h"

#include <QDateTime>
#include <QUuid>
#include <sodium.h>

namespace VisitMap::Uuid {

namespace {

QString format(std::int64_t unixMs, const unsigned char *rnd)
{
    unsigned char b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>((std::uint64_t(unixMs) >> (8 * (5 - i))) & 0xff);
    for (int i = 6; i < 16; ++i)
        b[i] = rnd[i - 6];
    b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0f)); // version 7
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f)); // RFC variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(b), 16))
        .toString(QUuid::WithoutBraces);
}

} // namespace

QString v7(std::int64_t unixMs)
{
    unsigned char rnd[10];
    randombytes_buf(rnd, sizeof rnd);
    return format(unixMs, rnd);
}

QString v7()
{
    return v7(QDateTime::currentMSecsSinceEpoch());
}

QString v7(std::int64_t unixMs, Random &random)
{
    unsigned char rnd[10];
    const std::uint64_t a = random.next();
    const std::uint64_t c = random.next();
    for (int i = 0; i < 8; ++i)
        rnd[i] = static_cast<unsigned char>(a >> (8 * i));
    rnd[8] = static_cast<unsigned char>(c);
    rnd[9] = static_cast<unsigned char>(c >> 8);
    return format(unixMs, rnd);
}

bool isValid(const QString &text)
{
    if (text.size() != 36)
        return false;
    return !QUuid::fromString(text).isNull();
}

} // namespace VisitMap::Uuid
