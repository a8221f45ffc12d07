#pragma once
// One scenario folder (docs/scenario-format.md): scenario.json and the Python
// programs it runs. Loading checks everything once; a broken folder gives one
// Problem "folder-invalid" naming the file, the key and what is wrong.

#include "FolderWire.h"
#include "Problem.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace socklab {

struct FolderProgram {
    QString actor;
    QString role = QStringLiteral("peer");
    QString file;
    QStringList args;
    QMap<QString, QString> env;
    QString stdinText;
    bool hasStdin = false;
    QString copies; // "{backlog}+2", "3" or empty
};

struct FolderStep {
    QString actor;     // empty: a wait step
    QString untilCall; // "accept"
    int untilLine = -1;
    bool untilExit = false;
    int calls = 0;     // 0: one, unless until is given
    int waitMs = -1;   // a wait step
    int minWaitMs = 0;
    int maxWaitMs = 20000; // a step that never gets quiet; generous: Python under the gate on a loaded machine can take seconds to reach its first call
    QString caption;
    // Lesson keys (docs/scenario-format.md): the until call must raise this
    // Python exception ("TimeoutError"); this step and the next repeatSpan-1
    // are run `repeat` times ("{count}", "{backlog}+2", "3").
    QString raises;
    QString repeat;
    int repeatSpan = 1;
};

// "framing": the receiver's parse of the byte stream, told as parsed-message notes.
struct FolderFraming {
    QString actor;     // empty: none
    QString kind;      // "delimiter", "length-prefix", "per-recv"
    QString delimiter; // "{delimiter}" substituted
};

struct FolderParameter {
    QString name;
    QString type; // "port", "int", "text"
    QVariant defaultValue;
    qint64 min = 0, max = 0;
    int maxBytes = 4096;
    // Checks on text values: at least minBytes bytes; a list of non-empty items
    // split at listSeparator, at most maxItems; no item of the parameter notIn
    // contains this value.
    int minBytes = 0;
    QString listSeparator;
    int maxItems = 0;
    QString notIn;
};

class ScenarioFolder
{
public:
    using CaptionCheck = std::function<bool(const QString&)>;

    // `dir` is a directory or a resource path (":/scenarios/handshake").
    // Captions are checked when `knownCaption` is given.
    static std::optional<ScenarioFolder> load(const QString& dir, const CaptionCheck& knownCaption,
                                              Problem* error);
    // Parses scenario.json text (the folder's files checked through `hasFile`).
    static std::optional<ScenarioFolder> parse(const QString& id, const QByteArray& json,
                                               const std::function<bool(const QString&)>& hasFile,
                                               const CaptionCheck& knownCaption, Problem* error);

    QString id;
    QString dir;
    bool teacher = false; // from the user's data folder, not built in
    FolderWire wire;      // wire mode: the policy and the steps' wire actions (FolderWire.h)
    QString titleEn, titleZh;
    QString lesson;
    QList<FolderProgram> programs;
    QList<FolderStep> steps;
    QList<FolderParameter> parameters;
    FolderFraming framing;

    QString title(const QString& language) const;
    QString filePath(const QString& file) const { return dir + '/' + file; }
    QByteArray source(const QString& file) const;
    // Defaults, then the user's values (strings from the command line, typed
    // values from the window), checked; "param-unknown"/"param-range"/... otherwise.
    bool resolveParameters(const QVariantMap& given, QVariantMap* values, Problem* error) const;
    // The programs with their copies expanded (actors client1..clientN).
    QList<FolderProgram> expandedPrograms(const QVariantMap& values) const;
    // "{name}" replaced by values[name].
    static QString substitute(const QString& text, const QVariantMap& values);
    // How many copies "{backlog}+2" means with these values (1 when empty, -1 when malformed).
    static int copiesCount(const QString& copies, const QVariantMap& values);
    // The steps with their repeats expanded for these values.
    QList<FolderStep> expandedSteps(const QVariantMap& values) const;
    // The checks of min_bytes, list and not_in on resolved values ("param-…").
    bool checkValues(const QVariantMap& values, Problem* error) const;
};

} // namespace socklab
