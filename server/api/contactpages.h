#pragma once

#include "core/department.h"
#include "core/error.h"
#include "core/shop.h"
#include "core/ticket.h"
#include "server/services/attachmentstore.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace Signpost::ContactPages {

// The public pages customers see: plain, accessible HTML with no scripts.
// Everything a customer or agent typed is escaped, never rendered as markup.

using Values = QHash<QString, QString>;

// Form fields from an application/x-www-form-urlencoded body.
Values decodeForm(const QByteArray &body);
// A posted form, either encoding: its fields, and the files chosen in its
// file fields. False when a multipart body cannot be read.
bool decodePost(const QByteArray &contentType, const QByteArray &body, Values &values,
                QList<AttachmentStore::File> &files);

QByteArray shopList(const QList<Shop> &shops);
QByteArray form(const Shop &shop, const QList<Department> &departments, const Values &values,
                const QList<Error> &errors);
QByteArray confirmation(const Shop &shop, qint64 ticketId, const QString &threadPath);
// The customer's page of their ticket: files of the messages are fetched at
// threadPath + "/files/<id>".
QByteArray thread(const Ticket &ticket, const QString &shopName, const QString &threadPath,
                  const QList<Error> &errors, bool replied);
QByteArray notice(const QString &title, const QString &text);

} // namespace Signpost::ContactPages
