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

VisitImporter::Parsed VisitImporter::parse(const CsvTable &table, const QString &fileName, const QDateTime &now,
                                           const std::function<QString(const QString &)> &householdProblem)
{
    Parsed out;
    ColumnMap columns(table, fileName, out.report);
    const int cHousehold = columns.find({u"household", u"household_id", u"가구ID", u"가구"});
    const int cKind = columns.find({u"kind", u"구분", u"방법"});
    const int cOutcome = columns.find({u"outcome", u"결과"});
    const int cAt = columns.find({u"at", u"일시", u"방문일시"});
    const int cMet = columns.find({u"met_whom", u"만난사람"});
    const int cStaff = columns.find({u"staff", u"방문자"});
    const int cNote = columns.find({u"note", u"notes", u"내용", u"메모"});
    if (!out.report.ok())
        return out;
    for (auto [col, name] : {std::pair{cHousehold, "household"}, {cKind, "kind"}, {cOutcome, "outcome"}, {cAt, "at"}}) {
        if (col < 0)
            out.report.addError(fileName, 1, {}, QStringLiteral("no %1 column").arg(QString::fromLatin1(name)));
    }
    if (!out.report.ok())
        return out;
    auto field = [](const CsvRecord &r, int c) {
        return c >= 0 && c < r.fields.size() ? Field::clean(r.fields.at(c)) : QString();
    };
    for (const CsvRecord &r : table.rows) {
        const int before = int(out.report.errors.size());
        auto bad = [&](int col, const QString &why) { out.report.addError(fileName, r.line, table.header.value(col), why); };
        if (r.fields.size() != table.header.size()) {
            out.report.addError(fileName, r.line, {},
                                QStringLiteral("has %1 fields; the header has %2").arg(r.fields.size()).arg(table.header.size()));
            continue;
        }
        Visit v;
        v.householdId = field(r, cHousehold);
        if (const QString why = householdProblem(v.householdId); !why.isEmpty())
            bad(cHousehold, why);
        const QString kind = field(r, cKind), outcome = field(r, cOutcome);
        if (const auto k = visitKindFromCode(kind))
            v.kind = *k;
        else
            bad(cKind, QStringLiteral("'%1' is not a kind (visit/phone/office/check or 방문/전화/내방/안부확인)").arg(kind));
        if (const auto o = visitOutcomeFromCode(outcome))
            v.outcome = *o;
        else
            bad(cOutcome, QStringLiteral("'%1' is not an outcome (met/absent/refused/moved or 만남/부재/거부/이사)").arg(outcome));
        v.at = parseWhen(field(r, cAt));
        if (!v.at.isValid())
            bad(cAt, QStringLiteral("'%1' is not a date and time (YYYY-MM-DD HH:MM)").arg(field(r, cAt)));
        v.metWhom = field(r, cMet);
        v.staffPresent = field(r, cStaff);
        v.notes = field(r, cNote);
        if (int(out.report.errors.size()) == before) {
            if (const QString why = Storage::VisitStore::validate(v, now); !why.isEmpty())
                bad(cAt, why);
        }
        if (int(out.report.errors.size()) == before) {
            out.visits.append(v);
            out.lines.append(r.line);
        }
    }
    if (!out.report.ok()) {
        out.visits.clear();
        out.lines.clear();
    }
    return out;
}

} // namespace VisitMap::Import
