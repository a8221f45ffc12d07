#pragma once
// The "wire" keys of a scenario folder (docs/scenario-format.md, "wire"): the
// lab's wire policy, in the syntax of `socklab lab --wire` (WirePolicy::parse),
// and what the wire does to the packets at a step ("drop the next SYN", "hold
// the next FIN the server sends", "release what is held").
//
// The keys are taken out of scenario.json before the rest of the folder is
// checked, so the loader's other keys are untouched by them.

#include "Problem.h"
#include "WirePolicy.h"
#include "WireRule.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace socklab {

class Wire;

struct FolderWireAction {
    enum class Kind {
        DropNext, // a rule: drop the next `count` matching packets (from the nth on)
        HoldNext, // a rule: hold them until a later release / drop-held / pass
        Release,  // every packet held now goes on (hold rules keep acting)
        DropHeld, // every packet held now is dropped (its kernel will send it again)
        Pass,     // everything held goes on and every hold rule stops
    };
    Kind kind = Kind::DropNext;
    QString match = QStringLiteral("any"); // "SYN", "SYN-ACK", "FIN", "RST", "data", "ack", "udp", "any"
    WireDirection direction = WireDirection::Any;
    int nth = 1;
    int count = 1;      // -1: every matching packet
    int holdMs = -1;    // HoldNext: let it go by itself after this long (-1: until told)

    WireRule rule() const; // DropNext / HoldNext
    static QString kindName(Kind k); // "drop-next", ...
};

struct FolderWire {
    std::optional<WirePolicy> policy; // the folder runs in wire mode when set
    QString spec;                     // as written ("loss=25%,seed=11")
    QMap<int, QList<FolderWireAction>> steps; // step index -> its actions, in order

    // Removes the "wire" keys from `root` (and from its steps) into `out`;
    // false with one Problem "folder-invalid" (key "wire" or "steps[N].wire").
    static bool take(const QString& id, QJsonObject* root, FolderWire* out, Problem* error);
    // What a step's actions do to the lab's wire (rules added, held packets let go or dropped).
    static void apply(const QList<FolderWireAction>& actions, Wire& wire);
};

} // namespace socklab
