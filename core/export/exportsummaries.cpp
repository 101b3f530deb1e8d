// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportsummaries.h"

#include <QHash>
#include <QMap>
#include <array>

namespace VisitMap::Export {

namespace {

using Tiers = std::array<int, 3>; // high, medium, low

int total(const Tiers &t)
{
    return t[0] + t[1] + t[2];
}

QStringList tierCells(const Tiers &t)
{
    return {QString::number(t[0]), QString::number(t[1]), QString::number(t[2]),
            QString::number(total(t))};
}

QStringList tierHeader(bool english)
{
    if (english)
        return {QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low"),
                QStringLiteral("total")};
    return {label(RiskTier::High), label(RiskTier::Medium), label(RiskTier::Low),
            QStringLiteral("합계")};
}

QString totalLabel(bool english)
{
    return english ? QStringLiteral("total") : QStringLiteral("합계");
}

QSet<int> columnsFrom(int first, int count)
{
    QSet<int> out;
    for (int c = first; c < first + count; ++c)
        out.insert(c);
    return out;
}

} // namespace

ExportTable ExportSummaries::byDongAndTier(const QList<Household> &households,
                                           const QList<Office> &offices,
                                           bool english)
{
    QHash<QString, Tiers> byDong;
    for (const Household &h : households)
        ++byDong[h.officeCode][int(h.tier())];
    ExportTable t;
    t.sheetName = english ? QStringLiteral("dong_by_risk") : QStringLiteral("동별 위험도");
    t.header = QStringList{english ? QStringLiteral("adm_cd") : QStringLiteral("행정동코드"),
                           english ? QStringLiteral("dong") : QStringLiteral("행정동")}
               + tierHeader(english);
    Tiers sum{};
    QSet<QString> listed;
    const auto addRow = [&](const QString &code, const QString &name) {
        const Tiers c = byDong.value(code);
        t.rows << QStringList{code, name} + tierCells(c);
        for (int i = 0; i < 3; ++i)
            sum[i] += c[i];
        listed.insert(code);
    };
    for (const Office &o : offices)
        if (!listed.contains(o.code))
            addRow(o.code, o.name);
    // A household of an office not in the list (it should not happen) still counts.
    QStringList rest;
    for (auto it = byDong.cbegin(); it != byDong.cend(); ++it)
        if (!listed.contains(it.key()))
            rest << it.key();
    rest.sort();
    for (const QString &code : std::as_const(rest))
        addRow(code, QString());
    t.rows << QStringList{QString(), totalLabel(english)} + tierCells(sum);
    t.numberColumns = columnsFrom(2, 4);
    return t;
}

ExportTable ExportSummaries::byTypeAndTier(const QList<Household> &households, bool english)
{
    const QString unknown = english ? QStringLiteral("(none)") : QStringLiteral("(미입력)");
    QHash<QString, Tiers> byType;
    for (const Household &h : households)
        ++byType[h.householdType.trimmed().isEmpty() ? unknown : h.householdType.trimmed()]
                [int(h.tier())];
    ExportTable t;
    t.sheetName = english ? QStringLiteral("type_by_risk") : QStringLiteral("가구유형별 위험도");
    t.header = QStringList{english ? QStringLiteral("household_type") : QStringLiteral("가구유형")}
               + tierHeader(english);
    // The types in the order forms list them, then any other type in the data, then the unknown.
    QStringList order = householdTypes();
    QStringList others;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it)
        if (!order.contains(it.key()) && it.key() != unknown)
            others << it.key();
    others.sort();
    order << others << unknown;
    Tiers sum{};
    for (const QString &type : std::as_const(order)) {
        if (!byType.contains(type))
            continue;
        const Tiers c = byType.value(type);
        t.rows << QStringList{type} + tierCells(c);
        for (int i = 0; i < 3; ++i)
            sum[i] += c[i];
    }
    t.rows << QStringList{totalLabel(english)} + tierCells(sum);
    t.numberColumns = columnsFrom(1, 4);
    return t;
}

ExportTable ExportSummaries::overdueByWorker(const QList<Household> &households,
                                             const QDate &today,
                                             bool english)
{
    struct Load
    {
        int households = 0;
        int overdue = 0;
        qint64 oldestDays = 0;
    };
    QMap<QString, Load> byWorker; // sorted by account name; the unassigned ("") first
    for (const Household &h : households) {
        Load &l = byWorker[h.assignedWorker];
        ++l.households;
        if (h.isOverdue(today)) {
            ++l.overdue;
            l.oldestDays = qMax(l.oldestDays, h.nextVisitDue.daysTo(today));
        }
    }
    ExportTable t;
    t.sheetName
        = english ? QStringLiteral("overdue_by_worker") : QStringLiteral("담당자별 방문 지연");
    t.header
        = english
              ? QStringList{QStringLiteral("worker"), QStringLiteral("households"),
                            QStringLiteral("overdue"), QStringLiteral("oldest_overdue_days")}
              : QStringList{QStringLiteral("담당자"), QStringLiteral("담당 가구"),
                            QStringLiteral("방문 지연 가구"), QStringLiteral("가장 오래 지연(일)")};
    Load sum;
    const auto cells = [](const Load &l) {
        return QStringList{QString::number(l.households), QString::number(l.overdue),
                           l.overdue > 0 ? QString::number(l.oldestDays) : QString()};
    };
    // Assigned workers first, by name; the households no one holds last.
    for (auto it = byWorker.cbegin(); it != byWorker.cend(); ++it) {
        if (it.key().isEmpty())
            continue;
        t.rows << QStringList{it.key()} + cells(*it);
    }
    if (byWorker.contains(QString()))
        t.rows << QStringList{english ? QStringLiteral("(unassigned)")
                                      : QStringLiteral("(담당자 없음)")}
                      + cells(byWorker.value(QString()));
    for (const Load &l : std::as_const(byWorker)) {
        sum.households += l.households;
        sum.overdue += l.overdue;
        sum.oldestDays = qMax(sum.oldestDays, l.oldestDays);
    }
    t.rows << QStringList{totalLabel(english)} + cells(sum);
    t.numberColumns = columnsFrom(1, 3);
    return t;
}

} // namespace VisitMap::Export
