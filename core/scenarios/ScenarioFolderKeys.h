#pragma once
// The lesson keys of scenario.json (docs/scenario-format.md) that the folders
// of the ten lessons after the handshake need: "framing" at the root, "raises"
// and "repeat" on steps (and repeated groups of steps), and the text checks
// "min_bytes", "list" and "not_in" on parameters. Each bad value is one
// "folder-invalid" problem naming the key, as the rest of the loader does.

#include "Problem.h"
#include "ScenarioFolder.h"

#include <QJsonArray>
#include <QJsonObject>

namespace socklab::folderkeys {

// Takes "framing" off the root (so the root's key check does not see it) and
// reads it; the actor and the {names} are checked by checkFraming.
bool takeFraming(const QString& id, QJsonObject* root, FolderFraming* out, Problem* error);
bool checkFraming(const ScenarioFolder& s, Problem* error);

// "min_bytes", "list" and "not_in" of a text parameter (o is its object).
bool readTextChecks(const QString& id, const QString& key, const QJsonObject& o, FolderParameter* p, Problem* error);
// not_in names another text parameter; every default passes its checks.
bool checkParameters(const ScenarioFolder& s, Problem* error);

// A step's "raises" and "repeat" and a group {"repeat": ..., "steps": [...]}:
// `in` flattened into `out` (plain steps), what was taken off kept in `marks`.
struct StepMark {
    int index = -1;
    QString raises, repeat;
    int span = 1;
};
bool flattenSteps(const QString& id, const QJsonArray& in, QJsonArray* out, QList<StepMark>* marks, Problem* error);
bool applyStepMarks(ScenarioFolder* s, const QList<StepMark>& marks, Problem* error);
// A text parameter's items (the whole value when it is no list).
QStringList itemsOf(const FolderParameter& p, const QString& value);
// The values "repeat" counts with: a list parameter's value is its number of items.
QVariantMap repeatValues(const QList<FolderParameter>& parameters, QVariantMap values);

} // namespace socklab::folderkeys
