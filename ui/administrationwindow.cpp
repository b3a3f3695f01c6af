#include "ui/administrationwindow.h"

#include "core/department.h"

#include "core/language.h"
#include "core/routing.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTimeZone>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <limits>

#include <qcorotask.h>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

constexpr int IdRole = Qt::UserRole;
constexpr qint64 Megabyte = 1024 * 1024;

// A limit as its box shows it: whole megabytes, at least one.
int wholeMegabytes(qint64 bytes)
{
    return int(std::max<qint64>(1, bytes / Megabyte));
}

QStringList lines(const QString &text)
{
    QStringList found;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            found.append(line.trimmed());
    }
    return found;
}

// The server names the field its message is about, as the forms do; a
// rule's and an agent's fields are told apart from a department's.
QString formField(const QString &path, const QString &field)
{
    if (field.isEmpty())
        return field;
    if (path.startsWith(u"/api/v1/routing-rules"_s))
        return u"rule."_s + field;
    if (path == u"/api/v1/agents" || (path.startsWith(u"/api/v1/agents/"_s) && !path.contains(u"/memberships/"_s)))
        return u"agent."_s + field;
    if (path.startsWith(u"/api/v1/shops"_s))
        return u"shop."_s + field;
    return field;
}

const QStringList DayKeys{u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s};
const QStringList TargetKeys{u"first_response"_s, u"next_response"_s, u"resolution"_s};
const QStringList PriorityKeys{u"urgent"_s, u"high"_s, u"normal"_s, u"low"_s};

// A day's hours as an admin writes them: "08:00–12:00, 13:00–17:00" (a
// hyphen will do); empty: closed. Null when they cannot be read.
std::optional<QJsonArray> parseHours(const QString &text)
{
    QJsonArray spans;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        QStringList ends = part.trimmed().split(QRegularExpression(u"\\s*[-–]\\s*"_s));
        if (ends.size() != 2)
            return std::nullopt;
        for (QString &end : ends) {
            if (!QRegularExpression(u"^\\d{1,2}:\\d{2}$"_s).match(end).hasMatch())
                return std::nullopt;
            if (end.size() == 4)
                end.prepend(u'0');
        }
        spans.append(QJsonArray{ends[0], ends[1]});
    }
    return spans;
}

QString hoursText(const QJsonArray &spans)
{
    QStringList parts;
    for (const QJsonValue &span : spans)
        parts.append(span[0].toString() + u'–' + span[1].toString());
    return parts.join(u", "_s);
}

// Widgets one above the other, the one at `growing` taking the room left.
QWidget *column(QWidget *parent, const QList<QWidget *> &widgets, qsizetype growing)
{
    auto *column = new QWidget(parent);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    for (qsizetype i = 0; i < widgets.size(); ++i)
        layout->addWidget(widgets[i], i == growing ? 1 : 0);
    return column;
}

// What a tab lists beside the form that edits the one chosen.
void listBesideForm(QWidget *tab, QWidget *list, QWidget *form, int formShare)
{
    auto *split = new QSplitter(Qt::Horizontal, tab);
    split->addWidget(list);
    split->addWidget(form);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, formShare);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(split);
}

// Everything the window reads, read at once.
struct Loaded
{
    Expected<QJsonObject> departments = QJsonObject();
    Expected<QJsonObject> shops = QJsonObject();
    Expected<QJsonObject> agents = QJsonObject();
    Expected<QJsonObject> rules = QJsonObject();
};

// A lead reads only the departments: the rest is the admins'. The client
// may go (the desk signs out, or quits) while a read is on its way: what
// is left is not asked, and its failure stands for all.
QCoro::Task<Loaded> loadAll(QPointer<ApiClient> api, bool everything)
{
    Loaded loaded;
    const std::pair<const char *, Expected<QJsonObject> *> reads[] = {{"/api/v1/departments", &loaded.departments},
                                                                       {"/api/v1/shops", &loaded.shops},
                                                                       {"/api/v1/agents", &loaded.agents},
                                                                       {"/api/v1/routing-rules", &loaded.rules}};
    for (const auto &[path, into] : reads) {
        if (!api) {
            // Never shown: the window goes with the client.
            *into = Error{ErrorCode::Unavailable, u"The desk's connection is gone."_s, {}};
            co_return loaded;
        }
        *into = co_await api->get(QString::fromLatin1(path));
        if (!*into || !everything)
            co_return loaded;
    }
    co_return loaded;
}

} // namespace

AdministrationWindow::AdministrationWindow(Desk &desk, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_desk(desk)
    , m_tabs(new QTabWidget(this))
    , m_status(new QLabel(this))
    , m_leadOnly(!desk.me() || !desk.me()->isAdmin)
{
    setWindowTitle(m_leadOnly ? tr("Department settings") : tr("Administration"));
    setObjectName(u"administrationWindow"_s);
    m_status->setObjectName(u"administrationStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_tabs->addTab(makeDepartmentsTab(), tr("&Departments"));
    m_tabs->addTab(makeServiceTab(), tr("Ser&vice levels"));
    const int adminsTabs[] = {m_tabs->addTab(makeMembersTab(), tr("&Members")),
                              m_tabs->addTab(makeRulesTab(), tr("&Routing rules")),
                              m_tabs->addTab(makeShopsTab(), tr("S&hops"))};
    // A lead's own departments: how they work and how they write to
    // customers (the server takes no more from a lead).
    for (int tab : adminsTabs)
        m_tabs->setTabVisible(tab, !m_leadOnly);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    resize(980, 720);
    // What was said about one tab is not about the next.
    connect(m_tabs, &QTabWidget::currentChanged, m_status, &QLabel::clear);
    reload();
}

QLabel *AdministrationWindow::addField(QFormLayout *form, const QString &label, QWidget *field,
                                       const QString &serverName)
{
    form->addRow(label, field);
    return addErrorRow(form, serverName);
}

QLabel *AdministrationWindow::addErrorRow(QFormLayout *form, const QString &serverName)
{
    auto *error = new QLabel(this);
    error->setObjectName(u"error-"_s + serverName);
    error->setWordWrap(true);
    error->setTextFormat(Qt::PlainText);
    error->setStyleSheet(u"color: #b3261e;"_s);
    error->hide();
    form->addRow(QString(), error);
    m_errors.insert(serverName, error);
    return error;
}

QWidget *AdministrationWindow::makeDepartmentsTab()
{
    auto *tab = new QWidget(this);
    m_departments = new QListWidget(tab);
    m_departments->setObjectName(u"departments"_s);
    m_departments->setAccessibleName(tr("Departments"));
    m_name = new QLineEdit(tab);
    m_name->setObjectName(u"departmentName"_s);
    m_name->setMaxLength(100);
    m_publicLabel = new QLineEdit(tab);
    m_publicLabel->setObjectName(u"publicLabel"_s);
    m_publicLabel->setPlaceholderText(tr("What customers pick on the contact form, e.g. Returns and refunds"));
    m_labelNb = new QLineEdit(tab);
    m_labelNb->setObjectName(u"publicLabel-nb"_s);
    m_labelNb->setPlaceholderText(tr("Empty: the label above"));
    m_labelDe = new QLineEdit(tab);
    m_labelDe->setObjectName(u"publicLabel-de"_s);
    m_labelDe->setPlaceholderText(tr("Empty: the label above"));
    m_senderName = new QLineEdit(tab);
    m_senderName->setObjectName(u"senderName"_s);
    m_senderName->setPlaceholderText(tr("The name customers see a reply come from"));
    m_signature = new QPlainTextEdit(tab);
    m_signature->setObjectName(u"signature"_s);
    m_signature->setTabChangesFocus(true);
    m_signature->setMaximumHeight(64);
    m_addresses = new QPlainTextEdit(tab);
    m_addresses->setObjectName(u"addresses"_s);
    m_addresses->setTabChangesFocus(true);
    m_addresses->setMaximumHeight(48);
    m_addresses->setPlaceholderText(tr("One address per line, e.g. returns@shop.example"));
    m_shops = new QListWidget(tab);
    m_shops->setObjectName(u"departmentShops"_s);
    m_shops->setMaximumHeight(56);
    m_default = new QCheckBox(tr("Where whatever nothing else claims goes"), tab);
    m_default->setObjectName(u"isDefault"_s);
    m_archived = new QCheckBox(tr("Takes no new tickets and is no transfer target"), tab);
    m_archived->setObjectName(u"archived"_s);
    m_preview = new QPlainTextEdit(tab);
    m_preview->setObjectName(u"replyPreview"_s);
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("A reply as the customer gets it"));

    auto *form = new QWidget(tab);
    auto *fields = new QFormLayout(form);
    fields->setContentsMargins(0, 0, 0, 0);
    addField(fields, tr("&Name"), m_name, u"name"_s);
    addField(fields, tr("&Label for customers"), m_publicLabel, u"public_label"_s);
    fields->addRow(tr("… in Norwegian"), m_labelNb);
    addField(fields, tr("… in German"), m_labelDe, u"public_labels"_s);
    addField(fields, tr("&Sender name"), m_senderName, u"sender_name"_s);
    addField(fields, tr("Si&gnature"), m_signature, u"signature"_s);
    addField(fields, tr("Receiving &addresses"), m_addresses, u"addresses"_s);
    addField(fields, tr("On the contact form of"), m_shops, u"shops"_s);
    addField(fields, tr("Default"), m_default, u"is_default"_s);
    addField(fields, tr("Archived"), m_archived, u"archived"_s);
    auto *save = new QPushButton(tr("Save department"), tab);
    save->setObjectName(u"saveDepartment"_s);
    m_deleteDepartment = new QPushButton(tr("Delete department"), tab);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(save, 1);
    buttons->addWidget(m_deleteDepartment);
    fields->addRow(QString(), buttons);

    auto *previewBox = new QGroupBox(tr("A reply as the customer gets it"), tab);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);

    auto *add = new QPushButton(tr("New department"), tab);
    m_newDepartment = add;
    if (m_leadOnly) {
        // What reaches the department is shown, not changed; the rest of
        // the admins' part is left out.
        m_name->setEnabled(false);
        m_addresses->setEnabled(false);
        for (QWidget *field : std::initializer_list<QWidget *>{m_shops, m_default, m_archived}) {
            fields->labelForField(field)->hide();
            field->hide();
        }
        add->hide();
        m_deleteDepartment->hide();
    }
    listBesideForm(tab, column(tab, {m_departments, add}, 0), column(tab, {form, previewBox}, 1), 3);

    connect(m_departments, &QListWidget::currentRowChanged, this, &AdministrationWindow::showDepartment);
    connect(add, &QPushButton::clicked, this, &AdministrationWindow::newDepartment);
    connect(save, &QPushButton::clicked, this, &AdministrationWindow::saveDepartment);
    connect(m_deleteDepartment, &QPushButton::clicked, this, &AdministrationWindow::deleteDepartment);
    for (QLineEdit *edit : {m_senderName, m_name})
        connect(edit, &QLineEdit::textChanged, this, &AdministrationWindow::updatePreview);
    for (QPlainTextEdit *edit : {m_signature, m_addresses})
        connect(edit, &QPlainTextEdit::textChanged, this, &AdministrationWindow::updatePreview);
    return tab;
}

