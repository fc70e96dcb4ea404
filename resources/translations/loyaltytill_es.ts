<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AccrualService</name>
    <message>
        <source>Enter the sale&apos;s receipt number.</source>
        <translation>Escriba el número de recibo de la venta.</translation>
    </message>
    <message>
        <source>A receipt number has at most 64 characters.</source>
        <translation>El número de recibo tiene como máximo 64 caracteres.</translation>
    </message>
    <message>
        <source>A receipt number has no spaces or control characters.</source>
        <translation>El número de recibo no puede tener espacios ni caracteres de control.</translation>
    </message>
    <message>
        <source>The sale total must be more than zero.</source>
        <translation>El total de la venta debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>The amount is larger than any sale can be.</source>
        <translation>El monto supera el máximo permitido para una venta.</translation>
    </message>
    <message>
        <source>The program counts in %1, not %2.</source>
        <translation>El programa trabaja en %1, no en %2.</translation>
    </message>
    <message>
        <source>A sale line has an impossible quantity or amount.</source>
        <translation>Una línea de la venta tiene una cantidad o un monto no válidos.</translation>
    </message>
    <message>
        <source>The sale lines add up to more than the total.</source>
        <translation>Las líneas de la venta suman más que el total.</translation>
    </message>
    <message>
        <source>There is no member %1.</source>
        <translation>No existe el socio %1.</translation>
    </message>
    <message>
        <source>Sale %1 was already recorded for member %2 with %3.</source>
        <translation>La venta %1 ya se registró para el socio %2 por %3.</translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation>El socio %1 se dio de baja del programa.</translation>
    </message>
    <message>
        <source>Say why the accrual is voided.</source>
        <translation>Indique por qué se anula la acumulación.</translation>
    </message>
    <message>
        <source>Sale %1 has already been fully refunded or voided.</source>
        <translation>La venta %1 ya se devolvió por completo o se anuló.</translation>
    </message>
    <message>
        <source>Welcome back %1x</source>
        <translation>Bienvenido de nuevo %1x</translation>
    </message>
    <message>
        <source>The sale&apos;s time %1 is in the future.</source>
        <translation>La hora de la venta, %1, está en el futuro.</translation>
    </message>
    <message>
        <source>This store records sales only as they happen (the setting sales.backdate_days is 0).</source>
        <translation>Esta tienda solo registra las ventas en el momento (el ajuste sales.backdate_days es 0).</translation>
    </message>
    <message>
        <source>A sale can be recorded at most %1 days back (since %2; the setting sales.backdate_days).</source>
        <translation>Una venta puede registrarse como máximo %1 días atrás (desde el %2; ajuste sales.backdate_days).</translation>
    </message>
    <message>
        <source>Member %1 enrolled on %2, after the sale&apos;s time %3.</source>
        <translation>El socio %1 se inscribió el %2, después de la hora de la venta, %3.</translation>
    </message>
</context>
<context>
    <name>AdjustmentService</name>
    <message>
        <source>An adjustment must add or remove at least one point.</source>
        <translation>Un ajuste debe sumar o restar al menos un punto.</translation>
    </message>
    <message>
        <source>An adjustment is at most %1 points either way.</source>
        <translation>Un ajuste puede sumar o restar como máximo %1 puntos.</translation>
    </message>
    <message>
        <source>Give the reason for the adjustment.</source>
        <translation>Indique el motivo del ajuste.</translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation>El socio %1 se dio de baja del programa.</translation>
    </message>
    <message>
        <source>Name the manager who decides.</source>
        <translation>Indique qué gerente decide.</translation>
    </message>
    <message>
        <source>There is no adjustment %1.</source>
        <translation>No existe el ajuste %1.</translation>
    </message>
    <message>
        <source>Adjustment %1 was already %2.</source>
        <translation>El ajuste %1 ya no está pendiente (%2).</translation>
    </message>
    <message>
        <source>Removing %1 points would leave member %2 with a negative balance (%3).</source>
        <translation>Quitar %1 puntos dejaría al socio %2 con saldo negativo (%3).</translation>
    </message>
</context>
<context>
    <name>ApplePass</name>
    <message>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Número de tarjeta</translation>
    </message>
    <message>
        <source>Show this card at the till to earn and spend your %1. The balance shown is the one when the card was added.</source>
        <translation>Muestre esta tarjeta en caja para ganar y canjear sus %1. El saldo que se ve es el del momento en que se añadió la tarjeta.</translation>
    </message>
    <message>
        <source>%1 loyalty card</source>
        <translation>Tarjeta de fidelidad de %1</translation>
    </message>
    <message>
        <source>The Apple pass certificate is for %1, not for the store&apos;s pass type %2 (wallet.apple.pass_type_id).</source>
        <translation>El certificado de pases de Apple es para %1, no para el tipo de pase de la tienda, %2 (wallet.apple.pass_type_id).</translation>
    </message>
    <message>
        <source>The pass&apos;s icons are missing from the program&apos;s resources.</source>
        <translation>Faltan los iconos del pase en los recursos del programa.</translation>
    </message>
</context>
<context>
    <name>AppleSigningIdentity</name>
    <message>
        <source>The Apple pass certificate cannot be read: it is not a certificate in PEM or DER.</source>
        <translation>No se puede leer el certificado de pases de Apple: no es un certificado en PEM ni en DER.</translation>
    </message>
    <message>
        <source>The Apple pass certificate&apos;s private key cannot be read: it is not a private key in PEM or DER, or it is encrypted.</source>
        <translation>No se puede leer la clave privada del certificado de pases de Apple: no es una clave privada en PEM ni en DER, o está cifrada.</translation>
    </message>
    <message>
        <source>Apple&apos;s WWDR certificate cannot be read: it is not a certificate in PEM or DER.</source>
        <translation>No se puede leer el certificado WWDR de Apple: no es un certificado en PEM ni en DER.</translation>
    </message>
    <message>
        <source>The private key does not belong to the Apple pass certificate.</source>
        <translation>La clave privada no corresponde al certificado de pases de Apple.</translation>
    </message>
    <message>
        <source>The WWDR certificate did not issue the Apple pass certificate: download the WWDR intermediate certificate Apple names for it (G4 for pass certificates).</source>
        <translation>El certificado WWDR no emitió el certificado de pases de Apple: descargue el certificado intermedio WWDR que Apple indica para él (G4 para los certificados de pases).</translation>
    </message>
    <message>
        <source>The certificate is not an Apple Wallet pass type certificate: its subject has no pass type identifier (UID=pass.…).</source>
        <translation>El certificado no es un certificado de tipo de pase de Apple Wallet: su sujeto no tiene identificador de tipo de pase (UID=pass.…).</translation>
    </message>
    <message>
        <source>The Apple pass certificate expired on %1: make a new one for %2 in Apple&apos;s developer account and store it with `loyaltytill-admin wallet keys`.</source>
        <translation>El certificado de pases de Apple caducó el %1: cree uno nuevo para %2 en la cuenta de desarrollador de Apple y guárdelo con `loyaltytill-admin wallet keys`.</translation>
    </message>
    <message>
        <source>The Apple pass certificate is not valid before %1: check the till&apos;s clock.</source>
        <translation>El certificado de pases de Apple no es válido antes del %1: compruebe el reloj de la caja.</translation>
    </message>
    <message>
        <source>Out of memory while signing the pass.</source>
        <translation>Memoria insuficiente al firmar el pase.</translation>
    </message>
    <message>
        <source>The pass could not be signed: %1</source>
        <translation>No se pudo firmar el pase: %1</translation>
    </message>
    <message>
        <source>The pass&apos;s signature could not be written: %1</source>
        <translation>No se pudo escribir la firma del pase: %1</translation>
    </message>
    <message>
        <source>The Apple pass certificate names the WWDR certificate as its issuer, but its signature was not made with the WWDR certificate&apos;s key: the certificate is forged or altered, or the WWDR certificate is not Apple&apos;s. Download both again from Apple.</source>
        <translation>El certificado de pases de Apple indica como emisor el certificado WWDR, pero su firma no se hizo con la clave del certificado WWDR: el certificado está falsificado o alterado, o el certificado WWDR no es de Apple. Vuelva a descargar ambos de Apple.</translation>
    </message>
</context>
<context>
    <name>AuditChainVerifier</name>
    <message>
        <source>changed</source>
        <translation>modificada</translation>
    </message>
    <message>
        <source>entries missing before it</source>
        <translation>faltan entradas antes de ella</translation>
    </message>
    <message>
        <source>missing from the end of the log</source>
        <translation>faltan entradas al final del registro</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>fuera de orden</translation>
    </message>
    <message>
        <source>anchor wrong</source>
        <translation>ancla incorrecta</translation>
    </message>
    <message>
        <source>inserted by hand</source>
        <translation>insertada a mano</translation>
    </message>
    <message>
        <source>rewritten</source>
        <translation>reescrita</translation>
    </message>
    <message>
        <source>The audit chain&apos;s record (the store id and the chain&apos;s head) is missing.</source>
        <translation>Faltan los datos de la cadena de auditoría (el id de la tienda y la cabeza de la cadena).</translation>
    </message>
    <message>
        <source>The chain&apos;s head names this entry, but the log ends at entry %1: the entries after it were removed.</source>
        <translation>La cabeza de la cadena señala esta entrada, pero el registro termina en la entrada %1: se eliminaron las entradas que venían después.</translation>
    </message>
    <message>
        <source>The chain&apos;s head does not hold this entry&apos;s hash: the head was edited.</source>
        <translation>La cabeza de la cadena no contiene el hash de esta entrada: se editó la cabeza.</translation>
    </message>
    <message>
        <source>The log holds %1 entries, the chain counted %2.</source>
        <translation>El registro tiene %1 entradas; la cadena contó %2.</translation>
    </message>
    <message>
        <source>The head noted earlier (%1) is not in the chain: the log was cut back or rewritten before it.</source>
        <translation>La cabeza anotada antes (%1) no está en la cadena: el registro se recortó o se reescribió antes de ella.</translation>
    </message>
    <message>
        <source>It comes after the chain&apos;s head (entry %1): LoyaltyTill did not write it.</source>
        <translation>Viene después de la cabeza de la cadena (entrada %1): LoyaltyTill no la escribió.</translation>
    </message>
    <message>
        <source>It carries no chain hash: LoyaltyTill did not write it.</source>
        <translation>No lleva hash de la cadena: LoyaltyTill no la escribió.</translation>
    </message>
    <message>
        <source>It was written as entry %1: entries were renumbered.</source>
        <translation>Se escribió como la entrada %1: se renumeraron las entradas.</translation>
    </message>
    <message>
        <source>It was written with the time of entry %1: times were swapped.</source>
        <translation>Se escribió con la hora de la entrada %1: se intercambiaron las horas.</translation>
    </message>
    <message>
        <source>Its hash matches neither its fields nor the chain, which goes around it: LoyaltyTill did not write it.</source>
        <translation>Su hash no coincide ni con sus campos ni con la cadena, que la salta: LoyaltyTill no la escribió.</translation>
    </message>
    <message>
        <source>Its fields no longer match its hash: it was edited after it was written.</source>
        <translation>Sus campos ya no coinciden con su hash: se editó después de escribirse.</translation>
    </message>
    <message>
        <source>It was chained after entry %1, which now comes after it.</source>
        <translation>Se encadenó tras la entrada %1, que ahora va después de ella.</translation>
    </message>
    <message>
        <source>It is not part of the chain: entry %1 was chained straight after entry %2.</source>
        <translation>No forma parte de la cadena: la entrada %1 se encadenó justo después de la entrada %2.</translation>
    </message>
    <message>
        <source>The chain starts at entry %1; the entries before this one were removed.</source>
        <translation>La cadena empieza en la entrada %1; se eliminaron las entradas anteriores a esta.</translation>
    </message>
    <message>
        <source>The first entry is not chained to this store&apos;s id: the id was changed, or the log comes from another store.</source>
        <translation>La primera entrada no está encadenada al id de esta tienda: se cambió el id o el registro viene de otra tienda.</translation>
    </message>
    <message>
        <source>The entry it was chained to is gone: entry %1 was removed.</source>
        <translation>Ya no está la entrada a la que se encadenó: se eliminó la entrada %1.</translation>
    </message>
    <message>
        <source>The entry it was chained to is gone: entries %1 to %2 were removed.</source>
        <translation>Ya no está la entrada a la que se encadenó: se eliminaron las entradas %1 a %2.</translation>
    </message>
    <message>
        <source>The entry it was chained to is no longer in the log.</source>
        <translation>La entrada a la que se encadenó ya no está en el registro.</translation>
    </message>
</context>
<context>
    <name>AutomationPass</name>
    <message>
        <source>Birthday gift %1</source>
        <translation>Regalo de cumpleaños %1</translation>
    </message>
    <message numerus="yes">
        <source>Anniversary gift: %n year(s) with us</source>
        <translation>
            <numerusform>Regalo de aniversario: %n año con nosotros</numerusform>
            <numerusform>Regalo de aniversario: %n años con nosotros</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupFolder</name>
    <message>
        <source>The backup folder %1 is a file, not a folder.</source>
        <translation>La carpeta de copias %1 es un archivo, no una carpeta.</translation>
    </message>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation>No se puede crear la carpeta de copias %1.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be written.</source>
        <translation>No se puede escribir en la carpeta de copias %1.</translation>
    </message>
    <message>
        <source>Cannot delete the old backup %1.</source>
        <translation>No se puede borrar la copia antigua %1.</translation>
    </message>
</context>
<context>
    <name>BgNbdModel</name>
    <message>
        <source>The BG/NBD parameters r, alpha, a and b must be numbers above zero.</source>
        <translation>Los parámetros r, alfa, a y b del modelo BG/NBD deben ser números mayores que cero.</translation>
    </message>
    <message>
        <source>There is no customer to fit the BG/NBD model on.</source>
        <translation>No hay clientes con los que ajustar el modelo BG/NBD.</translation>
    </message>
    <message>
        <source>Customer %1: %2</source>
        <translation>Cliente %1: %2</translation>
    </message>
    <message>
        <source>No customer has bought a second time, so nothing tells how often customers return.</source>
        <translation>Ningún cliente ha comprado una segunda vez, así que nada indica con qué frecuencia vuelven los clientes.</translation>
    </message>
    <message>
        <source>Every customer bought for the first time at the end of the observation.</source>
        <translation>Todos los clientes compraron por primera vez al final del periodo observado.</translation>
    </message>
    <message>
        <source>The time ahead must be a number and not negative.</source>
        <translation>El plazo futuro debe ser un número y no puede ser negativo.</translation>
    </message>
    <message>
        <source>The expected purchases cannot be computed with a = 1.</source>
        <translation>Las compras esperadas no se pueden calcular con a = 1.</translation>
    </message>
    <message>
        <source>The hypergeometric series of the expected purchases does not converge.</source>
        <translation>La serie hipergeométrica de las compras esperadas no converge.</translation>
    </message>
    <message>
        <source>The expected purchases are not a number.</source>
        <translation>Las compras esperadas no son un número.</translation>
    </message>
</context>
<context>
    <name>CardNumber</name>
    <message>
        <source>Scan or type a card number.</source>
        <translation>Escanee o escriba un número de tarjeta.</translation>
    </message>
    <message>
        <source>A card number holds only digits.</source>
        <translation>El número de tarjeta solo admite dígitos.</translation>
    </message>
    <message>
        <source>A card number has %1 digits; this one has %2.</source>
        <translation>Un número de tarjeta tiene %1 dígitos; este tiene %2.</translation>
    </message>
    <message>
        <source>This is not one of the store&apos;s loyalty cards.</source>
        <translation>Esta no es una tarjeta de fidelidad de la tienda.</translation>
    </message>
    <message>
        <source>The card number&apos;s check digit is wrong; scan it again.</source>
        <translation>El dígito verificador de la tarjeta es incorrecto; escanéela de nuevo.</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>&quot;%1&quot; is not a code page: use pc858, pc850, pc437, wpc1252 or image.</source>
        <translation>«%1» no es una página de códigos: use pc858, pc850, pc437, wpc1252 o image.</translation>
    </message>
</context>
<context>
    <name>CohortHeatmap</name>
    <message>
        <source>Enrolled</source>
        <translation>Inscritos</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohorte</translation>
    </message>
    <message>
        <source>Each cell: the members of the cohort who bought in that month after enrolling ÷ those enrolled.</source>
        <translation>Cada celda: los socios de la cohorte que compraron ese mes tras inscribirse ÷ los inscritos.</translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>The file is larger than %1 KiB; none of it is used.</source>
        <translation>El archivo ocupa más de %1 KiB; no se usa nada de él.</translation>
    </message>
    <message>
        <source>The line is not UTF-8 text; it is ignored.</source>
        <translation>La línea no es texto UTF-8; se ignora.</translation>
    </message>
    <message>
        <source>Write the line as key = value; it is ignored.</source>
        <translation>Escriba la línea como clave = valor; se ignora.</translation>
    </message>
    <message>
        <source>The line holds control or formatting characters; it is ignored.</source>
        <translation>La línea contiene caracteres de control o de formato; se ignora.</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>No Square access token is stored for this location.</source>
        <translation>No hay ningún token de acceso de Square guardado para este local.</translation>
    </message>
    <message>
        <source>The access token is empty.</source>
        <translation>El token de acceso está vacío.</translation>
    </message>
    <message>
        <source>The system keychain (Secret Service) is locked or refused access to the Square access token. Unlock it (log in to the till&apos;s desktop session again) and try again. (%1)</source>
        <translation>El llavero del sistema (Secret Service) está bloqueado o denegó el acceso al token de acceso de Square. Desbloquéelo (vuelva a iniciar sesión en el escritorio de la caja) e inténtelo de nuevo. (%1)</translation>
    </message>
    <message>
        <source>The system keychain (Secret Service) could not remove the Square access token. (%1)</source>
        <translation>El llavero del sistema (Secret Service) no pudo quitar el token de acceso de Square. (%1)</translation>
    </message>
    <message>
        <source>The system keychain (Secret Service) is not running or cannot be reached in this session, so the Square access token cannot be read or stored. Log in to the till&apos;s desktop session, or start and unlock the keychain; on a kiosk till, keep the token in the systemd credential instead (square.token_store = systemd-credential, see &quot;Kiosk tills&quot; in the README). (%1)</source>
        <translation>El llavero del sistema (Secret Service) no está en marcha o no se puede alcanzar en esta sesión, así que no se puede leer ni guardar el token de acceso de Square. Inicie sesión en el escritorio de la caja, o inicie y desbloquee el llavero; en una caja de quiosco, guarde el token en la credencial de systemd (square.token_store = systemd-credential, vea &quot;Kiosk tills&quot; en el README). (%1)</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>Line %1: a field is longer than %2 characters.</source>
        <translation>Línea %1: un campo tiene más de %2 caracteres.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation>Línea %1: un campo entre comillas no se cierra.</translation>
    </message>
</context>
<context>
    <name>CustomerHistory</name>
    <message>
        <source>A customer&apos;s purchase count and times must be numbers and not negative.</source>
        <translation>El número de compras y los tiempos de un cliente deben ser números y no pueden ser negativos.</translation>
    </message>
    <message>
        <source>A customer&apos;s last purchase (%1) comes after the end of the observation (%2).</source>
        <translation>La última compra de un cliente (%1) es posterior al final del periodo observado (%2).</translation>
    </message>
    <message>
        <source>A customer without a repeat purchase has a last purchase after the first.</source>
        <translation>Un cliente sin compras repetidas tiene una última compra posterior a la primera.</translation>
    </message>
    <message>
        <source>The end of the observation must be a date and the time unit more than zero days.</source>
        <translation>El final del periodo observado debe ser una fecha y la unidad de tiempo, más de cero días.</translation>
    </message>
    <message>
        <source>A purchase has no valid date or value.</source>
        <translation>Una compra no tiene una fecha o un importe válidos.</translation>
    </message>
    <message>
        <source>No purchase on or before %1.</source>
        <translation>No hay compras hasta el %1 inclusive.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot read the database file %1: %2</source>
        <translation>No se puede leer el archivo de base de datos %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a LoyaltyTill database (it is not an SQLite file).</source>
        <translation>%1 no es una base de datos de LoyaltyTill (no es un archivo SQLite).</translation>
    </message>
    <message>
        <source>No database path was given.</source>
        <translation>No se indicó la ruta de la base de datos.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 no es un archivo.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>No hay ninguna base de datos en %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Cannot create the database file %1: %2</source>
        <translation>No se puede crear el archivo de base de datos %1: %2</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt (QSQLITE) is not installed.</source>
        <translation>El controlador SQLite para Qt (QSQLITE) no está instalado.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>No se puede abrir la base de datos %1: %2</translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (journal mode is %2).</source>
        <translation>La base de datos %1 no puede usar el registro de escritura anticipada (el modo de diario es %2).</translation>
    </message>
    <message>
        <source>The database is busy; try again.</source>
        <translation>La base de datos está ocupada; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The database file is damaged: %1</source>
        <translation>El archivo de base de datos está dañado: %1</translation>
    </message>
    <message>
        <source>The database refused the change: %1</source>
        <translation>La base de datos rechazó el cambio: %1</translation>
    </message>
    <message>
        <source>The store %1 needs an upgrade from schema %2 to %3, and its backup must come first, but it failed: %4 Nothing was changed. Make room or fix the backup folder (backup.folder) and open the store again.</source>
        <translation>La tienda %1 necesita actualizarse del esquema %2 al %3, y antes debe hacerse su copia, pero falló: %4 No se cambió nada. Libere espacio o corrija la carpeta de copias (backup.folder) y vuelva a abrir la tienda.</translation>
    </message>
    <message>
        <source>Nothing was written to it. Restore the newest verified backup: the till offers it when it starts, or `loyaltytill-admin backup --list` names the backups and `loyaltytill-admin restore FILE` puts one in place, keeping the damaged file.</source>
        <translation>No se escribió nada en él. Restaure la copia verificada más reciente: la caja la ofrece al arrancar, o `loyaltytill-admin backup --list` nombra las copias y `loyaltytill-admin restore FILE` pone una en su lugar, conservando el archivo dañado.</translation>
    </message>
    <message>
        <source>The database file %1 is truncated. %2</source>
        <translation>El archivo de base de datos %1 está truncado. %2</translation>
    </message>
    <message>
        <source>The header of the database file %1 is damaged. %2</source>
        <translation>La cabecera del archivo de base de datos %1 está dañada. %2</translation>
    </message>
    <message>
        <source>The write-ahead log of %1 (%1-wal) is damaged: it held %2 committed pages, %3 of them are whole. %4</source>
        <translation>El registro de escritura anticipada de %1 (%1-wal) está dañado: tenía %2 páginas confirmadas y %3 de ellas están enteras. %4</translation>
    </message>
    <message>
        <source>The store is not known to be damaged: do not restore a backup, which would discard every sale since it.</source>
        <translation>No consta que la tienda esté dañada: no restaure una copia, que descartaría todas las ventas posteriores a ella.</translation>
    </message>
    <message>
        <source>The disk or the file could not be read while opening the database %1 (%2). Check that the disk is attached and not failing (the system log names disk errors) and that this user may read and write the file and its folder, then start again. %3</source>
        <translation>No se pudo leer el disco o el archivo al abrir la base de datos %1 (%2). Compruebe que el disco está conectado y no falla (el registro del sistema nombra los errores de disco) y que este usuario puede leer y escribir el archivo y su carpeta; luego vuelva a iniciar. %3</translation>
    </message>
    <message>
        <source>The file %1 cannot be written by this user (%2), so no sale could be recorded. Give it back its write permission for the user the till runs as (chmod u+w, and chown when another user created it), then start again. %3</source>
        <translation>Este usuario no puede escribir en el archivo %1 (%2), así que no se podría registrar ninguna venta. Devuélvale el permiso de escritura para el usuario con el que funciona la caja (chmod u+w, y chown si lo creó otro usuario) y vuelva a iniciar. %3</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written by this user, so the database&apos;s write-ahead log (%2-wal) cannot be created in it. Give the folder back its write permission for the user the till runs as, then start again. %3</source>
        <translation>Este usuario no puede escribir en la carpeta %1, así que no se puede crear en ella el registro de escritura anticipada de la base de datos (%2-wal). Devuelva a la carpeta el permiso de escritura para el usuario con el que funciona la caja y vuelva a iniciar. %3</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). %3</source>
        <translation>La base de datos %1 está dañada (%2). %3</translation>
    </message>
    <message>
        <source>The disk is full, so the change was not recorded. Make room on the disk and try again.</source>
        <translation>El disco está lleno, así que el cambio no se registró. Libere espacio en el disco e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The disk failed to read or write the database (%1), so the change was not recorded. Check the disk and try again.</source>
        <translation>El disco no pudo leer o escribir la base de datos (%1), así que el cambio no se registró. Revise el disco e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The database refused the change</source>
        <translation>La base de datos rechazó el cambio</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>Name the backup file.</source>
        <translation>Indique el nombre del archivo de copia de seguridad.</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 ya existe; elija otro nombre de archivo.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>No se puede crear %1: %2</translation>
    </message>
    <message>
        <source>The backup has schema %1, the store %2.</source>
        <translation>La copia tiene el esquema %1 y la tienda el %2.</translation>
    </message>
    <message>
        <source>The backup did not verify, and was deleted: %1</source>
        <translation>La copia no superó la verificación y se borró: %1</translation>
    </message>
    <message>
        <source>Cannot name the backup %1.</source>
        <translation>No se puede dar a la copia el nombre %1.</translation>
    </message>
