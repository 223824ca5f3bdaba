#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// The endpoints and effects a fault rule can name (docs/mock-workbench.md), with the words the
// Mock panel shows for them. The wire names are the contract; the labels are ours.
namespace FaultCatalog
{
struct Choice
{
    QString value; // wire name; for effects "<field>:<name>", e.g. "error:rate-limited"
    QString label;
};

QList<Choice> endpoints(); // groups first, then single operations
QList<Choice> effects(); // "" = latency only, then errors, transport faults, delivery faults

QString endpointLabel(const QString& endpoint);
// "429 Too many requests (Retry-After 30 s) + 200–1500 ms" for a rule as the mock lists it.
QString describeEffect(const QJsonObject& rule);
// "always", "next 2 calls (1 left)", "25 % of calls".
QString describeWhen(const QJsonObject& rule);
} // namespace FaultCatalog
