// SPDX-License-Identifier: GPL-3.0-or-later
#include "signalparser.h"

#include "import/columnmap.h"
#include "import/fieldparse.h"
#include "util/uuid.h"

#include <QRegularExpression>
#include <QSet>

namespace VisitMap::Intake {

namespace Field = Import::Field;

QString SignalRow::key() const
{
    return signalRepeatKey(roundId, name, birth.toString(Qt::ISODate), householdId, itemVersion, itemCode);
}

QString SignalParser::normaliseRound(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})\\s*(?:년)?\\s*[-./ ]?\\s*(?:제)?\\s*([1-6])\\s*(?:차|회차)?$"));
    const auto m = re.match(Field::clean(text));
    if (!m.hasMatch())
        return {};
    const int year = m.captured(1).toInt();
    if (year < 2015 || year > 2100) // the 발굴 system began listing in December 2015
        return {};
    return QStringLiteral("%1-%2").arg(year).arg(m.captured(2));
}

namespace {

struct Columns
{
    int round, household, name, birth, rrn, address, code, version, amount, months, received;
};

// A money amount as spreadsheets write it: "1,234,000", "1234000원", "1.2E+06" (whole won).
std::optional<qint64> amountOf(const QString &text)
{
    QString t = Field::clean(text);
    t.remove(u',');
    if (t.endsWith(u'원'))
        t.chop(1);
    t = t.trimmed();
    bool ok = false;
    const qint64 v = t.toLongLong(&ok);
    if (ok)
        return v;
    const auto d = Field::number(t);
    if (d && *d == std::floor(*d) && std::abs(*d) < 1e15)
        return qint64(*d);
    return std::nullopt;
}

} // namespace