</context>
<context>
    <name>DemoDataGenerator</name>
    <message>
        <source>Generate between 1 and %1 members.</source>
        <translation>Genere entre 1 y %1 socios.</translation>
    </message>
    <message>
        <source>Generate between 0 and %1 sales.</source>
        <translation>Genere entre 0 y %1 ventas.</translation>
    </message>
    <message>
        <source>Demo data goes into an empty store only; this one has %1 members.</source>
        <translation>Los datos de demostración solo se cargan en una tienda vacía; esta tiene %1 socios.</translation>
    </message>
    <message>
        <source>Not enough demo phone numbers for %1 members.</source>
        <translation>No hay suficientes números de teléfono de demostración para %1 socios.</translation>
    </message>
    <message>
        <source>Not enough card numbers are left for %1 demo members.</source>
        <translation>No quedan suficientes números de tarjeta para %1 socios de demostración.</translation>
    </message>
</context>
<context>
    <name>EnrollmentService</name>
    <message>
        <source>An opening balance must be between 0 and %1 points.</source>
        <translation>El saldo inicial debe estar entre 0 y %1 puntos.</translation>
    </message>
    <message>
        <source>The phone number belongs to member %1 but the card belongs to member %2.</source>
        <translation>El teléfono pertenece al socio %1, pero la tarjeta pertenece al socio %2.</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>Saldo inicial</translation>
    </message>
    <message>
        <source>Every card number has been used.</source>
        <translation>Ya se usaron todos los números de tarjeta.</translation>
    </message>
    <message>
        <source>The card %1 already belongs to member %2.</source>
        <translation>La tarjeta %1 ya pertenece al socio %2.</translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation>El socio %1 se dio de baja del programa.</translation>
    </message>
    <message>
        <source>Member %1 is linked to a Square loyalty account, whose phone number only Square can change (Square Dashboard).</source>
        <translation>El socio %1 está vinculado a una cuenta de fidelización de Square, cuyo número de teléfono solo Square puede cambiar (panel de Square).</translation>
    </message>
    <message>
        <source>The phone number already belongs to member %1.</source>
        <translation>El número de teléfono ya pertenece al socio %1.</translation>
    </message>
</context>
<context>
    <name>ExpiryService</name>
    <message>
        <source>There is no member %1.</source>
        <translation>No existe el socio %1.</translation>
    </message>
    <message>
        <source>Points earned in %1 expired.</source>
        <translation>Vencieron los puntos ganados en %1.</translation>
    </message>
</context>
<context>
    <name>GammaGammaModel</name>
    <message>
        <source>The Gamma-Gamma parameters p, q and gamma must be numbers above zero.</source>
        <translation>Los parámetros p, q y gamma del modelo Gamma-Gamma deben ser números mayores que cero.</translation>
    </message>
    <message>
        <source>There is no customer to fit the spend model on.</source>
        <translation>No hay clientes con los que ajustar el modelo de gasto.</translation>
    </message>
    <message>
        <source>Customer %1: %2</source>
        <translation>Cliente %1: %2</translation>
    </message>
    <message>
        <source>No customer has a repeat purchase worth more than zero to fit the spend model on.</source>
        <translation>Ningún cliente tiene una compra repetida de importe mayor que cero con la que ajustar el modelo de gasto.</translation>
    </message>
    <message>
        <source>The spend model has q = %1 &lt;= 1: its mean value of a transaction is infinite.</source>
        <translation>El modelo de gasto tiene q = %1 &lt;= 1: su valor medio por transacción es infinito.</translation>
    </message>
    <message>
        <source>The lifetime value needs months ahead (0 or more), a discount rate above -100 % and a time unit.</source>
        <translation>El valor de vida del cliente necesita meses futuros (0 o más), una tasa de descuento superior al -100 % y una unidad de tiempo.</translation>
    </message>
</context>
<context>
    <name>GoogleServiceAccount</name>
    <message>
        <source>The Google service account key is not a JSON key file (%1): download a JSON key for the service account in the Google Cloud console.</source>
        <translation>La clave de la cuenta de servicio de Google no es un archivo de clave JSON (%1): descargue una clave JSON de la cuenta de servicio en la consola de Google Cloud.</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>no es un objeto</translation>
    </message>
    <message>
        <source>The JSON file is a Google &quot;%1&quot; key, not a service account&apos;s key.</source>
        <translation>El archivo JSON es una clave «%1» de Google, no la clave de una cuenta de servicio.</translation>
    </message>
    <message>
        <source>The Google service account key has no client_email.</source>
        <translation>La clave de la cuenta de servicio de Google no tiene client_email.</translation>
    </message>
    <message>
        <source>The Google service account key has no private_key.</source>
        <translation>La clave de la cuenta de servicio de Google no tiene private_key.</translation>
    </message>
    <message>
        <source>The Google service account&apos;s private_key is not an RSA private key in PEM.</source>
        <translation>La private_key de la cuenta de servicio de Google no es una clave privada RSA en PEM.</translation>
    </message>
    <message>
        <source>The Google Wallet link could not be signed: %1</source>
        <translation>No se pudo firmar el enlace de Google Wallet: %1</translation>
    </message>
</context>
<context>
    <name>GoogleWalletLink</name>
    <message>
        <source>The Google Wallet issuer id must be the digits the Google Pay &amp; Wallet Console shows (wallet.google.issuer_id).</source>
        <translation>El ID de emisor de Google Wallet debe ser los dígitos que muestra la Google Pay &amp; Wallet Console (wallet.google.issuer_id).</translation>
    </message>
    <message>
        <source>The Google Wallet class may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (wallet.google.class_id).</source>
        <translation>La clase de Google Wallet solo puede tener letras, dígitos, &apos;.&apos;, &apos;_&apos; y &apos;-&apos; (wallet.google.class_id).</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
</context>
<context>
    <name>IntegrityChecker</name>
    <message>
        <source>%1: more problems not listed</source>
        <translation>%1: hay más problemas que no se muestran</translation>
    </message>
    <message>
        <source>SQLite integrity check: %1</source>
        <translation>Comprobación de integridad de SQLite: %1</translation>
    </message>
    <message>
        <source>Reference to a missing row (table, row, parent)</source>
        <translation>Referencia a una fila inexistente (tabla, fila, padre)</translation>
    </message>
    <message>
        <source>Balance differs from the ledger (member, balance, ledger)</source>
        <translation>El saldo no coincide con el libro de movimientos (socio, saldo, libro)</translation>
    </message>
    <message>
        <source>Lifetime points differ from the ledger (member, lifetime, ledger)</source>
        <translation>Los puntos históricos no coinciden con el libro de movimientos (socio, históricos, libro)</translation>
    </message>
    <message>
        <source>Sale points differ from the ledger (sale, points, ledger)</source>
        <translation>Los puntos de la venta no coinciden con el libro de movimientos (venta, puntos, libro)</translation>
    </message>
    <message>
        <source>Reversed points differ from the ledger (sale, reversed, ledger)</source>
        <translation>Los puntos revertidos no coinciden con el libro de movimientos (venta, revertidos, libro)</translation>
    </message>
    <message>
        <source>Ledger entry never queued for Square (entry, kind)</source>
        <translation>Movimiento nunca puesto en cola para Square (movimiento, tipo)</translation>
    </message>
    <message>
        <source>Report summaries differ from the store&apos;s history (%1); `loyaltytill-admin report rebuild` recomputes them</source>
        <translation>Los resúmenes de los informes no coinciden con el historial de la tienda (%1); `loyaltytill-admin report rebuild` los vuelve a calcular</translation>
    </message>
    <message>
        <source>Audit chain broken at entry %1 (%2, %3), %4: %5</source>
        <translation>Cadena de auditoría rota en la entrada %1 (%2, %3), %4: %5</translation>
    </message>
    <message>
        <source>Audit chain broken, %1: %2</source>
        <translation>Cadena de auditoría rota, %1: %2</translation>
    </message>
    <message>
        <source>Operations waiting to sync differ from the outbox (kept, counted)</source>
        <translation>Las operaciones pendientes de sincronizar no coinciden con la cola para Square (guardadas, contadas)</translation>
    </message>
    <message>
        <source>Outbox row marked against its member&apos;s origin (operation, member)</source>
        <translation>Operación de la cola para Square marcada en contra del origen de su socio (operación, socio)</translation>
    </message>
</context>
<context>
    <name>LedgerStore</name>
    <message>
        <source>A ledger entry of member %1 has no valid time.</source>
        <translation>Un movimiento del socio %1 no tiene una hora válida.</translation>
    </message>
</context>
<context>
    <name>LedgerWriter</name>
    <message>
        <source>There is no member %1.</source>
        <translation>No existe el socio %1.</translation>
    </message>
</context>
<context>
    <name>LocalizedAmount</name>
    <message>
        <source>Write the amount like %1.</source>
        <translation>Escriba el monto así: %1.</translation>
    </message>
</context>
<context>
    <name>LogParameterFit</name>
    <message>
        <source>The %1 model could not be fitted: %2</source>
        <translation>No se pudo ajustar el modelo %1: %2</translation>
    </message>
    <message>
        <source>it did not converge in %1 evaluations.</source>
        <translation>no convergió en %1 evaluaciones.</translation>
    </message>
    <message>
        <source>the optimiser failed (NLopt code %1).</source>
        <translation>el optimizador falló (código NLopt %1).</translation>
    </message>
    <message>
        <source>the likelihood is not a number.</source>
        <translation>la verosimilitud no es un número.</translation>
    </message>
    <message>
        <source>a parameter runs off to zero or infinity; the data do not determine it.</source>
        <translation>un parámetro tiende a cero o a infinito; los datos no lo determinan.</translation>
    </message>
    <message>
        <source>rounding stopped it before the maximum.</source>
        <translation>el redondeo lo detuvo antes del máximo.</translation>
    </message>
</context>
<context>
    <name>LoyaltyJson</name>
    <message>
        <source>Square&apos;s promotion list is not a list.</source>
        <translation>La lista de promociones de Square no es una lista.</translation>
    </message>
    <message>
        <source>Square&apos;s promotion %1 cannot be used: %2</source>
        <translation>La promoción %1 de Square no se puede usar: %2</translation>
    </message>
</context>
<context>
    <name>LoyaltyProgram</name>
    <message>
        <source>Unknown accrual rule type &apos;%1&apos;.</source>
        <translation>Tipo de regla de acumulación desconocido: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>An accrual rule must award at least one point.</source>
        <translation>Una regla de acumulación debe otorgar al menos un punto.</translation>
    </message>
    <message>
        <source>A spend rule needs a positive amount.</source>
        <translation>Una regla por gasto necesita un monto positivo.</translation>
    </message>
    <message>
        <source>A visit rule&apos;s minimum cannot be negative.</source>
        <translation>El mínimo de una regla por visita no puede ser negativo.</translation>
    </message>
    <message>
        <source>An item rule needs an item variation id.</source>
        <translation>Una regla por artículo necesita un id de variación de artículo.</translation>
    </message>
    <message>
        <source>A category rule needs a category id.</source>
        <translation>Una regla por categoría necesita un id de categoría.</translation>
    </message>
    <message>
        <source>A reward needs an id and a name.</source>
        <translation>Una recompensa necesita un id y un nombre.</translation>
    </message>
    <message>
        <source>The reward &apos;%1&apos; must cost at least one point.</source>
        <translation>La recompensa &apos;%1&apos; debe costar al menos un punto.</translation>
    </message>
    <message>
        <source>The reward &apos;%1&apos; has a percentage outside 1-100.</source>
        <translation>La recompensa &apos;%1&apos; tiene un porcentaje fuera del rango 1-100.</translation>
    </message>
    <message>
        <source>The reward &apos;%1&apos; has an impossible discount.</source>
        <translation>La recompensa &apos;%1&apos; tiene un descuento no válido.</translation>
    </message>
    <message>
        <source>The reward &apos;%1&apos; lets points be chosen but has no value per point.</source>
        <translation>La recompensa &apos;%1&apos; permite elegir los puntos pero no tiene valor por punto.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a currency code.</source>
        <translation>&apos;%1&apos; no es un código de moneda.</translation>
    </message>
    <message>
        <source>Two rewards share the id &apos;%1&apos;.</source>
        <translation>Dos recompensas comparten el id &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>MemberDirectory</name>
    <message>
        <source>There is no member %1.</source>
        <translation>No existe el socio %1.</translation>
    </message>
    <message>
        <source>No member has the phone number %1.</source>
        <translation>Ningún socio tiene el número de teléfono %1.</translation>
    </message>
    <message>
        <source>The card %1 does not belong to a member yet.</source>
        <translation>La tarjeta %1 aún no pertenece a ningún socio.</translation>
    </message>
    <message>
        <source>Type a phone number, scan a card, or type a name or e-mail.</source>
        <translation>Escriba un teléfono, escanee una tarjeta o escriba un nombre o correo electrónico.</translation>
    </message>
    <message>
        <source>That is too long to be a phone number, a card or a name.</source>
        <translation>Es demasiado largo para ser un teléfono, una tarjeta o un nombre.</translation>
    </message>
</context>
<context>
    <name>MemberDrillDown</name>
    <message>
        <source>The program has no tier named &quot;%1&quot;.</source>
        <translation>El programa no tiene ningún nivel llamado «%1».</translation>
    </message>
    <message>
        <source>Name the tier whose members to list.</source>
        <translation>Indique el nivel cuyos socios quiere ver.</translation>
    </message>
    <message>
        <source>A page starts at 0 or after and holds 1 to %1 members.</source>
        <translation>Una página empieza en 0 o después y tiene de 1 a %1 socios.</translation>
    </message>
    <message>
        <source>Erased member</source>
        <translation>Socio borrado</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Socios</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>Socios nuevos</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>Compradores</translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation>Compradores repetidores</translation>
    </message>
    <message>
        <source>Active members (30 days)</source>
        <translation>Socios activos (30 días)</translation>
    </message>
    <message>
        <source>Active members (90 days)</source>
        <translation>Socios activos (90 días)</translation>
    </message>
    <message>
        <source>Active members (365 days)</source>
        <translation>Socios activos (365 días)</translation>
    </message>
    <message>
        <source>Members who redeemed</source>
        <translation>Socios que canjearon</translation>
    </message>
    <message>
        <source>Members in tier %1</source>
        <translation>Socios del nivel %1</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>Segmento: %1</translation>
    </message>
    <message>
        <source>The list was no longer wanted.</source>
        <translation>Ya no se quería la lista.</translation>
    </message>
</context>
<context>
    <name>MemberImporter</name>
    <message>
        <source>consent must be yes or no, not &apos;%1&apos;</source>
        <translation>consent debe ser yes o no, no &apos;%1&apos;</translation>
    </message>
    <message>
        <source>balance must be a whole number of points, not &apos;%1&apos;</source>
        <translation>balance debe ser un número entero de puntos, no &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Unknown column &apos;%1&apos; in the first line; the columns are %2.</source>
        <translation>Columna desconocida &apos;%1&apos; en la primera línea; las columnas son %2.</translation>
    </message>
    <message>
        <source>The column &apos;%1&apos; appears twice.</source>
        <translation>La columna &apos;%1&apos; aparece dos veces.</translation>
    </message>
    <message>
        <source>The first line must name the columns, and &apos;phone&apos; is required.</source>
        <translation>La primera línea debe nombrar las columnas, y &apos;phone&apos; es obligatoria.</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>se esperaban %1 campos y hay %2</translation>
    </message>
    <message>
        <source>phone %1 already appears on line %2</source>
        <translation>el teléfono %1 ya aparece en la línea %2</translation>
    </message>
    <message>
        <source>card %1 already appears on line %2</source>
        <translation>la tarjeta %1 ya aparece en la línea %2</translation>
    </message>
    <message>
        <source>already a member (member %1)</source>
        <translation>ya es socio (socio %1)</translation>
    </message>
    <message>
        <source>The rows up to line %1 were imported; importing the file again with bad rows skipped adds the rest.</source>
        <translation>Se importaron las filas hasta la línea %1; volver a importar el archivo omitiendo las filas erróneas añade el resto.</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>Enter an amount.</source>
        <translation>Escriba un monto.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>El monto no puede ser negativo.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an amount; write it like 12.34.</source>
        <translation>&apos;%1&apos; no es un monto; escríbalo como 12.34.</translation>
    </message>
    <message numerus="yes">
        <source>%1 takes at most %n decimal(s).</source>
        <translation>
            <numerusform>%1 admite como máximo %n decimal.</numerusform>
            <numerusform>%1 admite como máximo %n decimales.</numerusform>
        </translation>
    </message>
    <message>
        <source>The amount is larger than any sale can be.</source>
        <translation>El monto supera el máximo permitido para una venta.</translation>
    </message>
</context>
<context>
    <name>OfferService</name>
    <message>
        <source>Give the offer a name, as the member panel shows it.</source>
        <translation>Dé un nombre a la oferta, tal como lo mostrará el panel del socio.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a segment; choose one of %2.</source>
        <translation>&apos;%1&apos; no es un segmento; elija uno de %2.</translation>
    </message>
    <message>
        <source>A bonus is a whole number of points from 1 to %1.</source>
        <translation>Una bonificación es un número entero de puntos de 1 a %1.</translation>
    </message>
    <message>
        <source>A multiplier is more than 1 and at most 10, with at most three decimals.</source>
        <translation>Un multiplicador es mayor que 1 y como máximo 10, con tres decimales como mucho.</translation>
    </message>
    <message>
        <source>The program has no reward &apos;%1&apos; (its rewards: %2).</source>
        <translation>El programa no tiene la recompensa &apos;%1&apos; (sus recompensas: %2).</translation>
    </message>
    <message>
        <source>Give the offer&apos;s first day.</source>
        <translation>Indique el primer día de la oferta.</translation>
    </message>
    <message>
        <source>Give the offer&apos;s last day.</source>
        <translation>Indique el último día de la oferta.</translation>
    </message>
    <message>
        <source>The first day, %1, is in the past.</source>
        <translation>El primer día, %1, ya ha pasado.</translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation>El último día es anterior al primero.</translation>
    </message>
    <message>
        <source>An offer runs at most a year.</source>
        <translation>Una oferta dura como máximo un año.</translation>
    </message>
    <message>
        <source>The hold-out share is a whole percentage from 0 to %1.</source>
        <translation>La parte de control es un porcentaje entero de 0 a %1.</translation>
    </message>
    <message>
        <source>Name the manager who makes the offer.</source>
        <translation>Indique el gerente que crea la oferta.</translation>
    </message>
    <message>
        <source>No member is in the segment %1 today: the offer would reach nobody.</source>
        <translation>Hoy no hay ningún socio en el segmento %1: la oferta no llegaría a nadie.</translation>
    </message>
    <message>
        <source>Name the manager who ends the offer.</source>
        <translation>Indique el gerente que termina la oferta.</translation>
    </message>
    <message>
        <source>Offer %1 has already been ended.</source>
        <translation>La oferta %1 ya se terminó.</translation>
    </message>
    <message>
        <source>There is no offer %1.</source>
        <translation>No existe la oferta %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n bonus point(s)</source>
        <translation>
            <numerusform>%1: %n punto de bonificación</numerusform>
            <numerusform>%1: %n puntos de bonificación</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2x points on the next sale</source>
        <translation>%1: puntos x%2 en la próxima venta</translation>
    </message>
    <message>
        <source>%1: reward unlocked, %2</source>
        <translation>%1: recompensa desbloqueada, %2</translation>
    </message>
    <message>
        <source>Member %1 is not among the members of offer %2.</source>
        <translation>El socio %1 no está entre los socios de la oferta %2.</translation>
    </message>
    <message>
        <source>Member %1 is held out of offer %2: it is not shown to them.</source>
        <translation>El socio %1 está en el grupo de control de la oferta %2: no se le muestra.</translation>
    </message>
    <message>
        <source>Offer %1 is not open on %2.</source>
        <translation>La oferta %1 no está abierta el %2.</translation>
    </message>
    <message>
        <source>Offer %1 multiplies the points of the member&apos;s next sale: it applies when that sale is recorded.</source>
        <translation>La oferta %1 multiplica los puntos de la próxima venta del socio: se aplica al registrar esa venta.</translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation>El socio %1 se dio de baja del programa.</translation>
    </message>
    <message>
        <source>Offer %1 was used by member %2 meanwhile.</source>
        <translation>El socio %2 ya usó la oferta %1 mientras tanto.</translation>
    </message>
    <message>
        <source>Member %1 withdrew their marketing consent: no offer is made.</source>
        <translation>El socio %1 retiró su consentimiento de marketing: no se le hace ninguna oferta.</translation>
    </message>
