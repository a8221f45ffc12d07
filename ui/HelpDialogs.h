#pragma once
// Help ▸ Glossary and Help ▸ About: the lesson's words in both languages, and
// what socklab is.

class QWidget;

namespace socklab {

void showGlossary(QWidget* parent);
void showAbout(QWidget* parent);

} // namespace socklab
