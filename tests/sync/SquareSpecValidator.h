#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lt::test {

// Checks requests against Square's OpenAPI 3.0 description (tests/sync/square/loyalty-subset.json): the operation
// is found by method and path template, then the JSON body is checked against the operation's requestBody schema.
// Supported: $ref (with sibling keywords such as nullable merged in), type (object, string, integer, number,
// boolean, array; an integer must be integral), nullable, required, properties (a field the schema does not name
// is an error, as Square rejects unknown request fields), additionalProperties, minLength/maxLength (in code
// points), pattern, minimum/maximum (and OpenAPI 3.0's boolean exclusiveMinimum/exclusiveMaximum),
// minItems/maxItems, enum and items. Query parameters are checked against the operation's parameters.
class SquareSpecValidator
{
public:
    struct Violation
    {
        QString field; // where in the body, e.g. "accumulate_points.points" or "query.mappings[0]"; may be empty
        QString message; // e.g. "must be >= 1"
        QString code; // Square's ErrorCode for it, e.g. VALUE_TOO_LOW, MISSING_REQUIRED_PARAMETER, NOT_FOUND
        QString text() const; // "field: message", or the message alone
    };
    struct Match
    {
        QString operationId; // e.g. "AccumulateLoyaltyPoints"
        QString pathTemplate; // e.g. "/v2/loyalty/accounts/{account_id}/accumulate"
        QHash<QString, QString> pathParameters; // percent-decoded, e.g. account_id → "acct-0001"
        QHash<QString, QString> queryParameters;
    };

    SquareSpecValidator() = default; // nothing loaded: every request is a violation
    explicit SquareSpecValidator(const QString& specFile);

    static QString defaultSpecFile(); // the copy kept with the tests
    bool load(const QString& specFile);
    bool isLoaded() const { return !m_spec.isEmpty(); }
    QString errorString() const { return m_error; }

    // The operation that method and path (with an optional query string) name, if the spec has it.
    std::optional<Match> match(const QByteArray& method, const QString& target) const;
    // Every way the request departs from the spec; empty when it conforms. body is the raw request body.
    QList<Violation> check(const QByteArray& method, const QString& target, const QByteArray& body) const;
    // The same as readable lines, e.g. "accumulate_points.points: must be >= 1".
    QStringList validate(const QByteArray& method, const QString& target, const QJsonObject& body) const;
    // A value against a named schema of components/schemas, e.g. "LoyaltyProgram" (for checking answers).
    QStringList validateSchema(const QString& schemaName, const QJsonValue& value) const;

private:
    QJsonObject resolve(const QJsonObject& schema, int depth = 0) const;
    void checkValue(const QJsonObject& schema, const QJsonValue& value, const QString& field, QList<Violation>& out,
                    int depth = 0) const;
    void checkString(const QJsonObject& schema, const QString& text, const QString& field, QList<Violation>& out) const;
    void checkNumber(const QJsonObject& schema, double number, const QString& field, QList<Violation>& out) const;
    void checkParameters(const QJsonObject& operation, const Match& match, QList<Violation>& out) const;
    QList<Match> templatesFor(const QString& path) const; // most literal segments first

    QJsonObject m_spec;
    QString m_error = QStringLiteral("no spec loaded");
};

} // namespace lt::test
