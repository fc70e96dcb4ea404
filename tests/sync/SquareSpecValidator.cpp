#include "tests/sync/SquareSpecValidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <cmath>

namespace lt::test {

namespace {
constexpr int MaxDepth = 64;

QString join(const QString& field, const QString& key)
{
    return field.isEmpty() ? key : field + QLatin1Char('.') + key;
}

QString number(double value)
{
    return QString::number(value, 'g', 17);
}

qsizetype codePoints(const QString& text)
{
    qsizetype count = 0;
    for (const QChar c : text)
        count += c.isLowSurrogate() ? 0 : 1;
    return count;
}

bool isIntegral(const QJsonValue& value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) <= 9223372036854775807.0;
}

QString enumText(const QJsonArray& values)
{
    QStringList names;
    for (const QJsonValue& value : values)
        names << (value.isString()
                      ? value.toString()
                      : QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact)));
    return names.join(QStringLiteral(", "));
}
} // namespace

QString SquareSpecValidator::Violation::text() const
{
    return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
}

SquareSpecValidator::SquareSpecValidator(const QString& specFile)
{
    load(specFile);
}

QString SquareSpecValidator::defaultSpecFile()
{
#ifdef LOYALTYTILL_SQUARE_SPEC
    return QString::fromUtf8(LOYALTYTILL_SQUARE_SPEC);
#else
    return QStringLiteral("tests/sync/square/loyalty-subset.json");
#endif
}

bool SquareSpecValidator::load(const QString& specFile)
{
    m_spec = {};
    QFile file(specFile);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1: %2").arg(specFile, file.errorString());
        return false;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        m_error = QStringLiteral("%1 is not a JSON object: %2").arg(specFile, parseError.errorString());
        return false;
    }
    const QJsonObject spec = document.object();
    if (!spec.value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3."))
        || !spec.value(QLatin1String("paths")).isObject()) {
        m_error = QStringLiteral("%1 is not an OpenAPI 3 description with paths").arg(specFile);
        return false;
    }
    m_spec = spec;
    m_error.clear();
    return true;
}

QJsonObject SquareSpecValidator::resolve(const QJsonObject& schema, int depth) const
{
    const QString ref = schema.value(QLatin1String("$ref")).toString();
    if (ref.isEmpty())
        return schema;
    QJsonValue target = m_spec;
    if (!ref.startsWith(QLatin1String("#/")) || depth > MaxDepth)
        target = QJsonValue();
    for (QString part : ref.mid(2).split(QLatin1Char('/'))) {
        if (!target.isObject())
            break;
        part.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        target = target.toObject().value(part);
    }
    if (!target.isObject())
        return QJsonObject {{QStringLiteral("x-unresolved-ref"), ref}};
    // Square puts nullable, readOnly and description beside $ref; they refine the target here.
    QJsonObject resolved = resolve(target.toObject(), depth + 1);
    if (!resolved.contains(QLatin1String("x-schema-name")))
        resolved.insert(QStringLiteral("x-schema-name"), ref.section(QLatin1Char('/'), -1));
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (it.key() != QLatin1String("$ref"))
            resolved.insert(it.key(), it.value());
    }
    return resolved;
}

void SquareSpecValidator::checkString(const QJsonObject& schema, const QString& text, const QString& field,
                                      QList<Violation>& out) const
{
    const qsizetype length = codePoints(text);
    if (schema.contains(QLatin1String("minLength")) && length < schema.value(QLatin1String("minLength")).toInteger())
        out << Violation {field,
                          QStringLiteral("must be at least %1 characters long")
                              .arg(schema.value(QLatin1String("minLength")).toInteger()),
                          QStringLiteral("VALUE_TOO_SHORT")};
    if (schema.contains(QLatin1String("maxLength")) && length > schema.value(QLatin1String("maxLength")).toInteger())
        out << Violation {field,
                          QStringLiteral("must be at most %1 characters long (is %2)")
                              .arg(schema.value(QLatin1String("maxLength")).toInteger())
                              .arg(length),
                          QStringLiteral("VALUE_TOO_LONG")};
    if (schema.contains(QLatin1String("pattern"))) {
        const QRegularExpression pattern(schema.value(QLatin1String("pattern")).toString());
        if (!pattern.match(text).hasMatch())
            out << Violation {field, QStringLiteral("must match %1").arg(pattern.pattern()),
                              QStringLiteral("INVALID_VALUE")};
    }
}

