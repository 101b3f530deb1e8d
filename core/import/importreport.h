// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowproblem.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace VisitMap::Import {

// One bad row: where it is and why, in words the person who made the file understands.
struct RowError
{
    QString file;
    int line = 0;
    QString field; // the column or JSON field at fault, when one is
    QString reason;                               // English, for the command line and logs
    RowProblem problem = RowProblem::Unspecified; // the same reason as a code, for the app
    QStringList args; // the facts the code's words need (see RowProblem)

    QString toString() const;
};

// Why a value is refused, before it is placed on a line: a callback's answer.
struct RowReason
{
    RowProblem problem = RowProblem::Unspecified;
    QStringList args;
    QString reason; // English; empty: no problem

    bool isEmpty() const { return reason.isEmpty(); }
};

// What an import did, or why it did nothing. An import with any error changes nothing.
struct ImportReport
{
    int imported = 0;
    int skipped = 0; // already present (reported, not doubled)
    QList<RowError> errors;
    QStringList notes;

    bool ok() const { return errors.isEmpty(); }
    static constexpr int maxErrorsListed = 200;
    void addError(const QString &file, int line, const QString &field, const QString &reason)
    {
        errors.append({file, line, field, reason, RowProblem::Unspecified, {}});
    }
    void addError(const QString &file,
                  int line,
                  const QString &field,
                  RowProblem problem,
                  const QStringList &args,
                  const QString &reason)
    {
        errors.append({file, line, field, reason, problem, args});
    }
    void addError(const QString &file, int line, const QString &field, const RowReason &why)
    {
        errors.append({file, line, field, why.reason, why.problem, why.args});
    }
};

} // namespace VisitMap::Import
