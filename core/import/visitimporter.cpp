// SPDX-License-Identifier: GPL-3.0-or-later
#include "visitimporter.h"

#include "columnmap.h"
#include "fieldparse.h"
#include "storage/visitstore.h"
#include "util/clock.h"

#include <QRegularExpression>

namespace VisitMap::Import {

QDateTime VisitImporter::parseWhen(const QString &text)
{
    const QString t = Field::clean(text);
    if (t.isEmpty())
        return {};
    if (const QDateTime iso = Iso::parse(t); iso.isValid())
        return iso;
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})\\.?(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$"));
    const auto m = re.match(t);
    if (!m.hasMatch())
        return {};
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time = m.captured(4).isEmpty() ? QTime(12, 0)
                                               : QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!d.isValid() || !time.isValid())
        return {};
    return QDateTime(d, time, Clock::seoul()).toUTC();
}

namespace {

struct Columns
{
    int household, kind, outcome, at, met, staff, note;
};

Columns findColumns(ColumnMap &columns)
{
    Columns c;
    constexpr auto required = ColumnMap::Need::Required;
    c.household = columns.find({u"household", u"household_id", u"가구ID", u"가구"}, required);
    c.kind = columns.find({u"kind", u"구분", u"방법"}, required);
    c.outcome = columns.find({u"outcome", u"결과"}, required);
    c.at = columns.find({u"at", u"일시", u"방문일시"}, required);
    c.met = columns.find({u"met_whom", u"만난사람"});
    c.staff = columns.find({u"staff", u"방문자"});
    c.note = columns.find({u"note", u"notes", u"내용", u"메모"});
    return c;
}

} // namespace

QList<ColumnMap::Use> VisitImporter::columns(const CsvTable &table)
{
    ImportReport ignored;
    ColumnMap map(table, {}, ignored);
    (void)findColumns(map);
    return map.uses();
}

VisitImporter::Parsed
VisitImporter::parse(const CsvTable &table,
                     const QString &fileName,
                     const QDateTime &now,
                     const std::function<RowReason(const QString &)> &householdProblem,
                     const ImportControl *control)
{
    Parsed out;
    ColumnMap columns(table, fileName, out.report);
    const Columns c = findColumns(columns);
    const int cHousehold = c.household, cKind = c.kind, cOutcome = c.outcome, cAt = c.at,
              cMet = c.met, cStaff = c.staff, cNote = c.note;
    if (!out.report.ok())
        return out;
    if (!columns.checkRequired())
        return out;
    auto field = [](const CsvRecord &r, int c) {
        return c >= 0 && c < r.fields.size() ? Field::clean(r.fields.at(c)) : QString();
    };
    const qint64 total = table.rows.size();
    for (qint64 i = 0; i < total; ++i) {
        const CsvRecord &r = table.rows.at(i);
        if (control) {
            if (control->cancelled()) {
                out.cancelled = true;
                out.visits.clear();
                out.lines.clear();
                return out;
            }
            control->report(ImportStage::Checking, i, total);
        }
        const int before = int(out.report.errors.size());
        auto bad = [&](int col, RowProblem problem, const QStringList &args, const QString &why) {
            out.report.addError(fileName, r.line, table.header.value(col), problem, args, why);
        };
        if (r.fields.size() != table.header.size()) {
            out.report.addError(
                fileName, r.line, {}, RowProblem::FieldCount,
                {QString::number(r.fields.size()), QString::number(table.header.size())},
                QStringLiteral("has %1 fields; the header has %2")
                    .arg(r.fields.size())
                    .arg(table.header.size()));
            continue;
        }
        Visit v;
        v.householdId = field(r, cHousehold);
        if (const RowReason why = householdProblem(v.householdId); !why.isEmpty())
            out.report.addError(fileName, r.line, table.header.value(cHousehold), why);
        const QString kind = field(r, cKind), outcome = field(r, cOutcome);
        if (const auto k = visitKindFromCode(kind))
            v.kind = *k;
        else
            bad(cKind, RowProblem::NotOneOf, {kind, QStringLiteral("방문, 전화, 내방, 안부확인")},
                QStringLiteral(
                    "'%1' is not a kind (visit/phone/office/check or 방문/전화/내방/안부확인)")
                    .arg(kind));
        if (const auto o = visitOutcomeFromCode(outcome))
            v.outcome = *o;
        else
            bad(cOutcome, RowProblem::NotOneOf, {outcome, QStringLiteral("만남, 부재, 거부, 이사")},
                QStringLiteral(
                    "'%1' is not an outcome (met/absent/refused/moved or 만남/부재/거부/이사)")
                    .arg(outcome));
        v.at = parseWhen(field(r, cAt));
        if (!v.at.isValid())
            bad(cAt, RowProblem::NotDateTime, {field(r, cAt)},
                QStringLiteral("'%1' is not a date and time (YYYY-MM-DD HH:MM)")
                    .arg(field(r, cAt)));
        v.metWhom = field(r, cMet);
        v.staffPresent = field(r, cStaff);
        v.notes = field(r, cNote);
        if (int(out.report.errors.size()) == before) {
            const QString when = field(r, cAt);
            if (v.at > now.addSecs(10 * 60))
                bad(cAt, RowProblem::FutureDate, {when}, Storage::VisitStore::validate(v, now));
            else if (v.at < now.addYears(-10))
                bad(cAt, RowProblem::TooOld, {when}, Storage::VisitStore::validate(v, now));
            else if (const QString why = Storage::VisitStore::validate(v, now); !why.isEmpty())
                bad(cAt, RowProblem::Unspecified, {}, why);
        }
        if (int(out.report.errors.size()) == before) {
            out.visits.append(v);
            out.lines.append(r.line);
        }
    }
    if (control)
        control->report(ImportStage::Checking, total, total);
    if (!out.report.ok()) {
        out.visits.clear();
        out.lines.clear();
    }
    return out;
}

} // namespace VisitMap::Import
