#!/usr/bin/perl
# ids.pl FILE... - the test ids of tests/*.sh and tests/*.c are unique (docs/conventions.md,
# rule 13): prints each id given at more than one place, and each id prefix used by more
# than one file; exits 1 if there is any. An id is the first word of a check's name,
# PREFIX-N[.N...][letter] (cli-4.2b), read where it begins a quoted string ("cli-4.2b ...",
# not after '=', which assigns some other text), or, in a shell test, where it is the first
# argument of a helper (simulate report-8 run ...: that helper's ids report-8.0, ...). An
# id built from a variable (cli-4.$i, structure-1.%d) counts as one id, distinct from the
# others; a loop that prints it with its variable's values prints distinct ids.
use strict;
use warnings;

my $id = qr/[a-z][a-z0-9_]*-(?:[0-9]|\$|%)[^\s"']*/;
my (%at, %files);
for my $f (@ARGV) {
    open my $fh, '<', $f or die "ids.pl: $f: $!\n";
    while (my $l = <$fh>) {
        my @here;
        push @here, $2 while $l =~ /(?<![=\w\\])(["'])($id)(?=[\s"'])/g;
        push @here, "$1 $2" if $f =~ /\.sh$/ && $l =~ /^\s*(?:if\s+|!\s+)?([a-z_]+)\s+($id)\s/;
        for my $k (@here) {
            push @{$at{$k}}, "$f:$.";
            (my $prefix = $k) =~ s/^(?:[a-z_]+ )?([a-z0-9_]+)-.*/$1/;
            $files{$prefix}{$f} = 1;
        }
    }
    close $fh;
}
my $bad = 0;
for my $k (sort keys %at) {
    next if @{$at{$k}} < 2;
    print "$k: at @{$at{$k}}\n";
    $bad = 1;
}
for my $p (sort keys %files) {
    my @f = sort keys %{$files{$p}};
    next if @f < 2;
    print "$p-: in @f (a prefix belongs to one test)\n";
    $bad = 1;
}
exit $bad;
