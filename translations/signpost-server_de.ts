<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Signpost::Accounts</name>
    <message>
        <source>The email or password is not right.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an admin.</source>
        <translation>Dieses Konto ist deaktiviert. Wenden Sie sich an die Administration.</translation>
    </message>
    <message>
        <source>Sign in first: the token is missing or no longer valid.</source>
        <translation>Melden Sie sich zuerst an: Das Token fehlt oder ist nicht mehr gültig.</translation>
    </message>
    <message>
        <source>Your session expired: sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>No such agent.</source>
        <translation>Diesen Mitarbeiter gibt es nicht.</translation>
    </message>
    <message>
        <source>Give a valid email address.</source>
        <translation>Geben Sie eine gültige E-Mail-Adresse an.</translation>
    </message>
    <message>
        <source>Give a name of 1 to 200 characters.</source>
        <translation>Geben Sie einen Namen mit 1 bis 200 Zeichen an.</translation>
    </message>
    <message>
        <source>The password needs 8 to 1000 characters.</source>
        <translation>Das Passwort muss 8 bis 1000 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>is_admin must be true or false.</source>
        <translation>is_admin muss true oder false sein.</translation>
    </message>
    <message>
        <source>An agent with this email exists already.</source>
        <translation>Es gibt bereits einen Mitarbeiter mit dieser E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 muss true oder false sein.</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Diese Abteilung gibt es nicht.</translation>
    </message>
    <message>
        <source>The agent is not a member of this department.</source>
        <translation>Der Mitarbeiter ist kein Mitglied dieser Abteilung.</translation>
    </message>
    <message>
        <source>At least one admin must stay active: make another agent an admin first.</source>
        <translation>Mindestens ein Administrator muss aktiv bleiben: Machen Sie zuerst einen anderen Mitarbeiter zum Administrator.</translation>
    </message>
</context>
<context>
    <name>Signpost::Acknowledgement</name>
    <message>
        <source>Your ticket number is %1. You can follow it and write to us here: %2</source>
        <translation>Ihre Ticketnummer lautet %1. Hier können Sie den Stand verfolgen und uns schreiben: %2</translation>
    </message>
