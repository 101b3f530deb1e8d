// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporttable.h"

#include "util/csv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <cstdio>
#include <xlsxwriter.h>

namespace VisitMap::Export {

ExportFormat ExportTableWriter::formatFor(const QString &path)
{
    return path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) ? ExportFormat::Xlsx
                                                                      : ExportFormat::Csv;
}

Status ExportTableWriter::write(const ExportTable &table, const QString &path, ExportFormat format)
{
    return format == ExportFormat::Xlsx ? writeXlsx(table, path) : writeCsv(table, path);
}

Status ExportTableWriter::writeCsv(const ExportTable &table, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failAt(ErrorCode::Io, path, 0,
                      QStringLiteral("cannot write: %1").arg(file.errorString()));
    CsvWriter csv(&file);
    csv.writeRow(table.header);
    for (const QStringList &row : table.rows)
        csv.writeRow(row);
    if (!csv.ok() || !file.commit())
        return failAt(ErrorCode::Io, path, 0,
                      QStringLiteral("cannot write: %1").arg(file.errorString()));
    return {};
}

namespace {
// A worksheet name: at most 31 characters, none of []:*?/\ (Excel refuses them).
QString sheetName(const QString &wanted)
{
    QString name = wanted.isEmpty() ? QStringLiteral("Sheet1") : wanted;
    for (QChar &c : name)
        if (QStringLiteral("[]:*?/\\").contains(c))
            c = QLatin1Char('_');
    return name.left(31);
}
} // namespace

Status ExportTableWriter::writeXlsx(const ExportTable &table, const QString &path)
{
    // The workbook is written beside the target under a temporary name and renamed over it once
    // complete, so a failed export leaves no half file and never replaces a good one.
    const QFileInfo target(path);
    QTemporaryFile part(target.dir().filePath(QStringLiteral(".%1.XXXXXX").arg(target.fileName())));
    if (!part.open())
        return failAt(ErrorCode::Io, path, 0,
                      QStringLiteral("cannot write: %1").arg(part.errorString()));
    part.close();
    const QByteArray partPath = QFile::encodeName(part.fileName());
    const QByteArray tmpDir = QFile::encodeName(target.absolutePath());
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // rows go out as written: a district stays light
    options.tmpdir = const_cast<char *>(tmpDir.constData());
    lxw_workbook *book = workbook_new_opt(partPath.constData(), &options);
    if (!book)
        return failAt(ErrorCode::Io, path, 0, QStringLiteral("cannot start a workbook"));
    const QByteArray name = sheetName(table.sheetName).toUtf8();
    lxw_worksheet *sheet = workbook_add_worksheet(book, name.constData());
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    worksheet_freeze_panes(sheet, 1, 0);
    for (int c = 0; c < table.header.size(); ++c)
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c),
                             qMax(8, int(table.header.at(c).size()) * 2 + 2), nullptr);
    for (int c = 0; c < table.header.size(); ++c)
        worksheet_write_string(sheet, 0, lxw_col_t(c), table.header.at(c).toUtf8().constData(),
                               bold);
    for (int r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        for (int c = 0; c < row.size(); ++c) {
            const QString &value = row.at(c);
            if (value.isEmpty())
                continue;
            bool isNumber = false;
            const double number = table.numberColumns.contains(c) ? value.toDouble(&isNumber) : 0;
            if (isNumber)
                worksheet_write_number(sheet, lxw_row_t(r + 1), lxw_col_t(c), number, nullptr);
            else
                worksheet_write_string(sheet, lxw_row_t(r + 1), lxw_col_t(c),
                                       value.toUtf8().constData(), nullptr);
        }
    }
    if (!table.header.isEmpty())
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.size()),
                             lxw_col_t(table.header.size() - 1));
    if (const lxw_error err = workbook_close(book); err != LXW_NO_ERROR)
        return failAt(ErrorCode::Io, path, 0,
                      QStringLiteral("cannot write: %1").arg(QString::fromUtf8(lxw_strerror(err))));
    if (std::rename(partPath.constData(), QFile::encodeName(target.absoluteFilePath()).constData())
        != 0)
        return failAt(ErrorCode::Io, path, 0,
                      QStringLiteral("cannot write: %1").arg(qt_error_string(errno)));
    part.setAutoRemove(false); // renamed: nothing left to remove
    return {};
}

} // namespace VisitMap::Export
