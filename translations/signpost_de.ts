<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Signpost::ApiClient</name>
    <message numerus="yes">
        <source>The server did not answer within %n seconds.</source>
        <translation>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Signpost::CannedRepliesWindow</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <source>A title agents will search for, e.g. Where is my parcel</source>
        <translation>Ein Titel, nach dem Agenten suchen, z. B. Wo ist mein Paket</translation>
    </message>
    <message>
        <source>Hi {customer.first_name},

…</source>
        <translation>Hallo {customer.first_name},

…</translation>
    </message>
    <message>
        <source>Canned replies of the department</source>
        <translation>Textbausteine der Abteilung</translation>
    </message>
    <message>
        <source>Fields filled in from the ticket: %1</source>
        <translation>Felder, die aus dem Ticket ausgefüllt werden: %1</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xt</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Abteilung</translation>
    </message>
    <message>
        <source>Department %1</source>
        <translation>Abteilung %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved. Agents&apos; desks get it within moments.</source>
        <translation>Gespeichert. Die Agenten haben es gleich auf ihrem Desk.</translation>
    </message>
    <message>
        <source>Delete canned reply</source>
        <translation>Textbaustein löschen</translation>
    </message>
    <message>
        <source>Delete “%1” for everyone in the department?</source>
        <translation>„%1“ für alle in der Abteilung löschen?</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
</context>
<context>
    <name>Signpost::CannedReplyPicker</name>
    <message>
        <source>Insert a canned reply — %1</source>
        <translation>Textbaustein einfügen – %1</translation>
    </message>
    <message>
        <source>Type to filter by title or text</source>
        <translation>Tippen, um nach Titel oder Text zu filtern</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <source>%1 has no canned replies yet. Its leads add them under Ticket &gt; Canned replies.</source>
        <translation>%1 hat noch keine Textbausteine. Die Teamleitung legt sie unter Ticket &gt; Textbausteine an.</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Keine Treffer.</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Einfügen</translation>
    </message>
</context>
<context>
    <name>Signpost::DashboardWindow</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA gefährdet</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA verletzt</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>SLA-Einhaltung</translation>
    </message>
    <message>
        <source>Created today</source>
        <translation>Heute erstellt</translation>
    </message>
    <message>
        <source>Solved today</source>
        <translation>Heute gelöst</translation>
    </message>
    <message>
        <source>First response, median</source>
        <translation>Erste Antwort, Median</translation>
    </message>
    <message>
        <source>First response, 90th percentile</source>
        <translation>Erste Antwort, 90. Perzentil</translation>
    </message>
    <message>
        <source>Resolution, median</source>
        <translation>Lösung, Median</translation>
    </message>
    <message>
        <source>Waiting for a first touch</source>
        <translation>Wartet auf erste Bearbeitung</translation>
    </message>
    <message>
        <source>First touch, median</source>
        <translation>Erste Bearbeitung, Median</translation>
    </message>
    <message>
        <source>Held before a transfer, median</source>
        <translation>Gehalten vor einer Übergabe, Median</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <source>You lead no department, so there are no figures to show.</source>
        <translation>Sie leiten keine Abteilung, daher gibt es keine Kennzahlen.</translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation>Letzte %1 Tage</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Team dashboard</source>
        <translation>Team-Dashboard</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Kennzahlen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Stand: %1</translation>
    </message>
    <message>
        <source>No figures yet</source>
        <translation>Noch keine Kennzahlen</translation>
    </message>
    <message>
        <source>Show these tickets</source>
        <translation>Diese Tickets anzeigen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Created and solved, last %1 days</source>
        <translation>Erstellt und gelöst, letzte %1 Tage</translation>
    </message>
    <message>
        <source>Open load and SLA risk per agent</source>
        <translation>Offene Last und SLA-Risiko je Agent</translation>
    </message>