void SquareSpecValidator::checkNumber(const QJsonObject& schema, double value, const QString& field,
                                      QList<Violation>& out) const
{
    if (schema.contains(QLatin1String("minimum"))) {
        const double minimum = schema.value(QLatin1String("minimum")).toDouble();
        const bool exclusive = schema.value(QLatin1String("exclusiveMinimum")).toBool();
        if (exclusive ? value <= minimum : value < minimum)
            out << Violation {field,
                              QStringLiteral("must be %1 %2")
                                  .arg(exclusive ? QStringLiteral(">") : QStringLiteral(">="), number(minimum)),
                              QStringLiteral("VALUE_TOO_LOW")};
    }
    if (schema.contains(QLatin1String("maximum"))) {
        const double maximum = schema.value(QLatin1String("maximum")).toDouble();
        const bool exclusive = schema.value(QLatin1String("exclusiveMaximum")).toBool();
        if (exclusive ? value >= maximum : value > maximum)
            out << Violation {field,
                              QStringLiteral("must be %1 %2")
                                  .arg(exclusive ? QStringLiteral("<") : QStringLiteral("<="), number(maximum)),
                              QStringLiteral("VALUE_TOO_HIGH")};
    }
}

void SquareSpecValidator::checkValue(const QJsonObject& raw, const QJsonValue& value, const QString& field,
                                     QList<Violation>& out, int depth) const
{
    if (depth > MaxDepth) {
        out << Violation {field, QStringLiteral("is nested too deeply"), QStringLiteral("BAD_REQUEST")};
        return;
    }
    const QJsonObject schema = resolve(raw);
    if (schema.contains(QLatin1String("x-unresolved-ref"))) {
        out << Violation {field,
                          QStringLiteral("cannot be checked: the spec's $ref %1 does not resolve")
                              .arg(schema.value(QLatin1String("x-unresolved-ref")).toString()),
                          QStringLiteral("BAD_REQUEST")};
        return;
    }
    if (value.isNull()) {
        if (!schema.value(QLatin1String("nullable")).toBool())
            out << Violation {field, QStringLiteral("must not be null"), QStringLiteral("INVALID_VALUE")};
        return;
    }
    for (const QJsonValue& part : schema.value(QLatin1String("allOf")).toArray())
        checkValue(part.toObject(), value, field, out, depth + 1);

    QString type = schema.value(QLatin1String("type")).toString();
    if (type.isEmpty() && schema.contains(QLatin1String("properties")))
        type = QStringLiteral("object");
    if (type == QLatin1String("object")) {
        if (!value.isObject()) {
            out << Violation {field, QStringLiteral("must be an object"), QStringLiteral("EXPECTED_OBJECT")};
            return;
        }
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (const QJsonValue& name : schema.value(QLatin1String("required")).toArray()) {
            if (!object.contains(name.toString()))
                out << Violation {join(field, name.toString()), QStringLiteral("is required"),
                                  QStringLiteral("MISSING_REQUIRED_PARAMETER")};
        }
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        const QString name = schema.value(QLatin1String("x-schema-name")).toString();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (properties.contains(it.key()))
                checkValue(properties.value(it.key()).toObject(), it.value(), join(field, it.key()), out, depth + 1);
            else if (additional.isObject())
                checkValue(additional.toObject(), it.value(), join(field, it.key()), out, depth + 1);
            else if (!(additional.isBool() && additional.toBool()))
                out << Violation {join(field, it.key()),
                                  name.isEmpty() ? QStringLiteral("is not a known field")
                                                 : QStringLiteral("is not a field of %1").arg(name),
                                  QStringLiteral("BAD_REQUEST")};
        }
    } else if (type == QLatin1String("array")) {
        if (!value.isArray()) {
            out << Violation {field, QStringLiteral("must be an array"), QStringLiteral("EXPECTED_ARRAY")};
            return;
        }
        const QJsonArray array = value.toArray();
        if (schema.contains(QLatin1String("minItems"))
            && array.size() < schema.value(QLatin1String("minItems")).toInteger())
            out << Violation {
                field,
                QStringLiteral("must have at least %1 items").arg(schema.value(QLatin1String("minItems")).toInteger()),
                QStringLiteral("ARRAY_LENGTH_TOO_SHORT")};
        if (schema.contains(QLatin1String("maxItems"))
            && array.size() > schema.value(QLatin1String("maxItems")).toInteger())
            out << Violation {
                field,
                QStringLiteral("must have at most %1 items").arg(schema.value(QLatin1String("maxItems")).toInteger()),
                QStringLiteral("ARRAY_LENGTH_TOO_LONG")};
        if (schema.value(QLatin1String("items")).isObject()) {
            for (qsizetype i = 0; i < array.size(); ++i)
                checkValue(schema.value(QLatin1String("items")).toObject(), array.at(i),
                           field + QStringLiteral("[%1]").arg(i), out, depth + 1);
        }
    } else if (type == QLatin1String("string")) {
        if (!value.isString()) {
            out << Violation {field, QStringLiteral("must be a string"), QStringLiteral("EXPECTED_STRING")};
            return;
        }
        checkString(schema, value.toString(), field, out);
    } else if (type == QLatin1String("integer")) {
        if (!isIntegral(value)) {
            out << Violation {field, QStringLiteral("must be an integer"), QStringLiteral("EXPECTED_INTEGER")};
            return;
        }
        checkNumber(schema, value.toDouble(), field, out);
    } else if (type == QLatin1String("number")) {
        if (!value.isDouble()) {
            out << Violation {field, QStringLiteral("must be a number"), QStringLiteral("EXPECTED_FLOAT")};
            return;
        }
        checkNumber(schema, value.toDouble(), field, out);
    } else if (type == QLatin1String("boolean")) {
        if (!value.isBool()) {
            out << Violation {field, QStringLiteral("must be a boolean"), QStringLiteral("EXPECTED_BOOLEAN")};
            return;
        }
    }
    if (schema.contains(QLatin1String("enum")) && !schema.value(QLatin1String("enum")).toArray().contains(value))
        out << Violation {
            field, QStringLiteral("must be one of %1").arg(enumText(schema.value(QLatin1String("enum")).toArray())),
            QStringLiteral("INVALID_ENUM_VALUE")};
}

