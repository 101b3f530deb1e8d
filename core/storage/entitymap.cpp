// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitymap.h"

#include "database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlRecord>

namespace VisitMap::Sync {

namespace {

// Columns that describe this store's own sync state, never sent.
bool localOnly(const QString &table, const QString &column)
{
    return table == QLatin1String("households")
           && (column == QLatin1String("published") || column == QLatin1String("revision"));
}

} // namespace

const QList<EntitySpec> &entitySpecs()
{
    // Ranks: an office before its households, a household before what hangs off it, a visit
    // before the assessment made on it, everything before the voids that strike it out.
    static const QList<EntitySpec> specs = {
        {QStringLiteral("office"), QStringLiteral("offices"), QStringLiteral("code"), 0, false},
        {QStringLiteral("household"), QStringLiteral("households"), QStringLiteral("id"), 1, false},
        {QStringLiteral("person"), QStringLiteral("persons"), QStringLiteral("id"), 2, false},
        {QStringLiteral("crisis_report"), QStringLiteral("crisis_reports"), QStringLiteral("id"), 2,
         false},
        {QStringLiteral("case"), QStringLiteral("cases"), QStringLiteral("id"), 3, false},
        {QStringLiteral("signal"), QStringLiteral("crisis_signals"), QStringLiteral("id"), 3,
         false},
        {QStringLiteral("visit"), QStringLiteral("visits"), QStringLiteral("id"), 3, true},
        {QStringLiteral("service_link"), QStringLiteral("service_links"), QStringLiteral("id"), 3,
         false},
        {QStringLiteral("facility"), QStringLiteral("facilities"), QStringLiteral("id"), 3, false},
        {QStringLiteral("stage_change"), QStringLiteral("case_stage_changes"), QStringLiteral("id"),
         4, true},
        {QStringLiteral("checkin"), QStringLiteral("visit_checkins"), QStringLiteral("id"), 4,
         false},
        {QStringLiteral("assessment"), QStringLiteral("need_assessments"), QStringLiteral("id"), 4,
         true},
        {QStringLiteral("counseling"), QStringLiteral("counseling_notes"), QStringLiteral("id"), 4,
         true},
        {QStringLiteral("attachment"), QStringLiteral("attachments"), QStringLiteral("id"), 4,
         true},
        {QStringLiteral("void"), QStringLiteral("voids"), QStringLiteral("id"), 5, true},
    };
    return specs;
}

QString jsonText(const QJsonValue &value)
{
    // Wrapped in an array so that scalars come out as JSON too.
    const QByteArray a = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

QJsonValue jsonFromText(const QVariant &text)
{
    if (text.isNull())
        return QJsonValue::Null;
    const QJsonDocument d
        = QJsonDocument::fromJson(QByteArray("[") + text.toString().toUtf8() + "]");
    return d.isArray() && !d.array().isEmpty() ? d.array().first() : QJsonValue(text.toString());
}

const EntitySpec *entitySpec(const QString &entity)
{
    for (const EntitySpec &s : entitySpecs()) {
        if (s.entity == entity)
            return &s;
    }
    return nullptr;
}

Result<QList<RowCodec::Column>> RowCodec::columns(const QString &table)
{
    if (auto it = m_columns.constFind(table); it != m_columns.constEnd())
        return *it;
    auto q = m_db.execute(QStringLiteral("SELECT name, type FROM pragma_table_info(?)"), {table});
    if (!q)
        return fail(q.error());
    QList<Column> out;
    while (q->next())
        out.append(
            {q->value(0).toString(),
             q->value(1).toString().compare(QLatin1String("BLOB"), Qt::CaseInsensitive) == 0});
    if (out.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("the store has no table %1").arg(table));
    auto refs
        = m_db.strings(QStringLiteral("SELECT \"from\" FROM pragma_foreign_key_list(?)"), {table});
    if (!refs)
        return fail(refs.error());
    for (Column &c : out)
        c.reference = refs->contains(c.name);
    m_columns.insert(table, out);
    return out;
}

Result<bool> RowCodec::hasColumn(const QString &table, const QString &column)
{
    auto cols = columns(table);
    if (!cols)
        return fail(cols.error());
    for (const Column &c : *cols) {
        if (c.name == column)
            return true;
    }
    return false;
}

QJsonValue RowCodec::toJson(const QVariant &value, bool blob)
{
    if (value.isNull())
        return QJsonValue::Null;
    if (blob)
        return QString::fromLatin1(value.toByteArray().toBase64());
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    default:
        return value.toString();
    }
}

Result<QVariant>
RowCodec::toSql(const QString &table, const QString &column, const QJsonValue &value)
{
    auto cols = columns(table);
    if (!cols)
        return fail(cols.error());
    for (const Column &c : *cols) {
        if (c.name != column)
            continue;
        if (value.isNull() || value.isUndefined()
            || (c.reference && value.isString() && value.toString().isEmpty()))
            return QVariant();
        if (c.blob)
            return QVariant(QByteArray::fromBase64(value.toString().toLatin1()));
        if (value.isBool())
            return QVariant(value.toBool() ? 1 : 0);
        if (value.isDouble()) {
            const double d = value.toDouble();
            if (d == static_cast<double>(static_cast<qint64>(d)) && qAbs(d) < 9.0e15)
                return QVariant(static_cast<qint64>(d));
            return QVariant(d);
        }
        if (value.isArray() || value.isObject())
            return QVariant(jsonText(value));
        return QVariant(value.toString());
    }
    return fail(ErrorCode::Validation, QStringLiteral("%1 has no column %2").arg(table, column));
}

Result<QJsonObject>
RowCodec::readRow(const QString &table, const QString &where, const QVariantList &binds)
{
    auto cols = columns(table);
    if (!cols)
        return fail(cols.error());
    const QString key = table + u'|' + where;
    auto it = m_selects.find(key);
    if (it == m_selects.end()) {
        QStringList names;
        for (const Column &c : *cols)
            names << c.name;
        auto q = m_db.prepare(
            QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(names.join(u','), table, where));
        if (!q)
            return fail(q.error());
        it = m_selects.insert(key, *q);
    }
    QSqlQuery &q = *it;
    for (int i = 0; i < binds.size(); ++i)
        Storage::Database::bind(q, i, binds[i]);
    if (auto ok = Storage::Database::run(q); !ok)
        return fail(ok.error());
    QJsonObject row;
    if (q.next()) {
        for (int i = 0; i < cols->size(); ++i) {
            const Column &c = cols->at(i);
            if (!localOnly(table, c.name))
                row.insert(c.name, toJson(q.value(i), c.blob));
        }
    }
    q.finish();
    return row;
}

Result<std::optional<QJsonObject>> RowCodec::snapshot(const EntitySpec &spec, const QString &id)
{
    auto row = readRow(spec.table, spec.idColumn + QStringLiteral(" = ?"), {id});
    if (!row)
        return fail(row.error());
    if (row->isEmpty())
        return std::optional<QJsonObject>();
    if (spec.entity == QLatin1String("assessment")) {
        // The note travels as its ciphertext (민감정보); a plaintext note an older store has not
        // encrypted yet goes as it is.
        auto q = m_db.execute(
            QStringLiteral("SELECT domain, level, note, note_cipher FROM need_assessment_items "
                           "WHERE assessment_id = ? ORDER BY domain"),
            {id});
        if (!q)
            return fail(q.error());
        QJsonArray items;
        while (q->next()) {
            QJsonObject item{{QStringLiteral("domain"), q->value(0).toString()},
                             {QStringLiteral("level"), q->value(1).toInt()}};
            if (!q->value(2).toString().isEmpty())
                item.insert(QStringLiteral("note"), q->value(2).toString());
            if (!q->value(3).isNull())
                item.insert(QStringLiteral("note_cipher"), toJson(q->value(3), true));
            items.append(item);
        }
        row->insert(QStringLiteral("items"), items);
    } else if (spec.entity == QLatin1String("crisis_report")) {
        auto c = m_db.scalar(
            QStringLiteral("SELECT contact_cipher FROM crisis_report_contacts WHERE report_id = ?"),
            {id});
        if (!c)
            return fail(c.error());
        if (!c->isNull())
            row->insert(QStringLiteral("contact_cipher"), toJson(*c, true));
    } else if (spec.entity == QLatin1String("service_link")) {
        // A private resource an office added travels with the first link to it.
        auto r = readRow(QStringLiteral("resources"), QStringLiteral("id = ?"),
                         {row->value(QStringLiteral("resource_id")).toString()});
        if (!r)
            return fail(r.error());
        if (!r->isEmpty())
            row->insert(QStringLiteral("resource"), *r);
    }
    return std::optional<QJsonObject>(*row);
}

Status RowCodec::upsert(const EntitySpec &spec,
                        const QString &id,
                        const QJsonObject &data,
                        const QSet<QString> &skip)
{
    auto cols = columns(spec.table);
    if (!cols)
        return fail(cols.error());
    if (spec.entity == QLatin1String("service_link")
        && data.value(QStringLiteral("resource")).isObject()) {
        static const EntitySpec resource{QStringLiteral("resource"), QStringLiteral("resources"),
                                         QStringLiteral("id"), 0, false};
        const QJsonObject r = data.value(QStringLiteral("resource")).toObject();
        auto known = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM resources WHERE id = ?"),
                                 {r.value(QStringLiteral("id")).toString()});
        if (!known)
            return fail(known.error());
        if (known->toInt() == 0) {
            if (auto ok = upsert(resource, r.value(QStringLiteral("id")).toString(), r); !ok)
                return ok;
        }
    }
    QStringList names, marks, updates;
    QVariantList binds;
    names << spec.idColumn;
    marks << QStringLiteral("?");
    binds << id;
    for (const Column &c : *cols) {
        if (c.name == spec.idColumn || localOnly(spec.table, c.name) || !data.contains(c.name))
            continue;
        auto v = toSql(spec.table, c.name, data.value(c.name));
        if (!v)
            return fail(v.error());
        names << c.name;
        marks << QStringLiteral("?");
        binds << *v;
        if (!skip.contains(c.name))
            updates << QStringLiteral("%1 = excluded.%1").arg(c.name);
    }
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(%4) DO ")
                      .arg(spec.table, names.join(u','), marks.join(u','), spec.idColumn);
    // Append-only records are never edited (their tables refuse it): a known one is left as it is.
    sql += updates.isEmpty() || spec.appendOnly
               ? QStringLiteral("NOTHING")
               : QStringLiteral("UPDATE SET ") + updates.join(u',');
    auto q = m_db.execute(sql, binds);
    if (!q)
        return fail(ErrorCode::Sql,
                    QStringLiteral("%1 %2: %3").arg(spec.entity, id, q.error().message));
    if (spec.entity == QLatin1String("assessment")
        && data.value(QStringLiteral("items")).isArray()) {
        for (const QJsonValue &v : data.value(QStringLiteral("items")).toArray()) {
            const QJsonObject item = v.toObject();
            // A ciphertext held here is never replaced by an older copy's plaintext.
            const QJsonValue cipher = item.value(QStringLiteral("note_cipher"));
            auto iq = m_db.execute(
                QStringLiteral(
                    "INSERT INTO need_assessment_items (assessment_id, domain, level, "
                    "note, note_cipher) VALUES (?,?,?,?,?) "
                    "ON CONFLICT(assessment_id, domain) DO UPDATE SET level = excluded.level, "
                    "note = excluded.note, note_cipher = excluded.note_cipher "
                    "WHERE need_assessment_items.note_cipher IS NULL"),
                {id, item.value(QStringLiteral("domain")).toString(),
                 item.value(QStringLiteral("level")).toInt(),
                 item.value(QStringLiteral("note")).toString(),
                 cipher.isString() ? QVariant(QByteArray::fromBase64(cipher.toString().toLatin1()))
                                   : QVariant()});
            if (!iq)
                return fail(iq.error());
        }
    } else if (spec.entity == QLatin1String("crisis_report")
               && data.value(QStringLiteral("contact_cipher")).isString()) {
        auto cq = m_db.execute(
            QStringLiteral("INSERT OR REPLACE INTO crisis_report_contacts (report_id, office_code, "
                           "contact_cipher) VALUES (?,?,?)"),
            {id, data.value(QStringLiteral("office_code")).toVariant(),
             QByteArray::fromBase64(
                 data.value(QStringLiteral("contact_cipher")).toString().toLatin1())});
        if (!cq)
            return fail(cq.error());
    }
    return {};
}

Result<QString> RowCodec::householdOf(const EntitySpec &spec, const QString &id)
{
    auto has = hasColumn(spec.table, QStringLiteral("household_id"));
    if (!has)
        return fail(has.error());
    if (!*has)
        return QString();
    auto h = m_db.scalar(
        QStringLiteral("SELECT household_id FROM %1 WHERE %2 = ?").arg(spec.table, spec.idColumn),
        {id});
    if (!h)
        return fail(h.error());
    return h->isNull() ? QString() : h->toString();
}

} // namespace VisitMap::Sync