SignalParser::Parsed SignalParser::parse(const CsvTable &table, const QString &fileName, const ItemTable &items,
                                         const QString &defaultVersion, const QDate &today)
{
    Parsed out;
    Import::ImportReport &report = out.report;
    Import::ColumnMap columns(table, fileName, report);
    const Columns c{
        columns.find({u"round_id", u"round", u"회차", u"발굴회차"},
                     Import::ColumnMap::Need::Required),
        columns.find({u"household_id", u"가구ID", u"가구번호"}),
        columns.find({u"name", u"성명", u"이름", u"대상자명"}),
        columns.find({u"birth_date", u"birth", u"생년월일"}),
        columns.find({u"rrn", u"주민등록번호"}),
        columns.find({u"address", u"주소", u"도로명주소"}),
        columns.find({u"item_code", u"code", u"위기정보코드", u"항목코드"},
                     Import::ColumnMap::Need::Required),
        columns.find({u"item_version", u"code_version", u"코드버전"}),
        columns.find({u"amount", u"금액", u"체납금액"}),
        columns.find({u"months", u"개월수", u"체납개월"}),
        columns.find({u"received_date", u"received", u"통보일", u"수신일"}),
    };
    if (!report.ok())
        return out;
    (void)columns.checkRequired();
    if (c.household < 0 && c.name < 0)
        report.addError(
            fileName, 1, {}, Import::RowProblem::MissingColumn,
            {QStringLiteral("household_id, name + birth_date, rrn")},
            QStringLiteral(
                "no column saying who is listed (household_id, or name with birth_date or rrn)"));
    if (!report.ok())
        return out;
    if (!items.contains(defaultVersion))
        report.addError(
            fileName, 1, {}, Import::RowProblem::NoItemTable, {defaultVersion},
            QStringLiteral("the store has no crisis-item table %1").arg(defaultVersion));

    auto field = [](const CsvRecord &r, int col) {
        return col >= 0 && col < r.fields.size() ? Field::clean(r.fields.at(col)) : QString();
    };
    QHash<QString, int> seen; // key -> line
    for (const CsvRecord &r : table.rows) {
        const int errorsBefore = int(report.errors.size());
        auto bad = [&](int col, Import::RowProblem problem, const QStringList &args,
                       const QString &why) {
            report.addError(fileName, r.line, table.header.value(col), problem, args, why);
        };
        if (r.fields.size() != table.header.size()) {
            report.addError(
                fileName, r.line, {}, Import::RowProblem::FieldCount,
                {QString::number(r.fields.size()), QString::number(table.header.size())},
                QStringLiteral(
                    "has %1 fields; the header has %2 (a comma inside an unquoted value?)")
                    .arg(r.fields.size())
                    .arg(table.header.size()));
            continue;
        }
        SignalRow s;
        s.line = r.line;
        const QString roundText = field(r, c.round);
        s.roundId = normaliseRound(roundText);
        if (roundText.isEmpty())
            bad(c.round, Import::RowProblem::Empty, {}, QStringLiteral("the round is empty"));
        else if (s.roundId.isEmpty())
            bad(c.round, Import::RowProblem::NotRound, {roundText},
                QStringLiteral("'%1' is not a 발굴 round (year and round 1–6, e.g. 2026-6)")
                    .arg(roundText));

        s.householdId = field(r, c.household);
        if (!s.householdId.isEmpty() && !Uuid::isValid(s.householdId))
            bad(c.household, Import::RowProblem::NotHouseholdId, {s.householdId},
                QStringLiteral("'%1' is not a household id (a UUID)").arg(s.householdId));

        s.name = field(r, c.name);
        if (s.name.size() > 50)
            bad(c.name, Import::RowProblem::TooLong, {QStringLiteral("50")},
                QStringLiteral("the name is longer than 50 characters"));
        const QString rrnText = field(r, c.rrn);
        if (!rrnText.isEmpty()) {
            if (Field::isMasked(rrnText)) {
                bad(c.rrn, Import::RowProblem::MaskedRrn, {},
                    QStringLiteral("the 주민등록번호 is masked (from a masked export); give it "
                                   "whole or leave it empty"));
            } else if (const auto rrn = Field::rrn(rrnText)) {
                s.rrn = *rrn;
                s.birth = Field::birthDateFromRrn(*rrn);
                s.sex = Field::sexFromRrn(*rrn);
            } else {
                bad(c.rrn, Import::RowProblem::NotRrn, {},
                    QStringLiteral(
                        "not a 주민등록번호 (13 digits, YYMMDD-GNNNNNN, with a valid date)"));
            }
        }
        const QString birthText = field(r, c.birth);
        if (!birthText.isEmpty()) {
            const auto d = Field::date(birthText);
            if (!d)
                bad(c.birth, Import::RowProblem::NotBirthDate, {birthText},
                    QStringLiteral("'%1' is not a birth date (YYYY-MM-DD)").arg(birthText));
            else if (*d > today || d->year() < 1890)
                bad(c.birth, Import::RowProblem::ImpossibleBirthDate, {d->toString(Qt::ISODate)},
                    QStringLiteral("the birth date %1 is not possible")
                        .arg(d->toString(Qt::ISODate)));
            else if (s.birth.isValid() && s.birth != *d)
                bad(c.birth, Import::RowProblem::BirthDisagreesRrn,
                    {d->toString(Qt::ISODate), s.birth.toString(Qt::ISODate)},
                    QStringLiteral("the birth date %1 does not agree with the 주민등록번호 (%2)")
                        .arg(d->toString(Qt::ISODate), s.birth.toString(Qt::ISODate)));
            else
                s.birth = *d;
        }
        if (s.householdId.isEmpty()) {
            if (s.name.isEmpty())
                bad(c.name, Import::RowProblem::NobodyListed, {},
                    QStringLiteral("neither a household id nor a name: who is listed?"));
            else if (!s.birth.isValid() && birthText.isEmpty() && rrnText.isEmpty())
                bad(c.birth, Import::RowProblem::NameNeedsBirth, {},
                    QStringLiteral(
                        "a name without birth date or 주민등록번호 cannot be matched to a person"));
        }
        s.address = field(r, c.address);
        if (s.address.size() > 200)
            bad(c.address, Import::RowProblem::TooLong, {QStringLiteral("200")},
                QStringLiteral("the address is longer than 200 characters"));

        s.itemVersion = field(r, c.version);
        if (s.itemVersion.isEmpty())
            s.itemVersion = defaultVersion;
        s.itemCode = field(r, c.code).toUpper();
        const CrisisItem *item = nullptr;
        if (!items.contains(s.itemVersion)) {
            bad(c.version, Import::RowProblem::UnknownItemTable,
                {s.itemVersion, QStringList(items.keys()).join(QStringLiteral(", "))},
                QStringLiteral("there is no crisis-item table %1 (this store has %2)")
                    .arg(s.itemVersion, QStringList(items.keys()).join(QStringLiteral(", "))));
        } else if (s.itemCode.isEmpty()) {
            bad(c.code, Import::RowProblem::Empty, {},
                QStringLiteral("the crisis-item code is empty"));
        } else {
            const auto &table_ = items[s.itemVersion];
            auto it = table_.constFind(s.itemCode);
            if (it == table_.constEnd())
                bad(c.code, Import::RowProblem::UnknownItem,
                    {s.itemCode, s.itemVersion, QString::number(table_.size())},
                    QStringLiteral("'%1' is not an item of the %2 crisis-item table (%3 items)")
                        .arg(s.itemCode, s.itemVersion)
                        .arg(table_.size()));
            else
                item = &*it;
        }
        const QString amountText = field(r, c.amount);
        if (!amountText.isEmpty()) {
            s.amount = amountOf(amountText);
            if (!s.amount)
                bad(c.amount, Import::RowProblem::NotAmount, {amountText},
                    QStringLiteral("'%1' is not an amount in won").arg(amountText));
            else if (*s.amount < 0)
                bad(c.amount, Import::RowProblem::Negative, {QString::number(*s.amount)},
                    QStringLiteral("the amount %1 is negative").arg(*s.amount));
        }
        const QString monthsText = field(r, c.months);
        if (!monthsText.isEmpty()) {
            s.months = Field::integer(monthsText);
            if (!s.months)
                bad(c.months, Import::RowProblem::NotMonths, {monthsText},
                    QStringLiteral("'%1' is not a number of months").arg(monthsText));
            else if (*s.months < 0 || *s.months > 600)
                bad(c.months, Import::RowProblem::ImpossibleMonths, {QString::number(*s.months)},
                    QStringLiteral("%1 months is not possible (0–600)").arg(*s.months));
        }
        if (item) {
            if (item->unit == QLatin1String("amount") && amountText.isEmpty())
                bad(c.amount, Import::RowProblem::NeedsAmount, {item->code, item->name},
                    QStringLiteral("%1 (%2) needs the amount").arg(item->code, item->name));
            if (item->unit == QLatin1String("months") && monthsText.isEmpty())
                bad(c.months, Import::RowProblem::NeedsMonths, {item->code, item->name},
                    QStringLiteral("%1 (%2) needs the number of months")
                        .arg(item->code, item->name));
        }
        const QString receivedText = field(r, c.received);
        s.received = today;
        if (!receivedText.isEmpty()) {
            const auto d = Field::date(receivedText);
            if (!d)
                bad(c.received, Import::RowProblem::NotDate, {receivedText},
                    QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(receivedText));
            else if (*d > today)
                bad(c.received, Import::RowProblem::FutureDate, {d->toString(Qt::ISODate)},
                    QStringLiteral("the date %1 is in the future").arg(d->toString(Qt::ISODate)));
            else
                s.received = *d;
        }
        if (int(report.errors.size()) != errorsBefore)
            continue;
        const QString key = s.key();
        if (auto it = seen.constFind(key); it != seen.constEnd()) {
            report.addError(
                fileName, r.line, {}, Import::RowProblem::RepeatsLine,
                {QString::number(it.value())},
                QStringLiteral("repeats line %1 (same round, person and item)").arg(it.value()));
            continue;
        }
        seen.insert(key, r.line);
        out.rows << s;
    }
    if (table.rows.isEmpty())
        report.addError(fileName, 1, {}, Import::RowProblem::FileEmpty, {},
                        QStringLiteral("the file has a header but no rows"));
    if (!report.ok())
        out.rows.clear();
    return out;
}

} // namespace VisitMap::Intake
