#pragma once

// Opens the war-room window: parses --database and --demo, opens the store, shows the window.
int runGui(int &argc, char **argv);
