<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccrualService</name>
    <message>
        <source>Enter the sale&apos;s receipt number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt number has at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt number has no spaces or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale total must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is larger than any sale can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program counts in %1, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sale line has an impossible quantity or amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale lines add up to more than the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no member %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 was already recorded for member %2 with %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the accrual is voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 has already been fully refunded or voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome back %1x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale&apos;s time %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store records sales only as they happen (the setting sales.backdate_days is 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sale can be recorded at most %1 days back (since %2; the setting sales.backdate_days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 enrolled on %2, after the sale&apos;s time %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdjustmentService</name>
    <message>
        <source>An adjustment must add or remove at least one point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment is at most %1 points either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the adjustment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the manager who decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no adjustment %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment %1 was already %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1 points would leave member %2 with a negative balance (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplePass</name>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this card at the till to earn and spend your %1. The balance shown is the one when the card was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loyalty card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Apple pass certificate is for %1, not for the store&apos;s pass type %2 (wallet.apple.pass_type_id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pass&apos;s icons are missing from the program&apos;s resources.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppleSigningIdentity</name>
    <message>
        <source>The Apple pass certificate cannot be read: it is not a certificate in PEM or DER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Apple pass certificate&apos;s private key cannot be read: it is not a private key in PEM or DER, or it is encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple&apos;s WWDR certificate cannot be read: it is not a certificate in PEM or DER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key does not belong to the Apple pass certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WWDR certificate did not issue the Apple pass certificate: download the WWDR intermediate certificate Apple names for it (G4 for pass certificates).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is not an Apple Wallet pass type certificate: its subject has no pass type identifier (UID=pass.…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Apple pass certificate expired on %1: make a new one for %2 in Apple&apos;s developer account and store it with `loyaltytill-admin wallet keys`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Apple pass certificate is not valid before %1: check the till&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory while signing the pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pass could not be signed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pass&apos;s signature could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Apple pass certificate names the WWDR certificate as its issuer, but its signature was not made with the WWDR certificate&apos;s key: the certificate is forged or altered, or the WWDR certificate is not Apple&apos;s. Download both again from Apple.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditChainVerifier</name>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries missing before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing from the end of the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anchor wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inserted by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rewritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit chain&apos;s record (the store id and the chain&apos;s head) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain&apos;s head names this entry, but the log ends at entry %1: the entries after it were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain&apos;s head does not hold this entry&apos;s hash: the head was edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log holds %1 entries, the chain counted %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head noted earlier (%1) is not in the chain: the log was cut back or rewritten before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It comes after the chain&apos;s head (entry %1): LoyaltyTill did not write it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It carries no chain hash: LoyaltyTill did not write it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was written as entry %1: entries were renumbered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was written with the time of entry %1: times were swapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its hash matches neither its fields nor the chain, which goes around it: LoyaltyTill did not write it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its fields no longer match its hash: it was edited after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was chained after entry %1, which now comes after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not part of the chain: entry %1 was chained straight after entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain starts at entry %1; the entries before this one were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first entry is not chained to this store&apos;s id: the id was changed, or the log comes from another store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry it was chained to is gone: entry %1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry it was chained to is gone: entries %1 to %2 were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry it was chained to is no longer in the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutomationPass</name>
    <message>
        <source>Birthday gift %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Anniversary gift: %n year(s) with us</source>
        <translation>
            <numerusform>Anniversary gift: %n year with us</numerusform>
            <numerusform>Anniversary gift: %n years with us</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupFolder</name>
    <message>
        <source>The backup folder %1 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete the old backup %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BgNbdModel</name>
    <message>
        <source>The BG/NBD parameters r, alpha, a and b must be numbers above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no customer to fit the BG/NBD model on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has bought a second time, so nothing tells how often customers return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every customer bought for the first time at the end of the observation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time ahead must be a number and not negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expected purchases cannot be computed with a = 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hypergeometric series of the expected purchases does not converge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expected purchases are not a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardNumber</name>
    <message>
        <source>Scan or type a card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card number holds only digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card number has %1 digits; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not one of the store&apos;s loyalty cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number&apos;s check digit is wrong; scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>&quot;%1&quot; is not a code page: use pc858, pc850, pc437, wpc1252 or image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CohortHeatmap</name>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each cell: the members of the cohort who bought in that month after enrolling ÷ those enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>The file is larger than %1 KiB; none of it is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line is not UTF-8 text; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the line as key = value; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line holds control or formatting characters; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>No Square access token is stored for this location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain (Secret Service) is locked or refused access to the Square access token. Unlock it (log in to the till&apos;s desktop session again) and try again. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain (Secret Service) could not remove the Square access token. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain (Secret Service) is not running or cannot be reached in this session, so the Square access token cannot be read or stored. Log in to the till&apos;s desktop session, or start and unlock the keychain; on a kiosk till, keep the token in the systemd credential instead (square.token_store = systemd-credential, see &quot;Kiosk tills&quot; in the README). (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>Line %1: a field is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerHistory</name>
    <message>
        <source>A customer&apos;s purchase count and times must be numbers and not negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer&apos;s last purchase (%1) comes after the end of the observation (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer without a repeat purchase has a last purchase after the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the observation must be a date and the time unit more than zero days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A purchase has no valid date or value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase on or before %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot read the database file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a LoyaltyTill database (it is not an SQLite file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database path was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the database file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite driver for Qt (QSQLITE) is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (journal mode is %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 needs an upgrade from schema %2 to %3, and its backup must come first, but it failed: %4 Nothing was changed. Make room or fix the backup folder (backup.folder) and open the store again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written to it. Restore the newest verified backup: the till offers it when it starts, or `loyaltytill-admin backup --list` names the backups and `loyaltytill-admin restore FILE` puts one in place, keeping the damaged file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file %1 is truncated. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header of the database file %1 is damaged. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The write-ahead log of %1 (%1-wal) is damaged: it held %2 committed pages, %3 of them are whole. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is not known to be damaged: do not restore a backup, which would discard every sale since it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk or the file could not be read while opening the database %1 (%2). Check that the disk is attached and not failing (the system log names disk errors) and that this user may read and write the file and its folder, then start again. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be written by this user (%2), so no sale could be recorded. Give it back its write permission for the user the till runs as (chmod u+w, and chown when another user created it), then start again. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be written by this user, so the database&apos;s write-ahead log (%2-wal) cannot be created in it. Give the folder back its write permission for the user the till runs as, then start again. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so the change was not recorded. Make room on the disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk failed to read or write the database (%1), so the change was not recorded. Check the disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>Name the backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup has schema %1, the store %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup did not verify, and was deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot name the backup %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoDataGenerator</name>
    <message>
        <source>Generate between 1 and %1 members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate between 0 and %1 sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data goes into an empty store only; this one has %1 members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough demo phone numbers for %1 members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough card numbers are left for %1 demo members.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollmentService</name>
    <message>
        <source>An opening balance must be between 0 and %1 points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number belongs to member %1 but the card belongs to member %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every card number has been used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card %1 already belongs to member %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 is linked to a Square loyalty account, whose phone number only Square can change (Square Dashboard).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number already belongs to member %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiryService</name>
    <message>
        <source>There is no member %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points earned in %1 expired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GammaGammaModel</name>
    <message>
        <source>The Gamma-Gamma parameters p, q and gamma must be numbers above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no customer to fit the spend model on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has a repeat purchase worth more than zero to fit the spend model on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spend model has q = %1 &lt;= 1: its mean value of a transaction is infinite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lifetime value needs months ahead (0 or more), a discount rate above -100 % and a time unit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoogleServiceAccount</name>
    <message>
        <source>The Google service account key is not a JSON key file (%1): download a JSON key for the service account in the Google Cloud console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON file is a Google &quot;%1&quot; key, not a service account&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Google service account key has no client_email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Google service account key has no private_key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Google service account&apos;s private_key is not an RSA private key in PEM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Google Wallet link could not be signed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoogleWalletLink</name>
    <message>
        <source>The Google Wallet issuer id must be the digits the Google Pay &amp; Wallet Console shows (wallet.google.issuer_id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Google Wallet class may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (wallet.google.class_id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntegrityChecker</name>
    <message>
        <source>%1: more problems not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite integrity check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference to a missing row (table, row, parent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance differs from the ledger (member, balance, ledger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime points differ from the ledger (member, lifetime, ledger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale points differ from the ledger (sale, points, ledger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed points differ from the ledger (sale, reversed, ledger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger entry never queued for Square (entry, kind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report summaries differ from the store&apos;s history (%1); `loyaltytill-admin report rebuild` recomputes them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain broken at entry %1 (%2, %3), %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain broken, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations waiting to sync differ from the outbox (kept, counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox row marked against its member&apos;s origin (operation, member)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerStore</name>
    <message>
        <source>A ledger entry of member %1 has no valid time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerWriter</name>
    <message>
        <source>There is no member %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalizedAmount</name>
    <message>
        <source>Write the amount like %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogParameterFit</name>
    <message>
        <source>The %1 model could not be fitted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not converge in %1 evaluations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the optimiser failed (NLopt code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the likelihood is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a parameter runs off to zero or infinity; the data do not determine it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rounding stopped it before the maximum.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoyaltyJson</name>
    <message>
        <source>Square&apos;s promotion list is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square&apos;s promotion %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoyaltyProgram</name>
    <message>
        <source>Unknown accrual rule type &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An accrual rule must award at least one point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A spend rule needs a positive amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit rule&apos;s minimum cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item rule needs an item variation id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A category rule needs a category id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reward needs an id and a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reward &apos;%1&apos; must cost at least one point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reward &apos;%1&apos; has a percentage outside 1-100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reward &apos;%1&apos; has an impossible discount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reward &apos;%1&apos; lets points be chosen but has no value per point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a currency code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two rewards share the id &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberDirectory</name>
    <message>
        <source>There is no member %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member has the phone number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card %1 does not belong to a member yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a phone number, scan a card, or type a name or e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is too long to be a phone number, a card or a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberDrillDown</name>
    <message>
        <source>The program has no tier named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the tier whose members to list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page starts at 0 or after and holds 1 to %1 members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active members (30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active members (90 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active members (365 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members who redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members in tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list was no longer wanted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberImporter</name>
    <message>
        <source>consent must be yes or no, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance must be a whole number of points, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown column &apos;%1&apos; in the first line; the columns are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column &apos;%1&apos; appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line must name the columns, and &apos;phone&apos; is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone %1 already appears on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card %1 already appears on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already a member (member %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows up to line %1 were imported; importing the file again with bad rows skipped adds the rest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an amount; write it like 12.34.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 takes at most %n decimal(s).</source>
        <translation>
            <numerusform>%1 takes at most %n decimal.</numerusform>
            <numerusform>%1 takes at most %n decimals.</numerusform>
        </translation>
    </message>
    <message>
        <source>The amount is larger than any sale can be.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfferService</name>
    <message>
        <source>Give the offer a name, as the member panel shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a segment; choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bonus is a whole number of points from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A multiplier is more than 1 and at most 10, with at most three decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program has no reward &apos;%1&apos; (its rewards: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the offer&apos;s first day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the offer&apos;s last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day, %1, is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offer runs at most a year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hold-out share is a whole percentage from 0 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the manager who makes the offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member is in the segment %1 today: the offer would reach nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the manager who ends the offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer %1 has already been ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no offer %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n bonus point(s)</source>
        <translation>
            <numerusform>%1: %n bonus point</numerusform>
            <numerusform>%1: %n bonus points</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2x points on the next sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: reward unlocked, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 is not among the members of offer %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 is held out of offer %2: it is not shown to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer %1 is not open on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer %1 multiplies the points of the member&apos;s next sale: it applies when that sale is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer %1 was used by member %2 meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 withdrew their marketing consent: no offer is made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalDataValidator</name>
    <message>
        <source>The text contains broken characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text contains a control or formatting character (U+%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it under %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the birthday as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birthday is before 1900.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneNumberNormalizer</name>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number holds only digits, spaces and + - ( ) .</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The country code is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone number in that region has this area code or pattern.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterMessages</name>
    <message>
        <source>it took no more data for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system has no default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system has no printer of that name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it refused the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip was kept: print it again once the printer is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip printer %1 cannot be used: %2 Correct its address in Settings ▸ Printing and wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip printer %1 cannot be reached (%2). Check that it is switched on and its cable is in, and its address in Settings ▸ Printing and wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip printer %1 does not answer. Switch it off and on again; if it still does not answer, check its address in Settings ▸ Printing and wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip printer %1 ran out of paper while printing. Put in a new roll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip printer %1 is out of paper. Put in a new roll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip printer %1 has its cover open. Close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip printer %1 is offline. Check its error light; switch it off and on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip printer %1 stopped while the slip was being sent (%2): the slip may be incomplete. Check its power and cable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip printer %1 is not connected: there is no such device. Check that it is switched on and its cable is in, and its address in Settings ▸ Printing and wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till may not use the slip printer %1. Ask IT to add the till&apos;s user to the %2 group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip could not be printed on %1 (%2). Check the printer in the system&apos;s printer settings, or the address in Settings ▸ Printing and wallet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <source>The printer&apos;s cover is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer is out of paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer reports an error (a paper jam or the cutter): see its lights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer is offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer&apos;s paper is running out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterUri</name>
    <message>
        <source>The port must be a number from 1 to 65535, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a network printer as tcp://HOST:PORT, e.g. tcp://192.168.1.50:9100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network printer is only a host and a port, e.g. tcp://192.168.1.50:9100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An IPv6 address needs its closing bracket: tcp://[fd00::5]:9100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the port after a colon: tcp://[fd00::5]:9100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port is missing after the colon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put an IPv6 address in brackets: tcp://[fd00::5]:9100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer&apos;s host name or IP address is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IPv4 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is missing, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device must be an absolute path such as %1, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device path has only letters, digits and . _ - /: &quot;%1&quot; is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain device path (no .., // or a trailing /).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A serial printer takes one option, baud (e.g. ?baud=19200), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baud rate must be one of %1, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A USB printer takes no options: usb:/dev/usb/lp0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A print queue&apos;s name has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A print queue&apos;s name has only letters, digits and _ - . @ +: &quot;%1&quot; is not one (see lpstat -p).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the PDF file after pdf:, e.g. pdf:/tmp/slip.pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file must be an absolute path such as /tmp/slip.pdf, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s name must end in .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a printer, e.g. tcp://192.168.1.50:9100, serial:/dev/ttyS0, usb:/dev/usb/lp0, cups:QUEUE or pdf:/tmp/slip.pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A printer address has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer address holds a character that cannot be part of it (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A printer address has no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a printer address: start it with tcp://, serial:, usb:, cups: or pdf:.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramFields</name>
    <message>
        <source>give either points or a reward_id, not both or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a referral bonus must give someone points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be more than 1 to be an offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names &apos;%1&apos;, which is not a reward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must list at least one tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 0: the first tier is where every member starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be higher than the tier before it (tiers go up).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; names two tiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number such as &quot;1.5&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than three decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a field here (known: %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramPuller</name>
    <message>
        <source>Reading the loyalty promotions failed: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramRepository</name>
    <message>
        <source>The stored loyalty program is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion</name>
    <message>
        <source>must be a moment such as 2024-03-05T16:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date such as 2024-03-05.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be more than 1: it multiplies the points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a currency code such as USD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be given with qualifying_item_variation_ids: choose items or categories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of iCalendar events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comes before start_date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionSchedule</name>
    <message>
        <source>must hold at least one period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds more than %1 periods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not one iCalendar event (VEVENT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds %1; only DTSTART, DURATION and RRULE are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs one DTSTART in local time, such as DTSTART:20240305T160000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTSTART must be local time, without a time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTSTART must be a date and a time, such as 20240305T160000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTSTART must be local time, not UTC (no Z at its end).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs one DURATION, such as DURATION:PT2H.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DURATION must be longer than nothing, such as PT2H.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DURATION must be one day (P1D) or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold one RRULE only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RRULE cannot be read, such as RRULE:FREQ=WEEKLY;BYDAY=TU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RRULE&apos;s FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RRULE&apos;s COUNT must be 10000 or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RRULE never fires: its UNTIL comes before DTSTART, or no day matches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read as an iCalendar event.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionStore</name>
    <message>
        <source>The stored promotion %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promotion needs the moment it was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program runs at most %1 active or scheduled promotions: cancel one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion %1 has already ended or been canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promotion from Square needs its id and the moment it was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no promotion %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedemptionService</name>
    <message>
        <source>There is no reward &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loyalty program is not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use between %1 and %2 %3 for this reward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; always costs %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough %1: the member has %2 and &apos;%3&apos; needs %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is for %2 members and above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralService</name>
    <message>
        <source>The referring member &apos;%1&apos; is neither a member number, a phone number nor a card: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the referring member by member number, phone number or card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member is known as &apos;%1&apos; to have made the referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has left the program and cannot refer anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer cannot refer themselves (same phone number or e-mail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral bonus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral bonus: member %1 joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral bonus taken back: the first sale was refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundService</name>
    <message>
        <source>The refund must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 was already recorded for another sale or amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 has already been refunded in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 was paid in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 of sale %2 is left to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward points returned: sale %1 was refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryLayer</name>
    <message>
        <source>a number (REG_DWORD or REG_QWORD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list (REG_MULTI_SZ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary data (REG_BINARY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds %2; it needs %3. The value below it is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text (REG_SZ) or a number (REG_DWORD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text (REG_SZ)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportService</name>
    <message>
        <source>Give the period as two dates (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period starts (%1) after it ends (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report covers at most five years; %1 to %2 is longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period starts after today (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trend covers 1 to 60 months up to a valid day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale was recorded at till &quot;%1&quot;; the tills are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale was recorded by &quot;%1&quot;; the staff who took sales are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members enrolled by the period&apos;s last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members enrolled in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members with a sale in the 90 days up to the period&apos;s last day, and their share of all members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members with at least one sale in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales recorded in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period&apos;s sales less what refunds and voids took back of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net sales ÷ the sales not wholly refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales ÷ buyers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat purchase rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyers with two or more sales ÷ buyers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points the period&apos;s purchases earned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points spent on rewards in the period, less those of rewards given back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points that lapsed in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every member&apos;s balance at the end of the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redemption rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points redeemed ÷ points earned in the period (above 100 % when older points were spent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member redemption rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members who redeemed in the period ÷ buyers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points whose last valid day falls within 30, 60 and 90 days, as the daily automation pass last counted them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points liability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding points × what a point has cost in discounts × (1 − the share of points that expire).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreGapReport</name>
    <message>
        <source>member #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member #%1, phone ending %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged store %1 cannot be copied to be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged store cannot be read at all (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the damaged store stopped at its damage (%1): operations after those listed may be missing too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no operations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged store could not be read, so the operations since the backup are not known. The backup holds operations up to %1: enter again what was recorded at the till after that time, from the receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup holds operations up to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) made since then reached Square and come back with the next sync.</source>
        <translation>
            <numerusform>%n operation made since then reached Square and comes back with the next sync.</numerusform>
            <numerusform>%n operations made since then reached Square and come back with the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>No operation needs to be entered again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) never reached Square and must be entered again:</source>
        <translation>
            <numerusform>%n operation never reached Square and must be entered again:</numerusform>
            <numerusform>%n operations never reached Square and must be entered again:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RfmSegments</name>
    <message>
        <source>Member %1 has a negative recency or number of purchases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearly there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleHistoryImporter</name>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no member has this id, phone or card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale %1 already appears on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale %1 is already recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount must be more than zero, in %1 with its decimals, such as 12.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded must be an amount in %1 no larger than the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed_at must be a time such as 2024-03-05T14:30:00+01:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed_at is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown column &apos;%1&apos; in the first line; the columns are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column &apos;%1&apos; appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line must name the columns: member, phone or card, and reference, amount and completed_at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points for imported sales</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleRecord</name>
    <message>
        <source>There is no sale %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <source>Cannot read the schema version of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer LoyaltyTill (schema %2; this version reads up to %3). Install the newer LoyaltyTill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite file of another application, not a LoyaltyTill database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentService</name>
    <message>
        <source>The day of the segments is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the first cohort&apos;s month as YYYY-MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the last month as YYYY-MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cohorts start (%1) after they end (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cohorts end after this month (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cohort grid covers at most five years; %1 to %2 is longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day of the predictions is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member has bought yet: there is nothing to predict from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearly there: %1 %2 to a reward. Tell them how close they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsed: a regular who has not been back. Win them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase yet: the first one starts earning rewards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank them: first look at new offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite them to refer a friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encourage the next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind them of their points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer a reason to come back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show them what is new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome them back with a special offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purchase models cannot be fitted on the store&apos;s history yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsSchema</name>
    <message>
        <source>&apos;%1&apos; needs a whole number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a region code such as US, GB or MX.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List category ids separated by commas, such as COFFEE,PASTRY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs an absolute path, or nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be empty or longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a time of day such as 02:30 (HH:MM).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlipLayout</name>
    <message>
        <source>Member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% off the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points taken back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward points returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can redeem %1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 more point(s) to %2.</source>
        <translation>
            <numerusform>%1 more point to %2.</numerusform>
            <numerusform>%1 more points to %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Spend %1 more to reach %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 more point(s) to reach %2.</source>
        <translation>
            <numerusform>%1 more point to reach %2.</numerusform>
            <numerusform>%1 more points to reach %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 point(s) expire on %2.</source>
        <translation>
            <numerusform>%1 point expires on %2.</numerusform>
            <numerusform>%1 points expire on %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 point(s)</source>
        <translation>
            <numerusform>%1 point</numerusform>
            <numerusform>%1 points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlipPrintQueue</name>
    <message>
        <source>This till has no slip printer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlipPrinterSetup</name>
    <message>
        <source>This till has no slip printer: set one in Settings ▸ Printing and wallet (slip.printer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlipService</name>
    <message>
        <source>Welcome back offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no redemption %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 has no refund %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the receipt number of a sale, a refund or a redemption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded under %1: no sale, refund or redemption.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SquareCheckup</name>
    <message>
        <source>Square token (systemd credential)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As root, seal the token with `loyaltytill-admin square connect --token-stdin` (systemd-creds encrypt), and run the till from loyaltytill-kiosk.service, whose LoadCredentialEncrypted= hands it over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start and unlock the desktop&apos;s keyring (the Secret Service: GNOME Keyring or KWallet) in this user&apos;s session; a till without a desktop session keeps the token in a systemd credential (square.token_store = systemd-credential).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is not connected to Square: there is no token to read yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sealed token %1 is there; only the till&apos;s service can open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect again with the token: `loyaltytill-admin setup` or `square connect --token-stdin`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Square token for location %1 was read from the systemd credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Square token for location %1 is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not store a test entry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not give back a test entry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain gave back another value than the test entry it stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not delete a test entry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain stores, gives back and deletes an entry; the store is not connected to Square yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is not connected to Square: points stay in this store until it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect it with `loyaltytill-admin setup` (or `square connect --token-stdin`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square was not asked: outside the till&apos;s service its sealed token cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check as the till&apos;s service does: `systemd-run --pipe --wait -p User=loyaltytill -p %1 -E LOYALTYTILL_DATABASE=/var/lib/loyaltytill/loyaltytill.sqlite loyaltytill-admin doctor`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square was not asked: the token could not be read (see %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect again with `loyaltytill-admin square disconnect`, then `setup`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SquareEnvironment</name>
    <message>
        <source>Give production, sandbox or a base URL such as https://host:port (no path, user or query).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http is allowed only for 127.0.0.1 or localhost; %1 must use https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// for 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SquareLoyaltyApi</name>
    <message>
        <source>Square kept sending pages of promotions; reading stopped after %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SquarePairing</name>
    <message>
        <source>No Square access token was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a Square access token: it is one word of letters, digits and a few signs, as the Developer Console shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the Square location ID (letters and digits, as the Dashboard shows it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SquareProbe</name>
    <message>
        <source>Square (%1) accepts the token; its loyalty program is active at location %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square (%1) did not answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square (%1) refused the token (HTTP 401): it is wrong, expired or revoked, or it belongs to the other environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token may not read Square&apos;s loyalty program (HTTP 403).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square is limiting this token&apos;s requests (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square (%1) has a problem (HTTP %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Square account has no loyalty program (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Square loyalty program is not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location %1 is not one of the loyalty program&apos;s locations (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square refused the request (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this till&apos;s network, DNS and proxy, and that %1 can be reached over HTTPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new access token in the Square Developer Console for this environment and connect again (`loyaltytill-admin setup` or `square connect --token-stdin`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the application the LOYALTY_READ, LOYALTY_WRITE and CUSTOMERS_READ permissions, or use its personal access token, then connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a minute and check again; if it goes on, look for another program using the same token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again later (issquareup.com shows Square&apos;s status); the till keeps its sales and sends them when Square answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the loyalty program in the Square Dashboard, then connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn Square Loyalty on (its subscription) in the Square Dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with one of the program&apos;s location IDs (--location), or add this location to the program in the Square Dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the environment (production or sandbox) is the token&apos;s, then connect again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SquareProgramMapper</name>
    <message>
        <source>Square sent a loyalty program that cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDirectory</name>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN has only digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the person&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password hashing library could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to hash the PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong staff number or PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs: try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many wrong PINs: try again in %n minute.</numerusform>
            <numerusform>Too many wrong PINs: try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no staff member %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorageNames</name>
    <message>
        <source>The database holds an unknown %1 &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreFileCheck</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a LoyaltyTill store (it is not an SQLite file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is truncated: it is not a whole SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite file but not a LoyaltyTill store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer LoyaltyTill (schema %2; this version reads up to %3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreRecovery</name>
    <message>
        <source>LoyaltyTill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Restore the backup of %2? The damaged store is kept in the backup folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup in %1 verifies: ask for help before anything else is done with the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list is kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup of %1 is in place; the damaged store is kept as %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreRestore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 is open in another program (a till or a command); close it and restore again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the backup FILE to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the store itself; name a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a write-ahead log beside it: it is open in a program or was not closed. Back it up with `loyaltytill-admin --database %1 backup COPY` and restore the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s folder %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot name the store&apos;s backup %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be backed up first, so it was left as it was: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace the store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the write-ahead log of %1 is damaged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreSettings</name>
    <message>
        <source>There is no setting called &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is locked by IT at %2; it stays %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <source>There is no conflict %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points already spent elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square rejected the phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Square account is gone (merged or deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square refused the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send anyway (Square balance may go below zero)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept Square&apos;s balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the manager who resolves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict %1 was already resolved (%2 by %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not apply to conflict %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square&apos;s balance accepted (conflict %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncOutbox</name>
    <message>
        <source>The count of operations waiting to sync is missing from the database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemConfig</name>
    <message>
        <source>Not owned by %1; its locks are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others may write it (chmod 644 fixes that); its locks are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be read: %1; none of it is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no setting called &apos;%1&apos; (loyaltytill-admin config lists them); the line is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The value below it is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given different values in %2; none of them is used, the value below them is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is locked to different values in %2; the last is used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemdCredential</name>
    <message>
        <source>The credential %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted systemd credentials exist only on Linux.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be made (mode 0700).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be run (%2): a systemd credential needs systemd 250 or newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till keeps its secrets in encrypted systemd credentials (square.token_store = systemd-credential), and it was not started by a service that loads them: the unit needs %1, as loyaltytill-kiosk.service has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service was given no credential %1: its unit needs %2, and that file must exist (as root: %3 writes it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential %1 is too long for what it holds: more than %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential %1 is empty: seal it again, as root, with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs root: the sealed credential %2 is root&apos;s alone. Run the command again as root (sudo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to seal in the credential %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealing the credential %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not seal the credential %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sealed credential cannot be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the credential %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sealed credential %1 cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TierService</name>
    <message>
        <source>%1 within the window; %2 starts at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 brought %2 within the window; %3 starts at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 within the window, short of the %2 %3 needs since %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillCheckup</name>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no store at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create it with `loyaltytill-admin setup`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the newest good backup with `loyaltytill-admin restore FILE` (`loyaltytill-admin backup --list` shows which verify).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the LoyaltyTill version that wrote this store, or a newer one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that this user may read and write %1 and its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can be read but not written by this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the till&apos;s user write access to the store file and its folder (SQLite writes its -wal and -shm files beside it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on schema %2; this program uses schema %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run `loyaltytill-admin init` (or start the till): it backs the store up, then upgrades it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is undamaged, but another program held its write lock for seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the check again; if it stays busy, look for a stuck program using the store (`fuser %1`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: schema %2, undamaged (quick_check), writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The free space at %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that %1 is on a mounted disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk space (store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk space (backups)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free of %2 where %3 is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space on that disk now: below %1 a backup or a schema upgrade may not fit, and the store cannot grow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space on that disk (at least %1 and %2 % of it), or move the store or backup.folder to a larger one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run `loyaltytill-admin backup`, and keep a till running past backup.time (%1) or enable loyaltytill-backup.timer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no daily backup in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent daily backup in %1 verifies: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n backup(s) taken before an upgrade or a restore do not count.</source>
        <translation>
            <numerusform>The %n backup taken before an upgrade or a restore does not count.</numerusform>
            <numerusform>The %n backups taken before an upgrade or a restore do not count.</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest verified daily backup in %1 is from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer one does not verify: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the backup that does not verify and run `loyaltytill-admin backup`; check the disk if it happens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the date and time, best from the network: `timedatectl set-ntp true`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock reads %1, before this program was built (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock reads %1, before the store&apos;s newest entry (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock reads %1, more than %2 years after this program was built (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock reads %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems in the configuration files of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the configuration files of %1; each setting concerned keeps the value of the layer below.</source>
        <translation>
            <numerusform>%n problem in the configuration files of %1; the setting concerned keeps the value of the layer below.</numerusform>
            <numerusform>%n problems in the configuration files of %1; each setting concerned keeps the value of the layer below.</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct each line named; `loyaltytill-admin config --show-origin` shows the values in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No serial port is set: the scanner types like a keyboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (scanner.serial_port) does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug the scanner in, or set scanner.serial_port to its device (`ls /dev/serial/by-id/` lists them), or empty for a scanner that types like a keyboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user (%1) may not read and write %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the till&apos;s user to the dialout group: `sudo adduser %1 dialout`, then log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists, and this user may read and write it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set; the port is opened when the till starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillSettings</name>
    <message>
        <source>There is no till setting called &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is locked by IT at %2; it stays %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalletCredentials</name>
    <message>
        <source>This till keeps the store&apos;s wallet keys in encrypted systemd credentials (square.token_store = systemd-credential), which only the till&apos;s service (loyaltytill-kiosk.service) opens when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only root sees the sealed wallet keys in %1: run the command again as root (sudo).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalletKeyImport</name>
    <message>
        <source>The file is not a PKCS#12 (.p12) export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PKCS#12 file&apos;s password is wrong: write the password it was exported with on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PKCS#12 file holds no certificate with its private key, or its encryption is not one this program reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate and key could not be written as PEM: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: the file is not a certificate in PEM or DER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: the key is encrypted and the password on standard input does not open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: the file is not a private key in PEM or DER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key could not be written as PEM: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalletKeyStore</name>
    <message>
        <source>The keychain refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalletPassService</name>
    <message>
        <source>Member %1&apos;s personal data was erased: there is no card to add to a wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has no card yet: issue one before adding it to a wallet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalletReadiness</name>
    <message>
        <source>Apple Wallet is off: the store has no pass type identifier (wallet.apple.pass_type_id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pass certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple&apos;s WWDR certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store them with `loyaltytill-admin wallet keys --apple-certificate FILE [--apple-key FILE] --apple-wwdr FILE`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till&apos;s keychain has no Apple Wallet keys: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till&apos;s keychain lacks %1 for Apple Wallet: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Apple pass certificate in the keychain is for %1, not for the store&apos;s pass type %2 (wallet.apple.pass_type_id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Apple pass certificate belongs to team %1, not to the store&apos;s team %2 (wallet.apple.team_id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple Wallet needs the developer team&apos;s identifier: the certificate does not name it, so set wallet.apple.team_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Wallet is off: the store has no Google Wallet issuer id (wallet.google.issuer_id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till&apos;s keychain has no Google service account key: store it with `loyaltytill-admin wallet keys --google-service-account FILE`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links for class %1, signed by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes of type %1 for team %2; the certificate is valid until %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZipArchiveWriter</name>
    <message>
        <source>The archive could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be added to the archive: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::CardNumberAllocator</name>
    <message>
        <source>A batch holds 1 to %1 cards, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 card numbers are left; a batch of %2 does not fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cards were planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card number was planned twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 left the program while the cards were drawn; no card was given. Run the command again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 was given the card %2 while the cards were drawn; no card was given. Run the command again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card serials run from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card numbers from %1 on were given out or reserved at another till while the cards were drawn; nothing was changed. Run the command again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::MarketingConsent</name>
    <message>
        <source>There is no member %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has left the program; their data was erased.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::MemberErasure</name>
    <message>
        <source>Name the manager who answers for the erasure: --manager NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a cashier; a manager answers for an erasure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active manager is named %1 (see `staff list`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no member %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1&apos;s personal data was erased already; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the member&apos;s personal data was erased before Square heard of them. If their enrollment was under way, Square may hold an account for the number; remove it in Square Dashboard if the member asks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::SyncScheduler</name>
    <message>
        <source>No network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::AdjustmentDialog</name>
    <message>
        <source>Adjust points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to add or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>50 adds, -20 removes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, kept in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager&apos;s PIN approves the adjustment next; until then the balance stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::BarcodeSymbol</name>
    <message>
        <source>An EAN-13 barcode takes 12 or 13 digits, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last digit of %1 is not its check digit (%2 would be).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A barcode needs something to encode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The barcode library is out of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The barcode could not be drawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be encoded as a barcode: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::CardPrinter</name>
    <message>
        <source>the system&apos;s default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card could not be printed on %1 (%2). Check the printer in the system&apos;s printer settings, or the card printer in Settings ▸ Printing and wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a receipt printer; a card is printed by a printer the system knows (cups:QUEUE) or into a PDF file (pdf:FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system has no default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system has no printer of that name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it refused the job</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::CardSheetWriter</name>
    <message>
        <source>The paper is a4 or letter, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no cards to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the PDF %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add a page to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot finish the PDF %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::CohortHeatmap</name>
    <message>
        <source>No cohort yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::ConflictsDialog</name>
    <message>
        <source>Sync conflicts with Square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square&apos;s reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides&apos; facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the audit log (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open conflicts: this store and Square agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a conflict to see both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict %1 resolved: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no member)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (member %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) in the operation Square did not take.</source>
        <translation>
            <numerusform>%n point in the operation Square did not take.</numerusform>
            <numerusform>%n points in the operation Square did not take.</numerusform>
        </translation>
    </message>
    <message>
        <source>Square said:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At Square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased member</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::ConsentDialog</name>
    <message>
        <source>&amp;Withdraw consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer &amp;agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent of member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member agreed to marketing on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member said no to marketing on %1: no offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member was never asked about marketing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::EnrollmentDialog</name>
    <message>
        <source>The customer agrees (&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a &amp;new card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, any format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan a blank card, optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>their card, phone or member number, optional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::EscPosStreamTransport</name>
    <message>
        <source>it took no more data for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::FirstManagerForm</name>
    <message>
        <source>Manager&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to LoyaltyTill. Create the store&apos;s first manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN (4-8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager %1 created with staff number %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::FirstStartWizard</name>
    <message>
        <source>&amp;Start selling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to location %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till is ready. What needs attention can wait; sign in to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till works, but some things are not ready: each says what to do. Sign in to start, and give the list to IT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::HelpOverlay</name>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;look up what was typed or scanned&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;sale: award points&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;redeem a reward&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;refund a sale&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;enroll a customer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F6&lt;/b&gt;&lt;/td&gt;&lt;td&gt;void the last sale (a manager once the customer has left)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F7&lt;/b&gt;&lt;/td&gt;&lt;td&gt;adjust points (a manager approves)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;conflicts with Square (a manager)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F9&lt;/b&gt;&lt;/td&gt;&lt;td&gt;sync with Square now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F10&lt;/b&gt;&lt;/td&gt;&lt;td&gt;reports (a manager)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;apply the member&apos;s offer shown on the panel&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;print the slip (again)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+W&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the member&apos;s card in the phone&apos;s wallet&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;print the member&apos;s card&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+M&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the member&apos;s marketing consent (W withdraws it)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next customer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F12&lt;/b&gt;&lt;/td&gt;&lt;td&gt;lock the till&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;this help&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Press any key to go back.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::KioskMode</name>
    <message>
        <source>Closing the till is for managers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::KpiCard</name>
    <message>
        <source>Enter: the members behind this figure ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to open the list of the members behind this figure.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::LookupField</name>
    <message>
        <source>Scan a card or type a phone number or name, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member lookup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::ManagerApprovalDialog</name>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::MemberListDialog</name>
    <message>
        <source>&amp;More members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net sales in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter opens the member of the row; Esc closes the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the members …</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing %1 of %2; scroll down or press More for the next ones.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::MemberListModel</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::MemberPanel</name>
    <message>
        <source>Member name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress to the next reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewards available now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card …%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of these not yet confirmed by Square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reward available yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not yet synced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress to the next tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points about to expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spend %1 more to reach %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome back: %1x points on the next sale until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 expires on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 expire on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgraded to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowered to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment and suggested action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targeted offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — suggest: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer: %1 until %2 — applies by itself on the next sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer: %1 until %2 — F11 to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left the program: no points are earned or redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no marketing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::MessageBanner</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::PinForm</name>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::PointsActions</name>
    <message>
        <source>Sale %1 was already recorded: nothing added. Balance %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 %2 for sale %3. New balance: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager approves this reward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply %1% off at the register (at most %2). New balance: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply %1 off at the register. New balance: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund of sale %1 recorded: %2 %3. Member %4 now has %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number of the sale to void:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager approves voiding sale %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not voided: no manager approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided at the till by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 voided: %2 %3. Balance %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager approves %1 points: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment %1 waits for a manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted by %1 points, approved by %2. Balance %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgraded to %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: +%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Included: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: +%2 for this member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: +%2 for member %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has left the program and their personal data was erased: no points are earned or redeemed. Enroll the customer again if they want to rejoin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::PrintingSettingsDialog</name>
    <message>
        <source>Printing and wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing and wallet settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Every till of the store&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty &amp;slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After every sale, redemption and refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the cashier presses Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slip &amp;footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>such as the store&apos;s web site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This till&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slip &amp;printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tcp://192.168.1.50:9100, usb:/dev/usb/lp0, cups:QUEUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;aper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PC858 (Western Europe with €)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PC850 (Western Europe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PC437 (USA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1252</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: print text as images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;rd printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the system&apos;s default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Wallet passes&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a &amp;test slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (set by IT)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::ReadinessView</name>
    <message>
        <source>Ready — %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention — %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready — %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::RedeemDialog</name>
    <message>
        <source>Redeem a reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — choose %2 to %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %1% off the sale (at most %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %1 off the sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a reward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager must approve a reward worth %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::RefundDialog</name>
    <message>
        <source>Refund a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the whole sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::ReportCards</name>
    <message>
        <source>%1 on the period before · %2 on a year earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole store&apos;s figure: it does not split by till or staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::ReportCharts</name>
    <message>
        <source>Net sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net sales by month (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding at the month&apos;s end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points flow by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members by tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members by segment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::ReportPdf</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot draw the PDF %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort retention: members who bought k months after enrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2 · %3
Made %4 · page %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments at the end of %1 (rows) and today (columns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From \ to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 members · %3: %4 members</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::ReportsDialog</name>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the figures from %1 to %2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>From %1 to %2, read in %n ms.</source>
        <translation>
            <numerusform>From %1 to %2, read in %n ms.</numerusform>
            <numerusform>From %1 to %2, read in %n ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Till:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;aff:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;rends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;gments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ohorts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the period, the filter, every card and every chart to a PDF (Ctrl+P).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reports-%1-%2.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the reports as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members by their segment at the end of last month (rows) and today (columns).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Movement since the end of last month (from → to):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retention of the last %n cohorts: of the members who enrolled in a month, the share who bought in each month after.</source>
        <translation>
            <numerusform>Retention of the last %n cohort: of the members who enrolled in a month, the share who bought in each month after.</numerusform>
            <numerusform>Retention of the last %n cohorts: of the members who enrolled in a month, the share who bought in each month after.</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing the segments and cohorts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales of %1; members and points are the whole store&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready-made lists: %1 — %2 members (three or more purchases in six months, none in six weeks) · %3 — %4 members (a balance of 90 % or more of the next reward).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Today, %1, against the end of %2; computed in %n ms.</source>
        <translation>
            <numerusform>Today, %1, against the end of %2; computed in %n ms.</numerusform>
            <numerusform>Today, %1, against the end of %2; computed in %n ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cohorts enrolled from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures are still being computed; save the PDF when they are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1, without the segments and cohorts, which were still being computed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::SaleDialog</name>
    <message>
        <source>Award points for a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Total (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item and category lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an item &amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the quantity must be a whole number of 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: +%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::SerialScanner</name>
    <message>
        <source>The scanner on %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::SquareConnectForm</name>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square location ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the store to Square Loyalty. The access token is checked with Square, then kept in this computer&apos;s keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;ocation ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Square…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::SyncStatusLine</name>
    <message>
        <source>Square connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square: not connected (working offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square: %1, not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square: %1, last sync %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · offline — will retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square refused the token — a manager must reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · sync failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) waiting to sync</source>
        <translation>
            <numerusform>%n operation waiting to sync</numerusform>
            <numerusform>%n operations waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync queue unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lt::ui::TcpPrinterTransport</name>
    <message>
        <source>no computer is called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::TillPrinting</name>
    <message>
        <source>Printing the slip on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P prints the member&apos;s slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store prints no slips (Settings ▸ Printing and wallet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no slip to print yet: slips follow a sale, a redemption or a refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slip printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Ctrl+P prints it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member has no card yet: give one at enrollment, or with loyaltytill-admin card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member&apos;s card was sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the member&apos;s card on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store offers no wallet pass: Settings ▸ Printing and wallet says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing and wallet settings are for managers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ready. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not offered. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IT stores the keys with loyaltytill-admin wallet keys; the README says what each wallet needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test slip printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Slip printed. %n more did not print: Ctrl+P prints the next.</source>
        <translation>
            <numerusform>Slip printed. %n more did not print: Ctrl+P prints the next.</numerusform>
            <numerusform>Slip printed. %n more did not print: Ctrl+P prints the next.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the wallet keys…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::TillWindow</name>
    <message>
        <source>LoyaltyTill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as staff number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void last sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when LoyaltyTill starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (member %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n members match; type more of the name or use the phone number: %1</source>
        <translation>
            <numerusform>%n member matches; type more of the name or use the phone number: %1</numerusform>
            <numerusform>%n members match; type more of the name or use the phone number: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Find the member first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already a member: member %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome! Member %1 enrolled%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> with card %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · till %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;demo members for training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1. The store has no members yet: enroll the first customer with F5, or add demo members for training from the Till menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That barcode is not one of the store&apos;s loyalty cards: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 demo members with %2 sales for training. Try a phone number such as (201) 555-0000 or the card 2900000000018.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member&apos;s sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s) with Square for this member: a manager resolves them with F8.</source>
        <translation>
            <numerusform>%n open conflict with Square for this member: a manager resolves it with F8.</numerusform>
            <numerusform>%n open conflicts with Square for this member: a manager resolves them with F8.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync with Square is not running on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with Square…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager resolves conflicts with Square.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key figures and charts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports are for managers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no offer for this member today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This offer applies by itself to the member&apos;s next sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This offer was already applied: nothing more added. Balance %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bonus %2 added: new balance %3 %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (set by IT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print the slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wallet pass for the member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the member&apos;s &amp;card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Printing and wallet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member&apos;s &amp;marketing consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has left the program; their data was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent recorded at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent withdrawn at %1: no offers from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lt::ui::WalletDialog</name>
    <message>
        <source>Wallet pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet pass for the member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the card in the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code that adds the card to Google Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Wallet: the member scans this code with the phone&apos;s camera and taps Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Wallet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple Wallet: the pass is ready to be sent to the member, or written by IT with loyaltytill-admin wallet MEMBER --apple FILE.pkpass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not offered by this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