</context>
<context>
    <name>Signpost::Api</name>
    <message>
        <source>Too many sign-in attempts. Wait a minute and try again.</source>
        <translation>Zu viele Anmeldeversuche. Warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Give your email address.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse an.</translation>
    </message>
    <message>
        <source>Give your password.</source>
        <translation>Geben Sie Ihr Passwort an.</translation>
    </message>
    <message>
        <source>available must be true or false.</source>
        <translation>available muss true oder false sein.</translation>
    </message>
    <message>
        <source>role must be member or lead.</source>
        <translation>role muss member oder lead sein.</translation>
    </message>
    <message>
        <source>The store does not answer.</source>
        <translation>Die Datenbank antwortet nicht.</translation>
    </message>
    <message>
        <source>now is an ISO 8601 time.</source>
        <translation>now muss ein Zeitpunkt im Format ISO 8601 sein.</translation>
    </message>
    <message>
        <source>The body is not valid JSON: a control character inside a string at offset %1 (escape it).</source>
        <translation>Der Inhalt der Anfrage ist kein gültiges JSON: Steuerzeichen in einer Zeichenkette an Position %1 (bitte maskieren).</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>Der Inhalt der Anfrage muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at offset %2.</source>
        <translation>Der Inhalt der Anfrage ist kein gültiges JSON: %1 an Position %2.</translation>
    </message>
    <message>
        <source>Text in the body must not hold NUL characters (\u0000).</source>
        <translation>Text im Inhalt der Anfrage darf keine NUL-Zeichen (\u0000) enthalten.</translation>
    </message>
    <message>
        <source>The query must not hold NUL characters (%00).</source>
        <translation>Die Abfrage in der URL darf keine NUL-Zeichen (%00) enthalten.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Only admins may do this.</source>
        <translation>Das dürfen nur Administratoren.</translation>
    </message>
    <message>
        <source>This method is not allowed here.</source>
        <translation>Diese Methode ist hier nicht erlaubt.</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>Unter %1 gibt es nichts.</translation>
    </message>
    <message>
        <source>The metrics are for this machine, or for an admin&apos;s token.</source>
        <translation>Die Metriken sind nur von diesem Rechner aus oder mit dem Token eines Administrators abrufbar.</translation>
    </message>
    <message>
        <source>Only admins may read the metrics.</source>
        <translation>Nur Administratoren dürfen die Metriken lesen.</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Diese Abteilung gibt es nicht.</translation>
    </message>
    <message>
        <source>No mailbox with id %1.</source>
        <translation>Es gibt kein Postfach mit der ID %1.</translation>
    </message>
    <message>
        <source>shop must be a shop&apos;s id.</source>
        <translation>shop muss eine Shop-ID sein.</translation>
    </message>
    <message>
        <source>Send the message itself as the body (message/rfc822).</source>
        <translation>Senden Sie die Nachricht selbst als Inhalt der Anfrage (message/rfc822).</translation>
    </message>
    <message>
        <source>The Idempotency-Key is 1 to 255 printable ASCII characters.</source>
        <translation>Der Idempotency-Key muss aus 1 bis 255 druckbaren ASCII-Zeichen bestehen.</translation>
    </message>
    <message>
        <source>No such shop.</source>
        <translation>Diesen Shop gibt es nicht.</translation>
    </message>
    <message>
        <source>Too many messages from this address; try again in a few minutes.</source>
        <translation>Zu viele Nachrichten von dieser Adresse; versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>Only the department&apos;s leads see its figures.</source>
        <translation>Nur die Teamleitung der Abteilung sieht deren Kennzahlen.</translation>
    </message>
    <message>
        <source>days is a period of 1 to 90 days.</source>
        <translation>days ist ein Zeitraum von 1 bis 90 Tagen.</translation>
    </message>
    <message>
        <source>No such attachment.</source>
        <translation>Diesen Anhang gibt es nicht.</translation>
    </message>
    <message>
        <source>Send the file&apos;s bytes as the request body.</source>
        <translation>Senden Sie die Bytes der Datei als Inhalt der Anfrage.</translation>
    </message>
    <message>
        <source>commands must be a non-empty list.</source>
        <translation>commands muss eine nicht leere Liste sein.</translation>
    </message>
    <message>
        <source>Send at most %1 commands in one batch.</source>
        <translation>Senden Sie höchstens %1 Befehle auf einmal.</translation>
    </message>
    <message>
        <source>limit must be 1 to %1.</source>
        <translation>limit muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>window is a number of days, 0 to %1 (0: all history).</source>
        <translation>window ist eine Anzahl Tage von 0 bis %1 (0: gesamte Historie).</translation>
    </message>
    <message>
        <source>Unknown parameter “%1”.</source>
        <translation>Unbekannter Parameter „%1“.</translation>
    </message>
    <message>
        <source>Say what to search for.</source>
        <translation>Geben Sie an, wonach gesucht werden soll.</translation>
    </message>
    <message>
        <source>A search is at most %1 characters.</source>
        <translation>Eine Suche darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>%1 must be a positive number.</source>
        <translation>%1 muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>The attachment&apos;s file is missing from the store.</source>
        <translation>Die Datei des Anhangs fehlt im Dateispeicher.</translation>
    </message>
    <message>
        <source>The attachment could not be stored.</source>
        <translation>Der Anhang konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The attachment could not be stored: %1</source>
        <translation>Der Anhang konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>No such file.</source>
        <translation>Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>A file may weigh at most %1 MB.</source>
        <translation>Eine Datei darf höchstens %1 MB groß sein.</translation>
    </message>
    <message>
        <source>%1 was not uploaded (or too long ago): upload it again.</source>
        <translation>%1 wurde nicht hochgeladen (oder vor zu langer Zeit): Laden Sie die Datei erneut hoch.</translation>
    </message>
    <message>
        <source>%1 weighs %2; %3 takes files of up to %4.</source>
        <translation>%1 ist %2 groß; %3 nimmt Dateien bis %4 an.</translation>
    </message>
    <message>
        <source>The files weigh more than the %1 %2 takes in one message.</source>
        <translation>Die Dateien sind größer als die %1, die %2 in einer Nachricht annimmt.</translation>
    </message>
    <message>
        <source>The cursor is not one this server handed out.</source>
        <translation>Dieser Cursor stammt nicht von diesem Server.</translation>
    </message>
    <message>
        <source>Only the department&apos;s leads and admins can change it.</source>
        <translation>Nur die Teamleitung der Abteilung und Administratoren können sie ändern.</translation>
    </message>
    <message>
        <source>Only admins can change a department&apos;s %1.</source>
        <translation>Nur Administratoren können %1 einer Abteilung ändern.</translation>
    </message>
