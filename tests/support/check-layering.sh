#!/bin/sh
# Every arrow in core runs one way: domain <- rules <- storage <- usecases, and no widgets.
# Prints each include that points the wrong way and fails if there is one.
# Usage: check-layering.sh CORE_DIR
core=${1:?usage: check-layering.sh CORE_DIR}
wrong=0
refuse() { # layer, what it must not include (regex)
    found=$(grep -rnE "#include [<\"]($2)" "$core/$1" 2>/dev/null)
    if [ -n "$found" ]; then
        echo "$1 must not include $2:"
        echo "$found"
        wrong=1
    fi
}
refuse domain 'rules/|storage/|usecases/'
refuse rules 'storage/|usecases/'
refuse storage 'usecases/'
refuse . 'QtWidgets|QWidget|QDialog|QApplication'
# What differs between SQLite and PostgreSQL lives in their engines (storage/*engine.cpp), and
# the window and the commands hold no SQL of either: code lines only, comments may name them.
# The outbox is always a SQLite file of this desktop's, whatever war room it waits for.
engineSql='PRAGMA|pg_[a-z_]+\(|sqlite_master|current_user|NOTIFY|LISTEN|QSQLITE|QPSQL|advisory'
found=$(grep -rnE "$engineSql" "$core" "$core/../ui" "$core/../app" --include='*.cpp' \
        --include='*.h' | grep -vE 'storage/((sqlite|postgres)engine|outbox)\.cpp:' |
        grep -vE ':[0-9]+:[[:space:]]*//')
if [ -n "$found" ]; then
    echo "engine-specific SQL outside the engines:"
    echo "$found"
    wrong=1
fi
[ "$wrong" -eq 0 ] && echo "core layering holds: domain <- rules <- storage <- usecases; engine SQL only in the engines"
exit "$wrong"
