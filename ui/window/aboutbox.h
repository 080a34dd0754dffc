#pragma once

class QWidget;

namespace wordrace {

// Help > About WordRace: what WordRace is and how to read its charts.
void showAboutBox(QWidget *parent);

} // namespace wordrace
