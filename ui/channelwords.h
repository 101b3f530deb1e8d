// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace VisitMap::Ui {

// The words for where a discovery came from: a crisis report's channel (app, web, phone, kakao,
// visit) or a 발굴 round ("round").
class ChannelWords
{
    Q_DECLARE_TR_FUNCTIONS(ChannelWords)

public:
    static QString channel(const QString &code);
};

} // namespace VisitMap::Ui
