#pragma once
// The text form of a timeline for `socklab run`, `lab` and `replay`: tcpdump-like
// packet lines interleaved with calls, returns, states and what the programs
// printed. The words are translated (tr()); the packet notation
// ("[SYN,ACK] seq=0 ack=1 win=65483") and Python's call syntax are not.

#include "Timeline.h"

#include <QString>

namespace socklab {

QString formatCaptureLine(const Timeline& tl);
QString formatEvent(const Timeline& tl, const Event& e); // empty for events not shown
QString formatTimeline(const Timeline& tl);
QString formatTcpOptions(const TcpOptions& o); // "<mss 65495,sackOK,TS val 1 ecr 0,nop,wscale 7>"
QString pythonBytes(const QByteArray& data, int maxChars = 60); // b'hello\n'

} // namespace socklab
