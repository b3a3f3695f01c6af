#pragma once

#include "core/department.h"
#include "core/error.h"
#include "core/shop.h"
#include "core/ticket.h"
#include "server/services/attachmentstore.h"
#include "server/services/wording.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace Signpost::ContactPages {

// The public pages customers see: plain, accessible HTML with no scripts,
// in the customer's language (`wording`). Everything a customer or agent
// typed is escaped, never rendered as markup.

using Values = QHash<QString, QString>;

// Form fields from an application/x-www-form-urlencoded body.
Values decodeForm(const QByteArray &body);
// A posted form, either encoding: its fields, and the files chosen in its
// file fields. False when a multipart body cannot be read.
bool decodePost(const QByteArray &contentType, const QByteArray &body, Values &values,
                QList<AttachmentStore::File> &files);

QByteArray shopList(const QList<Shop> &shops, const Wording &wording);
// The form of a shop, with a choice of the shop's languages when it offers
// more than one.
QByteArray form(const Shop &shop, const QList<Department> &departments, const Values &values,
                const QList<Error> &errors, const Wording &wording);
QByteArray confirmation(const Shop &shop, qint64 ticketId, const QString &threadPath, const Wording &wording);
// The customer's page of their ticket: files of the messages are fetched at
// threadPath + "/files/<id>".
QByteArray thread(const Ticket &ticket, const QString &shopName, const QString &threadPath,
                  const QList<Error> &errors, bool replied, const Wording &wording);
// What went wrong instead of a page: the title and the text as
// ContactPages's own strings, translated here.
enum class Notice { FormUnavailable, FormIncomplete, TooManyMessages, TooManyReplies, RobotThanked, NotSaved,
                    NoSuchForm, LinkNotValid, NoSuchFile };
QByteArray notice(Notice which, const Wording &wording);

} // namespace Signpost::ContactPages
