package org.noticeboard.command;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * The jar's entry point: with no arguments it serves the API; with a command (import, restore, export) it runs it
 * against the configured database and exits. A command opens no port, so it runs beside a serving instance, and logs
 * to standard error, so that standard output is only the command's own (a report, an export).
 */
@QuarkusMain
public class NoticeboardMain implements QuarkusApplication {

    @Inject
    Commands commands;

    public static void main(String... args) {
        if (args.length > 0) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.console.stderr", "true");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("noticeboard.demo-content", "false");
        }
        Quarkus.run(NoticeboardMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return commands.run(args);
    }
}
