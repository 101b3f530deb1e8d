// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testsupport.h"
#include "util/random.h"
#include "util/uuid.h"

#include <QUuid>

using namespace VisitMap;

TEST_CASE("UUID v7 sort by creation time and carry version 7", "[core][util]")
{
    const QString a = Uuid::v7(1'700'000'000'000);
    const QString b = Uuid::v7(1'700'000'000'001);
    CHECK(a < b);
    CHECK(Uuid::isValid(a));
    CHECK(a.at(14) == QLatin1Char('7'));                        // version 7
    CHECK(QStringLiteral("89ab").contains(a.at(19)));          // RFC 9562 variant
    CHECK(QUuid::fromString(a).variant() == QUuid::DCE);
    CHECK(Uuid::v7() != Uuid::v7());
}

TEST_CASE("Seeded ids repeat for the same seed and differ for another", "[core][util]")
{
    Random r1(42), r2(42), r3(43);
    CHECK(Uuid::v7(1000, r1) == Uuid::v7(1000, r2));
    CHECK(Uuid::v7(1000, r1) != Uuid::v7(1000, r3));
    CHECK_FALSE(Uuid::isValid(QStringLiteral("not-a-uuid")));
}
