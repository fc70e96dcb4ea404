// Square's {"errors": [...]} bodies under the statuses sync meets: the kind follows the status and the category as
// the engine relies on (401 stops sync, 429 and 5xx retry, other 4xx are final), and what is kept stays bounded.
#include "sync/square/SquareError.h"
#include "tests/fuzz/FuzzSupport.h"

using namespace lt;
using lt::fuzz::require;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::setUpQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QJsonObject body = fuzz::objectOf(data, size).value_or(QJsonObject {});
    for (const int status : {400, 401, 403, 404, 409, 429, 500, 503}) {
        const SquareError error = SquareError::fromResponse(status, body);
        require(error.httpStatus == status, "the error keeps its status");
        if (status == 401)
            require(error.kind == SquareError::Kind::Unauthorized && error.stopsSync(), "401 stops sync");
        else if (error.category == QLatin1String("AUTHENTICATION_ERROR"))
            require(error.kind == SquareError::Kind::Unauthorized, "an authentication error stops sync");
        else if (status == 429 || status >= 500)
            require(error.retryable(), "429 and 5xx are retried");
        else
            require(error.kind == SquareError::Kind::Rejected || error.kind == SquareError::Kind::RateLimited,
                    "other 4xx are final unless rate limited");
        require(error.detail.size() <= 500 && error.field.size() <= 200, "Square's texts are bounded");
        require(!error.message().isEmpty() && !error.logSummary().isEmpty(), "an error has a message");
    }
    return 0;
}
