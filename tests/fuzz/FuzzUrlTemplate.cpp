// fuzz_url_template: UrlTemplate::check, render and describe, the one implementation the
// client, the mock and the UI share for a verification link's url_template.
//
// Input format: the template as UTF-8. When the input holds NUL bytes, the template ends at
// the first one and the next three NUL-separated parts are the UserID, Code and OrgID values
// to render with (missing parts keep the defaults below), so the escaping functions get
// fuzzed values too.

#include "FuzzSupport.h"
#include "UrlTemplate.h"

namespace
{
void checkAndRender(const QByteArray& input)
{
    const QList<QByteArray> parts = input.split('\0');
    const QString tmpl = QString::fromUtf8(parts.value(0));
    UrlTemplate::Values values {
        QStringLiteral("312909075211944345"), QStringLiteral("Q7KZ2D"), QStringLiteral("312908912355508120")};
    if (parts.size() > 1)
        values.userId = QString::fromUtf8(parts.at(1));
    if (parts.size() > 2)
        values.code = QString::fromUtf8(parts.at(2));
    if (parts.size() > 3)
        values.orgId = QString::fromUtf8(parts.at(3));

    const UrlTemplate::Check check = UrlTemplate::check(tmpl);
    const QString rendered = UrlTemplate::render(tmpl, values);
    const QString sentence = UrlTemplate::describe(check);
    // Oracles: the contract in UrlTemplate.h.
    if (check.ok() != sentence.isEmpty())
        FuzzSupport::fail("describe: a sentence exactly for a failed check");
    if (!check.ok() && !rendered.isEmpty())
        FuzzSupport::fail("render: empty for a template that fails check");
    if (check.position < -1 || check.position >= qMax(1, int(tmpl.size())))
        FuzzSupport::fail("check: position is -1 or an offset into the template");
    if (check.ok() && check.position != -1)
        FuzzSupport::fail("check: no position without a problem");
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::initialize("fuzz_url_template");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    checkAndRender(FuzzSupport::bytes(data, size));
    return 0;
}
