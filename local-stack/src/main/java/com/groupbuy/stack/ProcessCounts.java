package com.groupbuy.stack;

import java.util.List;

/** How many api and worker processes {@code bin/run-local} starts: {@code --apis N --workers M}, 1 and 1 by default. */
record ProcessCounts(int apis, int workers) {

    static final int MAX = 16;
    static final String USAGE = "usage: bin/run-local [--apis N] [--workers M] [--json-logs]   (each from 1 to "
            + MAX + ", default 1; every api and worker is a JVM of its own; --json-logs: JSON log lines)";

    /** The counts {@code args} ask for; an IllegalArgumentException says what is wrong with them. */
    static ProcessCounts parse(List<String> args) {
        int apis = 1;
        int workers = 1;
        for (int i = 0; i < args.size(); i++) {
            String[] option = args.get(i).split("=", 2);
            String flag = option[0];
            if (!flag.equals("--apis") && !flag.equals("--workers")) {
                throw new IllegalArgumentException("unknown option " + args.get(i));
            }
            if (option.length == 1 && i + 1 == args.size()) {
                throw new IllegalArgumentException(flag + " needs a number");
            }
            int count = count(flag, option.length == 2 ? option[1] : args.get(++i));
            if (flag.equals("--apis")) {
                apis = count;
            } else {
                workers = count;
            }
        }
        return new ProcessCounts(apis, workers);
    }

    private static int count(String flag, String value) {
        int count;
        try {
            count = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, not '" + value + "'");
        }
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException(flag + " must be from 1 to " + MAX + ", not " + count);
        }
        return count;
    }
}
