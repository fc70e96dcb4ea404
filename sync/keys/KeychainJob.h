#pragma once

#include <QString>

namespace lt {

// A job has no parent and deletes itself once it has finished: the Secret Service answers through libsecret, which
// calls the job back even after its owner went (a till closed while the keychain was asked), so the job must outlive
// its owner. The connection to the owner goes with the owner. Never the insecure plain-file fallback.
template<typename Job>
Job* preparedKeychainJob(Job* job, const QString& key)
{
    job->setAutoDelete(true);
    job->setKey(key);
    job->setInsecureFallback(false);
    return job;
}

} // namespace lt
