<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Signpost::Acknowledgement</name>
    <message>
        <source>Your ticket number is %1. You can follow it and write to us here: %2</source>
        <translation>Ihre Ticketnummer lautet %1. Hier können Sie den Stand verfolgen und uns schreiben: %2</translation>
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
</TS>
