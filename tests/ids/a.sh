# tests/test_docs.sh (docs-12.2) runs tests/ids.pl on this and b.c: tests/ids/want is
# what it must find. Never run.
ok "a-1 one check" 0
for i in 1 2; do ok "a-2.$i a check built in a loop: a-2.1, a-2.2" 0; done
ok "a-2.1b ... a letter makes another id" 0
ok 'a-3 a check' 0
[ -n "$x" ] && ok "a-3 another check, given the same id" 1
simulate a-4 run x.ini
page a-4 run x
simulate a-4 run y.ini
text="a-5 assigned: no check's name"
