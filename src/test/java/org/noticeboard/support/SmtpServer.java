package org.noticeboard.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real SMTP server (GreenMail) on a free port, which the application's mailer sends to instead of logging. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;

    public static GreenMail server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        // A connection the mail client stalls on (it now and then waits on a new connection's greeting) is given up
        // after seconds rather than GreenMail's default 30, so that the application's retry lands within a test's wait.
        server.getSmtp().setClientSocketTimeout(3_000);
        return Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
                // One connection per mail: a pooled connection that the test server stopped answering on once stalled
                // a mail for over ten seconds.
                "quarkus.mailer.keep-alive", "false",
                "noticeboard.api-url", "https://api.example.org/");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
