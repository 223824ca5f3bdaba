#include "ResendSettings.h"

#include "UrlTemplate.h"

ResendOptions::Delivery ResendSettings::effectiveDelivery() const
{
    return api == ResendApi::V1 ? ResendOptions::Delivery::Send : delivery;
}

bool ResendSettings::templateApplies(ResendChannel channel) const
{
    // Text messages carry no link, v1 has no url_template, and a returned code needs none.
    return channel == ResendChannel::Email && api != ResendApi::V1
        && effectiveDelivery() == ResendOptions::Delivery::Send;
}

std::optional<QString> ResendSettings::effectiveUrlTemplate(ResendChannel channel) const
{
    // Surrounding blanks are never meant to be part of a link, and a blank field means
    // "ZITADEL's default link" (sending an empty template is a validation error there).
    const QString trimmed = urlTemplate.trimmed();
    if (!templateApplies(channel) || trimmed.isEmpty())
        return std::nullopt;
    return trimmed;
}

std::optional<QString> ResendSettings::problem(ResendChannel channel) const
{
    const auto tmpl = effectiveUrlTemplate(channel);
    if (!tmpl)
        return std::nullopt;
    const UrlTemplate::Check check = UrlTemplate::check(*tmpl);
    if (check.ok())
        return std::nullopt;
    return UrlTemplate::describe(check);
}

ResendOptions ResendSettings::options(ResendChannel channel, const QString& organizationId) const
{
    ResendOptions options;
    options.delivery = effectiveDelivery();
    options.urlTemplate = effectiveUrlTemplate(channel);
    options.organizationId = organizationId;
    return options;
}
