// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>
#include <utility>

namespace VisitMap::Security {

// What an access-log entry's 내용 says, as a code: the screen and the command line put it into
// their own words (Ui::AccessLogDetailWords in Korean, AuditDetail::english for the CLI). The
// stable text code of each is in auditdetail.cpp; never rename one (old entries keep it).
enum class AuditDetailCode {
    None,    // no detail (sign-ins, sign-outs) — an empty text
    Legacy,  // free text written before details were codes; AuditDetail::legacyText
    Unknown, // a well-formed code this program does not know (a newer program wrote it)

    // Sign-in, session and accounts
    LoginFailed, // reason (unknown_account|removed_account|locked|wrong_password), tries, unlock
    SessionLock, // why (screen|idle)
    PasswordChanged, //
    AccountCreated,  // role, offices
    FirstAdmin,      //
    AccountUnlocked, //
    PasswordReset,   //
    AccountRemoved,  //
    AccountOffices,  // offices
    AccountRole,     // role
    SettingChanged,  // key, value

    // Identifiers shown
    ListRevealed,     // names, phones and addresses shown in lists
    RrnRevealed,      // a household's 주민등록번호 shown
    ReportContact,    // a report's contact read
    SignalRrn,        // a crisis listing's 주민등록번호 used to open a household
    AttachmentOpened, // attachment (id)

    // Export and print
    ExportFile,       // what, file, rows, masking (masked|unmasked|counts), withheld, households,
                      // scope (all|filter|chosen), chosen
    MapPicture,       // file
    RouteSheet,       // date, teams, households, unmasked (1|0)
    RoutePlanSaved,   // date
    RoutePlanChanged, // date, previous

    // Imports and generated data
    HouseholdImport, // file
    FacilityImport,  // count
    OfficeImport,    // count
    DemoGenerated,   // area, seed

    // Casework
    HouseholdOpened,     //
    HouseholdAssigned,   // from, to
    HouseholdFromReport, // report (external id)
    HouseholdFromSignal, // round
    VisitRecorded,       // kind, outcome
    VisitVoided,         // visit
    RecordVoided,        // entity, id
    RiskTier,            // from, to
    CaseOpened,          // type
    CaseStage,           // from, to
    ServiceLinked,       // name
    ServiceStatus,       // from, to
    Assessment,          //
    CounsellingNote,     //
    CheckinStarted,      // minutes
    CheckinEnded,        //
    AttachmentAdded,     // file, bytes
    FacilityChanged,     // fields (comma-separated field codes)
    ConflictResolved,    // field, kept (mine|theirs)

    // Intake
    ReportsReceived, // count
    ReportStatus,    // status
    ReportsListed,   //
    SignalsReceived, // round, count
    SignalsLinked,   // count
    SignalsListed,   //

    // The access log itself
    AuditPurge, // removed, upto, total
};

// A detail: a code and its named facts (file names, counts, roles, dates as YYYY-MM-DD).
//
// Text encoding, kept in the entry's detail column (so the hash chain, the MAC and the command
// line need no change):  "@" code { ";" name "=" value }
// where code is [a-z][a-z0-9_.]*, a name is [a-z][a-z0-9_]* and in a value each of
// % ; = @ and the control characters tab, CR and LF is written as %XX (its UTF-8 hex); every other
// character, Korean included, is kept as it is. A text that does not have this form is an
// entry from before (AuditDetailCode::Legacy) and is kept as written.
class AuditDetail
{
public:
    AuditDetail() = default;
    explicit AuditDetail(AuditDetailCode code);

    // The same detail with one more fact (a repeated name replaces the earlier value).
    AuditDetail with(QStringView name, const QString &value) const;
    AuditDetail with(QStringView name, qint64 value) const;

    AuditDetailCode code() const { return m_code; }
    // The stable text code ("export.file"); for Unknown the one written; empty for None/Legacy.
    QString codeText() const { return m_codeText; }
    QString fact(QStringView name) const;
    bool has(QStringView name) const;
    const QList<std::pair<QString, QString>> &facts() const { return m_facts; }
    QString legacyText() const { return m_legacy; }

    QString encode() const;
    static AuditDetail decode(const QString &text);

    // The detail in English, for the command line and logs (never shown in the app).
    QString english() const;

    static QString toCode(AuditDetailCode code);
    static std::optional<AuditDetailCode> fromCode(QStringView code);
    // Every code that is written (not None, Legacy or Unknown), for tests and the words' tables.
    static QList<AuditDetailCode> writtenCodes();

    bool operator==(const AuditDetail &other) const = default;

private:
    AuditDetailCode m_code = AuditDetailCode::None;
    QString m_codeText;
    QList<std::pair<QString, QString>> m_facts;
    QString m_legacy;
};

} // namespace VisitMap::Security
