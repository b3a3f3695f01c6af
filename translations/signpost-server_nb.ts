<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>Signpost::Accounts</name>
    <message>
        <source>The email or password is not right.</source>
        <translation>E-postadressen eller passordet er feil.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an admin.</source>
        <translation>Denne kontoen er deaktivert. Spør en administrator.</translation>
    </message>
    <message>
        <source>Sign in first: the token is missing or no longer valid.</source>
        <translation>Logg inn først: tokenet mangler eller er ikke lenger gyldig.</translation>
    </message>
    <message>
        <source>Your session expired: sign in again.</source>
        <translation>Økten din er utløpt: logg inn på nytt.</translation>
    </message>
    <message>
        <source>No such agent.</source>
        <translation>Agenten finnes ikke.</translation>
    </message>
    <message>
        <source>Give a valid email address.</source>
        <translation>Oppgi en gyldig e-postadresse.</translation>
    </message>
    <message>
        <source>Give a name of 1 to 200 characters.</source>
        <translation>Oppgi et navn på 1 til 200 tegn.</translation>
    </message>
    <message>
        <source>The password needs 8 to 1000 characters.</source>
        <translation>Passordet må ha 8 til 1000 tegn.</translation>
    </message>
    <message>
        <source>is_admin must be true or false.</source>
        <translation>is_admin må være true eller false.</translation>
    </message>
    <message>
        <source>An agent with this email exists already.</source>
        <translation>Det finnes allerede en agent med denne e-postadressen.</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 må være true eller false.</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Avdelingen finnes ikke.</translation>
    </message>
    <message>
        <source>The agent is not a member of this department.</source>
        <translation>Agenten er ikke medlem av denne avdelingen.</translation>
    </message>
    <message>
        <source>At least one admin must stay active: make another agent an admin first.</source>
        <translation>Minst én administrator må være aktiv: gjør en annen agent til administrator først.</translation>
    </message>
</context>
<context>
    <name>Signpost::Acknowledgement</name>
    <message>
        <source>Your ticket number is %1. You can follow it and write to us here: %2</source>
        <translation>Saksnummeret ditt er %1. Her kan du følge saken og skrive til oss: %2</translation>
    </message>
