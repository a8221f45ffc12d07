#include "NewScenarioDialog.h"

#include "ProblemText.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace socklab {

namespace {

// A folder name from the first program's file: "tcp_server.py" -> "my-tcp_server".
QString suggestedId(const ScenarioDraft& d)
{
    const QString base = d.programs.isEmpty() ? QStringLiteral("programs") : QFileInfo(d.programs.first().file).completeBaseName();
    return QStringLiteral("my-") + base.left(40);
}

} // namespace

NewScenarioDialog::NewScenarioDialog(const ScenarioDraft& draft, const QString& root, QWidget* parent)
    : QDialog(parent), m_draft(draft), m_root(root), m_id(new QLineEdit(this)), m_titleEn(new QLineEdit(this)),
      m_titleZh(new QLineEdit(this)), m_target(new QLabel(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("newScenarioDialog"));
    setWindowTitle(tr("New scenario from my programs"));
    m_id->setObjectName(QStringLiteral("scenarioId"));
    m_titleEn->setObjectName(QStringLiteral("titleEn"));
    m_titleZh->setObjectName(QStringLiteral("titleZh"));
    m_error->setObjectName(QStringLiteral("newScenarioError"));
    m_id->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_-]{1,60}")), m_id));
    m_id->setText(suggestedId(draft));
    m_titleEn->setPlaceholderText(tr("e.g. My echo server"));
    m_titleZh->setPlaceholderText(tr("optional, e.g. 我的回声服务器"));

    auto* intro = new QLabel(tr("The programs are saved exactly as they ran, with their arguments. "
                                "Without steps, each Step releases the next socket call."),
                             this);
    intro->setWordWrap(true);
    QStringList lines;
    for (const DraftProgram& p : draft.programs) {
        const QString role = p.role == QLatin1String("server")   ? tr("server")
                             : p.role == QLatin1String("client") ? tr("client")
                                                                 : tr("peer");
        lines << tr("%1 (%2): %3").arg(p.actor, role, (p.file + ' ' + p.args.join(' ')).trimmed());
    }
    auto* programs = new QLabel(lines.join('\n'), this);
    programs->setObjectName(QStringLiteral("draftPrograms"));
    programs->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Folder name:"), m_id);
    form->addRow(tr("Title (English):"), m_titleEn);
    form->addRow(tr("Title (Chinese):"), m_titleZh);
    form->addRow(tr("Programs:"), programs);
    form->addRow(tr("Saved to:"), m_target);
    m_target->setWordWrap(true);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_id, &QLineEdit::textChanged, this, &NewScenarioDialog::updateTarget);
    connect(m_titleEn, &QLineEdit::textChanged, this, &NewScenarioDialog::updateTarget);

    auto* box = new QVBoxLayout(this);
    box->addWidget(intro);
    box->addLayout(form);
    box->addWidget(m_error);
    box->addWidget(buttons);
    updateTarget();
    m_titleEn->setFocus();
}

void NewScenarioDialog::updateTarget()
{
    m_target->setText(m_root + '/' + m_id->text() + '/');
    m_save->setEnabled(!m_id->text().isEmpty() && !m_titleEn->text().trimmed().isEmpty());
    m_error->hide();
}

bool NewScenarioDialog::save()
{
    ScenarioDraft d = m_draft;
    d.id = m_id->text();
    d.titleEn = m_titleEn->text().trimmed();
    d.titleZh = m_titleZh->text().trimmed();
    Problem why;
    QString dir;
    if (!ScenarioFolderWriter::write(m_root, d, &dir, &why)) {
        m_error->setText(problemText(why));
        m_error->show();
        adjustSize(); // the line under the form, nothing above it squeezed
        return false;
    }
    m_savedId = d.id;
    m_savedDir = dir;
    return true;
}

} // namespace socklab
