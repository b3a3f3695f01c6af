#pragma once

#include "core/error.h"
#include "models/desk.h"

#include <QHash>
#include <QJsonArray>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace Signpost {

// Where an admin sets up the helpdesk without the API: departments (names,
// the labels customers see in each language, the sender name and signature
// with a preview of a reply as the customer gets it, receiving addresses,
// the default, the shops that offer it), who is in each department and in
// which role (and new agents), the routing rules, with a box that shows
// where a sample message would go and why, and the shops: the languages
// their contact forms speak and the pages that may send to Signpost. Every
// change goes to the server at once (this needs a connection) and is
// checked there: its message about a field is shown under that field.
// Desks get the changes with their next sync.
//
// A lead who is no admin gets the same window as "Department settings",
// for the departments they lead: the labels, sender name and signature,
// and the service levels tab; what reaches a department (its name,
// addresses, shops, default) and the other tabs stay the admins'.
class AdministrationWindow : public QWidget
{
    Q_OBJECT
public:
    explicit AdministrationWindow(Desk &desk, QWidget *parent = nullptr);

    // Reads departments, shops, agents and rules from the server again;
    // `said` stays in the status line.
    void reload(const QString &said = {});
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *statusLabel() const { return m_status; }
    // The label under a field of the department or rule form, by the
    // server's name of the field.
    QLabel *errorLabel(const QString &field) const { return m_errors.value(field); }

private:
    QWidget *makeDepartmentsTab();
    QWidget *makeServiceTab();
    QWidget *makeMembersTab();
    QWidget *makeRulesTab();
    QWidget *makeShopsTab();
    // A row for a field, and one under it for the server's message about it.
    QLabel *addField(QFormLayout *form, const QString &label, QWidget *field, const QString &serverName);
    QLabel *addErrorRow(QFormLayout *form, const QString &serverName);
    void showLoaded(const QJsonArray &departments, const QJsonArray &shops, const QJsonArray &agents,
                    const QJsonArray &rules);
    void clearErrors();

    void showDepartment();
    void newDepartment();
    void saveDepartment();
    void deleteDepartment();
    void updatePreview();
    QJsonObject departmentJson() const;

    void showService();
    void saveService();

    void showMembers();
    void setRole(qint64 agentId, const QString &role);
    // The agent chosen in the table, in the form below it; a new one.
    void showAgent();
    void newAgent();
    void saveAgent();

    void showShop();
    void newShop();
    void saveShop();

    void showRule();
    void newRule();
    void saveRule();
    void deleteRule();
    QJsonObject ruleJson() const;
    void testMessage();

    QJsonObject departmentById(qint64 id) const;
    QString departmentName(qint64 id) const;
    // Makes the item at `collection` (id 0) or changes item `id`; a new
    // one's id is kept in `id`.
    void saveItem(const QString &collection, qint64 &id, const QJsonObject &body, const QString &done,
                  std::function<void(const QJsonObject &)> then = {});
    // Asks, then deletes item `id` of `collection`; the form lets it go
    // (its id 0, `name` empty) once the server has.
    void deleteItem(const QString &collection, qint64 &id, QLineEdit *name, const QString &title,
                    const QString &question);
    void save(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &done,
              std::function<void(const QJsonObject &)> then = {});

    Desk &m_desk;
    QTabWidget *m_tabs;
    QLabel *m_status;
    QHash<QString, QLabel *> m_errors;
    bool m_busy = false;
    const bool m_leadOnly; // a lead's window: their departments' settings a lead may change
    quint64 m_saves = 0;      // saves begun, for the status of a reload
    bool m_reshowing = false; // a reload fills the forms while a later save waits: its errors stay

    QJsonArray m_departmentData;
    QJsonArray m_shopData;
    QJsonArray m_agentData;
    QJsonArray m_ruleData;

    // Departments
    QListWidget *m_departments;
    QLineEdit *m_name;
    QLineEdit *m_publicLabel;
    QLineEdit *m_labelNb;
    QLineEdit *m_labelDe;
    QLineEdit *m_senderName;
    QPlainTextEdit *m_signature;
    QPlainTextEdit *m_addresses;
    QListWidget *m_shops;
    QCheckBox *m_default;
    QCheckBox *m_archived;
    QPlainTextEdit *m_preview;
    QPushButton *m_newDepartment;
    QPushButton *m_deleteDepartment;
    qint64 m_departmentId = 0; // the one in the form; 0: a new one

    // Service levels
    QComboBox *m_serviceDepartment;
    QTableWidget *m_targets;
    QSpinBox *m_ownership;
    QSpinBox *m_atRisk;
    QComboBox *m_timeZone;
    QList<QLineEdit *> m_days; // Monday first
    QPlainTextEdit *m_holidays;
    QComboBox *m_assignmentMode;
    QSpinBox *m_capacity;
    QSpinBox *m_fileMegabytes;
    QSpinBox *m_messageMegabytes;
    qint64 m_fileBytes = 0; // the limits as read, to the byte
    qint64 m_messageBytes = 0;
    QHash<QString, QComboBox *> m_audiences; // by event

    // Members
    QComboBox *m_memberDepartment;
    QTableWidget *m_members;
    QLineEdit *m_agentName;
    QLineEdit *m_agentEmail;
    QLineEdit *m_agentPassword;
    QCheckBox *m_agentAdmin;
    QCheckBox *m_agentDisabled;
    QGroupBox *m_agentForm;
    QPushButton *m_saveAgent;
    QPushButton *m_newAgent;
    qint64 m_agentId = 0; // the one in the form; 0: a new one

    // Rules
    QListWidget *m_rules;
    QLineEdit *m_ruleName;
    QComboBox *m_ruleDepartment;
    QComboBox *m_ruleField;
    QLineEdit *m_pattern;
    QCheckBox *m_regex;
    QComboBox *m_ruleShop;
    QComboBox *m_ruleChannel;
    QCheckBox *m_enabled;
    QSpinBox *m_position;
    QPushButton *m_deleteRule;
    qint64 m_ruleId = 0;

    // Shops
    QListWidget *m_shopList;
    QLineEdit *m_shopName;
    QLineEdit *m_shopSlug;
    QListWidget *m_shopLanguages;
    QComboBox *m_shopDefaultLanguage;
    QPlainTextEdit *m_shopOrigins;
    qint64 m_shopId = 0;
    QLineEdit *m_testSubject;
    QPlainTextEdit *m_testBody;
    QLineEdit *m_testAddress;
    QComboBox *m_testShop;
    QComboBox *m_testChannel;
    QLabel *m_testResult;
};

} // namespace Signpost
