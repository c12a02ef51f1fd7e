#!/usr/bin/perl
# man_same.pl EN.1 ZH.1 - the Chinese man page (man/zh_CN/servlab.1) has the English
# page's (servlab.1) structure, so that the two cannot drift apart: the same number of
# sections (.SH), and in each section, taken in order, the same paragraph tags (the line
# after each .TP: a command or an option with its value, written alike in both) and every
# bold name of the English section (a command, option, key, section, metric, CSV column or
# value: the bold words of .B, .BR, .RB, .BI, .IB lines and of \fB...\fR) among the
# Chinese section's. Prints each difference; exits 1 if there is one.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':encoding(UTF-8)';

# the page's sections: [heading, [tags], {bold name => 1}]
sub sections {
    my ($file) = @_;
    open(my $fh, '<:encoding(UTF-8)', $file) or die "man_same: $file: $!\n";
    my (@sec, $after_tp);
    while (my $line = <$fh>) {
        chomp $line;
        if ($line =~ /^\.SH\s+"?(.*?)"?\s*$/) {
            push @sec, [$1, [], {}];
            next;
        }
        next unless @sec;
        my $s = $sec[-1];
        if ($line eq '.TP') { $after_tp = 1; next; }
        if ($after_tp) { push @{$s->[1]}, $line; $after_tp = 0; }
        $s->[2]{$_} = 1 for bold_names($line);
    }
    return @sec;
}

# the roff arguments of a macro line: words, or "quoted" words
sub args {
    my ($text) = @_;
    my @a;
    while ($text =~ /\G\s*(?:"((?:[^"]|"")*)"|(\S+))/gc) { push @a, defined $1 ? $1 : $2; }
    return @a;
}

# the names in bold text: roff escapes dropped, split at blanks and list punctuation
sub names {
    my ($text) = @_;
    $text =~ s/\\f[BIRP]//g;
    $text =~ s/\\[c:&]//g;
    $text =~ s/\\-/-/g;
    $text =~ s/\\\(\w\w/ /g;
    my @n;
    for my $w (split /[\s,、，；：。（）]+/, $text) {
        $w =~ s/^[(;:.]+|[);:.]+$//g;
        push @n, $w if $w =~ /[A-Za-z0-9_]/;
    }
    return @n;
}

sub bold_names {
    my ($line) = @_;
    my @bold;
    if ($line =~ /^\.(B|BR|RB|BI|IB)\s+(.*)$/) {
        my ($macro, @a) = ($1, args($2));
        for my $k (0 .. $#a) {
            my $is_bold = $macro eq 'B' || ($macro =~ /^B/ && $k % 2 == 0) || ($macro =~ /B$/ && $k % 2 == 1);
            push @bold, $a[$k] if $is_bold;
        }
    }
    push @bold, $1 while $line =~ /\\fB(.*?)(?=\\f[RIP]|$)/g;
    return map { names($_) } @bold;
}

my ($en_file, $zh_file) = @ARGV;
die "usage: man_same.pl EN.1 ZH.1\n" unless defined $zh_file;
my @en = sections($en_file);
my @zh = sections($zh_file);
my @bad;
push @bad, sprintf("%d sections in %s, %d in %s", scalar @en, $en_file, scalar @zh, $zh_file) if @en != @zh;
for my $i (0 .. $#en) {
    my ($head, $tags, $bold) = @{$en[$i]};
    my $zh_sec = $zh[$i] or last;
    my ($zh_head, $zh_tags, $zh_bold) = @{$zh_sec};
    my $where = "section " . ($i + 1) . " ($head / $zh_head)";
    if ("@$tags" ne "@$zh_tags") {
        my %have = map { $_ => 1 } @$zh_tags;
        my @missing = grep { !$have{$_} } @$tags;
        push @bad, "$where: its paragraphs (.TP) differ"
            . (@missing ? "; missing: " . join(' | ', @missing) : "; in another order or added");
    }
    my @missing = sort grep { !$zh_bold->{$_} } keys %$bold;
    push @bad, "$where: bold names missing: @missing" if @missing;
}
print "$_\n" for @bad;
exit(@bad ? 1 : 0);
