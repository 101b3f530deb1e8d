// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"
#include "model/crisisreport.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace VisitMap::Intake {

// Reads a 복지위기 알림 report file: a JSON array of report objects (the format is in README.md,
// "Crisis report files"). Every report is checked before any is accepted; each problem is
// reported with the line the report starts on and the field at fault. Pure: no store, no files
// except photos given by path (relative to the report file's folder).
class ReportParser
{
public:
    static constexpr qint64 maxFileBytes = 64ll * 1024 * 1024;
    static constexpr qint64 maxPhotoBytes = 20ll * 1024 * 1024;
    static constexpr int maxReports = 100000;

    struct Parsed
    {
        QList<CrisisReport> reports;
        QList<ReportAttachments> attachments; // one per report, same order
        Import::ImportReport report;
    };
    // fileName names the file in messages; baseDir resolves photo paths (empty: paths refused);
    // now is the clock a received_at may not be later than (invalid: the system clock).
    static Parsed parse(const QByteArray &json,
                        const QString &fileName,
                        const QString &baseDir = {},
                        const QDateTime &now = {});

    // The line each top-level array element starts on (1-based), found by scanning the text the
    // way a JSON reader does (strings and escapes respected), since Qt's reader keeps no positions.
    static QList<int> elementLines(const QByteArray &json);
    // The 1-based line of a byte offset.
    static int lineAt(const QByteArray &json, qsizetype offset);
};

} // namespace VisitMap::Intake
