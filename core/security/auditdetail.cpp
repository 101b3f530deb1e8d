// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditdetail.h"

#include <QRegularExpression>
#include <QUrl>

namespace VisitMap::Security {

namespace {

using C = AuditDetailCode;

struct CodeName
{
    AuditDetailCode code;
    const char *text;
};

// The stable text codes. Entries keep them for years: add new ones, never rename or reuse one.
constexpr CodeName kCodes[] = {
    {C::LoginFailed, "login.failed"},
    {C::SessionLock, "session.lock"},
    {C::PasswordChanged, "account.password_changed"},
    {C::AccountCreated, "account.created"},
    {C::FirstAdmin, "account.first_admin"},
    {C::AccountUnlocked, "account.unlocked"},
    {C::PasswordReset, "account.password_reset"},
    {C::AccountRemoved, "account.removed"},
    {C::AccountOffices, "account.offices"},
    {C::AccountRole, "account.role"},
    {C::SettingChanged, "setting.changed"},
    {C::ListRevealed, "reveal.lists"},
    {C::RrnRevealed, "reveal.rrn"},
    {C::ReportContact, "reveal.report_contact"},
    {C::SignalRrn, "reveal.signal_rrn"},
    {C::AttachmentOpened, "reveal.attachment"},
    {C::ExportFile, "export.file"},
    {C::MapPicture, "print.map"},
    {C::RouteSheet, "print.route_sheet"},
    {C::RoutePlanSaved, "route_plan.saved"},
    {C::RoutePlanChanged, "route_plan.changed"},
    {C::HouseholdImport, "import.households"},
    {C::FacilityImport, "import.facilities"},
    {C::OfficeImport, "import.offices"},
    {C::DemoGenerated, "demo.generated"},
    {C::HouseholdOpened, "household.opened"},
    {C::HouseholdAssigned, "household.assigned"},
    {C::HouseholdFromReport, "household.from_report"},
    {C::HouseholdFromSignal, "household.from_signal"},
    {C::VisitRecorded, "visit.recorded"},
    {C::VisitVoided, "visit.voided"},
    {C::RecordVoided, "record.voided"},
    {C::RiskTier, "risk.tier"},
    {C::CaseOpened, "case.opened"},
    {C::CaseStage, "case.stage"},
    {C::ServiceLinked, "service.linked"},
    {C::ServiceStatus, "service.status"},
    {C::Assessment, "assessment.added"},
    {C::CounsellingNote, "counselling.note"},
    {C::CheckinStarted, "checkin.started"},
    {C::CheckinEnded, "checkin.ended"},
    {C::AttachmentAdded, "attachment.added"},
    {C::FacilityChanged, "facility.changed"},
    {C::ConflictResolved, "sync.conflict_resolved"},
    {C::ReportsReceived, "report.received"},
    {C::ReportStatus, "report.status"},
    {C::ReportsListed, "report.listed"},
    {C::SignalsReceived, "signal.received"},
    {C::SignalsLinked, "signal.linked"},
    {C::SignalsListed, "signal.listed"},
    {C::AuditPurge, "audit.purge"},
};

bool mustEscape(QChar c)
{
    return c == u'%' || c == u';' || c == u'=' || c == u'@' || c == u'\t' || c == u'\r'
           || c == u'\n';
}

QString escaped(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (mustEscape(c))
            out += QStringLiteral("%%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUpper();
        else
            out += c;
    }
    return out;
}

const QRegularExpression &codePattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_.]*$"));
    return re;
}

const QRegularExpression &namePattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]*$"));
    return re;
}

} // namespace

AuditDetail::AuditDetail(AuditDetailCode code)
    : m_code(code)
    , m_codeText(toCode(code))
{
}

AuditDetail AuditDetail::with(QStringView name, const QString &value) const
{
    AuditDetail out = *this;
    for (auto &f : out.m_facts) {
        if (f.first == name) {
            f.second = value;
            return out;
        }
    }
    out.m_facts.append({name.toString(), value});
    return out;
}

AuditDetail AuditDetail::with(QStringView name, qint64 value) const
{
    return with(name, QString::number(value));
}

QString AuditDetail::fact(QStringView name) const
{
    for (const auto &f : m_facts)
        if (f.first == name)
            return f.second;
    return {};
}

bool AuditDetail::has(QStringView name) const
{
    for (const auto &f : m_facts)
        if (f.first == name)
            return true;
    return false;
}

QString AuditDetail::encode() const
{
    if (m_code == AuditDetailCode::None)
        return {};
    if (m_code == AuditDetailCode::Legacy)
        return m_legacy;
    QString out = QLatin1Char('@') + m_codeText;
    for (const auto &[name, value] : m_facts)
        out += QLatin1Char(';') + name + QLatin1Char('=') + escaped(value);
    return out;
}

AuditDetail AuditDetail::decode(const QString &text)
{
    AuditDetail out;
    if (text.isEmpty())
        return out;
    const auto asLegacy = [&text] {
        AuditDetail d;
        d.m_code = AuditDetailCode::Legacy;
        d.m_legacy = text;
        return d;
    };
    if (!text.startsWith(QLatin1Char('@')))
        return asLegacy();
    const QStringList parts = text.mid(1).split(QLatin1Char(';'));
    const QString &code = parts.first();
    if (!codePattern().match(code).hasMatch())
        return asLegacy();
    const auto known = fromCode(code);
    out.m_code = known ? *known : AuditDetailCode::Unknown;
    out.m_codeText = code;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const qsizetype eq = parts[i].indexOf(QLatin1Char('='));
        if (eq < 0)
            return asLegacy();
        const QString name = parts[i].left(eq);
        if (!namePattern().match(name).hasMatch())
            return asLegacy();
        const QString raw = parts[i].mid(eq + 1);
        out.m_facts.append({name, QUrl::fromPercentEncoding(raw.toUtf8())});
    }
    return out;
}

QString AuditDetail::toCode(AuditDetailCode code)
{
    for (const CodeName &c : kCodes)
        if (c.code == code)
            return QString::fromLatin1(c.text);
    return {};
}

std::optional<AuditDetailCode> AuditDetail::fromCode(QStringView code)
{
    for (const CodeName &c : kCodes)
        if (code == QLatin1String(c.text))
            return c.code;
    return std::nullopt;
}

QList<AuditDetailCode> AuditDetail::writtenCodes()
{
    QList<AuditDetailCode> out;
    for (const CodeName &c : kCodes)
        out << c.code;
    return out;
}

} // namespace VisitMap::Security