QWidget *AdministrationWindow::makeMembersTab()
{
    auto *tab = new QWidget(this);
    m_memberDepartment = new QComboBox(tab);
    m_memberDepartment->setObjectName(u"membersDepartment"_s);
    m_members = new QTableWidget(0, 3, tab);
    m_members->setObjectName(u"members"_s);
    m_members->setHorizontalHeaderLabels({tr("Agent"), tr("Email"), tr("Role in the department")});
    m_members->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_members->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_members->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_members->verticalHeader()->hide();
    m_members->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_members->setSelectionMode(QAbstractItemView::SingleSelection);
    m_members->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *note = new QLabel(tr("Members see and work the department's tickets; leads also see its dashboard and "
                               "keep its canned replies. Admins see every department."),
                            tab);
    note->setWordWrap(true);
    auto *top = new QFormLayout;
    top->addRow(tr("D&epartment"), m_memberDepartment);

    // A new colleague: they sign in with this, then get their departments
    // in the table above. An agent chosen in the table is changed here:
    // renamed, given a new password, made admin, or disabled (a leaver).
    auto *add = new QGroupBox(tr("Add an agent"), tab);
    m_agentForm = add;
    m_agentName = new QLineEdit(add);
    m_agentName->setObjectName(u"agentName"_s);
    m_agentEmail = new QLineEdit(add);
    m_agentEmail->setObjectName(u"agentEmail"_s);
    m_agentPassword = new QLineEdit(add);
    m_agentPassword->setObjectName(u"agentPassword"_s);
    m_agentPassword->setEchoMode(QLineEdit::Password);
    m_agentPassword->setPlaceholderText(tr("At least 8 characters; they can change it later"));
    m_agentAdmin = new QCheckBox(tr("Sees every department and can change these settings"), add);
    m_agentAdmin->setObjectName(u"agentAdmin"_s);
    m_agentDisabled = new QCheckBox(tr("Cannot sign in; their desks are signed out at once"), add);
    m_agentDisabled->setObjectName(u"agentDisabled"_s);
    auto *addFields = new QFormLayout(add);
    addField(addFields, tr("F&ull name"), m_agentName, u"agent.name"_s);
    addField(addFields, tr("Ema&il"), m_agentEmail, u"agent.email"_s);
    addField(addFields, tr("Pass&word"), m_agentPassword, u"agent.password"_s);
    addField(addFields, tr("Admin"), m_agentAdmin, u"agent.is_admin"_s);
    addField(addFields, tr("Disabled"), m_agentDisabled, u"agent.disabled"_s);
    m_saveAgent = new QPushButton(tr("Add agent"), add);
    m_newAgent = new QPushButton(tr("New agent"), add);
    auto *agentButtons = new QHBoxLayout;
    agentButtons->addWidget(m_saveAgent);
    agentButtons->addWidget(m_newAgent);
    agentButtons->addStretch();
    addFields->addRow(QString(), agentButtons);
    connect(m_saveAgent, &QPushButton::clicked, this, &AdministrationWindow::saveAgent);
    connect(m_newAgent, &QPushButton::clicked, this, &AdministrationWindow::newAgent);
    connect(m_members, &QTableWidget::itemSelectionChanged, this, &AdministrationWindow::showAgent);
    m_agentDisabled->setEnabled(false); // a new account can sign in
    m_newAgent->hide();

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(top);
    layout->addWidget(note);
    layout->addWidget(m_members, 1);
    layout->addWidget(add);
    connect(m_memberDepartment, &QComboBox::currentIndexChanged, this, &AdministrationWindow::showMembers);
    return tab;
}

