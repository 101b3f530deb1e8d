// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <cstdint>

namespace VisitMap {

class Random;

// UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Time-ordered, so new
// rows append to the primary-key index, and made where the record is created.
namespace Uuid {
// Random bits from the operating system's CSPRNG (libsodium).
QString v7(std::int64_t unixMs);
QString v7();
// Random bits from a seeded stream: the demo generator's ids are deterministic for a seed.
QString v7(std::int64_t unixMs, Random &random);
bool isValid(const QString &text);
} // namespace Uuid

} // namespace VisitMap
