#include "core/exchange/CsvReader.h"
#include "tests/support/ResultChecks.h"

#include <QBuffer>
#include <QTest>

using lt::CsvReader;
using lt::ErrorKind;

namespace {
// Every record of `csv` with the line it started on, or the first error's message.
struct Parsed
{
    QList<QStringList> records;
    QList<qint64> lines;
    QString error;
};

Parsed parse(const QByteArray& csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    Parsed parsed;
    for (int guard = 0; guard < 100000; ++guard) {
        auto record = reader.next();
        if (!record) {
            parsed.error = record.error().message;
            return parsed;
        }
        if (record->isEmpty())
            break;
        parsed.records << *record;
        parsed.lines << reader.recordLine();
    }
    if (!reader.atEnd())
        parsed.error = QStringLiteral("not at the end after the last record");
    return parsed;
}

QStringList fields(std::initializer_list<const char*> values)
{
    QStringList list;
    for (const char* v : values)
        list << QString::fromUtf8(v);
    return list;
}
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void readsPlainRecords();
    void readsQuotedFields();
    void readsDoubledQuotes();
    void keepsLineBreaksInsideQuotesAndCountsLines();
    void acceptsCrLf();
    void skipsByteOrderMark();
    void readsUtf8();
    void keepsEmptyFields();
    void readsLastRecordWithoutLineBreak();
    void reportsUnterminatedQuote();
    void reportsOverlongField();
    void readsAcrossBufferBoundaries();
    void emptyInputHasNoRecords();
};

void TestCsvReader::readsPlainRecords()
{
    const Parsed p = parse("phone,name\n4155552671,Ana\n4155552672,Bo\n");
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records.size(), 3);
    QCOMPARE(p.records.at(0), fields({"phone", "name"}));
    QCOMPARE(p.records.at(2), fields({"4155552672", "Bo"}));
    QCOMPARE(p.lines, (QList<qint64> {1, 2, 3}));
}

void TestCsvReader::readsQuotedFields()
{
    const Parsed p = parse("\"Ruiz, Ana\",\"4155552671\"\n");
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records, (QList<QStringList> {fields({"Ruiz, Ana", "4155552671"})}));
}

void TestCsvReader::readsDoubledQuotes()
{
    const Parsed p = parse("\"She said \"\"hi\"\"\",\"\"\"\"\n");
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records, (QList<QStringList> {fields({"She said \"hi\"", "\""})}));
}

void TestCsvReader::keepsLineBreaksInsideQuotesAndCountsLines()
{
    const Parsed p = parse("name,note\n\"Ana\",\"first line\nsecond line\nthird\"\nBo,plain\n");
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records.size(), 3);
    QCOMPARE(p.records.at(1), fields({"Ana", "first line\nsecond line\nthird"}));
    QCOMPARE(p.records.at(2), fields({"Bo", "plain"}));
    // The record after a three-line field starts on line 5.
    QCOMPARE(p.lines, (QList<qint64> {1, 2, 5}));
}

void TestCsvReader::acceptsCrLf()
{
    const Parsed p = parse("a,b\r\n\"c\",d\r\n\"multi\r\nline\",e\r\n");
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records.size(), 3);
    QCOMPARE(p.records.at(0), fields({"a", "b"}));
    QCOMPARE(p.records.at(1), fields({"c", "d"}));
    QCOMPARE(p.records.at(2), fields({"multi\r\nline", "e"}));
    QCOMPARE(p.lines, (QList<qint64> {1, 2, 3}));
}

void TestCsvReader::skipsByteOrderMark()
{
    const Parsed p = parse("\xEF\xBB\xBFphone,name\n1,2\n");
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records.at(0), fields({"phone", "name"}));
    QCOMPARE(p.records.at(0).at(0).size(), 5);
    QCOMPARE(p.lines, (QList<qint64> {1, 2}));
}

