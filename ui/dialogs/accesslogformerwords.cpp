// SPDX-License-Identifier: GPL-3.0-or-later
#include "accesslogformerwords.h"

#include "accesslogdetailwords.h"
#include "security/auditdetail.h"

#include <QHash>
#include <QRegularExpression>
#include <functional>

namespace VisitMap::Ui {

namespace {

using Code = Security::AuditDetailCode;
using Security::AuditDetail;
using Match = QRegularExpressionMatch;

// The export's "how" and "scope" as core wrote them: "masked, 3 withheld", "UNMASKED", "masked",
// "counts of 40 households", each optionally followed by ", the list's filter" or
// ", 5 chosen households".
std::optional<AuditDetail> exportDetail(const Match &m)
{
    static const QHash<QString, QString> whats{
        {QStringLiteral("households"), QStringLiteral("households")},
        {QStringLiteral("visits"), QStringLiteral("visits")},
        {QStringLiteral("summary by dong and risk"), QStringLiteral("summary_dong_risk")},
        {QStringLiteral("summary by household type and risk"), QStringLiteral("summary_type_risk")},
        {QStringLiteral("summary of overdue visits by worker"), QStringLiteral("summary_overdue")},
    };
    if (!whats.contains(m.captured(1)))
        return std::nullopt;
    AuditDetail d = AuditDetail(Code::ExportFile)
                        .with(u"what", whats.value(m.captured(1)))
                        .with(u"file", m.captured(2));
    static const QRegularExpression how(QStringLiteral(
        "^(?:(masked), (\\d+) withheld|(UNMASKED)|(masked)|counts of (\\d+) households)"
        "(?:, (the list's filter)|, (\\d+) chosen households)?$"));
    const Match h = how.match(m.captured(3));
    if (!h.hasMatch())
        return std::nullopt;
    if (h.hasCaptured(1))
        d = d.with(u"masking", QStringLiteral("masked")).with(u"withheld", h.captured(2));
    else if (h.hasCaptured(3))
        d = d.with(u"masking", QStringLiteral("unmasked"));
    else if (h.hasCaptured(4))
        d = d.with(u"masking", QStringLiteral("masked"));
    else
        d = d.with(u"masking", QStringLiteral("counts")).with(u"households", h.captured(5));
    if (h.hasCaptured(6))
        d = d.with(u"scope", QStringLiteral("filter"));
    else if (h.hasCaptured(7))
        d = d.with(u"scope", QStringLiteral("chosen")).with(u"chosen", h.captured(7));
    return d;
}

std::optional<AuditDetail> loginFailure(const QString &text)
{
    QString rest = text;
    const bool unlock = rest.startsWith(QLatin1String("unlock: "));
    if (unlock)
        rest = rest.mid(8);
    AuditDetail d(Code::LoginFailed);
    static const QRegularExpression wrong(QStringLiteral("^wrong password(?: \\((\\d+)\\))?$"));
    if (const Match m = wrong.match(rest); m.hasMatch()) {
        d = d.with(u"reason", QStringLiteral("wrong_password"));
        if (m.hasCaptured(1))
            d = d.with(u"tries", m.captured(1));
    } else if (rest == QLatin1String("unknown account")) {
        d = d.with(u"reason", QStringLiteral("unknown_account"));
    } else if (rest == QLatin1String("removed account")) {
        d = d.with(u"reason", QStringLiteral("removed_account"));
    } else if (rest == QLatin1String("account locked")) {
        d = d.with(u"reason", QStringLiteral("locked"));
    } else {
        return std::nullopt;
    }
    return unlock ? d.with(u"unlock", 1) : d;
}

struct Form
{
    QRegularExpression pattern;
    std::function<std::optional<AuditDetail>(const Match &)> read;
};

// One fact per capture, in order.
Form facts(const char *pattern, Code code, std::initializer_list<const char16_t *> names)
{
    const QList<const char16_t *> list(names);
    return {QRegularExpression(QString::fromUtf8(pattern)), [code, list](const Match &m) {
                AuditDetail d(code);
                for (int i = 0; i < list.size(); ++i)
                    d = d.with(list[i], m.captured(i + 1));
                return std::optional<AuditDetail>(d);
            }};
}

const QList<Form> &forms()
{
    static const QList<Form> all{
        facts("^password changed$", Code::PasswordChanged, {}),
        facts("^screen locked$", Code::SessionLock, {}),
        facts("^first admin created$", Code::FirstAdmin, {}),
        facts("^unlocked$", Code::AccountUnlocked, {}),
        facts("^password reset by an admin; office keys to be re-sealed$", Code::PasswordReset, {}),
        facts("^removed; rights and office keys withdrawn$", Code::AccountRemoved, {}),
        facts("^created as ([a-z_]+) for (.*)$", Code::AccountCreated, {u"role", u"offices"}),
        facts("^offices set to (.*)$", Code::AccountOffices, {u"offices"}),
        facts("^role set to ([a-z_]+)$", Code::AccountRole, {u"role"}),
        facts("^([a-z_]+) = (.*)$", Code::SettingChanged, {u"key", u"value"}),
        facts("^names, phones and addresses shown in lists$", Code::ListRevealed, {}),
        facts("^주민등록번호 shown$", Code::RrnRevealed, {}),
        facts("^attachment (\\S+) opened$", Code::AttachmentOpened, {u"attachment"}),
        facts("^map picture to (.+)$", Code::MapPicture, {u"file"}),
        facts("^import (.+)$", Code::HouseholdImport, {u"file"}),
        facts("^(\\d+) welfare facilities imported$", Code::FacilityImport, {u"count"}),
        facts("^(\\d+) 행정동 boundaries imported$", Code::OfficeImport, {u"count"}),
        facts("^synthetic demo district ([a-z]+) generated \\(seed (\\d+)\\)$", Code::DemoGenerated,
              {u"area", u"seed"}),
        facts("^household opened$", Code::HouseholdOpened, {}),
        facts("^assigned (.*) -> (.*)$", Code::HouseholdAssigned, {u"from", u"to"}),
        facts("^visit (\\S+) voided$", Code::VisitVoided, {u"visit"}),
        facts("^visit ([a-z_]+) ([a-z_]+)$", Code::VisitRecorded, {u"kind", u"outcome"}),
        facts("^([a-z_]+) (\\S+) voided$", Code::RecordVoided, {u"entity", u"id"}),
        facts("^risk tier ([a-z]*) -> ([a-z]*)$", Code::RiskTier, {u"from", u"to"}),
        facts("^case opened \\(([a-z_]+)\\)$", Code::CaseOpened, {u"type"}),
        facts("^case stage ([a-z_]+) -> ([a-z_]+)$", Code::CaseStage, {u"from", u"to"}),
        facts("^service linked: (.*)$", Code::ServiceLinked, {u"name"}),
        facts("^service ([a-z_]+) -> ([a-z_]+)$", Code::ServiceStatus, {u"from", u"to"}),
        facts("^needs assessment$", Code::Assessment, {}),
        facts("^counselling note$", Code::CounsellingNote, {}),
        facts("^safety check-in \\((\\d+) min\\)$", Code::CheckinStarted, {u"minutes"}),
        facts("^safety check-out$", Code::CheckinEnded, {}),
        facts("^attachment (.+) \\((\\d+) bytes, consent recorded\\)$", Code::AttachmentAdded,
              {u"file", u"bytes"}),
        facts("^welfare facility changed: (.*)$", Code::FacilityChanged, {u"fields"}),
        facts("^conflict on ([a-z_]+): kept (mine|theirs)$", Code::ConflictResolved,
              {u"field", u"kept"}),
        facts("^(\\d+) entries up to (\\d+) removed after the retention period; (\\d+) removed in "
              "all$",
              Code::AuditPurge, {u"removed", u"upto", u"total"}),
        {QRegularExpression(QStringLiteral("^(.+) export to (.+) \\((.*)\\)$")), exportDetail},
    };
    return all;
}

} // namespace

std::optional<QString> AccessLogFormerWords::korean(const QString &former)
{
    static const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
    if (!former.contains(latin))
        return former; // written in Korean (the intake's and the route sheet's entries)
    if (auto d = loginFailure(former))
        return AccessLogDetailWords::describe(*d);
    for (const Form &form : forms()) {
        if (const Match m = form.pattern.match(former); m.hasMatch()) {
            if (auto d = form.read(m))
                return AccessLogDetailWords::describe(*d);
        }
    }
    return std::nullopt;
}

} // namespace VisitMap::Ui
