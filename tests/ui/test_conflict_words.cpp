// SPDX-License-Identifier: GPL-3.0-or-later
// The conflict dialog names a field and its three values in Korean: a tier, a case stage, a
// household status or a match status by its name, never by the code the store keeps.
#include "sync/conflictwords.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace VisitMap;
using Ui::ConflictWords;

TEST_CASE("A conflict's field and values read in Korean, not as stored codes",
          "[ui][sync][conflict]")
{
    CHECK(ConflictWords::field(QStringLiteral("household"), QStringLiteral("risk_override"))
          == QStringLiteral("가구 · 위기 등급 (직접 지정)"));
    CHECK(ConflictWords::field(QStringLiteral("case"), QStringLiteral("stage"))
          == QStringLiteral("사례 · 사례관리 단계"));

    CHECK(ConflictWords::value(QStringLiteral("high"), QStringLiteral("risk_override"))
          == QStringLiteral("고위험"));
    CHECK(ConflictWords::value(QStringLiteral("service_plan"), QStringLiteral("stage"))
          == QStringLiteral("서비스 제공계획"));
    CHECK(ConflictWords::value(QStringLiteral("moved"), QStringLiteral("status"))
          == QStringLiteral("전출"));
    CHECK(ConflictWords::value(QStringLiteral("new_household"), QStringLiteral("match_status"))
          == QStringLiteral("신규 가구"));
    CHECK(ConflictWords::value(QJsonValue(), QStringLiteral("phone"))
          == QStringLiteral("(비어 있음)"));
    CHECK(ConflictWords::value(QString(), QStringLiteral("phone"))
          == QStringLiteral("(비어 있음)"));
    CHECK(ConflictWords::value(true) == QStringLiteral("예"));
    // A value the dialog does not know by name is shown as it is, not dropped.
    CHECK(ConflictWords::value(QStringLiteral("010-1234-5678"), QStringLiteral("phone"))
          == QStringLiteral("010-1234-5678"));
    CHECK(ConflictWords::value(QStringLiteral("someday"), QStringLiteral("stage"))
          == QStringLiteral("someday"));
    // No stage, tier or status reads as its stored code.
    const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
    for (const char *stage :
         {"discovery", "initial_counsel", "intake", "assessment", "case_conference", "selection",
          "service_plan", "provision", "closure", "follow_up"})
        CHECK_FALSE(ConflictWords::value(QString::fromLatin1(stage), QStringLiteral("stage"))
                        .contains(latin));
}
