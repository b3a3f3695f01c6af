<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Signpost::AdministrationWindow</name>
    <message>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>&amp;Departments</source>
        <translation>&amp;Abteilungen</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Mitglieder</translation>
    </message>
    <message>
        <source>&amp;Routing rules</source>
        <translation>&amp;Zuordnungsregeln</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Abteilungen</translation>
    </message>
    <message>
        <source>What customers pick on the contact form, e.g. Returns and refunds</source>
        <translation>Was Kunden im Kontaktformular wählen, z. B. Rücksendungen und Erstattungen</translation>
    </message>
    <message>
        <source>Empty: the label above</source>
        <translation>Leer: die Bezeichnung darüber</translation>
    </message>
    <message>
        <source>The name customers see a reply come from</source>
        <translation>Der Name, von dem Kunden eine Antwort erhalten</translation>
    </message>
    <message>
        <source>One address per line, e.g. returns@shop.example</source>
        <translation>Eine Adresse pro Zeile, z. B. retouren@shop.example</translation>
    </message>
    <message>
        <source>Where whatever nothing else claims goes</source>
        <translation>Hierher geht alles, was sonst nirgends hingehört</translation>
    </message>
    <message>
        <source>Takes no new tickets and is no transfer target</source>
        <translation>Nimmt keine neuen Tickets an und ist kein Übergabeziel</translation>
    </message>
    <message>
        <source>A reply as the customer gets it</source>
        <translation>Eine Antwort, wie der Kunde sie erhält</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Label for customers</source>
        <translation>&amp;Bezeichnung für Kunden</translation>
    </message>
    <message>
        <source>… in Norwegian</source>
        <translation>… auf Norwegisch</translation>
    </message>
    <message>
        <source>… in German</source>
        <translation>… auf Deutsch</translation>
    </message>
    <message>
        <source>&amp;Sender name</source>
        <translation>Ab&amp;sendername</translation>
    </message>
    <message>
        <source>Si&amp;gnature</source>
        <translation>Si&amp;gnatur</translation>
    </message>
    <message>
        <source>Receiving &amp;addresses</source>
        <translation>&amp;Empfangsadressen</translation>
    </message>
    <message>
        <source>On the contact form of</source>
        <translation>Im Kontaktformular von</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Save department</source>
        <translation>Abteilung speichern</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>Neue Abteilung</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role in the department</source>
        <translation>Rolle in der Abteilung</translation>
    </message>
    <message>
        <source>Members see and work the department&apos;s tickets; leads also see its dashboard and keep its canned replies. Admins see every department.</source>
        <translation>Mitglieder sehen und bearbeiten die Tickets der Abteilung; die Teamleitung sieht zusätzlich das Dashboard und pflegt die Textbausteine. Administratoren sehen alle Abteilungen.</translation>
    </message>
    <message>
        <source>D&amp;epartment</source>
        <translation>Ab&amp;teilung</translation>
    </message>
    <message>
        <source>Routing rules, in the order they are tried</source>
        <translation>Zuordnungsregeln, in der Reihenfolge, in der sie geprüft werden</translation>
    </message>
    <message>
        <source>Subject or message</source>
        <translation>Betreff oder Nachricht</translation>
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
        <source>Words or phrases, separated by commas: refund, money back</source>
        <translation>Wörter oder Wendungen, durch Kommas getrennt: Erstattung, Geld zurück</translation>
    </message>
    <message>
        <source>The pattern is a regular expression</source>
        <translation>Das Muster ist ein regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>Contact form</source>
        <translation>Kontaktformular</translation>
    </message>
    <message>
        <source>A shop&apos;s own form (API)</source>
        <translation>Eigenes Formular eines Shops (API)</translation>
    </message>
    <message>
        <source>Tried for every first contact</source>
        <translation>Wird bei jeder Erstanfrage geprüft</translation>
    </message>
    <message>
        <source>After the others</source>
        <translation>Nach den anderen</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>Schickt an</translation>
    </message>
    <message>
        <source>Looks in</source>
        <translation>Sucht in</translation>
    </message>
    <message>
        <source>&amp;Pattern</source>
        <translation>M&amp;uster</translation>
    </message>
    <message>
        <source>Only for the shop</source>
        <translation>Nur für den Shop</translation>
    </message>
    <message>
        <source>Only for</source>
        <translation>Nur für</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Regel speichern</translation>
    </message>
    <message>
        <source>Test this message</source>
        <translation>Diese Nachricht testen</translation>
    </message>
    <message>
        <source>For email: the address it was sent to</source>
        <translation>Bei E-Mail: die Adresse, an die sie ging</translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation>Betre&amp;ff</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Came by</source>
        <translation>Kam über</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Gesendet an</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Geht an</translation>
    </message>
    <message>
        <source>Reading the helpdesk&apos;s settings…</source>
        <translation>Einstellungen des Helpdesks werden gelesen …</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archiviert)</translation>
    </message>
    <message>
        <source>Any shop</source>
        <translation>Alle Shops</translation>
    </message>
    <message>
        <source>No shop</source>
        <translation>Kein Shop</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (aus)</translation>
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
        <source>Not saved: see the message under the field.</source>
        <translation>Nicht gespeichert: siehe den Hinweis unter dem Feld.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved. Every desk gets the change within moments.</source>
        <translation>Gespeichert. Jeder Desk erhält die Änderung in wenigen Augenblicken.</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>Subject: Re: Where is my parcel? [#1042]</source>
        <translation>Betreff: AW: Wo ist mein Paket? [#1042]</translation>
    </message>
    <message>
        <source>Hi Maria,

Your parcel left our warehouse this morning; the carrier brings it on Friday.</source>
        <translation>Hallo Maria,

Ihr Paket hat heute Morgen unser Lager verlassen; der Paketdienst liefert es am Freitag.</translation>
    </message>
    <message>
        <source>%1 (admin)</source>
        <translation>%1 (Administrator)</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Kein Mitglied</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <source>Removed from the department. Their desk lets its tickets go.</source>
        <translation>Aus der Abteilung entfernt. Ihr Desk gibt die Tickets der Abteilung frei.</translation>
    </message>
    <message>
        <source>Saved. Their desk gets the department&apos;s tickets within moments.</source>
        <translation>Gespeichert. Ihr Desk erhält die Tickets der Abteilung in wenigen Augenblicken.</translation>
    </message>
    <message>
        <source>Saved. New contacts are routed by it from now on.</source>
        <translation>Gespeichert. Neue Anfragen werden ab jetzt danach zugeordnet.</translation>
    </message>
    <message>
        <source>Delete routing rule</source>
        <translation>Zuordnungsregel löschen</translation>
    </message>
    <message>
        <source>Delete the rule “%1”?</source>
        <translation>Die Regel „%1“ löschen?</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>Write a subject or a message to see where it goes.</source>
        <translation>Schreiben Sie einen Betreff oder eine Nachricht, um zu sehen, wohin sie geht.</translation>
    </message>
    <message>
        <source>Nowhere: %1</source>
        <translation>Nirgendwohin: %1</translation>
    </message>
    <message>
        <source>(The new rule counts, though not saved yet.)</source>
        <translation>(Die neue Regel zählt mit, obwohl sie noch nicht gespeichert ist.)</translation>
    </message>
    <message>
        <source>The helpdesk&apos;s settings could not be read: %1</source>
        <translation>Die Einstellungen des Helpdesks konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1, because it was sent to %2.</source>
        <translation>%1, weil sie an %2 gesendet wurde.</translation>
    </message>
    <message>
        <source>%1, because it matches the rule “%2”.</source>
        <translation>%1, weil sie auf die Regel „%2“ passt.</translation>
    </message>
    <message>
        <source>%1, because no rule matches and it is the default department.</source>
        <translation>%1, weil keine Regel passt und dies die Standardabteilung ist.</translation>
    </message>
    <message>
        <source>Ser&amp;vice levels</source>
        <translation>Ser&amp;vicelevel</translation>
    </message>
    <message>
        <source>S&amp;hops</source>
        <translation>S&amp;hops</translation>
    </message>
    <message>
        <source>Add an agent</source>
        <translation>Mitarbeiter hinzufügen</translation>
    </message>
    <message>
        <source>At least 8 characters; they can change it later</source>
        <translation>Mindestens 8 Zeichen; später selbst änderbar</translation>
    </message>
    <message>
        <source>Sees every department and can change these settings</source>
        <translation>Sieht alle Abteilungen und kann diese Einstellungen ändern</translation>
    </message>
    <message>
        <source>F&amp;ull name</source>
        <translation>V&amp;or- und Nachname</translation>
    </message>
    <message>
        <source>Ema&amp;il</source>
        <translation>E-Ma&amp;il</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Add agent</source>
        <translation>Mitarbeiter anlegen</translation>
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
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>Closed days, one per line: 2026-12-24</source>
        <translation>Geschlossene Tage, einer pro Zeile: 2026-12-24</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Von Hand</translation>
    </message>
    <message>
        <source>In turn (round robin)</source>
        <translation>Reihum (Round Robin)</translation>
    </message>
    <message>
        <source>To whoever has the fewest open tickets</source>
        <translation>An wen am wenigsten offene Tickets hat</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>Service targets, in working minutes</source>
        <translation>Serviceziele, in Arbeitsminuten</translation>
    </message>
    <message>
        <source>First touch by the department</source>
        <translation>Erste Bearbeitung in der Abteilung</translation>
    </message>
    <message>
        <source>At risk after</source>
        <translation>Gefährdet ab</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Closed; or 08:00–16:00, and more after a comma</source>
        <translation>Geschlossen; oder 08:00–16:00, weitere nach einem Komma</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Geschlossen am</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <source>New tickets go</source>
        <translation>Neue Tickets gehen</translation>
    </message>
    <message>
        <source>At most per agent</source>
        <translation>Höchstens pro Mitarbeiter</translation>
    </message>
    <message>
        <source>Who hears of what</source>
        <translation>Wer wovon erfährt</translation>
    </message>
    <message>
        <source>A new ticket</source>
        <translation>Ein neues Ticket</translation>
    </message>
    <message>
        <source>A customer&apos;s reply</source>
        <translation>Eine Antwort des Kunden</translation>
    </message>
    <message>
        <source>A transfer in</source>
        <translation>Eine Übergabe herein</translation>
    </message>
    <message>
        <source>A target at risk</source>
        <translation>Ein gefährdetes Ziel</translation>
    </message>
    <message>
        <source>A target missed</source>
        <translation>Ein verfehltes Ziel</translation>
    </message>
    <message>
        <source>Every member</source>
        <translation>Alle Mitglieder</translation>
    </message>
    <message>
        <source>The leads</source>
        <translation>Die Teamleitung</translation>
    </message>
    <message>
        <source>The assignee (the members while nobody has it)</source>
        <translation>Die zuständige Person (die Mitglieder, solange niemand zuständig ist)</translation>
    </message>
    <message>
        <source>The assignee and the leads</source>
        <translation>Die zuständige Person und die Teamleitung</translation>
    </message>
    <message>
        <source>Save service levels</source>
        <translation>Servicelevel speichern</translation>
    </message>
    <message>
        <source>Depar&amp;tment</source>
        <translation>Abtei&amp;lung</translation>
    </message>
    <message>
        <source>Write the hours of %1 as 08:00–16:00, several separated by commas.</source>
        <translation>Schreiben Sie die Zeiten für %1 als 08:00–16:00, mehrere durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Saved. Open tickets get their new due times within moments.</source>
        <translation>Gespeichert. Offene Tickets erhalten ihre neuen Fristen in wenigen Augenblicken.</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>Shops</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and dashes, e.g. fjord-kids</source>
        <translation>Kleinbuchstaben, Ziffern und Bindestriche, z. B. fjord-kids</translation>
    </message>
    <message>
        <source>One per line, e.g. https://fjordkids.example</source>
        <translation>Eine pro Zeile, z. B. https://fjordkids.example</translation>
    </message>
    <message>
        <source>The shop&apos;s contact form speaks the customer&apos;s language among those ticked, else the default. Pages at the origins listed may send the shop&apos;s own form to Signpost from the browser.</source>
        <translation>Das Kontaktformular des Shops spricht die Sprache des Kunden, wenn sie angekreuzt ist, sonst die Standardsprache. Seiten der hier genannten Ursprünge dürfen das eigene Formular des Shops aus dem Browser an Signpost senden.</translation>
    </message>
    <message>
        <source>&amp;Form address</source>
        <translation>Fo&amp;rmularadresse</translation>
    </message>
    <message>
        <source>Customers&apos; languages</source>
        <translation>Sprachen der Kunden</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Standardsprache</translation>
    </message>
    <message>
        <source>Its own pages</source>
        <translation>Eigene Seiten</translation>
    </message>
    <message>
        <source>Save shop</source>
        <translation>Shop speichern</translation>
    </message>
    <message>
        <source>New shop</source>
        <translation>Neuer Shop</translation>
    </message>
    <message>
        <source>Saved. Its contact form follows at once.</source>
        <translation>Gespeichert. Das Kontaktformular folgt sofort.</translation>
    </message>
    <message>
        <source>Added. They can sign in now; choose their departments in the table.</source>
        <translation>Angelegt. Die Person kann sich jetzt anmelden; wählen Sie ihre Abteilungen in der Tabelle.</translation>
    </message>
    <message>
        <source>Cannot sign in; their desks are signed out at once</source>
        <translation>Kann sich nicht anmelden; der Desk wird sofort abgemeldet</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>New agent</source>
        <translation>Neuer Mitarbeiter</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Leave empty to keep their password</source>
        <translation>Leer lassen, um das Passwort zu behalten</translation>
    </message>
    <message>
        <source>Save agent</source>
        <translation>Mitarbeiter speichern</translation>
    </message>
    <message>
        <source>Saved. They cannot sign in, and their desks are signed out.</source>
        <translation>Gespeichert. Die Person kann sich nicht mehr anmelden, und ihr Desk ist abgemeldet.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Delete department</source>
        <translation>Abteilung löschen</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Größte Datei</translation>
    </message>
    <message>
        <source>All files of one message</source>
        <translation>Alle Dateien einer Nachricht</translation>
    </message>
    <message>
        <source>Delete the department “%1”? Only one that has never had tickets, rules or members can be deleted; archive the others.</source>
        <translation>Die Abteilung „%1“ löschen? Nur eine Abteilung, die nie Tickets, Regeln oder Mitglieder hatte, kann gelöscht werden; archivieren Sie die anderen.</translation>
    </message>
    <message>
        <source>Department settings</source>
        <translation>Abteilungseinstellungen</translation>
    </message>
</context>
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
    <message>
        <source>Administration…</source>
        <translation>Verwaltung …</translation>
    </message>
    <message>
        <source>Department settings…</source>
        <translation>Abteilungseinstellungen …</translation>
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
