// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importcontrol.h"
#include "importreport.h"
#include "model/office.h"
#include "util/result.h"

#include <QSet>
#include <QString>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Import {

// Every kind of file a store takes in. The first three are read here; visits through CaseWork;
// reports and signals through Intake::IntakeImport.
enum class ImportKind { Households, Boundaries, Facilities, Visits, Reports, Signals };

// Why an import of a kind may not even be attempted by the signed-in account.
enum class ImportRefusal {
    None,
    NotSignedIn,
    NoRight,   // the account's role lacks the right (importData, or editing for visits)
    DemoStore, // real households never go into a synthetic demo store
};

struct ImportOptions
{
    QString crs; // coordinates of a households CSV when not WGS84 lon/lat ("EPSG:5179")
};

// Runs an import for the signed-in account: checks the right to import, validates the whole file
// and writes it in one transaction, or writes nothing and reports every bad row. An Error (not a
// report) means the import could not be attempted (no right, a demo store, an unreadable file)
// or was cancelled through the control (ErrorCode::Cancelled: nothing was written).
class ImportService
{
public:
    explicit ImportService(Workspace &workspace, ImportControl control = {})
        : m_ws(workspace)
        , m_control(std::move(control))
    {
    }

    ImportRefusal refusal(ImportKind kind) const;

    Result<ImportReport> run(ImportKind kind, const QString &path, const ImportOptions &options = {});
    // The store gains every bundled 행정동 of each 시군구 the households fall in, so the map
    // draws the whole 구 even when the file names a few of its 행정동.
    Result<ImportReport> households(const QString &path, const ImportOptions &options = {});
    // The file's boundaries, and the bundled boundaries of the rest of each 시군구 it names
    // (the file's own win for the 행정동 it holds).
    Result<ImportReport> boundaries(const QString &path);
    Result<ImportReport> facilities(const QString &path);
    // Transcribed paper visit logs (CSV). A row the store already holds (same household, time,
    // kind and outcome), or a row repeating an earlier row of the file, is skipped and named in
    // the notes, so importing the same file twice does not double any visit.
    Result<ImportReport> visits(const QString &path);
    // 복지위기 알림 reports (JSON) and 발굴 lists (CSV), through Intake::IntakeImport: progress by
    // rows placed or matched and written, and a cancel between rows rolls everything back.
    Result<ImportReport> reports(const QString &path);
    Result<ImportReport> signalRounds(const QString &path);

    // Households are written in batches of this many, between which a cancel is seen.
    static constexpr int writeBatch = 250;

private:
    Status refuse(ImportKind kind) const;
    // Reports or Signals: the intake's import of the file inside one transaction.
    Result<ImportReport> intake(ImportKind kind, const QString &path);
    // Bundled 행정동 of the 시군구 of `codes` that are neither in the store nor in `given`.
    QList<Office> districtFill(const QStringList &codes, const QSet<QString> &have) const;

    Workspace &m_ws;
    ImportControl m_control;
};

} // namespace VisitMap::Import
