#!/usr/bin/perl
# zh_message.pl ENGLISH CHINESE - is CHINESE the same message as ENGLISH, in Chinese?
# Used by tests/test_bad.sh for the bad-input corpus under --lang zh. Checks:
#  1. the prefix "WHERE[:LINE[:COL]]: [section] key: " (the contract) is the English one,
#     byte for byte (WHERE is the file, or the option such as "--set a.b=c");
#  2. the rest holds Chinese text (a CJK ideograph);
#  3. no English sentence leaks: with what is code set aside (quoted values '...' and
#     “...”, [section] names, distribution signatures such as gamma(mean, sd), and any
#     token holding a digit, '_', '.', '/', '=', '<', '>', '|' or ':' between letters),
#     no run of 3 ASCII words in a row is left, and none of the common English words
#     that every sentence needs (the, is, not, must, ...) stands alone ('to' is left out:
#     it is also a key, [sweep] to); and no '???' (text lost converting to ASCII).
# Prints nothing and exits 0 when all hold; else says which failed and exits 1.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':encoding(UTF-8)';
my ($en, $zh) = map { utf8::decode($_); $_ } @ARGV;
my $prefix_re = qr/^((?:--[a-z]+ \S*|[^ :]+)(?::\d+){0,2}: (?:\[[^\] ]+\] )?(?:[A-Za-z_][A-Za-z0-9_]*: )?)/;
my ($want) = $en =~ $prefix_re;
$want //= '';
my @bad;
push @bad, "prefix: want '$want'" if $want eq '' || index($zh, $want) != 0;
my $rest = index($zh, $want) == 0 ? substr($zh, length $want) : $zh;
push @bad, "no Chinese text" unless $rest =~ /\p{Han}/;
push @bad, "'???': characters lost in a conversion to ASCII" if $rest =~ /\?\?\?/;
my $plain = $rest;
$plain =~ s/“[^”]*”/ /g;                          # quoted values
$plain =~ s/'[^']*'/ /g;
$plain =~ s/\[[^\]]*\]/ /g;                       # [section]
$plain =~ s/\b[a-z_]+\([^)]*\)/ /g;               # gamma(mean, sd), exp(mu)
$plain =~ s/\b\w+(?: \| \w+)+/ /g;                  # a choice's names: no | yes
$plain =~ s/[^\x00-\x7f]+/ | /g;                  # Chinese text and full-width punctuation break runs
my $run = 0;
my @stop = qw(the is are not must and with of be an for in at got did you mean missing unknown write give use
  has have this that it its or no);
my %stop = map { $_ => 1 } @stop;
for my $tok (split /\s+/, $plain) {
    next if $tok eq '';
    my $word = $tok =~ /^\(?([A-Za-z]+)[,;:.?!)]?$/ ? lc $1 : undef;
    if (defined $word) {
        $run++;
        push @bad, "English word '$word' alone" if $stop{$word};
        push @bad, "a run of English words ending at '$tok'" if $run == 3;
    } else {
        $run = 0;
    }
}
if (@bad) {
    print join('; ', @bad), "\n";
    exit 1;
}
exit 0;