QList<SquareSpecValidator::Match> SquareSpecValidator::templatesFor(const QString& path) const
{
    QList<std::pair<int, Match>> found;
    const QStringList segments = path.split(QLatin1Char('/'));
    const QJsonObject paths = m_spec.value(QLatin1String("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('/'));
        if (parts.size() != segments.size())
            continue;
        Match match {{}, it.key(), {}, {}};
        int literal = 0;
        bool ok = true;
        for (qsizetype i = 0; ok && i < parts.size(); ++i) {
            if (parts[i].startsWith(QLatin1Char('{')) && parts[i].endsWith(QLatin1Char('}'))) {
                const QString value = QUrl::fromPercentEncoding(segments[i].toUtf8());
                ok = !value.isEmpty();
                match.pathParameters.insert(parts[i].mid(1, parts[i].size() - 2), value);
            } else {
                ok = parts[i] == segments[i];
                ++literal;
            }
        }
        if (ok)
            found.append({literal, match});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QList<Match> result;
    for (const auto& entry : found)
        result.append(entry.second);
    return result;
}

std::optional<SquareSpecValidator::Match> SquareSpecValidator::match(const QByteArray& method,
                                                                     const QString& target) const
{
    const qsizetype question = target.indexOf(QLatin1Char('?'));
    const QString path = question < 0 ? target : target.left(question);
    const QString verb = QString::fromLatin1(method).toLower();
    const QJsonObject paths = m_spec.value(QLatin1String("paths")).toObject();
    for (Match match : templatesFor(path)) {
        const QJsonObject operation = paths.value(match.pathTemplate).toObject().value(verb).toObject();
        if (operation.isEmpty())
            continue;
        match.operationId = operation.value(QLatin1String("operationId")).toString();
        if (question >= 0) {
            const QUrlQuery query(target.mid(question + 1));
            for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded))
                match.queryParameters.insert(key, value);
        }
        return match;
    }
    return std::nullopt;
}

