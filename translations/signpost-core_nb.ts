<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>Signpost::BusinessHours</name>
    <message>
        <source>“%1” is not a time zone, such as Europe/Oslo.</source>
        <translation>«%1» er ingen gyldig tidssone (for eksempel Europe/Oslo).</translation>
    </message>
    <message>
        <source>Days are mon, tue, wed, thu, fri, sat and sun.</source>
        <translation>Dagene heter mon, tue, wed, thu, fri, sat og sun.</translation>
    </message>
    <message>
        <source>Hours are [“HH:mm”, “HH:mm”] pairs, start before end.</source>
        <translation>Tidene angis som par [«HH:mm», «HH:mm»], med start før slutt.</translation>
    </message>
    <message>
        <source>The hours of %1 overlap.</source>
        <translation>Tidene for %1 overlapper.</translation>
    </message>
    <message>
        <source>Holidays are dates such as 2026-12-25.</source>
        <translation>Fridager angis som datoer, for eksempel 2026-12-25.</translation>
    </message>
</context>
<context>
    <name>Signpost::Command</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 er påkrevd.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 må være tekst.</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 kan ikke være tomt.</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 er lengre enn %2 tegn.</translation>
    </message>
    <message>
        <source>attachments is a list of {upload, filename, content_type, size}: at most %1 files, each uploaded first.</source>
        <translation>attachments er en liste med {upload, filename, content_type, size}: høyst %1 filer, og hver fil må være lastet opp først.</translation>
    </message>
    <message>
        <source>A file&apos;s name is 1 to %1 characters, without / or \.</source>
        <translation>Et filnavn har 1 til %1 tegn, uten / eller \.</translation>
    </message>
    <message>
        <source>A file&apos;s content_type is a media type such as image/png.</source>
        <translation>content_type for en fil er en medietype, for eksempel image/png.</translation>
    </message>
    <message>
        <source>Every command needs an id: text of 1 to 100 characters.</source>
        <translation>Hver kommando må ha en id: tekst på 1 til 100 tegn.</translation>
    </message>
    <message>
        <source>ticket must be a ticket number.</source>
        <translation>ticket må være et saksnummer.</translation>
    </message>
    <message>
        <source>base_version must be the ticket version the action is based on.</source>
        <translation>base_version må være den versjonen av saken som handlingen bygger på.</translation>
    </message>
    <message>
        <source>type must be one of reply, note, transfer, assign, status, priority.</source>
        <translation>type må være reply, note, transfer, assign, status eller priority.</translation>
    </message>
    <message>
        <source>assignee must be an agent id or null.</source>
        <translation>assignee må være en agent-ID eller null.</translation>
    </message>
    <message>
        <source>status must be one of open, pending, solved, closed.</source>
        <translation>status må være open, pending, solved eller closed.</translation>
    </message>
    <message>
        <source>seen_seq must be the ticket&apos;s seq when writing began.</source>
        <translation>seen_seq må være sakens seq da du begynte å skrive.</translation>
    </message>
    <message>
        <source>A transfer needs the target department.</source>
        <translation>En overføring må ha en målavdeling.</translation>
    </message>
    <message>
        <source>assign needs an assignee (an agent id, or null to unassign).</source>
        <translation>assign må ha en ansvarlig (en agent-ID, eller null for å fjerne tildelingen).</translation>
    </message>
    <message>
        <source>priority must be one of low, normal, high, urgent.</source>
        <translation>priority må være low, normal, high eller urgent.</translation>
    </message>
</context>
<context>
    <name>Signpost::Routing</name>
    <message>
        <source>A rule needs a name of 1 to 200 characters.</source>
        <translation>En regel må ha et navn på 1 til 200 tegn.</translation>
    </message>
    <message>
        <source>department must be a department id.</source>
        <translation>department må være en avdelings-ID.</translation>
    </message>
    <message>
        <source>A rule needs the department it routes to.</source>
        <translation>En regel må ha en avdeling den sender til.</translation>
    </message>
    <message>
        <source>field must be one of subject, body, any.</source>
        <translation>field må være subject, body eller any.</translation>
    </message>
    <message>
        <source>is_regex must be true or false.</source>
        <translation>is_regex må være true eller false.</translation>
    </message>
    <message>
        <source>A rule needs a pattern of 1 to 2000 characters.</source>
        <translation>En regel må ha et mønster på 1 til 2000 tegn.</translation>
    </message>
    <message>
        <source>Give at least one keyword, separated by commas.</source>
        <translation>Oppgi minst ett nøkkelord, flere skilt med komma.</translation>
    </message>
    <message>
        <source>The regular expression is not valid: %1</source>
        <translation>Det regulære uttrykket er ugyldig: %1</translation>
    </message>
    <message>
        <source>shop must be a shop id or null.</source>
        <translation>shop må være en butikk-ID eller null.</translation>
    </message>
    <message>
        <source>channel must be one of web, email, api, or null.</source>
        <translation>channel må være web, email, api eller null.</translation>
    </message>
    <message>
        <source>enabled must be true or false.</source>
        <translation>enabled må være true eller false.</translation>
    </message>
    <message>
        <source>position must be a number.</source>
        <translation>position må være et tall.</translation>
    </message>
    <message>
        <source>Choose one of the departments offered on this form.</source>
        <translation>Velg en av avdelingene som dette skjemaet tilbyr.</translation>
    </message>
    <message>
        <source>There is no default department to route to.</source>
        <translation>Det finnes ingen standardavdeling å sende til.</translation>
    </message>
</context>
<context>
    <name>Signpost::SlaPolicy</name>
    <message>
        <source>%1 must be a whole number of minutes from 0 to %2.</source>
        <translation>%1 må være et helt antall minutter fra 0 til %2.</translation>
    </message>
    <message>
        <source>Unknown SLA setting “%1”; use %2.</source>
        <translation>Ukjent SLA-innstilling «%1»; bruk %2.</translation>
    </message>
    <message>
        <source>Unknown priority “%1” in the SLA targets.</source>
        <translation>Ukjent prioritet «%1» i SLA-målene.</translation>
    </message>
    <message>
        <source>SLA targets are first_response, next_response and resolution.</source>
        <translation>SLA-målene heter first_response, next_response og resolution.</translation>
    </message>
    <message>
        <source>at_risk_percent must be a whole number from 1 to 99.</source>
        <translation>at_risk_percent må være et heltall fra 1 til 99.</translation>
    </message>
</context>
</TS>
