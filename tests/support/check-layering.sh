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
[ "$wrong" -eq 0 ] && echo "core layering holds: domain <- rules <- storage <- usecases"
exit "$wrong"