</context>
<context>
    <name>Signpost::DepartmentDelegate</name>
    <message>
        <source>%1 new · %2 open · %3 unassigned · %4 mine</source>
        <translation>%1 neu · %2 offen · %3 nicht zugewiesen · %4 meine</translation>
    </message>
</context>
<context>
    <name>Signpost::DepartmentListModel</name>
    <message>
        <source>%1: %2 new, %3 open, %4 unassigned, %5 yours</source>
        <translation>%1: %2 neu, %3 offen, %4 nicht zugewiesen, %5 Ihre</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Signpost::Desk</name>
    <message>
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>%1 weighs %2; %3 takes files of up to %4.</source>
        <translation>%1 ist %2 groß; %3 nimmt Dateien bis %4 an.</translation>
    </message>
    <message>
        <source>this department</source>
        <translation>diese Abteilung</translation>
    </message>
    <message numerus="yes">
        <source>A message takes at most %n file(s).</source>
        <translation>
            <numerusform>Eine Nachricht kann höchstens %n Datei enthalten.</numerusform>
            <numerusform>Eine Nachricht kann höchstens %n Dateien enthalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>With %1 the files would weigh %2; a message takes up to %3.</source>
        <translation>Mit %1 wären die Dateien %2 groß; eine Nachricht nimmt bis %3 auf.</translation>
    </message>
    <message>
        <source>That refused message is gone.</source>
        <translation>Diese abgelehnte Nachricht gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>Schreiben Sie zuerst die Notiz.</translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation>Schreiben Sie zuerst die Antwort.</translation>
    </message>
    <message>
        <source>The last message on this ticket is still waiting to go.</source>
        <translation>Die letzte Nachricht zu diesem Ticket wartet noch auf den Versand.</translation>
    </message>
