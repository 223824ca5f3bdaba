#include "MockResendBody.h"
#include "Runes.h"

#include "MockJsonReader.h"
#include "MockPgvText.h"

bool MockResendBody::parse(const QJsonObject& body,
    const QString* pathUserId,
    const char* idJsonName,
    const char* idProtoName,
    const Names& names,
    MockResendRequest* request,
    MockError* error)
{
    const bool email = request->channel == MockUserStore::Channel::Email;
    QString userId;
    if (!MockJsonReader::string(MockJsonReader::member(body, idJsonName, idProtoName), idJsonName, &userId, error))
        return false;
    if (pathUserId)
        userId = *pathUserId; // grpc-gateway sets path parameters after decoding the body

    const QJsonValue send = MockJsonReader::member(body, "sendCode", "send_code");
    const QJsonValue ret = MockJsonReader::member(body, "returnCode", "return_code");
    if (MockJsonReader::isSet(send) && MockJsonReader::isSet(ret)) {
        *error = MockJsonReader::oneofTwice("sendCode", names.oneof);
        return false;
    }
    QJsonObject sendCode;
    QJsonObject returnCode;
    if (!MockJsonReader::object(send, "sendCode", &sendCode, error)
        || !MockJsonReader::object(ret, "returnCode", &returnCode, error))
        return false;
    QJsonValue urlTemplate;
    if (email && MockJsonReader::isSet(send)) {
        urlTemplate = MockJsonReader::member(sendCode, "urlTemplate", "url_template");
        QString text;
        if (!MockJsonReader::string(urlTemplate, "urlTemplate", &text, error))
            return false;
        request->urlTemplate = text;
    }

    // Validation runs after decoding, in field order: the id first, then the oneof.
    const int idRunes = runeCount(userId);
    if (idRunes < 1 || idRunes > 200) {
        *error = MockError::plain(
            MockError::Code::InvalidArgument, MockPgvText::lengthBetween(names.requestMessage, names.idField, 1, 200));
        return false;
    }
    if (MockJsonReader::isSet(urlTemplate)) {
        const int runes = runeCount(request->urlTemplate);
        if (runes < 1 || runes > 200) {
            *error = MockError::plain(MockError::Code::InvalidArgument,
                MockPgvText::embedded(names.requestMessage,
                    "SendCode",
                    MockPgvText::lengthBetween("SendEmailVerificationCode", "UrlTemplate", 1, 200)));
            return false;
        }
    }
    request->userId = userId;
    request->delivery = MockJsonReader::isSet(ret) ? MockResendRequest::Delivery::ReturnCode
        : MockJsonReader::isSet(send)              ? MockResendRequest::Delivery::SendCode
                                                   : MockResendRequest::Delivery::Default;
    return true;
}
