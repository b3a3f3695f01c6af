<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Signpost::BusinessHours</name>
    <message>
        <source>“%1” is not a time zone, such as Europe/Oslo.</source>
        <translation>„%1“ ist keine gültige Zeitzone (z. B. Europe/Oslo).</translation>
    </message>
    <message>
        <source>Days are mon, tue, wed, thu, fri, sat and sun.</source>
        <translation>Die Tage heißen mon, tue, wed, thu, fri, sat und sun.</translation>
    </message>
    <message>
        <source>Hours are [“HH:mm”, “HH:mm”] pairs, start before end.</source>
        <translation>Zeiten werden als Paare [„HH:mm“, „HH:mm“] angegeben, Beginn vor Ende.</translation>
    </message>
    <message>
        <source>The hours of %1 overlap.</source>
        <translation>Die Zeiten für %1 überschneiden sich.</translation>
    </message>
    <message>
        <source>Holidays are dates such as 2026-12-25.</source>
        <translation>Feiertage werden als Datum angegeben, z. B. 2026-12-25.</translation>
    </message>
</context>
<context>
    <name>Signpost::Command</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 muss Text sein.</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 darf nicht leer sein.</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>attachments is a list of {upload, filename, content_type, size}: at most %1 files, each uploaded first.</source>
        <translation>attachments ist eine Liste aus {upload, filename, content_type, size}: höchstens %1 Dateien, jede zuvor hochgeladen.</translation>
    </message>
    <message>
        <source>A file&apos;s name is 1 to %1 characters, without / or \.</source>
        <translation>Ein Dateiname hat 1 bis %1 Zeichen, ohne / oder \.</translation>
    </message>
    <message>
        <source>A file&apos;s content_type is a media type such as image/png.</source>
        <translation>Der content_type einer Datei ist ein Medientyp, z. B. image/png.</translation>
    </message>
    <message>
        <source>Every command needs an id: text of 1 to 100 characters.</source>
        <translation>Jeder Befehl braucht eine id: Text mit 1 bis 100 Zeichen.</translation>
    </message>
    <message>
        <source>ticket must be a ticket number.</source>
        <translation>ticket muss eine Ticketnummer sein.</translation>
    </message>
    <message>
        <source>base_version must be the ticket version the action is based on.</source>
        <translation>base_version muss die Ticketversion sein, auf der die Aktion beruht.</translation>
    </message>
    <message>
        <source>type must be one of reply, note, transfer, assign, status, priority.</source>
        <translation>type muss reply, note, transfer, assign, status oder priority sein.</translation>
    </message>
    <message>
        <source>assignee must be an agent id or null.</source>
        <translation>assignee muss eine Mitarbeiter-ID oder null sein.</translation>
    </message>
    <message>
        <source>status must be one of open, pending, solved, closed.</source>
        <translation>status muss open, pending, solved oder closed sein.</translation>
    </message>
    <message>
        <source>seen_seq must be the ticket&apos;s seq when writing began.</source>
        <translation>seen_seq muss der seq-Wert des Tickets sein, als Sie zu schreiben begonnen haben.</translation>
    </message>
    <message>
        <source>A transfer needs the target department.</source>
        <translation>Für eine Übergabe wird die Zielabteilung benötigt.</translation>
    </message>
    <message>
        <source>assign needs an assignee (an agent id, or null to unassign).</source>
        <translation>assign braucht eine zuständige Person (eine Mitarbeiter-ID oder null, um die Zuweisung aufzuheben).</translation>
    </message>
    <message>
        <source>priority must be one of low, normal, high, urgent.</source>
        <translation>priority muss low, normal, high oder urgent sein.</translation>
    </message>
</context>
<context>
    <name>Signpost::Routing</name>
    <message>
        <source>A rule needs a name of 1 to 200 characters.</source>
        <translation>Eine Regel braucht einen Namen mit 1 bis 200 Zeichen.</translation>
    </message>
    <message>
        <source>department must be a department id.</source>
        <translation>department muss eine Abteilungs-ID sein.</translation>
    </message>
    <message>
        <source>A rule needs the department it routes to.</source>
        <translation>Eine Regel braucht die Abteilung, an die sie weiterleitet.</translation>
    </message>
    <message>
        <source>field must be one of subject, body, any.</source>
        <translation>field muss subject, body oder any sein.</translation>
    </message>
    <message>
        <source>is_regex must be true or false.</source>
        <translation>is_regex muss true oder false sein.</translation>
    </message>
    <message>
        <source>A rule needs a pattern of 1 to 2000 characters.</source>
        <translation>Eine Regel braucht ein Muster mit 1 bis 2000 Zeichen.</translation>
    </message>
    <message>
        <source>Give at least one keyword, separated by commas.</source>
        <translation>Geben Sie mindestens ein Stichwort an, mehrere durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>The regular expression is not valid: %1</source>
        <translation>Der reguläre Ausdruck ist ungültig: %1</translation>
    </message>
    <message>
        <source>shop must be a shop id or null.</source>
        <translation>shop muss eine Shop-ID oder null sein.</translation>
    </message>
    <message>
        <source>channel must be one of web, email, api, or null.</source>
        <translation>channel muss web, email, api oder null sein.</translation>
    </message>
    <message>
        <source>enabled must be true or false.</source>
        <translation>enabled muss true oder false sein.</translation>
    </message>
    <message>
        <source>position must be a number.</source>
        <translation>position muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>Choose one of the departments offered on this form.</source>
        <translation>Wählen Sie eine der Abteilungen, die dieses Formular anbietet.</translation>
    </message>
    <message>
        <source>There is no default department to route to.</source>
        <translation>Es gibt keine Standardabteilung, an die weitergeleitet werden kann.</translation>
    </message>
</context>
<context>
    <name>Signpost::SlaPolicy</name>
    <message>
        <source>%1 must be a whole number of minutes from 0 to %2.</source>
        <translation>%1 muss eine ganze Zahl von Minuten zwischen 0 und %2 sein.</translation>
    </message>
    <message>
        <source>Unknown SLA setting “%1”; use %2.</source>
        <translation>Unbekannte SLA-Einstellung „%1“; verwenden Sie %2.</translation>
    </message>
    <message>
        <source>Unknown priority “%1” in the SLA targets.</source>
        <translation>Unbekannte Priorität „%1“ in den SLA-Zielen.</translation>
    </message>
    <message>
        <source>SLA targets are first_response, next_response and resolution.</source>
        <translation>Die SLA-Ziele heißen first_response, next_response und resolution.</translation>
    </message>
    <message>
        <source>at_risk_percent must be a whole number from 1 to 99.</source>
        <translation>at_risk_percent muss eine ganze Zahl von 1 bis 99 sein.</translation>
    </message>
</context>
</TS>