void SquareSpecValidator::checkParameters(const QJsonObject& operation, const Match& match, QList<Violation>& out) const
{
    QStringList known;
    for (const QJsonValue& entry : operation.value(QLatin1String("parameters")).toArray()) {
        const QJsonObject parameter = resolve(entry.toObject());
        const QString name = parameter.value(QLatin1String("name")).toString();
        const QString in = parameter.value(QLatin1String("in")).toString();
        const QJsonObject schema = parameter.value(QLatin1String("schema")).toObject();
        const QHash<QString, QString>& given =
            in == QLatin1String("path") ? match.pathParameters : match.queryParameters;
        if (in == QLatin1String("query"))
            known << name;
        if (in != QLatin1String("path") && in != QLatin1String("query"))
            continue;
        if (!given.contains(name)) {
            if (parameter.value(QLatin1String("required")).toBool())
                out << Violation {name, QStringLiteral("is a required %1 parameter").arg(in),
                                  QStringLiteral("MISSING_REQUIRED_PARAMETER")};
            continue;
        }
        const QString text = given.value(name);
        const QString type = resolve(schema).value(QLatin1String("type")).toString();
        QJsonValue value = text;
        if (type == QLatin1String("integer")) {
            bool ok = false;
            const qint64 integer = text.toLongLong(&ok);
            value = ok ? QJsonValue(integer) : QJsonValue(text);
        } else if (type == QLatin1String("boolean")
                   && (text == QLatin1String("true") || text == QLatin1String("false"))) {
            value = text == QLatin1String("true");
        }
        checkValue(schema, value, name, out);
    }
    for (auto it = match.queryParameters.begin(); it != match.queryParameters.end(); ++it) {
        if (!known.contains(it.key()))
            out << Violation {it.key(), QStringLiteral("is not a query parameter of %1").arg(match.operationId),
                              QStringLiteral("BAD_REQUEST")};
    }
}

QList<SquareSpecValidator::Violation> SquareSpecValidator::check(const QByteArray& method, const QString& target,
                                                                 const QByteArray& body) const
{
    if (!isLoaded())
        return {Violation {{}, QStringLiteral("cannot be checked: ") + m_error, QStringLiteral("BAD_REQUEST")}};
    const std::optional<Match> found = match(method, target);
    if (!found) {
        const QString path = target.section(QLatin1Char('?'), 0, 0);
        const QList<Match> templates = templatesFor(path);
        if (!templates.isEmpty())
            return {Violation {{},
                               QStringLiteral("%1 is not an operation of %2")
                                   .arg(QString::fromLatin1(method), templates.first().pathTemplate),
                               QStringLiteral("METHOD_NOT_ALLOWED")}};
        return {Violation {{}, QStringLiteral("the spec has no endpoint %1").arg(path), QStringLiteral("NOT_FOUND")}};
    }
    QList<Violation> out;
    const QJsonObject operation = m_spec.value(QLatin1String("paths"))
                                      .toObject()
                                      .value(found->pathTemplate)
                                      .toObject()
                                      .value(QString::fromLatin1(method).toLower())
                                      .toObject();
    checkParameters(operation, *found, out);

    const QByteArray trimmed = body.trimmed();
    const QJsonObject requestBody = resolve(operation.value(QLatin1String("requestBody")).toObject());
    if (requestBody.isEmpty()) {
        if (!trimmed.isEmpty() && trimmed != "{}")
            out << Violation {
                {}, QStringLiteral("%1 takes no request body").arg(found->operationId), QStringLiteral("BAD_REQUEST")};
        return out;
    }
    if (trimmed.isEmpty()) {
        if (requestBody.value(QLatin1String("required")).toBool())
            out << Violation {{},
                              QStringLiteral("%1 needs a JSON body").arg(found->operationId),
                              QStringLiteral("EXPECTED_JSON_BODY")};
        return out;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out << Violation {{},
                          QStringLiteral("the body is not JSON: ") + parseError.errorString(),
                          QStringLiteral("EXPECTED_JSON_BODY")};
        return out;
    }
    const QJsonObject schema = requestBody.value(QLatin1String("content"))
                                   .toObject()
                                   .value(QLatin1String("application/json"))
                                   .toObject()
                                   .value(QLatin1String("schema"))
                                   .toObject();
    checkValue(schema, document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), {}, out);
    return out;
}

QStringList SquareSpecValidator::validate(const QByteArray& method, const QString& target,
                                          const QJsonObject& body) const
{
    QStringList lines;
    for (const Violation& violation : check(method, target, QJsonDocument(body).toJson(QJsonDocument::Compact)))
        lines << violation.text();
    return lines;
}

QStringList SquareSpecValidator::validateSchema(const QString& schemaName, const QJsonValue& value) const
{
    if (!isLoaded())
        return {QStringLiteral("cannot be checked: ") + m_error};
    QList<Violation> out;
    checkValue(QJsonObject {{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + schemaName)}},
               value, {}, out);
    QStringList lines;
    for (const Violation& violation : out)
        lines << violation.text();
    return lines;
}

} // namespace lt::test