QWidget *AdministrationWindow::makeRulesTab()
{
    auto *tab = new QWidget(this);
    m_rules = new QListWidget(tab);
    m_rules->setObjectName(u"rules"_s);
    m_rules->setAccessibleName(tr("Routing rules, in the order they are tried"));
    m_ruleName = new QLineEdit(tab);
    m_ruleName->setObjectName(u"ruleName"_s);
    m_ruleDepartment = new QComboBox(tab);
    m_ruleDepartment->setObjectName(u"ruleDepartment"_s);
    m_ruleField = new QComboBox(tab);
    m_ruleField->setObjectName(u"ruleField"_s);
    m_ruleField->addItem(tr("Subject or message"), u"any"_s);
    m_ruleField->addItem(tr("Subject"), u"subject"_s);
    m_ruleField->addItem(tr("Message"), u"body"_s);
    m_pattern = new QLineEdit(tab);
    m_pattern->setObjectName(u"pattern"_s);
    m_pattern->setPlaceholderText(tr("Words or phrases, separated by commas: refund, money back"));
    m_regex = new QCheckBox(tr("The pattern is a regular expression"), tab);
    m_regex->setObjectName(u"isRegex"_s);
    m_ruleShop = new QComboBox(tab);
    m_ruleShop->setObjectName(u"ruleShop"_s);
    m_ruleChannel = new QComboBox(tab);
    m_ruleChannel->setObjectName(u"ruleChannel"_s);
    m_testShop = new QComboBox(tab);
    m_testShop->setObjectName(u"testShop"_s);
    m_testChannel = new QComboBox(tab);
    m_testChannel->setObjectName(u"testChannel"_s);
    for (QComboBox *box : {m_ruleChannel, m_testChannel}) {
        if (box == m_ruleChannel)
            box->addItem(tr("Any channel"), QString());
        box->addItem(tr("Contact form"), u"web"_s);
        box->addItem(tr("Email"), u"email"_s);
        box->addItem(tr("A shop's own form (API)"), u"api"_s);
    }
    m_enabled = new QCheckBox(tr("Tried for every first contact"), tab);
    m_enabled->setObjectName(u"enabled"_s);
    m_position = new QSpinBox(tab);
    m_position->setObjectName(u"position"_s);
    m_position->setRange(0, 1'000'000);
    m_position->setSpecialValueText(tr("After the others"));

    auto *form = new QWidget(tab);
    auto *fields = new QFormLayout(form);
    fields->setContentsMargins(0, 0, 0, 0);
    addField(fields, tr("&Name"), m_ruleName, u"rule.name"_s);
    addField(fields, tr("Sends to"), m_ruleDepartment, u"rule.department"_s);
    addField(fields, tr("Looks in"), m_ruleField, u"rule.field"_s);
    addField(fields, tr("&Pattern"), m_pattern, u"rule.pattern"_s);
    fields->addRow(QString(), m_regex);
    addField(fields, tr("Only for the shop"), m_ruleShop, u"rule.shop"_s);
    addField(fields, tr("Only for"), m_ruleChannel, u"rule.channel"_s);
    addField(fields, tr("On"), m_enabled, u"rule.enabled"_s);
    addField(fields, tr("Position"), m_position, u"rule.position"_s);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("New rule"), tab);
    m_deleteRule = new QPushButton(tr("Delete rule"), tab);
    auto *save = new QPushButton(tr("Save rule"), tab);
    save->setObjectName(u"saveRule"_s);
    buttons->addWidget(add);
    buttons->addStretch(1);
    buttons->addWidget(m_deleteRule);
    buttons->addWidget(save);
    fields->addRow(buttons);

    // Where a sample would go, with the rules as shown (the one being
    // edited included, before it is saved): the same routing the server
    // does, run here.
    auto *test = new QGroupBox(tr("Test this message"), tab);
    m_testSubject = new QLineEdit(test);
    m_testSubject->setObjectName(u"testSubject"_s);
    m_testBody = new QPlainTextEdit(test);
    m_testBody->setObjectName(u"testBody"_s);
    m_testBody->setTabChangesFocus(true);
    m_testBody->setMaximumHeight(80);
    m_testAddress = new QLineEdit(test);
    m_testAddress->setObjectName(u"testAddress"_s);
    m_testAddress->setPlaceholderText(tr("For email: the address it was sent to"));
    m_testResult = new QLabel(test);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_testResult->setTextFormat(Qt::PlainText);
    QFont bold = m_testResult->font();
    bold.setBold(true);
    m_testResult->setFont(bold);
    auto *testFields = new QFormLayout(test);
    testFields->addRow(tr("Su&bject"), m_testSubject);
    testFields->addRow(tr("Message"), m_testBody);
    testFields->addRow(tr("Shop"), m_testShop);
    testFields->addRow(tr("Came by"), m_testChannel);
    testFields->addRow(tr("Sent to"), m_testAddress);
    testFields->addRow(tr("Goes to"), m_testResult);

    listBesideForm(tab, m_rules, column(tab, {form, test}, 1), 2);

    connect(m_rules, &QListWidget::currentRowChanged, this, &AdministrationWindow::showRule);
    connect(add, &QPushButton::clicked, this, &AdministrationWindow::newRule);
    connect(save, &QPushButton::clicked, this, &AdministrationWindow::saveRule);
    connect(m_deleteRule, &QPushButton::clicked, this, &AdministrationWindow::deleteRule);
    for (QLineEdit *edit : {m_testSubject, m_testAddress, m_ruleName, m_pattern})
        connect(edit, &QLineEdit::textChanged, this, &AdministrationWindow::testMessage);
    connect(m_testBody, &QPlainTextEdit::textChanged, this, &AdministrationWindow::testMessage);
    for (QComboBox *box : {m_testShop, m_testChannel, m_ruleDepartment, m_ruleField, m_ruleShop, m_ruleChannel})
        connect(box, &QComboBox::currentIndexChanged, this, &AdministrationWindow::testMessage);
    for (QCheckBox *box : {m_regex, m_enabled})
        connect(box, &QCheckBox::toggled, this, &AdministrationWindow::testMessage);
    connect(m_position, &QSpinBox::valueChanged, this, &AdministrationWindow::testMessage);
    return tab;
}

