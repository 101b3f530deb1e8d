// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testsupport.h"
#include "util/csv.h"
#include "util/textdecoder.h"

#include <QBuffer>
#include <QStringDecoder>
#include <QStringEncoder>

using namespace VisitMap;

TEST_CASE("CSV fields keep commas, quotes and line breaks inside quotes", "[core][util]")
{
    const QString text = QStringLiteral("a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\n\n2,\"two\nlines\",\n");
    auto t = CsvReader::parse(text, QStringLiteral("f.csv"));
    REQUIRE(t);
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0].fields == QStringList{QStringLiteral("1"), QStringLiteral("x, y"), QStringLiteral("he said \"hi\"")});
    CHECK(t->rows[0].line == 2);
    CHECK(t->rows[1].fields.at(1) == QStringLiteral("two\nlines"));
    CHECK(t->rows[1].fields.size() == 3);
    CHECK(t->rows[1].line == 4); // the blank line 3 is skipped, line numbers stay true
}

TEST_CASE("An unterminated quote is reported at the line where it opens", "[core][util]")
{
    auto t = CsvReader::parse(QStringLiteral("a,b\n1,2\n3,\"open\n4,5\n"), QStringLiteral("f.csv"));
    REQUIRE_FALSE(t);
    CHECK(t.error().line == 3);
    CHECK(t.error().file == QStringLiteral("f.csv"));
    auto after = CsvReader::parse(QStringLiteral("a,b\n\"x\"y,2\n"), QStringLiteral("g.csv"));
    REQUIRE_FALSE(after);
    CHECK(after.error().line == 2);
}

TEST_CASE("Text files are read as UTF-8, UTF-8 with BOM or CP949, and nothing else", "[core][util]")
{
    const QString korean = QStringLiteral("이름,주소\n김민수,서울특별시 서대문구\n");
    auto utf8 = decodeText(korean.toUtf8(), QStringLiteral("a.csv"));
    REQUIRE(utf8);
    CHECK(utf8->encoding == TextEncoding::Utf8);
    CHECK(utf8->text == korean);
    auto bom = decodeText(QByteArray("\xEF\xBB\xBF") + korean.toUtf8(), QStringLiteral("b.csv"));
    REQUIRE(bom);
    CHECK(bom->encoding == TextEncoding::Utf8Bom);
    CHECK(bom->text == korean);
    QStringEncoder cp949("CP949");
    auto legacy = decodeText(cp949.encode(korean), QStringLiteral("c.csv"));
    REQUIRE(legacy);
    CHECK(legacy->encoding == TextEncoding::Cp949);
    CHECK(legacy->text == korean);
    auto garbage = decodeText(QByteArray("a,b\n1,2\n\xFF\xFF\xFF\n"), QStringLiteral("d.csv"));
    REQUIRE_FALSE(garbage);
    CHECK(garbage.error().line == 3);
}

TEST_CASE("CSV written for Excel has a BOM, CRLF, quoting and no live formulas", "[core][util]")
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter w(&buffer);
    w.writeRow({QStringLiteral("이름"), QStringLiteral("a,b"), QStringLiteral("say \"x\""),
                QStringLiteral("=SUM(A1)")});
    const QByteArray bytes = buffer.data();
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.endsWith("\r\n"));
    auto back = CsvReader::parse(QString::fromUtf8(bytes.mid(3)), QStringLiteral("x"));
    REQUIRE(back);
    CHECK(back->header.at(1) == QStringLiteral("a,b"));
    CHECK(back->header.at(2) == QStringLiteral("say \"x\""));
    CHECK(back->header.at(3) == QStringLiteral("'=SUM(A1)"));
}
