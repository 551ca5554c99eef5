#include "eachengine.h"

#include "throwawaypostgres.h"

#include <QTest>

namespace EachEngine {
void addRows()
{
    QTest::addColumn<bool>("onServer");
    QTest::addRow("file") << false;
    QTest::addRow("server") << true;
}

std::unique_ptr<ScratchWarRoom> room(ThrowawayPostgres &server)
{
    QFETCH(bool, onServer);
    return onServer ? std::make_unique<ScratchWarRoom>(server.newDatabase())
                    : std::make_unique<ScratchWarRoom>();
}
} // namespace EachEngine