QWidget *AdministrationWindow::makeServiceTab()
{
    auto *tab = new QWidget(this);
    m_serviceDepartment = new QComboBox(tab);
    m_serviceDepartment->setObjectName(u"serviceDepartment"_s);

    // Targets in working minutes, by priority; 0: none.
    m_targets = new QTableWidget(int(PriorityKeys.size()), int(TargetKeys.size()), tab);
    m_targets->setObjectName(u"slaTargets"_s);
    m_targets->setHorizontalHeaderLabels({tr("First response"), tr("Next response"), tr("Resolution")});
    m_targets->setVerticalHeaderLabels({tr("Urgent"), tr("High"), tr("Normal"), tr("Low")});
    m_targets->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_targets->setMaximumHeight(150);
    for (int row = 0; row < m_targets->rowCount(); ++row) {
        for (int column = 0; column < m_targets->columnCount(); ++column) {
            auto *minutes = new QSpinBox(m_targets);
            minutes->setRange(0, 527'040);
            minutes->setSingleStep(15);
            minutes->setSuffix(tr(" min"));
            minutes->setSpecialValueText(tr("No target"));
            m_targets->setCellWidget(row, column, minutes);
        }
    }
    m_ownership = new QSpinBox(tab);
    m_ownership->setObjectName(u"ownership"_s);
    m_ownership->setRange(0, 527'040);
    m_ownership->setSuffix(tr(" min"));
    m_ownership->setSpecialValueText(tr("No target"));
    m_atRisk = new QSpinBox(tab);
    m_atRisk->setObjectName(u"atRiskPercent"_s);
    m_atRisk->setRange(1, 99);
    m_atRisk->setSuffix(u" %"_s);
    m_timeZone = new QComboBox(tab);
    m_timeZone->setObjectName(u"timeZone"_s);
    m_timeZone->setEditable(true);
    for (const QByteArray &zone : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromUtf8(zone));
    m_holidays = new QPlainTextEdit(tab);
    m_holidays->setObjectName(u"holidays"_s);
    m_holidays->setTabChangesFocus(true);
    m_holidays->setMaximumHeight(56);
    m_holidays->setPlaceholderText(tr("Closed days, one per line: 2026-12-24"));
    m_assignmentMode = new QComboBox(tab);
    m_assignmentMode->setObjectName(u"assignmentMode"_s);
    m_assignmentMode->addItem(tr("By hand"), u"manual"_s);
    m_assignmentMode->addItem(tr("In turn (round robin)"), u"round_robin"_s);
    m_assignmentMode->addItem(tr("To whoever has the fewest open tickets"), u"least_loaded"_s);
    m_capacity = new QSpinBox(tab);
    m_capacity->setObjectName(u"capacity"_s);
    m_capacity->setRange(0, 10'000);
    m_capacity->setSpecialValueText(tr("No limit"));
    // What files may weigh, the customers' and the agents' alike, in whole
    // megabytes (the server's bounds: a file up to 50 MB, a message's
    // files up to four times that, and no less than one file).
    m_fileMegabytes = new QSpinBox(tab);
    m_fileMegabytes->setObjectName(u"fileMegabytes"_s);
    m_fileMegabytes->setRange(1, int(Department::MaxFileBytesCap / Megabyte));
    m_messageMegabytes = new QSpinBox(tab);
    m_messageMegabytes->setObjectName(u"messageMegabytes"_s);
    m_messageMegabytes->setRange(1, int(4 * Department::MaxFileBytesCap / Megabyte));
    for (QSpinBox *box : {m_fileMegabytes, m_messageMegabytes})
        box->setSuffix(tr(" MB"));

    auto *targets = new QGroupBox(tr("Service targets, in working minutes"), tab);
    auto *targetFields = new QFormLayout(targets);
    targetFields->addRow(m_targets);
    addErrorRow(targetFields, u"sla.targets"_s);
    addField(targetFields, tr("First touch by the department"), m_ownership, u"sla.ownership"_s);
    addField(targetFields, tr("At risk after"), m_atRisk, u"sla.at_risk_percent"_s);

    auto *hours = new QGroupBox(tr("Business hours"), tab);
    auto *hourFields = new QFormLayout(hours);
    addField(hourFields, tr("Time zone"), m_timeZone, u"sla.business_hours.time_zone"_s);
    for (qsizetype day = 0; day < DayKeys.size(); ++day) {
        auto *edit = new QLineEdit(hours);
        edit->setObjectName(u"hours-"_s + DayKeys[day]);
        edit->setPlaceholderText(tr("Closed; or 08:00–16:00, and more after a comma"));
        hourFields->addRow(QLocale().dayName(int(day) + 1), edit);
        m_days.append(edit);
    }
    addErrorRow(hourFields, u"sla.business_hours.week"_s);
    addField(hourFields, tr("Closed on"), m_holidays, u"sla.business_hours.holidays"_s);

    auto *files = new QGroupBox(tr("Attachments"), tab);
    auto *fileFields = new QFormLayout(files);
    addField(fileFields, tr("Largest file"), m_fileMegabytes, u"attachment_limits"_s);
    fileFields->addRow(tr("All files of one message"), m_messageMegabytes);

    auto *assignment = new QGroupBox(tr("Assignment"), tab);
    auto *assignmentFields = new QFormLayout(assignment);
    assignmentFields->addRow(tr("New tickets go"), m_assignmentMode);
    addField(assignmentFields, tr("At most per agent"), m_capacity, u"assignment"_s);

    auto *notify = new QGroupBox(tr("Who hears of what"), tab);
    auto *notifyFields = new QFormLayout(notify);
    const QList<std::pair<QString, QString>> events{{u"new_ticket"_s, tr("A new ticket")},
                                                    {u"customer_reply"_s, tr("A customer's reply")},
                                                    {u"transferred_in"_s, tr("A transfer in")},
                                                    {u"sla_at_risk"_s, tr("A target at risk")},
                                                    {u"sla_breached"_s, tr("A target missed")}};
    for (const auto &[event, label] : events) {
        auto *audience = new QComboBox(notify);
        audience->setObjectName(u"notify-"_s + event);
        audience->addItem(tr("Every member"), u"members"_s);
        audience->addItem(tr("The leads"), u"leads"_s);
        audience->addItem(tr("The assignee (the members while nobody has it)"), u"assignee"_s);
        audience->addItem(tr("The assignee and the leads"), u"assignee_and_leads"_s);
        notifyFields->addRow(label, audience);
        m_audiences.insert(event, audience);
    }
    addErrorRow(notifyFields, u"notify"_s);

    auto *save = new QPushButton(tr("Save service levels"), tab);
    auto *left = new QVBoxLayout;
    left->addWidget(targets);
    left->addWidget(assignment);
    left->addWidget(notify);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(hours);
    right->addWidget(files);
    right->addStretch(1);
    right->addWidget(save, 0, Qt::AlignRight);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto *top = new QFormLayout;
    top->addRow(tr("Depar&tment"), m_serviceDepartment);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(top);
    layout->addLayout(columns, 1);

    connect(m_serviceDepartment, &QComboBox::currentIndexChanged, this, &AdministrationWindow::showService);
    connect(save, &QPushButton::clicked, this, &AdministrationWindow::saveService);
    return tab;
}

void AdministrationWindow::showService()
{
    clearErrors();
    const QJsonObject d = departmentById(m_serviceDepartment->currentData().toLongLong());
    const QJsonObject sla = d[u"sla"_s].toObject();
    const QJsonObject targets = sla[u"targets"_s].toObject();
    for (int row = 0; row < m_targets->rowCount(); ++row) {
        for (int column = 0; column < m_targets->columnCount(); ++column) {
            const QJsonValue minutes = targets[PriorityKeys[row]][TargetKeys[column]];
            static_cast<QSpinBox *>(m_targets->cellWidget(row, column))->setValue(minutes.isDouble() ? minutes.toInt() : 0);
        }
    }
    m_ownership->setValue(sla[u"ownership"_s].toInt());
    m_atRisk->setValue(sla[u"at_risk_percent"_s].toInt(75));
    const QJsonObject hours = sla[u"business_hours"_s].toObject();
    m_timeZone->setCurrentText(hours[u"time_zone"_s].toString(u"UTC"_s));
    const QJsonObject week = hours[u"week"_s].toObject();
    for (qsizetype day = 0; day < DayKeys.size(); ++day)
        m_days[day]->setText(hoursText(week[DayKeys[day]].toArray()));
    QStringList holidays;
    for (const QJsonValue &date : hours[u"holidays"_s].toArray())
        holidays.append(date.toString());
    m_holidays->setPlainText(holidays.join(u'\n'));
    const QJsonObject assignment = d[u"assignment"_s].toObject();
    m_assignmentMode->setCurrentIndex(std::max(0, m_assignmentMode->findData(assignment[u"mode"_s].toString())));
    m_capacity->setValue(assignment[u"capacity"_s].toInt());
    const QJsonObject limits = d[u"attachment_limits"_s].toObject();
    m_fileBytes = limits[u"file_bytes"_s].toInteger(Department::DefaultMaxFileBytes);
    m_messageBytes = limits[u"message_bytes"_s].toInteger(Department::DefaultMaxMessageBytes);
    m_fileMegabytes->setValue(wholeMegabytes(m_fileBytes));
    m_messageMegabytes->setValue(wholeMegabytes(m_messageBytes));
    const QJsonObject notify = d[u"notify"_s].toObject();
    for (auto it = m_audiences.cbegin(); it != m_audiences.cend(); ++it)
        it.value()->setCurrentIndex(std::max(0, it.value()->findData(notify[it.key()].toString())));
}

void AdministrationWindow::saveService()
{
    // A limit set through the API to a size in between whole megabytes
    // stays as it is unless its box was changed.
    const auto bytes = [](const QSpinBox *box, qint64 shown) {
        return box->value() == wholeMegabytes(shown) ? shown : box->value() * Megabyte;
    };
    const qint64 department = m_serviceDepartment->currentData().toLongLong();
    if (department <= 0)
        return;
    QJsonObject targets;
    for (int row = 0; row < m_targets->rowCount(); ++row) {
        QJsonObject perPriority;
        for (int column = 0; column < m_targets->columnCount(); ++column) {
            const int minutes = static_cast<QSpinBox *>(m_targets->cellWidget(row, column))->value();
            perPriority.insert(TargetKeys[column], minutes > 0 ? QJsonValue(minutes) : QJsonValue());
        }
        targets.insert(PriorityKeys[row], perPriority);
    }
    QJsonObject week;
    for (qsizetype day = 0; day < DayKeys.size(); ++day) {
        const std::optional<QJsonArray> spans = parseHours(m_days[day]->text());
        if (!spans) {
            clearErrors();
            QLabel *label = m_errors.value(u"sla.business_hours.week"_s);
            label->setText(tr("Write the hours of %1 as 08:00–16:00, several separated by commas.")
                               .arg(QLocale().dayName(int(day) + 1)));
            label->show();
            m_days[day]->setFocus();
            return;
        }
        if (!spans->isEmpty())
            week.insert(DayKeys[day], *spans);
    }
    QJsonObject notify;
    for (auto it = m_audiences.cbegin(); it != m_audiences.cend(); ++it)
        notify.insert(it.key(), it.value()->currentData().toString());
    const QJsonObject sla{
        {u"targets"_s, targets},
        {u"ownership"_s, m_ownership->value() > 0 ? QJsonValue(m_ownership->value()) : QJsonValue()},
        {u"at_risk_percent"_s, m_atRisk->value()},
        {u"business_hours"_s, QJsonObject{{u"time_zone"_s, m_timeZone->currentText().trimmed()},
                                          {u"week"_s, week},
                                          {u"holidays"_s, QJsonArray::fromStringList(lines(m_holidays->toPlainText()))}}}};
    save("PATCH", u"/api/v1/departments/%1"_s.arg(department),
         {{u"sla"_s, sla},
          {u"assignment"_s,
           QJsonObject{{u"mode"_s, m_assignmentMode->currentData().toString()}, {u"capacity"_s, m_capacity->value()}}},
          {u"attachment_limits"_s, QJsonObject{{u"file_bytes"_s, bytes(m_fileMegabytes, m_fileBytes)},
                                               {u"message_bytes"_s, bytes(m_messageMegabytes, m_messageBytes)}}},
          {u"notify"_s, notify}},
         tr("Saved. Open tickets get their new due times within moments."));
}

QWidget *AdministrationWindow::makeShopsTab()
{
    auto *tab = new QWidget(this);
    m_shopList = new QListWidget(tab);
    m_shopList->setObjectName(u"shopList"_s);
    m_shopList->setAccessibleName(tr("Shops"));
    m_shopName = new QLineEdit(tab);
    m_shopName->setObjectName(u"shopName"_s);
    m_shopSlug = new QLineEdit(tab);
    m_shopSlug->setObjectName(u"shopSlug"_s);
    m_shopSlug->setPlaceholderText(tr("Lower-case letters, digits and dashes, e.g. fjord-kids"));
    m_shopLanguages = new QListWidget(tab);
    m_shopLanguages->setObjectName(u"shopLanguages"_s);
    m_shopLanguages->setMaximumHeight(64);
    for (const Language &language : languages()) {
        auto *item = new QListWidgetItem(language.name, m_shopLanguages);
        item->setData(IdRole, language.code);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_shopDefaultLanguage = new QComboBox(tab);
    m_shopDefaultLanguage->setObjectName(u"shopDefaultLanguage"_s);
    for (const Language &language : languages())
        m_shopDefaultLanguage->addItem(language.name, language.code);
    m_shopOrigins = new QPlainTextEdit(tab);
    m_shopOrigins->setObjectName(u"shopOrigins"_s);
    m_shopOrigins->setTabChangesFocus(true);
    m_shopOrigins->setMaximumHeight(56);
    m_shopOrigins->setPlaceholderText(tr("One per line, e.g. https://fjordkids.example"));
    auto *explained = new QLabel(tr("The shop's contact form speaks the customer's language among those ticked, "
                                    "else the default. Pages at the origins listed may send the shop's own form "
                                    "to Signpost from the browser."),
                                 tab);
    explained->setWordWrap(true);

    auto *form = new QWidget(tab);
    auto *fields = new QFormLayout(form);
    fields->setContentsMargins(0, 0, 0, 0);
    addField(fields, tr("&Name"), m_shopName, u"shop.name"_s);
    addField(fields, tr("&Form address"), m_shopSlug, u"shop.slug"_s);
    fields->addRow(tr("Customers' languages"), m_shopLanguages);
    addField(fields, tr("Default language"), m_shopDefaultLanguage, u"shop.languages"_s);
    addField(fields, tr("Its own pages"), m_shopOrigins, u"shop.allowed_origins"_s);
    fields->addRow(QString(), explained);
    auto *save = new QPushButton(tr("Save shop"), tab);
    fields->addRow(QString(), save);

    auto *add = new QPushButton(tr("New shop"), tab);
    listBesideForm(tab, column(tab, {m_shopList, add}, 0), form, 3);

    connect(m_shopList, &QListWidget::currentRowChanged, this, &AdministrationWindow::showShop);
    connect(add, &QPushButton::clicked, this, &AdministrationWindow::newShop);
    connect(save, &QPushButton::clicked, this, &AdministrationWindow::saveShop);
    // The default is always one of those offered.
    connect(m_shopDefaultLanguage, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index < m_shopLanguages->count())
            m_shopLanguages->item(index)->setCheckState(Qt::Checked);
    });
    return tab;
}

void AdministrationWindow::showShop()
{
    const QListWidgetItem *item = m_shopList->currentItem();
    if (!item)
        return;
    clearErrors();
    m_shopId = item->data(IdRole).toLongLong();
    QJsonObject shop;
    for (const QJsonValue &s : std::as_const(m_shopData)) {
        if (s[u"id"_s].toInteger() == m_shopId)
            shop = s.toObject();
    }
    m_shopName->setText(shop[u"name"_s].toString());
    m_shopSlug->setText(shop[u"slug"_s].toString());
    QStringList offered;
    for (const QJsonValue &code : shop[u"languages"_s].toArray())
        offered.append(code.toString());
    if (offered.isEmpty())
        offered.append(u"en"_s);
    for (int row = 0; row < m_shopLanguages->count(); ++row) {
        QListWidgetItem *language = m_shopLanguages->item(row);
        language->setCheckState(offered.contains(language->data(IdRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
    m_shopDefaultLanguage->setCurrentIndex(std::max(0, m_shopDefaultLanguage->findData(offered.constFirst())));
    QStringList origins;
    for (const QJsonValue &origin : shop[u"allowed_origins"_s].toArray())
        origins.append(origin.toString());
    m_shopOrigins->setPlainText(origins.join(u'\n'));
}

void AdministrationWindow::newShop()
{
    {
        const QSignalBlocker block(m_shopList);
        m_shopList->setCurrentRow(-1);
    }
    clearErrors();
    m_shopId = 0;
    m_shopName->clear();
    m_shopSlug->clear();
    m_shopOrigins->clear();
    for (int row = 0; row < m_shopLanguages->count(); ++row)
        m_shopLanguages->item(row)->setCheckState(Qt::Unchecked);
    m_shopDefaultLanguage->setCurrentIndex(0);
    m_shopLanguages->item(0)->setCheckState(Qt::Checked);
    m_shopName->setFocus();
}

void AdministrationWindow::saveShop()
{
    // The default first, then the others ticked.
    const QString first = m_shopDefaultLanguage->currentData().toString();
    QJsonArray offered{first};
    for (int row = 0; row < m_shopLanguages->count(); ++row) {
        const QString code = m_shopLanguages->item(row)->data(IdRole).toString();
        if (m_shopLanguages->item(row)->checkState() == Qt::Checked && code != first)
            offered.append(code);
    }
    const QJsonObject json{{u"name"_s, m_shopName->text()},
                           {u"slug"_s, m_shopSlug->text()},
                           {u"languages"_s, offered},
                           {u"allowed_origins"_s, QJsonArray::fromStringList(lines(m_shopOrigins->toPlainText()))}};
    saveItem(u"/api/v1/shops"_s, m_shopId, json, tr("Saved. Its contact form follows at once."));
}

void AdministrationWindow::reload(const QString &said)
{
    if (said.isEmpty())
        m_status->setText(tr("Reading the helpdesk's settings…"));
    // What the status says belongs to the last save: a reload that comes
    // back after another save began leaves it to that one.
    QCoro::connect(loadAll(&m_desk.engine().api(), !m_leadOnly), this, [this, said, saves = m_saves](const Loaded &loaded) {
        const bool latest = saves == m_saves;
        for (const Expected<QJsonObject> *read : {&loaded.departments, &loaded.shops, &loaded.agents, &loaded.rules}) {
            if (!*read) {
                m_status->setText(tr("The helpdesk's settings could not be read: %1").arg(read->error().message));
                return;
            }
        }
        if (latest)
            m_status->setText(said);
        // The forms filled again keep what the server said about a save
        // begun meanwhile; otherwise they start clean.
        const QScopedValueRollback reshowing(m_reshowing, !latest);
        showLoaded(loaded.departments->value(u"departments"_s).toArray(), loaded.shops->value(u"shops"_s).toArray(),
                   loaded.agents->value(u"agents"_s).toArray(), loaded.rules->value(u"rules"_s).toArray());
    });
}

void AdministrationWindow::showLoaded(const QJsonArray &allDepartments, const QJsonArray &shops,
                                     const QJsonArray &agents, const QJsonArray &rules)
{
    QJsonArray departments;
    for (const QJsonValue &d : allDepartments) {
        if (!m_leadOnly || d[u"my_role"_s].toString() == u"lead")
            departments.append(d);
    }
    m_departmentData = departments;
    m_shopData = shops;
    m_agentData = agents;
    m_ruleData = rules;

    {
        const QSignalBlocker block(m_departments);
        m_departments->clear();
        for (const QJsonValue &d : departments) {
            QString text = d[u"name"_s].toString();
            if (d[u"is_default"_s].toBool())
                text = tr("%1 (default)").arg(text);
            if (d[u"archived"_s].toBool())
                text = tr("%1 (archived)").arg(text);
            auto *item = new QListWidgetItem(text, m_departments);
            item->setData(IdRole, d[u"id"_s].toInteger());
        }
    }
    for (QComboBox *box : {m_memberDepartment, m_ruleDepartment, m_serviceDepartment}) {
        const QSignalBlocker block(box);
        const QVariant was = box->currentData();
        box->clear();
        for (const QJsonValue &d : departments)
            box->addItem(d[u"name"_s].toString(), d[u"id"_s].toInteger());
        box->setCurrentIndex(std::max(0, box->findData(was)));
    }
    for (QComboBox *box : {m_ruleShop, m_testShop}) {
        const QSignalBlocker block(box);
        const QVariant was = box->currentData();
        box->clear();
        box->addItem(box == m_ruleShop ? tr("Any shop") : tr("No shop"), qint64(0));
        for (const QJsonValue &s : shops)
            box->addItem(s[u"name"_s].toString(), s[u"id"_s].toInteger());
        box->setCurrentIndex(std::max(0, box->findData(was)));
    }
    {
        const QSignalBlocker block(m_shopList);
        m_shopList->clear();
        for (const QJsonValue &shop : shops) {
            auto *item = new QListWidgetItem(shop[u"name"_s].toString(), m_shopList);
            item->setData(IdRole, shop[u"id"_s].toInteger());
        }
    }
    {
        const QSignalBlocker block(m_rules);
        m_rules->clear();
        for (const QJsonValue &r : rules) {
            QString text = tr("%1 → %2").arg(r[u"name"_s].toString(), departmentName(r[u"department"_s].toInteger()));
            if (!r[u"enabled"_s].toBool())
                text = tr("%1 (off)").arg(text);
            auto *item = new QListWidgetItem(text, m_rules);
            item->setData(IdRole, r[u"id"_s].toInteger());
        }
    }

    // What was in the forms stays selected; a new one stays new.
    const auto select = [](QListWidget *list, qint64 id) {
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(IdRole).toLongLong() == id) {
                list->setCurrentRow(row);
                return true;
            }
        }
        return false;
    };
    if (m_departmentId == 0 || !select(m_departments, m_departmentId)) {
        if (m_departmentId != 0 || m_name->text().isEmpty())
            m_departments->setCurrentRow(0);
    }
    if (m_ruleId == 0 || !select(m_rules, m_ruleId)) {
        if (m_ruleId != 0 || m_ruleName->text().isEmpty()) {
            m_ruleId = 0;
            m_rules->count() > 0 ? m_rules->setCurrentRow(0) : newRule();
        }
    }
    if (m_shopId == 0 || !select(m_shopList, m_shopId)) {
        if (m_shopId != 0 || m_shopName->text().isEmpty())
            m_shopList->setCurrentRow(0);
    }
    showMembers();
    showService();
    testMessage();
}

QJsonObject AdministrationWindow::departmentById(qint64 id) const
{
    for (const QJsonValue &d : m_departmentData) {
        if (d[u"id"_s].toInteger() == id)
            return d.toObject();
    }
    return {};
}

QString AdministrationWindow::departmentName(qint64 id) const
{
    const QJsonObject department = departmentById(id);
    return department.isEmpty() ? tr("Department %1").arg(id) : department.value(u"name"_s).toString();
}

void AdministrationWindow::clearErrors()
{
    if (m_reshowing)
        return;
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
}

void AdministrationWindow::save(const QByteArray &method, const QString &path, const QJsonObject &body,
                                const QString &done, std::function<void(const QJsonObject &)> then)
{
    if (m_busy)
        return;
    m_busy = true;
    ++m_saves;
    // One role change at a time: the table comes back with the answer.
    m_members->setEnabled(false);
    clearErrors();
    m_status->setText(tr("Saving…"));
    ApiClient &api = m_desk.engine().api();
    auto request = method == "POST"    ? api.post(path, body)
                   : method == "PATCH" ? api.patch(path, body)
                   : method == "PUT"   ? api.put(path, body)
                                       : api.del(path);
    QCoro::connect(std::move(request), this, [this, done, then, path](const Expected<QJsonObject> &answer) {
        m_busy = false;
        m_members->setEnabled(true);
        if (!answer) {
            const Error &error = answer.error();
            // The label of the field, or of the group it is in
            // (sla.targets.normal.first_response: sla.targets).
            QString field = formField(path, error.field);
            while (!field.isEmpty() && !m_errors.contains(field))
                field.truncate(std::max<qsizetype>(0, field.lastIndexOf(u'.')));
            if (QLabel *label = m_errors.value(field)) {
                label->setText(error.message);
                label->show();
                m_status->setText(tr("Not saved: see the message under the field."));
            } else {
                m_status->setText(tr("Not saved: %1").arg(error.message));
            }
            return;
        }
        if (then)
            then(*answer);
        m_status->setText(done);
        reload(done);
    });
}

// Departments

void AdministrationWindow::showDepartment()
{
    const QListWidgetItem *item = m_departments->currentItem();
    if (!item)
        return;
    clearErrors();
    m_departmentId = item->data(IdRole).toLongLong();
    m_deleteDepartment->setEnabled(!m_leadOnly);
    const QJsonObject d = departmentById(m_departmentId);
    m_name->setText(d[u"name"_s].toString());
    m_publicLabel->setText(d[u"public_label"_s].toString());
    const QJsonObject labels = d[u"public_labels"_s].toObject();
    m_labelNb->setText(labels[u"nb"_s].toString());
    m_labelDe->setText(labels[u"de"_s].toString());
    m_senderName->setText(d[u"sender_name"_s].toString());
    m_signature->setPlainText(d[u"signature"_s].toString());
    QStringList addresses;
    for (const QJsonValue &address : d[u"addresses"_s].toArray())
        addresses.append(address.toString());
    m_addresses->setPlainText(addresses.join(u'\n'));
    QList<qint64> shops;
    for (const QJsonValue &shop : d[u"shops"_s].toArray())
        shops.append(shop.toInteger());
    m_shops->clear();
    for (const QJsonValue &s : std::as_const(m_shopData)) {
        auto *shop = new QListWidgetItem(s[u"name"_s].toString(), m_shops);
        shop->setData(IdRole, s[u"id"_s].toInteger());
        shop->setFlags(shop->flags() | Qt::ItemIsUserCheckable);
        shop->setCheckState(shops.contains(s[u"id"_s].toInteger()) ? Qt::Checked : Qt::Unchecked);
    }
    m_default->setChecked(d[u"is_default"_s].toBool());
    m_archived->setChecked(d[u"archived"_s].toBool());
    updatePreview();
}

void AdministrationWindow::newDepartment()
{
    const QSignalBlocker block(m_departments);
    m_departments->setCurrentRow(-1);
    clearErrors();
    m_departmentId = 0;
    m_deleteDepartment->setEnabled(false);
    for (QLineEdit *edit : {m_name, m_publicLabel, m_labelNb, m_labelDe, m_senderName})
        edit->clear();
    m_signature->clear();
    m_addresses->clear();
    for (int row = 0; row < m_shops->count(); ++row)
        m_shops->item(row)->setCheckState(Qt::Checked);
    m_default->setChecked(false);
    m_archived->setChecked(false);
    m_name->setFocus();
    updatePreview();
}

QJsonObject AdministrationWindow::departmentJson() const
{
    QJsonObject labels;
    if (!m_labelNb->text().trimmed().isEmpty())
        labels.insert(u"nb"_s, m_labelNb->text());
    if (!m_labelDe->text().trimmed().isEmpty())
        labels.insert(u"de"_s, m_labelDe->text());
    QJsonArray shops;
    for (int row = 0; row < m_shops->count(); ++row) {
        if (m_shops->item(row)->checkState() == Qt::Checked)
            shops.append(m_shops->item(row)->data(IdRole).toLongLong());
    }
    QJsonObject json{{u"public_labels"_s, labels}, {u"signature"_s, m_signature->toPlainText()}};
    if (!m_leadOnly) {
        json.insert(u"name"_s, m_name->text());
        json.insert(u"addresses"_s, QJsonArray::fromStringList(lines(m_addresses->toPlainText())));
        json.insert(u"shops"_s, shops);
        json.insert(u"archived"_s, m_archived->isChecked());
    }
    // Left empty on a new department: the server takes the name.
    if (m_departmentId != 0 || !m_publicLabel->text().trimmed().isEmpty())
        json.insert(u"public_label"_s, m_publicLabel->text());
    if (m_departmentId != 0 || !m_senderName->text().trimmed().isEmpty())
        json.insert(u"sender_name"_s, m_senderName->text());
    // Unticking the default is refused by the server, with its reason.
    if (!m_leadOnly && (m_departmentId != 0 || m_default->isChecked()))
        json.insert(u"is_default"_s, m_default->isChecked());
    return json;
}

void AdministrationWindow::saveItem(const QString &collection, qint64 &id, const QJsonObject &body,
                                    const QString &done, std::function<void(const QJsonObject &)> then)
{
    // A new one is made (and from then on is the one in the form), an
    // existing one changed.
    const bool creating = id == 0;
    save(creating ? "POST" : "PATCH", creating ? collection : u"%1/%2"_s.arg(collection).arg(id), body, done,
         [&id, then](const QJsonObject &saved) {
             id = saved.value(u"id"_s).toInteger();
             if (then)
                 then(saved);
         });
}

void AdministrationWindow::saveDepartment()
{
    saveItem(u"/api/v1/departments"_s, m_departmentId, departmentJson(),
             tr("Saved. Every desk gets the change within moments."));
}

void AdministrationWindow::deleteItem(const QString &collection, qint64 &id, QLineEdit *name, const QString &title,
                                      const QString &question)
{
    // The one named in the question: a reload while it is asked may choose
    // another.
    const qint64 gone = id;
    if (gone == 0 || m_busy)
        return;
    if (QMessageBox::question(this, title, question) != QMessageBox::Yes || id != gone)
        return;
    // Gone from the form only once the server agrees: a refusal (a
    // department in use) leaves it there.
    save("DELETE", u"%1/%2"_s.arg(collection).arg(gone), {}, tr("Deleted."), [&id, name, gone](const QJsonObject &) {
        if (id == gone) {
            id = 0;
            name->clear();
        }
    });
}

void AdministrationWindow::deleteDepartment()
{
    deleteItem(u"/api/v1/departments"_s, m_departmentId, m_name, tr("Delete department"),
               tr("Delete the department “%1”? Only one that has never had tickets, rules or members can be "
                  "deleted; archive the others.")
                   .arg(m_name->text()));
}

void AdministrationWindow::updatePreview()
{
    const QString sender = m_senderName->text().trimmed().isEmpty() ? m_name->text().trimmed()
                                                                     : m_senderName->text().trimmed();
    // Replies go from the first address as the server lists them: stored
    // in lower case, in alphabetical order.
    QStringList addresses = lines(m_addresses->toPlainText().toLower());
    addresses.sort();
    const QString from = addresses.isEmpty() ? sender : u"%1 <%2>"_s.arg(sender, addresses.constFirst());
    QString text = tr("From: %1").arg(from) + u'\n' + tr("Subject: Re: Where is my parcel? [#1042]") + u"\n\n"_s
                   + tr("Hi Maria,\n\nYour parcel left our warehouse this morning; the carrier brings it on Friday.");
    if (!m_signature->toPlainText().trimmed().isEmpty())
        text += u"\n\n"_s + m_signature->toPlainText();
    m_preview->setPlainText(text);
}

// Members

void AdministrationWindow::showMembers()
{
    const qint64 department = m_memberDepartment->currentData().toLongLong();
    // The agent in the form stays chosen as the table comes back.
    const QSignalBlocker block(m_members);
    m_members->setRowCount(0);
    for (const QJsonValue &a : std::as_const(m_agentData)) {
        QString role;
        for (const QJsonValue &membership : a[u"memberships"_s].toArray()) {
            if (membership[u"department"_s].toInteger() == department)
                role = membership[u"role"_s].toString();
        }
        const int row = m_members->rowCount();
        m_members->insertRow(row);
        QString name = a[u"name"_s].toString();
        if (a[u"is_admin"_s].toBool())
            name = tr("%1 (admin)").arg(name);
        if (a[u"disabled"_s].toBool())
            name = tr("%1 (disabled)").arg(name);
        auto *nameItem = new QTableWidgetItem(name);
        nameItem->setData(IdRole, a[u"id"_s].toInteger());
        m_members->setItem(row, 0, nameItem);
        m_members->setItem(row, 1, new QTableWidgetItem(a[u"email"_s].toString()));
        auto *roles = new QComboBox(m_members);
        roles->setObjectName(u"role-"_s + a[u"email"_s].toString());
        roles->addItem(tr("Not a member"), QString());
        roles->addItem(tr("Member"), u"member"_s);
        roles->addItem(tr("Lead"), u"lead"_s);
        roles->setCurrentIndex(std::max(0, roles->findData(role)));
        const qint64 agentId = a[u"id"_s].toInteger();
        connect(roles, &QComboBox::activated, this,
                [this, roles, agentId]() { setRole(agentId, roles->currentData().toString()); });
        m_members->setCellWidget(row, 2, roles);
        if (agentId == m_agentId)
            m_members->selectRow(row);
    }
}

void AdministrationWindow::setRole(qint64 agentId, const QString &role)
{
    const qint64 department = m_memberDepartment->currentData().toLongLong();
    const QString path = u"/api/v1/agents/%1/memberships/%2"_s.arg(agentId).arg(department);
    if (role.isEmpty())
        save("DELETE", path, {}, tr("Removed from the department. Their desk lets its tickets go."));
    else
        save("PUT", path, {{u"role"_s, role}}, tr("Saved. Their desk gets the department's tickets within moments."));
}

void AdministrationWindow::showAgent()
{
    const QList<QTableWidgetItem *> chosen = m_members->selectedItems();
    if (chosen.isEmpty())
        return;
    clearErrors();
    m_agentId = chosen.first()->data(IdRole).toLongLong();
    QJsonObject agent;
    for (const QJsonValue &a : std::as_const(m_agentData)) {
        if (a[u"id"_s].toInteger() == m_agentId)
            agent = a.toObject();
    }
    m_agentForm->setTitle(tr("Change %1").arg(agent[u"name"_s].toString()));
    m_agentName->setText(agent[u"name"_s].toString());
    m_agentEmail->setText(agent[u"email"_s].toString());
    m_agentPassword->clear();
    m_agentPassword->setPlaceholderText(tr("Leave empty to keep their password"));
    m_agentAdmin->setChecked(agent[u"is_admin"_s].toBool());
    m_agentDisabled->setChecked(agent[u"disabled"_s].toBool());
    m_agentDisabled->setEnabled(true);
    m_saveAgent->setText(tr("Save agent"));
    m_newAgent->setVisible(true);
}

void AdministrationWindow::newAgent()
{
    clearErrors();
    m_agentId = 0;
    {
        const QSignalBlocker block(m_members);
        m_members->clearSelection();
        m_members->setCurrentItem(nullptr);
    }
    m_agentForm->setTitle(tr("Add an agent"));
    for (QLineEdit *edit : {m_agentName, m_agentEmail, m_agentPassword})
        edit->clear();
    m_agentPassword->setPlaceholderText(tr("At least 8 characters; they can change it later"));
    m_agentAdmin->setChecked(false);
    m_agentDisabled->setChecked(false);
    m_agentDisabled->setEnabled(false); // a new account can sign in
    m_saveAgent->setText(tr("Add agent"));
    // Focus moves on before the button that had it goes (else it lands on
    // the table, which would choose its current row again).
    m_agentName->setFocus();
    m_newAgent->setVisible(false);
}

void AdministrationWindow::saveAgent()
{
    const bool creating = m_agentId == 0;
    QJsonObject body{{u"name"_s, m_agentName->text()},
                     {u"email"_s, m_agentEmail->text()},
                     {u"is_admin"_s, m_agentAdmin->isChecked()}};
    // A password typed is set; none kept as it is.
    if (creating || !m_agentPassword->text().isEmpty())
        body.insert(u"password"_s, m_agentPassword->text());
    if (!creating)
        body.insert(u"disabled"_s, m_agentDisabled->isChecked());
    saveItem(u"/api/v1/agents"_s, m_agentId, body,
             creating ? tr("Added. They can sign in now; choose their departments in the table.")
             : m_agentDisabled->isChecked()
                 ? tr("Saved. They cannot sign in, and their desks are signed out.")
                 : tr("Saved."),
             [this, creating](const QJsonObject &) {
                 // A new colleague leaves the form free for the next; a
                 // password never stays in it.
                 if (creating)
                     newAgent();
                 else
                     m_agentPassword->clear();
             });
}

// Routing rules

void AdministrationWindow::showRule()
{
    const QListWidgetItem *item = m_rules->currentItem();
    if (!item)
        return;
    clearErrors();
    m_ruleId = item->data(IdRole).toLongLong();
    QJsonObject rule;
    for (const QJsonValue &r : std::as_const(m_ruleData)) {
        if (r[u"id"_s].toInteger() == m_ruleId)
            rule = r.toObject();
    }
    const QSignalBlocker blocks[] = {QSignalBlocker(m_ruleName), QSignalBlocker(m_pattern),
                                     QSignalBlocker(m_ruleDepartment), QSignalBlocker(m_ruleField),
                                     QSignalBlocker(m_ruleShop), QSignalBlocker(m_ruleChannel),
                                     QSignalBlocker(m_regex), QSignalBlocker(m_enabled), QSignalBlocker(m_position)};
    m_ruleName->setText(rule[u"name"_s].toString());
    m_ruleDepartment->setCurrentIndex(std::max(0, m_ruleDepartment->findData(rule[u"department"_s].toInteger())));
    m_ruleField->setCurrentIndex(std::max(0, m_ruleField->findData(rule[u"field"_s].toString())));
    m_pattern->setText(rule[u"pattern"_s].toString());
    m_regex->setChecked(rule[u"is_regex"_s].toBool());
    m_ruleShop->setCurrentIndex(std::max(0, m_ruleShop->findData(rule[u"shop"_s].toInteger())));
    m_ruleChannel->setCurrentIndex(std::max(0, m_ruleChannel->findData(rule[u"channel"_s].toString())));
    m_enabled->setChecked(rule[u"enabled"_s].toBool());
    m_position->setValue(rule[u"position"_s].toInt());
    m_deleteRule->setEnabled(true);
    testMessage();
}

void AdministrationWindow::newRule()
{
    {
        const QSignalBlocker block(m_rules);
        m_rules->setCurrentRow(-1);
    }
    clearErrors();
    m_ruleId = 0;
    m_ruleName->clear();
    m_pattern->clear();
    m_regex->setChecked(false);
    m_ruleField->setCurrentIndex(0);
    m_ruleShop->setCurrentIndex(0);
    m_ruleChannel->setCurrentIndex(0);
    m_enabled->setChecked(true);
    m_position->setValue(0);
    m_deleteRule->setEnabled(false);
    m_ruleName->setFocus();
}

QJsonObject AdministrationWindow::ruleJson() const
{
    const QString channel = m_ruleChannel->currentData().toString();
    const qint64 shop = m_ruleShop->currentData().toLongLong();
    QJsonObject json{{u"name"_s, m_ruleName->text()},
                     {u"department"_s, m_ruleDepartment->currentData().toLongLong()},
                     {u"field"_s, m_ruleField->currentData().toString()},
                     {u"pattern"_s, m_pattern->text()},
                     {u"is_regex"_s, m_regex->isChecked()},
                     {u"shop"_s, shop > 0 ? QJsonValue(shop) : QJsonValue()},
                     {u"channel"_s, channel.isEmpty() ? QJsonValue() : QJsonValue(channel)},
                     {u"enabled"_s, m_enabled->isChecked()}};
    if (m_position->value() > 0)
        json.insert(u"position"_s, m_position->value());
    return json;
}

void AdministrationWindow::saveRule()
{
    saveItem(u"/api/v1/routing-rules"_s, m_ruleId, ruleJson(), tr("Saved. New contacts are routed by it from now on."));
}

void AdministrationWindow::deleteRule()
{
    deleteItem(u"/api/v1/routing-rules"_s, m_ruleId, m_ruleName, tr("Delete routing rule"),
               tr("Delete the rule “%1”?").arg(m_ruleName->text()));
}

void AdministrationWindow::testMessage()
{
    if (m_testSubject->text().trimmed().isEmpty() && m_testBody->toPlainText().trimmed().isEmpty()
        && m_testAddress->text().trimmed().isEmpty()) {
        m_testResult->setText(tr("Write a subject or a message to see where it goes."));
        return;
    }
    QList<Department> departments;
    for (const QJsonValue &d : std::as_const(m_departmentData))
        departments.append(Department::fromJson(d.toObject()));
    // The rules as saved, with the one in the form as it stands.
    QList<RoutingRule> rules;
    bool unsavedNewRule = false;
    const Expected<RoutingRule> edited = RoutingRule::fromJson(ruleJson(), RoutingRule{}, true);
    for (const QJsonValue &r : std::as_const(m_ruleData)) {
        Expected<RoutingRule> rule = RoutingRule::fromJson(r.toObject(), RoutingRule{}, true);
        if (!rule)
            continue;
        rule->id = r[u"id"_s].toInteger();
        rule->position = r[u"position"_s].toInt();
        if (rule->id == m_ruleId && edited) {
            const int position = m_position->value() > 0 ? m_position->value() : rule->position;
            *rule = *edited;
            rule->id = m_ruleId;
            rule->position = position;
        }
        rules.append(*rule);
    }
    if (m_ruleId == 0 && edited && !m_ruleName->text().trimmed().isEmpty()) {
        RoutingRule added = *edited;
        added.id = std::numeric_limits<qint64>::max();
        int last = 0;
        for (const RoutingRule &rule : std::as_const(rules))
            last = std::max(last, rule.position);
        added.position = m_position->value() > 0 ? m_position->value() : last + 10;
        rules.append(added);
        unsavedNewRule = true;
    }
    std::stable_sort(rules.begin(), rules.end(), [](const RoutingRule &a, const RoutingRule &b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });

    Inquiry inquiry;
    inquiry.subject = m_testSubject->text();
    inquiry.body = m_testBody->toPlainText();
    inquiry.toAddress = m_testAddress->text().trimmed();
    inquiry.shopId = m_testShop->currentData().toLongLong();
    inquiry.channel = channelFromString(m_testChannel->currentData().toString()).value_or(Channel::Web);
    const Expected<RoutingDecision> decision = RoutingTable(departments, rules).route(inquiry);
    if (!decision) {
        m_testResult->setText(tr("Nowhere: %1").arg(decision.error().message));
        return;
    }
    const QString department = departmentName(decision->departmentId);
    QString said;
    switch (decision->reason) {
    case RoutingDecision::Reason::Address:
        said = tr("%1, because it was sent to %2.").arg(department, inquiry.toAddress);
        break;
    case RoutingDecision::Reason::Rule: {
        QString rule;
        for (const RoutingRule &r : std::as_const(rules)) {
            if (r.id == decision->ruleId)
                rule = r.name;
        }
        said = tr("%1, because it matches the rule “%2”.").arg(department, rule);
        break;
    }
    case RoutingDecision::Reason::Form:
    case RoutingDecision::Reason::Default:
        said = tr("%1, because no rule matches and it is the default department.").arg(department);
        break;
    }
    if (unsavedNewRule)
        said += u'\n' + tr("(The new rule counts, though not saved yet.)");
    m_testResult->setText(said);
}

} // namespace Signpost
