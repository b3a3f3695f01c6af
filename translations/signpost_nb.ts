<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>Signpost::AdministrationWindow</name>
    <message>
        <source>Administration</source>
        <translation>Administrasjon</translation>
    </message>
    <message>
        <source>&amp;Departments</source>
        <translation>&amp;Avdelinger</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>Me&amp;dlemmer</translation>
    </message>
    <message>
        <source>&amp;Routing rules</source>
        <translation>&amp;Rutingsregler</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Avdelinger</translation>
    </message>
    <message>
        <source>What customers pick on the contact form, e.g. Returns and refunds</source>
        <translation>Det kundene velger i kontaktskjemaet, f.eks. Retur og refusjon</translation>
    </message>
    <message>
        <source>Empty: the label above</source>
        <translation>Tomt: etiketten over</translation>
    </message>
    <message>
        <source>The name customers see a reply come from</source>
        <translation>Navnet kundene ser at svaret kommer fra</translation>
    </message>
    <message>
        <source>One address per line, e.g. returns@shop.example</source>
        <translation>Én adresse per linje, f.eks. retur@butikk.example</translation>
    </message>
    <message>
        <source>Where whatever nothing else claims goes</source>
        <translation>Hit går alt som ingen annen regel fanger opp</translation>
    </message>
    <message>
        <source>Takes no new tickets and is no transfer target</source>
        <translation>Tar ikke imot nye saker og kan ikke motta overføringer</translation>
    </message>
    <message>
        <source>A reply as the customer gets it</source>
        <translation>Et svar slik kunden får det</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Label for customers</source>
        <translation>&amp;Etikett for kunder</translation>
    </message>
    <message>
        <source>… in Norwegian</source>
        <translation>… på norsk</translation>
    </message>
    <message>
        <source>… in German</source>
        <translation>… på tysk</translation>
    </message>
    <message>
        <source>&amp;Sender name</source>
        <translation>Av&amp;sendernavn</translation>
    </message>
    <message>
        <source>Si&amp;gnature</source>
        <translation>Si&amp;gnatur</translation>
    </message>
    <message>
        <source>Receiving &amp;addresses</source>
        <translation>Mo&amp;ttaksadresser</translation>
    </message>
    <message>
        <source>On the contact form of</source>
        <translation>I kontaktskjemaet til</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Arkivert</translation>
    </message>
    <message>
        <source>Save department</source>
        <translation>Lagre avdeling</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>Ny avdeling</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Role in the department</source>
        <translation>Rolle i avdelingen</translation>
    </message>
    <message>
        <source>Members see and work the department&apos;s tickets; leads also see its dashboard and keep its canned replies. Admins see every department.</source>
        <translation>Medlemmer ser og behandler avdelingens saker; teamledere ser også dashbordet og vedlikeholder hurtigsvarene. Administratorer ser alle avdelinger.</translation>
    </message>
    <message>
        <source>D&amp;epartment</source>
        <translation>A&amp;vdeling</translation>
    </message>
    <message>
        <source>Routing rules, in the order they are tried</source>
        <translation>Rutingsregler, i den rekkefølgen de prøves</translation>
    </message>
    <message>
        <source>Subject or message</source>
        <translation>Emne eller melding</translation>
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
        <source>Words or phrases, separated by commas: refund, money back</source>
        <translation>Ord eller uttrykk, skilt med komma: refusjon, pengene tilbake</translation>
    </message>
    <message>
        <source>The pattern is a regular expression</source>
        <translation>Mønsteret er et regulært uttrykk</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>Alle kanaler</translation>
    </message>
    <message>
        <source>Contact form</source>
        <translation>Kontaktskjema</translation>
    </message>
    <message>
        <source>A shop&apos;s own form (API)</source>
        <translation>Butikkens eget skjema (API)</translation>
    </message>
    <message>
        <source>Tried for every first contact</source>
        <translation>Prøves ved hver første henvendelse</translation>
    </message>
    <message>
        <source>After the others</source>
        <translation>Etter de andre</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>Sender til</translation>
    </message>
    <message>
        <source>Looks in</source>
        <translation>Ser i</translation>
    </message>
    <message>
        <source>&amp;Pattern</source>
        <translation>M&amp;ønster</translation>
    </message>
    <message>
        <source>Only for the shop</source>
        <translation>Bare for butikken</translation>
    </message>
    <message>
        <source>Only for</source>
        <translation>Bare for</translation>
    </message>
    <message>
        <source>On</source>
        <translation>På</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Plassering</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Ny regel</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Slett regel</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Lagre regel</translation>
    </message>
    <message>
        <source>Test this message</source>
        <translation>Test denne meldingen</translation>
    </message>
    <message>
        <source>For email: the address it was sent to</source>
        <translation>For e-post: adressen den ble sendt til</translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation>E&amp;mne</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Butikk</translation>
    </message>
    <message>
        <source>Came by</source>
        <translation>Kom via</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Sendt til</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Går til</translation>
    </message>
    <message>
        <source>Reading the helpdesk&apos;s settings…</source>
        <translation>Leser innstillingene for helpdesken …</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (standard)</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (arkivert)</translation>
    </message>
    <message>
        <source>Any shop</source>
        <translation>Alle butikker</translation>
    </message>
    <message>
        <source>No shop</source>
        <translation>Ingen butikk</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (av)</translation>
    </message>
    <message>
        <source>Department %1</source>
        <translation>Avdeling %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Lagrer …</translation>
    </message>
    <message>
        <source>Not saved: see the message under the field.</source>
        <translation>Ikke lagret: se meldingen under feltet.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke lagret: %1</translation>
    </message>
    <message>
        <source>Saved. Every desk gets the change within moments.</source>
        <translation>Lagret. Alle skrivebord får endringen i løpet av kort tid.</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Fra: %1</translation>
    </message>
    <message>
        <source>Subject: Re: Where is my parcel? [#1042]</source>
        <translation>Emne: Sv: Hvor er pakken min? [#1042]</translation>
    </message>
    <message>
        <source>Hi Maria,

Your parcel left our warehouse this morning; the carrier brings it on Friday.</source>
        <translation>Hei Maria,

Pakken din forlot lageret vårt i morges; transportøren leverer den på fredag.</translation>
    </message>
    <message>
        <source>%1 (admin)</source>
        <translation>%1 (administrator)</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktivert)</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Ikke medlem</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Teamleder</translation>
    </message>
    <message>
        <source>Removed from the department. Their desk lets its tickets go.</source>
        <translation>Fjernet fra avdelingen. Skrivebordet deres slipper avdelingens saker.</translation>
    </message>
    <message>
        <source>Saved. Their desk gets the department&apos;s tickets within moments.</source>
        <translation>Lagret. Skrivebordet deres får avdelingens saker i løpet av kort tid.</translation>
    </message>
    <message>
        <source>Saved. New contacts are routed by it from now on.</source>
        <translation>Lagret. Nye henvendelser rutes etter den fra nå av.</translation>
    </message>
    <message>
        <source>Delete routing rule</source>
        <translation>Slett rutingsregel</translation>
    </message>
    <message>
        <source>Delete the rule “%1”?</source>
        <translation>Slette regelen «%1»?</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Slettet.</translation>
    </message>
    <message>
        <source>Write a subject or a message to see where it goes.</source>
        <translation>Skriv et emne eller en melding for å se hvor den havner.</translation>
    </message>
    <message>
        <source>Nowhere: %1</source>
        <translation>Ingen steder: %1</translation>
    </message>
    <message>
        <source>(The new rule counts, though not saved yet.)</source>
        <translation>(Den nye regelen er tatt med, selv om den ikke er lagret ennå.)</translation>
    </message>
    <message>
        <source>The helpdesk&apos;s settings could not be read: %1</source>
        <translation>Innstillingene for helpdesken kunne ikke leses: %1</translation>
    </message>
    <message>
        <source>%1, because it was sent to %2.</source>
        <translation>%1, fordi den ble sendt til %2.</translation>
    </message>
    <message>
        <source>%1, because it matches the rule “%2”.</source>
        <translation>%1, fordi den treffer regelen «%2».</translation>
    </message>
    <message>
        <source>%1, because no rule matches and it is the default department.</source>
        <translation>%1, fordi ingen regel treffer og dette er standardavdelingen.</translation>
    </message>
    <message>
        <source>Ser&amp;vice levels</source>
        <translation>Servi&amp;cenivåer</translation>
    </message>
    <message>
        <source>S&amp;hops</source>
        <translation>&amp;Butikker</translation>
    </message>
    <message>
        <source>Add an agent</source>
        <translation>Legg til en agent</translation>
    </message>
    <message>
        <source>At least 8 characters; they can change it later</source>
        <translation>Minst 8 tegn; agenten kan endre det senere</translation>
    </message>
    <message>
        <source>Sees every department and can change these settings</source>
        <translation>Ser alle avdelinger og kan endre disse innstillingene</translation>
    </message>
    <message>
        <source>F&amp;ull name</source>
        <translation>&amp;Fullt navn</translation>
    </message>
    <message>
        <source>Ema&amp;il</source>
        <translation>E-&amp;post</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;ord</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Add agent</source>
        <translation>Legg til agent</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Første svar</translation>
    </message>
    <message>
        <source>Next response</source>
        <translation>Neste svar</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Løsning</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Haster</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Høy</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Lav</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Ingen frist</translation>
    </message>
    <message>
        <source>Closed days, one per line: 2026-12-24</source>
        <translation>Stengte dager, én per linje: 2026-12-24</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Manuelt</translation>
    </message>
    <message>
        <source>In turn (round robin)</source>
        <translation>Etter tur (round robin)</translation>
    </message>
    <message>
        <source>To whoever has the fewest open tickets</source>
        <translation>Til den som har færrest åpne saker</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Ingen grense</translation>
    </message>
    <message>
        <source>Service targets, in working minutes</source>
        <translation>Servicemål, i arbeidsminutter</translation>
    </message>
    <message>
        <source>First touch by the department</source>
        <translation>Første behandling i avdelingen</translation>
    </message>
    <message>
        <source>At risk after</source>
        <translation>I faresonen etter</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Åpningstider</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Tidssone</translation>
    </message>
    <message>
        <source>Closed; or 08:00–16:00, and more after a comma</source>
        <translation>Stengt; eller 08:00–16:00, flere skilt med komma</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Stengt</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Tildeling</translation>
    </message>
    <message>
        <source>New tickets go</source>
        <translation>Nye saker går</translation>
    </message>
    <message>
        <source>At most per agent</source>
        <translation>Høyst per agent</translation>
    </message>
    <message>
        <source>Who hears of what</source>
        <translation>Hvem får vite hva</translation>
    </message>
    <message>
        <source>A new ticket</source>
        <translation>En ny sak</translation>
    </message>
    <message>
        <source>A customer&apos;s reply</source>
        <translation>Et svar fra kunden</translation>
    </message>
    <message>
        <source>A transfer in</source>
        <translation>En overføring inn</translation>
    </message>
    <message>
        <source>A target at risk</source>
        <translation>En frist i faresonen</translation>
    </message>
    <message>
        <source>A target missed</source>
        <translation>En oversittet frist</translation>
    </message>
    <message>
        <source>Every member</source>
        <translation>Alle medlemmer</translation>
    </message>
    <message>
        <source>The leads</source>
        <translation>Teamlederne</translation>
    </message>
    <message>
        <source>The assignee (the members while nobody has it)</source>
        <translation>Den som har saken (medlemmene så lenge ingen har den)</translation>
    </message>
    <message>
        <source>The assignee and the leads</source>
        <translation>Den som har saken, og teamlederne</translation>
    </message>
    <message>
        <source>Save service levels</source>
        <translation>Lagre servicenivåer</translation>
    </message>
    <message>
        <source>Depar&amp;tment</source>
        <translation>Avde&amp;ling</translation>
    </message>
    <message>
        <source>Write the hours of %1 as 08:00–16:00, several separated by commas.</source>
        <translation>Skriv tidene for %1 som 08:00–16:00, flere skilt med komma.</translation>
    </message>
    <message>
        <source>Saved. Open tickets get their new due times within moments.</source>
        <translation>Lagret. Åpne saker får de nye fristene i løpet av kort tid.</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>Butikker</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and dashes, e.g. fjord-kids</source>
        <translation>Små bokstaver, sifre og bindestreker, f.eks. fjord-kids</translation>
    </message>
    <message>
        <source>One per line, e.g. https://fjordkids.example</source>
        <translation>Én per linje, f.eks. https://fjordkids.example</translation>
    </message>
    <message>
        <source>The shop&apos;s contact form speaks the customer&apos;s language among those ticked, else the default. Pages at the origins listed may send the shop&apos;s own form to Signpost from the browser.</source>
        <translation>Butikkens kontaktskjema bruker kundens språk blant de avkryssede, ellers standardspråket. Sider fra opprinnelsene som står her, kan sende butikkens eget skjema til Signpost fra nettleseren.</translation>
    </message>
    <message>
        <source>&amp;Form address</source>
        <translation>S&amp;kjemaadresse</translation>
    </message>
    <message>
        <source>Customers&apos; languages</source>
        <translation>Kundenes språk</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Standardspråk</translation>
    </message>
    <message>
        <source>Its own pages</source>
        <translation>Egne nettsider</translation>
    </message>
    <message>
        <source>Save shop</source>
        <translation>Lagre butikk</translation>
    </message>
    <message>
        <source>New shop</source>
        <translation>Ny butikk</translation>
    </message>
    <message>
        <source>Saved. Its contact form follows at once.</source>
        <translation>Lagret. Kontaktskjemaet endres med én gang.</translation>
    </message>
    <message>
        <source>Added. They can sign in now; choose their departments in the table.</source>
        <translation>Lagt til. Agenten kan logge inn nå; velg avdelingene i tabellen.</translation>
    </message>
    <message>
        <source>Cannot sign in; their desks are signed out at once</source>
        <translation>Kan ikke logge inn; desken deres logges ut med en gang</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktivert</translation>
    </message>
    <message>
        <source>New agent</source>
        <translation>Ny agent</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Endre %1</translation>
    </message>
    <message>
        <source>Leave empty to keep their password</source>
        <translation>La stå tomt for å beholde passordet</translation>
    </message>
    <message>
        <source>Save agent</source>
        <translation>Lagre agent</translation>
    </message>
    <message>
        <source>Saved. They cannot sign in, and their desks are signed out.</source>
        <translation>Lagret. Agenten kan ikke logge inn, og desken er logget ut.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
    <message>
        <source>Delete department</source>
        <translation>Slett avdeling</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Vedlegg</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Største fil</translation>
    </message>
    <message>
        <source>All files of one message</source>
        <translation>Alle filer i én melding</translation>
    </message>
    <message>
        <source>Delete the department “%1”? Only one that has never had tickets, rules or members can be deleted; archive the others.</source>
        <translation>Slette avdelingen «%1»? Bare en avdeling som aldri har hatt saker, regler eller medlemmer kan slettes; arkiver de andre.</translation>
    </message>
    <message>
        <source>Department settings</source>
        <translation>Avdelingsinnstillinger</translation>
    </message>
</context>
<context>
    <name>Signpost::ApiClient</name>
    <message numerus="yes">
        <source>The server did not answer within %n seconds.</source>
        <translation>
            <numerusform>Serveren svarte ikke innen %n sekund.</numerusform>
            <numerusform>Serveren svarte ikke innen %n sekunder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Signpost::CannedRepliesWindow</name>
    <message>
        <source>New</source>
        <translation>Nytt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Standardsvar</translation>
    </message>
    <message>
        <source>A title agents will search for, e.g. Where is my parcel</source>
        <translation>En tittel agentene søker etter, f.eks. Hvor er pakken min</translation>
    </message>
    <message>
        <source>Hi {customer.first_name},

…</source>
        <translation>Hei {customer.first_name},

…</translation>
    </message>
    <message>
        <source>Canned replies of the department</source>
        <translation>Avdelingens standardsvar</translation>
    </message>
    <message>
        <source>Fields filled in from the ticket: %1</source>
        <translation>Felt som fylles ut fra saken: %1</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Tittel</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;kst</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Avdeling</translation>
    </message>
    <message>
        <source>Department %1</source>
        <translation>Avdeling %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Lagrer …</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke lagret: %1</translation>
    </message>
    <message>
        <source>Saved. Agents&apos; desks get it within moments.</source>
        <translation>Lagret. Agentene får det på skrivebordet om et øyeblikk.</translation>
    </message>
    <message>
        <source>Delete canned reply</source>
        <translation>Slett standardsvar</translation>
    </message>
    <message>
        <source>Delete “%1” for everyone in the department?</source>
        <translation>Slette «%1» for alle i avdelingen?</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Ikke slettet: %1</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Slettet.</translation>
    </message>
</context>
<context>
    <name>Signpost::CannedReplyPicker</name>
    <message>
        <source>Insert a canned reply — %1</source>
        <translation>Sett inn et standardsvar – %1</translation>
    </message>
    <message>
        <source>Type to filter by title or text</source>
        <translation>Skriv for å filtrere på tittel eller tekst</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Standardsvar</translation>
    </message>
    <message>
        <source>%1 has no canned replies yet. Its leads add them under Ticket &gt; Canned replies.</source>
        <translation>%1 har ingen standardsvar ennå. Teamlederne legger dem til under Sak &gt; Standardsvar.</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Ingen treff.</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Sett inn</translation>
    </message>
</context>
<context>
    <name>Signpost::DashboardWindow</name>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ufordelt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Venter</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA i fare</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA brutt</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>SLA-oppnåelse</translation>
    </message>
    <message>
        <source>Created today</source>
        <translation>Opprettet i dag</translation>
    </message>
    <message>
        <source>Solved today</source>
        <translation>Løst i dag</translation>
    </message>
    <message>
        <source>First response, median</source>
        <translation>Første svar, median</translation>
    </message>
    <message>
        <source>First response, 90th percentile</source>
        <translation>Første svar, 90. persentil</translation>
    </message>
    <message>
        <source>Resolution, median</source>
        <translation>Løsning, median</translation>
    </message>
    <message>
        <source>Waiting for a first touch</source>
        <translation>Venter på første behandling</translation>
    </message>
    <message>
        <source>First touch, median</source>
        <translation>Første behandling, median</translation>
    </message>
    <message>
        <source>Held before a transfer, median</source>
        <translation>Holdt før overføring, median</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 t</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>You lead no department, so there are no figures to show.</source>
        <translation>Du leder ingen avdeling, så det er ingen tall å vise.</translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation>Siste %1 dager</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Team dashboard</source>
        <translation>Teamoversikt</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksporter CSV …</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Eksporter tall</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Per %1</translation>
    </message>
    <message>
        <source>No figures yet</source>
        <translation>Ingen tall ennå</translation>
    </message>
    <message>
        <source>Show these tickets</source>
        <translation>Vis disse sakene</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Løst</translation>
    </message>
    <message>
        <source>Created and solved, last %1 days</source>
        <translation>Opprettet og løst, siste %1 dager</translation>
    </message>
    <message>
        <source>Open load and SLA risk per agent</source>
        <translation>Åpne saker og SLA-risiko per agent</translation>
    </message>
</context>
<context>
    <name>Signpost::DepartmentDelegate</name>
    <message>
        <source>%1 new · %2 open · %3 unassigned · %4 mine</source>
        <translation>%1 nye · %2 åpne · %3 ufordelte · %4 mine</translation>
    </message>
</context>
<context>
    <name>Signpost::DepartmentListModel</name>
    <message>
        <source>%1: %2 new, %3 open, %4 unassigned, %5 yours</source>
        <translation>%1: %2 nye, %3 åpne, %4 ufordelte, %5 dine</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Teamleder</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
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
        <translation>Svar</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internt notat</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Overføring</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Tildeling</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>%1 weighs %2; %3 takes files of up to %4.</source>
        <translation>%1 er på %2; %3 tar imot filer på opptil %4.</translation>
    </message>
    <message>
        <source>this department</source>
        <translation>denne avdelingen</translation>
    </message>
    <message numerus="yes">
        <source>A message takes at most %n file(s).</source>
        <translation>
            <numerusform>En melding kan ha høyst %n fil.</numerusform>
            <numerusform>En melding kan ha høyst %n filer.</numerusform>
        </translation>
    </message>
    <message>
        <source>With %1 the files would weigh %2; a message takes up to %3.</source>
        <translation>Med %1 ville filene bli på %2; en melding tar opptil %3.</translation>
    </message>
    <message>
        <source>That refused message is gone.</source>
        <translation>Den avviste meldingen finnes ikke lenger.</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>Skriv notatet først.</translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation>Skriv svaret først.</translation>
    </message>
    <message>
        <source>The last message on this ticket is still waiting to go.</source>
        <translation>Den forrige meldingen på denne saken venter fortsatt på å bli sendt.</translation>
    </message>
</context>
<context>
    <name>Signpost::DeskApplication</name>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Innloggingen ble avbrutt.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1: %2</source>
        <translation>Får ikke kontakt med serveren på %1: %2</translation>
    </message>
    <message>
        <source>signpost-server was not found next to signpost-desk or on the PATH.</source>
        <translation>Fant ikke signpost-server ved siden av signpost-desk eller i PATH.</translation>
    </message>
    <message>
        <source>The demo server could not start: %1</source>
        <translation>Demoserveren kunne ikke starte: %1</translation>
    </message>
</context>
<context>
    <name>Signpost::FeedReader</name>
    <message>
        <source>The sync was stopped.</source>
        <translation>Synkroniseringen ble stoppet.</translation>
    </message>
</context>
<context>
    <name>Signpost::MainWindow</name>
    <message>
        <source>&amp;Mine</source>
        <translation>&amp;Mine</translation>
    </message>
    <message>
        <source>&amp;Unassigned</source>
        <translation>&amp;Ufordelte</translation>
    </message>
    <message>
        <source>&amp;All departments</source>
        <translation>&amp;Alle avdelinger</translation>
    </message>
    <message>
        <source>Signpost</source>
        <translation>Signpost</translation>
    </message>
    <message>
        <source>Open work</source>
        <translation>Åpent arbeid</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nye</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Venter</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Løste</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukkede</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA i fare</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA brutt</translation>
    </message>
    <message>
        <source>Search this department (Ctrl+F)</source>
        <translation>Søk i denne avdelingen (Ctrl+F)</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Tildel til …</translation>
    </message>
    <message>
        <source>Assign the selected tickets (Ctrl+Shift+A)</source>
        <translation>Tildel de valgte sakene (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Sett status …</translation>
    </message>
    <message>
        <source>Set the status of the selected tickets (Ctrl+Shift+S)</source>
        <translation>Sett status på de valgte sakene (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Overfør …</translation>
    </message>
    <message>
        <source>Transfer the selected tickets (Ctrl+T)</source>
        <translation>Overfør de valgte sakene (Ctrl+T)</translation>
    </message>
    <message numerus="yes">
        <source>Assigned %n tickets to %1.</source>
        <translation>
            <numerusform>Tildelte %n sak til %1.</numerusform>
            <numerusform>Tildelte %n saker til %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unassigned %n tickets.</source>
        <translation>
            <numerusform>Fjernet tildelingen av %n sak.</numerusform>
            <numerusform>Fjernet tildelingen av %n saker.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set %n tickets to %1.</source>
        <translation>
            <numerusform>Satte %n sak til %1.</numerusform>
            <numerusform>Satte %n saker til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Typing searches this computer; Enter also searches older tickets on the server</source>
        <translation>Når du skriver, søkes det på denne maskinen; Enter søker også i eldre saker på serveren</translation>
    </message>
    <message>
        <source>Search every department you work in, not only this one</source>
        <translation>Søk i alle avdelingene du jobber i, ikke bare denne</translation>
    </message>
    <message>
        <source>Search all your departments (Ctrl+F)</source>
        <translation>Søk i alle avdelingene dine (Ctrl+F)</translation>
    </message>
    <message>
        <source>A change to #%1 was not applied: %2 What you wrote is kept under View &gt; Waiting to send.</source>
        <translation>En endring på #%1 ble ikke utført: %2 Det du skrev, ligger under Vis &gt; Venter på sending.</translation>
    </message>
    <message>
        <source>Not sent to #%1: %2 What you wrote is kept under View &gt; Waiting to send.</source>
        <translation>Ikke sendt til #%1: %2 Det du skrev, ligger under Vis &gt; Venter på sending.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <source>Available for new tickets</source>
        <translation>Tilgjengelig for nye saker</translation>
    </message>
    <message>
        <source>Could not change availability: %1</source>
        <translation>Kunne ikke endre tilgjengeligheten: %1</translation>
    </message>
    <message>
        <source>You are available: new tickets may be assigned to you.</source>
        <translation>Du er tilgjengelig: nye saker kan bli tildelt deg.</translation>
    </message>
    <message>
        <source>You are away: your open tickets go to colleagues where the department assigns automatically.</source>
        <translation>Du er borte: de åpne sakene dine går til kolleger der avdelingen tildeler automatisk.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Logg ut</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>&amp;Sak</translation>
    </message>
    <message>
        <source>Next ticket</source>
        <translation>Neste sak</translation>
    </message>
    <message>
        <source>Previous ticket</source>
        <translation>Forrige sak</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Write an internal note</source>
        <translation>Skriv et internt notat</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send and set pending</source>
        <translation>Send og sett til venter</translation>
    </message>
    <message>
        <source>Undo send</source>
        <translation>Angre sending</translation>
    </message>
    <message>
        <source>Insert canned reply…</source>
        <translation>Sett inn standardsvar …</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Tildel til meg</translation>
    </message>
    <message numerus="yes">
        <source>Assigned %n tickets to you.</source>
        <translation>
            <numerusform>Tildelte %n sak til deg.</numerusform>
            <numerusform>Tildelte %n saker til deg.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set priority…</source>
        <translation>Sett prioritet …</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>Go to ticket…</source>
        <translation>Gå til sak …</translation>
    </message>
    <message>
        <source>Canned replies of my departments…</source>
        <translation>Standardsvar i avdelingene mine …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Team dashboard</source>
        <translation>Teamoversikt</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Venter på sending</translation>
    </message>
    <message>
        <source>Keep on this computer</source>
        <translation>Behold på denne maskinen</translation>
    </message>
    <message>
        <source>Open tickets and the last 30 days</source>
        <translation>Åpne saker og de siste 30 dagene</translation>
    </message>
    <message>
        <source>Open tickets and the last 60 days</source>
        <translation>Åpne saker og de siste 60 dagene</translation>
    </message>
    <message>
        <source>Open tickets and the last 6 months</source>
        <translation>Åpne saker og de siste 6 månedene</translation>
    </message>
    <message>
        <source>Open tickets and the last year</source>
        <translation>Åpne saker og det siste året</translation>
    </message>
    <message>
        <source>Every ticket</source>
        <translation>Alle saker</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Som systemet</translation>
    </message>
    <message>
        <source>Signpost speaks %1 from its next start.</source>
        <translation>Signpost bruker %1 fra neste oppstart.</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>Va&amp;rsler</translation>
    </message>
    <message>
        <source>Popups for %1</source>
        <translation>Sprettoppvarsler for %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <source>About Signpost</source>
        <translation>Om Signpost</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Signpost %1&lt;/h3&gt;&lt;p&gt;The helpdesk for e-commerce teams, department by department.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Signpost %1&lt;/h3&gt;&lt;p&gt;Kundeservice for netthandelsteam, avdeling for avdeling.&lt;/p&gt;&lt;p&gt;Bygget med Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>Send the reply or note (in the editor)</source>
        <translation>Send svaret eller notatet (i redigeringsfeltet)</translation>
    </message>
    <message>
        <source>Go to ticket</source>
        <translation>Gå til sak</translation>
    </message>
    <message>
        <source>Ticket number:</source>
        <translation>Saksnummer:</translation>
    </message>
    <message>
        <source>“%1” is not a ticket number.</source>
        <translation>«%1» er ikke et saksnummer.</translation>
    </message>
    <message>
        <source>Ticket #%1 is not in your departments.</source>
        <translation>Sak #%1 er ikke i avdelingene dine.</translation>
    </message>
    <message>
        <source>Searching the server for “%1”…</source>
        <translation>Søker etter «%1» på serveren …</translation>
    </message>
    <message>
        <source>Could not search the server: %1</source>
        <translation>Kunne ikke søke på serveren: %1</translation>
    </message>
    <message>
        <source>The server has no other tickets for “%1”.</source>
        <translation>Serveren har ingen andre saker for «%1».</translation>
    </message>
    <message numerus="yes">
        <source>Found %n more ticket(s) for “%1” on the server.</source>
        <translation>
            <numerusform>Fant %n sak til for «%1» på serveren.</numerusform>
            <numerusform>Fant %n saker til for «%1» på serveren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not change what this computer keeps: %1</source>
        <translation>Kunne ikke endre hva denne maskinen beholder: %1</translation>
    </message>
    <message numerus="yes">
        <source>This computer keeps open tickets and %n day(s) of the rest; older ones are found by searching the server.</source>
        <translation>
            <numerusform>Denne maskinen beholder åpne saker og %n dag av resten; eldre saker finner du ved å søke på serveren.</numerusform>
            <numerusform>Denne maskinen beholder åpne saker og %n dager av resten; eldre saker finner du ved å søke på serveren.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer keeps every ticket of your departments.</source>
        <translation>Denne maskinen beholder alle sakene i avdelingene dine.</translation>
    </message>
    <message numerus="yes">
        <source>%n tickets selected</source>
        <translation>
            <numerusform>%n sak valgt</numerusform>
            <numerusform>%n saker valgt</numerusform>
        </translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Meg</translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation>Ingen (fjern tildeling)</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Not done for %n:</source>
        <translation>
            <numerusform>Ikke utført for %n:</numerusform>
            <numerusform>Ikke utført for %n:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Transfer of %n tickets queued.</source>
        <translation>
            <numerusform>Overføring av %n sak er lagt i kø.</numerusform>
            <numerusform>Overføring av %n saker er lagt i kø.</numerusform>
        </translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Tilkoblet</translation>
    </message>
    <message>
        <source>◌ Syncing…</source>
        <translation>◌ Synkroniserer …</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Frakoblet</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Logget ut</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 endring</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 endringer</translation>
    </message>
    <message>
        <source> — %1 waiting</source>
        <translation> – %1 venter</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached. You can keep working; %1 will be sent when the connection is back.</source>
        <translation>Frakoblet: får ikke kontakt med serveren. Du kan jobbe videre; %1 sendes når forbindelsen er tilbake.</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached. You can keep working from the cache; changes will be sent when the connection is back.</source>
        <translation>Frakoblet: får ikke kontakt med serveren. Du kan jobbe videre fra hurtiglageret; endringer sendes når forbindelsen er tilbake.</translation>
    </message>
    <message>
        <source>Signpost follows the system&apos;s language from its next start.</source>
        <translation>Signpost følger systemets språk fra neste oppstart.</translation>
    </message>
    <message>
        <source>Administration…</source>
        <translation>Administrasjon …</translation>
    </message>
    <message>
        <source>Department settings…</source>
        <translation>Avdelingsinnstillinger …</translation>
    </message>
</context>
<context>
    <name>Signpost::NotificationCentre</name>
    <message>
        <source>New ticket</source>
        <translation>Ny sak</translation>
    </message>
    <message>
        <source>Customer replied</source>
        <translation>Kunden har svart</translation>
    </message>
    <message>
        <source>Transferred to your department</source>
        <translation>Overført til avdelingen din</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation>Tildelt deg</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA i fare</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA brutt</translation>
    </message>
    <message>
        <source>Ticket updated</source>
        <translation>Sak oppdatert</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Department %1</source>
        <translation>Avdeling %1</translation>
    </message>
    <message numerus="yes">
        <source>%n tickets need attention</source>
        <translation>
            <numerusform>%n sak trenger oppmerksomhet</numerusform>
            <numerusform>%n saker trenger oppmerksomhet</numerusform>
        </translation>
    </message>
    <message>
        <source>In %1. Click to open the queue.</source>
        <translation>I %1. Klikk for å åpne køen.</translation>
    </message>
</context>
<context>
    <name>Signpost::OutboxWindow</name>
    <message>
        <source>Copy text</source>
        <translation>Kopier tekst</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>Åpne sak</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Forkast …</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Venter på sending</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Sak</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Endring</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Lagt i kø</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Choose a change to read what you wrote.</source>
        <translation>Velg en endring for å lese det du skrev.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <source>Discard this change and what you wrote with it?</source>
        <translation>Forkaste denne endringen og det du skrev med den?</translation>
    </message>
    <message>
        <source>Not sent: the ticket left your departments before it could go</source>
        <translation>Ikke sendt: saken forlot avdelingene dine før den kunne sendes</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Venter på å bli sendt</translation>
    </message>
    <message>
        <source>Sent, waiting for the server&apos;s answer</source>
        <translation>Sendt, venter på svar fra serveren</translation>
    </message>
    <message>
        <source>Not applied: the ticket changed first</source>
        <translation>Ikke utført: saken ble endret først</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Avvist: %1</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>#%1 (not in your departments)</source>
        <translation>#%1 (ikke i avdelingene dine)</translation>
    </message>
    <message>
        <source>Everything you did has reached the server.</source>
        <translation>Alt du har gjort, har kommet fram til serveren.</translation>
    </message>
    <message>
        <source>Waiting or refused: %1 (refused: %2). Nothing you wrote is lost: read or copy it below.</source>
        <translation>Venter eller avvist: %1 (avvist: %2). Ingenting du skrev, er tapt: les eller kopier det nedenfor.</translation>
    </message>
    <message>
        <source>Waiting to reach the server: %1.</source>
        <translation>Venter på å nå serveren: %1.</translation>
    </message>
</context>
<context>
    <name>Signpost::SignInDialog</name>
    <message>
        <source>Your team&apos;s Signpost address, from your admin.</source>
        <translation>Teamets Signpost-adresse, som du får av administratoren.</translation>
    </message>
    <message>
        <source>Sign in to Signpost</source>
        <translation>Logg inn på Signpost</translation>
    </message>
    <message>
        <source>help.example.com</source>
        <translation>hjelp.example.com</translation>
    </message>
    <message>
        <source>https:// is used when you type no scheme.</source>
        <translation>https:// brukes når du ikke skriver noe skjema.</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>navn@example.com</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passord</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logg inn</translation>
    </message>
    <message>
        <source>%1 is not encrypted (http): your password and every ticket would cross the network readable by anyone on the way. Use https:// if the server offers it, or press “Sign in anyway”.</source>
        <translation>%1 er ikke kryptert (http): passordet ditt og alle saker ville gått over nettet lesbart for alle underveis. Bruk https:// hvis serveren tilbyr det, eller trykk «Logg inn likevel».</translation>
    </message>
    <message>
        <source>Sign in anyway</source>
        <translation>Logg inn likevel</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Logger inn …</translation>
    </message>
</context>
<context>
    <name>Signpost::SyncEngine</name>
    <message>
        <source>You were signed out on the server.</source>
        <translation>Du ble logget ut på serveren.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an admin.</source>
        <translation>Denne kontoen er deaktivert. Spør en administrator.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Logget ut.</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Filen kunne ikke lagres: %1</translation>
    </message>
</context>
<context>
    <name>Signpost::TicketQueueModel</name>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Venter</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Løst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Lav</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Høy</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Haster</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 t</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
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
        <translation>Du har et utkast på denne saken.
%1</translation>
    </message>
    <message>
        <source>1 change waiting to be sent</source>
        <translation>1 endring venter på å bli sendt</translation>
    </message>
    <message>
        <source>%1 changes waiting to be sent</source>
        <translation>%1 endringer venter på å bli sendt</translation>
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
        <translation>Emne</translation>
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
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Oppdatert</translation>
    </message>
</context>
<context>
    <name>Signpost::TicketView</name>
    <message>
        <source>Assign to me</source>
        <translation>Tildel til meg</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Overfør …</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <source>Write it again</source>
        <translation>Skriv det på nytt</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Angre</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Send likevel</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Fortsett å skrive</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Send svar</translation>
    </message>
    <message>
        <source>Send &amp;&amp; set pending</source>
        <translation>Send og sett til venter</translation>
    </message>
    <message>
        <source>Canned reply…</source>
        <translation>Standardsvar …</translation>
    </message>
    <message>
        <source>Atta&amp;ch files…</source>
        <translation>Le&amp;gg ved filer …</translation>
    </message>
    <message>
        <source>Choose a ticket from the queue.</source>
        <translation>Velg en sak fra køen.</translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation>Servicenivåer</translation>
    </message>
    <message>
        <source>Colleagues on this ticket</source>
        <translation>Kolleger på denne saken</translation>
    </message>
    <message>
        <source>Status (Ctrl+Shift+S)</source>
        <translation>Status (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Priority (Ctrl+Shift+P)</source>
        <translation>Prioritet (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Assignee (Ctrl+Shift+A)</source>
        <translation>Ansvarlig (Ctrl+Shift+A)</translation>
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
        <translation>Svar kunden</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internt notat</translation>
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
        <translation>Les hva som er endret, og send på nytt.</translation>
    </message>
    <message>
        <source>Their other tickets</source>
        <translation>Kundens andre saker</translation>
    </message>
    <message>
        <source>Insert one of the department&apos;s canned replies (Ctrl+I)</source>
        <translation>Sett inn et av avdelingens standardsvar (Ctrl+I)</translation>
    </message>
    <message>
        <source>Files for the customer (a reply) or for your team (a note)</source>
        <translation>Filer til kunden (et svar) eller til teamet ditt (et notat)</translation>
    </message>
    <message>
        <source>Status changed.</source>
        <translation>Status endret.</translation>
    </message>
    <message>
        <source>Priority changed.</source>
        <translation>Prioritet endret.</translation>
    </message>
    <message>
        <source>Assigned.</source>
        <translation>Tildelt.</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>Forkastet.</translation>
    </message>
    <message>
        <source>Put the text back in the editor, to send after reading what changed</source>
        <translation>Legg teksten tilbake i redigeringsfeltet, så du kan sende den etter å ha lest hva som er endret</translation>
    </message>
    <message>
        <source>Your text is back in the editor.</source>
        <translation>Teksten din er tilbake i redigeringsfeltet.</translation>
    </message>
    <message>
        <source>%1 is writing</source>
        <translation>%1 skriver</translation>
    </message>
    <message>
        <source>%1 is viewing</source>
        <translation>%1 ser på saken</translation>
    </message>
    <message>
        <source>Your draft could not be saved: %1</source>
        <translation>Utkastet ditt kunne ikke lagres: %1</translation>
    </message>
    <message>
        <source>Write an internal note: only your team sees it…</source>
        <translation>Skriv et internt notat: bare teamet ditt ser det …</translation>
    </message>
    <message>
        <source>Write your reply to the customer…</source>
        <translation>Skriv svaret ditt til kunden …</translation>
    </message>
    <message>
        <source>Internal note: only agents see it, never the customer.</source>
        <translation>Internt notat: bare agenter ser det, aldri kunden.</translation>
    </message>
    <message>
        <source>Reply: %1 gets this by email.</source>
        <translation>Svar: %1 får dette på e-post.</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>kunden</translation>
    </message>
    <message>
        <source>Not sent to the customer</source>
        <translation>Ikke sendt til kunden</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Fra: %1</translation>
    </message>
    <message>
        <source>Add internal note</source>
        <translation>Legg til internt notat</translation>
    </message>
    <message numerus="yes">
        <source>Your note is added in %n s.</source>
        <translation>
            <numerusform>Notatet ditt legges til om %n s.</numerusform>
            <numerusform>Notatet ditt legges til om %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your reply goes to the customer in %n s.</source>
        <translation>
            <numerusform>Svaret ditt går til kunden om %n s.</numerusform>
            <numerusform>Svaret ditt går til kunden om %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ufordelt</translation>
    </message>
    <message>
        <source>This ticket is no longer in your departments.</source>
        <translation>Denne saken er ikke lenger i avdelingene dine.</translation>
    </message>
    <message>
        <source>#%1 · %2 · via %3 · opened %4</source>
        <translation>#%1 · %2 · via %3 · åpnet %4</translation>
    </message>
    <message>
        <source>another department</source>
        <translation>en annen avdeling</translation>
    </message>
    <message>
        <source>Not sent (%1): %2</source>
        <translation>Ikke sendt (%1): %2</translation>
    </message>
    <message>
        <source>Not applied (%1): the ticket changed before it reached the server. It now shows the server&apos;s state.</source>
        <translation>Ikke utført (%1): saken ble endret før endringen nådde serveren. Den viser nå serverens tilstand.</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>Avvist (%1): %2</translation>
    </message>
    <message>
        <source>
What you wrote: “%1”</source>
        <translation>
Det du skrev: «%1»</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2%3</translation>
    </message>
    <message>
        <source>&lt;br&gt;Order %1</source>
        <translation>&lt;br&gt;Ordre %1</translation>
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
        <translation>avdeling %1</translation>
    </message>
    <message>
        <source>Created via %1</source>
        <translation>Opprettet via %1</translation>
    </message>
    <message>
        <source>Routed to %1 — %2</source>
        <translation>Sendt til %1 – %2</translation>
    </message>
    <message>
        <source>%1 transferred it from %2 to %3</source>
        <translation>%1 overførte den fra %2 til %3</translation>
    </message>
    <message>
        <source>: “%1”</source>
        <translation>: «%1»</translation>
    </message>
    <message>
        <source>%1 assigned it to %2</source>
        <translation>%1 tildelte den til %2</translation>
    </message>
    <message>
        <source>%1 unassigned it</source>
        <translation>%1 fjernet tildelingen</translation>
    </message>
    <message>
        <source>%1 set the status from %2 to %3</source>
        <translation>%1 endret status fra %2 til %3</translation>
    </message>
    <message>
        <source>The customer&apos;s reply</source>
        <translation>Kundens svar</translation>
    </message>
    <message>
        <source>%1 target at risk</source>
        <translation>Mål for %1 i fare</translation>
    </message>
    <message>
        <source>%1 target breached (due %2)</source>
        <translation>Mål for %1 brutt (frist %2)</translation>
    </message>
    <message>
        <source>The reply was mailed to %1</source>
        <translation>Svaret ble sendt på e-post til %1</translation>
    </message>
    <message>
        <source>The mail to %1 is not accepted yet (%2); trying again</source>
        <translation>E-posten til %1 er ikke tatt imot ennå (%2); prøver igjen</translation>
    </message>
    <message>
        <source>The mail to %1 bounced: %2</source>
        <translation>E-posten til %1 kom i retur: %2</translation>
    </message>
    <message>
        <source>The mail to %1 could not be delivered: %2</source>
        <translation>E-posten til %1 kunne ikke leveres: %2</translation>
    </message>
    <message>
        <source>%1 set the priority from %2 to %3</source>
        <translation>%1 endret prioritet fra %2 til %3</translation>
    </message>
    <message>
        <source>%1 wrote</source>
        <translation>%1 skrev</translation>
    </message>
    <message>
        <source>%1 replied as %2</source>
        <translation>%1 svarte som %2</translation>
    </message>
    <message>
        <source>Internal note by %1</source>
        <translation>Internt notat fra %1</translation>
    </message>
    <message>
        <source>Hide the quoted text</source>
        <translation>Skjul den siterte teksten</translation>
    </message>
    <message numerus="yes">
        <source>… show the quoted text (%n lines)</source>
        <translation>
            <numerusform>… vis den siterte teksten (%n linje)</numerusform>
            <numerusform>… vis den siterte teksten (%n linjer)</numerusform>
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
        <translation> · venter på å bli sendt</translation>
    </message>
    <message>
        <source> · ✉ mailed</source>
        <translation> · ✉ sendt på e-post</translation>
    </message>
    <message>
        <source> · ✉ mail delayed</source>
        <translation> · ✉ e-post forsinket</translation>
    </message>
    <message>
        <source>✉ mail not delivered</source>
        <translation>✉ e-post ikke levert</translation>
    </message>
    <message>
        <source>✉ mail bounced</source>
        <translation>✉ e-post i retur</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Åpner %1 …</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 kunne ikke åpnes: %2</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Notat lagt til.</translation>
    </message>
    <message>
        <source>Reply queued.</source>
        <translation>Svaret er lagt i kø.</translation>
    </message>
    <message>
        <source>Since you began writing:</source>
        <translation>Siden du begynte å skrive:</translation>
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
        <source>• %1 at %2: “%3”</source>
        <translation>• %1 kl. %2: «%3»</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Legg ved filer</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) &lt;a href=&quot;remove:%3&quot;&gt;Remove&lt;/a&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) &lt;a href=&quot;remove:%3&quot;&gt;Fjern&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>Filer: %1</translation>
    </message>
    <message>
        <source>Not sent: your text is back in the editor.</source>
        <translation>Ikke sendt: teksten din er tilbake i redigeringsfeltet.</translation>
    </message>
    <message>
        <source>Assigned to you.</source>
        <translation>Tildelt deg.</translation>
    </message>
    <message>
        <source>Transfer queued.</source>
        <translation>Overføringen er lagt i kø.</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Språk: %1</translation>
    </message>
</context>
<context>
    <name>Signpost::TokenVault</name>
    <message>
        <source>No system keychain is available (%1), so you will be asked to sign in again next time.</source>
        <translation>Ingen nøkkelring i systemet er tilgjengelig (%1), så du blir bedt om å logge inn igjen neste gang.</translation>
    </message>
</context>
<context>
    <name>Signpost::TransferDialog</name>
    <message>
        <source>Transfer #%1</source>
        <translation>Overfør #%1</translation>
    </message>
    <message numerus="yes">
        <source>Transfer %n tickets</source>
        <translation>
            <numerusform>Overfør %n sak</numerusform>
            <numerusform>Overfør %n saker</numerusform>
        </translation>
    </message>
    <message>
        <source>What should the next team know? (optional)</source>
        <translation>Hva bør neste team vite? (valgfritt)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; fra %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>og %n til</numerusform>
            <numerusform>og %n til</numerusform>
        </translation>
    </message>
    <message>
        <source>The thread, internal notes, history and customer details travel with the ticket.</source>
        <translation>Tråden, interne notater, historikken og kundeopplysningene følger med saken.</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Avdeling</translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation>Ans&amp;varlig</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notat</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Overfør</translation>
    </message>
    <message>
        <source>Anyone in the department</source>
        <translation>Hvem som helst i avdelingen</translation>
    </message>
</context>
<context>
    <name>SlaStanding</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 t</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 t %2 min</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>forfalt %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 igjen</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Første svar</translation>
    </message>
    <message>
        <source>Next response</source>
        <translation>Neste svar</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Løsning</translation>
    </message>
    <message>
        <source>First touch</source>
        <translation>Første behandling</translation>
    </message>
</context>
</TS>
