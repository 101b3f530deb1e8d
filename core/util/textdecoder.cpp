// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdecoder.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace VisitMap {

namespace {

// Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8.
qsizetype firstInvalidUtf8(const QByteArray &b)
{
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData());
    const qsizetype n = b.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        int len = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 3;
        } else {
            return i;
        }
        for (int k = 1; k <= len; ++k) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                return i;
        }
        // Overlong three-byte forms and UTF-16 surrogates.
        if (c == 0xE0 && p[i + 1] < 0xA0)
            return i;
        if (c == 0xED && p[i + 1] >= 0xA0)
            return i;
        if (c == 0xF0 && p[i + 1] < 0x90)
            return i;
        if (c == 0xF4 && p[i + 1] >= 0x90)
            return i;
        i += len + 1;
    }
    return -1;
}

int lineOfOffset(const QByteArray &b, qsizetype offset)
{
    return int(QByteArrayView(b.constData(), offset).count('\n')) + 1;
}

} // namespace

Result<DecodedText> decodeText(const QByteArray &bytes, const QString &fileName)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        const QByteArray body = bytes.mid(3);
        const qsizetype bad = firstInvalidUtf8(body);
        if (bad >= 0) {
            return failAt(ErrorCode::Parse, fileName, lineOfOffset(body, bad),
                          QCoreApplication::translate(
                              "VisitMap", "the file starts with a UTF-8 mark but is not valid "
                                          "UTF-8 here (byte 0x%1)")
                              .arg(quint8(body.at(bad)), 2, 16, QLatin1Char('0')));
        }
        return DecodedText{QString::fromUtf8(body), TextEncoding::Utf8Bom};
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        QStringDecoder dec(QStringDecoder::Utf16, QStringDecoder::Flag::ConvertInitialBom);
        QString text = dec.decode(bytes);
        if (dec.hasError())
            return failAt(ErrorCode::Parse, fileName, 0,
                          QCoreApplication::translate("VisitMap", "the file is not valid UTF-16"));
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        return DecodedText{text, TextEncoding::Utf16};
    }
    if (bytes.contains('\0')) {
        return failAt(ErrorCode::Parse, fileName, lineOfOffset(bytes, bytes.indexOf('\0')),
                      QCoreApplication::translate("VisitMap",
                                                  "this is a binary file, not a text file"));
    }
    const qsizetype bad = firstInvalidUtf8(bytes);
    if (bad < 0)
        return DecodedText{QString::fromUtf8(bytes), TextEncoding::Utf8};

    QStringDecoder cp949("CP949", QStringDecoder::Flag::Stateless);
    if (cp949.isValid()) {
        QString text = cp949.decode(bytes);
        if (!cp949.hasError() && !text.contains(QChar::ReplacementCharacter))
            return DecodedText{text, TextEncoding::Cp949};
    }
    return failAt(ErrorCode::Parse, fileName, lineOfOffset(bytes, bad),
                  QCoreApplication::translate(
                      "VisitMap", "the text is neither UTF-8 nor CP949 (EUC-KR); save the file as "
                                  "\"CSV UTF-8\" and try again (first bad byte 0x%1)")
                      .arg(quint8(bytes.at(bad)), 2, 16, QLatin1Char('0')));
}

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf8Bom:
        return QStringLiteral("UTF-8 (BOM)");
    case TextEncoding::Utf16:
        return QStringLiteral("UTF-16");
    case TextEncoding::Cp949:
        return QStringLiteral("CP949");
    }
    return {};
}

} // namespace VisitMap
