// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"
#include "model/office.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace VisitMap::Demo {

enum class Area { Seodaemun, Anyang, Seoul };
std::optional<Area> areaFromCode(QStringView code);
QString toCode(Area area);
// The bundled boundary file of the area (a resource path).
QString boundaryResource(Area area);

// Households per dong for a total: proportional to the square root of each dong's area, jittered
// per seed, summing exactly to the total.
QList<int> householdsPerDong(const QList<Office> &offices, int total, quint64 seed);

struct DemoOptions
{
    Area area = Area::Seodaemun;
    int households = 3000;
    quint64 seed = 1;
    QDate today;        // invalid: the real date (Asia/Seoul)
    bool force = false; // replace an existing file
    // Called now and then with (done, total); return false to cancel.
    std::function<bool(int, int)> progress;
};

struct DemoAccount
{
    QString name;
    QString password;
    Role role = Role::Caseworker;
    QString displayName; // a synthetic person's name, as the lists and dialogs show the account
};

struct DemoSummary
{
    QList<DemoAccount> accounts;
    int offices = 0;
    int households = 0;
    int persons = 0;
    int signals = 0;
    int visits = 0;
    int cases = 0;
    int facilities = 0;
    int facilitiesPlaced = 0;
    int high = 0;
    int medium = 0;
    int low = 0;
    int overdue = 0;
    int fresh = 0;
    qint64 elapsedMs = 0;
};

// Generates a synthetic demo district: the area's real 행정동 boundaries and welfare facilities,
// and households placed inside their dong's polygon, denser around settlement clusters, with
// plausible members, synthetic identifiers, crisis signals, visit histories and cases. The same
// seed and date give the same district. The store is marked synthetic; its demo accounts and
// their fixed passwords are listed in the summary (and in the README).
class DemoGenerator
{
public:
    static constexpr int maxHouseholds = 1'000'000;

    static Result<DemoSummary> generate(const QString &path, const DemoOptions &options);
    static QList<DemoAccount> accounts();
};

} // namespace VisitMap::Demo
