// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace VisitMap::Security {
class AuditDetail;
struct AuditFlag;
} // namespace VisitMap::Security

namespace VisitMap::Ui {

// The access log's 내용 in the reviewer's words: core writes a detail as a code and its facts
// (Security::AuditDetail); each code has a Korean sentence here with its facts put in (dates as
// Korean dates, roles, tiers and stages by their Korean names). An entry written before details
// were codes is put into Korean where its old English form is certain (AccessLogFormerWords);
// otherwise it is shown as written after "(이전 형식)".
class AccessLogDetailWords
{
    Q_DECLARE_TR_FUNCTIONS(AccessLogDetailWords)
public:
    // The stored detail text (encoded or from before) as the 내용 cell shows it.
    static QString describe(const QString &stored);
    static QString describe(const Security::AuditDetail &detail);
    // Why a day of the review deserves a look.
    static QString flag(const Security::AuditFlag &flag);
    // The prefix of an older entry shown as it was written.
    static QString formerPrefix();
};

} // namespace VisitMap::Ui
