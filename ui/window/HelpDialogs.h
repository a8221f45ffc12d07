#pragma once
// Help ▸ Glossary and Help ▸ About: the lesson's words in both languages, and
// what socklab is.

#include <QString>

class QWidget;

namespace socklab {

void showGlossary(QWidget* parent);
void showAbout(QWidget* parent);
QString aboutText(); // what About shows: what socklab is, and its version

} // namespace socklab
