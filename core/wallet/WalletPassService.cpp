#include "core/wallet/WalletPassService.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/services/EngineContext.h"
#include "core/services/MemberDirectory.h"

namespace lt {

WalletSettings WalletPassService::settings() const
{
    return WalletSettings::read(m_context.db);
}

Result<MemberPassContent> WalletPassService::content(qint64 memberId) const
{
    LT_TRY_ASSIGN(const Member member, MemberDirectory(m_context).byId(memberId));
    if (member.erased)
        return Error::refused(
            tr("Member %1's personal data was erased: there is no card to add to a wallet.").arg(member.id));
    if (member.card.isEmpty())
        return Error::refused(tr("Member %1 has no card yet: issue one before adding it to a wallet.").arg(member.id));
    MemberPassContent content;
    content.memberId = member.id;
    content.passId = MemberPassContent::passIdFor(member.id, member.enrolledAt);
    content.storeName = settings().storeName;
    content.cardNumber = member.card;
    content.memberName = member.name.trimmed();
    content.balance = member.balance;
    content.pointsLabel = m_context.program.termOther;
    content.tier = member.tier;
    return content;
}

Result<QByteArray> WalletPassService::applePass(qint64 memberId, const WalletKeys& keys) const
{
    const QDateTime now = m_context.clock.nowUtc();
    LT_TRY_ASSIGN(const AppleWalletSigner signer, WalletReadiness::prepareApple(settings(), keys, now));
    LT_TRY_ASSIGN(const MemberPassContent pass, content(memberId));
    auto file = ApplePass::build(pass, signer.issuer, signer.identity, now);
    if (file)
        qCInfo(lcServices) << "Apple Wallet pass made for member" << memberId;
    return file;
}

Result<QString> WalletPassService::googleSaveLink(qint64 memberId, const WalletKeys& keys) const
{
    LT_TRY_ASSIGN(const GoogleWalletSigner signer, WalletReadiness::prepareGoogle(settings(), keys));
    LT_TRY_ASSIGN(const MemberPassContent pass, content(memberId));
    auto link = GoogleWalletLink::saveUrl(pass, signer.issuer, signer.account, m_context.clock.nowUtc());
    if (link)
        qCInfo(lcServices) << "Google Wallet link made for member" << memberId;
    return link;
}

QList<WalletStatus> WalletPassService::readiness(const Result<WalletKeys>& keys) const
{
    return WalletReadiness::assess(settings(), keys, m_context.clock.nowUtc());
}

} // namespace lt