</context>
<context>
    <name>Signpost::CannedReplies</name>
    <message>
        <source>No such canned reply.</source>
        <translation>Diesen Textbaustein gibt es nicht.</translation>
    </message>
    <message>
        <source>Only the department&apos;s leads and admins can change its canned replies.</source>
        <translation>Nur die Teamleitung der Abteilung und Administratoren können deren Textbausteine ändern.</translation>
    </message>
    <message>
        <source>Unknown field %1: a canned reply has a title and a body.</source>
        <translation>Unbekanntes Feld %1: Ein Textbaustein hat die Felder title und body.</translation>
    </message>
    <message>
        <source>%1 is required: text that is not blank.</source>
        <translation>%1 ist erforderlich und darf nicht leer sein.</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>Unknown field {%1}; the fields are {%2}.</source>
        <translation>Unbekanntes Feld {%1}; verfügbare Felder sind {%2}.</translation>
    </message>
    <message>
        <source>This department has a canned reply with this title already.</source>
        <translation>Diese Abteilung hat bereits einen Textbaustein mit diesem Titel.</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Diese Abteilung gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>Signpost::ContactPages</name>
    <message>
        <source>Please check the form:</source>
        <translation>Bitte prüfen Sie das Formular:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Contact us</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Which shop is your question about?</source>
        <translation>Um welchen Shop geht es bei Ihrer Frage?</translation>
    </message>
    <message>
        <source>Files (optional)</source>
        <translation>Dateien (optional)</translation>
    </message>
    <message>
        <source>Photos, receipts or documents: up to %1 together.</source>
        <translation>Fotos, Belege oder Dokumente: insgesamt bis zu %1.</translation>
    </message>
    <message>
        <source>Not sure — let us route it</source>
        <translation>Weiß nicht – wir leiten Ihre Anfrage weiter</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Kontakt zu %1</translation>
    </message>
    <message>
        <source>What is it about?</source>
        <translation>Worum geht es?</translation>
    </message>
    <message>
        <source>Choosing a department gets your message to the right team at once.</source>
        <translation>Wenn Sie eine Abteilung wählen, landet Ihre Nachricht sofort beim richtigen Team.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your email address</source>
        <translation>Ihre E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Order number (optional)</source>
        <translation>Bestellnummer (optional)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Leave this empty</source>
        <translation>Dieses Feld bitte leer lassen</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Thank you — we have your message</source>
        <translation>Vielen Dank – Ihre Nachricht ist bei uns angekommen</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Your message was added. We will get back to you.</source>
        <translation>Ihre Nachricht wurde hinzugefügt. Wir melden uns bei Ihnen.</translation>
    </message>
    <message>
        <source>Write back</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Sorry</source>
        <translation>Das tut uns leid</translation>
    </message>
    <message>
        <source>The form cannot be shown just now. Please try again later.</source>
        <translation>Das Formular kann gerade nicht angezeigt werden. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The form did not arrive whole. Please send it again.</source>
        <translation>Das Formular ist nicht vollständig angekommen. Bitte senden Sie es erneut.</translation>
    </message>
    <message>
        <source>Please wait a moment</source>
        <translation>Bitte warten Sie einen Moment</translation>
    </message>
    <message>
        <source>We received several messages from you just now. Please wait a few minutes before sending another.</source>
        <translation>Wir haben gerade mehrere Nachrichten von Ihnen erhalten. Bitte warten Sie ein paar Minuten, bevor Sie eine weitere senden.</translation>
    </message>
    <message>
        <source>Please wait a few minutes before writing again.</source>
        <translation>Bitte warten Sie ein paar Minuten, bevor Sie erneut schreiben.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Vielen Dank</translation>
    </message>
    <message>
        <source>Your message was received.</source>
        <translation>Ihre Nachricht ist eingegangen.</translation>
    </message>
    <message>
        <source>Your message could not be saved. Please try again.</source>
        <translation>Ihre Nachricht konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>There is no contact form here.</source>
        <translation>Hier gibt es kein Kontaktformular.</translation>
    </message>
    <message>
        <source>Link not valid</source>
        <translation>Ungültiger Link</translation>
    </message>
    <message>
        <source>This link is not valid. Use the link from your confirmation.</source>
        <translation>Dieser Link ist nicht gültig. Bitte verwenden Sie den Link aus Ihrer Bestätigung.</translation>
    </message>
    <message>
        <source>There is no such file on this ticket.</source>
        <translation>Diese Datei gibt es in diesem Ticket nicht.</translation>
    </message>
    <message>
        <source>Please choose one of the departments in the list.</source>
        <translation>Bitte wählen Sie eine der Abteilungen aus der Liste.</translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm &apos;UTC&apos;</source>
        <comment>a message&apos;s date and time, as a QDateTime format</comment>
        <translation>d. MMM yyyy, HH:mm &apos;UTC&apos;</translation>
    </message>
    <message>
        <source>Your ticket number is %1. %2 will get back to you.</source>
        <translation>Ihre Ticketnummer lautet %1. %2 meldet sich bei Ihnen.</translation>
    </message>
    <message>
        <source>You can read the answers and write back on %1your ticket’s page%2. Keep this link to yourself: anyone who has it can read your ticket.</source>
        <translation>Auf %1der Seite Ihres Tickets%2 können Sie die Antworten lesen und uns schreiben. Geben Sie den Link nicht weiter: Jeder, der ihn hat, kann Ihr Ticket lesen.</translation>
    </message>
