#pragma once

#include "ResendTypes.h"
#include "ZitadelTypes.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// How a support person wants codes resent: which API, sent or returned, and the link
// template for emails. A value type: the options widget produces it, the controller reads
// it. The template is kept exactly as typed; what is sent is derived from it.
struct ResendSettings
{
    Q_DECLARE_TR_FUNCTIONS(ResendSettings)

public:
    ResendApi api = ResendApi::V2;
    ResendOptions::Delivery delivery = ResendOptions::Delivery::Send;
    QString urlTemplate; // as typed; blank = ZITADEL's default link

    // v1 has no options: ZITADEL always sends, so "return the code" does not apply there.
    ResendOptions::Delivery effectiveDelivery() const;
    // The template is only used for emails that ZITADEL sends through v2 or v3alpha.
    bool templateApplies(ResendChannel channel) const;
    // What goes into the request: the trimmed template, or nullopt for the default link.
    std::optional<QString> effectiveUrlTemplate(ResendChannel channel) const;
    // Why a resend on this channel must not be sent with these settings; nullopt when fine.
    std::optional<QString> problem(ResendChannel channel) const;
    bool isValid() const { return !problem(ResendChannel::Email) && !problem(ResendChannel::Phone); }

    // The client's options for one resend (organizationId is used by v3alpha only).
    ResendOptions options(ResendChannel channel, const QString& organizationId) const;

    bool operator==(const ResendSettings& other) const
    {
        return api == other.api && delivery == other.delivery && urlTemplate == other.urlTemplate;
    }
    bool operator!=(const ResendSettings& other) const { return !(*this == other); }
};
