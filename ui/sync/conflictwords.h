// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace VisitMap::Ui {

// A sync conflict in the words the conflict dialog and the access log show: which field of which
// kind of record, and its values (a tier, a stage or a status by its name, not its stored code).
class ConflictWords
{
    Q_DECLARE_TR_FUNCTIONS(ConflictWords)
public:
    static QString field(const QString &entity, const QString &field);
    static QString value(const QJsonValue &value, const QString &field = {});
};

} // namespace VisitMap::Ui