</context>
<context>
    <name>PersonalDataValidator</name>
    <message>
        <source>The text contains broken characters.</source>
        <translation>El texto contiene caracteres no válidos.</translation>
    </message>
    <message>
        <source>The text contains a control or formatting character (U+%1).</source>
        <translation>El texto contiene un carácter de control o de formato (U+%1).</translation>
    </message>
    <message>
        <source>Keep it under %1 characters.</source>
        <translation>Use menos de %1 caracteres.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address.</source>
        <translation>&apos;%1&apos; no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Write the birthday as YYYY-MM-DD.</source>
        <translation>Escriba la fecha de nacimiento como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>La fecha de nacimiento no puede ser futura.</translation>
    </message>
    <message>
        <source>The birthday is before 1900.</source>
        <translation>La fecha de nacimiento es anterior a 1900.</translation>
    </message>
</context>
<context>
    <name>PhoneNumberNormalizer</name>
    <message>
        <source>Enter a phone number.</source>
        <translation>Escriba un número de teléfono.</translation>
    </message>
    <message>
        <source>The phone number is too long.</source>
        <translation>El número de teléfono es demasiado largo.</translation>
    </message>
    <message>
        <source>A phone number holds only digits, spaces and + - ( ) .</source>
        <translation>Un número de teléfono solo admite dígitos, espacios y + - ( ) .</translation>
    </message>
    <message>
        <source>The phone number is too short.</source>
        <translation>El número de teléfono es demasiado corto.</translation>
    </message>
    <message>
        <source>The country code is not valid.</source>
        <translation>El código de país no es válido.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>Esto no es un número de teléfono.</translation>
    </message>
    <message>
        <source>No phone number in that region has this area code or pattern.</source>
        <translation>Ningún número de teléfono de esa región tiene este código de área o formato.</translation>
    </message>
</context>
<context>
    <name>PrinterMessages</name>
    <message>
        <source>it took no more data for %1 s</source>
        <translation>no aceptó más datos durante %1 s</translation>
    </message>
    <message>
        <source>the system&apos;s default printer</source>
        <translation>la impresora predeterminada del sistema</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>la carpeta %1 no existe</translation>
    </message>
    <message>
        <source>Loyalty slip</source>
        <translation>Comprobante de fidelidad</translation>
    </message>
    <message>
        <source>it cannot be written</source>
        <translation>no se puede escribir</translation>
    </message>
    <message>
        <source>the system has no default printer</source>
        <translation>el sistema no tiene impresora predeterminada</translation>
    </message>
    <message>
        <source>the system has no printer of that name</source>
        <translation>el sistema no tiene ninguna impresora con ese nombre</translation>
    </message>
    <message>
        <source>it refused the job</source>
        <translation>rechazó el trabajo</translation>
    </message>
    <message>
        <source>The slip was kept: print it again once the printer is ready.</source>
        <translation>El comprobante se guardó: vuelva a imprimirlo cuando la impresora esté lista.</translation>
    </message>
    <message>
        <source>The slip printer %1 cannot be used: %2 Correct its address in Settings ▸ Printing and wallet.</source>
        <translation>No se puede usar la impresora de comprobantes %1: %2 Corrija su dirección en Configuración ▸ Impresión y Wallet.</translation>
    </message>
    <message>
        <source>The slip printer %1 cannot be reached (%2). Check that it is switched on and its cable is in, and its address in Settings ▸ Printing and wallet.</source>
        <translation>No se puede conectar con la impresora de comprobantes %1 (%2). Compruebe que esté encendida y con el cable conectado, y su dirección en Configuración ▸ Impresión y Wallet.</translation>
    </message>
    <message>
        <source>The slip printer %1 does not answer. Switch it off and on again; if it still does not answer, check its address in Settings ▸ Printing and wallet.</source>
        <translation>La impresora de comprobantes %1 no responde. Apáguela y vuelva a encenderla; si sigue sin responder, compruebe su dirección en Configuración ▸ Impresión y Wallet.</translation>
    </message>
    <message>
        <source>The slip printer %1 ran out of paper while printing. Put in a new roll.</source>
        <translation>La impresora de comprobantes %1 se quedó sin papel mientras imprimía. Ponga un rollo nuevo.</translation>
    </message>
    <message>
        <source>The slip printer %1 is out of paper. Put in a new roll.</source>
        <translation>La impresora de comprobantes %1 no tiene papel. Ponga un rollo nuevo.</translation>
    </message>
    <message>
        <source>The slip printer %1 has its cover open. Close it.</source>
        <translation>La impresora de comprobantes %1 tiene la tapa abierta. Ciérrela.</translation>
    </message>
    <message>
        <source>The slip printer %1 is offline. Check its error light; switch it off and on again.</source>
        <translation>La impresora de comprobantes %1 está fuera de línea. Mire su luz de error; apáguela y vuelva a encenderla.</translation>
    </message>
    <message>
        <source>The slip printer %1 stopped while the slip was being sent (%2): the slip may be incomplete. Check its power and cable.</source>
        <translation>La impresora de comprobantes %1 se detuvo mientras se enviaba el comprobante (%2): puede que el comprobante esté incompleto. Compruebe su alimentación y su cable.</translation>
    </message>
    <message>
        <source>The slip printer %1 is not connected: there is no such device. Check that it is switched on and its cable is in, and its address in Settings ▸ Printing and wallet.</source>
        <translation>La impresora de comprobantes %1 no está conectada: no existe ese dispositivo. Compruebe que esté encendida y con el cable conectado, y su dirección en Configuración ▸ Impresión y Wallet.</translation>
    </message>
    <message>
        <source>The till may not use the slip printer %1. Ask IT to add the till&apos;s user to the %2 group.</source>
        <translation>La caja no tiene permiso para usar la impresora de comprobantes %1. Pida a TI que añada el usuario de la caja al grupo %2.</translation>
    </message>
    <message>
        <source>The slip could not be printed on %1 (%2). Check the printer in the system&apos;s printer settings, or the address in Settings ▸ Printing and wallet.</source>
        <translation>No se pudo imprimir el comprobante en %1 (%2). Revise la impresora en la configuración de impresoras del sistema, o la dirección en Configuración ▸ Impresión y Wallet.</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <source>The printer&apos;s cover is open.</source>
        <translation>La tapa de la impresora está abierta.</translation>
    </message>
    <message>
        <source>The printer is out of paper.</source>
        <translation>La impresora no tiene papel.</translation>
    </message>
    <message>
        <source>The printer reports an error (a paper jam or the cutter): see its lights.</source>
        <translation>La impresora indica un error (papel atascado o la cuchilla): mire sus luces.</translation>
    </message>
    <message>
        <source>The printer is offline.</source>
        <translation>La impresora está fuera de línea.</translation>
    </message>
    <message>
        <source>The printer&apos;s paper is running out.</source>
        <translation>A la impresora se le está acabando el papel.</translation>
    </message>