</context>
<context>
    <name>Signpost::Api</name>
    <message>
        <source>Too many sign-in attempts. Wait a minute and try again.</source>
        <translation>For mange innloggingsforsøk. Vent et minutt og prøv igjen.</translation>
    </message>
    <message>
        <source>Give your email address.</source>
        <translation>Oppgi e-postadressen din.</translation>
    </message>
    <message>
        <source>Give your password.</source>
        <translation>Oppgi passordet ditt.</translation>
    </message>
    <message>
        <source>available must be true or false.</source>
        <translation>available må være true eller false.</translation>
    </message>
    <message>
        <source>role must be member or lead.</source>
        <translation>role må være member eller lead.</translation>
    </message>
    <message>
        <source>The store does not answer.</source>
        <translation>Databasen svarer ikke.</translation>
    </message>
    <message>
        <source>now is an ISO 8601 time.</source>
        <translation>now må være et tidspunkt i ISO 8601-format.</translation>
    </message>
    <message>
        <source>The body is not valid JSON: a control character inside a string at offset %1 (escape it).</source>
        <translation>Innholdet i forespørselen er ikke gyldig JSON: kontrolltegn i en streng ved posisjon %1 (bruk en escape-sekvens).</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>Innholdet i forespørselen må være et JSON-objekt.</translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at offset %2.</source>
        <translation>Innholdet i forespørselen er ikke gyldig JSON: %1 ved posisjon %2.</translation>
    </message>
    <message>
        <source>Text in the body must not hold NUL characters (\u0000).</source>
        <translation>Tekst i forespørselen kan ikke inneholde NUL-tegn (\u0000).</translation>
    </message>
    <message>
        <source>The query must not hold NUL characters (%00).</source>
        <translation>Spørrestrengen i adressen kan ikke inneholde NUL-tegn (%00).</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Logg inn først.</translation>
    </message>
    <message>
        <source>Only admins may do this.</source>
        <translation>Bare administratorer kan gjøre dette.</translation>
    </message>
    <message>
        <source>This method is not allowed here.</source>
        <translation>Denne metoden er ikke tillatt her.</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>Det finnes ingenting på %1.</translation>
    </message>
    <message>
        <source>The metrics are for this machine, or for an admin&apos;s token.</source>
        <translation>Metrikkene er bare tilgjengelige fra denne maskinen eller med tokenet til en administrator.</translation>
    </message>
    <message>
        <source>Only admins may read the metrics.</source>
        <translation>Bare administratorer kan lese metrikkene.</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Avdelingen finnes ikke.</translation>
    </message>
    <message>
        <source>No mailbox with id %1.</source>
        <translation>Det finnes ingen postkasse med ID %1.</translation>
    </message>
    <message>
        <source>shop must be a shop&apos;s id.</source>
        <translation>shop må være en butikk-ID.</translation>
    </message>
    <message>
        <source>Send the message itself as the body (message/rfc822).</source>
        <translation>Send selve meldingen som innholdet i forespørselen (message/rfc822).</translation>
    </message>
    <message>
        <source>The Idempotency-Key is 1 to 255 printable ASCII characters.</source>
        <translation>Idempotency-Key må bestå av 1 til 255 skrivbare ASCII-tegn.</translation>
    </message>
    <message>
        <source>No such shop.</source>
        <translation>Butikken finnes ikke.</translation>
    </message>
    <message>
        <source>Too many messages from this address; try again in a few minutes.</source>
        <translation>For mange meldinger fra denne adressen; prøv igjen om noen minutter.</translation>
    </message>
    <message>
        <source>Only the department&apos;s leads see its figures.</source>
        <translation>Bare avdelingens teamledere ser tallene for avdelingen.</translation>
    </message>
    <message>
        <source>days is a period of 1 to 90 days.</source>
        <translation>days er en periode på 1 til 90 dager.</translation>
    </message>
    <message>
        <source>No such attachment.</source>
        <translation>Vedlegget finnes ikke.</translation>
    </message>
    <message>
        <source>Send the file&apos;s bytes as the request body.</source>
        <translation>Send filens bytes som innholdet i forespørselen.</translation>
    </message>
    <message>
        <source>commands must be a non-empty list.</source>
        <translation>commands må være en liste som ikke er tom.</translation>
    </message>
    <message>
        <source>Send at most %1 commands in one batch.</source>
        <translation>Send høyst %1 kommandoer om gangen.</translation>
    </message>
    <message>
        <source>limit must be 1 to %1.</source>
        <translation>limit må være fra 1 til %1.</translation>
    </message>
    <message>
        <source>window is a number of days, 0 to %1 (0: all history).</source>
        <translation>window er et antall dager fra 0 til %1 (0: hele historikken).</translation>
    </message>
    <message>
        <source>Unknown parameter “%1”.</source>
        <translation>Ukjent parameter «%1».</translation>
    </message>
    <message>
        <source>Say what to search for.</source>
        <translation>Skriv hva du vil søke etter.</translation>
    </message>
    <message>
        <source>A search is at most %1 characters.</source>
        <translation>Et søk kan være på høyst %1 tegn.</translation>
    </message>
    <message>
        <source>%1 must be a positive number.</source>
        <translation>%1 må være et positivt tall.</translation>
    </message>
    <message>
        <source>The attachment&apos;s file is missing from the store.</source>
        <translation>Filen til vedlegget mangler i fillageret.</translation>
    </message>
    <message>
        <source>The attachment could not be stored.</source>
        <translation>Vedlegget kunne ikke lagres.</translation>
    </message>
    <message>
        <source>The attachment could not be stored: %1</source>
        <translation>Vedlegget kunne ikke lagres: %1</translation>
    </message>
    <message>
        <source>No such file.</source>
        <translation>Filen finnes ikke.</translation>
    </message>
    <message>
        <source>A file may weigh at most %1 MB.</source>
        <translation>En fil kan være på høyst %1 MB.</translation>
    </message>
    <message>
        <source>%1 was not uploaded (or too long ago): upload it again.</source>
        <translation>%1 er ikke lastet opp (eller det er for lenge siden): last den opp på nytt.</translation>
    </message>
    <message>
        <source>%1 weighs %2; %3 takes files of up to %4.</source>
        <translation>%1 er på %2; %3 tar imot filer på opptil %4.</translation>
    </message>
    <message>
        <source>The files weigh more than the %1 %2 takes in one message.</source>
        <translation>Filene er på mer enn de %1 som %2 tar imot i én melding.</translation>
    </message>
    <message>
        <source>The cursor is not one this server handed out.</source>
        <translation>Denne cursoren kommer ikke fra denne serveren.</translation>
    </message>
    <message>
        <source>Only the department&apos;s leads and admins can change it.</source>
        <translation>Bare avdelingens teamledere og administratorer kan endre den.</translation>
    </message>
    <message>
        <source>Only admins can change a department&apos;s %1.</source>
        <translation>Bare administratorer kan endre en avdelings %1.</translation>
    </message>
