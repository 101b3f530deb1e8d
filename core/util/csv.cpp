// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv.h"

#include "textdecoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace VisitMap {

int CsvTable::column(std::initializer_list<QStringView> names) const
{
    for (QStringView name : names) {
        for (int i = 0; i < header.size(); ++i) {
            if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return i;
        }
    }
    return -1;
}

Result<CsvTable> CsvReader::parse(const QString &text, const QString &fileName)
{
    CsvTable table;
    const QChar *p = text.constData();
    const qsizetype n = text.size();
    qsizetype i = 0;
    int line = 1;
    bool headerDone = false;

    while (i < n) {
        CsvRecord record;
        record.line = line;
        QString field;
        bool recordHasContent = false;
        bool endOfRecord = false;
        while (!endOfRecord) {
            field.clear();
            if (i < n && p[i] == QLatin1Char('"')) {
                const int quoteLine = line;
                ++i;
                bool closed = false;
                while (i < n) {
                    const QChar c = p[i];
                    if (c == QLatin1Char('"')) {
                        if (i + 1 < n && p[i + 1] == QLatin1Char('"')) {
                            field += QLatin1Char('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == QLatin1Char('\n'))
                        ++line;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    return failAt(ErrorCode::Parse, fileName, quoteLine,
                                  QCoreApplication::translate(
                                      "VisitMap", "a quoted field is never closed (missing \")"));
                }
                // Spaces Excel never writes but people do: tolerate them before the separator.
                while (i < n && (p[i] == QLatin1Char(' ') || p[i] == QLatin1Char('\t')))
                    ++i;
                if (i < n && p[i] != QLatin1Char(',') && p[i] != QLatin1Char('\n')
                    && p[i] != QLatin1Char('\r')) {
                    return failAt(ErrorCode::Parse, fileName, line,
                                  QCoreApplication::translate(
                                      "VisitMap", "unexpected text after a closing quote"));
                }
                recordHasContent = true;
            } else {
                const qsizetype start = i;
                while (i < n && p[i] != QLatin1Char(',') && p[i] != QLatin1Char('\n')
                       && p[i] != QLatin1Char('\r'))
                    ++i;
                field = QString(p + start, i - start);
                if (!field.isEmpty())
                    recordHasContent = true;
            }
            record.fields.append(field);
            if (i >= n) {
                endOfRecord = true;
            } else if (p[i] == QLatin1Char(',')) {
                recordHasContent = true;
                ++i;
                if (i >= n)
                    record.fields.append(QString());
            } else {
                if (p[i] == QLatin1Char('\r'))
                    ++i;
                if (i < n && p[i] == QLatin1Char('\n'))
                    ++i;
                ++line;
                endOfRecord = true;
            }
        }
        if (!recordHasContent)
            continue; // blank line
        if (!headerDone) {
            table.header = record.fields;
            for (QString &h : table.header)
                h = h.trimmed();
            headerDone = true;
        } else {
            table.rows.append(std::move(record));
        }
    }
    if (!headerDone)
        return failAt(ErrorCode::Parse, fileName, 1,
                      QCoreApplication::translate("VisitMap", "the file is empty (no header row)"));
    return table;
}

Result<CsvTable> CsvReader::readFile(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly))
        return failAt(ErrorCode::Io, path, 0,
                      QCoreApplication::translate("VisitMap", "cannot open the file: %1")
                          .arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    auto decoded = decodeText(bytes, path);
    if (!decoded)
        return fail(decoded.error());
    return parse(decoded->text, path);
}

CsvWriter::CsvWriter(QIODevice *device) : m_device(device)
{
    if (m_device->pos() == 0)
        m_ok = m_device->write("\xEF\xBB\xBF", 3) == 3;
}

bool CsvWriter::startsFormula(const QString &field)
{
    if (field.isEmpty())
        return false;
    // = + - @ start a formula (a leading - or + too: "-1+2", "+cmd|' /C calc'!A0"); so do a tab
    // or a carriage return before one, which spreadsheets skip. A true number ("-12.5") is a
    // value, not a formula, and stays a number.
    const QChar c = field.front();
    if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
        return true;
    if (c != QLatin1Char('-'))
        return false;
    static const QRegularExpression number(
        QStringLiteral("^-(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?$"));
    return !number.match(field).hasMatch();
}

QString CsvWriter::escape(const QString &field)
{
    bool needs = false;
    for (QChar c : field) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\n')
            || c == QLatin1Char('\r')) {
            needs = true;
            break;
        }
    }
    // A cell Excel or LibreOffice would evaluate as a formula is quote-prefixed (CSV injection).
    QString value = field;
    if (startsFormula(value)) {
        value.prepend(QLatin1Char('\''));
        needs = true;
    }
    if (!needs)
        return value;
    value.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

void CsvWriter::writeRow(const QStringList &fields)
{
    QString line;
    for (int i = 0; i < fields.size(); ++i) {
        if (i)
            line += QLatin1Char(',');
        line += escape(fields.at(i));
    }
    line += QLatin1String("\r\n");
    const QByteArray bytes = line.toUtf8();
    if (m_device->write(bytes) != bytes.size())
        m_ok = false;
}

} // namespace VisitMap
