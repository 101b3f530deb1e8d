// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinewords.h"

#include "model/crisisreport.h"

#include <QHash>
#include <algorithm>

namespace VisitMap::Ui {

namespace F = Storage::TimelineFacts;
using Kind = Storage::TimelineEntry::Kind;

QString TimelineWords::kind(Kind kind)
{
    switch (kind) {
    case Kind::Signal:
        return tr("발굴 위기정보");
    case Kind::Report:
        return tr("복지위기 알림");
    case Kind::Visit:
        return tr("방문·상담");
    case Kind::Assessment:
        return tr("욕구 조사");
    case Kind::Counseling:
        return tr("상담 기록");
    case Kind::Service:
        return tr("서비스 연계");
    case Kind::Stage:
        return tr("사례관리 단계");
    case Kind::Risk:
        return tr("위험도");
    case Kind::Attachment:
        return tr("사진·문서");
    }
    return {};
}

QString TimelineWords::title(const Storage::TimelineEntry &e)
{
    if (const auto *f = e.as<F::Signal>())
        return f->item;
    if (const auto *f = e.as<F::Report>()) {
        QStringList names;
        for (const QString &c : f->categories)
            names << CrisisCategories::label(c);
        return tr("복지위기 알림 신고 (%1)").arg(names.join(QStringLiteral(", ")));
    }
    if (const auto *f = e.as<F::Visit>())
        return tr("%1 · %2").arg(label(f->kind), label(f->outcome));
    if (const auto *f = e.as<F::Assessment>()) {
        return f->domainsWithNeed == 0
                   ? tr("욕구 조사 (욕구 없음)")
                   : tr("욕구 조사 (욕구 있는 영역 %1개)").arg(f->domainsWithNeed);
    }
    if (const auto *f = e.as<F::Counseling>())
        return f->topic.isEmpty() ? tr("상담") : f->topic;
    if (const auto *f = e.as<F::Service>())
        return tr("%1 — %2").arg(f->resource, serviceStatusLabel(f->status));
    if (const auto *f = e.as<F::Stage>())
        return tr("%1 → %2").arg(label(f->from), label(f->to));
    if (const auto *f = e.as<F::Risk>()) {
        const QString what = f->change == F::Risk::Change::Override  ? tr("위험도 조정")
                             : f->change == F::Risk::Change::Cleared ? tr("위험도 조정 해제")
                                                                     : tr("위험도 변경");
        return tr("%1: %2 → %3")
            .arg(what, f->from ? label(*f->from) : QStringLiteral("-"), label(f->to));
    }
    if (const auto *f = e.as<F::Attachment>())
        return f->fileName;
    return {};
}

QString TimelineWords::detail(const Storage::TimelineEntry &e)
{
    if (const auto *f = e.as<F::Signal>()) {
        QStringList parts{f->category};
        if (f->months)
            parts << tr("%1개월").arg(*f->months);
        if (f->amount)
            parts << tr("%L1원").arg(*f->amount);
        parts << tr("%1차").arg(f->round);
        return parts.join(QStringLiteral(" · "));
    }
    if (const auto *f = e.as<F::Report>())
        return f->description;
    if (const auto *f = e.as<F::Visit>()) {
        if (f->metWhom.isEmpty())
            return f->notes;
        return tr("만난 사람: %1").arg(f->metWhom) + QLatin1Char('\n') + f->notes;
    }
    if (const auto *f = e.as<F::Assessment>()) {
        if (f->marked.isEmpty())
            return tr("두드러진 욕구 없음");
        QHash<QString, QString> names;
        for (const NeedDomain &d : needDomains())
            names.insert(d.code, d.name);
        QStringList marked;
        for (const NeedItem &i : f->marked)
            marked << tr("%1 %2").arg(names.value(i.domain, i.domain), needLevelLabel(i.level));
        return marked.join(QStringLiteral(", "));
    }
    if (const auto *f = e.as<F::Counseling>())
        return f->sealed ? tr("(내용은 암호화되어 있습니다)") : f->body;
    if (const auto *f = e.as<F::Service>())
        return f->note;
    if (const auto *f = e.as<F::Stage>())
        return f->note;
    if (const auto *f = e.as<F::Risk>())
        return f->reason;
    if (const auto *f = e.as<F::Attachment>()) {
        return tr("%1 KB · %2")
            .arg(std::max<qint64>(1, f->size / 1024))
            .arg(f->consent ? tr("동의 있음") : tr("동의 기록 없음"));
    }
    return {};
}

QString TimelineWords::by(const Storage::TimelineEntry &e)
{
    if (const auto *f = e.as<F::Report>()) {
        switch (f->reporter) {
        case F::Report::Reporter::Self:
            return tr("본인 신고");
        case F::Report::Reporter::AnonymousNeighbour:
            return tr("이웃 신고 (익명)");
        case F::Report::Reporter::Neighbour:
            return tr("이웃 신고");
        }
    }
    return e.by;
}

} // namespace VisitMap::Ui
