/* b.c - tests/test_docs.sh (docs-12.2) runs tests/ids.pl on this and a.sh. Never built. */
static void b(int i)
{
    check(1, "a-5 the prefix a- of a.sh");
    check(1, "b-1.%d in a loop", i);
}