</context>
<context>
    <name>PrinterUri</name>
    <message>
        <source>The port must be a number from 1 to 65535, not &quot;%1&quot;.</source>
        <translation>El puerto debe ser un número de 1 a 65535, no «%1».</translation>
    </message>
    <message>
        <source>Write a network printer as tcp://HOST:PORT, e.g. tcp://192.168.1.50:9100.</source>
        <translation>Escriba una impresora de red como tcp://HOST:PORT, p. ej., tcp://192.168.1.50:9100.</translation>
    </message>
    <message>
        <source>A network printer is only a host and a port, e.g. tcp://192.168.1.50:9100.</source>
        <translation>Una impresora de red es solo un equipo y un puerto, p. ej., tcp://192.168.1.50:9100.</translation>
    </message>
    <message>
        <source>An IPv6 address needs its closing bracket: tcp://[fd00::5]:9100.</source>
        <translation>A la dirección IPv6 le falta el corchete de cierre: tcp://[fd00::5]:9100.</translation>
    </message>
    <message>
        <source>Write the port after a colon: tcp://[fd00::5]:9100.</source>
        <translation>Escriba el puerto después de dos puntos: tcp://[fd00::5]:9100.</translation>
    </message>
    <message>
        <source>The port is missing after the colon.</source>
        <translation>Falta el puerto después de los dos puntos.</translation>
    </message>
    <message>
        <source>Put an IPv6 address in brackets: tcp://[fd00::5]:9100.</source>
        <translation>Escriba la dirección IPv6 entre corchetes: tcp://[fd00::5]:9100.</translation>
    </message>
    <message>
        <source>The printer&apos;s host name or IP address is missing.</source>
        <translation>Falta el nombre de equipo o la dirección IP de la impresora.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address.</source>
        <translation>«%1» no es una dirección IPv6.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IPv4 address.</source>
        <translation>«%1» no es un nombre de equipo ni una dirección IPv4.</translation>
    </message>
    <message>
        <source>The device is missing, e.g. %1.</source>
        <translation>Falta el dispositivo, p. ej., %1.</translation>
    </message>
    <message>
        <source>The device must be an absolute path such as %1, not &quot;%2&quot;.</source>
        <translation>El dispositivo debe ser una ruta absoluta como %1, no «%2».</translation>
    </message>
    <message>
        <source>A device path has only letters, digits and . _ - /: &quot;%1&quot; is not one.</source>
        <translation>La ruta de un dispositivo solo admite letras, dígitos y . _ - /: «%1» lleva otros caracteres.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain device path (no .., // or a trailing /).</source>
        <translation>«%1» no es una ruta de dispositivo simple (sin .., // ni / al final).</translation>
    </message>
    <message>
        <source>A serial printer takes one option, baud (e.g. ?baud=19200), not &quot;%1&quot;.</source>
        <translation>Una impresora serie admite una sola opción, baud (p. ej., ?baud=19200), no «%1».</translation>
    </message>
    <message>
        <source>The baud rate must be one of %1, not &quot;%2&quot;.</source>
        <translation>La velocidad en baudios debe ser una de %1, no «%2».</translation>
    </message>
    <message>
        <source>A USB printer takes no options: usb:/dev/usb/lp0.</source>
        <translation>Una impresora USB no admite opciones: usb:/dev/usb/lp0.</translation>
    </message>
    <message>
        <source>A print queue&apos;s name has at most %1 characters.</source>
        <translation>El nombre de una cola de impresión tiene como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>A print queue&apos;s name has only letters, digits and _ - . @ +: &quot;%1&quot; is not one (see lpstat -p).</source>
        <translation>El nombre de una cola de impresión solo admite letras, dígitos y _ - . @ +: «%1» lleva otros caracteres (vea lpstat -p).</translation>
    </message>
    <message>
        <source>Name the PDF file after pdf:, e.g. pdf:/tmp/slip.pdf.</source>
        <translation>Indique el archivo PDF después de pdf:, p. ej., pdf:/tmp/slip.pdf.</translation>
    </message>
    <message>
        <source>The PDF file must be an absolute path such as /tmp/slip.pdf, not &quot;%1&quot;.</source>
        <translation>El archivo PDF debe ser una ruta absoluta como /tmp/slip.pdf, no «%1».</translation>
    </message>
    <message>
        <source>The file&apos;s name must end in .pdf.</source>
        <translation>El nombre del archivo debe terminar en .pdf.</translation>
    </message>
    <message>
        <source>Enter a printer, e.g. tcp://192.168.1.50:9100, serial:/dev/ttyS0, usb:/dev/usb/lp0, cups:QUEUE or pdf:/tmp/slip.pdf.</source>
        <translation>Indique una impresora, p. ej., tcp://192.168.1.50:9100, serial:/dev/ttyS0, usb:/dev/usb/lp0, cups:QUEUE o pdf:/tmp/slip.pdf.</translation>
    </message>
    <message>
        <source>A printer address has at most %1 characters.</source>
        <translation>La dirección de una impresora tiene como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>The printer address holds a character that cannot be part of it (%1).</source>
        <translation>La dirección de la impresora lleva un carácter que no puede contener (%1).</translation>
    </message>
    <message>
        <source>A printer address has no spaces.</source>
        <translation>La dirección de una impresora no lleva espacios.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a printer address: start it with tcp://, serial:, usb:, cups: or pdf:.</source>
        <translation>«%1» no es la dirección de una impresora: empiécela con tcp://, serial:, usb:, cups: o pdf:.</translation>
    </message>
</context>
<context>
    <name>ProgramFields</name>
    <message>
        <source>give either points or a reward_id, not both or neither.</source>
        <translation>indique points o reward_id, uno de los dos y solo uno.</translation>
    </message>
    <message>
        <source>a referral bonus must give someone points.</source>
        <translation>una bonificación por recomendación debe dar puntos a alguien.</translation>
    </message>
    <message>
        <source>must be more than 1 to be an offer.</source>
        <translation>debe ser mayor que 1 para que sea una oferta.</translation>
    </message>
    <message>
        <source>names &apos;%1&apos;, which is not a reward.</source>
        <translation>nombra &apos;%1&apos;, que no es una recompensa.</translation>
    </message>
    <message>
        <source>must list at least one tier.</source>
        <translation>debe incluir al menos un nivel.</translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation>debe ser un objeto.</translation>
    </message>
    <message>
        <source>is empty.</source>
        <translation>está vacío.</translation>
    </message>
    <message>
        <source>must be 0: the first tier is where every member starts.</source>
        <translation>debe ser 0: el primer nivel es donde empieza todo socio.</translation>
    </message>
    <message>
        <source>must be higher than the tier before it (tiers go up).</source>
        <translation>debe ser mayor que el del nivel anterior (los niveles van en aumento).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names two tiers.</source>
        <translation>&apos;%1&apos; nombra dos niveles.</translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation>falta.</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>debe ser un número entero.</translation>
    </message>
    <message>
        <source>must be between %1 and %2.</source>
        <translation>debe estar entre %1 y %2.</translation>
    </message>
    <message>
        <source>must be text.</source>
        <translation>debe ser texto.</translation>
    </message>
    <message>
        <source>is longer than 200 characters.</source>
        <translation>tiene más de 200 caracteres.</translation>
    </message>
    <message>
        <source>contains control characters.</source>
        <translation>contiene caracteres de control.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>debe ser true o false.</translation>
    </message>
    <message>
        <source>must be one of %1.</source>
        <translation>debe ser uno de estos: %1.</translation>
    </message>
    <message>
        <source>must be a number such as &quot;1.5&quot;.</source>
        <translation>debe ser un número como &quot;1.5&quot;.</translation>
    </message>
    <message>
        <source>has more than three decimals.</source>
        <translation>tiene más de tres decimales.</translation>
    </message>
    <message>
        <source>must be between 1 and 10.</source>
        <translation>debe estar entre 1 y 10.</translation>
    </message>
    <message>
        <source>must be a list of texts.</source>
        <translation>debe ser una lista de textos.</translation>
    </message>
    <message>
        <source>is not a field here (known: %1).</source>
        <translation>no es un campo de esta sección (campos conocidos: %1).</translation>
    </message>
</context>
<context>
    <name>ProgramPuller</name>
    <message>
        <source>Reading the loyalty promotions failed: </source>
        <translation>Falló la lectura de las promociones de fidelización: </translation>
    </message>
</context>
<context>
    <name>ProgramRepository</name>
    <message>
        <source>The stored loyalty program is damaged.</source>
        <translation>El programa de fidelidad guardado está dañado.</translation>
    </message>
</context>
<context>
    <name>Promotion</name>
    <message>
        <source>must be a moment such as 2024-03-05T16:00:00Z.</source>
        <translation>debe ser un instante como 2024-03-05T16:00:00Z.</translation>
    </message>
    <message>
        <source>must be a date such as 2024-03-05.</source>
        <translation>debe ser una fecha como 2024-03-05.</translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation>falta.</translation>
    </message>
    <message>
        <source>must be more than 1: it multiplies the points.</source>
        <translation>debe ser mayor que 1: multiplica los puntos.</translation>
    </message>
    <message>
        <source>must be a currency code such as USD.</source>
        <translation>debe ser un código de moneda como USD.</translation>
    </message>
    <message>
        <source>cannot be given with qualifying_item_variation_ids: choose items or categories.</source>
        <translation>no se puede indicar junto con qualifying_item_variation_ids: elija artículos o categorías.</translation>
    </message>
    <message>
        <source>is empty.</source>
        <translation>está vacío.</translation>
    </message>
    <message>
        <source>is longer than %1 characters.</source>
        <translation>tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>must be a list of iCalendar events.</source>
        <translation>debe ser una lista de eventos iCalendar.</translation>
    </message>
    <message>
        <source>comes before start_date.</source>
        <translation>es anterior a start_date.</translation>
    </message>
</context>
<context>
    <name>PromotionSchedule</name>
    <message>
        <source>must hold at least one period.</source>
        <translation>debe contener al menos un periodo.</translation>
    </message>
    <message>
        <source>holds more than %1 periods.</source>
        <translation>contiene más de %1 periodos.</translation>
    </message>
    <message>
        <source>is not one iCalendar event (VEVENT).</source>
        <translation>no es un único evento iCalendar (VEVENT).</translation>
    </message>
    <message>
        <source>holds %1; only DTSTART, DURATION and RRULE are allowed.</source>
        <translation>contiene %1; solo se admiten DTSTART, DURATION y RRULE.</translation>
    </message>
    <message>
        <source>needs one DTSTART in local time, such as DTSTART:20240305T160000.</source>
        <translation>necesita un DTSTART en hora local, como DTSTART:20240305T160000.</translation>
    </message>
    <message>
        <source>DTSTART must be local time, without a time zone.</source>
        <translation>DTSTART debe estar en hora local, sin zona horaria.</translation>
    </message>
    <message>
        <source>DTSTART must be a date and a time, such as 20240305T160000.</source>
        <translation>DTSTART debe ser una fecha con hora, como 20240305T160000.</translation>
    </message>
    <message>
        <source>DTSTART must be local time, not UTC (no Z at its end).</source>
        <translation>DTSTART debe estar en hora local, no en UTC (sin Z al final).</translation>
    </message>
    <message>
        <source>needs one DURATION, such as DURATION:PT2H.</source>
        <translation>necesita una DURATION, como DURATION:PT2H.</translation>
    </message>
    <message>
        <source>DURATION must be longer than nothing, such as PT2H.</source>
        <translation>DURATION debe durar algo, como PT2H.</translation>
    </message>
    <message>
        <source>DURATION must be one day (P1D) or less.</source>
        <translation>DURATION debe ser de un día (P1D) o menos.</translation>
    </message>
    <message>
        <source>may hold one RRULE only.</source>
        <translation>solo puede contener una RRULE.</translation>
    </message>
    <message>
        <source>RRULE cannot be read, such as RRULE:FREQ=WEEKLY;BYDAY=TU.</source>
        <translation>no se puede leer la RRULE; escríbala como RRULE:FREQ=WEEKLY;BYDAY=TU.</translation>
    </message>
    <message>
        <source>RRULE&apos;s FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY.</source>
        <translation>la FREQ de la RRULE debe ser DAILY, WEEKLY, MONTHLY o YEARLY.</translation>
    </message>
    <message>
        <source>RRULE&apos;s COUNT must be 10000 or less.</source>
        <translation>el COUNT de la RRULE debe ser 10000 o menos.</translation>
    </message>
    <message>
        <source>RRULE never fires: its UNTIL comes before DTSTART, or no day matches it.</source>
        <translation>la RRULE nunca se cumple: su UNTIL es anterior a DTSTART o ningún día coincide con ella.</translation>
    </message>
    <message>
        <source>cannot be read as an iCalendar event.</source>
        <translation>no se puede leer como un evento iCalendar.</translation>
    </message>
</context>
<context>
    <name>PromotionStore</name>
    <message>
        <source>The stored promotion %1 cannot be read: %2</source>
        <translation>No se puede leer la promoción guardada %1: %2</translation>
    </message>
    <message>
        <source>A promotion needs the moment it was created.</source>
        <translation>Una promoción necesita el momento en que se creó.</translation>
    </message>
    <message>
        <source>A program runs at most %1 active or scheduled promotions: cancel one first.</source>
        <translation>Un programa admite como máximo %1 promociones activas o programadas: cancele una primero.</translation>
    </message>
    <message>
        <source>Promotion %1 has already ended or been canceled.</source>
        <translation>La promoción %1 ya terminó o se canceló.</translation>
    </message>
    <message>
        <source>A promotion from Square needs its id and the moment it was created.</source>
        <translation>Una promoción de Square necesita su id y el momento en que se creó.</translation>
    </message>
    <message>
        <source>There is no promotion %1.</source>
        <translation>No existe la promoción %1.</translation>
    </message>
</context>
<context>
    <name>RedemptionService</name>
    <message>
        <source>There is no reward &apos;%1&apos;.</source>
        <translation>No existe la recompensa &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The loyalty program is not active.</source>
        <translation>El programa de fidelidad no está activo.</translation>
    </message>
    <message>
        <source>Use between %1 and %2 %3 for this reward.</source>
        <translation>Use entre %1 y %2 %3 para esta recompensa.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; always costs %2 %3.</source>
        <translation>&apos;%1&apos; siempre cuesta %2 %3.</translation>
    </message>
    <message>
        <source>Not enough %1: the member has %2 and &apos;%3&apos; needs %4.</source>
        <translation>No hay suficientes %1: el socio tiene %2 y &apos;%3&apos; necesita %4.</translation>
    </message>
    <message>
        <source>Member %1 has left the program.</source>
        <translation>El socio %1 se dio de baja del programa.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is for %2 members and above.</source>
        <translation>&apos;%1&apos; es para socios %2 o de un nivel superior.</translation>
    </message>
</context>
<context>
    <name>ReferralService</name>
    <message>
        <source>The referring member &apos;%1&apos; is neither a member number, a phone number nor a card: %2</source>
        <translation>El socio que recomienda &apos;%1&apos; no es un número de socio, ni un teléfono, ni una tarjeta: %2</translation>
    </message>
    <message>
        <source>Name the referring member by member number, phone number or card.</source>
        <translation>Indique el socio que recomienda por número de socio, teléfono o tarjeta.</translation>
    </message>
    <message>
        <source>No member is known as &apos;%1&apos; to have made the referral.</source>
        <translation>No hay ningún socio conocido como &apos;%1&apos; que haya hecho la recomendación.</translation>
    </message>
    <message>
        <source>Member %1 has left the program and cannot refer anyone.</source>
        <translation>El socio %1 se dio de baja del programa y no puede recomendar a nadie.</translation>
    </message>
    <message>
        <source>A customer cannot refer themselves (same phone number or e-mail).</source>
        <translation>Un cliente no puede recomendarse a sí mismo (mismo teléfono o correo electrónico).</translation>
    </message>
    <message>
        <source>Referral bonus</source>
        <translation>Bonificación por recomendación</translation>
    </message>
    <message>
        <source>Referral bonus: member %1 joined</source>
        <translation>Bonificación por recomendación: se unió el socio %1</translation>
    </message>
    <message>
        <source>Referral bonus taken back: the first sale was refunded</source>
        <translation>Bonificación por recomendación retirada: se devolvió la primera venta</translation>
    </message>
</context>
<context>
    <name>RefundService</name>
    <message>
        <source>The refund must be more than zero.</source>
        <translation>La devolución debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>Refund %1 was already recorded for another sale or amount.</source>
        <translation>La devolución %1 ya se registró para otra venta u otro monto.</translation>
    </message>
    <message>
        <source>Sale %1 has already been refunded in full.</source>
        <translation>La venta %1 ya se devolvió por completo.</translation>
    </message>
    <message>
        <source>Sale %1 was paid in %2.</source>
        <translation>La venta %1 se pagó en %2.</translation>
    </message>
    <message>
        <source>Only %1 of sale %2 is left to refund.</source>
        <translation>Solo quedan %1 de la venta %2 por devolver.</translation>
    </message>
    <message>
        <source>Reward points returned: sale %1 was refunded</source>
        <translation>Puntos de recompensa devueltos: se devolvió la venta %1</translation>
    </message>
</context>
<context>
    <name>RegistryLayer</name>
    <message>
        <source>a number (REG_DWORD or REG_QWORD)</source>
        <translation>un número (REG_DWORD o REG_QWORD)</translation>
    </message>
    <message>
        <source>a list (REG_MULTI_SZ)</source>
        <translation>una lista (REG_MULTI_SZ)</translation>
    </message>
    <message>
        <source>binary data (REG_BINARY)</source>
        <translation>datos binarios (REG_BINARY)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds %2; it needs %3. The value below it is used.</source>
        <translation>&apos;%1&apos; contiene %2; necesita %3. Se usa el valor de la capa inferior.</translation>
    </message>
    <message>
        <source>text (REG_SZ) or a number (REG_DWORD)</source>
        <translation>texto (REG_SZ) o un número (REG_DWORD)</translation>
    </message>
    <message>
        <source>text (REG_SZ)</source>
        <translation>texto (REG_SZ)</translation>
    </message>
</context>
<context>
    <name>ReportService</name>
    <message>
        <source>Give the period as two dates (YYYY-MM-DD).</source>
        <translation>Indique el periodo con dos fechas (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>The period starts (%1) after it ends (%2).</source>
        <translation>El periodo empieza (%1) después de terminar (%2).</translation>
    </message>
    <message>
        <source>A report covers at most five years; %1 to %2 is longer.</source>
        <translation>Un informe abarca como máximo cinco años; del %1 al %2 es más largo.</translation>
    </message>
    <message>
        <source>The period starts after today (%1).</source>
        <translation>El periodo empieza después de hoy (%1).</translation>
    </message>
    <message>
        <source>A trend covers 1 to 60 months up to a valid day.</source>
        <translation>Una tendencia abarca de 1 a 60 meses hasta un día válido.</translation>
    </message>
    <message>
        <source>No sale was recorded at till &quot;%1&quot;; the tills are: %2.</source>
        <translation>No se registró ninguna venta en la caja «%1»; las cajas son: %2.</translation>
    </message>
    <message>
        <source>No sale was recorded by &quot;%1&quot;; the staff who took sales are: %2.</source>
        <translation>«%1» no registró ninguna venta; el personal que registró ventas es: %2.</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Members</source>
        <translation>Socios</translation>
    </message>
    <message>
        <source>Members enrolled by the period&apos;s last day.</source>
        <translation>Socios inscritos hasta el último día del periodo.</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>Socios nuevos</translation>
    </message>
    <message>
        <source>Members enrolled in the period.</source>
        <translation>Socios inscritos en el periodo.</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Socios activos</translation>
    </message>
    <message>
        <source>Members with a sale in the 90 days up to the period&apos;s last day, and their share of all members.</source>
        <translation>Socios con una venta en los 90 días hasta el último día del periodo, y su proporción sobre todos los socios.</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>Compradores</translation>
    </message>
    <message>
        <source>Members with at least one sale in the period.</source>
        <translation>Socios con al menos una venta en el periodo.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Sales recorded in the period.</source>
        <translation>Ventas registradas en el periodo.</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>Ventas netas</translation>
    </message>
    <message>
        <source>The period&apos;s sales less what refunds and voids took back of them.</source>
        <translation>Las ventas del periodo menos lo que las devoluciones y anulaciones descontaron de ellas.</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>Ticket medio</translation>
    </message>
    <message>
        <source>Net sales ÷ the sales not wholly refunded.</source>
        <translation>Ventas netas ÷ las ventas no devueltas por completo.</translation>
    </message>
    <message>
        <source>Purchase frequency</source>
        <translation>Frecuencia de compra</translation>
    </message>
    <message>
        <source>Sales ÷ buyers.</source>
        <translation>Ventas ÷ compradores.</translation>
    </message>
    <message>
        <source>Repeat purchase rate</source>
        <translation>Tasa de repetición de compra</translation>
    </message>
    <message>
        <source>Buyers with two or more sales ÷ buyers.</source>
        <translation>Compradores con dos o más ventas ÷ compradores.</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Puntos ganados</translation>
    </message>
    <message>
        <source>Points the period&apos;s purchases earned.</source>
        <translation>Puntos que ganaron las compras del periodo.</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Puntos canjeados</translation>
    </message>
    <message>
        <source>Points spent on rewards in the period, less those of rewards given back.</source>
        <translation>Puntos gastados en recompensas en el periodo, menos los de recompensas devueltas.</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Puntos caducados</translation>
    </message>
    <message>
        <source>Points that lapsed in the period.</source>
        <translation>Puntos que caducaron en el periodo.</translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation>Puntos pendientes</translation>
    </message>
    <message>
        <source>Every member&apos;s balance at the end of the period.</source>
        <translation>El saldo de todos los socios al final del periodo.</translation>
    </message>
    <message>
        <source>Redemption rate</source>
        <translation>Tasa de canje</translation>
    </message>
    <message>
        <source>Points redeemed ÷ points earned in the period (above 100 % when older points were spent).</source>
        <translation>Puntos canjeados ÷ puntos ganados en el periodo (más del 100 % cuando se gastaron puntos anteriores).</translation>
    </message>
    <message>
        <source>Member redemption rate</source>
        <translation>Tasa de socios que canjean</translation>
    </message>
    <message>
        <source>Members who redeemed in the period ÷ buyers.</source>
        <translation>Socios que canjearon en el periodo ÷ compradores.</translation>
    </message>
    <message>
        <source>Points expiring soon</source>
        <translation>Puntos que caducan pronto</translation>
    </message>
    <message>
        <source>Points whose last valid day falls within 30, 60 and 90 days, as the daily automation pass last counted them.</source>
        <translation>Puntos cuyo último día válido cae dentro de 30, 60 y 90 días, según el último recuento del proceso automático diario.</translation>
    </message>
    <message>
        <source>Points liability</source>
        <translation>Pasivo de puntos</translation>
    </message>
    <message>
        <source>Outstanding points × what a point has cost in discounts × (1 − the share of points that expire).</source>
        <translation>Puntos pendientes × lo que ha costado un punto en descuentos × (1 − la proporción de puntos que caducan).</translation>
    </message>
</context>
<context>
    <name>RestoreGapReport</name>
    <message>
        <source>member #%1</source>
        <translation>socio n.º %1</translation>
    </message>
    <message>
        <source>member #%1, phone ending %2</source>
        <translation>socio n.º %1, teléfono terminado en %2</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>venta</translation>
    </message>
    <message>
        <source>redemption</source>
        <translation>canje</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>devolución</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>ajuste</translation>
    </message>
    <message>
        <source>enrolment</source>
        <translation>inscripción</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otra</translation>
    </message>
    <message>
        <source>The backup %1 cannot be read: %2</source>
        <translation>No se puede leer la copia %1: %2</translation>
    </message>
    <message>
        <source>The damaged store %1 cannot be copied to be read.</source>
        <translation>No se puede copiar la tienda dañada %1 para leerla.</translation>
    </message>
    <message>
        <source>The damaged store cannot be read at all (%1).</source>
        <translation>La tienda dañada no se puede leer en absoluto (%1).</translation>
    </message>
    <message>
        <source>Reading the damaged store stopped at its damage (%1): operations after those listed may be missing too.</source>
        <translation>La lectura de la tienda dañada se detuvo en el daño (%1): también pueden faltar operaciones posteriores a las listadas.</translation>
    </message>
    <message>
        <source>(no operations)</source>
        <translation>(sin operaciones)</translation>
    </message>
    <message>
        <source>The damaged store could not be read, so the operations since the backup are not known. The backup holds operations up to %1: enter again what was recorded at the till after that time, from the receipts.</source>
        <translation>No se pudo leer la tienda dañada, así que no se conocen las operaciones posteriores a la copia. La copia contiene operaciones hasta el %1: vuelva a registrar, a partir de los recibos, lo que se registró en la caja después de esa hora.</translation>
    </message>
    <message>
        <source>The backup holds operations up to %1.</source>
        <translation>La copia contiene operaciones hasta el %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) made since then reached Square and come back with the next sync.</source>
        <translation>
            <numerusform>%n operación hecha desde entonces llegó a Square y vuelve con la próxima sincronización.</numerusform>
            <numerusform>%n operaciones hechas desde entonces llegaron a Square y vuelven con la próxima sincronización.</numerusform>
        </translation>
    </message>
    <message>
        <source>No operation needs to be entered again.</source>
        <translation>Ninguna operación necesita volver a registrarse.</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) never reached Square and must be entered again:</source>
        <translation>
            <numerusform>%n operación nunca llegó a Square y hay que volver a registrarla:</numerusform>
            <numerusform>%n operaciones nunca llegaron a Square y hay que volver a registrarlas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n punto</numerusform>
            <numerusform>%n puntos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RfmSegments</name>
    <message>
        <source>Member %1 has a negative recency or number of purchases.</source>
        <translation>El miembro %1 tiene un número de días desde su última compra o un número de compras negativo.</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>Campeones</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Fieles</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>Prometedores</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requieren atención</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>En hibernación</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdidos</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>Alejados</translation>
    </message>
    <message>
        <source>Nearly there</source>
        <translation>A punto de conseguirlo</translation>
    </message>
</context>
<context>
    <name>SaleHistoryImporter</name>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>se esperaban %1 campos y hay %2</translation>
    </message>
    <message>
        <source>no member has this id, phone or card</source>
        <translation>ningún socio tiene este número, teléfono o tarjeta</translation>
    </message>
    <message>
        <source>sale %1 already appears on line %2</source>
        <translation>la venta %1 ya aparece en la línea %2</translation>
    </message>
    <message>
        <source>sale %1 is already recorded</source>
        <translation>la venta %1 ya está registrada</translation>
    </message>
    <message>
        <source>amount must be more than zero, in %1 with its decimals, such as 12.50</source>
        <translation>el importe debe ser mayor que cero, en %1 con sus decimales, como 12.50</translation>
    </message>
    <message>
        <source>refunded must be an amount in %1 no larger than the sale</source>
        <translation>refunded debe ser un importe en %1 no mayor que la venta</translation>
    </message>
    <message>
        <source>completed_at must be a time such as 2024-03-05T14:30:00+01:00</source>
        <translation>completed_at debe ser una hora como 2024-03-05T14:30:00+01:00</translation>
    </message>
    <message>
        <source>completed_at is in the future</source>
        <translation>completed_at está en el futuro</translation>
    </message>
    <message>
        <source>Unknown column &apos;%1&apos; in the first line; the columns are %2.</source>
        <translation>Columna desconocida &apos;%1&apos; en la primera línea; las columnas son %2.</translation>
    </message>
    <message>
        <source>The column &apos;%1&apos; appears twice.</source>
        <translation>La columna &apos;%1&apos; aparece dos veces.</translation>
    </message>
    <message>
        <source>The first line must name the columns: member, phone or card, and reference, amount and completed_at.</source>
        <translation>La primera línea debe nombrar las columnas: member, phone o card, y reference, amount y completed_at.</translation>
    </message>
    <message>
        <source>Points for imported sales</source>
        <translation>Puntos por ventas importadas</translation>
    </message>
</context>
<context>
    <name>SaleRecord</name>
    <message>
        <source>There is no sale %1.</source>
        <translation>No existe la venta %1.</translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <source>Cannot read the schema version of %1.</source>
        <translation>No se puede leer la versión del esquema de %1.</translation>
    </message>
    <message>
        <source>%1 was written by a newer LoyaltyTill (schema %2; this version reads up to %3). Install the newer LoyaltyTill.</source>
        <translation>%1 fue escrito por una versión más reciente de LoyaltyTill (esquema %2; esta versión lee hasta el %3). Instale la versión más reciente de LoyaltyTill.</translation>
    </message>
    <message>
        <source>%1 is an SQLite file of another application, not a LoyaltyTill database.</source>
        <translation>%1 es un archivo SQLite de otra aplicación, no una base de datos de LoyaltyTill.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation>Falló la actualización de la base de datos al esquema %1: %2</translation>
    </message>
</context>
<context>
    <name>SegmentService</name>
    <message>
        <source>The day of the segments is not a date.</source>
        <translation>El día de los segmentos no es una fecha.</translation>
    </message>
    <message>
        <source>Give the first cohort&apos;s month as YYYY-MM.</source>
        <translation>Indique el mes de la primera cohorte como AAAA-MM.</translation>
    </message>
    <message>
        <source>Give the last month as YYYY-MM.</source>
        <translation>Indique el último mes como AAAA-MM.</translation>
    </message>
    <message>
        <source>The cohorts start (%1) after they end (%2).</source>
        <translation>Las cohortes empiezan (%1) después de terminar (%2).</translation>
    </message>
    <message>
        <source>The cohorts end after this month (%1).</source>
        <translation>Las cohortes terminan después de este mes (%1).</translation>
    </message>
    <message>
        <source>A cohort grid covers at most five years; %1 to %2 is longer.</source>
        <translation>Una tabla de cohortes abarca como máximo cinco años; del %1 al %2 es más largo.</translation>
    </message>
    <message>
        <source>The day of the predictions is not a date.</source>
        <translation>El día de las predicciones no es una fecha.</translation>
    </message>
    <message>
        <source>No member has bought yet: there is nothing to predict from.</source>
        <translation>Ningún socio ha comprado todavía: no hay datos para predecir.</translation>
    </message>
    <message>
        <source>Nearly there: %1 %2 to a reward. Tell them how close they are.</source>
        <translation>Casi lo consigue: %1 %2 para una recompensa. Dígale lo cerca que está.</translation>
    </message>
    <message>
        <source>Lapsed: a regular who has not been back. Win them back.</source>
        <translation>Inactivo: un cliente habitual que no ha vuelto. Recupérelo.</translation>
    </message>
    <message>
        <source>No purchase yet: the first one starts earning rewards.</source>
        <translation>Aún sin compras: la primera empieza a ganar recompensas.</translation>
    </message>
    <message>
        <source>Thank them: first look at new offers</source>
        <translation>Agradézcale: acceso anticipado a las nuevas ofertas</translation>
    </message>
    <message>
        <source>Invite them to refer a friend</source>
        <translation>Invítele a recomendar a un amigo</translation>
    </message>
    <message>
        <source>Encourage the next visit</source>
        <translation>Anime la próxima visita</translation>
    </message>
    <message>
        <source>Remind them of their points</source>
        <translation>Recuérdele sus puntos</translation>
    </message>
    <message>
        <source>Offer a reason to come back</source>
        <translation>Ofrézcale un motivo para volver</translation>
    </message>
    <message>
        <source>Show them what is new</source>
        <translation>Muéstrele las novedades</translation>
    </message>
    <message>
        <source>Welcome them back with a special offer</source>
        <translation>Dele la bienvenida con una oferta especial</translation>
    </message>
    <message>
        <source>The purchase models cannot be fitted on the store&apos;s history yet: %1</source>
        <translation>Los modelos de compra aún no se pueden ajustar con el historial de la tienda: %1</translation>
    </message>
</context>
<context>
    <name>SettingsSchema</name>
    <message>
        <source>&apos;%1&apos; needs a whole number from %2 to %3.</source>
        <translation>«%1» necesita un número entero de %2 a %3.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is one of: %2.</source>
        <translation>«%1» es uno de: %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a region code such as US, GB or MX.</source>
        <translation>&apos;%1&apos; no es un código de región como US, GB o MX.</translation>
    </message>
    <message>
        <source>List category ids separated by commas, such as COFFEE,PASTRY.</source>
        <translation>Escriba los ids de categoría separados por comas, como COFFEE,PASTRY.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs an absolute path, or nothing.</source>
        <translation>«%1» necesita una ruta absoluta, o nada.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be empty or longer than %2 characters.</source>
        <translation>«%1» no puede estar vacío ni tener más de %2 caracteres.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a time of day such as 02:30 (HH:MM).</source>
        <translation>«%1» necesita una hora del día como 02:30 (HH:MM).</translation>
    </message>
</context>
<context>
    <name>SlipLayout</name>
    <message>
        <source>Member %1</source>
        <translation>Socio %1</translation>
    </message>
    <message>
        <source>Sale total</source>
        <translation>Total de la venta</translation>
    </message>
    <message>
        <source>Program points</source>
        <translation>Puntos del programa</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Puntos ganados</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Recompensa</translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation>Puntos canjeados</translation>
    </message>
    <message>
        <source>Discount to apply</source>
        <translation>Descuento a aplicar</translation>
    </message>
    <message>
        <source>%1% off the sale</source>
        <translation>%1% de la venta</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Devuelto</translation>
    </message>
    <message>
        <source>Points taken back</source>
        <translation>Puntos retirados</translation>
    </message>
    <message>
        <source>Reward points returned</source>
        <translation>Puntos de canje devueltos</translation>
    </message>
    <message>
        <source>You can redeem %1 now.</source>
        <translation>Ya puede canjear %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 more point(s) to %2.</source>
        <translation>
            <numerusform>Le falta %1 punto para %2.</numerusform>
            <numerusform>Le faltan %1 puntos para %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Spend %1 more to reach %2.</source>
        <translation>Compre %1 más para llegar a %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 more point(s) to reach %2.</source>
        <translation>
            <numerusform>Le falta %1 punto para llegar a %2.</numerusform>
            <numerusform>Le faltan %1 puntos para llegar a %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 point(s) expire on %2.</source>
        <translation>
            <numerusform>%1 punto vence el %2.</numerusform>
            <numerusform>%1 puntos vencen el %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Puntos de fidelidad</translation>
    </message>
    <message>
        <source>Reward redeemed</source>
        <translation>Recompensa canjeada</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Refund number</source>
        <translation>N.º de devolución</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message numerus="yes">
        <source>%1 point(s)</source>
        <translation>
            <numerusform>%1 punto</numerusform>
            <numerusform>%1 puntos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlipPrintQueue</name>
    <message>
        <source>This till has no slip printer.</source>
        <translation>Esta caja no tiene impresora de comprobantes.</translation>
    </message>
</context>
<context>
    <name>SlipPrinterSetup</name>
    <message>
        <source>This till has no slip printer: set one in Settings ▸ Printing and wallet (slip.printer).</source>
        <translation>Esta caja no tiene impresora de comprobantes: configure una en Configuración ▸ Impresión y Wallet (slip.printer).</translation>
    </message>
</context>
<context>
    <name>SlipService</name>
    <message>
        <source>Welcome back offer</source>
        <translation>Oferta de regreso</translation>
    </message>
    <message>
        <source>There is no redemption %1.</source>
        <translation>No existe el canje %1.</translation>
    </message>
    <message>
        <source>Sale %1 has no refund %2.</source>
        <translation>La venta %1 no tiene ninguna devolución %2.</translation>
    </message>
    <message>
        <source>Enter the receipt number of a sale, a refund or a redemption.</source>
        <translation>Escriba el número de recibo de una venta, una devolución o un canje.</translation>
    </message>
    <message>
        <source>Nothing was recorded under %1: no sale, refund or redemption.</source>
        <translation>No hay nada registrado con el número %1: ninguna venta, devolución ni canje.</translation>
    </message>
</context>
<context>
    <name>SquareCheckup</name>
    <message>
        <source>Square token (systemd credential)</source>
        <translation>Token de Square (credencial de systemd)</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Llavero</translation>
    </message>
    <message>
        <source>As root, seal the token with `loyaltytill-admin square connect --token-stdin` (systemd-creds encrypt), and run the till from loyaltytill-kiosk.service, whose LoadCredentialEncrypted= hands it over.</source>
        <translation>Como root, selle el token con `loyaltytill-admin square connect --token-stdin` (systemd-creds encrypt) y ejecute la caja desde loyaltytill-kiosk.service, cuyo LoadCredentialEncrypted= se lo entrega.</translation>
    </message>
    <message>
        <source>Start and unlock the desktop&apos;s keyring (the Secret Service: GNOME Keyring or KWallet) in this user&apos;s session; a till without a desktop session keeps the token in a systemd credential (square.token_store = systemd-credential).</source>
        <translation>Inicie y desbloquee el llavero del escritorio (el Secret Service: GNOME Keyring o KWallet) en la sesión de este usuario; una caja sin sesión de escritorio guarda el token en una credencial de systemd (square.token_store = systemd-credential).</translation>
    </message>
    <message>
        <source>The store is not connected to Square: there is no token to read yet.</source>
        <translation>La tienda no está conectada a Square: todavía no hay token que leer.</translation>
    </message>
    <message>
        <source>The sealed token %1 is there; only the till&apos;s service can open it.</source>
        <translation>El token sellado %1 está ahí; solo el servicio de la caja puede abrirlo.</translation>
    </message>
    <message>
        <source>Connect again with the token: `loyaltytill-admin setup` or `square connect --token-stdin`.</source>
        <translation>Vuelva a conectar con el token: `loyaltytill-admin setup` o `square connect --token-stdin`.</translation>
    </message>
    <message>
        <source>The Square token for location %1 was read from the systemd credential.</source>
        <translation>El token de Square de la ubicación %1 se leyó de la credencial de systemd.</translation>
    </message>
    <message>
        <source>The Square token for location %1 is in the keychain.</source>
        <translation>El token de Square de la ubicación %1 está en el llavero.</translation>
    </message>
    <message>
        <source>The keychain did not store a test entry: %1</source>
        <translation>El llavero no guardó una entrada de prueba: %1</translation>
    </message>
    <message>
        <source>The keychain did not give back a test entry: %1</source>
        <translation>El llavero no devolvió una entrada de prueba: %1</translation>
    </message>
    <message>
        <source>The keychain gave back another value than the test entry it stored.</source>
        <translation>El llavero devolvió un valor distinto de la entrada de prueba que guardó.</translation>
    </message>
    <message>
        <source>The keychain did not delete a test entry: %1</source>
        <translation>El llavero no borró una entrada de prueba: %1</translation>
    </message>
    <message>
        <source>The keychain stores, gives back and deletes an entry; the store is not connected to Square yet.</source>
        <translation>El llavero guarda, devuelve y borra una entrada; la tienda aún no está conectada a Square.</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Square</translation>
    </message>
    <message>
        <source>The store is not connected to Square: points stay in this store until it is.</source>
        <translation>La tienda no está conectada a Square: los puntos se quedan en esta tienda hasta que lo esté.</translation>
    </message>
    <message>
        <source>Connect it with `loyaltytill-admin setup` (or `square connect --token-stdin`).</source>
        <translation>Conéctela con `loyaltytill-admin setup` (o `square connect --token-stdin`).</translation>
    </message>
    <message>
        <source>Square was not asked: outside the till&apos;s service its sealed token cannot be opened.</source>
        <translation>No se consultó a Square: fuera del servicio de la caja su token sellado no se puede abrir.</translation>
    </message>
    <message>
        <source>Check as the till&apos;s service does: `systemd-run --pipe --wait -p User=loyaltytill -p %1 -E LOYALTYTILL_DATABASE=/var/lib/loyaltytill/loyaltytill.sqlite loyaltytill-admin doctor`.</source>
        <translation>Compruebe como lo hace el servicio de la caja: `systemd-run --pipe --wait -p User=loyaltytill -p %1 -E LOYALTYTILL_DATABASE=/var/lib/loyaltytill/loyaltytill.sqlite loyaltytill-admin doctor`.</translation>
    </message>
    <message>
        <source>Square was not asked: the token could not be read (see %1).</source>
        <translation>No se consultó a Square: no se pudo leer el token (vea %1).</translation>
    </message>
    <message>
        <source>Connect again with `loyaltytill-admin square disconnect`, then `setup`.</source>
        <translation>Vuelva a conectar con `loyaltytill-admin square disconnect` y después `setup`.</translation>
    </message>
</context>
<context>
    <name>SquareEnvironment</name>
    <message>
        <source>Give production, sandbox or a base URL such as https://host:port (no path, user or query).</source>
        <translation>Indique production, sandbox o una URL base como https://host:puerto (sin ruta, usuario ni consulta).</translation>
    </message>
    <message>
        <source>Plain http is allowed only for 127.0.0.1 or localhost; %1 must use https.</source>
        <translation>El http sin cifrar solo se admite para 127.0.0.1 o localhost; %1 debe usar https.</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// for 127.0.0.1).</source>
        <translation>La URL debe empezar por https:// (o http:// para 127.0.0.1).</translation>
    </message>
</context>
<context>
    <name>SquareLoyaltyApi</name>
    <message>
        <source>Square kept sending pages of promotions; reading stopped after %1.</source>
        <translation>Square siguió enviando páginas de promociones; la lectura se detuvo después de %1.</translation>
    </message>
</context>
<context>
    <name>SquarePairing</name>
    <message>
        <source>No Square access token was given.</source>
        <translation>No se dio ningún token de acceso de Square.</translation>
    </message>
    <message>
        <source>That is not a Square access token: it is one word of letters, digits and a few signs, as the Developer Console shows it.</source>
        <translation>Eso no es un token de acceso de Square: es una sola palabra de letras, dígitos y algunos signos, como la muestra la Developer Console.</translation>
    </message>
    <message>
        <source>Give the Square location ID (letters and digits, as the Dashboard shows it).</source>
        <translation>Indique el ID de ubicación de Square (letras y dígitos, como lo muestra el Dashboard).</translation>
    </message>
</context>
<context>
    <name>SquareProbe</name>
    <message>
        <source>Square (%1) accepts the token; its loyalty program is active at location %2.</source>
        <translation>Square (%1) acepta el token; su programa de fidelidad está activo en la ubicación %2.</translation>
    </message>
    <message>
        <source>Square (%1) did not answer: %2</source>
        <translation>Square (%1) no respondió: %2</translation>
    </message>
    <message>
        <source>Square (%1) refused the token (HTTP 401): it is wrong, expired or revoked, or it belongs to the other environment.</source>
        <translation>Square (%1) rechazó el token (HTTP 401): es incorrecto, caducó o fue revocado, o pertenece al otro entorno.</translation>
    </message>
    <message>
        <source>The token may not read Square&apos;s loyalty program (HTTP 403).</source>
        <translation>El token no puede leer el programa de fidelidad de Square (HTTP 403).</translation>
    </message>
    <message>
        <source>Square is limiting this token&apos;s requests (HTTP 429).</source>
        <translation>Square está limitando las peticiones de este token (HTTP 429).</translation>
    </message>
    <message>
        <source>Square (%1) has a problem (HTTP %2): %3</source>
        <translation>Square (%1) tiene un problema (HTTP %2): %3</translation>
    </message>
    <message>
        <source>The Square account has no loyalty program (HTTP 404).</source>
        <translation>La cuenta de Square no tiene programa de fidelidad (HTTP 404).</translation>
    </message>
    <message>
        <source>The Square loyalty program is not active.</source>
        <translation>El programa de fidelidad de Square no está activo.</translation>
    </message>
    <message>
        <source>Location %1 is not one of the loyalty program&apos;s locations (%2).</source>
        <translation>La ubicación %1 no es una de las ubicaciones del programa de fidelidad (%2).</translation>
    </message>
    <message>
        <source>Square refused the request (HTTP %1): %2</source>
        <translation>Square rechazó la petición (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Check this till&apos;s network, DNS and proxy, and that %1 can be reached over HTTPS.</source>
        <translation>Compruebe la red, el DNS y el proxy de esta caja, y que se puede llegar a %1 por HTTPS.</translation>
    </message>
    <message>
        <source>Create a new access token in the Square Developer Console for this environment and connect again (`loyaltytill-admin setup` or `square connect --token-stdin`).</source>
        <translation>Cree un token de acceso nuevo en la Square Developer Console para este entorno y vuelva a conectar (`loyaltytill-admin setup` o `square connect --token-stdin`).</translation>
    </message>
    <message>
        <source>Give the application the LOYALTY_READ, LOYALTY_WRITE and CUSTOMERS_READ permissions, or use its personal access token, then connect again.</source>
        <translation>Dé a la aplicación los permisos LOYALTY_READ, LOYALTY_WRITE y CUSTOMERS_READ, o use su token de acceso personal, y vuelva a conectar.</translation>
    </message>
    <message>
        <source>Wait a minute and check again; if it goes on, look for another program using the same token.</source>
        <translation>Espere un minuto y compruebe de nuevo; si continúa, busque otro programa que use el mismo token.</translation>
    </message>
    <message>
        <source>Check again later (issquareup.com shows Square&apos;s status); the till keeps its sales and sends them when Square answers.</source>
        <translation>Compruebe más tarde (issquareup.com muestra el estado de Square); la caja guarda sus ventas y las envía cuando Square responda.</translation>
    </message>
    <message>
        <source>Create the loyalty program in the Square Dashboard, then connect again.</source>
        <translation>Cree el programa de fidelidad en el Square Dashboard y vuelva a conectar.</translation>
    </message>
    <message>
        <source>Turn Square Loyalty on (its subscription) in the Square Dashboard.</source>
        <translation>Active Square Loyalty (su suscripción) en el Square Dashboard.</translation>
    </message>
    <message>
        <source>Connect with one of the program&apos;s location IDs (--location), or add this location to the program in the Square Dashboard.</source>
        <translation>Conecte con uno de los ID de ubicación del programa (--location), o añada esta ubicación al programa en el Square Dashboard.</translation>
    </message>
    <message>
        <source>Check that the environment (production or sandbox) is the token&apos;s, then connect again.</source>
        <translation>Compruebe que el entorno (production o sandbox) es el del token y vuelva a conectar.</translation>
    </message>
</context>
<context>
    <name>SquareProgramMapper</name>
    <message>
        <source>Square sent a loyalty program that cannot be used: %1</source>
        <translation>Square envió un programa de fidelidad que no se puede usar: %1</translation>
    </message>
</context>
<context>
    <name>StaffDirectory</name>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>El PIN debe tener de 4 a 8 dígitos.</translation>
    </message>
    <message>
        <source>A PIN has only digits.</source>
        <translation>El PIN solo admite dígitos.</translation>
    </message>
    <message>
        <source>Give the person&apos;s name.</source>
        <translation>Indique el nombre de la persona.</translation>
    </message>
    <message>
        <source>The password hashing library could not start.</source>
        <translation>No se pudo iniciar la biblioteca de hash de contraseñas.</translation>
    </message>
    <message>
        <source>Not enough memory to hash the PIN.</source>
        <translation>No hay memoria suficiente para procesar el PIN.</translation>
    </message>
    <message>
        <source>Wrong staff number or PIN.</source>
        <translation>Número de empleado o PIN incorrecto.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs: try again in %n minute(s).</source>
        <translation>
            <numerusform>Demasiados PIN incorrectos: vuelva a intentarlo en %n minuto.</numerusform>
            <numerusform>Demasiados PIN incorrectos: vuelva a intentarlo en %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a manager.</source>
        <translation>%1 no es gerente.</translation>
    </message>
    <message>
        <source>There is no staff member %1.</source>
        <translation>No existe el empleado %1.</translation>
    </message>
</context>
<context>
    <name>StorageNames</name>
    <message>
        <source>The database holds an unknown %1 &apos;%2&apos;.</source>
        <translation>La base de datos contiene un %1 desconocido &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>StoreFileCheck</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a LoyaltyTill store (it is not an SQLite file).</source>
        <translation>%1 no es una tienda de LoyaltyTill (no es un archivo SQLite).</translation>
    </message>
    <message>
        <source>%1 is truncated: it is not a whole SQLite file.</source>
        <translation>%1 está truncado: no es un archivo SQLite completo.</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>No hay ningún archivo en %1.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 no es un archivo.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (%2).</source>
        <translation>%1 está dañado (%2).</translation>
    </message>
    <message>
        <source>%1 is an SQLite file but not a LoyaltyTill store.</source>
        <translation>%1 es un archivo SQLite pero no una tienda de LoyaltyTill.</translation>
    </message>
    <message>
        <source>%1 was written by a newer LoyaltyTill (schema %2; this version reads up to %3).</source>
        <translation>%1 lo escribió un LoyaltyTill más reciente (esquema %2; esta versión lee hasta el %3).</translation>
    </message>
</context>
<context>
    <name>StoreRecovery</name>
    <message>
        <source>LoyaltyTill</source>
        <translation>LoyaltyTill</translation>
    </message>
    <message>
        <source>%1

Restore the backup of %2? The damaged store is kept in the backup folder.</source>
        <translation>%1

¿Restaurar la copia del %2? La tienda dañada se guarda en la carpeta de copias.</translation>
    </message>
    <message>
        <source>No backup in %1 verifies: ask for help before anything else is done with the store.</source>
        <translation>Ninguna copia de la carpeta %1 se verifica: pida ayuda antes de hacer nada más con la tienda.</translation>
    </message>
    <message>
        <source>This list is kept in %1.</source>
        <translation>Esta lista se guarda en %1.</translation>
    </message>
    <message>
        <source>The backup of %1 is in place; the damaged store is kept as %2.</source>
        <translation>La copia del %1 está en su lugar; la tienda dañada se guarda como %2.</translation>
    </message>
</context>
<context>
    <name>StoreRestore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>No se puede crear %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>The store %1 is open in another program (a till or a command); close it and restore again.</source>
        <translation>La tienda %1 está abierta en otro programa (una caja o un comando); ciérrelo y vuelva a restaurar.</translation>
    </message>
    <message>
        <source>Name the backup FILE to restore.</source>
        <translation>Indique el ARCHIVO de copia que se restaura.</translation>
    </message>
    <message>
        <source>%1 is the store itself; name a backup.</source>
        <translation>%1 es la propia tienda; indique una copia.</translation>
    </message>
    <message>
        <source>%1 has a write-ahead log beside it: it is open in a program or was not closed. Back it up with `loyaltytill-admin --database %1 backup COPY` and restore the copy.</source>
        <translation>%1 tiene un registro de escritura anticipada al lado: está abierto en un programa o no se cerró. Cópielo con `loyaltytill-admin --database %1 backup COPIA` y restaure la copia.</translation>
    </message>
    <message>
        <source>The store&apos;s folder %1 cannot be written.</source>
        <translation>No se puede escribir en la carpeta de la tienda %1.</translation>
    </message>
    <message>
        <source>Cannot name the store&apos;s backup %1.</source>
        <translation>No se puede dar a la copia de la tienda el nombre %1.</translation>
    </message>
    <message>
        <source>The store could not be backed up first, so it was left as it was: %1</source>
        <translation>No se pudo copiar antes la tienda, así que se dejó como estaba: %1</translation>
    </message>
    <message>
        <source>Cannot replace the store %1: %2</source>
        <translation>No se puede reemplazar la tienda %1: %2</translation>
    </message>
    <message>
        <source>the write-ahead log of %1 is damaged</source>
        <translation>el registro de escritura anticipada de %1 está dañado</translation>
    </message>
</context>
<context>
    <name>StoreSettings</name>
    <message>
        <source>There is no setting called &apos;%1&apos;.</source>
        <translation>No existe la opción de configuración &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is locked by IT at %2; it stays %3.</source>
        <translation>«%1» está bloqueado por TI en %2; sigue siendo %3.</translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <source>There is no conflict %1.</source>
        <translation>No existe el conflicto %1.</translation>
    </message>
    <message>
        <source>Points already spent elsewhere</source>
        <translation>Puntos ya gastados en otro lugar</translation>
    </message>
    <message>
        <source>Square rejected the phone number</source>
        <translation>Square rechazó el número de teléfono</translation>
    </message>
    <message>
        <source>The Square account is gone (merged or deleted)</source>
        <translation>La cuenta de Square ya no existe (fusionada o eliminada)</translation>
    </message>
    <message>
        <source>Balances disagree</source>
        <translation>Los saldos no coinciden</translation>
    </message>
    <message>
        <source>Square refused the operation</source>
        <translation>Square rechazó la operación</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Enviar de nuevo</translation>
    </message>
    <message>
        <source>Send anyway (Square balance may go below zero)</source>
        <translation>Enviar de todos modos (el saldo en Square puede quedar por debajo de cero)</translation>
    </message>
    <message>
        <source>Accept Square&apos;s balance</source>
        <translation>Aceptar el saldo de Square</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Name the manager who resolves it.</source>
        <translation>Indique el gerente que lo resuelve.</translation>
    </message>
    <message>
        <source>Conflict %1 was already resolved (%2 by %3).</source>
        <translation>El conflicto %1 ya se resolvió (%2 por %3).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not apply to conflict %2.</source>
        <translation>«%1» no se aplica al conflicto %2.</translation>
    </message>
    <message>
        <source>Square&apos;s balance accepted (conflict %1)</source>
        <translation>Saldo de Square aceptado (conflicto %1)</translation>
    </message>
</context>
<context>
    <name>SyncOutbox</name>
    <message>
        <source>The count of operations waiting to sync is missing from the database.</source>
        <translation>Falta en la base de datos el recuento de operaciones pendientes de sincronizar.</translation>
    </message>
</context>
<context>
    <name>SystemConfig</name>
    <message>
        <source>Not owned by %1; its locks are ignored.</source>
        <translation>No pertenece a %1; sus bloqueos se ignoran.</translation>
    </message>
    <message>
        <source>Others may write it (chmod 644 fixes that); its locks are ignored.</source>
        <translation>Otros pueden escribirlo (chmod 644 lo corrige); sus bloqueos se ignoran.</translation>
    </message>
    <message>
        <source>Cannot be read: %1; none of it is used.</source>
        <translation>No se puede leer: %1; no se usa nada de él.</translation>
    </message>
    <message>
        <source>There is no setting called &apos;%1&apos; (loyaltytill-admin config lists them); the line is ignored.</source>
        <translation>No existe ningún ajuste llamado «%1» (loyaltytill-admin config los enumera); la línea se ignora.</translation>
    </message>
    <message>
        <source>%1 The value below it is used.</source>
        <translation>%1 Se usa el valor de la capa inferior.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given different values in %2; none of them is used, the value below them is.</source>
        <translation>«%1» recibe valores distintos en %2; no se usa ninguno, sino el de la capa inferior.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is locked to different values in %2; the last is used.</source>
        <translation>«%1» está bloqueado con valores distintos en %2; se usa el último.</translation>
    </message>
</context>
<context>
    <name>SystemdCredential</name>
    <message>
        <source>The credential %1 cannot be read: %2.</source>
        <translation>No se puede leer la credencial %1: %2.</translation>
    </message>
    <message>
        <source>Encrypted systemd credentials exist only on Linux.</source>
        <translation>Las credenciales cifradas de systemd solo existen en Linux.</translation>
    </message>
    <message>
        <source>The access token is empty.</source>
        <translation>El token de acceso está vacío.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made (mode 0700).</source>
        <translation>No se puede crear la carpeta %1 (modo 0700).</translation>
    </message>
    <message>
        <source>%1 cannot be run (%2): a systemd credential needs systemd 250 or newer.</source>
        <translation>No se puede ejecutar %1 (%2): una credencial de systemd necesita systemd 250 o posterior.</translation>
    </message>
    <message>
        <source>This till keeps its secrets in encrypted systemd credentials (square.token_store = systemd-credential), and it was not started by a service that loads them: the unit needs %1, as loyaltytill-kiosk.service has.</source>
        <translation>Esta caja guarda sus secretos en credenciales cifradas de systemd (square.token_store = systemd-credential) y no la inició un servicio que las cargue: la unidad necesita %1, como tiene loyaltytill-kiosk.service.</translation>
    </message>
    <message>
        <source>This service was given no credential %1: its unit needs %2, and that file must exist (as root: %3 writes it).</source>
        <translation>Este servicio no recibió la credencial %1: su unidad necesita %2, y ese archivo debe existir (como root: %3 lo escribe).</translation>
    </message>
    <message>
        <source>The credential %1 is too long for what it holds: more than %2 bytes.</source>
        <translation>La credencial %1 es demasiado larga para lo que guarda: más de %2 bytes.</translation>
    </message>
    <message>
        <source>The credential %1 is empty: seal it again, as root, with %2.</source>
        <translation>La credencial %1 está vacía: vuelva a sellarla, como root, con %2.</translation>
    </message>
    <message>
        <source>%1 needs root: the sealed credential %2 is root&apos;s alone. Run the command again as root (sudo).</source>
        <translation>%1 necesita root: la credencial sellada %2 es solo de root. Vuelva a ejecutar la orden como root (sudo).</translation>
    </message>
    <message>
        <source>There is nothing to seal in the credential %1.</source>
        <translation>No hay nada que sellar en la credencial %1.</translation>
    </message>
    <message>
        <source>Sealing the credential %1</source>
        <translation>Sellar la credencial %1</translation>
    </message>
    <message>
        <source>%1 could not seal the credential %2: %3</source>
        <translation>%1 no pudo sellar la credencial %2: %3</translation>
    </message>
    <message>
        <source>The sealed credential cannot be written to %1.</source>
        <translation>No se puede escribir la credencial sellada en %1.</translation>
    </message>
    <message>
        <source>Removing the credential %1</source>
        <translation>Borrar la credencial %1</translation>
    </message>
    <message>
        <source>The sealed credential %1 cannot be deleted.</source>
        <translation>No se puede borrar la credencial sellada %1.</translation>
    </message>
</context>
<context>
    <name>TierService</name>
    <message>
        <source>%1 within the window; %2 starts at %3.</source>
        <translation>%1 en el periodo; %2 empieza en %3.</translation>
    </message>
    <message>
        <source>Sale %1 brought %2 within the window; %3 starts at %4.</source>
        <translation>Con la venta %1 suma %2 en el periodo; %3 empieza en %4.</translation>
    </message>
    <message>
        <source>%1 within the window, short of the %2 %3 needs since %4.</source>
        <translation>%1 en el periodo, por debajo de los %2 que %3 exige desde %4.</translation>
    </message>
</context>
<context>
    <name>TillCheckup</name>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>There is no store at %1.</source>
        <translation>No hay ninguna tienda en %1.</translation>
    </message>
    <message>
        <source>Create it with `loyaltytill-admin setup`.</source>
        <translation>Créela con `loyaltytill-admin setup`.</translation>
    </message>
    <message>
        <source>Restore the newest good backup with `loyaltytill-admin restore FILE` (`loyaltytill-admin backup --list` shows which verify).</source>
        <translation>Restaure la copia buena más reciente con `loyaltytill-admin restore FILE` (`loyaltytill-admin backup --list` muestra cuáles se verifican).</translation>
    </message>
    <message>
        <source>Install the LoyaltyTill version that wrote this store, or a newer one.</source>
        <translation>Instale la versión de LoyaltyTill que escribió esta tienda, o una más nueva.</translation>
    </message>
    <message>
        <source>Check that this user may read and write %1 and its folder.</source>
        <translation>Compruebe que este usuario puede leer y escribir %1 y su carpeta.</translation>
    </message>
    <message>
        <source>%1 can be read but not written by this user.</source>
        <translation>Este usuario puede leer %1 pero no escribirlo.</translation>
    </message>
    <message>
        <source>Give the till&apos;s user write access to the store file and its folder (SQLite writes its -wal and -shm files beside it).</source>
        <translation>Dé al usuario de la caja permiso de escritura sobre el archivo de la tienda y su carpeta (SQLite escribe sus archivos -wal y -shm a su lado).</translation>
    </message>
    <message>
        <source>%1 is on schema %2; this program uses schema %3.</source>
        <translation>%1 está en el esquema %2; este programa usa el esquema %3.</translation>
    </message>
    <message>
        <source>Run `loyaltytill-admin init` (or start the till): it backs the store up, then upgrades it.</source>
        <translation>Ejecute `loyaltytill-admin init` (o inicie la caja): hace una copia de la tienda y después la actualiza.</translation>
    </message>
    <message>
        <source>%1 is undamaged, but another program held its write lock for seconds.</source>
        <translation>%1 está intacta, pero otro programa retuvo su bloqueo de escritura durante segundos.</translation>
    </message>
    <message>
        <source>Run the check again; if it stays busy, look for a stuck program using the store (`fuser %1`).</source>
        <translation>Repita la comprobación; si sigue ocupada, busque un programa atascado que use la tienda (`fuser %1`).</translation>
    </message>
    <message>
        <source>%1: schema %2, undamaged (quick_check), writable.</source>
        <translation>%1: esquema %2, intacta (quick_check), se puede escribir.</translation>
    </message>
    <message>
        <source>The free space at %1 cannot be read.</source>
        <translation>No se puede leer el espacio libre en %1.</translation>
    </message>
    <message>
        <source>Check that %1 is on a mounted disk.</source>
        <translation>Compruebe que %1 está en un disco montado.</translation>
    </message>
    <message>
        <source>Disk space (store)</source>
        <translation>Espacio en disco (tienda)</translation>
    </message>
    <message>
        <source>Disk space (backups)</source>
        <translation>Espacio en disco (copias)</translation>
    </message>
    <message>
        <source>%1 free of %2 where %3 is.</source>
        <translation>%1 libres de %2 donde está %3.</translation>
    </message>
    <message>
        <source>Free space on that disk now: below %1 a backup or a schema upgrade may not fit, and the store cannot grow.</source>
        <translation>Libere espacio en ese disco ya: por debajo de %1 puede no caber una copia o una actualización del esquema, y la tienda no puede crecer.</translation>
    </message>
    <message>
        <source>Free space on that disk (at least %1 and %2 % of it), or move the store or backup.folder to a larger one.</source>
        <translation>Libere espacio en ese disco (al menos %1 y el %2 % del disco), o mueva la tienda o backup.folder a uno mayor.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Run `loyaltytill-admin backup`, and keep a till running past backup.time (%1) or enable loyaltytill-backup.timer.</source>
        <translation>Ejecute `loyaltytill-admin backup` y deje una caja en marcha pasada la hora backup.time (%1) o active loyaltytill-backup.timer.</translation>
    </message>
    <message>
        <source>There is no daily backup in %1.</source>
        <translation>No hay ninguna copia diaria en %1.</translation>
    </message>
    <message>
        <source>No recent daily backup in %1 verifies: %2</source>
        <translation>Ninguna copia diaria reciente de %1 se verifica: %2</translation>
    </message>
    <message numerus="yes">
        <source>The %n backup(s) taken before an upgrade or a restore do not count.</source>
        <translation>
            <numerusform>La %n copia hecha antes de una actualización o una restauración no cuenta.</numerusform>
            <numerusform>Las %n copias hechas antes de una actualización o una restauración no cuentan.</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest verified daily backup in %1 is from %2.</source>
        <translation>La copia diaria verificada más reciente de %1 es del %2.</translation>
    </message>
    <message>
        <source>A newer one does not verify: %1</source>
        <translation>Una más reciente no se verifica: %1</translation>
    </message>
    <message>
        <source>Delete the backup that does not verify and run `loyaltytill-admin backup`; check the disk if it happens again.</source>
        <translation>Borre la copia que no se verifica y ejecute `loyaltytill-admin backup`; revise el disco si vuelve a ocurrir.</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <source>Set the date and time, best from the network: `timedatectl set-ntp true`.</source>
        <translation>Ajuste la fecha y la hora, mejor desde la red: `timedatectl set-ntp true`.</translation>
    </message>
    <message>
        <source>The clock reads %1, before this program was built (%2).</source>
        <translation>El reloj marca %1, antes de que se compilara este programa (%2).</translation>
    </message>
    <message>
        <source>The clock reads %1, before the store&apos;s newest entry (%2).</source>
        <translation>El reloj marca %1, antes del apunte más reciente de la tienda (%2).</translation>
    </message>
    <message>
        <source>The clock reads %1, more than %2 years after this program was built (%3).</source>
        <translation>El reloj marca %1, más de %2 años después de que se compilara este programa (%3).</translation>
    </message>
    <message>
        <source>The clock reads %1.</source>
        <translation>El reloj marca %1.</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>No problems in the configuration files of %1.</source>
        <translation>Ningún problema en los archivos de configuración de %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the configuration files of %1; each setting concerned keeps the value of the layer below.</source>
        <translation>
            <numerusform>%n problema en los archivos de configuración de %1; cada ajuste afectado conserva el valor de la capa inferior.</numerusform>
            <numerusform>%n problemas en los archivos de configuración de %1; cada ajuste afectado conserva el valor de la capa inferior.</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct each line named; `loyaltytill-admin config --show-origin` shows the values in force.</source>
        <translation>Corrija cada línea indicada; `loyaltytill-admin config --show-origin` muestra los valores vigentes.</translation>
    </message>
    <message>
        <source>Scanner port</source>
        <translation>Puerto del escáner</translation>
    </message>
    <message>
        <source>No serial port is set: the scanner types like a keyboard.</source>
        <translation>No hay puerto serie configurado: el escáner escribe como un teclado.</translation>
    </message>
    <message>
        <source>%1 (scanner.serial_port) does not exist.</source>
        <translation>%1 (scanner.serial_port) no existe.</translation>
    </message>
    <message>
        <source>Plug the scanner in, or set scanner.serial_port to its device (`ls /dev/serial/by-id/` lists them), or empty for a scanner that types like a keyboard.</source>
        <translation>Conecte el escáner, o ponga en scanner.serial_port su dispositivo (`ls /dev/serial/by-id/` los lista), o déjelo vacío para un escáner que escribe como un teclado.</translation>
    </message>
    <message>
        <source>This user (%1) may not read and write %2.</source>
        <translation>Este usuario (%1) no puede leer y escribir %2.</translation>
    </message>
    <message>
        <source>Add the till&apos;s user to the dialout group: `sudo adduser %1 dialout`, then log in again.</source>
        <translation>Añada el usuario de la caja al grupo dialout: `sudo adduser %1 dialout`, y vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>%1 exists, and this user may read and write it.</source>
        <translation>%1 existe y este usuario puede leerlo y escribirlo.</translation>
    </message>
    <message>
        <source>%1 is set; the port is opened when the till starts.</source>
        <translation>%1 está configurado; el puerto se abre cuando arranca la caja.</translation>
    </message>
</context>
<context>
    <name>TillSettings</name>
    <message>
        <source>There is no till setting called &apos;%1&apos;.</source>
        <translation>No existe ningún ajuste de caja llamado «%1».</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is locked by IT at %2; it stays %3.</source>
        <translation>«%1» está bloqueado por TI en %2; sigue siendo %3.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>No se puede escribir el archivo de ajustes %1.</translation>
    </message>
</context>
<context>
    <name>WalletCredentials</name>
    <message>
        <source>This till keeps the store&apos;s wallet keys in encrypted systemd credentials (square.token_store = systemd-credential), which only the till&apos;s service (loyaltytill-kiosk.service) opens when it starts.</source>
        <translation>Esta caja guarda las claves de Wallet de la tienda en credenciales cifradas de systemd (square.token_store = systemd-credential), que solo abre el servicio de la caja (loyaltytill-kiosk.service) al iniciarse.</translation>
    </message>
    <message>
        <source>Only root sees the sealed wallet keys in %1: run the command again as root (sudo).</source>
        <translation>Solo root ve las claves de Wallet selladas en %1: vuelva a ejecutar la orden como root (sudo).</translation>
    </message>
</context>
<context>
    <name>WalletKeyImport</name>
    <message>
        <source>The file is not a PKCS#12 (.p12) export.</source>
        <translation>El archivo no es una exportación PKCS#12 (.p12).</translation>
    </message>
    <message>
        <source>The PKCS#12 file&apos;s password is wrong: write the password it was exported with on standard input.</source>
        <translation>La contraseña del archivo PKCS#12 es incorrecta: escriba en la entrada estándar la contraseña con la que se exportó.</translation>
    </message>
    <message>
        <source>The PKCS#12 file holds no certificate with its private key, or its encryption is not one this program reads.</source>
        <translation>El archivo PKCS#12 no contiene un certificado con su clave privada, o su cifrado no es uno que este programa sepa leer.</translation>
    </message>
    <message>
        <source>The certificate and key could not be written as PEM: %1</source>
        <translation>No se pudieron escribir el certificado y la clave en PEM: %1</translation>
    </message>
    <message>
        <source>--%1: the file is not a certificate in PEM or DER.</source>
        <translation>--%1: el archivo no es un certificado en PEM ni en DER.</translation>
    </message>
    <message>
        <source>--%1: the key is encrypted and the password on standard input does not open it.</source>
        <translation>--%1: la clave está cifrada y la contraseña de la entrada estándar no la abre.</translation>
    </message>
    <message>
        <source>--%1: the file is not a private key in PEM or DER.</source>
        <translation>--%1: el archivo no es una clave privada en PEM ni en DER.</translation>
    </message>
    <message>
        <source>The private key could not be written as PEM: %1</source>
        <translation>No se pudo escribir la clave privada en PEM: %1</translation>
    </message>
</context>
<context>
    <name>WalletKeyStore</name>
    <message>
        <source>The keychain refused: %1</source>
        <translation>El llavero del sistema lo rechazó: %1</translation>
    </message>
</context>
<context>
    <name>WalletPassService</name>
    <message>
        <source>Member %1&apos;s personal data was erased: there is no card to add to a wallet.</source>
        <translation>Se borraron los datos personales del socio %1: no hay ninguna tarjeta que añadir a una Wallet.</translation>
    </message>
    <message>
        <source>Member %1 has no card yet: issue one before adding it to a wallet.</source>
        <translation>El socio %1 aún no tiene tarjeta: emita una antes de añadirla a una Wallet.</translation>
    </message>
</context>
<context>
    <name>WalletReadiness</name>
    <message>
        <source>Apple Wallet is off: the store has no pass type identifier (wallet.apple.pass_type_id).</source>
        <translation>Apple Wallet está desactivado: la tienda no tiene identificador de tipo de pase (wallet.apple.pass_type_id).</translation>
    </message>
    <message>
        <source>the pass certificate</source>
        <translation>el certificado de pases</translation>
    </message>
    <message>
        <source>its private key</source>
        <translation>su clave privada</translation>
    </message>
    <message>
        <source>Apple&apos;s WWDR certificate</source>
        <translation>el certificado WWDR de Apple</translation>
    </message>
    <message>
        <source>store them with `loyaltytill-admin wallet keys --apple-certificate FILE [--apple-key FILE] --apple-wwdr FILE`.</source>
        <translation>se guardan con `loyaltytill-admin wallet keys --apple-certificate FILE [--apple-key FILE] --apple-wwdr FILE`.</translation>
    </message>
    <message>
        <source>This till&apos;s keychain has no Apple Wallet keys: %1</source>
        <translation>El llavero de esta caja no tiene claves de Apple Wallet: %1</translation>
    </message>
    <message>
        <source>This till&apos;s keychain lacks %1 for Apple Wallet: %2</source>
        <translation>El llavero de esta caja no tiene %1 para Apple Wallet: %2</translation>
    </message>
    <message>
        <source>The Apple pass certificate in the keychain is for %1, not for the store&apos;s pass type %2 (wallet.apple.pass_type_id).</source>
        <translation>El certificado de pases de Apple del llavero es para %1, no para el tipo de pase de la tienda, %2 (wallet.apple.pass_type_id).</translation>
    </message>
    <message>
        <source>The Apple pass certificate belongs to team %1, not to the store&apos;s team %2 (wallet.apple.team_id).</source>
        <translation>El certificado de pases de Apple pertenece al equipo %1, no al equipo de la tienda, %2 (wallet.apple.team_id).</translation>
    </message>
    <message>
        <source>Apple Wallet needs the developer team&apos;s identifier: the certificate does not name it, so set wallet.apple.team_id.</source>
        <translation>Apple Wallet necesita el identificador del equipo de desarrollo: el certificado no lo indica, así que configure wallet.apple.team_id.</translation>
    </message>
    <message>
        <source>Google Wallet is off: the store has no Google Wallet issuer id (wallet.google.issuer_id).</source>
        <translation>Google Wallet está desactivado: la tienda no tiene ID de emisor de Google Wallet (wallet.google.issuer_id).</translation>
    </message>
    <message>
        <source>This till&apos;s keychain has no Google service account key: store it with `loyaltytill-admin wallet keys --google-service-account FILE`.</source>
        <translation>El llavero de esta caja no tiene la clave de la cuenta de servicio de Google: guárdela con `loyaltytill-admin wallet keys --google-service-account FILE`.</translation>
    </message>
    <message>
        <source>Apple Wallet</source>
        <translation>Apple Wallet</translation>
    </message>
    <message>
        <source>Google Wallet</source>
        <translation>Google Wallet</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>No se pudo leer el llavero: %1</translation>
    </message>
    <message>
        <source>Links for class %1, signed by %2.</source>
        <translation>Enlaces de la clase %1, firmados por %2.</translation>
    </message>
    <message>
        <source>Passes of type %1 for team %2; the certificate is valid until %3.</source>
        <translation>Pases de tipo %1 del equipo %2; el certificado es válido hasta el %3.</translation>
    </message>
</context>
<context>
    <name>ZipArchiveWriter</name>
    <message>
        <source>The archive could not be started: %1</source>
        <translation>No se pudo crear el archivo comprimido: %1</translation>
    </message>
    <message>
        <source>%1 could not be added to the archive: %2</source>
        <translation>No se pudo añadir %1 al archivo comprimido: %2</translation>
    </message>
    <message>
        <source>The archive could not be written: %1</source>
        <translation>No se pudo escribir el archivo comprimido: %1</translation>
    </message>
</context>
<context>
    <name>lt::CardNumberAllocator</name>
    <message>
        <source>A batch holds 1 to %1 cards, not %2.</source>
        <translation>Un lote tiene de 1 a %1 tarjetas, no %2.</translation>
    </message>
    <message>
        <source>Only %1 card numbers are left; a batch of %2 does not fit.</source>
        <translation>Solo quedan %1 números de tarjeta; no cabe un lote de %2.</translation>
    </message>
    <message>
        <source>No cards were planned.</source>
        <translation>No se preparó ninguna tarjeta.</translation>
    </message>
    <message>
        <source>A card number was planned twice.</source>
        <translation>Un número de tarjeta se preparó dos veces.</translation>
    </message>
    <message>
        <source>Member %1 left the program while the cards were drawn; no card was given. Run the command again.</source>
        <translation>El socio %1 dejó el programa mientras se dibujaban las tarjetas; no se asignó ninguna tarjeta. Vuelva a ejecutar la orden.</translation>
    </message>
    <message>
        <source>Member %1 was given the card %2 while the cards were drawn; no card was given. Run the command again.</source>
        <translation>Al socio %1 se le asignó la tarjeta %2 mientras se dibujaban las tarjetas; no se asignó ninguna tarjeta. Vuelva a ejecutar la orden.</translation>
    </message>
    <message>
        <source>Card serials run from 1 to %1.</source>
        <translation>Los números de serie de las tarjetas van de 1 a %1.</translation>
    </message>
    <message>
        <source>Card numbers from %1 on were given out or reserved at another till while the cards were drawn; nothing was changed. Run the command again.</source>
        <translation>Los números de tarjeta desde %1 en adelante se asignaron o reservaron en otra caja mientras se dibujaban las tarjetas; no se cambió nada. Vuelva a ejecutar la orden.</translation>
    </message>
</context>
<context>
    <name>lt::MarketingConsent</name>
    <message>
        <source>There is no member %1.</source>
        <translation>No existe el socio %1.</translation>
    </message>
    <message>
        <source>Member %1 has left the program; their data was erased.</source>
        <translation>El socio %1 se dio de baja del programa; sus datos se borraron.</translation>
    </message>
</context>
<context>
    <name>lt::MemberErasure</name>
    <message>
        <source>Name the manager who answers for the erasure: --manager NAME.</source>
        <translation>Indique el gerente que responde del borrado: --manager NAME.</translation>
    </message>
    <message>
        <source>%1 is a cashier; a manager answers for an erasure.</source>
        <translation>%1 es cajero; de un borrado responde un gerente.</translation>
    </message>
    <message>
        <source>No active manager is named %1 (see `staff list`).</source>
        <translation>No hay ningún gerente activo llamado %1 (vea `staff list`).</translation>
    </message>
    <message>
        <source>There is no member %1.</source>
        <translation>No existe el socio %1.</translation>
    </message>
    <message>
        <source>Member %1&apos;s personal data was erased already; nothing was changed.</source>
        <translation>Los datos personales del socio %1 ya estaban borrados; no se cambió nada.</translation>
    </message>
    <message>
        <source>Not sent: the member&apos;s personal data was erased before Square heard of them. If their enrollment was under way, Square may hold an account for the number; remove it in Square Dashboard if the member asks.</source>
        <translation>No se envía: los datos personales del socio se borraron antes de que Square lo conociera. Si su inscripción estaba en curso, Square puede tener una cuenta para ese número; elimínela en el Square Dashboard si el socio lo pide.</translation>
    </message>
</context>
<context>
    <name>lt::SyncScheduler</name>
    <message>
        <source>No network</source>
        <translation>Sin red</translation>
    </message>
</context>
<context>
    <name>lt::ui::AdjustmentDialog</name>
    <message>
        <source>Adjust points</source>
        <translation>Ajustar puntos</translation>
    </message>
    <message>
        <source>Points adjustment</source>
        <translation>Ajuste de puntos</translation>
    </message>
    <message>
        <source>%1 has %2 %3.</source>
        <translation>%1 tiene %2 %3.</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>El socio</translation>
    </message>
    <message>
        <source>Points to add or remove</source>
        <translation>Puntos que sumar o restar</translation>
    </message>
    <message>
        <source>50 adds, -20 removes</source>
        <translation>50 suma, -20 resta</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>required, kept in the audit log</source>
        <translation>obligatorio, queda en el registro de auditoría</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>&amp;Puntos</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN approves the adjustment next; until then the balance stays as it is.</source>
        <translation>Después, un gerente lo aprueba con su PIN; hasta entonces el saldo no cambia.</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Ajustar</translation>
    </message>
</context>
<context>
    <name>lt::ui::BarcodeSymbol</name>
    <message>
        <source>An EAN-13 barcode takes 12 or 13 digits, not “%1”.</source>
        <translation>Un código de barras EAN-13 lleva 12 o 13 dígitos, no «%1».</translation>
    </message>
    <message>
        <source>The last digit of %1 is not its check digit (%2 would be).</source>
        <translation>El último dígito de %1 no es su dígito verificador (lo sería %2).</translation>
    </message>
    <message>
        <source>A barcode needs something to encode.</source>
        <translation>Un código de barras necesita algo que codificar.</translation>
    </message>
    <message>
        <source>The barcode library is out of memory.</source>
        <translation>La biblioteca de códigos de barras se quedó sin memoria.</translation>
    </message>
    <message>
        <source>The barcode could not be drawn: %1</source>
        <translation>No se pudo dibujar el código de barras: %1</translation>
    </message>
    <message>
        <source>This cannot be encoded as a barcode: %1</source>
        <translation>Esto no se puede codificar como código de barras: %1</translation>
    </message>
</context>
<context>
    <name>lt::ui::CardPrinter</name>
    <message>
        <source>the system&apos;s default printer</source>
        <translation>la impresora predeterminada del sistema</translation>
    </message>
    <message>
        <source>The card could not be printed on %1 (%2). Check the printer in the system&apos;s printer settings, or the card printer in Settings ▸ Printing and wallet.</source>
        <translation>No se pudo imprimir la tarjeta en %1 (%2). Revise la impresora en la configuración de impresoras del sistema, o la impresora de tarjetas en Configuración ▸ Impresión y Wallet.</translation>
    </message>
    <message>
        <source>%1 is a receipt printer; a card is printed by a printer the system knows (cups:QUEUE) or into a PDF file (pdf:FILE).</source>
        <translation>%1 es una impresora de recibos; una tarjeta se imprime en una impresora que el sistema conozca (cups:QUEUE) o en un archivo PDF (pdf:FILE).</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>la carpeta %1 no existe</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Tarjeta de socio</translation>
    </message>
    <message>
        <source>it cannot be written</source>
        <translation>no se puede escribir</translation>
    </message>
    <message>
        <source>the system has no default printer</source>
        <translation>el sistema no tiene impresora predeterminada</translation>
    </message>
    <message>
        <source>the system has no printer of that name</source>
        <translation>el sistema no tiene ninguna impresora con ese nombre</translation>
    </message>
    <message>
        <source>it refused the job</source>
        <translation>rechazó el trabajo</translation>
    </message>
</context>
<context>
    <name>lt::ui::CardSheetWriter</name>
    <message>
        <source>The paper is a4 or letter, not “%1”.</source>
        <translation>El papel es a4 o letter, no «%1».</translation>
    </message>
    <message>
        <source>There are no cards to print.</source>
        <translation>No hay tarjetas que imprimir.</translation>
    </message>
    <message>
        <source>Cannot write %1 (%2).</source>
        <translation>No se puede escribir %1 (%2).</translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation>Tarjetas de socio</translation>
    </message>
    <message>
        <source>Cannot start the PDF %1.</source>
        <translation>No se puede crear el PDF %1.</translation>
    </message>
    <message>
        <source>Cannot add a page to %1.</source>
        <translation>No se puede añadir una página a %1.</translation>
    </message>
    <message>
        <source>Cannot finish the PDF %1.</source>
        <translation>No se puede terminar el PDF %1.</translation>
    </message>
</context>
<context>
    <name>lt::ui::CohortHeatmap</name>
    <message>
        <source>No cohort yet.</source>
        <translation>Aún no hay cohortes.</translation>
    </message>
</context>
<context>
    <name>lt::ui::ConflictsDialog</name>
    <message>
        <source>Sync conflicts with Square</source>
        <translation>Conflictos de sincronización con Square</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Conflictos abiertos</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ocurrió</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Square&apos;s reason</source>
        <translation>Motivo de Square</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Both sides&apos; facts</source>
        <translation>Los datos de ambas partes</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Note for the audit log (optional)</source>
        <translation>Nota para el registro de auditoría (opcional)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No open conflicts: this store and Square agree.</source>
        <translation>No hay conflictos abiertos: esta tienda y Square coinciden.</translation>
    </message>
    <message>
        <source>Choose a conflict to see both sides.</source>
        <translation>Elija un conflicto para ver ambas partes.</translation>
    </message>
    <message>
        <source>Conflict %1 resolved: %2.</source>
        <translation>Conflicto %1 resuelto: %2.</translation>
    </message>
    <message>
        <source>(no member)</source>
        <translation>(sin socio)</translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation>Socio %1</translation>
    </message>
    <message>
        <source>%1 (member %2)</source>
        <translation>%1 (socio %2)</translation>
    </message>
    <message>
        <source>enrollment</source>
        <translation>inscripción</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>venta</translation>
    </message>
    <message>
        <source>redemption</source>
        <translation>canje</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>devolución</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>ajuste</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) in the operation Square did not take.</source>
        <translation>
            <numerusform>%n punto en la operación que Square no aceptó.</numerusform>
            <numerusform>%n puntos en la operación que Square no aceptó.</numerusform>
        </translation>
    </message>
    <message>
        <source>Square said:</source>
        <translation>Square respondió:</translation>
    </message>
    <message>
        <source>At this store</source>
        <translation>En esta tienda</translation>
    </message>
    <message>
        <source>At Square</source>
        <translation>En Square</translation>
    </message>
    <message>
        <source>Found %1.</source>
        <translation>Detectado el %1.</translation>
    </message>
    <message>
        <source>Erased member</source>
        <translation>Socio borrado</translation>
    </message>
</context>
<context>
    <name>lt::ui::ConsentDialog</name>
    <message>
        <source>&amp;Withdraw consent</source>
        <translation>&amp;Retirar el consentimiento</translation>
    </message>
    <message>
        <source>The customer &amp;agrees</source>
        <translation>El cliente &amp;acepta</translation>
    </message>
    <message>
        <source>Marketing consent of member %1</source>
        <translation>Consentimiento de marketing del socio %1</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>Consentimiento de marketing</translation>
    </message>
    <message>
        <source>Marketing consent text</source>
        <translation>Texto de consentimiento de marketing</translation>
    </message>
    <message>
        <source>The member agreed to marketing on %1.</source>
        <translation>El socio aceptó recibir marketing el %1.</translation>
    </message>
    <message>
        <source>The member said no to marketing on %1: no offers.</source>
        <translation>El socio dijo que no al marketing el %1: sin ofertas.</translation>
    </message>
    <message>
        <source>The member was never asked about marketing.</source>
        <translation>Nunca se preguntó al socio por el marketing.</translation>
    </message>
</context>
<context>
    <name>lt::ui::EnrollmentDialog</name>
    <message>
        <source>The customer agrees (&amp;A)</source>
        <translation>El cliente &amp;acepta</translation>
    </message>
    <message>
        <source>Give a &amp;new card number</source>
        <translation>Asignar un número de tarjeta nue&amp;vo</translation>
    </message>
    <message>
        <source>Enroll a customer</source>
        <translation>Inscribir a un cliente</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>Inscripción</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>required, any format</source>
        <translation>obligatorio, cualquier formato</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>Correo &amp;electrónico</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>&amp;Fecha de nacimiento</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, optional</source>
        <translation>AAAA-MM-DD, opcional</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>Ta&amp;rjeta</translation>
    </message>
    <message>
        <source>scan a blank card, optional</source>
        <translation>escanee una tarjeta sin asignar, opcional</translation>
    </message>
    <message>
        <source>Marketing consent text</source>
        <translation>Texto de consentimiento de marketing</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Inscribir</translation>
    </message>
    <message>
        <source>&amp;Referred by</source>
        <translation>Recomendado &amp;por</translation>
    </message>
    <message>
        <source>their card, phone or member number, optional</source>
        <translation>su tarjeta, teléfono o número de socio, opcional</translation>
    </message>
</context>
<context>
    <name>lt::ui::EscPosStreamTransport</name>
    <message>
        <source>it took no more data for %1 s</source>
        <translation>no aceptó más datos durante %1 s</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>sin respuesta en %1 s</translation>
    </message>
</context>
<context>
    <name>lt::ui::FirstManagerForm</name>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Nombre del gerente</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Repetir PIN</translation>
    </message>
    <message>
        <source>Welcome to LoyaltyTill. Create the store&apos;s first manager.</source>
        <translation>Bienvenido a LoyaltyTill. Cree el primer gerente de la tienda.</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>Crear gerente</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;PIN (4-8 digits)</source>
        <translation>&amp;PIN (4 a 8 dígitos)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>&amp;Repetir PIN</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Los dos PIN no coinciden.</translation>
    </message>
    <message>
        <source>Manager %1 created with staff number %2.</source>
        <translation>Se creó el gerente %1 con el número de empleado %2.</translation>
    </message>
</context>
<context>
    <name>lt::ui::FirstStartWizard</name>
    <message>
        <source>&amp;Start selling</source>
        <translation>&amp;Empezar a vender</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Square</translation>
    </message>
    <message>
        <source>Connected to location %1.</source>
        <translation>Conectada a la ubicación %1.</translation>
    </message>
    <message>
        <source>The till is ready. What needs attention can wait; sign in to start.</source>
        <translation>La caja está lista. Lo que requiere atención puede esperar; inicie sesión para empezar.</translation>
    </message>
    <message>
        <source>The till works, but some things are not ready: each says what to do. Sign in to start, and give the list to IT.</source>
        <translation>La caja funciona, pero algunas cosas no están listas: cada una dice qué hacer. Inicie sesión para empezar y pase la lista a informática.</translation>
    </message>
</context>
<context>
    <name>lt::ui::HelpOverlay</name>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;look up what was typed or scanned&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;sale: award points&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;redeem a reward&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;refund a sale&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;enroll a customer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F6&lt;/b&gt;&lt;/td&gt;&lt;td&gt;void the last sale (a manager once the customer has left)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F7&lt;/b&gt;&lt;/td&gt;&lt;td&gt;adjust points (a manager approves)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;conflicts with Square (a manager)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F9&lt;/b&gt;&lt;/td&gt;&lt;td&gt;sync with Square now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F10&lt;/b&gt;&lt;/td&gt;&lt;td&gt;reports (a manager)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;apply the member&apos;s offer shown on the panel&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;print the slip (again)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+W&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the member&apos;s card in the phone&apos;s wallet&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;print the member&apos;s card&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+M&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the member&apos;s marketing consent (W withdraws it)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next customer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F12&lt;/b&gt;&lt;/td&gt;&lt;td&gt;lock the till&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;this help&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Press any key to go back.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;buscar lo escrito o escaneado&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;venta: otorgar puntos&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;canjear una recompensa&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;devolver una venta&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;inscribir a un cliente&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F6&lt;/b&gt;&lt;/td&gt;&lt;td&gt;anular la última venta (con un gerente si el cliente ya se fue)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F7&lt;/b&gt;&lt;/td&gt;&lt;td&gt;ajustar puntos (lo aprueba un gerente)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;conflictos con Square (un gerente)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F9&lt;/b&gt;&lt;/td&gt;&lt;td&gt;sincronizar con Square ahora&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F10&lt;/b&gt;&lt;/td&gt;&lt;td&gt;informes (un gerente)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;aplicar la oferta del socio que muestra el panel&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;imprimir el comprobante (de nuevo)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+W&lt;/b&gt;&lt;/td&gt;&lt;td&gt;la tarjeta del socio en la Wallet del teléfono&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;imprimir la tarjeta del socio&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+M&lt;/b&gt;&lt;/td&gt;&lt;td&gt;el consentimiento de marketing del socio (R lo retira)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;siguiente cliente&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F12&lt;/b&gt;&lt;/td&gt;&lt;td&gt;bloquear la caja&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;esta ayuda&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Pulse cualquier tecla para volver.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>lt::ui::KioskMode</name>
    <message>
        <source>Closing the till is for managers.</source>
        <translation>Cerrar la caja es cosa de los encargados.</translation>
    </message>
</context>
<context>
    <name>lt::ui::KpiCard</name>
    <message>
        <source>Enter: the members behind this figure ›</source>
        <translation>Intro: los socios detrás de esta cifra ›</translation>
    </message>
    <message>
        <source>Press Enter to open the list of the members behind this figure.</source>
        <translation>Pulse Intro para abrir la lista de los socios detrás de esta cifra.</translation>
    </message>
</context>
<context>
    <name>lt::ui::LookupField</name>
    <message>
        <source>Scan a card or type a phone number or name, then Enter</source>
        <translation>Escanee una tarjeta o escriba un teléfono o un nombre y presione Enter</translation>
    </message>
    <message>
        <source>Member lookup</source>
        <translation>Búsqueda de socio</translation>
    </message>
</context>
<context>
    <name>lt::ui::ManagerApprovalDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Aprobación del gerente</translation>
    </message>
</context>
<context>
    <name>lt::ui::MemberListDialog</name>
    <message>
        <source>&amp;More members</source>
        <translation>&amp;Más socios</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Net sales in the period</source>
        <translation>Ventas netas del período</translation>
    </message>
    <message>
        <source>Sales in the period</source>
        <translation>Ventas del período</translation>
    </message>
    <message>
        <source>Latest sale</source>
        <translation>Última venta</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>Saldo de puntos</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>Número de socio</translation>
    </message>
    <message>
        <source>&amp;Order by:</source>
        <translation>&amp;Ordenar por:</translation>
    </message>
    <message>
        <source>Enter opens the member of the row; Esc closes the list.</source>
        <translation>Intro abre el socio de la fila; Esc cierra la lista.</translation>
    </message>
    <message>
        <source>Reading the members …</source>
        <translation>Leyendo los socios…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln socio</numerusform>
            <numerusform>%Ln socios</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing %1 of %2; scroll down or press More for the next ones.</source>
        <translation>Se muestran %1 de %2; desplácese hacia abajo o pulse Más para ver los siguientes.</translation>
    </message>
</context>
<context>
    <name>lt::ui::MemberListModel</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>Ventas netas</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>Última venta</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
</context>
<context>
    <name>lt::ui::MemberPanel</name>
    <message>
        <source>Member name</source>
        <translation>Nombre del socio</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>Saldo de puntos</translation>
    </message>
    <message>
        <source>Progress to the next reward</source>
        <translation>Progreso hacia la próxima recompensa</translation>
    </message>
    <message>
        <source>Rewards available now</source>
        <translation>Recompensas disponibles ahora</translation>
    </message>
    <message>
        <source>Recent history</source>
        <translation>Historial reciente</translation>
    </message>
    <message>
        <source>No member</source>
        <translation>Sin socio</translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation>Socio %1</translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation>Nivel: %1</translation>
    </message>
    <message>
        <source>Card …%1</source>
        <translation>Tarjeta …%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 of these not yet confirmed by Square</source>
        <translation>%1 de ellos aún sin confirmar por Square</translation>
    </message>
    <message>
        <source>%1 more for %2</source>
        <translation>Faltan %1 para %2</translation>
    </message>
    <message>
        <source>No reward available yet</source>
        <translation>Aún no hay recompensas disponibles</translation>
    </message>
    <message>
        <source>Available now: %1</source>
        <translation>Disponible ahora: %1</translation>
    </message>
    <message>
        <source>(not yet synced)</source>
        <translation>(aún sin sincronizar)</translation>
    </message>
    <message>
        <source>Progress to the next tier</source>
        <translation>Progreso hacia el siguiente nivel</translation>
    </message>
    <message>
        <source>Open offer</source>
        <translation>Oferta abierta</translation>
    </message>
    <message>
        <source>Points about to expire</source>
        <translation>Puntos a punto de vencer</translation>
    </message>
    <message>
        <source>spend %1 more to reach %2</source>
        <translation>gaste %1 más para llegar a %2</translation>
    </message>
    <message>
        <source>%1 %2 to %3</source>
        <translation>faltan %1 %2 para %3</translation>
    </message>
    <message>
        <source>Welcome back: %1x points on the next sale until %2</source>
        <translation>Bienvenido de nuevo: puntos x%1 en la próxima venta hasta el %2</translation>
    </message>
    <message>
        <source>%1 %2 expires on %3</source>
        <translation>%1 %2 vence el %3</translation>
    </message>
    <message>
        <source>%1 %2 expire on %3</source>
        <translation>%1 %2 vencen el %3</translation>
    </message>
    <message>
        <source>Upgraded to %1: %2</source>
        <translation>Subió al nivel %1: %2</translation>
    </message>
    <message>
        <source>Lowered to %1: %2</source>
        <translation>Bajó al nivel %1: %2</translation>
    </message>
    <message>
        <source>Segment and suggested action</source>
        <translation>Segmento y acción sugerida</translation>
    </message>
    <message>
        <source>Targeted offer</source>
        <translation>Oferta dirigida</translation>
    </message>
    <message>
        <source>%1 — suggest: %2</source>
        <translation>%1 — sugerencia: %2</translation>
    </message>
    <message>
        <source>Offer: %1 until %2 — applies by itself on the next sale</source>
        <translation>Oferta: %1 hasta el %2 — se aplica sola en la próxima venta</translation>
    </message>
    <message>
        <source>Offer: %1 until %2 — F11 to apply</source>
        <translation>Oferta: %1 hasta el %2 — F11 para aplicarla</translation>
    </message>
    <message>
        <source>Erased member</source>
        <translation>Socio borrado</translation>
    </message>
    <message>
        <source>left the program: no points are earned or redeemed</source>
        <translation>se dio de baja: no gana ni canjea puntos</translation>
    </message>
    <message>
        <source>no marketing</source>
        <translation>sin marketing</translation>
    </message>
</context>
<context>
    <name>lt::ui::MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>lt::ui::PinForm</name>
    <message>
        <source>Staff number</source>
        <translation>Número de empleado</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Staff &amp;number</source>
        <translation>&amp;Número de empleado</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
</context>
<context>
    <name>lt::ui::PointsActions</name>
    <message>
        <source>Sale %1 was already recorded: nothing added. Balance %2.</source>
        <translation>La venta %1 ya estaba registrada: no se sumó nada. Saldo: %2.</translation>
    </message>
    <message>
        <source>+%1 %2 for sale %3. New balance: %4.</source>
        <translation>+%1 %2 por la venta %3. Nuevo saldo: %4.</translation>
    </message>
    <message>
        <source>A manager approves this reward.</source>
        <translation>Un gerente debe aprobar esta recompensa.</translation>
    </message>
    <message>
        <source>Apply %1% off at the register (at most %2). New balance: %3.</source>
        <translation>Aplique un descuento del %1% en caja (máximo %2). Nuevo saldo: %3.</translation>
    </message>
    <message>
        <source>Apply %1 off at the register. New balance: %2.</source>
        <translation>Aplique un descuento de %1 en caja. Nuevo saldo: %2.</translation>
    </message>
    <message>
        <source>Refund of sale %1 recorded: %2 %3. Member %4 now has %5.</source>
        <translation>Devolución de la venta %1 registrada: %2 %3. El socio %4 ahora tiene %5.</translation>
    </message>
    <message>
        <source>Void a sale</source>
        <translation>Anular una venta</translation>
    </message>
    <message>
        <source>Receipt number of the sale to void:</source>
        <translation>Número de recibo de la venta a anular:</translation>
    </message>
    <message>
        <source>A manager approves voiding sale %1.</source>
        <translation>Un gerente debe aprobar la anulación de la venta %1.</translation>
    </message>
    <message>
        <source>Not voided: no manager approved.</source>
        <translation>No se anuló: ningún gerente lo aprobó.</translation>
    </message>
    <message>
        <source>Voided at the till by %1</source>
        <translation>Anulada en caja por %1</translation>
    </message>
    <message>
        <source>Sale %1 voided: %2 %3. Balance %4.</source>
        <translation>Venta %1 anulada: %2 %3. Saldo: %4.</translation>
    </message>
    <message>
        <source>A manager approves %1 points: %2</source>
        <translation>Un gerente debe aprobar %1 puntos: %2</translation>
    </message>
    <message>
        <source>Adjustment %1 waits for a manager&apos;s approval.</source>
        <translation>El ajuste %1 espera la aprobación de un gerente.</translation>
    </message>
    <message>
        <source>Adjusted by %1 points, approved by %2. Balance %3.</source>
        <translation>Ajuste de %1 puntos, aprobado por %2. Saldo: %3.</translation>
    </message>
    <message>
        <source>Upgraded to %1!</source>
        <translation>¡Subió al nivel %1!</translation>
    </message>
    <message>
        <source>%1: +%2</source>
        <translation>%1: +%2</translation>
    </message>
    <message>
        <source>Included: %1.</source>
        <translation>Incluye: %1.</translation>
    </message>
    <message>
        <source>%1: +%2 for this member.</source>
        <translation>%1: +%2 para este socio.</translation>
    </message>
    <message>
        <source>%1: +%2 for member %3.</source>
        <translation>%1: +%2 para el socio %3.</translation>
    </message>
    <message>
        <source>Member %1 has left the program and their personal data was erased: no points are earned or redeemed. Enroll the customer again if they want to rejoin.</source>
        <translation>El socio %1 se dio de baja del programa y sus datos personales se borraron: no gana ni canjea puntos. Vuelva a inscribir al cliente si quiere volver a unirse.</translation>
    </message>
</context>
<context>
    <name>lt::ui::PrintingSettingsDialog</name>
    <message>
        <source>Printing and wallet</source>
        <translation>Impresión y Wallet</translation>
    </message>
    <message>
        <source>Printing and wallet settings</source>
        <translation>Configuración de impresión y Wallet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Every till of the store&lt;/b&gt;</source>
        <translation>&lt;b&gt;Todas las cajas de la tienda&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Loyalty &amp;slips</source>
        <translation>Co&amp;mprobantes de fidelidad</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>No se imprimen</translation>
    </message>
    <message>
        <source>After every sale, redemption and refund</source>
        <translation>Después de cada venta, canje y devolución</translation>
    </message>
    <message>
        <source>When the cashier presses Ctrl+P</source>
        <translation>Cuando el cajero pulsa Ctrl+P</translation>
    </message>
    <message>
        <source>Slip &amp;footer</source>
        <translation>&amp;Pie del comprobante</translation>
    </message>
    <message>
        <source>such as the store&apos;s web site</source>
        <translation>por ejemplo, el sitio web de la tienda</translation>
    </message>
    <message>
        <source>&lt;b&gt;This till&lt;/b&gt;</source>
        <translation>&lt;b&gt;Esta caja&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Slip &amp;printer</source>
        <translation>&amp;Impresora de comprobantes</translation>
    </message>
    <message>
        <source>tcp://192.168.1.50:9100, usb:/dev/usb/lp0, cups:QUEUE</source>
        <translation>tcp://192.168.1.50:9100, usb:/dev/usb/lp0, cups:QUEUE</translation>
    </message>
    <message>
        <source>P&amp;aper</source>
        <translation>P&amp;apel</translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <source>&amp;Code page</source>
        <translation>Página de &amp;códigos</translation>
    </message>
    <message>
        <source>PC858 (Western Europe with €)</source>
        <translation>PC858 (Europa occidental con €)</translation>
    </message>
    <message>
        <source>PC850 (Western Europe)</source>
        <translation>PC850 (Europa occidental)</translation>
    </message>
    <message>
        <source>PC437 (USA)</source>
        <translation>PC437 (EE. UU.)</translation>
    </message>
    <message>
        <source>Windows-1252</source>
        <translation>Windows-1252</translation>
    </message>
    <message>
        <source>None: print text as images</source>
        <translation>Ninguna: imprimir el texto como imágenes</translation>
    </message>
    <message>
        <source>Ca&amp;rd printer</source>
        <translation>Impresora de &amp;tarjetas</translation>
    </message>
    <message>
        <source>empty: the system&apos;s default printer</source>
        <translation>vacío: la impresora predeterminada del sistema</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wallet passes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Pases de Wallet&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Print a &amp;test slip</source>
        <translation>Imprimir un comprobante de p&amp;rueba</translation>
    </message>
    <message>
        <source>Locked in %1</source>
        <translation>Bloqueado en %1</translation>
    </message>
    <message>
        <source>%1 (set by IT)</source>
        <translation>%1 (fijado por TI)</translation>
    </message>
</context>
<context>
    <name>lt::ui::ReadinessView</name>
    <message>
        <source>Ready — %1: %2</source>
        <translation>Lista — %1: %2</translation>
    </message>
    <message>
        <source>Needs attention — %1: %2 %3</source>
        <translation>Requiere atención — %1: %2 %3</translation>
    </message>
    <message>
        <source>Not ready — %1: %2 %3</source>
        <translation>No está lista — %1: %2 %3</translation>
    </message>
</context>
<context>
    <name>lt::ui::RedeemDialog</name>
    <message>
        <source>Redeem a reward</source>
        <translation>Canjear una recompensa</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Recompensas</translation>
    </message>
    <message>
        <source>Points to use</source>
        <translation>Puntos a usar</translation>
    </message>
    <message>
        <source>%1 — choose %2 to %3 %4</source>
        <translation>%1 — elija de %2 a %3 %4</translation>
    </message>
    <message>
        <source>%1 — %2 %3</source>
        <translation>%1 — %2 %3</translation>
    </message>
    <message>
        <source>%1 has %2 %3.</source>
        <translation>%1 tiene %2 %3.</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>El socio</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Canjear</translation>
    </message>
    <message>
        <source>Take %1% off the sale (at most %2).</source>
        <translation>Descuente %1% de la venta (máximo %2).</translation>
    </message>
    <message>
        <source>Take %1 off the sale.</source>
        <translation>Descuente %1 de la venta.</translation>
    </message>
    <message>
        <source>Choose a reward.</source>
        <translation>Elija una recompensa.</translation>
    </message>
    <message>
        <source>A manager must approve a reward worth %1.</source>
        <translation>Un gerente debe aprobar una recompensa de %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>lt::ui::RefundDialog</name>
    <message>
        <source>Refund a sale</source>
        <translation>Devolución de una venta</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Número de recibo</translation>
    </message>
    <message>
        <source>Refunded amount</source>
        <translation>Monto devuelto</translation>
    </message>
    <message>
        <source>empty: the whole sale</source>
        <translation>vacío: toda la venta</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>&amp;Número de recibo</translation>
    </message>
    <message>
        <source>&amp;Amount refunded</source>
        <translation>&amp;Monto devuelto</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Devolver</translation>
    </message>
</context>
<context>
    <name>lt::ui::ReportCards</name>
    <message>
        <source>%1 on the period before · %2 on a year earlier</source>
        <translation>%1 respecto al periodo anterior · %2 respecto a un año antes</translation>
    </message>
    <message>
        <source>The whole store&apos;s figure: it does not split by till or staff member.</source>
        <translation>Cifra de toda la tienda: no se divide por caja ni por empleado.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>Todas las cajas</translation>
    </message>
    <message>
        <source>Till %1</source>
        <translation>Caja %1</translation>
    </message>
    <message>
        <source>all staff</source>
        <translation>todo el personal</translation>
    </message>
    <message>
        <source>staff %1</source>
        <translation>empleado %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>lt::ui::ReportCharts</name>
    <message>
        <source>Net sales</source>
        <translation>Ventas netas</translation>
    </message>
    <message>
        <source>Net sales by month (%1)</source>
        <translation>Ventas netas por mes (%1)</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Ganados</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Canjeados</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducados</translation>
    </message>
    <message>
        <source>Outstanding at the month&apos;s end</source>
        <translation>Pendientes a fin de mes</translation>
    </message>
    <message>
        <source>Points flow by month</source>
        <translation>Flujo de puntos por mes</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Socios</translation>
    </message>
    <message>
        <source>Members by tier</source>
        <translation>Socios por nivel</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>End of last month</source>
        <translation>Fin del mes pasado</translation>
    </message>
    <message>
        <source>Members by segment</source>
        <translation>Socios por segmento</translation>
    </message>
</context>
<context>
    <name>lt::ui::ReportPdf</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Reports of %1</source>
        <translation>Informes de %1</translation>
    </message>
    <message>
        <source>Cannot draw the PDF %1.</source>
        <translation>No se puede dibujar el PDF %1.</translation>
    </message>
    <message>
        <source>Cohort retention: members who bought k months after enrolling</source>
        <translation>Retención por cohorte: socios que compraron k meses después de inscribirse</translation>
    </message>
    <message>
        <source>the store</source>
        <translation>la tienda</translation>
    </message>
    <message>
        <source>From %1 to %2 · %3
Made %4 · page %5</source>
        <translation>Del %1 al %2 · %3
Hecho el %4 · página %5</translation>
    </message>
    <message>
        <source>Segments at the end of %1 (rows) and today (columns)</source>
        <translation>Segmentos a finales de %1 (filas) y hoy (columnas)</translation>
    </message>
    <message>
        <source>From \ to</source>
        <translation>De \ a</translation>
    </message>
    <message>
        <source>No sale yet</source>
        <translation>Aún sin ventas</translation>
    </message>
    <message>
        <source>%1: %2 members · %3: %4 members</source>
        <translation>%1: %2 socios · %3: %4 socios</translation>
    </message>
</context>
<context>
    <name>lt::ui::ReportsDialog</name>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>El mes pasado</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Periodo personalizado</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>del</translation>
    </message>
    <message>
        <source>to</source>
        <translation>al</translation>
    </message>
    <message>
        <source>Computing the figures from %1 to %2 …</source>
        <translation>Calculando las cifras del %1 al %2 …</translation>
    </message>
    <message numerus="yes">
        <source>From %1 to %2, read in %n ms.</source>
        <translation>
            <numerusform>Del %1 al %2, leído en %n ms.</numerusform>
            <numerusform>Del %1 al %2, leído en %n ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>Todas las cajas</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>Todo el personal</translation>
    </message>
    <message>
        <source>&amp;Till:</source>
        <translation>&amp;Caja:</translation>
    </message>
    <message>
        <source>St&amp;aff:</source>
        <translation>&amp;Personal:</translation>
    </message>
    <message>
        <source>&amp;Key figures</source>
        <translation>Cifras &amp;clave</translation>
    </message>
    <message>
        <source>T&amp;rends</source>
        <translation>&amp;Tendencias</translation>
    </message>
    <message>
        <source>Se&amp;gments</source>
        <translation>Se&amp;gmentos</translation>
    </message>
    <message>
        <source>C&amp;ohorts</source>
        <translation>C&amp;ohortes</translation>
    </message>
    <message>
        <source>Writes the period, the filter, every card and every chart to a PDF (Ctrl+P).</source>
        <translation>Escribe el período, el filtro, cada tarjeta y cada gráfico en un PDF (Ctrl+P).</translation>
    </message>
    <message>
        <source>reports-%1-%2.pdf</source>
        <translation>informes-%1-%2.pdf</translation>
    </message>
    <message>
        <source>Save the reports as PDF</source>
        <translation>Guardar los informes como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>No sale yet</source>
        <translation>Aún sin ventas</translation>
    </message>
    <message>
        <source>Members by their segment at the end of last month (rows) and today (columns).</source>
        <translation>Socios por su segmento a finales del mes pasado (filas) y hoy (columnas).</translation>
    </message>
    <message>
        <source>&amp;Movement since the end of last month (from → to):</source>
        <translation>&amp;Movimiento desde el fin del mes pasado (de → a):</translation>
    </message>
    <message numerus="yes">
        <source>Retention of the last %n cohorts: of the members who enrolled in a month, the share who bought in each month after.</source>
        <translation>
            <numerusform>Retención de la última cohorte (%n): de los socios que se inscribieron en un mes, la parte que compró en cada mes posterior.</numerusform>
            <numerusform>Retención de las últimas %n cohortes: de los socios que se inscribieron en un mes, la parte que compró en cada mes posterior.</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing the segments and cohorts…</source>
        <translation>Calculando los segmentos y las cohortes…</translation>
    </message>
    <message>
        <source>Sales of %1; members and points are the whole store&apos;s.</source>
        <translation>Ventas de %1; los socios y los puntos son los de toda la tienda.</translation>
    </message>
    <message>
        <source>Ready-made lists: %1 — %2 members (three or more purchases in six months, none in six weeks) · %3 — %4 members (a balance of 90 % or more of the next reward).</source>
        <translation>Listas preparadas: %1 — %2 socios (tres o más compras en seis meses, ninguna en seis semanas) · %3 — %4 socios (un saldo del 90 % o más de la próxima recompensa).</translation>
    </message>
    <message numerus="yes">
        <source>Today, %1, against the end of %2; computed in %n ms.</source>
        <translation>
            <numerusform>Hoy, %1, frente a finales de %2; calculado en %n ms.</numerusform>
            <numerusform>Hoy, %1, frente a finales de %2; calculado en %n ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cohorts enrolled from %1 to %2.</source>
        <translation>Cohortes inscritas del %1 al %2.</translation>
    </message>
    <message>
        <source>The figures are still being computed; save the PDF when they are shown.</source>
        <translation>Las cifras aún se están calculando; guarde el PDF cuando se muestren.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Guardado como %1.</translation>
    </message>
    <message>
        <source>Saved as %1, without the segments and cohorts, which were still being computed.</source>
        <translation>Guardado como %1, sin los segmentos ni las cohortes, que aún se estaban calculando.</translation>
    </message>
</context>
<context>
    <name>lt::ui::SaleDialog</name>
    <message>
        <source>Award points for a sale</source>
        <translation>Otorgar puntos por una venta</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Número de recibo</translation>
    </message>
    <message>
        <source>Sale total</source>
        <translation>Total de la venta</translation>
    </message>
    <message>
        <source>Points preview</source>
        <translation>Vista previa de puntos</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>&amp;Número de recibo</translation>
    </message>
    <message>
        <source>&amp;Total (%1)</source>
        <translation>&amp;Total (%1)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Award points</source>
        <translation>Otorgar puntos</translation>
    </message>
    <message>
        <source>+%1 %2</source>
        <translation>+%1 %2</translation>
    </message>
    <message>
        <source>Item and category lines</source>
        <translation>Líneas de artículos y categorías</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Add an item &amp;line</source>
        <translation>Agregar una &amp;línea de artículo</translation>
    </message>
    <message>
        <source>Line %1: the quantity must be a whole number of 1 or more.</source>
        <translation>Línea %1: la cantidad debe ser un número entero de 1 o más.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source>%1: +%2</source>
        <translation>%1: +%2</translation>
    </message>
</context>
<context>
    <name>lt::ui::SerialScanner</name>
    <message>
        <source>The scanner on %1 cannot be opened: %2</source>
        <translation>No se puede abrir el escáner en %1: %2</translation>
    </message>
</context>
<context>
    <name>lt::ui::SquareConnectForm</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
    <message>
        <source>Square environment</source>
        <translation>Entorno de Square</translation>
    </message>
    <message>
        <source>Square location ID</source>
        <translation>ID de ubicación de Square</translation>
    </message>
    <message>
        <source>Square access token</source>
        <translation>Token de acceso de Square</translation>
    </message>
    <message>
        <source>Connect the store to Square Loyalty. The access token is checked with Square, then kept in this computer&apos;s keychain, never in a file.</source>
        <translation>Conecte la tienda a Square Loyalty. El token de acceso se comprueba con Square y después se guarda en el llavero de este equipo, nunca en un archivo.</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Entorno</translation>
    </message>
    <message>
        <source>L&amp;ocation ID</source>
        <translation>&amp;Ubicación (ID)</translation>
    </message>
    <message>
        <source>Access &amp;token</source>
        <translation>&amp;Token de acceso</translation>
    </message>
    <message>
        <source>Asking Square…</source>
        <translation>Consultando a Square…</translation>
    </message>
</context>
<context>
    <name>lt::ui::SyncStatusLine</name>
    <message>
        <source>Square connection</source>
        <translation>Conexión con Square</translation>
    </message>
    <message>
        <source>Operations waiting to sync</source>
        <translation>Operaciones pendientes de sincronizar</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Square: not connected (working offline)</source>
        <translation>Square: no conectado (modo sin conexión)</translation>
    </message>
    <message>
        <source>Square: %1, not synced yet</source>
        <translation>Square: %1, aún sin sincronizar</translation>
    </message>
    <message>
        <source>Square: %1, last sync %2</source>
        <translation>Square: %1, última sincronización %2</translation>
    </message>
    <message>
        <source>%1 · syncing…</source>
        <translation>%1 · sincronizando…</translation>
    </message>
    <message>
        <source>%1 · offline — will retry</source>
        <translation>%1 · sin conexión — se reintentará</translation>
    </message>
    <message>
        <source>Square refused the token — a manager must reconnect</source>
        <translation>Square rechazó el token — un gerente debe volver a conectar</translation>
    </message>
    <message>
        <source>%1 · sync failed: %2</source>
        <translation>%1 · la sincronización falló: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) waiting to sync</source>
        <translation>
            <numerusform>%n operación pendiente de sincronizar</numerusform>
            <numerusform>%n operaciones pendientes de sincronizar</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync queue unreadable</source>
        <translation>No se puede leer la cola de sincronización</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflicto</numerusform>
            <numerusform>%n conflictos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lt::ui::TcpPrinterTransport</name>
    <message>
        <source>no computer is called %1.</source>
        <translation>ningún equipo se llama %1.</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>se rechazó la conexión</translation>
    </message>
