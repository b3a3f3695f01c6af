<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>Signpost::Acknowledgement</name>
    <message>
        <source>Your ticket number is %1. You can follow it and write to us here: %2</source>
        <translation>Saksnummeret ditt er %1. Her kan du følge saken og skrive til oss: %2</translation>
    </message>
</context>
<context>
    <name>Signpost::ContactPages</name>
    <message>
        <source>Please check the form:</source>
        <translation>Se over skjemaet:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Contact us</source>
        <translation>Kontakt oss</translation>
    </message>
    <message>
        <source>Which shop is your question about?</source>
        <translation>Hvilken butikk gjelder spørsmålet?</translation>
    </message>
    <message>
        <source>Files (optional)</source>
        <translation>Filer (valgfritt)</translation>
    </message>
    <message>
        <source>Photos, receipts or documents: up to %1 together.</source>
        <translation>Bilder, kvitteringer eller dokumenter: opptil %1 til sammen.</translation>
    </message>
    <message>
        <source>Not sure — let us route it</source>
        <translation>Vet ikke – vi sender henvendelsen til rett sted</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Kontakt %1</translation>
    </message>
    <message>
        <source>What is it about?</source>
        <translation>Hva gjelder det?</translation>
    </message>
    <message>
        <source>Choosing a department gets your message to the right team at once.</source>
        <translation>Når du velger avdeling, kommer meldingen din straks til riktig team.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Navnet ditt</translation>
    </message>
    <message>
        <source>Your email address</source>
        <translation>E-postadressen din</translation>
    </message>
    <message>
        <source>Order number (optional)</source>
        <translation>Ordrenummer (valgfritt)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Leave this empty</source>
        <translation>La dette feltet stå tomt</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Send melding</translation>
    </message>
    <message>
        <source>Thank you — we have your message</source>
        <translation>Takk – vi har fått meldingen din</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Sak %1</translation>
    </message>
    <message>
        <source>Your message was added. We will get back to you.</source>
        <translation>Meldingen din er lagt til. Vi kommer tilbake til deg.</translation>
    </message>
    <message>
        <source>Write back</source>
        <translation>Skriv til oss</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Sorry</source>
        <translation>Beklager</translation>
    </message>
    <message>
        <source>The form cannot be shown just now. Please try again later.</source>
        <translation>Skjemaet kan ikke vises akkurat nå. Prøv igjen senere.</translation>
    </message>
    <message>
        <source>The form did not arrive whole. Please send it again.</source>
        <translation>Skjemaet kom ikke fram i sin helhet. Send det på nytt.</translation>
    </message>
    <message>
        <source>Please wait a moment</source>
        <translation>Vent litt</translation>
    </message>
    <message>
        <source>We received several messages from you just now. Please wait a few minutes before sending another.</source>
        <translation>Vi har nettopp fått flere meldinger fra deg. Vent noen minutter før du sender en ny.</translation>
    </message>
    <message>
        <source>Please wait a few minutes before writing again.</source>
        <translation>Vent noen minutter før du skriver igjen.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Takk</translation>
    </message>
    <message>
        <source>Your message was received.</source>
        <translation>Vi har mottatt meldingen din.</translation>
    </message>
    <message>
        <source>Your message could not be saved. Please try again.</source>
        <translation>Meldingen din kunne ikke lagres. Prøv igjen.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Ikke funnet</translation>
    </message>
    <message>
        <source>There is no contact form here.</source>
        <translation>Det finnes ikke noe kontaktskjema her.</translation>
    </message>
    <message>
        <source>Link not valid</source>
        <translation>Ugyldig lenke</translation>
    </message>
    <message>
        <source>This link is not valid. Use the link from your confirmation.</source>
        <translation>Denne lenken er ikke gyldig. Bruk lenken fra bekreftelsen din.</translation>
    </message>
    <message>
        <source>There is no such file on this ticket.</source>
        <translation>Saken har ingen slik fil.</translation>
    </message>
    <message>
        <source>Please choose one of the departments in the list.</source>
        <translation>Velg en av avdelingene i listen.</translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm &apos;UTC&apos;</source>
        <comment>a message&apos;s date and time, as a QDateTime format</comment>
        <translation>d. MMM yyyy &apos;kl.&apos; HH:mm &apos;UTC&apos;</translation>
    </message>
    <message>
        <source>Your ticket number is %1. %2 will get back to you.</source>
        <translation>Saksnummeret ditt er %1. %2 tar kontakt med deg.</translation>
    </message>
    <message>
        <source>You can read the answers and write back on %1your ticket’s page%2. Keep this link to yourself: anyone who has it can read your ticket.</source>
        <translation>Du kan lese svarene og skrive tilbake på %1siden for saken din%2. Ikke del lenken med andre: alle som har den, kan lese saken din.</translation>
    </message>
</context>
<context>
    <name>Signpost::Intake</name>
    <message numerus="yes">
        <source>At most %n files can be sent with one message.</source>
        <translation>
            <numerusform>Du kan sende høyst %n fil med én melding.</numerusform>
            <numerusform>Du kan sende høyst %n filer med én melding.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is %2; files of up to %3 can be sent.</source>
        <translation>%1 er på %2; du kan sende filer på opptil %3.</translation>
    </message>
    <message>
        <source>The files are %1 together; up to %2 can be sent with one message.</source>
        <translation>Filene er på %1 til sammen; du kan sende opptil %2 med én melding.</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>Skriv inn navnet ditt.</translation>
    </message>
    <message>
        <source>Your name can be at most %1 characters long.</source>
        <translation>Navnet kan være på høyst %1 tegn.</translation>
    </message>
    <message>
        <source>Please enter your email address.</source>
        <translation>Skriv inn e-postadressen din.</translation>
    </message>
    <message>
        <source>Your email address can be at most %1 characters long.</source>
        <translation>E-postadressen kan være på høyst %1 tegn.</translation>
    </message>
    <message>
        <source>Please enter a valid email address, like name@example.com.</source>
        <translation>Skriv inn en gyldig e-postadresse, for eksempel navn@eksempel.no.</translation>
    </message>
    <message>
        <source>The order number can be at most %1 characters long.</source>
        <translation>Ordrenummeret kan være på høyst %1 tegn.</translation>
    </message>
    <message>
        <source>Please enter a subject.</source>
        <translation>Skriv inn et emne.</translation>
    </message>
    <message>
        <source>The subject can be at most %1 characters long.</source>
        <translation>Emnet kan være på høyst %1 tegn.</translation>
    </message>
    <message>
        <source>Please enter your message.</source>
        <translation>Skriv inn meldingen din.</translation>
    </message>
    <message>
        <source>Your message can be at most %1 characters long.</source>
        <translation>Meldingen kan være på høyst %1 tegn.</translation>
    </message>
</context>
</TS>