</context>
<context>
    <name>Signpost::DeskApplication</name>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1: %2</source>
        <translation>Der Server unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>signpost-server was not found next to signpost-desk or on the PATH.</source>
        <translation>signpost-server wurde weder neben signpost-desk noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>The demo server could not start: %1</source>
        <translation>Der Demo-Server konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>Signpost::FeedReader</name>
    <message>
        <source>The sync was stopped.</source>
        <translation>Die Synchronisierung wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>Signpost::MainWindow</name>
    <message>
        <source>&amp;Mine</source>
        <translation>&amp;Meine</translation>
    </message>
    <message>
        <source>&amp;Unassigned</source>
        <translation>&amp;Nicht zugewiesen</translation>
    </message>
    <message>
        <source>&amp;All departments</source>
        <translation>Alle Abtei&amp;lungen</translation>
    </message>
    <message>
        <source>Signpost</source>
        <translation>Signpost</translation>
    </message>
    <message>
        <source>Open work</source>
        <translation>Offene Arbeit</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA gefährdet</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA verletzt</translation>
    </message>
    <message>
        <source>Search this department (Ctrl+F)</source>
        <translation>In dieser Abteilung suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Zuweisen an …</translation>
    </message>
    <message>
        <source>Assign the selected tickets (Ctrl+Shift+A)</source>
        <translation>Ausgewählte Tickets zuweisen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Status setzen …</translation>
    </message>
    <message>
        <source>Set the status of the selected tickets (Ctrl+Shift+S)</source>
        <translation>Status der ausgewählten Tickets setzen (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Übergeben …</translation>
    </message>
    <message>
        <source>Transfer the selected tickets (Ctrl+T)</source>
        <translation>Ausgewählte Tickets übergeben (Strg+T)</translation>
    </message>
    <message numerus="yes">
        <source>Assigned %n tickets to %1.</source>
        <translation>
            <numerusform>%n Ticket an %1 zugewiesen.</numerusform>
            <numerusform>%n Tickets an %1 zugewiesen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unassigned %n tickets.</source>
        <translation>
            <numerusform>Zuweisung von %n Ticket aufgehoben.</numerusform>
            <numerusform>Zuweisung von %n Tickets aufgehoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set %n tickets to %1.</source>
        <translation>
            <numerusform>%n Ticket auf %1 gesetzt.</numerusform>
            <numerusform>%n Tickets auf %1 gesetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Typing searches this computer; Enter also searches older tickets on the server</source>
        <translation>Beim Tippen wird auf diesem Computer gesucht; Eingabe sucht auch ältere Tickets auf dem Server</translation>
    </message>
    <message>
        <source>Search every department you work in, not only this one</source>
        <translation>In allen Abteilungen suchen, in denen Sie arbeiten, nicht nur in dieser</translation>
    </message>
    <message>
        <source>Search all your departments (Ctrl+F)</source>
        <translation>In allen Ihren Abteilungen suchen (Strg+F)</translation>
    </message>
    <message>
        <source>A change to #%1 was not applied: %2 What you wrote is kept under View &gt; Waiting to send.</source>
        <translation>Eine Änderung an #%1 wurde nicht übernommen: %2 Was Sie geschrieben haben, finden Sie unter Ansicht &gt; Wartet auf Versand.</translation>
    </message>
    <message>
        <source>Not sent to #%1: %2 What you wrote is kept under View &gt; Waiting to send.</source>
        <translation>Nicht an #%1 gesendet: %2 Was Sie geschrieben haben, finden Sie unter Ansicht &gt; Wartet auf Versand.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Available for new tickets</source>
        <translation>Für neue Tickets verfügbar</translation>
    </message>
    <message>
        <source>Could not change availability: %1</source>
        <translation>Die Verfügbarkeit konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>You are available: new tickets may be assigned to you.</source>
        <translation>Sie sind verfügbar: Ihnen können neue Tickets zugewiesen werden.</translation>
    </message>
    <message>
        <source>You are away: your open tickets go to colleagues where the department assigns automatically.</source>
        <translation>Sie sind abwesend: Ihre offenen Tickets gehen an Kolleginnen und Kollegen, wo die Abteilung automatisch zuweist.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>&amp;Ticket</translation>
    </message>
    <message>
        <source>Next ticket</source>
        <translation>Nächstes Ticket</translation>
    </message>
    <message>
        <source>Previous ticket</source>
        <translation>Vorheriges Ticket</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Write an internal note</source>
        <translation>Interne Notiz schreiben</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send and set pending</source>
        <translation>Senden und auf wartend setzen</translation>
    </message>
    <message>
        <source>Undo send</source>
        <translation>Senden rückgängig machen</translation>
    </message>
    <message>
        <source>Insert canned reply…</source>
        <translation>Textbaustein einfügen …</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message numerus="yes">
        <source>Assigned %n tickets to you.</source>
        <translation>
            <numerusform>%n Ticket Ihnen zugewiesen.</numerusform>
            <numerusform>%n Tickets Ihnen zugewiesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set priority…</source>
        <translation>Priorität setzen …</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Go to ticket…</source>
        <translation>Zu Ticket springen …</translation>
    </message>
    <message>
        <source>Canned replies of my departments…</source>
        <translation>Textbausteine meiner Abteilungen …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Team dashboard</source>
        <translation>Team-Dashboard</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Keep on this computer</source>
        <translation>Auf diesem Computer behalten</translation>
    </message>
    <message>
        <source>Open tickets and the last 30 days</source>
        <translation>Offene Tickets und die letzten 30 Tage</translation>
    </message>
    <message>
        <source>Open tickets and the last 60 days</source>
        <translation>Offene Tickets und die letzten 60 Tage</translation>
    </message>
    <message>
        <source>Open tickets and the last 6 months</source>
        <translation>Offene Tickets und die letzten 6 Monate</translation>
    </message>
    <message>
        <source>Open tickets and the last year</source>
        <translation>Offene Tickets und das letzte Jahr</translation>
    </message>
    <message>
        <source>Every ticket</source>
        <translation>Alle Tickets</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Signpost speaks %1 from its next start.</source>
        <translation>Signpost spricht ab dem nächsten Start %1.</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Popups for %1</source>
        <translation>Pop-ups für %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Signpost</source>
        <translation>Über Signpost</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Signpost %1&lt;/h3&gt;&lt;p&gt;The helpdesk for e-commerce teams, department by department.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Signpost %1&lt;/h3&gt;&lt;p&gt;Der Helpdesk für E-Commerce-Teams, Abteilung für Abteilung.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Send the reply or note (in the editor)</source>
        <translation>Antwort oder Notiz senden (im Editor)</translation>
    </message>
    <message>
        <source>Go to ticket</source>
        <translation>Zu Ticket springen</translation>
    </message>
    <message>
        <source>Ticket number:</source>
        <translation>Ticketnummer:</translation>
    </message>
    <message>
        <source>“%1” is not a ticket number.</source>
        <translation>„%1“ ist keine Ticketnummer.</translation>
    </message>
    <message>
        <source>Ticket #%1 is not in your departments.</source>
        <translation>Ticket #%1 gehört zu keiner Ihrer Abteilungen.</translation>
    </message>
    <message>
        <source>Searching the server for “%1”…</source>
        <translation>Suche auf dem Server nach „%1“ …</translation>
    </message>
    <message>
        <source>Could not search the server: %1</source>
        <translation>Die Suche auf dem Server ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server has no other tickets for “%1”.</source>
        <translation>Der Server hat keine weiteren Tickets zu „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n more ticket(s) for “%1” on the server.</source>
        <translation>
            <numerusform>%n weiteres Ticket zu „%1“ auf dem Server gefunden.</numerusform>
            <numerusform>%n weitere Tickets zu „%1“ auf dem Server gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not change what this computer keeps: %1</source>
        <translation>Es konnte nicht geändert werden, was dieser Computer behält: %1</translation>
    </message>
    <message numerus="yes">
        <source>This computer keeps open tickets and %n day(s) of the rest; older ones are found by searching the server.</source>
        <translation>
            <numerusform>Dieser Computer behält offene Tickets und %n Tag vom Rest; ältere finden Sie über die Suche auf dem Server.</numerusform>
            <numerusform>Dieser Computer behält offene Tickets und %n Tage vom Rest; ältere finden Sie über die Suche auf dem Server.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer keeps every ticket of your departments.</source>
        <translation>Dieser Computer behält alle Tickets Ihrer Abteilungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n tickets selected</source>
        <translation>
            <numerusform>%n Ticket ausgewählt</numerusform>
            <numerusform>%n Tickets ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Mich</translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation>Niemanden (Zuweisung aufheben)</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Not done for %n:</source>
        <translation>
            <numerusform>Für %n nicht ausgeführt:</numerusform>
            <numerusform>Für %n nicht ausgeführt:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Transfer of %n tickets queued.</source>
        <translation>
            <numerusform>Übergabe von %n Ticket in die Warteschlange gestellt.</numerusform>
            <numerusform>Übergabe von %n Tickets in die Warteschlange gestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>◌ Syncing…</source>
        <translation>◌ Wird synchronisiert …</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 Änderung</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <source> — %1 waiting</source>
        <translation> – %1 wartet</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached. You can keep working; %1 will be sent when the connection is back.</source>
        <translation>Offline: Der Server ist nicht erreichbar. Sie können weiterarbeiten; %1 wird gesendet, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached. You can keep working from the cache; changes will be sent when the connection is back.</source>
        <translation>Offline: Der Server ist nicht erreichbar. Sie können mit dem lokalen Zwischenspeicher weiterarbeiten; Änderungen werden gesendet, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Signpost follows the system&apos;s language from its next start.</source>
        <translation>Signpost folgt ab dem nächsten Start der Sprache des Systems.</translation>
    </message>
</context>
<context>
    <name>Signpost::NotificationCentre</name>
    <message>
        <source>New ticket</source>
        <translation>Neues Ticket</translation>
    </message>
    <message>
        <source>Customer replied</source>
        <translation>Kunde hat geantwortet</translation>
    </message>
    <message>
        <source>Transferred to your department</source>
        <translation>An Ihre Abteilung übergeben</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation>Ihnen zugewiesen</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA gefährdet</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA verletzt</translation>
    </message>
    <message>
        <source>Ticket updated</source>
        <translation>Ticket aktualisiert</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Department %1</source>
        <translation>Abteilung %1</translation>
    </message>
    <message numerus="yes">
        <source>%n tickets need attention</source>
        <translation>
            <numerusform>%n Ticket braucht Aufmerksamkeit</numerusform>
            <numerusform>%n Tickets brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>In %1. Click to open the queue.</source>
        <translation>In %1. Klicken, um die Warteschlange zu öffnen.</translation>
    </message>
</context>
<context>
    <name>Signpost::OutboxWindow</name>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>Ticket öffnen</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Verwerfen …</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Choose a change to read what you wrote.</source>
        <translation>Wählen Sie eine Änderung, um zu lesen, was Sie geschrieben haben.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard this change and what you wrote with it?</source>
        <translation>Diese Änderung und das dazu Geschriebene verwerfen?</translation>
    </message>
    <message>
        <source>Not sent: the ticket left your departments before it could go</source>
        <translation>Nicht gesendet: Das Ticket hat Ihre Abteilungen verlassen, bevor es gesendet werden konnte</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf den Versand</translation>
    </message>
    <message>
        <source>Sent, waiting for the server&apos;s answer</source>
        <translation>Gesendet, wartet auf die Antwort des Servers</translation>
    </message>
    <message>
        <source>Not applied: the ticket changed first</source>
        <translation>Nicht übernommen: Das Ticket wurde vorher geändert</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>#%1 (not in your departments)</source>
        <translation>#%1 (nicht in Ihren Abteilungen)</translation>
    </message>
    <message>
        <source>Everything you did has reached the server.</source>
        <translation>Alles, was Sie getan haben, ist beim Server angekommen.</translation>
    </message>
    <message>
        <source>Waiting or refused: %1 (refused: %2). Nothing you wrote is lost: read or copy it below.</source>
        <translation>Wartend oder abgelehnt: %1 (abgelehnt: %2). Nichts, was Sie geschrieben haben, geht verloren: Lesen oder kopieren Sie es unten.</translation>
    </message>
    <message>
        <source>Waiting to reach the server: %1.</source>
        <translation>Wartet darauf, den Server zu erreichen: %1.</translation>
    </message>
</context>
<context>
    <name>Signpost::SignInDialog</name>
    <message>
        <source>Your team&apos;s Signpost address, from your admin.</source>
        <translation>Die Signpost-Adresse Ihres Teams, von Ihrer Administration.</translation>
    </message>
    <message>
        <source>Sign in to Signpost</source>
        <translation>Bei Signpost anmelden</translation>
    </message>
    <message>
        <source>help.example.com</source>
        <translation>hilfe.example.com</translation>
    </message>
    <message>
        <source>https:// is used when you type no scheme.</source>
        <translation>https:// wird verwendet, wenn Sie kein Schema angeben.</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>%1 is not encrypted (http): your password and every ticket would cross the network readable by anyone on the way. Use https:// if the server offers it, or press “Sign in anyway”.</source>
        <translation>%1 ist nicht verschlüsselt (http): Ihr Passwort und jedes Ticket wären unterwegs für jeden lesbar. Verwenden Sie https://, wenn der Server es anbietet, oder klicken Sie auf „Trotzdem anmelden“.</translation>
    </message>
    <message>
        <source>Sign in anyway</source>
        <translation>Trotzdem anmelden</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
</context>
<context>
    <name>Signpost::SyncEngine</name>
    <message>
        <source>You were signed out on the server.</source>
        <translation>Sie wurden auf dem Server abgemeldet.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an admin.</source>
        <translation>Dieses Konto ist deaktiviert. Wenden Sie sich an die Administration.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Die Datei konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Signpost::TicketQueueModel</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>✎ %1</source>
        <translation>✎ %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>You have a draft on this ticket.
%1</source>
        <translation>Sie haben einen Entwurf zu diesem Ticket.
%1</translation>
    </message>
    <message>
        <source>1 change waiting to be sent</source>
        <translation>1 Änderung wartet auf den Versand</translation>
    </message>
    <message>
        <source>%1 changes waiting to be sent</source>
        <translation>%1 Änderungen warten auf den Versand</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>Signpost::TicketView</name>
    <message>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Übergeben …</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Write it again</source>
        <translation>Neu schreiben</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Send &amp;&amp; set pending</source>
        <translation>Senden &amp;&amp; auf wartend setzen</translation>
    </message>
    <message>
        <source>Canned reply…</source>
        <translation>Textbaustein …</translation>
    </message>
    <message>
        <source>Atta&amp;ch files…</source>
        <translation>Dateien anhän&amp;gen …</translation>
    </message>
    <message>
        <source>Choose a ticket from the queue.</source>
        <translation>Wählen Sie ein Ticket aus der Warteschlange.</translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation>Servicelevel</translation>
    </message>
    <message>
        <source>Colleagues on this ticket</source>
        <translation>Kolleginnen und Kollegen an diesem Ticket</translation>
    </message>
    <message>
        <source>Status (Ctrl+Shift+S)</source>
        <translation>Status (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Priority (Ctrl+Shift+P)</source>
        <translation>Priorität (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Assignee (Ctrl+Shift+A)</source>
        <translation>Zuständig (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Reply to customer</source>
        <translation>Kunde antworten</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Return</source>
        <translation>Ctrl+Shift+Return</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Read what changed, then send again.</source>
        <translation>Lesen Sie, was sich geändert hat, und senden Sie erneut.</translation>
    </message>
    <message>
        <source>Their other tickets</source>
        <translation>Weitere Tickets der Kundschaft</translation>
    </message>
    <message>
        <source>Insert one of the department&apos;s canned replies (Ctrl+I)</source>
        <translation>Einen Textbaustein der Abteilung einfügen (Strg+I)</translation>
    </message>
    <message>
        <source>Files for the customer (a reply) or for your team (a note)</source>
        <translation>Dateien für die Kundschaft (Antwort) oder für Ihr Team (Notiz)</translation>
    </message>
    <message>
        <source>Status changed.</source>
        <translation>Status geändert.</translation>
    </message>
    <message>
        <source>Priority changed.</source>
        <translation>Priorität geändert.</translation>
    </message>
    <message>
        <source>Assigned.</source>
        <translation>Zugewiesen.</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>Verworfen.</translation>
    </message>
    <message>
        <source>Put the text back in the editor, to send after reading what changed</source>
        <translation>Text zurück in den Editor holen, um ihn nach dem Lesen der Änderungen zu senden</translation>
    </message>
    <message>
        <source>Your text is back in the editor.</source>
        <translation>Ihr Text ist wieder im Editor.</translation>
    </message>
    <message>
        <source>%1 is writing</source>
        <translation>%1 schreibt</translation>
    </message>
    <message>
        <source>%1 is viewing</source>
        <translation>%1 sieht sich das Ticket an</translation>
    </message>
    <message>
        <source>Your draft could not be saved: %1</source>
        <translation>Ihr Entwurf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Write an internal note: only your team sees it…</source>
        <translation>Interne Notiz schreiben: Nur Ihr Team sieht sie …</translation>
    </message>
    <message>
        <source>Write your reply to the customer…</source>
        <translation>Ihre Antwort an die Kundschaft schreiben …</translation>
    </message>
    <message>
        <source>Internal note: only agents see it, never the customer.</source>
        <translation>Interne Notiz: Nur Agenten sehen sie, nie die Kundschaft.</translation>
    </message>
    <message>
        <source>Reply: %1 gets this by email.</source>
        <translation>Antwort: %1 erhält dies per E-Mail.</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>die Kundschaft</translation>
    </message>
    <message>
        <source>Not sent to the customer</source>
        <translation>Nicht an die Kundschaft gesendet</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>Add internal note</source>
        <translation>Interne Notiz hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Your note is added in %n s.</source>
        <translation>
            <numerusform>Ihre Notiz wird in %n s hinzugefügt.</numerusform>
            <numerusform>Ihre Notiz wird in %n s hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your reply goes to the customer in %n s.</source>
        <translation>
            <numerusform>Ihre Antwort geht in %n s an die Kundschaft.</numerusform>
            <numerusform>Ihre Antwort geht in %n s an die Kundschaft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>This ticket is no longer in your departments.</source>
        <translation>Dieses Ticket gehört zu keiner Ihrer Abteilungen mehr.</translation>
    </message>
    <message>
        <source>#%1 · %2 · via %3 · opened %4</source>
        <translation>#%1 · %2 · über %3 · eröffnet %4</translation>
    </message>
    <message>
        <source>another department</source>
        <translation>eine andere Abteilung</translation>
    </message>
    <message>
        <source>Not sent (%1): %2</source>
        <translation>Nicht gesendet (%1): %2</translation>
    </message>
    <message>
        <source>Not applied (%1): the ticket changed before it reached the server. It now shows the server&apos;s state.</source>
        <translation>Nicht übernommen (%1): Das Ticket hat sich geändert, bevor die Änderung den Server erreichte. Es zeigt jetzt den Stand des Servers.</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>Abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>
What you wrote: “%1”</source>
        <translation>
Ihr Text: „%1“</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2%3</translation>
    </message>
    <message>
        <source>&lt;br&gt;Order %1</source>
        <translation>&lt;br&gt;Bestellung %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Signpost</source>
        <translation>Signpost</translation>
    </message>
    <message>
        <source>department %1</source>
        <translation>Abteilung %1</translation>
    </message>
    <message>
        <source>Created via %1</source>
        <translation>Erstellt über %1</translation>
    </message>
    <message>
        <source>Routed to %1 — %2</source>
        <translation>Weitergeleitet an %1 – %2</translation>
    </message>
    <message>
        <source>%1 transferred it from %2 to %3</source>
        <translation>%1 hat es von %2 an %3 übergeben</translation>
    </message>
    <message>
        <source>: “%1”</source>
        <translation>: „%1“</translation>
    </message>
    <message>
        <source>%1 assigned it to %2</source>
        <translation>%1 hat es %2 zugewiesen</translation>
    </message>
    <message>
        <source>%1 unassigned it</source>
        <translation>%1 hat die Zuweisung aufgehoben</translation>
    </message>
    <message>
        <source>%1 set the status from %2 to %3</source>
        <translation>%1 hat den Status von %2 auf %3 gesetzt</translation>
    </message>
    <message>
        <source>The customer&apos;s reply</source>
        <translation>Antwort der Kundschaft</translation>
    </message>
    <message>
        <source>%1 target at risk</source>
        <translation>Ziel „%1“ gefährdet</translation>
    </message>
    <message>
        <source>%1 target breached (due %2)</source>
        <translation>Ziel „%1“ verletzt (fällig %2)</translation>
    </message>
    <message>
        <source>The reply was mailed to %1</source>
        <translation>Die Antwort wurde per E-Mail an %1 gesendet</translation>
    </message>
    <message>
        <source>The mail to %1 is not accepted yet (%2); trying again</source>
        <translation>Die E-Mail an %1 wurde noch nicht angenommen (%2); neuer Versuch folgt</translation>
    </message>
    <message>
        <source>The mail to %1 bounced: %2</source>
        <translation>Die E-Mail an %1 kam zurück: %2</translation>
    </message>
    <message>
        <source>The mail to %1 could not be delivered: %2</source>
        <translation>Die E-Mail an %1 konnte nicht zugestellt werden: %2</translation>
    </message>
    <message>
        <source>%1 set the priority from %2 to %3</source>
        <translation>%1 hat die Priorität von %2 auf %3 gesetzt</translation>
    </message>
    <message>
        <source>%1 wrote</source>
        <translation>%1 schrieb</translation>
    </message>
    <message>
        <source>%1 replied as %2</source>
        <translation>%1 hat als %2 geantwortet</translation>
    </message>
    <message>
        <source>Internal note by %1</source>
        <translation>Interne Notiz von %1</translation>
    </message>
    <message>
        <source>Hide the quoted text</source>
        <translation>Zitierten Text ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>… show the quoted text (%n lines)</source>
        <translation>
            <numerusform>… zitierten Text anzeigen (%n Zeile)</numerusform>
            <numerusform>… zitierten Text anzeigen (%n Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source> · waiting to be sent</source>
        <translation> · wartet auf den Versand</translation>
    </message>
    <message>
        <source> · ✉ mailed</source>
        <translation> · ✉ per E-Mail gesendet</translation>
    </message>
    <message>
        <source> · ✉ mail delayed</source>
        <translation> · ✉ E-Mail verzögert</translation>
    </message>
    <message>
        <source>✉ mail not delivered</source>
        <translation>✉ E-Mail nicht zugestellt</translation>
    </message>
    <message>
        <source>✉ mail bounced</source>
        <translation>✉ E-Mail zurückgekommen</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Notiz hinzugefügt.</translation>
    </message>
    <message>
        <source>Reply queued.</source>
        <translation>Antwort eingereiht.</translation>
    </message>
    <message>
        <source>Since you began writing:</source>
        <translation>Seit Sie zu schreiben begonnen haben:</translation>
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
        <source>• %1 at %2: “%3”</source>
        <translation>• %1 um %2: „%3“</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) &lt;a href=&quot;remove:%3&quot;&gt;Remove&lt;/a&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) &lt;a href=&quot;remove:%3&quot;&gt;Entfernen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>Dateien: %1</translation>
    </message>
    <message>
        <source>Not sent: your text is back in the editor.</source>
        <translation>Nicht gesendet: Ihr Text ist wieder im Editor.</translation>
    </message>
    <message>
        <source>Assigned to you.</source>
        <translation>Ihnen zugewiesen.</translation>
    </message>
    <message>
        <source>Transfer queued.</source>
        <translation>Übergabe eingereiht.</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Sprache: %1</translation>
    </message>
</context>
<context>
    <name>Signpost::TokenVault</name>
    <message>
        <source>No system keychain is available (%1), so you will be asked to sign in again next time.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar (%1); Sie werden beim nächsten Mal erneut zur Anmeldung aufgefordert.</translation>
    </message>
</context>
<context>
    <name>Signpost::TransferDialog</name>
    <message>
        <source>Transfer #%1</source>
        <translation>#%1 übergeben</translation>
    </message>
    <message numerus="yes">
        <source>Transfer %n tickets</source>
        <translation>
            <numerusform>%n Ticket übergeben</numerusform>
            <numerusform>%n Tickets übergeben</numerusform>
        </translation>
    </message>
    <message>
        <source>What should the next team know? (optional)</source>
        <translation>Was sollte das nächste Team wissen? (optional)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; von %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>The thread, internal notes, history and customer details travel with the ticket.</source>
        <translation>Verlauf, interne Notizen, Historie und Kundendaten wandern mit dem Ticket.</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Abteilung</translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation>&amp;Zuständig</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Übergeben</translation>
    </message>
    <message>
        <source>Anyone in the department</source>
        <translation>Beliebige Person in der Abteilung</translation>
    </message>
</context>
<context>
    <name>SlaStanding</name>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>überfällig %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Erste Antwort</translation>
    </message>
    <message>
        <source>Next response</source>
        <translation>Nächste Antwort</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>First touch</source>
        <translation>Erste Bearbeitung</translation>
    </message>
</context>
</TS>