</context>
<context>
    <name>lt::ui::TillPrinting</name>
    <message>
        <source>Printing the slip on %1…</source>
        <translation>Imprimiendo el comprobante en %1…</translation>
    </message>
    <message>
        <source>The slip could not be made: %1</source>
        <translation>No se pudo preparar el comprobante: %1</translation>
    </message>
    <message>
        <source>Ctrl+P prints the member&apos;s slip.</source>
        <translation>Ctrl+P imprime el comprobante del socio.</translation>
    </message>
    <message>
        <source>This store prints no slips (Settings ▸ Printing and wallet).</source>
        <translation>Esta tienda no imprime comprobantes (Configuración ▸ Impresión y Wallet).</translation>
    </message>
    <message>
        <source>There is no slip to print yet: slips follow a sale, a redemption or a refund.</source>
        <translation>Aún no hay ningún comprobante que imprimir: se imprimen tras una venta, un canje o una devolución.</translation>
    </message>
    <message>
        <source>Slip printed.</source>
        <translation>Comprobante impreso.</translation>
    </message>
    <message>
        <source>%1 Ctrl+P prints it again.</source>
        <translation>%1 Ctrl+P lo vuelve a imprimir.</translation>
    </message>
    <message>
        <source>The member has no card yet: give one at enrollment, or with loyaltytill-admin card.</source>
        <translation>El socio aún no tiene tarjeta: entréguele una al inscribirlo o con loyaltytill-admin card.</translation>
    </message>
    <message>
        <source>The member&apos;s card was sent to %1.</source>
        <translation>La tarjeta del socio se envió a %1.</translation>
    </message>
    <message>
        <source>Printing the member&apos;s card on %1…</source>
        <translation>Imprimiendo la tarjeta del socio en %1…</translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation>Socio %1</translation>
    </message>
    <message>
        <source>This store offers no wallet pass: Settings ▸ Printing and wallet says why.</source>
        <translation>Esta tienda no ofrece pases de Wallet: Configuración ▸ Impresión y Wallet explica por qué.</translation>
    </message>
    <message>
        <source>Printing and wallet settings are for managers.</source>
        <translation>La configuración de impresión y Wallet es para gerentes.</translation>
    </message>
    <message>
        <source>%1: ready. %2</source>
        <translation>%1: listo. %2</translation>
    </message>
    <message>
        <source>%1: not offered. %2</source>
        <translation>%1: no se ofrece. %2</translation>
    </message>
    <message>
        <source>IT stores the keys with loyaltytill-admin wallet keys; the README says what each wallet needs.</source>
        <translation>TI guarda las claves con loyaltytill-admin wallet keys; el README explica qué necesita cada Wallet.</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>PRUEBA</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Test slip printed.</source>
        <translation>Comprobante de prueba impreso.</translation>
    </message>
    <message numerus="yes">
        <source>Slip printed. %n more did not print: Ctrl+P prints the next.</source>
        <translation>
            <numerusform>Comprobante impreso. Queda %n sin imprimir: Ctrl+P imprime el siguiente.</numerusform>
            <numerusform>Comprobante impreso. Quedan %n sin imprimir: Ctrl+P imprime el siguiente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the wallet keys…</source>
        <translation>Leyendo las claves de Wallet…</translation>
    </message>
