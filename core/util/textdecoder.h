// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace VisitMap {

enum class TextEncoding { Utf8, Utf8Bom, Utf16, Cp949 };

struct DecodedText
{
    QString text;
    TextEncoding encoding = TextEncoding::Utf8;
};

// Decodes a text file as Korean offices write them: UTF-8 with or without a BOM, UTF-16 with a
// BOM (Excel's "Unicode text"), or CP949 (Excel's default "CSV" on Korean Windows). A file that is
// none of these is refused with the line of the first byte that fits no encoding.
Result<DecodedText> decodeText(const QByteArray &bytes, const QString &fileName);

QString encodingName(TextEncoding encoding);

} // namespace VisitMap
