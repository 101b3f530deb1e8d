// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"
#include "model/crisissignal.h"
#include "util/csv.h"

#include <QDate>
#include <QHash>
#include <QList>

namespace VisitMap::Intake {

// One line of a 발굴 round file: a listed person (by household id, or by name with birth date or
// 주민등록번호) and one crisis item with its value.
struct SignalRow
{
    int line = 0;
    QString roundId;        // normalised to YYYY-N
    QString householdId;    // when the file carries our household id
    QString name;
    QDate birth;
    QString sex;            // M / F when a 주민등록번호 was given
    QString rrn;            // YYMMDD-GNNNNNN, kept encrypted with the entry
    QString address;
    QString itemVersion;
    QString itemCode;
    std::optional<qint64> amount;
    std::optional<int> months;
    QDate received;

    // Who the row is about, for finding repeats: round, person, item.
    QString key() const;
};

// Reads a 발굴 crisis-signal round CSV (columns in README.md, "발굴 round files"). Every row is
// checked against the versioned crisis-item table before any is accepted; problems name the line
// and the column. Pure: the item table and the date come from the caller.
class SignalParser
{
public:
    static constexpr qint64 maxFileBytes = 64ll * 1024 * 1024;

    // version -> code -> item
    using ItemTable = QHash<QString, QHash<QString, CrisisItem>>;

    struct Parsed
    {
        QList<SignalRow> rows;
        Import::ImportReport report;
    };
    // defaultVersion: the code-table version for rows that name none (the newest the store has).
    static Parsed parse(const CsvTable &table, const QString &fileName, const ItemTable &items,
                        const QString &defaultVersion, const QDate &today);

    // "2026-6", "2026-6차", "2026년 6차", "2026 6" -> "2026-6"; empty when not a round of a year (1–6).
    static QString normaliseRound(const QString &text);
};

} // namespace VisitMap::Intake