</context>
<context>
    <name>lt::ui::TillWindow</name>
    <message>
        <source>LoyaltyTill</source>
        <translation>LoyaltyTill</translation>
    </message>
    <message>
        <source>Sign in as staff number %1.</source>
        <translation>Inicie sesión con el número de empleado %1.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Canjear</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Inscribir</translation>
    </message>
    <message>
        <source>Void last sale</source>
        <translation>Anular última venta</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>Ajustar puntos</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Siguiente cliente</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation>&amp;Caja</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>Con&amp;figuración</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>The language changes when LoyaltyTill starts again.</source>
        <translation>El idioma cambiará cuando LoyaltyTill se vuelva a iniciar.</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apariencia</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ayuda</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Teclas</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>cajero</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Sesión iniciada como %1.</translation>
    </message>
    <message>
        <source>No member matches &quot;%1&quot;.</source>
        <translation>Ningún socio coincide con &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 (member %2)</source>
        <translation>%1 (socio %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n members match; type more of the name or use the phone number: %1</source>
        <translation>
            <numerusform>%n socio coincide; escriba más del nombre o use el teléfono: %1</numerusform>
            <numerusform>%n socios coinciden; escriba más del nombre o use el teléfono: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Find the member first.</source>
        <translation>Primero busque al socio.</translation>
    </message>
    <message>
        <source>Already a member: member %1.</source>
        <translation>Ya es socio: socio %1.</translation>
    </message>
    <message>
        <source>Welcome! Member %1 enrolled%2.</source>
        <translation>¡Bienvenido! Socio %1 inscrito%2.</translation>
    </message>
    <message>
        <source> with card %1</source>
        <translation> con la tarjeta %1</translation>
    </message>
    <message>
        <source>%1 · till %2</source>
        <translation>%1 · caja %2</translation>
    </message>
    <message>
        <source>Add &amp;demo members for training</source>
        <translation>Agregar socios de &amp;demostración para capacitación</translation>
    </message>
    <message>
        <source>Signed in as %1. The store has no members yet: enroll the first customer with F5, or add demo members for training from the Till menu.</source>
        <translation>Sesión iniciada como %1. La tienda aún no tiene socios: inscriba al primer cliente con F5 o agregue socios de demostración para capacitación desde el menú Caja.</translation>
    </message>
    <message>
        <source>That barcode is not one of the store&apos;s loyalty cards: %1</source>
        <translation>Ese código de barras no es una tarjeta de fidelidad de la tienda: %1</translation>
    </message>
    <message>
        <source>Added %1 demo members with %2 sales for training. Try a phone number such as (201) 555-0000 or the card 2900000000018.</source>
        <translation>Se agregaron %1 socios de demostración con %2 ventas para capacitación. Pruebe un teléfono como (201) 555-0000 o la tarjeta 2900000000018.</translation>
    </message>
    <message>
        <source>Member&apos;s sync conflicts</source>
        <translation>Conflictos de sincronización del socio</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>Si&amp;ncronización</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflictos…</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s) with Square for this member: a manager resolves them with F8.</source>
        <translation>
            <numerusform>%n conflicto abierto con Square para este socio: un gerente lo resuelve con F8.</numerusform>
            <numerusform>%n conflictos abiertos con Square para este socio: un gerente los resuelve con F8.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync with Square is not running on this till.</source>
        <translation>La sincronización con Square no está activa en esta caja.</translation>
    </message>
    <message>
        <source>Syncing with Square…</source>
        <translation>Sincronizando con Square…</translation>
    </message>
    <message>
        <source>A manager resolves conflicts with Square.</source>
        <translation>Un gerente resuelve los conflictos con Square.</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <source>&amp;Key figures and charts…</source>
        <translation>&amp;Cifras clave y gráficos…</translation>
    </message>
    <message>
        <source>Reports are for managers.</source>
        <translation>Los informes son para encargados.</translation>
    </message>
    <message>
        <source>Apply offer</source>
        <translation>Aplicar oferta</translation>
    </message>
    <message>
        <source>There is no offer for this member today.</source>
        <translation>Hoy no hay ninguna oferta para este socio.</translation>
    </message>
    <message>
        <source>This offer applies by itself to the member&apos;s next sale.</source>
        <translation>Esta oferta se aplica sola a la próxima venta del socio.</translation>
    </message>
    <message>
        <source>This offer was already applied: nothing more added. Balance %1 %2.</source>
        <translation>Esta oferta ya se aplicó: no se añadió nada más. Saldo: %1 %2.</translation>
    </message>
    <message>
        <source>%1 bonus %2 added: new balance %3 %4.</source>
        <translation>%1 %2 de bonificación añadidos: nuevo saldo %3 %4.</translation>
    </message>
    <message>
        <source>%1 (set by IT)</source>
        <translation>%1 (fijado por TI)</translation>
    </message>
    <message>
        <source>Locked in %1</source>
        <translation>Bloqueado en %1</translation>
    </message>
    <message>
        <source>&amp;Print the slip</source>
        <translation>&amp;Imprimir el comprobante</translation>
    </message>
    <message>
        <source>&amp;Wallet pass for the member</source>
        <translation>Pase de &amp;Wallet para el socio</translation>
    </message>
    <message>
        <source>Print the member&apos;s &amp;card</source>
        <translation>Imprimir la &amp;tarjeta del socio</translation>
    </message>
    <message>
        <source>&amp;Printing and wallet…</source>
        <translation>Impresión y &amp;Wallet…</translation>
    </message>
    <message>
        <source>The member&apos;s &amp;marketing consent…</source>
        <translation>Consentimiento de &amp;marketing del socio…</translation>
    </message>
    <message>
        <source>Member %1 has left the program; their data was erased.</source>
        <translation>El socio %1 se dio de baja del programa; sus datos se borraron.</translation>
    </message>
    <message>
        <source>Marketing consent recorded at %1.</source>
        <translation>Consentimiento de marketing registrado el %1.</translation>
    </message>
    <message>
        <source>Marketing consent withdrawn at %1: no offers from now on.</source>
        <translation>Consentimiento de marketing retirado el %1: sin ofertas a partir de ahora.</translation>
    </message>
