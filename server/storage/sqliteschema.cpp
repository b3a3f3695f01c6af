#include "server/storage/schema.h"

#include "storage/ticketrows.h"

using namespace Qt::StringLiterals;

namespace Signpost::Schema {

// The embedded store's migrations: migration N brings the schema from
// user_version N-1 to N.
const QList<QStringList> &sqlite()
{
    static const QList<QStringList> steps = {
        // 1: the first schema.
        {
            u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            u"CREATE TABLE shops (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL)"_s,
            u"CREATE TABLE departments (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " public_label TEXT NOT NULL, sender_name TEXT NOT NULL, signature TEXT NOT NULL DEFAULT '',"
            " is_default INTEGER NOT NULL DEFAULT 0, archived INTEGER NOT NULL DEFAULT 0)"_s,
            u"CREATE TABLE department_shops (department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,"
            " shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE, PRIMARY KEY (department_id, shop_id))"_s,
            u"CREATE TABLE department_addresses (address TEXT PRIMARY KEY COLLATE NOCASE,"
            " department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE)"_s,
            u"CREATE TABLE agents (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " name TEXT NOT NULL, password_hash TEXT NOT NULL, is_admin INTEGER NOT NULL DEFAULT 0,"
            " disabled INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)"_s,
            u"CREATE TABLE memberships (agent_id INTEGER NOT NULL REFERENCES agents(id),"
            " department_id INTEGER NOT NULL REFERENCES departments(id),"
            " role TEXT NOT NULL CHECK (role IN ('member', 'lead')), granted_seq INTEGER NOT NULL,"
            " PRIMARY KEY (agent_id, department_id))"_s,
            u"CREATE INDEX memberships_department ON memberships (department_id)"_s,
            u"CREATE TABLE membership_revocations (agent_id INTEGER NOT NULL, department_id INTEGER NOT NULL,"
            " seq INTEGER NOT NULL)"_s,
            u"CREATE INDEX membership_revocations_agent ON membership_revocations (agent_id, seq)"_s,
            u"CREATE TABLE tokens (token_hash BLOB PRIMARY KEY, agent_id INTEGER NOT NULL REFERENCES agents(id),"
            " created_at INTEGER NOT NULL)"_s,
            u"CREATE INDEX tokens_agent ON tokens (agent_id)"_s,
            u"CREATE TABLE routing_rules (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL,"
            " department_id INTEGER NOT NULL REFERENCES departments(id), field TEXT NOT NULL,"
            " pattern TEXT NOT NULL, is_regex INTEGER NOT NULL, shop_id INTEGER REFERENCES shops(id),"
            " channel TEXT, enabled INTEGER NOT NULL)"_s,
            u"CREATE TABLE tickets (id INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT NOT NULL,"
            " department_id INTEGER NOT NULL REFERENCES departments(id), customer_name TEXT NOT NULL,"
            " customer_email TEXT NOT NULL COLLATE NOCASE, shop_id INTEGER REFERENCES shops(id),"
            " order_number TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL, status TEXT NOT NULL,"
            " priority TEXT NOT NULL, assignee_id INTEGER REFERENCES agents(id), version INTEGER NOT NULL,"
            " seq INTEGER NOT NULL UNIQUE, entered_seq INTEGER NOT NULL, created_at INTEGER NOT NULL,"
            " updated_at INTEGER NOT NULL, customer_secret_hash BLOB NOT NULL UNIQUE)"_s,
            u"CREATE INDEX tickets_department ON tickets (department_id, seq)"_s,
            u"CREATE INDEX tickets_customer ON tickets (customer_email)"_s,
            // Ticket numbers start at 1001: customers read them.
            u"INSERT INTO sqlite_sequence (name, seq) VALUES ('tickets', 1000)"_s,
            u"CREATE TABLE messages (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
            " kind TEXT NOT NULL, author_agent_id INTEGER REFERENCES agents(id), author_name TEXT NOT NULL,"
            " body TEXT NOT NULL, sender_name TEXT, signature TEXT, created_at INTEGER NOT NULL,"
            " seq INTEGER NOT NULL)"_s,
            u"CREATE INDEX messages_ticket ON messages (ticket_id, seq)"_s,
            u"CREATE TABLE events (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
            " kind TEXT NOT NULL, actor_agent_id INTEGER REFERENCES agents(id), data TEXT NOT NULL,"
            " created_at INTEGER NOT NULL, seq INTEGER NOT NULL)"_s,
            u"CREATE INDEX events_ticket ON events (ticket_id, seq)"_s,
            u"CREATE TABLE ticket_moves (ticket_id INTEGER NOT NULL, from_department INTEGER NOT NULL,"
            " to_department INTEGER NOT NULL, seq INTEGER NOT NULL)"_s,
            u"CREATE INDEX ticket_moves_seq ON ticket_moves (seq)"_s,
            u"CREATE TABLE applied_commands (agent_id INTEGER NOT NULL, command_id TEXT NOT NULL,"
            " request_hash BLOB NOT NULL, result TEXT NOT NULL, created_at INTEGER NOT NULL,"
            " PRIMARY KEY (agent_id, command_id))"_s,
        },
        // 2: assignment automation per department, agents' availability.
        {
            u"ALTER TABLE departments ADD COLUMN assignment_mode TEXT NOT NULL DEFAULT 'manual'"_s,
            u"ALTER TABLE departments ADD COLUMN assignment_capacity INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE departments ADD COLUMN round_robin_last INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE agents ADD COLUMN available INTEGER NOT NULL DEFAULT 1"_s,
            u"CREATE INDEX tickets_assignee ON tickets (assignee_id, department_id, status)"_s,
        },
        // 3: who hears of what, per department.
        {
            u"ALTER TABLE departments ADD COLUMN notify TEXT NOT NULL DEFAULT '{}'"_s,
        },
        // 4: when a ticket was first answered and first solved, kept on the
        // ticket so a department's figures are read from one indexed table.
        {
            u"ALTER TABLE tickets ADD COLUMN first_replied_at INTEGER"_s,
            u"ALTER TABLE tickets ADD COLUMN solved_at INTEGER"_s,
            u"UPDATE tickets SET first_replied_at = (SELECT MIN(m.created_at) FROM messages m"
            " WHERE m.ticket_id = tickets.id AND m.kind = 'reply')"_s,
            u"UPDATE tickets SET solved_at = (SELECT MIN(e.created_at) FROM events e WHERE e.ticket_id = tickets.id"
            " AND e.kind = 'status_changed' AND json_extract(e.data, '$.to') = 'solved')"_s,
            u"CREATE INDEX tickets_department_created ON tickets (department_id, created_at)"_s,
            u"CREATE INDEX tickets_department_solved ON tickets (department_id, solved_at)"_s,
        },
        // 5: SLA policies per department, the SLA clocks on every ticket, each
        // ticket's stays in departments for the ownership figures; and a
        // department's figures from its indexes alone, at a million tickets:
        // what is open now by status (and unassigned), and a period's tickets
        // with their first reply, first solve and missed SLA. The period index
        // starts with the columns of tickets_department_created, which it
        // replaces.
        QStringList{u"ALTER TABLE departments ADD COLUMN sla TEXT NOT NULL DEFAULT '{}'"_s}
            + TicketRows::addSlaColumns() + QStringList{
            u"ALTER TABLE tickets ADD COLUMN sla_missed INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE tickets ADD COLUMN sla_check_at INTEGER"_s,
            u"ALTER TABLE tickets ADD COLUMN sla_clocks TEXT NOT NULL DEFAULT '{}'"_s,
            // Tickets from before run from their creation (time already spent
            // pending is not known); no policy exists yet, so nothing is due.
            u"UPDATE tickets SET sla_clocks = json_object("
            " 'response', json_array(CASE WHEN status IN ('new', 'open') THEN created_at ELSE 0 END, 0,"
            "   json(CASE WHEN first_replied_at IS NULL AND status IN ('new', 'open', 'pending') THEN 'true' ELSE 'false' END)),"
            " 'response_first', json(CASE WHEN first_replied_at IS NULL THEN 'true' ELSE 'false' END),"
            " 'resolution', json_array(CASE WHEN status IN ('new', 'open') THEN created_at ELSE 0 END, 0, json('true')),"
            // Only a new ticket still waits for its first touch, since it
            // arrived (created, or transferred in last).
            " 'ownership', json_array(CASE WHEN status = 'new' THEN COALESCE((SELECT MAX(e.created_at) FROM events e"
            "   WHERE e.ticket_id = tickets.id AND e.kind = 'transferred'), created_at) ELSE 0 END, 0,"
            "   json(CASE WHEN status = 'new' THEN 'true' ELSE 'false' END)))"_s,
            u"CREATE INDEX tickets_sla_check ON tickets (sla_check_at) WHERE sla_check_at IS NOT NULL"_s,
            // Like ticket_moves, stays outlive a department deleted later.
            u"CREATE TABLE department_stays (ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
            " department_id INTEGER NOT NULL, arrived_at INTEGER NOT NULL, touched_at INTEGER, left_at INTEGER)"_s,
            u"CREATE INDEX department_stays_department ON department_stays (department_id, arrived_at, touched_at,"
            " left_at)"_s,
            u"CREATE INDEX department_stays_waiting ON department_stays (department_id, left_at, touched_at)"_s,
            u"CREATE INDEX department_stays_ticket ON department_stays (ticket_id, left_at)"_s,
            // The current stay of every ticket from before (earlier ones are
            // not rebuilt): arrived at creation or the last transfer in,
            // touched unless still new.
            u"INSERT INTO department_stays (ticket_id, department_id, arrived_at)"
            " SELECT id, department_id, COALESCE((SELECT MAX(e.created_at) FROM events e WHERE e.ticket_id = tickets.id"
            " AND e.kind = 'transferred'), created_at) FROM tickets"_s,
            u"UPDATE department_stays SET touched_at = (SELECT CASE WHEN t.status = 'new' THEN NULL"
            " ELSE MAX(department_stays.arrived_at, COALESCE(t.first_replied_at, t.updated_at)) END"
            " FROM tickets t WHERE t.id = department_stays.ticket_id)"_s,
            u"CREATE INDEX tickets_department_status ON tickets (department_id, status, assignee_id, sla_at_risk,"
            " sla_breached)"_s,
            u"CREATE INDEX tickets_department_period ON tickets (department_id, created_at, first_replied_at,"
            " solved_at, sla_missed)"_s,
            u"DROP INDEX tickets_department_created"_s,
        },
        // 6: when an agent's admin flag last changed, so their client's next
        // pull backfills or revokes the departments it opened or closed; the
        // answers given under callers' idempotency keys (sealed with the key,
        // which the store keeps only hashed).
        {
            u"ALTER TABLE agents ADD COLUMN access_seq INTEGER NOT NULL DEFAULT 0"_s,
            u"CREATE TABLE idempotency_keys (scope TEXT NOT NULL, key_hash BLOB NOT NULL, request_hash BLOB NOT NULL,"
            " status INTEGER NOT NULL, answer BLOB NOT NULL, created_at INTEGER NOT NULL,"
            " PRIMARY KEY (scope, key_hash))"_s,
            u"CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)"_s,
            // Sessions expire when unused (sliding), and a disabled account's
            // sessions are kept as revoked until pruned, so its desk hears why.
            u"ALTER TABLE tokens ADD COLUMN used_at INTEGER NOT NULL DEFAULT 0"_s,
            u"UPDATE tokens SET used_at = created_at"_s,
            u"ALTER TABLE tokens ADD COLUMN revoked TEXT"_s,
            u"CREATE INDEX tokens_used ON tokens (used_at)"_s,
            u"CREATE INDEX applied_commands_created ON applied_commands (created_at)"_s,
            // A queue's first page in any documented sort reads an index,
            // not the whole department (created_at reads the period index).
            u"CREATE INDEX tickets_queue_updated ON tickets (department_id, updated_at)"_s,
            u"CREATE INDEX tickets_queue_priority ON tickets (department_id,"
            " (CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END))"_s,
            u"CREATE INDEX tickets_queue_id ON tickets (department_id)"_s,
            // Every index is one more page written with every ticket's
            // change: the department's own index serves what this one did.
            u"DROP INDEX tickets_department"_s,
            // The web origins whose pages may call the public intake (CORS).
            u"ALTER TABLE shops ADD COLUMN allowed_origins TEXT NOT NULL DEFAULT '[]'"_s,
        },
        {
            // Saved replies a department's leads keep for their agents.
            u"CREATE TABLE canned_replies (id INTEGER PRIMARY KEY, department_id INTEGER NOT NULL"
            " REFERENCES departments(id), title TEXT NOT NULL, body TEXT NOT NULL, updated_by INTEGER,"
            " updated_at INTEGER NOT NULL)"_s,
            u"CREATE UNIQUE INDEX canned_replies_title ON canned_replies (department_id, title COLLATE NOCASE)"_s,
            // Which department a ticket started in, and which one first
            // solved it: the dashboard's past days count by these, so they
            // stay as they were when tickets move on later. Earlier tickets
            // get the best guess there is (their stay since creation, their
            // department now).
            u"ALTER TABLE department_stays ADD COLUMN origin INTEGER NOT NULL DEFAULT 0"_s,
            u"UPDATE department_stays SET origin = 1 WHERE arrived_at = (SELECT t.created_at FROM tickets t"
            " WHERE t.id = department_stays.ticket_id)"_s,
            u"CREATE TABLE ticket_solves (ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id),"
            " department_id INTEGER NOT NULL, solved_at INTEGER NOT NULL)"_s,
            u"CREATE INDEX ticket_solves_department ON ticket_solves (department_id, solved_at)"_s,
            u"INSERT INTO ticket_solves (ticket_id, department_id, solved_at)"
            " SELECT id, department_id, solved_at FROM tickets WHERE solved_at IS NOT NULL"_s,
        },
        // 8: email: the relay, the mailboxes, each department's From address
        // (per shop), which Message-IDs belong to which ticket, the outbox
        // of replies written in the reply's own transaction, attachments.
        {
            u"CREATE TABLE mail_relay (id INTEGER PRIMARY KEY CHECK (id = 1), host TEXT NOT NULL, port INTEGER NOT NULL,"
            " security TEXT NOT NULL, username TEXT NOT NULL, password BLOB, updated_at INTEGER NOT NULL)"_s,
            u"CREATE TABLE mailboxes (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " department_id INTEGER REFERENCES departments(id), shop_id INTEGER REFERENCES shops(id),"
            " host TEXT NOT NULL, port INTEGER NOT NULL, security TEXT NOT NULL, username TEXT NOT NULL,"
            " password BLOB NOT NULL, folder TEXT NOT NULL, poll_seconds INTEGER NOT NULL,"
            " enabled INTEGER NOT NULL DEFAULT 1, checked_at INTEGER, last_error TEXT NOT NULL DEFAULT '',"
            " fetched INTEGER NOT NULL DEFAULT 0, limited INTEGER NOT NULL DEFAULT 0)"_s,
            u"CREATE TABLE department_mail (department_id INTEGER NOT NULL REFERENCES departments(id),"
            " shop_id INTEGER NOT NULL DEFAULT 0, sender_name TEXT NOT NULL DEFAULT '',"
            " from_address TEXT NOT NULL DEFAULT '', acknowledgement TEXT NOT NULL DEFAULT '',"
            " PRIMARY KEY (department_id, shop_id))"_s,
            u"CREATE TABLE mail_messages (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
            " message_id INTEGER REFERENCES messages(id), direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),"
            " mailbox_id INTEGER NOT NULL DEFAULT 0, rfc_id TEXT NOT NULL, created_at INTEGER NOT NULL)"_s,
            // A message is taken in once per mailbox.
            u"CREATE UNIQUE INDEX mail_messages_once ON mail_messages (direction, mailbox_id, rfc_id)"_s,
            u"CREATE INDEX mail_messages_rfc ON mail_messages (rfc_id)"_s,
            u"CREATE INDEX mail_messages_ticket ON mail_messages (ticket_id)"_s,
            // A reply's mail has its message; an acknowledgement has none.
            u"CREATE TABLE mail_outbox (id INTEGER PRIMARY KEY, message_id INTEGER UNIQUE REFERENCES messages(id),"
            " kind TEXT NOT NULL DEFAULT 'reply' CHECK (kind IN ('reply', 'acknowledgement')),"
            " ticket_id INTEGER NOT NULL REFERENCES tickets(id), envelope_from TEXT NOT NULL, recipient TEXT NOT NULL,"
            " content BLOB NOT NULL, state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'bounced')),"
            " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL, last_answer TEXT NOT NULL DEFAULT '',"
            " updated_at INTEGER NOT NULL)"_s,
            u"CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at)"_s,
            u"CREATE INDEX mail_outbox_ticket ON mail_outbox (ticket_id)"_s,
            u"CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, updated_at)"_s,
            // Files that came with customers' messages; the bytes are in the
            // data directory, named by their SHA-256.
            u"CREATE TABLE attachments (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
            " message_id INTEGER NOT NULL REFERENCES messages(id), filename TEXT NOT NULL, content_type TEXT NOT NULL,"
            " size INTEGER NOT NULL, sha256 TEXT NOT NULL, inline INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)"_s,
            u"CREATE INDEX attachments_ticket ON attachments (ticket_id)"_s,
        },
        // 9: the words of every ticket, for the search that reaches past a
        // desk's window (see TicketRows::searchRowsSql). Filled and kept up
        // to date in batches behind the writes (SearchIndex), never in a
        // writing transaction: a trigger there cost the intake a third of
        // its speed.
        {
            u"CREATE VIRTUAL TABLE ticket_words USING fts5 (subject, customer, body, tokenize = 'unicode61')"_s,
            u"INSERT INTO meta (key, value) VALUES ('words_seq', '0')"_s,
        },
        // 10: what files may weigh, per department; the files agents upload
        // before they name them in a reply or note.
        {
            u"ALTER TABLE departments ADD COLUMN max_file_bytes INTEGER NOT NULL DEFAULT 26214400"_s,
            u"ALTER TABLE departments ADD COLUMN max_message_bytes INTEGER NOT NULL DEFAULT 52428800"_s,
            u"CREATE TABLE uploads (agent_id INTEGER NOT NULL REFERENCES agents(id), sha256 TEXT NOT NULL,"
            " size INTEGER NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (agent_id, sha256))"_s,
            u"CREATE INDEX uploads_created ON uploads (created_at)"_s,
        },
        // 11: the languages customers are written to in: a shop's, its
        // departments' labels in each, the customer's of a ticket, and the
        // acknowledgements in each.
        {
            u"ALTER TABLE shops ADD COLUMN languages TEXT NOT NULL DEFAULT '[\"en\"]'"_s,
            u"ALTER TABLE departments ADD COLUMN public_labels TEXT NOT NULL DEFAULT '{}'"_s,
            u"ALTER TABLE tickets ADD COLUMN customer_language TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE department_mail ADD COLUMN acknowledgements TEXT NOT NULL DEFAULT '{}'"_s,
        },
        // 12: a policy change's rescheduling still to do, by department: the
        // SLA sweep goes on after `after_id`, a chunk at a time.
        {
            u"CREATE TABLE sla_reschedules (department_id INTEGER PRIMARY KEY, after_id INTEGER NOT NULL,"
            " changed_at INTEGER NOT NULL)"_s,
        },
    };
    return steps;
}

} // namespace Signpost::Schema