</context>
<context>
    <name>Signpost::CannedReplies</name>
    <message>
        <source>No such canned reply.</source>
        <translation>Standardsvaret finnes ikke.</translation>
    </message>
    <message>
        <source>Only the department&apos;s leads and admins can change its canned replies.</source>
        <translation>Bare avdelingens teamledere og administratorer kan endre standardsvarene til avdelingen.</translation>
    </message>
    <message>
        <source>Unknown field %1: a canned reply has a title and a body.</source>
        <translation>Ukjent felt %1: et standardsvar har feltene title og body.</translation>
    </message>
    <message>
        <source>%1 is required: text that is not blank.</source>
        <translation>%1 er påkrevd og kan ikke være tomt.</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 er lengre enn %2 tegn.</translation>
    </message>
    <message>
        <source>Unknown field {%1}; the fields are {%2}.</source>
        <translation>Ukjent felt {%1}; tilgjengelige felt er {%2}.</translation>
    </message>
    <message>
        <source>This department has a canned reply with this title already.</source>
        <translation>Avdelingen har allerede et standardsvar med denne tittelen.</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Avdelingen finnes ikke.</translation>
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
    <name>Signpost::Departments</name>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 må være tekst.</translation>
    </message>
    <message>
        <source>%1 needs %2 to %3 characters.</source>
        <translation>%1 må ha %2 til %3 tegn.</translation>
    </message>
    <message>
        <source>%1 may have at most %2 characters.</source>
        <translation>%1 kan ha høyst %2 tegn.</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 må være true eller false.</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Avdelingen finnes ikke.</translation>
    </message>
    <message>
        <source>There is no shop %1.</source>
        <translation>Det finnes ingen butikk med ID %1.</translation>
    </message>
    <message>
        <source>There is no department %1.</source>
        <translation>Det finnes ingen avdeling med ID %1.</translation>
    </message>
    <message>
        <source>public_labels maps language codes (%1) to labels of 1 to 100 characters.</source>
        <translation>public_labels knytter språkkoder (%1) til etiketter på 1 til 100 tegn.</translation>
    </message>
    <message>
        <source>There must be a default department: make another one the default instead.</source>
        <translation>Det må finnes en standardavdeling: gjør heller en annen avdeling til standard.</translation>
    </message>
    <message>
        <source>The default department cannot be archived.</source>
        <translation>Standardavdelingen kan ikke arkiveres.</translation>
    </message>
    <message>
        <source>notify maps %1 to %2.</source>
        <translation>notify knytter hver av %1 til én av %2.</translation>
    </message>
    <message>
        <source>sla must be an object with targets, ownership, at_risk_percent and business_hours.</source>
        <translation>sla må være et objekt med targets, ownership, at_risk_percent og business_hours.</translation>
    </message>
    <message>
        <source>The assignment mode is manual, round_robin or least_loaded.</source>
        <translation>Tildelingsmåten må være manual, round_robin eller least_loaded.</translation>
    </message>
    <message>
        <source>The capacity is a number of open tickets, 0 for no cap.</source>
        <translation>Kapasiteten er et antall åpne saker, 0 for ingen grense.</translation>
    </message>
    <message>
        <source>attachment_limits takes file_bytes (1 KB to %1 MB) and message_bytes (at least file_bytes, at most 4 times the most a file may weigh).</source>
        <translation>attachment_limits tar file_bytes (1 KB til %1 MB) og message_bytes (minst file_bytes, høyst 4 ganger den største tillatte filstørrelsen).</translation>
    </message>
    <message>
        <source>shops must be a list of shop ids.</source>
        <translation>shops må være en liste med butikk-ID-er.</translation>
    </message>
    <message>
        <source>addresses must be a list of email addresses.</source>
        <translation>addresses må være en liste med e-postadresser.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>«%1» er ikke en e-postadresse.</translation>
    </message>
    <message>
        <source>A department with this name exists already.</source>
        <translation>Det finnes allerede en avdeling med dette navnet.</translation>
    </message>
    <message>
        <source>%1 already routes to another department.</source>
        <translation>%1 går allerede til en annen avdeling.</translation>
    </message>
    <message>
        <source>The default department cannot be deleted.</source>
        <translation>Standardavdelingen kan ikke slettes.</translation>
    </message>
    <message>
        <source>The department still has tickets, rules or members; archive it instead.</source>
        <translation>Avdelingen har fortsatt saker, regler eller medlemmer; arkiver den i stedet.</translation>
    </message>
    <message>
        <source>No such shop.</source>
        <translation>Butikken finnes ikke.</translation>
    </message>
    <message>
        <source>slug may hold lower-case letters, digits and dashes.</source>
        <translation>slug kan bare inneholde små bokstaver, sifre og bindestreker.</translation>
    </message>
    <message>
        <source>allowed_origins must be a list of web origins.</source>
        <translation>allowed_origins må være en liste med nettopprinnelser (origins).</translation>
    </message>
    <message>
        <source>“%1” is not an origin such as https://shop.example.</source>
        <translation>«%1» er ikke en gyldig opprinnelse (for eksempel https://shop.example).</translation>
    </message>
    <message>
        <source>languages is a list of one or more of %1, the default first.</source>
        <translation>languages er en liste med ett eller flere av %1, med standardspråket først.</translation>
    </message>
    <message>
        <source>Another shop has this slug.</source>
        <translation>En annen butikk bruker allerede denne slug-en.</translation>
    </message>
    <message>
        <source>Routing rule %1 cannot be read: %2</source>
        <translation>Rutingsregel %1 kan ikke leses: %2</translation>
    </message>
    <message>
        <source>No such routing rule.</source>
        <translation>Rutingsregelen finnes ikke.</translation>
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
<context>
    <name>Signpost::Tickets</name>
    <message>
        <source>No such ticket.</source>
        <translation>Saken finnes ikke.</translation>
    </message>
    <message>
        <source>The assignee must be an active agent of the ticket&apos;s department.</source>
        <translation>Den ansvarlige må være en aktiv agent i sakens avdeling.</translation>
    </message>
    <message>
        <source>%1 wrote again</source>
        <translation>%1 skrev igjen</translation>
    </message>
    <message>
        <source>%1 added a note</source>
        <translation>%1 la til et notat</translation>
    </message>
    <message>
        <source>%1 replied</source>
        <translation>%1 svarte</translation>
    </message>
    <message>
        <source>Since you began writing, %1. Read it before you send.</source>
        <translation>Siden du begynte å skrive: %1. Les det før du sender.</translation>
    </message>
    <message>
        <source>This command id was used before for a different command.</source>
        <translation>Denne kommando-ID-en er allerede brukt for en annen kommando.</translation>
    </message>
    <message>
        <source>The ticket changed since you saw it (version %1, now %2).</source>
        <translation>Saken er endret siden du så den (versjon %1, nå %2).</translation>
    </message>
    <message>
        <source>A ticket that is %1 cannot be set to %2.</source>
        <translation>En sak med status %1 kan ikke settes til %2.</translation>
    </message>
    <message>
        <source>The ticket is already in this department.</source>
        <translation>Saken er allerede i denne avdelingen.</translation>
    </message>
    <message>
        <source>Choose an active department to transfer to.</source>
        <translation>Velg en aktiv avdeling å overføre til.</translation>
    </message>
    <message>
        <source>This link is not valid. Use the link from your confirmation.</source>
        <translation>Denne lenken er ikke gyldig. Bruk lenken fra bekreftelsen din.</translation>
    </message>
    <message>
        <source>Unknown status “%1”.</source>
        <translation>Ukjent status «%1».</translation>
    </message>
    <message>
        <source>assignee must be me, none or an agent id.</source>
        <translation>assignee må være me, none eller en agent-ID.</translation>
    </message>
    <message>
        <source>sort must be one of %1.</source>
        <translation>sort må være en av %1.</translation>
    </message>
    <message>
        <source>limit must be 1 to 200.</source>
        <translation>limit må være fra 1 til 200.</translation>
    </message>
    <message>
        <source>offset must be 0 or more.</source>
        <translation>offset må være 0 eller mer.</translation>
    </message>
    <message>
        <source>Unknown parameter “%1”.</source>
        <translation>Ukjent parameter «%1».</translation>
    </message>
    <message>
        <source>No such department.</source>
        <translation>Avdelingen finnes ikke.</translation>
    </message>
</context>
</TS>
