// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelwords.h"

namespace VisitMap::Ui {

QString ChannelWords::channel(const QString &code)
{
    if (code == QLatin1String("app"))
        return tr("복지위기 알림 앱");
    if (code == QLatin1String("web"))
        return tr("복지로 누리집");
    if (code == QLatin1String("phone"))
        return tr("전화");
    if (code == QLatin1String("kakao"))
        return tr("카카오톡");
    if (code == QLatin1String("visit"))
        return tr("방문");
    if (code == QLatin1String("round"))
        return tr("발굴 조사 (위기정보)");
    return code;
}

} // namespace VisitMap::Ui