</context>
<context>
    <name>lt::ui::WalletDialog</name>
    <message>
        <source>Wallet pass</source>
        <translation>Pase de Wallet</translation>
    </message>
    <message>
        <source>Wallet pass for the member</source>
        <translation>Pase de Wallet para el socio</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the card in the phone</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: la tarjeta en el teléfono</translation>
    </message>
    <message>
        <source>QR code that adds the card to Google Wallet</source>
        <translation>Código QR que añade la tarjeta a Google Wallet</translation>
    </message>
    <message>
        <source>Google Wallet: the member scans this code with the phone&apos;s camera and taps Save.</source>
        <translation>Google Wallet: el socio escanea este código con la cámara del teléfono y toca Guardar.</translation>
    </message>
    <message>
        <source>Google Wallet: %1</source>
        <translation>Google Wallet: %1</translation>
    </message>
    <message>
        <source>Apple Wallet: the pass is ready to be sent to the member, or written by IT with loyaltytill-admin wallet MEMBER --apple FILE.pkpass.</source>
        <translation>Apple Wallet: el pase está listo para enviarlo al socio, o para que TI lo escriba con loyaltytill-admin wallet MEMBER --apple FILE.pkpass.</translation>
    </message>
    <message>
        <source>%1: not offered by this store.</source>
        <translation>%1: esta tienda no lo ofrece.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
</TS>
