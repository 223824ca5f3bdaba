#include "UrlTemplate.h"

#include <QTest>

using Problem = UrlTemplate::Problem;
Q_DECLARE_METATYPE(UrlTemplate::Problem)

class TestUrlTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void render_data();
    void render();
    void renderRefusesInvalidTemplates();
    void describeNamesTheProblem();
};

void TestUrlTemplate::check_data()
{
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<Problem>("problem");
    QTest::addColumn<QString>("detail");

    QTest::newRow("proto example")
        << "https://example.com/email/verify?userID={{.UserID}}&code={{.Code}}&orgID={{.OrgID}}" << Problem::None << "";
    QTest::newRow("no placeholder") << "https://example.com/verify" << Problem::None << "";
    QTest::newRow("spaces inside action") << "https://x/?c={{ .Code }}" << Problem::None << "";
    QTest::newRow("trim markers") << "https://x/?c= {{- .Code -}} " << Problem::None << "";
    QTest::newRow("comment") << "https://x/{{/* the code */}}?c={{.Code}}" << Problem::None << "";
    QTest::newRow("urlquery pipe") << "https://x/?c={{.Code | urlquery}}" << Problem::None << "";
    QTest::newRow("urlquery call") << "https://x/?c={{urlquery .Code}}" << Problem::None << "";
    QTest::newRow("lone closing braces are text") << "https://x/}}?c={{.Code}}" << Problem::None << "";
    QTest::newRow("exactly 200 runes") << QString(200, QLatin1Char('a')) << Problem::None << "";
    QTest::newRow("200 non-BMP runes") << QString::fromUcs4(QList<char32_t>(200, U'\U0001F600').constData(), 200)
                                       << Problem::None << "";

    QTest::newRow("empty") << "" << Problem::Empty << "";
    QTest::newRow("201 runes") << QString(201, QLatin1Char('a')) << Problem::TooLong << "201";
    QTest::newRow("unclosed action") << "https://x/?c={{.Code" << Problem::Syntax << "{{.Code";
    QTest::newRow("empty action") << "https://x/?c={{}}" << Problem::Syntax << "{{}}";
    QTest::newRow("unclosed comment") << "https://x/{{/* oops }}" << Problem::Syntax << "{{/* oops }}";
    QTest::newRow("LoginName is not a URL placeholder")
        << "https://x/?u={{.LoginName}}" << Problem::UnknownPlaceholder << "LoginName";
    QTest::newRow("field names are case sensitive")
        << "https://x/?u={{.userID}}" << Problem::UnknownPlaceholder << "userID";
    QTest::newRow("message-text variable")
        << "https://x/?u={{.DisplayName}}" << Problem::UnknownPlaceholder << "DisplayName";
    QTest::newRow("if block") << "https://x/{{if .Code}}y{{end}}" << Problem::Unsupported << "{{if .Code}}";
    QTest::newRow("unknown function") << "https://x/?c={{.Code | printf}}" << Problem::Unsupported
                                      << "{{.Code | printf}}";
}

void TestUrlTemplate::check()
{
    QFETCH(QString, tmpl);
    QFETCH(Problem, problem);
    QFETCH(QString, detail);
    const auto result = UrlTemplate::check(tmpl);
    QCOMPARE(result.problem, problem);
    QCOMPARE(result.ok(), problem == Problem::None);
    if (!detail.isEmpty())
        QCOMPARE(result.detail, detail);
}

void TestUrlTemplate::render_data()
{
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<QString>("expected");

    QTest::newRow("all three") << "https://example.com/v?userID={{.UserID}}&code={{.Code}}&orgID={{.OrgID}}"
                               << "https://example.com/v?userID=u1&code=A B&orgID=o1";
    QTest::newRow("trim markers eat whitespace") << "a {{- .Code -}} b"
                                                 << "aA Bb";
    QTest::newRow("dash without space is not a marker") << "a{{.Code}}-b"
                                                        << "aA B-b";
    QTest::newRow("comment vanishes") << "x{{/* c */}}y"
                                      << "xy";
    QTest::newRow("urlquery like Go's QueryEscape") << "c={{.Code | urlquery}}"
                                                    << "c=A+B";
    QTest::newRow("html escaping") << "{{html .OrgID}}"
                                   << "o1";
    QTest::newRow("literal text only") << "https://example.com/"
                                       << "https://example.com/";
}

void TestUrlTemplate::render()
{
    QFETCH(QString, tmpl);
    QFETCH(QString, expected);
    QCOMPARE(UrlTemplate::render(tmpl, {QStringLiteral("u1"), QStringLiteral("A B"), QStringLiteral("o1")}), expected);
}

void TestUrlTemplate::renderRefusesInvalidTemplates()
{
    QVERIFY(UrlTemplate::render(QStringLiteral("{{.LoginName}}"), {}).isEmpty());
    QVERIFY(UrlTemplate::render(QStringLiteral("x{{.Code"), {}).isEmpty());
}

void TestUrlTemplate::describeNamesTheProblem()
{
    QVERIFY(UrlTemplate::describe(UrlTemplate::check(QStringLiteral("x{{.LoginName}}")))
                .contains(QLatin1String("LoginName")));
    QVERIFY(UrlTemplate::describe(UrlTemplate::check(QString(250, QLatin1Char('a')))).contains(QLatin1String("250")));
    QVERIFY(UrlTemplate::describe(UrlTemplate::check(QStringLiteral("ok"))).isEmpty());
}

QTEST_GUILESS_MAIN(TestUrlTemplate)
#include "TestUrlTemplate.moc"