void TestCsvReader::readsUtf8()
{
    const Parsed p = parse("Jos\xC3\xA9,\xE5\xB1\xB1\xE7\x94\xB0,\xF0\x9F\x8C\xB8\n");
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records.at(0),
             (QStringList {QStringLiteral("Jos\u00E9"), QStringLiteral("山田"), QStringLiteral("\U0001F338")}));
}

void TestCsvReader::keepsEmptyFields()
{
    const Parsed p = parse(",,\n\"\",x,\n");
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records.at(0), fields({"", "", ""}));
    QCOMPARE(p.records.at(1), fields({"", "x", ""}));
}

void TestCsvReader::readsLastRecordWithoutLineBreak()
{
    const Parsed p = parse("a,b\nc,\"d\"");
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records, (QList<QStringList> {fields({"a", "b"}), fields({"c", "d"})}));
    const Parsed crOnly = parse("a,b\r");
    QCOMPARE(crOnly.records, (QList<QStringList> {fields({"a", "b"})}));
}

void TestCsvReader::reportsUnterminatedQuote()
{
    const Parsed p = parse("a,b\nc,\"never closed\nd,e\n");
    QCOMPARE(p.records.size(), 1);
    QVERIFY(!p.error.isEmpty());
    QVERIFY2(p.error.contains(QLatin1String("Line 2")), qPrintable(p.error));

    QBuffer buffer;
    buffer.setData("\"open");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    LT_VERIFY_ERROR(reader.next(), ErrorKind::InvalidInput);
}

void TestCsvReader::reportsOverlongField()
{
    const QByteArray atLimit(CsvReader::MaximumFieldLength, 'x');
    const Parsed ok = parse("a\n" + atLimit + ",b\n");
    QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
    QCOMPARE(ok.records.at(1).at(0).size(), CsvReader::MaximumFieldLength);

    const Parsed unquoted = parse("a\nb\n" + atLimit + "x,b\n");
    QCOMPARE(unquoted.records.size(), 2);
    QVERIFY2(unquoted.error.contains(QLatin1String("Line 3")), qPrintable(unquoted.error));

    // A quoted field that never closes stops at the limit instead of swallowing the whole file.
    const Parsed quoted = parse("a\n\"" + QByteArray(1 << 20, 'y'));
    QCOMPARE(quoted.records.size(), 1);
    QVERIFY2(quoted.error.contains(QLatin1String("Line 2")), qPrintable(quoted.error));
}

void TestCsvReader::readsAcrossBufferBoundaries()
{
    // The reader fills 64 KiB at a time: put a doubled quote, a CRLF and a multi-byte character across the edges.
    const int chunk = 1 << 16;
    for (int shift = -3; shift <= 3; ++shift) {
        QByteArray csv;
        int row = 0;
        while (csv.size() < chunk + shift - 40)
            csv += "row" + QByteArray::number(row++) + ",plain\r\n";
        csv += QByteArray(chunk + shift - 2 - csv.size(), 'z') + "\n";
        const qsizetype fillerRecords = row + 1;
        csv += "\"q\"\"uote\",\"Jos\xC3\xA9\"\r\nlast,\xE5\xB1\xB1\r\n";
        const Parsed p = parse(csv);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.records.size(), fillerRecords + 2);
        QCOMPARE(p.records.at(fillerRecords), (QStringList {QStringLiteral("q\"uote"), QStringLiteral("Jos\u00E9")}));
        QCOMPARE(p.records.last(), (QStringList {QStringLiteral("last"), QStringLiteral("山")}));
        QCOMPARE(p.lines.last(), qint64(fillerRecords + 2));
    }
}

void TestCsvReader::emptyInputHasNoRecords()
{
    const Parsed empty = parse(QByteArray());
    QVERIFY2(empty.error.isEmpty(), qPrintable(empty.error));
    QVERIFY(empty.records.isEmpty());
    const Parsed bomOnly = parse("\xEF\xBB\xBF");
    QVERIFY2(bomOnly.error.isEmpty(), qPrintable(bomOnly.error));
    QVERIFY(bomOnly.records.isEmpty());
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
