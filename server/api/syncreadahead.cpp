#include "server/api/syncreadahead.h"

namespace Signpost {

std::optional<SyncReadAhead::Page> SyncReadAhead::take(const Key &key)
{
    forgetExpired();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].key == key) {
            Page page = m_entries.takeAt(i).page;
            ++m_used;
            return page;
        }
    }
    return std::nullopt;
}

void SyncReadAhead::keep(const Key &key, Page page)
{
    forgetExpired();
    drop([&key](const Entry &entry) { return entry.key == key; });
    if (m_entries.size() >= MaxPages) {
        const Key oldest = m_entries.first().key; // keys are unique
        drop([&oldest](const Entry &entry) { return entry.key == oldest; });
    }
    m_entries.append({key, std::move(page), QDeadlineTimer(KeptMs)});
}

void SyncReadAhead::forget(qint64 agentId)
{
    drop([agentId](const Entry &entry) { return entry.key.agentId == agentId; });
}

void SyncReadAhead::forgetAll()
{
    drop([](const Entry &) { return true; });
}

void SyncReadAhead::forgetExpired()
{
    drop([](const Entry &entry) { return entry.expires.hasExpired(); });
}

void SyncReadAhead::drop(const std::function<bool(const Entry &)> &which)
{
    m_unused += m_entries.removeIf([&which](const Entry &entry) {
        if (!which(entry))
            return false;
        Page(entry.page).cancel(); // a copy shares the read's state
        return true;
    });
}

} // namespace Signpost
