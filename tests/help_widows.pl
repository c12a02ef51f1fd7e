#!/usr/bin/perl
# help_widows.pl < HELP - the entries of `servlab --help` (a line that begins with two
# blanks and a name, then its continuations, indented further) whose text wraps and whose
# last line is a widow: two words or fewer, a Chinese character (a CJK ideograph)
# counting as half a word and full-width punctuation as none, the rule of lang_widow
# (lang/lang.h). Prints each such entry's first and last lines; exits 1 if there is one.
use strict;
use warnings;
use utf8;
binmode STDIN,  ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';
my ($head, $last, $bad) = (undef, undef, 0);

sub widow {
    my ($line) = @_;
    my $halves = () = $line =~ /\p{Han}/g;
    (my $rest = $line) =~ s/[\p{Han}\x{3000}-\x{303f}\x{ff00}-\x{ffef}]/ /g;
    $halves += 2 * scalar(() = $rest =~ /\S+/g);
    return $halves <= 4;
}

sub entry_ends {
    if (defined $last && widow($last)) {
        print "$head\n$last\n";
        $bad = 1;
    }
    ($head, $last) = (undef, undef);
}
while (my $line = <STDIN>) {
    chomp $line;
    if ($line =~ /^  \S/) {
        entry_ends();
        $head = $line;
    } elsif (defined $head && $line =~ /^ {3,}\S/) {
        $last = $line;
    } else {
        entry_ends();
    }
}
entry_ends();
exit $bad;