</context>
<context>
    <name>Signpost::Departments</name>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 muss Text sein.</translation>
    </message>
    <message>
        <source>%1 needs %2 to %3 characters.</source>
        <translation>%1 muss %2 bis %3 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>%1 may have at most %2 characters.</source>
        <translation>%1 darf höchstens %2 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 muss true oder false sein.</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Diese Abteilung gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no shop %1.</source>
        <translation>Es gibt keinen Shop mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no department %1.</source>
        <translation>Es gibt keine Abteilung mit der ID %1.</translation>
    </message>
    <message>
        <source>public_labels maps language codes (%1) to labels of 1 to 100 characters.</source>
        <translation>public_labels ordnet Sprachcodes (%1) Bezeichnungen mit 1 bis 100 Zeichen zu.</translation>
    </message>
    <message>
        <source>There must be a default department: make another one the default instead.</source>
        <translation>Es muss eine Standardabteilung geben: Machen Sie stattdessen eine andere Abteilung zum Standard.</translation>
    </message>
    <message>
        <source>The default department cannot be archived.</source>
        <translation>Die Standardabteilung kann nicht archiviert werden.</translation>
    </message>
    <message>
        <source>notify maps %1 to %2.</source>
        <translation>notify ordnet %1 jeweils einen Wert aus %2 zu.</translation>
    </message>
    <message>
        <source>sla must be an object with targets, ownership, at_risk_percent and business_hours.</source>
        <translation>sla muss ein Objekt mit targets, ownership, at_risk_percent und business_hours sein.</translation>
    </message>
    <message>
        <source>The assignment mode is manual, round_robin or least_loaded.</source>
        <translation>Der Zuweisungsmodus muss manual, round_robin oder least_loaded sein.</translation>
    </message>
    <message>
        <source>The capacity is a number of open tickets, 0 for no cap.</source>
        <translation>Die Kapazität ist eine Anzahl offener Tickets, 0 für keine Grenze.</translation>
    </message>
    <message>
        <source>attachment_limits takes file_bytes (1 KB to %1 MB) and message_bytes (at least file_bytes, at most 4 times the most a file may weigh).</source>
        <translation>attachment_limits nimmt file_bytes (1 KB bis %1 MB) und message_bytes (mindestens file_bytes, höchstens das Vierfache der höchstzulässigen Dateigröße).</translation>
    </message>
    <message>
        <source>shops must be a list of shop ids.</source>
        <translation>shops muss eine Liste von Shop-IDs sein.</translation>
    </message>
    <message>
        <source>addresses must be a list of email addresses.</source>
        <translation>addresses muss eine Liste von E-Mail-Adressen sein.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>A department with this name exists already.</source>
        <translation>Es gibt bereits eine Abteilung mit diesem Namen.</translation>
    </message>
    <message>
        <source>%1 already routes to another department.</source>
        <translation>%1 wird bereits an eine andere Abteilung weitergeleitet.</translation>
    </message>
    <message>
        <source>The default department cannot be deleted.</source>
        <translation>Die Standardabteilung kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>The department still has tickets, rules or members; archive it instead.</source>
        <translation>Die Abteilung hat noch Tickets, Regeln oder Mitglieder; archivieren Sie sie stattdessen.</translation>
    </message>
    <message>
        <source>No such shop.</source>
        <translation>Diesen Shop gibt es nicht.</translation>
    </message>
    <message>
        <source>slug may hold lower-case letters, digits and dashes.</source>
        <translation>slug darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten.</translation>
    </message>
    <message>
        <source>allowed_origins must be a list of web origins.</source>
        <translation>allowed_origins muss eine Liste von Web-Ursprüngen (Origins) sein.</translation>
    </message>
    <message>
        <source>“%1” is not an origin such as https://shop.example.</source>
        <translation>„%1“ ist kein gültiger Ursprung (z. B. https://shop.example).</translation>
    </message>
    <message>
        <source>languages is a list of one or more of %1, the default first.</source>
        <translation>languages ist eine Liste mit einem oder mehreren von %1, die Standardsprache zuerst.</translation>
    </message>
    <message>
        <source>Another shop has this slug.</source>
        <translation>Ein anderer Shop verwendet bereits diesen slug.</translation>
    </message>
    <message>
        <source>Routing rule %1 cannot be read: %2</source>
        <translation>Zuordnungsregel %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No such routing rule.</source>
        <translation>Diese Zuordnungsregel gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>Signpost::Intake</name>
    <message numerus="yes">
        <source>At most %n files can be sent with one message.</source>
        <translation>
            <numerusform>Mit einer Nachricht kann höchstens %n Datei gesendet werden.</numerusform>
            <numerusform>Mit einer Nachricht können höchstens %n Dateien gesendet werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is %2; files of up to %3 can be sent.</source>
        <translation>%1 ist %2 groß; Dateien bis %3 können gesendet werden.</translation>
    </message>
    <message>
        <source>The files are %1 together; up to %2 can be sent with one message.</source>
        <translation>Die Dateien sind zusammen %1 groß; mit einer Nachricht können bis zu %2 gesendet werden.</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>Bitte geben Sie Ihren Namen ein.</translation>
    </message>
    <message>
        <source>Your name can be at most %1 characters long.</source>
        <translation>Ihr Name darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Please enter your email address.</source>
        <translation>Bitte geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Your email address can be at most %1 characters long.</source>
        <translation>Ihre E-Mail-Adresse darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Please enter a valid email address, like name@example.com.</source>
        <translation>Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.</translation>
    </message>
    <message>
        <source>The order number can be at most %1 characters long.</source>
        <translation>Die Bestellnummer darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Please enter a subject.</source>
        <translation>Bitte geben Sie einen Betreff ein.</translation>
    </message>
    <message>
        <source>The subject can be at most %1 characters long.</source>
        <translation>Der Betreff darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Please enter your message.</source>
        <translation>Bitte geben Sie Ihre Nachricht ein.</translation>
    </message>
    <message>
        <source>Your message can be at most %1 characters long.</source>
        <translation>Ihre Nachricht darf höchstens %1 Zeichen lang sein.</translation>
    </message>
</context>
<context>
    <name>Signpost::Tickets</name>
    <message>
        <source>No such ticket.</source>
        <translation>Dieses Ticket gibt es nicht.</translation>
    </message>
    <message>
        <source>The assignee must be an active agent of the ticket&apos;s department.</source>
        <translation>Die zuständige Person muss ein aktiver Mitarbeiter der Abteilung des Tickets sein.</translation>
    </message>
    <message>
        <source>%1 wrote again</source>
        <translation>%1 hat erneut geschrieben</translation>
    </message>
    <message>
        <source>%1 added a note</source>
        <translation>%1 hat eine Notiz hinzugefügt</translation>
    </message>
    <message>
        <source>%1 replied</source>
        <translation>%1 hat geantwortet</translation>
    </message>
    <message>
        <source>Since you began writing, %1. Read it before you send.</source>
        <translation>Seit Sie zu schreiben begonnen haben: %1. Lesen Sie das, bevor Sie senden.</translation>
    </message>
    <message>
        <source>This command id was used before for a different command.</source>
        <translation>Diese Befehls-ID wurde bereits für einen anderen Befehl verwendet.</translation>
    </message>
    <message>
        <source>The ticket changed since you saw it (version %1, now %2).</source>
        <translation>Das Ticket hat sich geändert, seit Sie es gesehen haben (Version %1, jetzt %2).</translation>
    </message>
    <message>
        <source>A ticket that is %1 cannot be set to %2.</source>
        <translation>Ein Ticket mit Status %1 kann nicht auf %2 gesetzt werden.</translation>
    </message>
    <message>
        <source>The ticket is already in this department.</source>
        <translation>Das Ticket ist bereits in dieser Abteilung.</translation>
    </message>
    <message>
        <source>Choose an active department to transfer to.</source>
        <translation>Wählen Sie eine aktive Abteilung, an die übergeben werden soll.</translation>
    </message>
    <message>
        <source>This link is not valid. Use the link from your confirmation.</source>
        <translation>Dieser Link ist nicht gültig. Bitte verwenden Sie den Link aus Ihrer Bestätigung.</translation>
    </message>
    <message>
        <source>Unknown status “%1”.</source>
        <translation>Unbekannter Status „%1“.</translation>
    </message>
    <message>
        <source>assignee must be me, none or an agent id.</source>
        <translation>assignee muss me, none oder eine Mitarbeiter-ID sein.</translation>
    </message>
    <message>
        <source>sort must be one of %1.</source>
        <translation>sort muss einer dieser Werte sein: %1.</translation>
    </message>
    <message>
        <source>limit must be 1 to 200.</source>
        <translation>limit muss zwischen 1 und 200 liegen.</translation>
    </message>
    <message>
        <source>offset must be 0 or more.</source>
        <translation>offset muss 0 oder größer sein.</translation>
    </message>
    <message>
        <source>Unknown parameter “%1”.</source>
        <translation>Unbekannter Parameter „%1“.</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Diese Abteilung gibt es nicht.</translation>
    </message>
</context>
</TS>
