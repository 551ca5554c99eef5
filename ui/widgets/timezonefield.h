#pragma once

class QLineEdit;

// Lets a line take a time zone as people know it: typing "berl" or "new_y" offers
// Europe/Berlin or America/New_York from every zone this computer knows.
namespace TimeZoneField {
void offerZones(QLineEdit *line);
} // namespace TimeZoneField
